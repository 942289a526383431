/** The slice of octokit the adapters use: `request(route, params)`. Unit tests pass a fake; the action passes octokit. */
export interface ApiResponse<T = any> {
  status: number
  data: T
  headers: Record<string, unknown>
}

export interface Api {
  request(route: string, params?: Record<string, unknown>): Promise<ApiResponse>
}

/** Uploads this run's artifact and downloads another run's (via the public REST API, `findBy`). */
export interface ArtifactStore {
  upload(name: string, files: string[], rootDirectory: string): Promise<{ id?: number; size?: number }>
  /** Saves the raw zip of artifact `id` of run `runId` into the empty folder `into`. */
  download(id: number, from: { owner: string; repo: string; runId: number }, into: string): Promise<void>
}

export interface GitHubClients {
  api: Api
  artifacts: ArtifactStore
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

/** Pages through a list endpoint (`per_page`/`page`) until a short page or `maxPages`; `pick` finds the items. */
export async function paginate<T>(api: Api, route: string, params: Record<string, unknown>, pick: (data: any) => T[], maxPages = 10): Promise<T[]> {
  const perPage = 100
  const items: T[] = []
  for (let page = 1; page <= maxPages; page++) {
    const { data } = await api.request(route, { ...params, per_page: perPage, page })
    const batch = pick(data) ?? []
    items.push(...batch)
    if (batch.length < perPage) break
  }
  return items
}
