import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub, type FakeUpload } from '../helpers/fake-github.js'
import { runAction } from '../helpers/run-action.js'
import {
  addPushRun,
  ARTIFACT,
  BASE_SHA,
  githubEnv,
  HEAD_SHA,
  pullRequestPayload,
  quickstartWorkspace,
  REPO,
  runPullRequest,
  workflowRunPayload,
  zipFiles
} from './github-env.js'

const REPORT_INPUTS = { mode: 'report', 'github-token': 'ghs_faketoken', 'check-name': 'interp-gate results' }

/**
 * The fork-safe pair: a fork PR's compare run uploads its artifact (no writes), then a workflow_run workflow in
 * mode: report posts the comment and check run from it — treating the artifact as untrusted data.
 */
describe('mode: report on workflow_run (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let upload: FakeUpload
  let compareRun: number
  beforeAll(async () => {
    fake = await new FakeGitHub().start()
    addPushRun(fake, { sha: BASE_SHA })
    const compare = await runPullRequest(
      fake,
      quickstartWorkspace(),
      { 'check-name': 'interp-gate report' },
      pullRequestPayload({ fork: 'forker/Hello-World' })
    )
    expect(fake.writes()).toEqual([])
    expect(compare.outputs.verdict).toBe('fail')
    upload = fake.uploads[0]
    compareRun = fake.id()
    fake.publishUpload(upload, compareRun)
  })
  afterAll(() => fake.stop())
  beforeEach(() => {
    fake.requests.length = 0
    fake.comments = []
    fake.checkRuns = []
    fake.pullsByCommit = true
    fake.pulls = [{ number: 2, state: 'open', head: { sha: HEAD_SHA, ref: 'changes', label: 'forker:changes' }, base: { repo: { full_name: REPO } } }]
  })

  const report = (runId: number, options: { event?: string; headSha?: string } = {}) =>
    runAction({
      workspace: mkdtempSync(join(tmpdir(), 'interp-gate-report-ws-')),
      inputs: REPORT_INPUTS,
      env: githubEnv(fake, 'workflow_run', workflowRunPayload({ id: runId, headRepo: 'forker/Hello-World', ...options }), 'refs/heads/master')
    })

  /** Another compare run whose artifact is the real one with some files replaced. */
  function tamperedRun(replace: Record<string, string>): number {
    const runId = fake.id()
    fake.artifacts.push({ id: fake.id(), runId, name: ARTIFACT, expired: false, zip: zipFiles({ ...upload.files, ...replace }) })
    return runId
  }

  it('posts the comment on the PR found by head sha, re-rendered from comparison.json, byte-identical to the compare run', async () => {
    const run = await report(compareRun)
    expect(run.code).toBe(0)
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET /repos/${REPO}/commits/${HEAD_SHA}/pulls`)
    expect(fake.comments).toHaveLength(1)
    expect(fake.comments[0].issue).toBe(2)
    expect(fake.comments[0].body).toBe(upload.files['report.md'])
    expect(run.outputs['pull-request']).toBe('2')
    expect(run.outputs.verdict).toBe('fail')
    expect(run.summary).toContain('### ❌ interp-gate: failed — suite `explainers`')
  })

  it('creates the check run on the PR head with annotations on the metric source files', async () => {
    await report(compareRun)
    const [check] = fake.checkRuns
    expect(check).toMatchObject({ name: 'interp-gate results', head_sha: HEAD_SHA, conclusion: 'failure' })
    expect(check.annotations).toEqual([
      expect.objectContaining({ path: 'explainers/src/explainers/ig.py', annotation_level: 'failure', title: 'interp-gate: ig-deletion regressed' })
    ])
  })

  it('finds a fork PR by head owner:branch when commits/{sha}/pulls leaves it out', async () => {
    fake.pullsByCommit = false
    await report(compareRun)
    const search = fake.requests.find((r) => r.path === `/repos/${REPO}/pulls`)
    expect(search?.query).toMatchObject({ state: 'open', head: 'forker:changes' })
    expect(fake.comments.map((c) => c.issue)).toEqual([2])
  })

  it('without an open PR for the head it posts only the check run', async () => {
    fake.pulls = [{ number: 9, state: 'open', head: { sha: 'd'.repeat(40), ref: 'changes', label: 'forker:changes' }, base: { repo: { full_name: REPO } } }]
    const run = await report(compareRun)
    expect(fake.comments).toEqual([])
    expect(fake.checkRuns).toHaveLength(1)
    expect(run.outputs['pull-request']).toBe('')
  })

  it('refuses an artifact made for another commit than the run built, writing nothing', async () => {
    const context = { ...JSON.parse(upload.files['context.json']), headSha: 'e'.repeat(40) }
    const run = await report(tamperedRun({ 'context.json': JSON.stringify(context) }))
    expect(run.code).toBe(1)
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/made for commit eeeeeee, but the run built ec26c3e/)
    expect(fake.writes()).toEqual([])
  })

  it('refuses a context.json that carries a PR number (only the API says which PR)', async () => {
    const context = { ...JSON.parse(upload.files['context.json']), pullRequest: 1 }
    const run = await report(tamperedRun({ 'context.json': JSON.stringify(context) }))
    expect(run.code).toBe(1)
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/^interp-gate: context\.json: not an interp-gate context/)
    expect(fake.writes()).toEqual([])
  })

  it('escapes hostile text from comparison.json: no mentions, HTML, links or broken tables', async () => {
    const comparison = JSON.parse(upload.files['comparison.json'])
    const row = comparison.rows.find((r: { id: string }) => r.id === 'ig-deletion')
    row.notes = ['@octocat <img src=x onerror=alert(1)> [click](http://evil.example) | cell']
    row.topWorse[0].id = 'a|b @team'
    row.title = '<script>alert(1)</script>'
    await report(tamperedRun({ 'comparison.json': JSON.stringify(comparison) }))
    const { body } = fake.comments[0]
    // Escaped `\<` and `\]\(` render as text; a mention inside a code span pings nobody.
    expect(body).not.toMatch(/(?<!\\)<img|(?<!\\)<script|@octocat|http:\/\/evil|[^\\]\]\(/)
    expect(body).toContain('@\u200boctocat \\<img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(http:\u200b//evil.example\\) \\| cell')
    expect(body).toContain('| `a\\|b @team` |')
    expect(body).toContain('&lt;script&gt;')
  })

  it('refuses a comparison.json whose metric ids carry markup', async () => {
    const comparison = JSON.parse(upload.files['comparison.json'])
    comparison.rows[0].id = '<b>x</b>'
    const run = await report(tamperedRun({ 'comparison.json': JSON.stringify(comparison) }))
    expect(run.code).toBe(1)
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe('interp-gate: comparison.json: a metric id or name has unexpected characters')
  })

  it('a workflow_run of a push has nothing to report', async () => {
    const run = await report(compareRun, { event: 'push' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('not a pull request: nothing to report')
    expect(fake.requests).toEqual([])
  })

  it('mode: report outside workflow_run fails naming the input', async () => {
    const run = await runAction({
      workspace: quickstartWorkspace(),
      inputs: REPORT_INPUTS,
      env: githubEnv(fake, 'pull_request', pullRequestPayload(), 'refs/pull/2/merge')
    })
    expect(run.code).toBe(1)
    expect(run.commands.find((c) => c.command === 'error')?.message).toBe(
      'input "mode": report runs in a workflow triggered by workflow_run; this run was triggered by pull_request'
    )
  })
})
