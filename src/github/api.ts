import type { GitHub } from '@actions/github/lib/utils'

/**
 * Octokit with the REST endpoint methods and paginate (retry and throttling added by clients.ts). Unit tests build
 * the same class over a fetch that answers from the fake GitHub, so they run octokit's own pagination.
 */
export type Api = InstanceType<typeof GitHub>

/** Uploads this run's artifact and downloads another run's (via the public REST API, `findBy`). */
export interface ArtifactStore {
  upload(name: string, files: string[], rootDirectory: string): Promise<{ id?: number; size?: number }>
  /** Saves the raw zip of artifact `id` of run `runId` into the empty folder `into`. */
  download(id: number, from: { owner: string; repo: string; runId: number }, into: string): Promise<void>
}

export interface GitHubClients {
  api: Api
  artifacts: ArtifactStore
  /** The unit of every wait, in ms (clients.ts apiTiming); the history branch's backoff scales with it too. */
  waitUnitMs?: number
}

/** What each failed call needs from the token, so a 403 can say which permission is missing. */
export type Permission = 'pull-requests: write' | 'checks: write' | 'actions: read' | 'contents: read' | 'contents: write'

/** A failed GitHub call, with the status and what to do about it. */
export class GitHubError extends Error {
  override name = 'GitHubError'
  constructor(
    message: string,
    readonly status: number | undefined
  ) {
    super(message)
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : undefined
}

/** "could not update the PR comment: 403 Resource not accessible by integration — the token needs `pull-requests: write`…" */
export function describeApiError(error: unknown, doing: string, permission?: Permission): GitHubError {
  const status = statusOf(error)
  const raw = (error as Error)?.message ?? String(error)
  // Octokit appends " - https://docs.github.com/..." to messages; the first part is what GitHub said.
  const said = raw.split(' - https://')[0].trim()
  let hint = ''
  if ((status === 403 || status === 401) && permission && !/rate limit/i.test(said)) {
    hint = ` — the token needs \`${permission}\`: add it under \`permissions:\` in the workflow (pull requests from forks always get a read-only token; see mode: report)`
  } else if (status === 404 && permission) hint = ` — not found, or the token lacks \`${permission}\``
  return new GitHubError(`could not ${doing}: ${status ? `${status} ` : ''}${said}${hint}`, status)
}

/**
 * Octokit's paginate, following `Link: rel="next"`, stopped after `maxPages` pages: a busy repository must not cost
 * unbounded API calls.
 */
export async function paginateBounded<T>(maxPages: number, pages: AsyncIterable<{ data: T[] }>): Promise<T[]> {
  const items: T[] = []
  let page = 0
  for await (const { data } of pages) {
    items.push(...data)
    if (++page >= maxPages) break
  }
  return items
}
