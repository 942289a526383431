import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../helpers/fake-github.js'
import { addPushRun, BASE_SHA, quickstartWorkspace, runPullRequest } from './github-env.js'

const COMMENTS = '/repos/Codertocat/Hello-World/issues/2/comments'

/** GitHub API faults: retried when transient, explained when a permission is missing, never losing the verdict. */
describe('API faults (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let ws: string
  beforeEach(async () => {
    fake = await new FakeGitHub().start()
    ws = quickstartWorkspace()
  })
  afterEach(() => fake.stop())

  const warnings = (run: { commands: { command: string; message: string }[] }) => run.commands.filter((c) => c.command === 'warning').map((c) => c.message)

  it('5xx then success: retries with backoff and the comment lands', async () => {
    fake.fail({ method: 'POST', path: /\/issues\/2\/comments$/, status: 502, times: 2 })
    fake.fail({ method: 'GET', path: /\/actions\/workflows\/ci\.yml\/runs$/, status: 500 })
    addPushRun(fake, { sha: BASE_SHA })
    const run = await runPullRequest(fake, ws)
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === COMMENTS)).toHaveLength(3)
    expect(fake.comments).toHaveLength(1)
    expect(run.outputs['baseline-commit']).toBe(BASE_SHA)
    expect(warnings(run)).toEqual([])
  })

  it('a secondary rate limit is waited out (retry-after) and retried', async () => {
    fake.fail({
      method: 'POST',
      path: /\/issues\/2\/comments$/,
      status: 403,
      message: 'You have exceeded a secondary rate limit',
      headers: { 'retry-after': '1' }
    })
    const run = await runPullRequest(fake, ws, { baseline: 'none' })
    expect(fake.comments).toHaveLength(1)
    expect(warnings(run)).toEqual([])
  })

  it('403 on the comment: a warning names `pull-requests: write`; verdict, outputs and summary stand', async () => {
    fake.fail({ method: 'POST', path: /\/issues\/2\/comments$/, status: 403, message: 'Resource not accessible by integration', times: 5 })
    const run = await runPullRequest(fake, ws, { baseline: 'baseline/results.json', 'fail-on': 'error' })
    expect(warnings(run)).toEqual([
      'interp-gate: could not comment on pull request #2: 403 Resource not accessible by integration — the token needs `pull-requests: write`: add it under `permissions:` in the workflow (pull requests from forks always get a read-only token; see mode: report)'
    ])
    // 403 is not retried.
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === COMMENTS)).toHaveLength(1)
    expect(run.outputs.verdict).toBe('fail')
    expect(run.outputs.regressions).toBe('1')
    expect(run.summary).toContain('### ❌ interp-gate: failed')
    expect(run.code).toBe(1)
    expect(run.commands.filter((c) => c.command === 'error' && !c.props.title).map((c) => c.message)).toEqual([
      'interp-gate: a gate failed (1 regressed or failed metric(s))'
    ])
  })

  it('403 on the check run names `checks: write`; the comment is still posted', async () => {
    fake.fail({ method: 'POST', path: /\/check-runs$/, status: 403, message: 'Resource not accessible by integration' })
    const run = await runPullRequest(fake, ws, { baseline: 'none', 'check-name': 'interp-gate report' })
    expect(warnings(run)).toEqual([
      expect.stringContaining(
        'could not create the check run "interp-gate report": 403 Resource not accessible by integration — the token needs `checks: write`'
      )
    ])
    expect(fake.comments).toHaveLength(1)
    expect(run.code).toBe(0)
  })

  it('403 when listing base-branch runs names `actions: read` and compares without a baseline', async () => {
    fake.fail({ method: 'GET', path: /\/actions\/workflows\/ci\.yml\/runs$/, status: 403, message: 'Resource not accessible by integration' })
    const run = await runPullRequest(fake, ws, { 'fail-on': 'error' })
    expect(warnings(run)).toEqual([
      expect.stringMatching(
        /^interp-gate: could not look up the baseline on master: 403 Resource not accessible by integration — the token needs `actions: read`.*; comparing without a baseline$/
      )
    ])
    expect(run.summary).toContain('No baseline: the base branch baseline could not be fetched \\(HTTP 403\\); see the job log; every metric is new.')
    expect(run.code).toBe(0)
  })
})
