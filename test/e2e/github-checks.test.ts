import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeGitHub } from '../helpers/fake-github.js'
import type { ActionRun } from '../helpers/run-action.js'
import { HEAD_SHA, quickstartWorkspace, runPullRequest } from './github-env.js'

const CHECK_RUNS = '/repos/Codertocat/Hello-World/check-runs'

/** 120 metrics that each break an absolute bound: 120 annotations, which the checks API takes 50 at a time. */
function manyFailingConfig(): string {
  const metrics = Array.from(
    { length: 120 },
    (_, i) =>
      `  - id: runtime-${String(i).padStart(3, '0')}\n    metric: value\n    inputs: { value: "eval-out/run.json#/runtime_seconds" }\n    gate: { max: 1 }\n`
  )
  return `version: 1\nsuite: many\nmetrics:\n${metrics.join('')}`
}

describe('check run with annotations in batches (bundled action, fake GitHub)', () => {
  let fake: FakeGitHub
  let run: ActionRun
  beforeAll(async () => {
    fake = await new FakeGitHub().start()
    const ws = quickstartWorkspace()
    writeFileSync(join(ws, 'explainers/many.yml'), manyFailingConfig())
    run = await runPullRequest(fake, ws, { config: 'many.yml', baseline: 'none', 'check-name': 'interp-gate / many', comment: 'never', 'fail-on': 'error' })
  })
  afterAll(() => fake.stop())

  it('creates the check run on the PR head (not the merge commit) with the first 50, then adds 50 and 20', () => {
    const calls = fake.writes().filter((r) => r.path.startsWith(CHECK_RUNS))
    expect(calls.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(calls.map((r) => r.body.output.annotations.length)).toEqual([50, 50, 20])
    expect(calls[0].body).toMatchObject({ name: 'interp-gate / many', head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' })
    const [check] = fake.checkRuns
    expect(calls[1].path).toBe(`${CHECK_RUNS}/${check.id}`)
    expect(check.annotations).toHaveLength(120)
    expect(new Set(check.annotations.map((a) => a.title)).size).toBe(120)
    expect(check.annotations[0]).toMatchObject({ path: 'explainers/many.yml', annotation_level: 'failure', start_line: 4, end_line: 4 })
    expect(run.outputs['check-run-id']).toBe(String(check.id))
  })

  it('puts the report in the check summary, within the 65,535-character limit', () => {
    const { output } = fake.checkRuns[0]
    expect(output.title).toBe('120 failed')
    expect(output.summary).toContain('### ❌ interp-gate: failed — suite `many`')
    expect(output.summary.length).toBeLessThanOrEqual(65_535)
  })

  it('still keeps workflow-command annotations to 10 errors plus one notice, and fails the step', () => {
    const errors = run.commands.filter((c) => c.command === 'error' && c.props.title)
    expect(errors).toHaveLength(10)
    expect(run.commands.find((c) => c.command === 'notice')?.message).toMatch(/^110 more interp-gate annotation\(s\) not shown/)
    expect(run.code).toBe(1)
  })
})
