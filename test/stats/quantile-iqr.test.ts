import { describe, expect, it } from 'vitest'
import { iqrFence, quantileSorted } from '../../src/stats/index.js'
import { fixture } from './fixtures.js'

interface QuantileCase {
  x: number[]
  q: number[]
  expected: number[]
}
interface FenceCase {
  history: number[]
  q1: number
  q3: number
  low: number
  high: number
}
const { quantile, iqr } = fixture<{ quantile: QuantileCase[]; iqr: FenceCase[] }>('quantiles.json')

describe('quantileSorted', () => {
  it.each(quantile.map((c, i) => [i, c] as const))('equals numpy.quantile bit for bit (case %i)', (_, c) => {
    const sorted = Float64Array.from(c.x).sort()
    expect(c.q.map((q) => quantileSorted(sorted, q))).toEqual(c.expected)
  })

  it('is NaN for an empty array or q outside [0, 1]', () => {
    expect(quantileSorted([], 0.5)).toBeNaN()
    expect(quantileSorted([1, 2], 1.5)).toBeNaN()
  })
})

describe('iqrFence', () => {
  it.each(iqr.map((c, i) => [i, c] as const))('equals numpy.percentile quartiles and Tukey fences (case %i)', (_, c) => {
    expect(iqrFence(c.history)).toEqual({ q1: c.q1, q3: c.q3, low: c.low, high: c.high })
  })

  it('computes the fence of 1..5 by hand', () => {
    // positions (5-1)·0.25 = 1 and 3 of [1, 2, 3, 4, 5]: q1 = 2, q3 = 4, IQR = 2
    expect(iqrFence([5, 3, 1, 4, 2])).toEqual({ q1: 2, q3: 4, low: -1, high: 7 })
  })

  it('needs at least 5 finite values and ignores NaN', () => {
    expect(iqrFence([1, 2, 3, 4])).toBeNull()
    expect(iqrFence([1, 2, 3, 4, Number.NaN])).toBeNull()
    expect(iqrFence([5, 3, Number.NaN, 1, 4, 2])).toEqual({ q1: 2, q3: 4, low: -1, high: 7 })
  })
})
