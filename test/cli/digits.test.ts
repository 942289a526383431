import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { ROOT } from '../helpers/run-action.js'

// examples/digits: logistic regression on scikit-learn's digits with gradient × input, occlusion and a random explainer;
// the PR blurs gradient × input (generate.py). The expected values are numpy's (eval-out/numpy_check.json for the PR,
// and for the default branch the same script's output with --variant main, pasted below).
const MAIN_NUMPY = {
  'gxi-deletion': 0.05111640401010427,
  'gxi-insertion': 0.927574512895056,
  'occlusion-deletion': 0.052100031658301654,
  'random-deletion': 0.468691771051161,
  accuracy: 0.9633333333333334
}

async function cli(argv: string[], cwd: string) {
  let out = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (out += t), cwd, env: { SOURCE_DATE_EPOCH: '0' } })
  return { code, out }
}

describe('examples/digits', () => {
  const ws = mkdtempSync(join(tmpdir(), 'interp-gate-digits-'))
  cpSync(join(ROOT, 'examples/digits'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
  const numpy = JSON.parse(readFileSync(join(ws, 'eval-out/numpy_check.json'), 'utf8'))

  it('the blurred explainer regresses against the default branch: exit 1, caught by the paired test', async () => {
    const { code } = await cli(
      ['run', '--baseline', 'baseline/results.json', '--out', 'out', '--commit', '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d', '--ref', 'refs/pull/7/merge'],
      ws
    )
    expect(code).toBe(1)
    const comparison = JSON.parse(readFileSync(join(ws, 'out/comparison.json'), 'utf8'))
    const row = (id: string) => comparison.rows.find((r: { id: string }) => r.id === id)
    expect(row('gxi-deletion')).toMatchObject({ status: 'regressed', paired: true })
    expect(row('gxi-deletion').pAdjusted).toBeLessThan(0.05)
    expect(row('gxi-deletion').counts.worse).toBeGreaterThan(200)
    expect(row('gxi-insertion').status).toBe('regressed')
    for (const id of ['accuracy', 'occlusion-deletion', 'random-deletion']) expect(row(id).status).toBe('pass')
  })

  it('reads the model outputs from safetensors and matches numpy on both branches', async () => {
    await cli(['run', '--baseline', 'baseline/results.json', '--out', 'check'], ws)
    const head = JSON.parse(readFileSync(join(ws, 'check/results.json'), 'utf8'))
    const base = JSON.parse(readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
    const value = (r: { metrics: { id: string; value: number }[] }, id: string) => r.metrics.find((m) => m.id === id)!.value
    expect(value(head, 'accuracy')).toBeCloseTo(numpy.accuracy, 12)
    expect(value(head, 'gxi-deletion')).toBeCloseTo(numpy.gradient_x_input.deletion_auc, 12)
    expect(value(head, 'gxi-insertion')).toBeCloseTo(numpy.gradient_x_input.insertion_auc, 12)
    expect(value(head, 'occlusion-deletion')).toBeCloseTo(numpy.occlusion.deletion_auc, 12)
    expect(value(head, 'random-deletion')).toBeCloseTo(numpy.random.deletion_auc, 12)
    for (const [id, v] of Object.entries(MAIN_NUMPY)) expect(value(base, id)).toBeCloseTo(v, 12)
  })

  it('the README shows the table of its report', async () => {
    await cli(
      ['run', '--baseline', 'baseline/results.json', '--out', 'readme', '--commit', '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d', '--ref', 'refs/pull/7/merge'],
      ws
    )
    const report = readFileSync(join(ws, 'readme/report.md'), 'utf8')
    const table = report
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.includes('| Example'))
      .slice(0, 7)
      .join('\n')
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const shown = /<!-- digits-report -->\n([\s\S]*?)\n<!-- \/digits-report -->/.exec(readme)![1]
    expect(shown, 'README is stale: paste the table of examples/digits report.md (see docs/adapters.md)').toContain(table)
  })
})
