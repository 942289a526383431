import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { ROOT } from '../helpers/run-action.js'

async function cli(argv: string[], cwd: string) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { SOURCE_DATE_EPOCH: '0' } })
  return { code, out, err }
}

// 200 examples in 4 classes of 50 (A, B, C, D by position modulo 4); higher is better.
const N = 200
const CLASSES = ['A', 'B', 'C', 'D']
const classOf = (i: number) => CLASSES[i % 4]
const base = Array.from({ length: N }, (_, i) => 0.5 + (0.3 * ((i * 37) % 100)) / 100)
// Per-example noise (i div 4) mod 5 − 2 in steps of 0.004: it sums to 0 within each class of 50.
const noise = (i: number) => ((Math.floor(i / 4) % 5) - 2) * 0.004
// Class C loses 0.06, the others gain 0.02 each: the overall mean change is (−0.06 + 3·0.02)/4 = 0.
const shift: Record<string, number> = { A: 0.02, B: 0.02, C: -0.06, D: 0.02 }
const head = base.map((b, i) => b + shift[classOf(i)] + noise(i))
const ids = Array.from({ length: N }, (_, i) => `ex${i}`)

function config(extra = ''): string {
  return [
    'version: 1',
    'suite: sliced',
    'defaults: { resamples: 400 }',
    'metrics:',
    '  - id: faith',
    '    metric: mean',
    '    inputs: { scores: "eval.json#/scores" }',
    '    ids: "eval.json#/ids"',
    '    gate: { max-regression: 0.01, significance: 0.05 }',
    'slices:',
    '  - id: class',
    '    by: "eval.json#/class"',
    '    ids: "eval.json#/ids"',
    extra
  ].join('\n')
}

function setup(ws: string, scores: number[], cfg = config()) {
  writeFileSync(join(ws, 'eval.json'), JSON.stringify({ scores, ids, class: ids.map((_, i) => classOf(i)) }))
  writeFileSync(join(ws, 'interp-gate.yml'), cfg)
}

describe('CLI: a regression hidden in the mean', () => {
  let ws: string
  beforeAll(async () => {
    ws = mkdtempSync(join(tmpdir(), 'interp-gate-slices-'))
    setup(ws, base)
    expect((await cli(['run', '--out', 'base'], ws)).code).toBe(0)
  })

  it('the mean is unchanged but class C regressed: exit 1, the group named in the terminal and the report', async () => {
    setup(ws, head)
    const { code, out } = await cli(['run', '--baseline', 'base/results.json', '--out', 'head'], ws)
    expect(code).toBe(1)
    const comparison = JSON.parse(readFileSync(join(ws, 'head/comparison.json'), 'utf8'))
    const row = comparison.rows[0]
    expect(row.status).toBe('regressed')
    expect(Math.abs(row.delta)).toBeLessThan(1e-12)
    // The metric-level gate alone passes: the regression is only visible per group.
    expect(row.gates.find((g: { rule: string }) => g.rule === 'max-regression').ok).toBe(true)
    const c = row.slices.find((s: { group: string }) => s.group === 'C')
    expect(c).toMatchObject({ slice: 'class', n: 50, status: 'regressed' })
    expect(c.delta).toBeCloseTo(-0.06, 12)
    for (const g of ['A', 'B', 'D']) expect(row.slices.find((s: { group: string }) => s.group === g).status).toBe('improved')
    expect(out).toContain('class = C: −0.06')
    expect(out).toContain('verdict: FAIL')
    const report = readFileSync(join(ws, 'head/report.md'), 'utf8')
    // Markdown escapes brackets and parentheses in notes; they render as written.
    const outside = report.slice(0, report.indexOf('<details>')).replace(/\\/g, '')
    const details = report.slice(report.indexOf('<details>'))
    expect(details).toMatch(/\| 🔴 regressed +\| class +\| C +\| 50 +\| 0\.65 +\| 0\.59 +\| −0\.06 +\|/)
    expect(outside).toMatch(/class = C: −0\.06 \[−0\.06\d*, −0\.05\d*\], p\(worse, Holm\)=0\.0\d\d < α=0\.05/)
  })

  it('without slices the same change passes', async () => {
    const plain = config().split('\nslices:')[0]
    setup(ws, base, plain)
    expect((await cli(['run', '--out', 'base-plain'], ws)).code).toBe(0)
    setup(ws, head, plain)
    expect((await cli(['run', '--baseline', 'base-plain/results.json', '--out', 'head-plain'], ws)).code).toBe(0)
  })

  it('a slice whose labels do not match its ids: exit 2 naming the config line', async () => {
    const cfg = config().replace('by: "eval.json#/class"', 'by: "eval.json#/short"')
    writeFileSync(join(ws, 'eval.json'), JSON.stringify({ scores: head, ids, class: [], short: ['A', 'B'] }))
    writeFileSync(join(ws, 'interp-gate.yml'), cfg)
    const { code, err } = await cli(['run', '--out', 'bad'], ws)
    expect(code).toBe(2)
    expect(err).toContain('interp-gate.yml:13:10 slices[0].ids: slice "class": 200 ids for 2 labels in eval.json#/short; give one id per label')
  })
})

describe('CLI: a slice with too many groups', () => {
  it('labels that are really ids: exit 2 naming the config line and the limit', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-slices-'))
    const many = Array.from({ length: 250 }, (_, i) => `ex${i}`)
    writeFileSync(join(ws, 'eval.json'), JSON.stringify({ scores: many.map(() => 0.5), ids: many, class: many }))
    writeFileSync(join(ws, 'interp-gate.yml'), config())
    const { code, err } = await cli(['run', '--out', 'out'], ws)
    expect(code).toBe(2)
    expect(err).toContain('interp-gate.yml:12:9 slices[0].by: slice "class": 250 distinct labels in eval.json#/class; a slice groups examples into at most 200')
  })
})

describe('examples/slices', () => {
  it('the PR truncates contexts: the mean barely moves, the "qa" template regresses, exit 1', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-slices-example-'))
    cpSync(join(ROOT, 'examples/slices'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
    const { code, out } = await cli(['run', '--baseline', 'baseline/results.json', '--out', 'out'], ws)
    expect(code).toBe(1)
    const row = JSON.parse(readFileSync(join(ws, 'out/comparison.json'), 'utf8')).rows[0]
    expect(Math.abs(row.delta)).toBeLessThan(0.01)
    expect(row.slices.filter((s: { status: string }) => s.status === 'regressed').map((s: { group: string }) => s.group)).toEqual(['qa'])
    expect(out).toContain('template = qa: ')
  })
})
