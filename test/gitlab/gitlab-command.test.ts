import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { FakeGitLab } from '../helpers/fake-gitlab.js'
import { ROOT } from '../helpers/run-action.js'

const BOT = { id: 42, username: 'project_7_bot_interp' }
const PERSON = { id: 5, username: 'reviewer' }
const MARKER = '<!-- interp-gate:suite=explainers -->'

let gitlab: FakeGitLab
let ws: string

/** The variables GitLab sets in a merge request pipeline's job (doc/ci/variables/predefined_variables.md). */
function jobEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_API_V4_URL: gitlab.url,
    CI_PROJECT_ID: '7',
    CI_PROJECT_DIR: ws,
    CI_COMMIT_SHA: '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d',
    CI_COMMIT_REF_NAME: 'feature/x',
    CI_JOB_NAME: 'interp-gate',
    CI_JOB_TOKEN: 'job-token-1',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '3',
    CI_MERGE_REQUEST_PROJECT_ID: '7',
    CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '7',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    GITLAB_TOKEN: 'glpat-api',
    SOURCE_DATE_EPOCH: '1700000000',
    ...extra
  }
}

async function job(env: Record<string, string | undefined>, args: string[] = []) {
  let out = ''
  let err = ''
  const code = await main(['gitlab', ...args], { out: (t) => (out += t), err: (t) => (err += t), cwd: ws, env })
  return { code, out, err }
}

const writes = () => gitlab.requests.filter((r) => r.method !== 'GET')

beforeAll(async () => {
  gitlab = await new FakeGitLab().start()
})
afterAll(async () => {
  await gitlab.stop()
})
beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'interp-gate-gitlab-'))
  cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
  gitlab.requests.length = 0
  gitlab.notes.clear()
  gitlab.artifacts.clear()
  gitlab.tokens.clear()
  gitlab.jobTokens.clear()
  gitlab.pageCap = 100
  gitlab.artifactRedirect = null
  gitlab.tokens.set('glpat-api', { user: BOT, scope: 'api' })
  gitlab.tokens.set('glpat-read', { user: BOT, scope: 'read_api' })
  gitlab.jobTokens.add('job-token-1')
  // The target branch's last successful pipeline saved its results.json as the job's artifact.
  gitlab.artifacts.set('7/main/interp-gate/interp-gate-out/results.json', readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
})

describe('interp-gate gitlab in a merge request pipeline', () => {
  it('downloads the baseline artifact, creates the note, writes Code Quality, gates (exit 1), then updates the same note', async () => {
    const first = await job(jobEnv())
    expect(first.err).toBe('')
    expect(first.code).toBe(1)
    const download = gitlab.requests.find((r) => r.path.includes('/jobs/artifacts/'))!
    expect(download.path).toBe('/projects/7/jobs/artifacts/main/raw/interp-gate-out/results.json')
    expect(download.query).toEqual({ job: 'interp-gate' })
    expect(download.headers['private-token']).toBe('glpat-api')
    const notes = gitlab.notesOf('7', '3')
    expect(notes).toHaveLength(1)
    expect(notes[0].body.startsWith(`${MARKER}\n### ❌ interp-gate: failed`)).toBe(true)
    expect(notes[0].body).toContain(`— interp-gate-out/results.json of job "interp-gate" in main's latest successful pipeline; head \`9c1d2e3\`.`)
    expect(first.out).toContain(`merge request !3 note ${notes[0].id} created`)

    // Code Quality: one issue per problem metric, on the metric's `source:` file (else its config line), GitLab's fields.
    const issues = JSON.parse(readFileSync(join(ws, 'interp-gate-out/gl-code-quality-report.json'), 'utf8'))
    const config = readFileSync(join(ws, 'interp-gate.yml'), 'utf8')
    const source = /- id: ig-deletion\n(?:\s{4}.*\n)*?\s{4}source: (\S+)/.exec(config)![1]
    const deletion = issues.find((i: { description: string }) => i.description.startsWith('interp-gate: ig-deletion regressed'))
    expect(deletion).toMatchObject({ check_name: 'interp-gate/regressed', severity: 'major', location: { path: source, lines: { begin: 1 } } })
    expect(deletion.fingerprint).toMatch(/^[0-9a-f]{32}$/)
    expect(issues).toHaveLength(1)
    for (const issue of issues) expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity'])

    // Same results: the note is found and left alone; a changed body updates it in place.
    gitlab.requests.length = 0
    expect((await job(jobEnv())).out).toContain(`note ${notes[0].id} unchanged`)
    expect(writes()).toEqual([])
    notes[0].body = `${MARKER}\nan older report`
    const third = await job(jobEnv())
    expect(third.out).toContain(`note ${notes[0].id} updated`)
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /projects/7/merge_requests/3/notes/${notes[0].id}`])
    expect(gitlab.notesOf('7', '3')).toHaveLength(1)
    expect(notes[0].body.startsWith(`${MARKER}\n### ❌`)).toBe(true)
  })

  it('finds its note on a later page (x-next-page), ignoring others’ notes that quote the marker', async () => {
    gitlab.pageCap = 20
    for (let i = 0; i < 45; i++) gitlab.addNote('7', '3', i === 3 ? `${MARKER} quoted by a person` : `comment ${i}`, PERSON)
    const ours = gitlab.addNote('7', '3', `${MARKER}\nold`, BOT)
    gitlab.addNote('7', '3', 'a later comment', PERSON)
    const { out } = await job(jobEnv())
    expect(out).toContain(`note ${ours.id} updated`)
    const pages = gitlab.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/notes')).map((r) => r.query.page)
    expect(pages).toEqual(['1', '2', '3'])
    expect(gitlab.notesOf('7', '3')).toHaveLength(47)
    expect(writes()).toHaveLength(1)
  })

  it('follows Link rel="next" when x-next-page is absent', async () => {
    const { nextPage } = await import('../../src/gitlab/api.js')
    expect(nextPage(new Headers({ link: `<${gitlab.url}/projects/7/merge_requests/3/notes?page=4&per_page=100>; rel="next"` }))).toBe('4')
    expect(nextPage(new Headers({ 'x-next-page': '' }))).toBeNull()
    expect(nextPage(new Headers({ 'x-next-page': '2', link: '<http://x/?page=9>; rel="next"' }))).toBe('2')
  })

  it('a rejected GITLAB_TOKEN (401) on the baseline download exits 2 and says what to do', async () => {
    const { code, err } = await job(jobEnv({ GITLAB_TOKEN: 'glpat-revoked' }))
    expect(code).toBe(2)
    expect(err).toContain('could not download interp-gate-out/results.json from job "interp-gate" of main\'s latest successful pipeline: 401 Unauthorized')
    expect(err).toContain('GITLAB_TOKEN was not accepted (missing, expired or revoked)')
    expect(gitlab.notesOf('7', '3')).toEqual([])
  })

  it('a rejected token on the note is a warning: the gate, report and Code Quality stand', async () => {
    const { code, err } = await job(jobEnv({ GITLAB_TOKEN: 'glpat-revoked' }), ['--baseline', 'baseline/results.json'])
    expect(code).toBe(1)
    expect(err).toMatch(/^interp-gate: warning: could not list the notes of merge request !3: 401 .*GITLAB_TOKEN was not accepted/m)
    expect(readFileSync(join(ws, 'interp-gate-out/gl-code-quality-report.json'), 'utf8')).toContain('ig-deletion')
  })

  it('a read_api token (403 insufficient_scope) says the note needs the api scope', async () => {
    const { code, err } = await job(jobEnv({ GITLAB_TOKEN: 'glpat-read' }))
    expect(code).toBe(1)
    expect(err).toContain('could not add a note to merge request !3: 403 insufficient_scope: The request requires higher privileges')
    expect(err).toContain('GITLAB_TOKEN may not do this: it needs the `api` scope (read_api cannot write notes)')
    expect(gitlab.notesOf('7', '3')).toEqual([])
  })

  it('without GITLAB_TOKEN: the artifact is read with CI_JOB_TOKEN and the note is skipped with a warning', async () => {
    const { code, err } = await job(jobEnv({ GITLAB_TOKEN: undefined }))
    expect(code).toBe(1)
    const download = gitlab.requests.find((r) => r.path.includes('/jobs/artifacts/'))!
    expect(download.headers).toEqual({ 'private-token': undefined, 'job-token': 'job-token-1' })
    expect(err).toContain('GITLAB_TOKEN is not set, so no merge request note')
    expect(gitlab.requests.filter((r) => r.path.includes('/notes'))).toEqual([])
  })

  it('a merge request from a fork is read-only: baseline from the target project, no note', async () => {
    const { code, out } = await job(jobEnv({ CI_PROJECT_ID: '99', CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '99' }))
    expect(code).toBe(1)
    expect(gitlab.requests.find((r) => r.path.includes('/jobs/artifacts/'))!.path).toMatch(/^\/projects\/7\//)
    expect(out).toContain('merge request from a fork: read-only, no note')
    expect(gitlab.requests.filter((r) => r.path.includes('/notes'))).toEqual([])
  })

  it('no artifact on the target branch yet (404): every metric new, the note says why, exit 0', async () => {
    gitlab.artifacts.clear()
    const { code } = await job(jobEnv())
    expect(code).toBe(0)
    const [note] = gitlab.notesOf('7', '3')
    expect(note.body).toContain('No baseline: no interp-gate-out/results.json of job "interp-gate" in main')
    expect(note.body).toContain('7 new')
  })

  it('an artifact behind a CDN redirect is followed, and the token is not sent to the other origin', async () => {
    const seen: Record<string, string | undefined>[] = []
    const cdn = createServer((req, res) => {
      seen.push({ path: decodeURIComponent(req.url!), 'private-token': req.headers['private-token'] as string | undefined })
      res.end(gitlab.artifacts.get(decodeURIComponent(req.url!.slice(1))))
    })
    await new Promise<void>((done) => cdn.listen(0, '127.0.0.1', done))
    try {
      gitlab.artifactRedirect = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`
      const { code, out } = await job(jobEnv())
      expect(code).toBe(1)
      expect(out).toMatch(/🔴 regressed \| `ig-deletion`|regressed \| ig-deletion/)
      expect(seen).toEqual([{ path: '/7/main/interp-gate/interp-gate-out/results.json', 'private-token': undefined }])
    } finally {
      await new Promise((done) => cdn.close(done))
    }
  })

  it('with -C DIR the artifact and Code Quality paths are relative to CI_PROJECT_DIR', async () => {
    const project = mkdtempSync(join(tmpdir(), 'interp-gate-gitlab-project-'))
    cpSync(ws, join(project, 'explainers'), { recursive: true })
    gitlab.artifacts.set('7/main/interp-gate/explainers/interp-gate-out/results.json', readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
    let out = ''
    const code = await main(['gitlab', '-C', 'explainers'], { out: (t) => (out += t), err: () => {}, cwd: project, env: jobEnv({ CI_PROJECT_DIR: project }) })
    expect(code).toBe(1)
    expect(gitlab.requests.find((r) => r.path.includes('/jobs/artifacts/'))!.path).toBe(
      '/projects/7/jobs/artifacts/main/raw/explainers/interp-gate-out/results.json'
    )
    const issues = JSON.parse(readFileSync(join(project, 'explainers/interp-gate-out/gl-code-quality-report.json'), 'utf8'))
    expect(issues[0].location.path).toBe('explainers/src/explainers/ig.py')
    expect(out).toContain('note')
  })

  it('outside GitLab CI: exit 2 naming the missing variables', async () => {
    const { code, err } = await job({ GITLAB_TOKEN: 'glpat-api' })
    expect(code).toBe(2)
    expect(err).toContain('interp-gate gitlab runs inside a GitLab CI job, which sets CI_API_V4_URL and CI_PROJECT_ID')
  })

  it('a branch pipeline compares with the branch’s previous successful pipeline and posts no note', async () => {
    gitlab.artifacts.set('7/main/interp-gate/interp-gate-out/results.json', readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
    const env = jobEnv({ CI_COMMIT_REF_NAME: 'main', CI_MERGE_REQUEST_IID: undefined, CI_PIPELINE_SOURCE: 'push' })
    const { code, out } = await job(env, ['--junit', 'interp-gate-out/junit.xml'])
    expect(code).toBe(1)
    expect(out).toContain('not a merge request pipeline: no note')
    expect(readFileSync(join(ws, 'interp-gate-out/junit.xml'), 'utf8')).toContain('<failure type="regressed"')
  })
})
