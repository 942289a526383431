/**
 * A small GitLab REST v4 client over fetch: the three calls interp-gate makes (notes, the current user, one job
 * artifact file) need no SDK. Authentication: a personal, project or group access token in `PRIVATE-TOKEN`, or the
 * job's own CI_JOB_TOKEN in `JOB-TOKEN` (enough to download artifacts, never to write notes).
 * Endpoints and headers: GitLab's doc/api/rest/_index.md (authentication, pagination), doc/api/notes.md,
 * doc/api/job_artifacts.md.
 */
export type GitLabToken = { kind: 'private'; value: string } | { kind: 'job'; value: string }

/** What a failed call needs from the token, so a 401/403 can say what to change. */
export type Need = 'api' | 'read_api'

export class GitLabError extends Error {
  override name = 'GitLabError'
  constructor(
    message: string,
    readonly status: number | undefined
  ) {
    super(message)
  }
}

export interface GitLabResponse {
  status: number
  headers: Headers
  body: Uint8Array
}

export interface GitLabClient {
  readonly apiUrl: string
  request(method: 'GET' | 'POST' | 'PUT', path: string, options?: { query?: Record<string, string>; json?: unknown }): Promise<GitLabResponse>
}

export function gitlabClient(apiUrl: string, token: GitLabToken | null, fetchImpl: typeof fetch = fetch): GitLabClient {
  const base = apiUrl.replace(/\/+$/, '')
  return {
    apiUrl: base,
    async request(method, path, options = {}) {
      const url = new URL(`${base}${path}`)
      for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value)
      const headers: Record<string, string> = { accept: 'application/json' }
      if (token) headers[token.kind === 'private' ? 'PRIVATE-TOKEN' : 'JOB-TOKEN'] = token.value
      if (options.json !== undefined) headers['content-type'] = 'application/json'
      const body = options.json !== undefined ? JSON.stringify(options.json) : undefined
      let response = await send(fetchImpl, url, { method, headers, body }, base)
      // gitlab.com serves artifact files through a CDN redirect: follow it, sending the token only to GitLab's own origin.
      let current = url
      let trusted = true
      for (let hop = 0; method === 'GET' && REDIRECTS.has(response.status) && response.headers.get('location') && hop < 5; hop++) {
        const next = new URL(response.headers.get('location')!, current)
        trusted &&= next.origin === url.origin
        response = await send(fetchImpl, next, { method, headers: trusted ? headers : { accept: headers.accept } }, base)
        current = next
      }
      return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) }
    }
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

async function send(
  fetchImpl: typeof fetch,
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
  base: string
): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(60_000) })
  } catch (error) {
    throw new GitLabError(
      `${init.method} ${url.origin}${url.pathname}: ${(error as Error).message}; is CI_API_V4_URL (${base}) reachable from the job?`,
      undefined
    )
  }
}

export function jsonOf<T>(response: GitLabResponse, what: string): T {
  try {
    return JSON.parse(new TextDecoder().decode(response.body)) as T
  } catch {
    throw new GitLabError(`${what}: GitLab answered ${response.status} with a body that is not JSON`, response.status)
  }
}

/** The error text GitLab puts in a JSON body ({"message": …} or {"error": …, "error_description": …}), short. */
function said(response: GitLabResponse): string {
  const text = new TextDecoder().decode(response.body).slice(0, 2000)
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown }
    const parts = [body.message, body.error, body.error_description].filter((p) => p !== undefined).map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
    if (parts.length) return parts.join(': ').slice(0, 300)
  } catch {}
  return text.trim().slice(0, 300)
}

/**
 * "could not update the merge request note: 403 insufficient_scope — GITLAB_TOKEN needs the `api` scope…": the
 * status, what GitLab said, and what to change.
 */
export function describeGitLabError(response: GitLabResponse, doing: string, need: Need, tokenName: string): GitLabError {
  const status = response.status
  let hint = ''
  if (status === 401)
    hint = ` — ${tokenName} was not accepted (missing, expired or revoked): create a project access token with the \`${need}\` scope and store it as a masked CI/CD variable ${tokenName}`
  else if (status === 403)
    hint = ` — ${tokenName} may not do this: it needs the \`${need}\` scope${need === 'api' ? ' (read_api cannot write notes)' : ''} and at least the Reporter role on the project`
  else if (status === 404) hint = ` — not found, or ${tokenName} cannot see the project`
  // GitLab's own messages often start with the status already ("401 Unauthorized").
  const text = said(response)
  const shown = text.startsWith(String(status)) ? text : `${status}${text ? ` ${text}` : ''}`
  return new GitLabError(`could not ${doing}: ${shown}${hint}`, status)
}

/** The next page of a paginated list: `x-next-page` (offset pagination), else the `Link: <…>; rel="next"` URL's page. */
export function nextPage(headers: Headers): string | null {
  const next = headers.get('x-next-page')
  if (next && /^\d+$/.test(next.trim())) return next.trim()
  const link = headers.get('link')
  const match = link ? /<([^>]+)>\s*;\s*rel="next"/.exec(link) : null
  if (!match) return null
  try {
    return new URL(match[1]).searchParams.get('page')
  } catch {
    return null
  }
}
