import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../helpers/fake-github.js'
import { runAction } from '../helpers/run-action.js'
import { addPushRun, ARTIFACT, BASE_SHA, githubEnv, HEAD_SHA, PR_INPUTS, pushPayload, quickstartWorkspace, runPullRequest } from './github-env.js'

/** `baseline: auto` on a pull_request: the base branch's push run at the PR's base commit, else an earlier one. */
describe('base-branch baseline from workflow artifacts (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let ws: string
  beforeEach(async () => {
    fake = await new FakeGitHub().start()
    ws = quickstartWorkspace()
  })
  afterEach(() => fake.stop())

  const comparisonOf = (path: string) => JSON.parse(readFileSync(path, 'utf8'))

  it('found: downloads the artifact of the run at the base commit and compares with it', async () => {
    const run = addPushRun(fake, { sha: BASE_SHA })
    const result = await runPullRequest(fake, ws)
    expect(result.code).toBe(0)
    expect(result.outputs.verdict).toBe('fail')
    expect(result.outputs.regressions).toBe('1')
    expect(result.outputs['baseline-commit']).toBe(BASE_SHA)
    expect(result.summary).toContain("Compared with `f95f852` (`refs/heads/master`) — f95f852 on master, the PR's base commit; head `ec26c3e`.")
    const asked = fake.requests.map((r) => `${r.method} ${r.path}`)
    expect(asked).toContain(`GET /repos/Codertocat/Hello-World/actions/workflows/ci.yml/runs`)
    expect(asked).toContain(`GET /repos/Codertocat/Hello-World/actions/runs/${run.id}/artifacts`)
    const artifact = fake.artifacts.find((a) => a.runId === run.id)!
    expect(asked).toContain(`GET /repos/Codertocat/Hello-World/actions/artifacts/${artifact.id}/zip`)
    const query = fake.requests.find((r) => r.path.endsWith('/ci.yml/runs'))!.query
    expect(query).toMatchObject({ branch: 'master', event: 'push', head_sha: BASE_SHA })
    expect(query.status).toBeUndefined()
    expect(comparisonOf(result.outputs['comparison-path']).rows.find((r: { id: string }) => r.id === 'ig-deletion').status).toBe('regressed')
  })

  it('falls back to the newest earlier base-branch run and says which commit and why', async () => {
    const older = 'a'.repeat(40)
    fake.commits[BASE_SHA] = '2026-02-01T00:00:00Z'
    addPushRun(fake, { sha: older, timestamp: '2026-01-15T00:00:00Z' })
    addPushRun(fake, { sha: 'b'.repeat(40), timestamp: '2026-03-01T00:00:00Z' }) // later than the base commit: not a baseline
    addPushRun(fake, { sha: 'c'.repeat(40), timestamp: '2026-01-20T00:00:00Z', fork: 'evil/Hello-World' }) // a fork's run: never
    addPushRun(fake, { sha: BASE_SHA, expired: true, timestamp: '2026-02-01T00:00:00Z' })
    const result = await runPullRequest(fake, ws)
    expect(result.outputs.verdict).toBe('fail')
    expect(result.outputs['baseline-commit']).toBe(older)
    expect(result.summary).toContain(
      "Compared with `aaaaaaa` (`refs/heads/master`) — aaaaaaa on master, the newest earlier run with a baseline: the PR's base commit f95f852 has a baseline artifact that has expired; head `ec26c3e`."
    )
  })

  it('expired: no baseline, every metric new, a clear note, not a failure', async () => {
    addPushRun(fake, { sha: BASE_SHA, expired: true })
    const result = await runPullRequest(fake, ws, { 'fail-on': 'error' })
    expect(result.code).toBe(0)
    expect(result.outputs.verdict).toBe('pass')
    expect(result.outputs['baseline-commit']).toBe('')
    expect(result.summary).toContain(
      'No baseline: the PR\'s base commit f95f852 on master has a baseline artifact that has expired, and no earlier master run has an unexpired "interp-gate-explainers" artifact; every metric is new.'
    )
    expect(result.summary).toMatch(/🆕 new .*`accuracy`/)
    expect(fake.requests.some((r) => r.path.endsWith('/zip'))).toBe(false)
  })

  it('missing: no run at all gives every metric new with a note', async () => {
    const result = await runPullRequest(fake, ws, { 'fail-on': 'error' })
    expect(result.code).toBe(0)
    expect(result.summary).toContain("No baseline: the PR's base commit f95f852 on master has no push run of this workflow")
    expect(result.commands.filter((c) => c.command === 'warning')).toEqual([])
  })

  it('rejects a baseline artifact whose results.json is not a results file, and carries on without it', async () => {
    addPushRun(fake, { sha: BASE_SHA, results: '{"schema": "something-else"}' })
    const result = await runPullRequest(fake, ws, { 'fail-on': 'error' })
    expect(result.code).toBe(0)
    const warning = result.commands.find((c) => c.command === 'warning' && c.props.title === 'interp-gate: baseline')
    expect(warning?.message).toMatch(/results\.json: not an interp-gate results file .*comparing without a baseline/)
    expect(result.summary).toContain('No baseline: the base branch baseline could not be fetched; see the job log')
  })

  it('baseline: <path> and none still work without asking GitHub for runs', async () => {
    const file = await runPullRequest(fake, ws, { baseline: 'baseline/results.json' })
    expect(file.outputs.verdict).toBe('fail')
    const none = await runPullRequest(fake, ws, { baseline: 'none' })
    expect(none.outputs.verdict).toBe('pass')
    expect(fake.requests.some((r) => r.path.includes('/actions/'))).toBe(false)
  })

  it('a PR run uploads results, comparison, report and context for mode: report', async () => {
    addPushRun(fake, { sha: BASE_SHA })
    await runPullRequest(fake, ws)
    expect(fake.uploads.map((u) => u.name)).toEqual([ARTIFACT])
    const { files } = fake.uploads[0]
    expect(Object.keys(files).sort()).toEqual(['comparison.json', 'context.json', 'report.md', 'results.json'])
    expect(JSON.parse(files['context.json'])).toEqual({
      format: 1,
      headSha: HEAD_SHA,
      baseSha: BASE_SHA,
      suite: 'explainers',
      configPath: 'explainers/interp-gate.yml',
      sources: { 'ig-deletion': 'explainers/src/explainers/ig.py', 'ig-insertion': 'explainers/src/explainers/ig.py' }
    })
    expect(JSON.parse(files['results.json']).commit).toBe(HEAD_SHA)
    expect(files['report.md'].startsWith('<!-- interp-gate:suite=explainers -->\n')).toBe(true)
  })

  it('a push to the default branch uploads results.json as the baseline; other branches upload nothing', async () => {
    const push = (branch: string) =>
      runAction({ workspace: ws, inputs: PR_INPUTS, env: githubEnv(fake, 'push', pushPayload({ branch }), `refs/heads/${branch}`) })
    const main = await push('master')
    expect(main.code).toBe(0)
    expect(fake.uploads).toHaveLength(1)
    expect(Object.keys(fake.uploads[0].files)).toEqual(['results.json'])
    expect(JSON.parse(fake.uploads[0].files['results.json']).suite).toBe('explainers')
    expect(fake.requests.filter((r) => r.path.startsWith('/twirp/')).map((r) => r.path.split('/').pop())).toEqual(['CreateArtifact', 'FinalizeArtifact'])
    await push('feature')
    expect(fake.uploads).toHaveLength(1)
    const saved = await runAction({
      workspace: ws,
      inputs: { ...PR_INPUTS, 'save-on': 'main, release/*' },
      env: githubEnv(fake, 'push', pushPayload({ branch: 'release/1.2' }), 'refs/heads/release/1.2')
    })
    expect(saved.code).toBe(0)
    expect(fake.uploads).toHaveLength(2)
  })
})
