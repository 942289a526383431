import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/comparison.js'
import { defaultsSchema } from '../../src/config/config-schema.js'
import type { Gate } from '../../src/domain/policy.js'
import { aggregateLookup } from '../../src/engine/pipeline.js'
import { compactLabels } from '../../src/engine/slice-labels.js'
import { encodeFloat64 } from '../../src/results/encode.js'
import type { Results } from '../../src/results/results-schema.js'
import { gatePower, sampleSd } from '../../src/stats/index.js'
import { metric, results } from '../helpers/results.js'
import { fixture } from '../stats/fixtures.js'

// Reference values: scripts/reference/slices_power.py (scipy.stats.norm, scipy.stats.permutation_test, Holm written out).
const ref = fixture('slices_power.json')

describe('gatePower: paired one-sample z approximation, one-sided α', () => {
  it.each(ref.power as { sd: number; n: number; allowed: number; alpha: number; mde: number; nNeeded: number; power: number }[])(
    'sd $sd, n $n, allowed $allowed, α $alpha',
    (c) => {
      const p = gatePower(c)
      expect(p.n).toBe(c.n)
      expect(p.mde).toBeCloseTo(c.mde, 12)
      expect(p.nNeeded).toBe(c.nNeeded)
      expect(p.power).toBeCloseTo(c.power, 12)
    }
  )

  it('the issue’s example: 30 examples detect ≥ 0.023; the allowed 0.01 needs about 155', () => {
    const p = gatePower({ sd: 0.05, n: 30, allowed: 0.01, alpha: 0.05 })
    expect(p.mde).toBeCloseTo(0.0227, 4)
    expect(p.nNeeded).toBe(155)
  })

  it('edge cases: no spread, no margin, no examples', () => {
    // sd 0: any regression shows in every example; a margin of 0 is never shown (power = Φ(−z) = α).
    expect(gatePower({ sd: 0, n: 10, allowed: 0.01, alpha: 0.05 })).toEqual({ mde: 0, n: 10, nNeeded: 1, power: 1 })
    const zero = gatePower({ sd: 0.1, n: 10, allowed: 0, alpha: 0.05 })
    expect(zero.nNeeded).toBeNull()
    expect(zero.power).toBeCloseTo(0.05, 12)
    expect(gatePower({ sd: 0.1, n: 0, allowed: 0.01, alpha: 0.05 })).toMatchObject({ mde: null, power: null, n: 0 })
  })

  it('sampleSd divides by n − 1', () => {
    // [1, 2, 3, 4]: mean 2.5, squares 2.25 + 0.25 + 0.25 + 2.25 = 5, 5/3
    expect(sampleSd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 15)
    expect(sampleSd([7])).toBe(0)
  })
})

interface RefMetric {
  id: string
  direction: 'higher' | 'lower'
  gate: Gate
  ids: string[]
  base: number[]
  head: number[]
}
interface RefGroup {
  metric: string
  group: string
  n: number
  base: number
  head: number
  delta: number
  pWorse: number
  pAdjusted: number | null
  regressed: boolean
  mde: number
  nNeeded: number
  power: number
}

function runs(g: typeof ref.groups): { base: Results; head: Results } {
  const side = (key: 'base' | 'head') => {
    const r = results((g.metrics as RefMetric[]).map((m) => metric(m.id, { scores: m[key], ids: m.ids, direction: m.direction })))
    return { ...r, slices: [compactLabels('cls', g.labels, g.ids)] }
  }
  return { base: side('base'), head: side('head') }
}

describe('compare with slices', () => {
  const g = ref.groups
  const defaults = { ...defaultsSchema.parse({}), resamples: 500, 'min-slice-size': g.minSliceSize as number }
  const gates = Object.fromEntries((g.metrics as RefMetric[]).map((m) => [m.id, { gate: m.gate, severity: 'error' as const }]))
  const { base, head } = runs(g)
  // Compared inside each test, not here: code run while collecting tests is "static" to Stryker, and a static
  // mutant runs every test instead of the ones that reach it (CONTRIBUTING.md, "Mutation testing").
  const compared = () => compare({ base, head, gates, defaults })

  it.each(g.expected as RefGroup[])('$metric, group $group: n, means, Δ, exact p(worse), Holm, status and power', (e) => {
    const row = compared().rows.find((r) => r.id === e.metric)!
    const s = row.slices!.find((x) => x.group === e.group)!
    expect(s.slice).toBe('cls')
    expect(s.n).toBe(e.n)
    expect(s.base).toBeCloseTo(e.base, 12)
    expect(s.head).toBeCloseTo(e.head, 12)
    expect(s.delta).toBeCloseTo(e.delta, 12)
    expect(s.pWorse).toBeCloseTo(e.pWorse, 12)
    if (e.pAdjusted === null) expect(s.pAdjusted).toBeNull()
    else expect(s.pAdjusted).toBeCloseTo(e.pAdjusted, 12)
    expect(s.status === 'regressed').toBe(e.regressed)
    if (e.n < g.minSliceSize) expect(s.status).toBe('small')
    expect(s.power!.mde).toBeCloseTo(e.mde, 12)
    expect(s.power!.nNeeded).toBe(e.nNeeded)
    expect(s.power!.power).toBeCloseTo(e.power, 12)
    // The CI of Δ is the paired bootstrap's: it holds the point estimate.
    expect(s.ci!.low!).toBeLessThanOrEqual(e.delta)
    expect(s.ci!.high!).toBeGreaterThanOrEqual(e.delta)
  })

  it('a regressed group makes its metric regressed and names slice and group in a failing check', () => {
    const comparison = compared()
    for (const id of ['m1', 'm2']) {
      const row = comparison.rows.find((r) => r.id === id)!
      expect(row.status).toBe('regressed')
      const check = row.gates.find((c) => c.rule === 'slice')!
      expect(check.ok).toBe(false)
      expect(check.detail).toMatch(/^cls = A: /)
    }
    expect(comparison.verdict).toBe('fail')
  })

  it('min-slice-size above every group: all reported as small, nothing gated by slices', () => {
    const c = compare({ base, head, gates, defaults: { ...defaults, 'min-slice-size': 50 } })
    for (const row of c.rows) {
      expect(row.slices!.every((s) => s.status === 'small' && s.pAdjusted === null)).toBe(true)
      expect(row.gates.some((x) => x.rule === 'slice')).toBe(false)
    }
  })

  it('without a significance gate the groups are reported as untested', () => {
    const c = compare({ base, head, gates: { m1: { gate: { 'max-regression': 0.02 }, severity: 'error' } }, defaults })
    const row = c.rows.find((r) => r.id === 'm1')!
    expect(row.slices!.every((s) => s.status === 'untested')).toBe(true)
    expect(row.power).toBeUndefined()
  })

  it('a slice without ids applies by position, and says so when the counts differ', () => {
    const labels = ['a', 'b', 'a', 'b', 'a', 'b']
    const b = { ...results([metric('p', { scores: [1, 2, 3, 4, 5, 6] })]), slices: [compactLabels('half', labels)] }
    const h = { ...results([metric('p', { scores: [1, 2.5, 3, 4.5, 5, 6.5] })]), slices: [compactLabels('half', labels)] }
    const row = compare({ base: b, head: h, gates: {}, defaults }).rows[0]
    // a: 1, 3, 5 unchanged; b: 2, 4, 6 → 2.5, 4.5, 6.5 (+0.5 each)
    expect(row.slices!.map((s) => [s.group, s.n, s.delta])).toEqual([
      ['a', 3, 0],
      ['b', 3, 0.5]
    ])
    const short = { ...h, slices: [compactLabels('half', labels.slice(0, 4))] }
    const other = compare({ base: b, head: short, gates: {}, defaults }).rows[0]
    expect(other.slices).toBeUndefined()
    expect(other.notes).toContain('not sliced: slice "half" has 4 labels and no ids, but this metric has 6 examples')
  })

  it('an underpowered metric gate gets a note with the detectable regression and the n needed', () => {
    // d = ±0.05 alternating (sd 0.0509), n = 30, allowed 0.01: mde ≈ 2.486 · 0.0509 / √30 ≈ 0.0231, n ≈ 155 · (0.0509/0.05)² ≈ 161
    const scores = Array.from({ length: 30 }, (_, i) => 0.5 + (i % 7) * 0.01)
    const moved = scores.map((s, i) => s + (i % 2 ? 0.05 : -0.05))
    const b = results([metric('w', { scores })])
    const h = results([metric('w', { scores: moved })])
    const row = compare({ base: b, head: h, gates: { w: { gate: { 'max-regression': 0.01, significance: 0.05 }, severity: 'error' } }, defaults }).rows[0]
    const sd = Math.sqrt((30 * 0.0025) / 29)
    expect(row.power!.mde).toBeCloseTo((2.4865 * sd) / Math.sqrt(30), 3)
    expect(row.power!.nNeeded).toBe(Math.ceil(((2.48647 * sd) / 0.01) ** 2))
    expect(row.notes!.find((n) => n.startsWith('underpowered: 30 examples detect regressions ≥ 0.0231 at 80% power'))).toBeDefined()
  })

  it('an aggregate metric (AUROC) is recomputed on each group', () => {
    // group a: base scores rank both positives first (AUROC 1); head 0.2, 0.8 vs negatives 0.3, 0.9: 1 of 4 pairs → 0.25.
    // group b: identical in both runs, positives 0.7, 0.6 vs negatives 0.65, 0.1: 3 of 4 pairs → 0.75.
    const label = [1, 1, 0, 0, 1, 1, 0, 0]
    const auroc = (score: number[]) =>
      metric('auc', {
        metric: 'auroc',
        value: 0,
        n: 8,
        examples: { columns: { label: encodeFloat64(Float64Array.from(label)), score: encodeFloat64(Float64Array.from(score)) } }
      })
    const labels = compactLabels('part', ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'])
    const b = { ...results([auroc([0.9, 0.8, 0.3, 0.2, 0.7, 0.6, 0.65, 0.1])]), slices: [labels] }
    const h = { ...results([auroc([0.2, 0.8, 0.3, 0.9, 0.7, 0.6, 0.65, 0.1])]), slices: [labels] }
    const row = compare({ base: b, head: h, gates: {}, defaults, aggregateOf: aggregateLookup() }).rows[0]
    expect(row.slices!.map((s) => [s.group, s.n, s.base, s.head, s.delta])).toEqual([
      ['a', 4, 1, 0.25, -0.75],
      ['b', 4, 0.75, 0.75, 0]
    ])
  })
})
