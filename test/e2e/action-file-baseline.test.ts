import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, runAction } from '../helpers/run-action.js'

/** A copy of the quickstart in a temp "checkout", so outputs never land in the repo. */
function quickstartWorkspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'interp-gate-ws-'))
  cpSync(join(ROOT, 'examples/quickstart'), join(ws, 'explainers'), { recursive: true, filter: (src) => !src.endsWith('/out') })
  return ws
}

describe('bundled action with a file baseline (the bundle of the current source, as the runner runs it)', () => {
  let ws: string
  let run: Awaited<ReturnType<typeof runAction>>
  beforeAll(async () => {
    ws = quickstartWorkspace()
    run = await runAction({ workspace: ws, inputs: { 'working-directory': 'explainers', baseline: 'baseline/results.json', 'fail-on': 'error' } })
  })

  it('fails the step on the regressed metric and exits 1', () => {
    expect(run.code).toBe(1)
    const failed = run.commands.filter((c) => c.command === 'error' && !c.props.title)
    expect(failed.map((c) => c.message)).toEqual(['interp-gate: a gate failed (1 regressed or failed metric(s))'])
  })

  it('annotates the regression on the metric source file', () => {
    const errors = run.commands.filter((c) => c.command === 'error' && c.props.title)
    expect(errors).toHaveLength(1)
    expect(errors[0].props).toEqual({ title: 'interp-gate: ig-deletion regressed', file: 'explainers/src/explainers/ig.py' })
    expect(errors[0].message).toMatch(
      /^Deletion AUC rose by 0\.0\d+ \(0\.275 → 0\.\d+\); 95% CI excludes 0; p\(worse\)<0\.001, p\(worse, Holm\)=0\.00\d; \d+ of 200 examples worse\. Gate max-regression: worsened by 0\.0\d+ > allowed 0\.00551; p\(worse, Holm\)=0\.00\d < α=0\.05\. underpowered: 200 examples detect regressions ≥ 0\.00\d+ at 80% power \(one-sided α=0\.05\); the allowed 0\.00551 needs about \d+\.$/
    )
  })

  it('writes outputs', () => {
    expect(run.outputs.verdict).toBe('fail')
    expect(run.outputs.regressions).toBe('1')
    expect(run.outputs['results-path']).toBe(join(ws, 'explainers/interp-gate-out/results.json'))
    expect(run.outputs['comparison-path']).toBe(join(ws, 'explainers/interp-gate-out/comparison.json'))
    expect(run.outputs['report-path']).toBe(join(ws, 'explainers/interp-gate-out/report.md'))
    const comparison = JSON.parse(readFileSync(run.outputs['comparison-path'], 'utf8'))
    expect(comparison.schema).toBe('interp-gate/comparison@1')
    expect(comparison.rows.find((r: { id: string }) => r.id === 'ig-deletion').status).toBe('regressed')
  })

  it('writes the report to the job summary', () => {
    expect(run.summary).toContain('### ❌ interp-gate: failed — suite `explainers`')
    expect(run.summary).toContain('| 🔴 regressed | `ig-deletion`')
    expect(run.summary).toBe(`${readFileSync(run.outputs['report-path'], 'utf8')}\n`)
  })

  it('fail-on: never reports but passes', async () => {
    const again = await runAction({ workspace: ws, inputs: { 'working-directory': 'explainers', baseline: 'baseline/results.json', 'fail-on': 'never' } })
    expect(again.code).toBe(0)
    expect(again.outputs.verdict).toBe('fail')
  })

  it('annotates a config error at its line and fails without a stack trace', async () => {
    const bad = readFileSync(join(ws, 'explainers/interp-gate.yml'), 'utf8').replace('metric: gini', 'metric: ginni')
    writeFileSync(join(ws, 'explainers/broken.yml'), bad)
    const broken = await runAction({ workspace: ws, inputs: { 'working-directory': 'explainers', config: 'broken.yml' } })
    expect(broken.code).toBe(1)
    const [error] = broken.commands.filter((c) => c.command === 'error')
    expect(error.message).toMatch(/^broken\.yml:\d+:13 metrics\[3\]\.metric: unknown metric "ginni" \(did you mean "gini"\?\)/)
    expect(broken.stdout + broken.stderr).not.toMatch(/at .*\.js:\d+/)
  })

  it('rejects a bad fail-on value naming the input', async () => {
    const bad = await runAction({ workspace: ws, inputs: { 'working-directory': 'explainers', 'fail-on': 'sometimes' } })
    expect(bad.code).toBe(1)
    expect(bad.commands.find((c) => c.command === 'error')?.message).toBe('input "fail-on" must be one of error, warning, never; got "sometimes"')
  })
})
