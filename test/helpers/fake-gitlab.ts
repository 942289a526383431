import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake received, as the tests assert on it. */
export interface GitLabRecorded {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | undefined>
  body: any
}

export interface FakeNote {
  id: number
  body: string
  system: boolean
  author: { id: number; username: string }
}

/** A token the fake knows: whose it is and its scope (api writes notes, read_api only reads). */
export interface FakeToken {
  user: { id: number; username: string }
  scope: 'api' | 'read_api'
}

/**
 * GitLab's REST v4 on 127.0.0.1 with the state `interp-gate gitlab` reads and writes: the current user, merge request
 * notes (offset pagination with x-next-page and Link headers, as GitLab sends them) and job artifact files by ref.
 * Unknown tokens get 401, read_api tokens 403 insufficient_scope on writes, as GitLab answers.
 */
export class FakeGitLab {
  readonly requests: GitLabRecorded[] = []
  readonly tokens = new Map<string, FakeToken>()
  /** Job tokens that may read artifacts. */
  readonly jobTokens = new Set<string>()
  /** Notes per "project/iid". */
  readonly notes = new Map<string, FakeNote[]>()
  /** Artifact files per "project/ref/job/path". */
  readonly artifacts = new Map<string, string>()
  /** Notes per page when the client asks for more (GitLab caps per_page at 100; a small cap makes pagination visible). */
  pageCap = 100
  /** When set, artifact files are answered with a 302 to this origin (as gitlab.com's CDN), path = the artifact key. */
  artifactRedirect: string | null = null
  private nextId = 1000
  private server: Server | undefined
  url = ''

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req).then(
        (reply) => {
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
          res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}))
        },
        (error) => {
          res.writeHead(500)
          res.end(String(error))
        }
      )
    })
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done))
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/v4`
    return this
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done))
  }

  notesOf(project: string, iid: string): FakeNote[] {
    const key = `${project}/${iid}`
    if (!this.notes.has(key)) this.notes.set(key, [])
    return this.notes.get(key)!
  }

  addNote(project: string, iid: string, body: string, author: { id: number; username: string }, system = false): FakeNote {
    const note = { id: this.nextId++, body, system, author }
    this.notesOf(project, iid).push(note)
    return note
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const url = new URL(req.url!, 'http://127.0.0.1')
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v4/, ''))
    const headers = { 'private-token': req.headers['private-token'] as string | undefined, 'job-token': req.headers['job-token'] as string | undefined }
    this.requests.push({ method: req.method!, path, query: Object.fromEntries(url.searchParams), headers, body: text ? JSON.parse(text) : undefined })

    const privateToken = headers['private-token']
    const token = privateToken ? this.tokens.get(privateToken) : undefined
    if (privateToken && !token) return { status: 401, body: { message: '401 Unauthorized' } }
    const jobToken = headers['job-token'] !== undefined && this.jobTokens.has(headers['job-token'])

    const artifact = /^\/projects\/([^/]+)\/jobs\/artifacts\/([^/]+)\/raw\/(.+)$/.exec(path)
    if (req.method === 'GET' && artifact) {
      if (!token && !jobToken) return { status: 401, body: { message: '401 Unauthorized' } }
      const key = `${artifact[1]}/${artifact[2]}/${url.searchParams.get('job')}/${artifact[3]}`
      const file = this.artifacts.get(key)
      if (file !== undefined && this.artifactRedirect) return { status: 302, headers: { location: `${this.artifactRedirect}/${encodeURIComponent(key)}` } }
      return file === undefined
        ? { status: 404, body: { message: '404 Not Found' } }
        : { status: 200, body: file, headers: { 'content-type': 'application/octet-stream' } }
    }
    if (!token) return { status: 401, body: { message: '401 Unauthorized' } }
    if (req.method === 'GET' && path === '/user') return { status: 200, body: token.user }

    const notes = /^\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/.exec(path)
    if (!notes) return { status: 404, body: { message: '404 Not Found' } }
    const list = this.notesOf(notes[1], notes[2])
    if (req.method === 'GET' && !notes[3]) {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 20), this.pageCap)
      const page = Number(url.searchParams.get('page') ?? 1)
      const pages = Math.max(1, Math.ceil(list.length / perPage))
      const headers: Record<string, string> = {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-total': String(list.length),
        'x-total-pages': String(pages)
      }
      headers['x-next-page'] = page < pages ? String(page + 1) : ''
      if (page < pages) {
        const next = new URL(url)
        next.searchParams.set('page', String(page + 1))
        headers.link = `<${next.href}>; rel="next"`
      }
      return { status: 200, body: list.slice((page - 1) * perPage, page * perPage), headers }
    }
    if (token.scope !== 'api')
      return {
        status: 403,
        body: { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api' }
      }
    const body = (this.requests.at(-1)!.body as { body?: string })?.body
    if (typeof body !== 'string' || body === '') return { status: 400, body: { message: '400 Bad request - body is missing' } }
    if (req.method === 'POST' && !notes[3]) return { status: 201, body: this.addNote(notes[1], notes[2], body, token.user) }
    const note = list.find((n) => n.id === Number(notes[3]))
    if (req.method === 'PUT' && note) {
      if (note.author.id !== token.user.id) return { status: 403, body: { message: '403 Forbidden' } }
      note.body = body
      return { status: 200, body: note }
    }
    return { status: 404, body: { message: '404 Not Found' } }
  }
}
