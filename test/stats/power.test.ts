import { describe, expect, it } from 'vitest'
import { gatePower, pairedDifferences, sampleSd } from '../../src/stats/power.js'

// Reference values: scipy.stats.norm (ppf, cdf) in the formulas of Chow, Shao & Wang §3.1, computed in Python.
describe('gatePower', () => {
  it('sd 2, n 100, allowed 0.5, α 0.05: mde 0.49729, 99 examples needed, power 0.80376', () => {
    const p = gatePower({ sd: 2, n: 100, allowed: 0.5, alpha: 0.05 })
    expect(p.n).toBe(100)
    expect(p.mde).toBeCloseTo(0.4972949721048773, 9)
    expect(p.nNeeded).toBe(99) // ⌈98.92⌉
    expect(p.power).toBeCloseTo(0.803764940015494, 9)
  })

  it('sd 1.5, n 40, allowed 0.3, α 0.01: mde 0.75135, 251 examples needed, power 0.14425', () => {
    const p = gatePower({ sd: 1.5, n: 40, allowed: 0.3, alpha: 0.01 })
    expect(p.mde).toBeCloseTo(0.75134984528329, 9)
    expect(p.nNeeded).toBe(251) // ⌈250.90⌉
    expect(p.power).toBeCloseTo(0.14424571789791413, 9)
  })

  it('without examples: no mde and no power, but the examples needed', () => {
    expect(gatePower({ sd: 2, n: 0, allowed: 0.5, alpha: 0.05 })).toEqual({ mde: null, n: 0, nNeeded: 99, power: null })
  })

  it('no allowed regression: no n suffices', () => {
    expect(gatePower({ sd: 2, n: 100, allowed: 0, alpha: 0.05 }).nNeeded).toBeNull()
  })

  it('at least one example is needed even when the allowed regression dwarfs the spread', () => {
    expect(gatePower({ sd: 0.001, n: 10, allowed: 5, alpha: 0.05 }).nNeeded).toBe(1)
  })

  it('no spread: every allowed regression is caught at once; with none allowed the power is α', () => {
    expect(gatePower({ sd: 0, n: 5, allowed: 0.1, alpha: 0.05 })).toEqual({ mde: 0, n: 5, nNeeded: 1, power: 1 })
    expect(gatePower({ sd: 0, n: 5, allowed: 0, alpha: 0.05 })).toEqual({ mde: 0, n: 5, nNeeded: null, power: 0.05 })
  })
})

describe('sampleSd', () => {
  it('divides by n − 1 (numpy std(ddof=1) of [1, 2, 4, 7] = 2.6457513)', () => {
    expect(sampleSd([1, 2, 4, 7])).toBeCloseTo(2.6457513110645907, 12)
  })

  it('two values are enough: sd of [1, 3] is √2', () => {
    expect(sampleSd([1, 3])).toBeCloseTo(Math.SQRT2, 12)
  })

  it('is 0 for fewer than two values', () => {
    expect(sampleSd([5])).toBe(0)
    expect(sampleSd([])).toBe(0)
  })
})

describe('pairedDifferences', () => {
  it('head − base over the examples finite in both runs, and the base mean over those', () => {
    const base = { value: 0, scores: new Float64Array([1, 2, Number.NaN, 4]) }
    const head = { value: 0, scores: new Float64Array([1.5, 1, 3, Number.POSITIVE_INFINITY]) }
    const r = pairedDifferences(base, head)
    expect(r && [...r.differences]).toEqual([0.5, -1])
    expect(r?.baseMean).toBe(1.5)
  })

  it('no finite pair: no differences and a NaN base mean', () => {
    const r = pairedDifferences({ value: 0, scores: new Float64Array([Number.NaN, 1]) }, { value: 0, scores: new Float64Array([1, Number.NaN]) })
    expect(r?.differences).toHaveLength(0)
    expect(r?.baseMean).toBeNaN()
  })

  it('null when the runs do not pair by scores (different lengths, no ids)', () => {
    expect(pairedDifferences({ value: 0, scores: new Float64Array([1, 2]) }, { value: 0, scores: new Float64Array([1, 2, 3]) })).toBeNull()
  })
})
