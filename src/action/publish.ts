import type { Api } from '../github/api.js'
import { CHECK_TEXT_BYTES, COMMENT_BYTES } from '../domain/limits.js'
import { publishCheckRun } from '../github/checks.js'
import { stickyMarker, upsertStickyComment } from '../github/comment.js'
import type { RepoRef } from '../github/context.js'
import type { Annotation } from '../report/annotations.js'
import { headline, renderMarkdown } from '../report/markdown.js'
import type { Comparison } from '../results/results-schema.js'
import type { CoreLike } from './core-inputs.js'
import type { CommentMode } from './settings.js'

/** The sticky comment's body: marker first, no timestamps, so a re-run renders the same bytes. */
export function commentBody(comparison: Comparison): string {
  return renderMarkdown(comparison, { marker: stickyMarker(comparison.head.suite), maxBytes: COMMENT_BYTES })
}

/** Whether this run's report warrants a new comment; an existing one is updated whatever the mode. */
export function wantsNewComment(mode: CommentMode, c: Comparison): boolean {
  if (mode === 'always') return true
  if (mode === 'never') return false
  if (mode === 'on-change') return c.rows.some((r) => r.status !== 'pass')
  return c.rows.some(
    (r) =>
      r.status === 'regressed' ||
      r.status === 'accepted' ||
      r.status === 'failed' ||
      r.status === 'error' ||
      r.status === 'missing' ||
      r.status === 'incompatible'
  )
}

export interface PublishTarget {
  repo: RepoRef
  /** The pull request to comment on; null when there is none (push runs, no open PR for the head). */
  pullRequest: number | null
  /** The commit the check run belongs to: the PR head, never the merge commit. */
  headSha: string | null
  comparison: Comparison
  annotations: readonly Annotation[]
  comment: CommentMode
  checkName: string | undefined
}

export interface Published {
  commentUrl?: string
  checkRunId?: number
}

/** Comment and check run; each failure becomes a warning so the verdict, summary and outputs stand. */
export async function publishReport(core: CoreLike, api: Api, t: PublishTarget): Promise<Published> {
  const published: Published = {}
  const suite = t.comparison.head.suite
  if (t.pullRequest !== null && t.comment !== 'never') {
    try {
      const outcome = await upsertStickyComment(api, {
        repo: t.repo,
        issueNumber: t.pullRequest,
        marker: stickyMarker(suite),
        body: commentBody(t.comparison),
        create: wantsNewComment(t.comment, t.comparison)
      })
      if (outcome.action === 'skipped') core.info(`interp-gate: no PR comment (comment: ${t.comment}, ${outcome.reason})`)
      else {
        core.info(`interp-gate: PR comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}`)
        published.commentUrl = outcome.url
      }
    } catch (error) {
      core.warning(`interp-gate: ${(error as Error).message}`, { title: 'interp-gate: PR comment' })
    }
  }
  if (t.checkName && t.headSha) {
    try {
      const check = await publishCheckRun(api, {
        repo: t.repo,
        name: t.checkName,
        headSha: t.headSha,
        verdict: t.comparison.verdict,
        title: headline(t.comparison) || 'no metrics',
        summary: renderMarkdown(t.comparison, { maxBytes: CHECK_TEXT_BYTES }),
        annotations: t.annotations
      })
      core.info(`interp-gate: check run "${t.checkName}" with ${t.annotations.length} annotation(s) in ${check.requests} request(s)`)
      published.checkRunId = check.id
    } catch (error) {
      core.warning(`interp-gate: ${(error as Error).message}`, { title: 'interp-gate: check run' })
    }
  }
  return published
}
