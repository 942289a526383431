import { describe, expect, it } from 'vitest'
import { finiteValues, quantileSorted } from '../../src/stats/quantile.js'

describe('quantileSorted halfway between two values', () => {
  it('interpolates from the upper end at γ = ½, as numpy does', () => {
    // a + (b − a)/2 and b − (b − a)/2 round differently here: numpy.quantile([a, b], 0.5) = 2.742890411035632 (numpy 2.4),
    // which is the second; the first gives 2.7428904110356314.
    const a = 0.49543508709194095
    const b = 4.990345734979322
    expect(quantileSorted([a, b], 0.5)).toBe(2.742890411035632)
  })

  it('is NaN for q below 0, above 1, or NaN', () => {
    expect(quantileSorted([1, 2, 3], -0.25)).toBeNaN()
    expect(quantileSorted([1, 2, 3], 1.25)).toBeNaN()
    expect(quantileSorted([1, 2, 3], Number.NaN)).toBeNaN()
  })
})

describe('finiteValues', () => {
  it('keeps the finite values in order and drops NaN and ±Infinity', () => {
    expect(Array.from(finiteValues([3, Number.NaN, -1, Number.POSITIVE_INFINITY, 2, Number.NEGATIVE_INFINITY]))).toEqual([3, -1, 2])
  })
})
