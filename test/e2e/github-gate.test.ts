import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../helpers/fake-github.js'
import { addPushRun, BASE_SHA, quickstartWorkspace, runPullRequest } from './github-env.js'

/** Gate integrity on GitHub: a failed main is still the baseline, and a PR's stricter gate applies at once. */
describe('gate integrity (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let ws: string
  beforeEach(async () => {
    fake = await new FakeGitHub().start()
    ws = quickstartWorkspace()
  })
  afterEach(() => fake.stop())

  const rowOf = (path: string, id: string) => JSON.parse(readFileSync(path, 'utf8')).rows.find((r: { id: string }) => r.id === id)

  it("uses a failed push run's artifact as the baseline and says the workflow failed", async () => {
    addPushRun(fake, { sha: 'a'.repeat(40), timestamp: '2025-12-01T00:00:00Z' }) // an older green run is not preferred
    const failed = addPushRun(fake, { sha: BASE_SHA, conclusion: 'failure' })
    const result = await runPullRequest(fake, ws)
    expect(result.code).toBe(0)
    expect(result.outputs['baseline-commit']).toBe(BASE_SHA)
    expect(fake.requests.some((r) => r.path === `/repos/Codertocat/Hello-World/actions/runs/${failed.id}/artifacts`)).toBe(true)
    expect(result.summary).toContain(`that run's workflow concluded "failure"; its interp-gate artifact is complete, so it is the baseline`)
  })

  it('a PR that tightens a gate fails on it against that baseline, and the note is visible on the row', async () => {
    addPushRun(fake, { sha: BASE_SHA, conclusion: 'failure' })
    const config = join(ws, 'explainers/interp-gate.yml')
    // accuracy is 0.785 in the head: the base gate (min 0.75) passes, the PR's (min 0.8) does not
    writeFileSync(config, readFileSync(config, 'utf8').replace('gate: { min: 0.75 }', 'gate: { min: 0.8 }'))
    const result = await runPullRequest(fake, ws)
    expect(result.outputs.verdict).toBe('fail')
    const row = rowOf(result.outputs['comparison-path'], 'accuracy')
    expect(row.status).toBe('failed')
    expect(row.gates).toEqual([
      { rule: 'min', limit: 0.75, ok: true, from: 'base' },
      { rule: 'min', limit: 0.8, ok: false, from: 'head', detail: '0.785 < min 0.8' }
    ])
    expect(result.summary).toMatch(/\| ❌ failed +\| `accuracy` .*\| ✓ min 0\.75 \(base\)<br>✗ min 0\.8 \(PR\) +\|/)
    expect(result.summary).toContain('- `accuracy`: this PR changes the gate of accuracy from \\{min: 0.75\\} to \\{min: 0.8\\}: both apply')
  })
})
