import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { unzipSync } from 'fflate'
import { GitHub } from '@actions/github/lib/utils'
import type { Api } from '../../src/github/api.js'

/** One request the fake received, as the test asserts on it. */
export interface Recorded {
  method: string
  path: string
  query: Record<string, string>
  body: any
}

export interface Fault {
  method: string
  path: RegExp
  status: number
  times: number
  message?: string
  headers?: Record<string, string>
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  raw?: Uint8Array
}

export interface FakeRun {
  id: number
  event: string
  conclusion: string
  head_sha: string
  head_branch: string
  head_repository: { full_name: string }
  head_commit?: { timestamp: string }
}

export interface FakeArtifact {
  id: number
  runId: number
  name: string
  expired: boolean
  zip: Uint8Array
}

export interface FakeUpload {
  name: string
  files: Record<string, string>
  zip: Uint8Array
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

/**
 * A GitHub REST API, Actions results service and blob store on 127.0.0.1, with just the state interp-gate reads and
 * writes. Every request is recorded; `faults` make the next matching requests fail.
 */
export class FakeGitHub {
  readonly requests: Recorded[] = []
  readonly faults: Fault[] = []
  comments: { id: number; issue: number; body: string; user: { login: string; type: string }; html_url: string }[] = []
  checkRuns: { id: number; name: string; head_sha: string; conclusion: string; output: any; annotations: any[] }[] = []
  runs: FakeRun[] = []
  artifacts: FakeArtifact[] = []
  pulls: { number: number; state: string; head: { sha: string; ref: string; label: string }; base: { repo: { full_name: string } } }[] = []
  commits: Record<string, string> = {}
  /** What GET /user answers; null = 403, as for the GITHUB_TOKEN. */
  user: { login: string; type: string } | null = null
  /** commits/{sha}/pulls lists the PRs whose head is the sha; GitHub often leaves fork PRs out, which false mimics. */
  pullsByCommit = true
  /** The author of comments the token writes. */
  author = { login: 'github-actions[bot]', type: 'Bot' }
  readonly uploads: FakeUpload[] = []
  /** Git objects and refs for the Git Data API (the history branch); trees are flat path → blob maps. */
  readonly git = {
    blobs: new Map<string, Buffer>(),
    trees: new Map<string, Map<string, string>>(),
    commits: new Map<string, { tree: string; parents: string[]; message: string }>(),
    refs: new Map<string, string>()
  }
  /** The next N ref updates answer 422 "not a fast forward" even when they are one (another writer won). */
  nonFastForward = 0
  private blocks = new Map<string, Map<string, Buffer>>()
  private nextId = 1000
  private server: Server | null = null
  port = 0

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then((reply) => {
        const headers = { ...(reply.raw ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...reply.headers }
        res.writeHead(reply.status, headers)
        res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)))
      })
    })
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done))
    this.port = (this.server!.address() as AddressInfo).port
    return this
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done))
  }

  /** The requests that change something on GitHub (comments, check runs): a fork PR or unchanged body makes none. */
  writes(): Recorded[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/repos/'))
  }

  fail(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...fault })
  }

  id(): number {
    return this.nextId++
  }

  /** Registers an upload as an artifact of a workflow run (what GitHub does when that run's upload finalizes). */
  publishUpload(upload: FakeUpload, runId: number): FakeArtifact {
    const artifact = { id: this.id(), runId, name: upload.name, expired: false, zip: upload.zip }
    this.artifacts.push(artifact)
    return artifact
  }

  /** The same handlers without HTTP: octokit (REST methods, paginate) over a fetch that answers from this fake. */
  api(): Api {
    const base = 'http://fake-github.invalid'
    const fetch = async (url: string, init: { method?: string; body?: string | null } = {}) => {
      const u = new URL(url)
      const method = init.method ?? 'GET'
      const body = typeof init.body === 'string' && init.body.length ? JSON.parse(init.body) : undefined
      const reply = this.route({ method, path: u.pathname, query: Object.fromEntries(u.searchParams), body }, base)
      const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
      const response = new Response(reply.status === 204 || reply.status === 304 ? null : payload, {
        status: reply.status,
        headers: { 'content-type': 'application/json; charset=utf-8', ...reply.headers }
      })
      // A constructed Response has no url; octokit's paginate reads it.
      return Object.defineProperty(response, 'url', { value: url })
    }
    return new GitHub({ baseUrl: base, request: { fetch, retries: 0 } }) as Api
  }

  private async handle(req: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', this.url)
    const isJson = (req.headers['content-type'] ?? '').includes('json')
    const body = isJson && raw.length ? JSON.parse(raw.toString('utf8')) : raw
    return this.route({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body }, this.url)
  }

  /** `base` is where Link headers of paged lists point (octokit's paginate follows rel="next"). */
  private route(request: Recorded, base: string): Reply {
    this.requests.push(request)
    const fault = this.faults.find((f) => f.times > 0 && f.method === request.method && f.path.test(request.path))
    if (fault) {
      fault.times--
      return { status: fault.status, body: { message: fault.message ?? `fake ${fault.status}` }, headers: fault.headers }
    }
    const { method, path, query, body } = request
    const m = (pattern: RegExp) => pattern.exec(path)
    let g: RegExpExecArray | null
    if (method === 'GET' && path === '/user')
      return this.user ? { status: 200, body: this.user } : { status: 403, body: { message: 'Resource not accessible by integration' } }
    const link = (total: number) => nextLink(base, path, query, total)
    if (method === 'GET' && (g = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/)))
      return page(
        this.comments.filter((c) => c.issue === Number(g![1])),
        query,
        link
      )
    if (method === 'POST' && (g = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const id = this.id()
      const comment = { id, issue: Number(g[1]), body: body.body, user: this.author, html_url: `https://github.test/pull/${g[1]}#issuecomment-${id}` }
      this.comments.push(comment)
      return { status: 201, body: comment }
    }
    if (method === 'PATCH' && (g = m(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/))) {
      const comment = this.comments.find((c) => c.id === Number(g![1]))
      if (!comment) return { status: 404, body: { message: 'Not Found' } }
      comment.body = body.body
      return { status: 200, body: comment }
    }
    if (method === 'POST' && m(/^\/repos\/[^/]+\/[^/]+\/check-runs$/)) {
      const run = {
        id: this.id(),
        name: body.name,
        head_sha: body.head_sha,
        conclusion: body.conclusion,
        output: body.output,
        annotations: [...(body.output?.annotations ?? [])]
      }
      this.checkRuns.push(run)
      return { status: 201, body: { id: run.id, html_url: `https://github.test/runs/${run.id}` } }
    }
    if (method === 'PATCH' && (g = m(/^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/))) {
      const run = this.checkRuns.find((r) => r.id === Number(g![1]))
      if (!run) return { status: 404, body: { message: 'Not Found' } }
      run.annotations.push(...(body.output?.annotations ?? []))
      run.output = body.output
      return { status: 200, body: { id: run.id } }
    }
    if (method === 'GET' && m(/^\/repos\/[^/]+\/[^/]+\/actions\/(workflows\/[^/]+\/)?runs$/)) {
      const runs = this.runs.filter(
        (r) =>
          (!query.branch || r.head_branch === query.branch) &&
          (!query.event || r.event === query.event) &&
          (!query.status || r.conclusion === query.status) &&
          (!query.head_sha || r.head_sha === query.head_sha)
      )
      const sorted = [...runs].sort((a, b) => b.id - a.id)
      return { status: 200, body: { total_count: sorted.length, workflow_runs: pageItems(sorted, query) }, headers: link(sorted.length) }
    }
    if (method === 'GET' && (g = m(/^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)\/artifacts$/))) {
      const list = this.artifacts.filter((a) => a.runId === Number(g![1]) && (!query.name || a.name === query.name)).map(artifactJson)
      return { status: 200, body: { total_count: list.length, artifacts: pageItems(list, query) }, headers: link(list.length) }
    }
    if (method === 'GET' && (g = m(/^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/))) {
      const artifact = this.artifacts.find((a) => a.id === Number(g![1]))
      if (!artifact || artifact.expired) return { status: 410, body: { message: 'Artifact has expired' } }
      return { status: 302, headers: { location: `${this.url}/blob/download/${artifact.id}.zip?sig=secret` }, raw: new Uint8Array() }
    }
    if (method === 'GET' && (g = m(/^\/blob\/download\/(\d+)\.zip$/))) {
      const artifact = this.artifacts.find((a) => a.id === Number(g![1]))
      return artifact ? { status: 200, raw: artifact.zip, headers: { 'content-type': 'application/zip' } } : { status: 404, raw: new Uint8Array() }
    }
    if (method === 'GET' && (g = m(/^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/pulls$/)))
      return { status: 200, body: this.pullsByCommit ? this.pulls.filter((p) => p.head.sha === g![1]) : [] }
    if (method === 'GET' && (g = m(/^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/))) {
      const date = this.commits[g[1]]
      return date ? { status: 200, body: { sha: g[1], commit: { committer: { date } } } } : { status: 404, body: { message: 'Not Found' } }
    }
    if (method === 'GET' && m(/^\/repos\/[^/]+\/[^/]+\/pulls$/))
      return page(
        this.pulls.filter((p) => (!query.state || p.state === query.state) && (!query.head || p.head.label === query.head)),
        query,
        link
      )
    if (/^\/repos\/[^/]+\/[^/]+\/(git\/|tarball\/)/.test(path)) return this.gitData(method, path.replace(/^\/repos\/[^/]+\/[^/]+\//, ''), body)
    if (path.startsWith(TWIRP)) return this.twirp(path.slice(TWIRP.length), body)
    if (method === 'PUT' && path.startsWith('/devstoreaccount1/artifacts/')) return this.blob(path, query, body as Buffer)
    return { status: 404, body: { message: `fake GitHub has no route for ${method} ${path}` } }
  }

  /** The files of a branch at its tip, path → text; {} when it does not exist. */
  branchFiles(branch: string): Record<string, string> {
    const tip = this.git.refs.get(`refs/heads/${branch}`)
    if (!tip) return {}
    const tree = this.git.trees.get(this.git.commits.get(tip)!.tree)!
    return Object.fromEntries([...tree].map(([p, sha]) => [p, this.git.blobs.get(sha)!.toString('utf8')]))
  }

  private isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length) {
      const s = stack.pop()!
      if (s === ancestor) return true
      if (seen.has(s)) continue
      seen.add(s)
      stack.push(...(this.git.commits.get(s)?.parents ?? []))
    }
    return false
  }

  /** Git Data API: refs, blobs, trees (base_tree, sha: null deletes), commits; and the branch tarball. */
  private gitData(method: string, rest: string, body: any): Reply {
    const git = this.git
    const hash = (text: string) => createHash('sha1').update(text).digest('hex')
    const notFound: Reply = { status: 404, body: { message: 'Not Found' } }
    let g: RegExpExecArray | null
    if (method === 'GET' && (g = /^git\/ref\/(.+)$/.exec(rest))) {
      const sha = git.refs.get(`refs/${decodeURIComponent(g[1])}`)
      return sha ? { status: 200, body: { ref: `refs/${decodeURIComponent(g[1])}`, object: { sha, type: 'commit' } } } : notFound
    }
    if (method === 'POST' && rest === 'git/refs') {
      if (git.refs.has(body.ref)) return { status: 422, body: { message: 'Reference already exists' } }
      if (!git.commits.has(body.sha)) return { status: 422, body: { message: 'Object does not exist' } }
      git.refs.set(body.ref, body.sha)
      return { status: 201, body: { ref: body.ref, object: { sha: body.sha } } }
    }
    if (method === 'PATCH' && (g = /^git\/refs\/(.+)$/.exec(rest))) {
      const name = `refs/${decodeURIComponent(g[1])}`
      const current = git.refs.get(name)
      if (!current) return notFound
      if (this.nonFastForward > 0 || (!body.force && !this.isAncestor(current, body.sha))) {
        this.nonFastForward = Math.max(0, this.nonFastForward - 1)
        return { status: 422, body: { message: 'Update is not a fast forward' } }
      }
      git.refs.set(name, body.sha)
      return { status: 200, body: { ref: name, object: { sha: body.sha } } }
    }
    if (method === 'POST' && rest === 'git/blobs') {
      const bytes = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8')
      const sha = hash(`blob ${bytes.length}\0${bytes.toString('latin1')}`)
      git.blobs.set(sha, bytes)
      return { status: 201, body: { sha } }
    }
    if (method === 'POST' && rest === 'git/trees') {
      const tree = new Map(body.base_tree ? (git.trees.get(body.base_tree) ?? []) : [])
      if (body.base_tree && !git.trees.has(body.base_tree)) return { status: 422, body: { message: 'Invalid tree info' } }
      for (const item of body.tree) {
        if (item.sha === null) tree.delete(item.path)
        else if (!git.blobs.has(item.sha)) return { status: 422, body: { message: `tree.sha ${item.sha} is not a valid blob` } }
        else tree.set(item.path, item.sha)
      }
      const sha = hash(JSON.stringify([...tree].sort()))
      git.trees.set(sha, tree)
      return { status: 201, body: { sha } }
    }
    if (method === 'GET' && (g = /^git\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const c = git.commits.get(g[1])
      return c ? { status: 200, body: { sha: g[1], tree: { sha: c.tree }, parents: c.parents.map((sha) => ({ sha })), message: c.message } } : notFound
    }
    if (method === 'POST' && rest === 'git/commits') {
      if (!git.trees.has(body.tree)) return { status: 422, body: { message: 'Tree does not exist' } }
      const sha = hash(`${body.tree}${body.parents.join()}${body.message}${this.id()}`)
      git.commits.set(sha, { tree: body.tree, parents: body.parents, message: body.message })
      return { status: 201, body: { sha } }
    }
    if (method === 'GET' && (g = /^tarball\/(.+)$/.exec(rest))) {
      const ref = decodeURIComponent(g[1])
      const sha = git.commits.has(ref) ? ref : git.refs.get(`refs/heads/${ref}`)
      if (!sha) return notFound
      const tree = git.trees.get(git.commits.get(sha)!.tree)!
      return {
        status: 200,
        raw: tarball(
          `owner-repo-${sha.slice(0, 7)}`,
          sha,
          [...tree].map(([p, b]) => [p, git.blobs.get(b)!])
        ),
        headers: { 'content-type': 'application/x-gzip' }
      }
    }
    return { status: 404, body: { message: `fake GitHub has no route for ${method} ${rest}` } }
  }

  /** The Actions results service: CreateArtifact hands out a blob URL on this server; FinalizeArtifact records the upload. */
  private twirp(method: string, body: any): Reply {
    if (method === 'CreateArtifact')
      return { status: 200, body: { ok: true, signed_upload_url: `${this.url}/devstoreaccount1/artifacts/${encodeURIComponent(body.name)}.zip?sig=secret` } }
    if (method === 'FinalizeArtifact') {
      const zip = new Uint8Array(this.blocks.get(`/devstoreaccount1/artifacts/${encodeURIComponent(body.name)}.zip`)?.get('committed') ?? [])
      const files = Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]))
      this.uploads.push({ name: body.name, files, zip })
      return { status: 200, body: { ok: true, artifact_id: String(this.id()) } }
    }
    return { status: 404, body: { msg: `no twirp method ${method}` } }
  }

  /** Azure block blob: Put Block stores a block, Put Block List joins them in the listed order. */
  private blob(path: string, query: Record<string, string>, body: Buffer): Reply {
    const blocks = this.blocks.get(path) ?? new Map<string, Buffer>()
    this.blocks.set(path, blocks)
    if (query.comp === 'block') blocks.set(query.blockid, body)
    else if (query.comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map((x) => x[1])
      blocks.set('committed', Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0))))
    } else blocks.set('committed', body)
    return { status: 201, raw: new Uint8Array() }
  }
}

/** A gzip'd ustar archive the way GitHub serves a branch: pax global header with the commit, then "<root>/<path>". */
export function tarball(root: string, sha: string, files: [string, Buffer][]): Uint8Array {
  const blocks: Buffer[] = []
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512)
    const [prefix, base] = name.length > 100 ? [name.slice(0, name.lastIndexOf('/', name.length - 1)), name.slice(name.lastIndexOf('/') + 1)] : ['', name]
    h.write(base, 0)
    h.write('0000644\0', 100)
    h.write('0000000\0', 108)
    h.write('0000000\0', 116)
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124)
    h.write('00000000000\0', 136)
    h.write('        ', 148)
    h.write(type, 156)
    h.write('ustar\0', 257)
    h.write('00', 263)
    h.write(prefix, 345)
    let sum = 0
    for (const b of h) sum += b
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    return h
  }
  const add = (name: string, data: Buffer, type: string) => {
    blocks.push(header(name, data.length, type), data, Buffer.alloc((512 - (data.length % 512)) % 512))
  }
  const comment = `comment=${sha}\n`
  add('pax_global_header', Buffer.from(`${comment.length + 3 + String(comment.length).length} ${comment}`), 'g')
  for (const [path, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) add(`${root}/${path}`, data, '0')
  blocks.push(Buffer.alloc(1024))
  return gzipSync(Buffer.concat(blocks))
}

function artifactJson(a: FakeArtifact) {
  return { id: a.id, name: a.name, size_in_bytes: a.zip.length, expired: a.expired, created_at: '2026-01-01T00:00:00Z', workflow_run: { id: a.runId } }
}

function pageItems<T>(items: T[], query: Record<string, string>): T[] {
  const perPage = Number(query.per_page ?? 30)
  const n = Number(query.page ?? 1)
  return items.slice((n - 1) * perPage, n * perPage)
}

function page<T>(items: T[], query: Record<string, string>, link: (total: number) => Record<string, string>): Reply {
  return { status: 200, body: pageItems(items, query), headers: link(items.length) }
}

/** GitHub's `Link: <…&page=n+1>; rel="next"` while more items follow. */
function nextLink(base: string, path: string, query: Record<string, string>, total: number): Record<string, string> {
  const perPage = Number(query.per_page ?? 30)
  const n = Number(query.page ?? 1)
  if (n * perPage >= total) return {}
  const next = new URLSearchParams({ ...query, page: String(n + 1) })
  return { link: `<${base}${path}?${next}>; rel="next"` }
}
