// Behaviours that mutation testing found unguarded: each test names the gate hole its mutant would open.
import { describe, expect, it } from 'vitest'
import { compare, type GateSpec } from '../../src/compare/comparison.js'
import type { Defaults } from '../../src/config/config-schema.js'
import { encodeFloat64 } from '../../src/results/encode.js'
import type { Comparison, MetricResult, Row } from '../../src/results/results-schema.js'
import type { Aggregate } from '../../src/stats/index.js'
import { metric, results } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const gate = (g: GateSpec['gate'], severity: GateSpec['severity'] = 'error'): GateSpec => ({ gate: g, severity })
const row = (c: Comparison, id: string): Row => {
  const r = c.rows.find((x) => x.id === id)
  if (!r) throw new Error(`no row ${id}`)
  return r
}
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `ex${from + i}`)

describe('accept covers only the metric it names', () => {
  const compared = (): Comparison => {
    const base = results([metric('a', { value: 0.8 }), metric('b', { value: 0.8 }), metric('c', { value: 0.8 })])
    base.accept = [{ metric: 'c', reason: 'accepted on the base branch already' }]
    const head = results([metric('a', { value: 0.7 }), metric('b', { value: 0.7 }), metric('c', { value: 0.7 })])
    head.accept = [
      { metric: 'a', reason: 'slower but simpler' },
      { metric: 'c', reason: 'accepted on the base branch already' }
    ]
    const g = gate({ 'max-regression': 0.05 })
    return compare({ base, head, defaults, gates: { a: g, b: g, c: g } })
  }

  it('accepts the regression of the named metric, with its reason', () => {
    const c = compared()
    expect(row(c, 'a').status).toBe('accepted')
    expect(row(c, 'a').accepted).toBe('slower but simpler')
  })
  it('leaves a second regression without an entry regressed, so the verdict fails', () => {
    const c = compared()
    expect(row(c, 'b').status).toBe('regressed')
    expect(row(c, 'b').accepted).toBeUndefined()
    // the stale entry of c says nothing on b's row
    expect(row(c, 'b').notes).toBeUndefined()
    expect(c.verdict).toBe('fail')
  })
  it('does not accept with an entry the baseline already had', () => {
    const c = compared()
    expect(row(c, 'c').status).toBe('regressed')
    expect(row(c, 'c').notes).toEqual([
      'accept entry "accepted on the base branch already" is already in the baseline, so it accepts nothing now: remove it from accept'
    ])
  })
})

describe('p(worse) takes the bad tail of lower-is-better metrics', () => {
  it('in the Welch fallback above max-examples: a rise of a lower-is-better metric is a significant regression', () => {
    const omitted = (mean: number) =>
      metric('m', { value: mean, n: 100, direction: 'lower', summary: { n: 100, mean, sd: 0.1 }, examples: { omitted: { total: 100, cap: 10 } } })
    const c = compare({
      base: results([omitted(0.3)]),
      head: results([omitted(0.35)]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.01, significance: 0.05 }) }
    })
    const r = c.rows[0]
    // scipy: norm.sf(0.05 / √(0.1²/100 + 0.1²/100)) = 0.00020347600872247943; the other tail would be ≈ 1
    expect(r.paired).toBe(false)
    expect(r.pWorse).toBeCloseTo(0.00020347600872247943, 12)
    expect(r.ci!.low).toBeCloseTo(0.02228192351300644, 12)
    expect(r.ci!.high).toBeCloseTo(0.07771807648699357, 12)
    expect(r.status).toBe('regressed')
    expect(r.test).toBe('welch-normal')
  })

  it('in the arm-swap test of an aggregate: every example rising is p(worse) = 1/2^8 for lower-is-better', () => {
    const meanOfX: Aggregate = (cols, idx) => {
      const x = cols.x
      const rows = idx ?? Array.from(x, (_, i) => i)
      let s = 0
      for (let i = 0; i < rows.length; i++) s += x[rows[i]]
      return s / rows.length
    }
    const withColumns = (x: number[]): MetricResult =>
      metric('agg', {
        value: x.reduce((a, b) => a + b, 0) / x.length,
        n: x.length,
        direction: 'lower',
        examples: { columns: { x: encodeFloat64(Float64Array.from(x)) } }
      })
    const baseX = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    const c = compare({
      base: results([withColumns(baseX)]),
      head: results([withColumns(baseX.map((v) => v + 0.125))]),
      defaults,
      gates: { agg: gate({ 'max-regression': 0.05, significance: 0.05 }) },
      aggregateOf: () => meanOfX
    })
    const r = c.rows[0]
    // 2^8 = 256 swaps, enumerated exactly: only the identity is as bad as observed
    expect(r.paired).toBe(true)
    expect(r.delta).toBeCloseTo(0.125, 12)
    expect(r.pWorse).toBe(1 / 256)
    expect(r.test).toBe('swap-exact')
    expect(r.status).toBe('regressed')
  })
})

describe('coverage when runs pair by position', () => {
  it('counts a head NaN as a dropped example, so the default max-dropped: 0 fails the gate', () => {
    const c = compare({
      base: results([metric('m', { scores: [0.5, 0.6, 0.7, 0.8] })]),
      head: results([{ ...metric('m', { scores: [0.5, Number.NaN, 0.7, 0.8] }), value: 2 / 3, n: 3, nanCount: 1 }]),
      defaults,
      gates: { m: gate({ 'max-regression': 1 }) }
    })
    const r = c.rows[0]
    expect(r.coverage).toEqual({ base: 4, head: 3, paired: 3, lost: 1, headOnly: 0, exact: true })
    expect(r.gates).toContainEqual({
      rule: 'max-dropped',
      limit: 0,
      ok: false,
      detail: 'lost 1 of 4 baseline examples > allowed 0'
    })
    expect(r.status).toBe('regressed')
  })
})

describe('runs that cannot be paired', () => {
  it('reports the unpaired fallback as paired: false and says why', () => {
    const c = compare({
      base: results([metric('m', { scores: [0.1, 0.2, 0.3, 0.4], ids: ids(0, 4) })]),
      head: results([metric('m', { scores: [0.1, 0.2, 0.3, 0.4] })]),
      defaults,
      gates: {}
    })
    const r = c.rows[0]
    expect(r.paired).toBe(false)
    expect(r.notes).toContain('unpaired: only the base run has example ids')
  })
})

describe('the 50%-shared-ids rule when the eval set fingerprint changed', () => {
  const scores = (n: number) => Array.from({ length: n }, (_, i) => (i % 5) / 10)
  const run = (baseIds: string[], headIds: string[]) =>
    compare({
      base: results([metric('m', { scores: scores(baseIds.length), ids: baseIds, fingerprint: 'sha256:1' })]),
      head: results([metric('m', { scores: scores(headIds.length), ids: headIds, fingerprint: 'sha256:2' })]),
      defaults,
      gates: {}
    }).rows[0]

  it('pairs on the shared ids at exactly half of the larger run', () => {
    const r = run(ids(0, 10), ids(5, 15))
    expect(r.status).not.toBe('incompatible')
    expect(r.paired).toBe(true)
    expect(r.coverage).toMatchObject({ paired: 5, lost: 5, headOnly: 5 })
  })
  it('calls one shared id fewer incompatible', () => {
    expect(run(ids(0, 10), ids(6, 16)).status).toBe('incompatible')
  })
  it('measures the half against the larger run, head or base', () => {
    // All 10 base ids are in the head: 10 ≥ 0.5·20 pairs, 10 < 0.5·21 does not.
    expect(run(ids(0, 10), ids(0, 20)).status).not.toBe('incompatible')
    expect(run(ids(0, 10), ids(0, 21)).status).toBe('incompatible')
    expect(run(ids(0, 20), ids(0, 10)).status).not.toBe('incompatible')
    expect(run(ids(0, 21), ids(0, 10)).status).toBe('incompatible')
  })
})

describe('edges of the bounds, α and the IQR fence', () => {
  const scalar = (value: number, g: GateSpec['gate'], extra: Partial<MetricResult> = {}) =>
    compare({ head: results([metric('m', { value, ...extra })]), base: null, defaults, gates: { m: gate(g) } }).rows[0]

  it('passes a head value equal to max or min, fails one just beyond', () => {
    expect(scalar(0.5, { max: 0.5 }).status).toBe('new')
    expect(scalar(0.5000001, { max: 0.5 }).status).toBe('failed')
    expect(scalar(0.5, { min: 0.5 }).status).toBe('new')
    expect(scalar(0.4999999, { min: 0.5 }).status).toBe('failed')
  })
  it('with significance, fails a bound only when the whole CI is beyond it', () => {
    const ci = (low: number, high: number) => ({ ci: { level: 0.95, low, high } })
    expect(scalar(0.6, { max: 0.5, significance: 0.05 }, ci(0.5, 0.7)).status).toBe('new')
    expect(scalar(0.6, { max: 0.5, significance: 0.05 }, ci(0.5000001, 0.7)).status).toBe('failed')
    expect(scalar(0.4, { min: 0.5, significance: 0.05 }, ci(0.3, 0.5)).status).toBe('new')
    expect(scalar(0.4, { min: 0.5, significance: 0.05 }, ci(0.3, 0.4999999)).status).toBe('failed')
  })

  it('counts p(worse) equal to α as not significant', () => {
    // Every one of 12 examples drops by 0.1: the exact sign-flip test gives p(worse) = 1/2^12.
    const twelve = ids(0, 12)
    const baseScores = twelve.map((_, i) => 0.5 + 0.02 * i)
    const run = (alpha: number) =>
      compare({
        base: results([metric('m', { scores: baseScores, ids: twelve })]),
        head: results([metric('m', { scores: baseScores.map((v) => v - 0.1), ids: twelve })]),
        defaults,
        gates: { m: gate({ 'max-regression': 0.05, significance: alpha }) }
      }).rows[0]
    const atAlpha = run(1 / 4096)
    expect(atAlpha.pWorse).toBe(1 / 4096)
    expect(atAlpha.test).toBe('sign-flip-exact')
    expect(atAlpha.status).toBe('pass')
    expect(run(1.0001 / 4096).status).toBe('regressed')
  })

  it('keeps a value on the IQR fence inside it', () => {
    // numpy: percentile([1, 2, 3, 4, 5], [25, 75]) = [2, 4], so the fence is [2 − 3, 4 + 3] = [−1, 7]
    const history = { m: [1, 2, 3, 4, 5] }
    const run = (value: number, direction: 'higher' | 'lower') =>
      compare({ head: results([metric('m', { value, direction })]), base: null, defaults, gates: { m: gate({ history: 'iqr' }) }, history }).rows[0]
    expect(run(7, 'lower').status).toBe('new')
    expect(run(7.000001, 'lower').status).toBe('regressed')
    expect(run(-1, 'higher').status).toBe('new')
    expect(run(-1.000001, 'higher').status).toBe('regressed')
    // the fence only guards the bad side
    expect(run(100, 'higher').status).toBe('new')
    expect(run(-100, 'lower').status).toBe('new')
  })
})
