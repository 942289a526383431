import { type Api, describeApiError, paginateBounded, statusOf } from './api.js'
import type { RepoRef } from './context.js'

/** The hidden first line that lets each suite's comment find itself again. */
export function stickyMarker(suite: string): string {
  return `<!-- interp-gate:suite=${suite} -->`
}

interface IssueComment {
  id: number | bigint
  body?: string | null
  html_url?: string
  user?: { login?: string; type?: string } | null
}

/** Whose comments count as ours: the token's user when GET /user answers, else GitHub Actions' bot. */
export type CommentAuthor = { login: string } | { bot: true }

/**
 * GET /user is forbidden for the GITHUB_TOKEN (an installation token), which always writes as a bot; a personal
 * token answers with its login.
 */
export async function tokenAuthor(api: Api): Promise<CommentAuthor> {
  try {
    const { data } = await api.rest.users.getAuthenticated()
    if (typeof data?.login === 'string') return { login: data.login }
  } catch (error) {
    const status = statusOf(error)
    if (status === undefined || status >= 500) throw error
  }
  return { bot: true }
}

function writtenBy(comment: IssueComment, author: CommentAuthor): boolean {
  if ('login' in author) return comment.user?.login === author.login
  return comment.user?.type === 'Bot'
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n').trimEnd()

/** Our earlier comment for this marker: by the token's author, starting with the marker; github-actions[bot] preferred. */
export function findSticky(comments: readonly IssueComment[], marker: string, author: CommentAuthor): IssueComment | undefined {
  const ours = comments.filter((c) => writtenBy(c, author) && (c.body ?? '').trimStart().startsWith(marker))
  return ours.find((c) => c.user?.login === 'github-actions[bot]') ?? ours[0]
}

export type CommentOutcome = { action: 'created' | 'updated' | 'unchanged'; id: number | bigint; url?: string } | { action: 'skipped'; reason: string }

export interface StickyCommentOptions {
  repo: RepoRef
  issueNumber: number
  marker: string
  body: string
  /** Whether a new comment should be created; an existing one is always kept current so it never goes stale. */
  create: boolean
}

/** Creates or updates the PR's sticky comment in place; no write when the body did not change. */
export async function upsertStickyComment(api: Api, options: StickyCommentOptions): Promise<CommentOutcome> {
  const { repo, issueNumber, marker, body } = options
  const where = { owner: repo.owner, repo: repo.repo }
  let existing: IssueComment | undefined
  try {
    const author = await tokenAuthor(api)
    const pages = api.paginate.iterator(api.rest.issues.listComments, { ...where, issue_number: issueNumber, per_page: 100 })
    const comments: IssueComment[] = await paginateBounded(30, pages)
    existing = findSticky(comments, marker, author)
  } catch (error) {
    throw describeApiError(error, `list the comments of pull request #${issueNumber}`, 'pull-requests: write')
  }
  if (existing && normalize(existing.body ?? '') === normalize(body)) return { action: 'unchanged', id: existing.id, url: existing.html_url }
  if (existing) {
    try {
      const { data } = await api.rest.issues.updateComment({ ...where, comment_id: Number(existing.id), body })
      return { action: 'updated', id: existing.id, url: data?.html_url ?? existing.html_url }
    } catch (error) {
      throw describeApiError(error, `update the comment on pull request #${issueNumber}`, 'pull-requests: write')
    }
  }
  if (!options.create) return { action: 'skipped', reason: 'nothing to report under this comment mode' }
  try {
    const { data } = await api.rest.issues.createComment({ ...where, issue_number: issueNumber, body })
    return { action: 'created', id: data.id, url: data.html_url }
  } catch (error) {
    throw describeApiError(error, `comment on pull request #${issueNumber}`, 'pull-requests: write')
  }
}
