import { describe, expect, it } from 'vitest'
import { type Aggregate, compareUnpaired, type Sample } from '../../src/stats/index.js'
import { f64, ratioOfSums } from './fixtures.js'

const opts = { resamples: 200, confidence: 0.95, seed: 11, direction: 'higher' as const }

const ratio = ratioOfSums

/** sum(x) over the rows: 0, a finite value, on no rows. */
const total: Aggregate = (c, idx) => {
  const rows = idx ?? Array.from(c.x, (_, i) => i)
  let s = 0
  for (let i = 0; i < rows.length; i++) s += c.x[rows[i]]
  return s
}

describe('compareUnpaired reason', () => {
  it('keeps the reason it is given', () => {
    const r = compareUnpaired({ value: 1, scores: f64([1, 2]) }, { value: 2, scores: f64([2, 3]) }, opts, 'asked for')
    expect(r.reason).toBe('asked for')
  })
})

describe('compareUnpaired of an aggregate', () => {
  it('bootstraps the aggregate of each run', () => {
    // every resample of base is 3/6 = 0.5 and of head 6/8 = 0.75
    const base: Sample = { value: 0.5, columns: { num: f64([1, 1, 1]), den: f64([2, 2, 2]) } }
    const head: Sample = { value: 0.75, columns: { num: f64([3, 3]), den: f64([4, 4]) } }
    const r = compareUnpaired(base, head, { ...opts, aggregate: ratio })
    expect(r).toMatchObject({ nBase: 3, nHead: 2, baseValue: 0.5, headValue: 0.75, delta: 0.25, test: 'pooled-permutation-monte-carlo' })
    expect(r.ci).toEqual({ level: 0.95, low: 0.25, high: 0.25, method: 'bootstrap' })
  })

  it('matches column names whatever their order in the runs', () => {
    const base: Sample = { value: 0.5, columns: { num: f64([1, 1]), den: f64([2, 2]) } }
    const head: Sample = { value: 0.75, columns: { den: f64([4, 4]), num: f64([3, 3]) } }
    const r = compareUnpaired(base, head, { ...opts, aggregate: ratio })
    expect(r).toMatchObject({ baseValue: 0.5, headValue: 0.75, test: 'pooled-permutation-monte-carlo' })
  })

  it('falls back to the mean scores when only one run has the columns', () => {
    const base: Sample = { value: 0.5, scores: f64([0, 1]), columns: { num: f64([1, 1]), den: f64([2, 2]) } }
    const head: Sample = { value: 1, scores: f64([1, 1]) }
    const r = compareUnpaired(base, head, { ...opts, aggregate: ratio })
    expect(r).toMatchObject({ nBase: 2, nHead: 2, baseValue: 0.5, headValue: 1, delta: 0.5 })
  })

  it('falls back to the mean scores when the runs have columns of different names', () => {
    const base: Sample = { value: 0.5, scores: f64([0, 1]), columns: { num: f64([1, 1]), den: f64([2, 2]) } }
    const head: Sample = { value: 1, scores: f64([1, 1]), columns: { num: f64([3, 3]), weight: f64([4, 4]) } }
    const r = compareUnpaired(base, head, { ...opts, aggregate: ratio })
    expect(r).toMatchObject({ nBase: 2, nHead: 2, baseValue: 0.5, headValue: 1, delta: 0.5 })
  })

  it('compares mean scores when no aggregate is given, even with the same columns', () => {
    const base: Sample = { value: 0.5, scores: f64([0, 1]), columns: { num: f64([1, 1]), den: f64([2, 2]) } }
    const head: Sample = { value: 1, scores: f64([1, 1]), columns: { num: f64([3, 3]), den: f64([4, 4]) } }
    const r = compareUnpaired(base, head, opts)
    expect(r).toMatchObject({ baseValue: 0.5, headValue: 1, delta: 0.5, test: 'pooled-permutation-monte-carlo' })
  })

  it('reports the row counts when the aggregate is undefined on a run', () => {
    // base: 0 / 0
    const base: Sample = { value: Number.NaN, columns: { num: f64([0, 0, 0]), den: f64([0, 0, 0]) } }
    const head: Sample = { value: 0.75, columns: { num: f64([3, 3]), den: f64([4, 4]) } }
    const r = compareUnpaired(base, head, { ...opts, aggregate: ratio })
    expect(r).toMatchObject({ nBase: 3, nHead: 2, ci: null, pValue: null, test: null })
  })

  it('has nothing to resample for a run without rows, even when the aggregate is finite there', () => {
    const r = compareUnpaired({ value: 0, columns: { x: f64([]) } }, { value: 3, columns: { x: f64([1, 2]) } }, { ...opts, aggregate: total })
    expect(r).toMatchObject({ nBase: 0, nHead: 2, delta: 3, ci: null, pValue: null, pWorse: null, test: null })
  })
})

describe('compareUnpaired above the resampling budget', () => {
  // 1001 + 1001 examples x 10000 resamples > RESAMPLE_BUDGET
  const big = { ...opts, resamples: 10_000 }
  const i = Array.from({ length: 1001 }, (_, k) => k)
  const baseScores = () => f64(i.map((k) => (k % 4) / 4))
  const headScores = () => f64(i.map((k) => ((k + 1) % 5) / 5))

  it("takes Welch's normal approximation, also when both runs have the same columns", () => {
    const col = () => ({ num: f64(i.map(() => 1)), den: f64(i.map(() => 1)) })
    const r = compareUnpaired({ value: 0, scores: baseScores(), columns: col() }, { value: 0, scores: headScores(), columns: col() }, big)
    // numpy/scipy: d = mean(h) - mean(b); se = sqrt(var(b, ddof=1)/1001 + var(h, ddof=1)/1001);
    // ci = d -+ norm.ppf(0.975) * se; p = 2 * norm.sf(|d / se|); pWorse = norm.cdf(d / se)
    expect(r.test).toBe('welch-normal')
    expect(r.delta).toBeCloseTo(0.025174825174825166, 14)
    expect(r.ci?.low).toBeCloseTo(0.0005269788181676387, 12)
    expect(r.ci?.high).toBeCloseTo(0.04982267153148269, 12)
    expect(r.pValue).toBeCloseTo(0.045298861260446466, 12)
    expect(r.pWorse).toBeCloseTo(0.9773505693697768, 12)
  })

  it('keeps bootstrapping an aggregate of columns, which has no normal approximation here', () => {
    // every resample of base is 1001 / 2002 = 0.5 and of head 3003 / 4004 = 0.75
    const cols = (num: number, den: number) => ({ num: new Float64Array(1001).fill(num), den: new Float64Array(1001).fill(den) })
    const r = compareUnpaired({ value: 0.5, columns: cols(1, 2) }, { value: 0.75, columns: cols(3, 4) }, { ...big, aggregate: ratio })
    expect(r).toMatchObject({ delta: 0.25, test: 'pooled-permutation-monte-carlo' })
    expect(r.ci).toEqual({ level: 0.95, low: 0.25, high: 0.25, method: 'bootstrap' })
  })

  it('resamples when neither run varies, where the normal approximation has no spread', () => {
    const r = compareUnpaired({ value: 0, scores: new Float64Array(1001) }, { value: 1, scores: new Float64Array(1001).fill(1) }, big)
    expect(r).toMatchObject({ delta: 1, test: 'pooled-permutation-monte-carlo' })
    expect(r.ci).toEqual({ level: 0.95, low: 1, high: 1, method: 'bootstrap' })
  })
})
