import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../helpers/fake-github.js'
import { runAction } from '../helpers/run-action.js'
import { addPushRun, BASE_SHA, examplePayload, githubEnv, MERGE_SHA, mergeGroupPayload, PR_INPUTS, quickstartWorkspace, REPO } from './github-env.js'

function dispatchPayload(): any {
  const p = examplePayload('workflow_dispatch')
  p.ref = 'refs/heads/master'
  p.repository.full_name = REPO
  p.repository.default_branch = 'master'
  return p
}

const QUEUE_REF = `refs/heads/gh-readonly-queue/master/pr-2-${BASE_SHA}`
const REPO_PATH = '/repos/Codertocat/Hello-World'

/** merge_group and manual/scheduled runs: which baseline they find, where the check goes, what they never write. */
describe('merge queue, workflow_dispatch and schedule runs (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let ws: string
  beforeEach(async () => {
    fake = await new FakeGitHub().start()
    ws = quickstartWorkspace()
  })
  afterEach(() => fake.stop())

  it('merge_group: baseline from the queue base sha, gates, check run on the queue head sha, no comment, no history', async () => {
    fake.commits[BASE_SHA] = '2026-02-01T00:00:00Z'
    const base = addPushRun(fake, { sha: BASE_SHA, timestamp: '2026-02-01T00:00:00Z' })
    // A newer push run on master is not this queue's base: never the baseline.
    addPushRun(fake, { sha: 'b'.repeat(40), timestamp: '2026-03-01T00:00:00Z' })
    const result = await runAction({
      workspace: ws,
      inputs: { ...PR_INPUTS, 'check-name': 'interp-gate report', 'fail-on': 'error', history: 'branch' },
      env: githubEnv(fake, 'merge_group', mergeGroupPayload({ baseSha: BASE_SHA, headSha: MERGE_SHA }), QUEUE_REF)
    })
    // The quickstart head regresses ig-deletion against the committed baseline: the queue is gated like a PR.
    expect(result.code).toBe(1)
    expect(result.outputs.verdict).toBe('fail')
    expect(result.outputs['baseline-commit']).toBe(BASE_SHA)
    expect(result.summary).toContain("f95f852 on master, the merge queue's base commit")

    const runsQuery = fake.requests.find((r) => r.path === `${REPO_PATH}/actions/workflows/ci.yml/runs`)!.query
    expect(runsQuery).toMatchObject({ branch: 'master', event: 'push', head_sha: BASE_SHA })
    const baseArtifact = fake.artifacts.find((a) => a.runId === base.id)!
    expect(fake.requests.filter((r) => r.path.endsWith('/zip')).map((r) => r.path)).toEqual([`${REPO_PATH}/actions/artifacts/${baseArtifact.id}/zip`])

    const writes = fake.writes()
    const checks = writes.filter((w) => w.path.startsWith(`${REPO_PATH}/check-runs`))
    expect(checks).toHaveLength(1)
    expect(checks[0].body).toMatchObject({ name: 'interp-gate report', head_sha: MERGE_SHA, conclusion: 'failure' })
    // No pull request to comment on, no history entry (only pushes record), no baseline artifact (only pushes save one).
    expect(fake.requests.filter((r) => r.path.includes('/issues/'))).toEqual([])
    expect(writes.filter((w) => w.path.includes('/git/'))).toEqual([])
    expect(fake.uploads).toEqual([])
  })

  for (const [event, kind] of [
    ['workflow_dispatch', 'manual'],
    ['schedule', 'scheduled']
  ] as const) {
    it(`${event}: the newest push run at or before the run's commit on its branch`, async () => {
      const older = 'a'.repeat(40)
      fake.commits[MERGE_SHA] = '2026-02-01T00:00:00Z'
      // Runs are listed newest first: c (older still), then a, then d.
      addPushRun(fake, { sha: 'c'.repeat(40), timestamp: '2026-01-01T00:00:00Z' })
      addPushRun(fake, { sha: older, timestamp: '2026-01-15T00:00:00Z' })
      addPushRun(fake, { sha: 'd'.repeat(40), timestamp: '2026-03-01T00:00:00Z' }) // after the run's commit: never
      // workflow_dispatch: the real example on master; schedule has no webhook, its event file is just the cron line.
      const payload = event === 'workflow_dispatch' ? dispatchPayload() : { schedule: '0 3 * * *' }
      const result = await runAction({
        workspace: ws,
        inputs: { ...PR_INPUTS, 'check-name': 'interp-gate report', 'fail-on': 'never' },
        env: githubEnv(fake, event, payload, 'refs/heads/master')
      })
      expect(result.code).toBe(0)
      expect(result.outputs['baseline-commit']).toBe(older)
      expect(result.summary).toContain(
        `aaaaaaa on master, the newest earlier run with a baseline: this ${kind} run's commit 0123456 has no push run of this workflow`
      )
      const checks = fake.writes().filter((w) => w.path.startsWith(`${REPO_PATH}/check-runs`))
      expect(checks.map((c) => c.body.head_sha)).toEqual([MERGE_SHA])
      expect(fake.requests.filter((r) => r.path.includes('/issues/'))).toEqual([])
      expect(fake.uploads).toEqual([])
    })
  }
})
