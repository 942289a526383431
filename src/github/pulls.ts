import { type Api, describeApiError, paginateBounded } from './api.js'
import type { RepoRef } from './context.js'

interface PullSummary {
  number: number
  state?: string
  head?: { sha?: string }
  base?: { repo?: { full_name?: string } | null }
}

/**
 * The open pull request of this repository whose head is `headSha`, asked of the API — a PR number found in an
 * artifact is never trusted. Fork heads are often missing from commits/{sha}/pulls, hence the `head=owner:branch` query.
 */
export async function findPullRequestByHead(
  api: Api,
  repo: RepoRef,
  headSha: string,
  head: { owner: string | null; branch: string | null }
): Promise<number | null> {
  const where = { owner: repo.owner, repo: repo.repo }
  const matches = (p: PullSummary) =>
    p.head?.sha === headSha && (p.state ?? 'open') === 'open' && (p.base?.repo?.full_name ?? repo.fullName).toLowerCase() === repo.fullName.toLowerCase()
  try {
    const { data } = await api.rest.repos.listPullRequestsAssociatedWithCommit({ ...where, commit_sha: headSha, per_page: 100 })
    const hit = (data as PullSummary[]).filter(matches).sort((a, b) => a.number - b.number)[0]
    if (hit) return hit.number
    if (head.owner && head.branch) {
      const pages = api.paginate.iterator(api.rest.pulls.list, { ...where, state: 'open', head: `${head.owner}:${head.branch}`, per_page: 100 })
      const pulls: PullSummary[] = await paginateBounded(3, pages)
      const byHead = pulls.filter(matches).sort((a, b) => a.number - b.number)[0]
      if (byHead) return byHead.number
    }
    return null
  } catch (error) {
    throw describeApiError(error, `find the pull request of commit ${headSha.slice(0, 7)}`, 'pull-requests: write')
  }
}
