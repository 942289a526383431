import { describe, expect, it } from 'vitest'
import { compareUnpaired, type Aggregate, type CompareOptions } from '../../src/stats/index.js'
import { f64 } from './fixtures.js'

const opts: CompareOptions = { resamples: 1000, confidence: 0.95, seed: 0, direction: 'higher' }

describe('compareUnpaired', () => {
  it('gives the difference of values only, with null CI and p, when a run has no per-example data', () => {
    const r = compareUnpaired({ value: 0.8 }, { value: 0.75, scores: f64([0.7, 0.8]) }, opts)
    expect(r).toMatchObject({ paired: false, baseValue: 0.8, headValue: 0.75, ci: null, pValue: null, pWorse: null, test: null })
    expect(r.delta).toBeCloseTo(-0.05, 15)
    expect(r.reason).toMatch(/no per-example scores/)
  })

  it('uses finite scores only and reports how many', () => {
    const r = compareUnpaired({ value: 0, scores: f64([1, 2, Number.NaN]) }, { value: 0, scores: f64([2, 3, 4, 5]) }, opts)
    expect([r.nBase, r.nHead, r.baseValue, r.headValue, r.delta]).toEqual([2, 4, 1.5, 3.5, 2])
    expect(r.test).toBe('pooled-permutation-monte-carlo')
    expect(r.ci!.low).toBeLessThanOrEqual(2)
    expect(r.ci!.high).toBeGreaterThanOrEqual(2)
  })

  it('orients pWorse by direction', () => {
    const b = { value: 0, scores: f64([0.5, 0.6, 0.55, 0.65, 0.6, 0.52]) }
    const h = { value: 0, scores: f64([0.4, 0.45, 0.5, 0.42, 0.38, 0.47, 0.44]) }
    const higher = compareUnpaired(b, h, opts)
    const lower = compareUnpaired(b, h, { ...opts, direction: 'lower' })
    expect(higher.pWorse!).toBeLessThan(0.01)
    expect(lower.pWorse!).toBeGreaterThan(0.99)
    expect(compareUnpaired(b, h, opts)).toEqual(higher)
  })

  it('recomputes an aggregate on each run', () => {
    const mean: Aggregate = (cols, idx) => {
      const rows = idx ?? Array.from(cols.x, (_, i) => i)
      let s = 0
      for (let k = 0; k < rows.length; k++) s += cols.x[rows[k]]
      return s / rows.length
    }
    const r = compareUnpaired({ value: 0, columns: { x: f64([1, 2, 3]) } }, { value: 0, columns: { x: f64([4, 6]) } }, { ...opts, aggregate: mean })
    expect([r.nBase, r.nHead, r.baseValue, r.headValue, r.delta]).toEqual([3, 2, 2, 5, 3])
    expect(r.pWorse!).toBeGreaterThan(0.5)
    const undefinedAggregate: Aggregate = () => Number.NaN
    const u = compareUnpaired({ value: 1, columns: { x: f64([1]) } }, { value: 2, columns: { x: f64([4, 6]) } }, { ...opts, aggregate: undefinedAggregate })
    expect([u.delta, u.ci, u.pValue, u.test]).toEqual([1, null, null, null])
  })
})
