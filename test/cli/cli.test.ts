import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { ROOT } from '../helpers/run-action.js'

async function cli(argv: string[], cwd: string, env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env })
  return { code, out, err }
}

describe('interp-gate CLI', () => {
  let ws: string
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'interp-gate-cli-'))
    cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
  })

  it('run: exit 1 on the regressed example, with table, files and verdict', async () => {
    const { code, out } = await cli(['run', '--baseline', 'baseline/results.json', '--out', 'o'], ws, { SOURCE_DATE_EPOCH: '0' })
    expect(code).toBe(1)
    expect(out).toMatch(/\| 🔴 regressed \| ig-deletion +\|/)
    expect(out).toContain('verdict: FAIL')
    const results = JSON.parse(readFileSync(join(ws, 'o/results.json'), 'utf8'))
    expect(results.createdAt).toBe('1970-01-01T00:00:00.000Z')
    expect(results.metrics.map((m: { id: string }) => m.id)).toEqual([
      'accuracy',
      'ig-deletion',
      'ig-insertion',
      'ig-gini',
      'ig-nonzero',
      'quantus-faithfulness-corr',
      'explainer-runtime'
    ])
    expect(JSON.parse(readFileSync(join(ws, 'o/comparison.json'), 'utf8')).verdict).toBe('fail')
    expect(readFileSync(join(ws, 'o/report.md'), 'utf8')).toContain('### ❌ interp-gate: failed')
  })

  it('the README shows the report the demo renders', async () => {
    // The same arguments as scripts/demo.mjs
    await cli(
      ['run', '--baseline', 'baseline/results.json', '--out', 'demo', '--commit', '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d', '--ref', 'refs/pull/42/merge'],
      ws
    )
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const shown = /<!-- quickstart-report -->\n([\s\S]*)\n<!-- \/quickstart-report -->/.exec(readme)![1]
    expect(shown, 'README is stale: run `npm run demo` and paste examples/quickstart/out/report.md').toBe(
      readFileSync(join(ws, 'demo/report.md'), 'utf8').trim()
    )
  })

  it('run is deterministic: byte-identical results and comparison', async () => {
    await cli(['run', '--baseline', 'baseline/results.json', '--out', 'a'], ws, { SOURCE_DATE_EPOCH: '0' })
    await cli(['run', '--baseline', 'baseline/results.json', '--out', 'b'], ws, { SOURCE_DATE_EPOCH: '0' })
    for (const f of ['results.json', 'comparison.json', 'report.md']) {
      expect(readFileSync(join(ws, 'a', f), 'utf8')).toBe(readFileSync(join(ws, 'b', f), 'utf8'))
    }
  })

  it('run without a baseline: every metric new, exit 0, no comparison.json written', async () => {
    const { code, out } = await cli(['run', '--out', 'nobase'], ws)
    expect(code).toBe(0)
    expect(out).toContain('7 new')
    expect(() => readFileSync(join(ws, 'nobase/comparison.json'))).toThrow()
  })

  it('compare: two results files, gates from the config', async () => {
    await cli(['run', '--out', 'head'], ws)
    const { code, out } = await cli(['compare', 'baseline/results.json', 'head/results.json', '--config', 'interp-gate.yml', '--out', 'cmp'], ws)
    expect(code).toBe(1)
    expect(out).toMatch(/regressed \| ig-deletion/)
    const same = await cli(['compare', 'baseline/results.json', 'baseline/results.json'], ws)
    expect(same.code).toBe(0)
  })

  it('validate: ok config, and a bad one exits 2 with file, line and key', async () => {
    const ok = await cli(['validate'], ws)
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/^interp-gate.yml: valid — suite "explainers", 7 metric\(s\)/)
    writeFileSync(join(ws, 'bad.yml'), readFileSync(join(ws, 'interp-gate.yml'), 'utf8').replace('gate: { min: 0.5 }', 'gate: { min: high }'))
    const bad = await cli(['validate', '--config', 'bad.yml'], ws)
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/^interp-gate: bad\.yml:\d+:18 metrics\[3\]\.gate\.min: expected a number, got "high"\n$/)
  })

  it('an unreadable input is exit 2 naming the file and the config line, after writing the report', async () => {
    writeFileSync(join(ws, 'missing.yml'), 'version: 1\nmetrics:\n  - id: g\n    metric: gini\n    inputs: { attributions: "eval-out/nope.npz#a" }\n')
    const { code, err } = await cli(['run', '--config', 'missing.yml', '--out', 'm'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(/^error: missing\.yml:5:13 metrics\[0\]\.inputs: metric "g" \(gini\): eval-out\/nope\.npz: file not found/)
    expect(readFileSync(join(ws, 'm/report.md'), 'utf8')).toContain('⚠️ error')
  })

  it('a wrong shape names metric input, expected and actual shape', async () => {
    writeFileSync(
      join(ws, 'shape.yml'),
      'version: 1\nmetrics:\n  - id: acc\n    metric: accuracy\n    inputs: { predictions: eval-out/logits.npy, labels: "eval-out/integrated_gradients.npz#deletion_curves" }\n'
    )
    const { code, err } = await cli(['run', '--config', 'shape.yml', '--out', 's'], ws)
    expect(code).toBe(2)
    expect(err).toContain('input "labels" (eval-out/integrated_gradients.npz#deletion_curves): expected shape [N] with N=200, C=10, got [200, 21]')
  })

  it('metrics lists the catalogue, --json for machines', async () => {
    const text = await cli(['metrics'], ws)
    expect(text.out).toMatch(/^NAME +FAMILY +DIRECTION +INPUTS\n/)
    expect(text.out).toMatch(/\ngini +sparsity +higher +attributions \[N, F\.\.\.\]\n/)
    const json = JSON.parse((await cli(['metrics', '--json'], ws)).out)
    const gini = json.find((m: { name: string }) => m.name === 'gini')
    expect(gini).toMatchObject({ family: 'sparsity', direction: 'higher', inputs: [{ name: 'attributions', shapes: [['N', 'F...']] }] })
  })

  it('usage errors exit 2', async () => {
    expect((await cli(['frobnicate'], ws)).code).toBe(2)
    expect((await cli(['run', '--nope'], ws)).code).toBe(2)
    expect((await cli(['compare', 'a.json'], ws)).err).toContain('compare needs two files')
    const missing = await cli(['compare', 'x.json', 'y.json'], ws)
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/^interp-gate: x\.json: file not found \(resolved to .*x\.json\)\n$/)
    writeFileSync(join(ws, 'not-results.json'), '{"schema": "something-else"}')
    expect((await cli(['compare', 'not-results.json', 'not-results.json'], ws)).err).toMatch(/^interp-gate: not-results\.json: not an interp-gate results file/)
  })
})
