import { describe, expect, it } from 'vitest'
import {
  ascendingOrder,
  averageRanks,
  checkZeroOne,
  denseRanks,
  descendingOrder,
  isConstant,
  kParam,
  pearson,
  resolveK,
  rocAuc,
  spearman,
  topKIndices
} from '../../src/metrics/math.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { arr } from './metric-helpers.js'

describe('k params', () => {
  it('accepts fractions in (0, 1) and whole numbers ≥ 1', () => {
    for (const k of [0.01, 0.5, 0.999, 1, 3]) expect(kParam.safeParse(k).success, String(k)).toBe(true)
    for (const k of [0, -1, 1.5, Number.NaN]) expect(kParam.safeParse(k).success, String(k)).toBe(false)
  })
  it('resolves ceil(k·F) for fractions, exact despite round-off, and k itself for whole numbers', () => {
    expect(resolveK(0.3, 10)).toBe(3) // 0.3·10 = 3.0000000000000004 in float
    expect(resolveK(0.7, 10)).toBe(7) // 7.000000000000001
    expect(resolveK(0.25, 16)).toBe(4)
    expect(resolveK(0.26, 16)).toBe(5)
    expect(resolveK(0.01, 10)).toBe(1)
    expect(resolveK(1, 10)).toBe(1)
    expect(resolveK(10, 10)).toBe(10)
  })
  it('throws MetricInputError when k exceeds the count', () => {
    expect(() => resolveK(11, 10)).toThrow(MetricInputError)
    expect(() => resolveK(3, 2, 'classes')).toThrow('k = 3 selects 3 classes but there are only 2')
  })
})

describe('ordering and ranks', () => {
  it('orders descending with ties to the lower index', () => {
    expect([...descendingOrder([1, 3, 3, 2])]).toEqual([1, 2, 3, 0])
    expect([...topKIndices([0, 5, 5, 5], 2)]).toEqual([1, 2])
    expect([...descendingOrder([-Infinity, Infinity, 0, -0])]).toEqual([1, 2, 3, 0])
  })
  it('radix-sorts long rows exactly like the comparison sort (ties, ±0, ±Inf, subnormals, negatives)', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pool = [0, -0, 1, -1, 0.5, -2.5, Infinity, -Infinity, 5e-324, -5e-324, 1e300, -1e-300]
    for (const n of [257, 1000, 4099]) {
      const values = Array.from({ length: n }, () =>
        random() < 0.5 ? pool[Math.floor(random() * pool.length)] : (random() - 0.5) * 10 ** Math.floor(random() * 8)
      )
      const expected = Array.from({ length: n }, (_, i) => i).sort((i, j) => (values[i] < values[j] ? -1 : values[i] > values[j] ? 1 : i - j))
      expect([...ascendingOrder(values)], `n=${n}`).toEqual(expected)
      const desc = Array.from({ length: n }, (_, i) => i).sort((i, j) => (values[i] > values[j] ? -1 : values[i] < values[j] ? 1 : i - j))
      expect([...descendingOrder(values)], `n=${n}`).toEqual(desc)
    }
  })
  it('averages tied ranks (scipy rankdata "average")', () => {
    expect([...averageRanks([3, 1, 3, 2])]).toEqual([3.5, 1, 3.5, 2])
    expect([...averageRanks([7, 7, 7])]).toEqual([2, 2, 2])
    const long = Array.from({ length: 600 }, (_, i) => i % 3) // radix path: 200 ties per value
    expect([...averageRanks(long)].slice(0, 3)).toEqual([100.5, 300.5, 500.5])
    expect([...denseRanks(long)].slice(0, 3)).toEqual([1, 2, 3])
  })
  it('gives dense ranks (scipy rankdata "dense")', () => {
    expect([...denseRanks([3, 1, 3, 2])]).toEqual([3, 1, 3, 2])
    expect([...denseRanks([5, 5, 1, 9])]).toEqual([2, 2, 1, 3])
  })
})

describe('correlations', () => {
  it('checks constancy exactly, not by round-off', () => {
    expect(isConstant([0.1, 0.1, 0.1])).toBe(true)
    expect(isConstant([0.1 + 0.2, 0.3])).toBe(false)
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNaN()
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNaN()
  })
  it('computes Pearson and Spearman', () => {
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(15 / Math.sqrt(228), 14)
    expect(spearman([1, 2, 2, 3], [10, 20, 30, 40])).toBeCloseTo(Math.sqrt(0.9), 14)
    expect(pearson([1, 2, Number.NaN], [1, 2, 3])).toBeNaN()
  })
})

describe('rocAuc', () => {
  it('counts ties ½ and is NaN with one class', () => {
    expect(rocAuc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBe(0.875)
    expect(rocAuc([1, 2], [1, 1])).toBeNaN()
    expect(rocAuc([1, 2], [0, 0])).toBeNaN()
  })
})

describe('checkZeroOne', () => {
  it('accepts 0/1, optionally NaN, and names the first bad element', () => {
    expect(() => checkZeroOne(arr([0, 1, 1]), 'mask')).not.toThrow()
    expect(() => checkZeroOne(arr([0, null]), 'labels', true)).not.toThrow()
    expect(() => checkZeroOne(arr([0, null]), 'mask')).toThrow('input "mask" (test.npz#x) must hold 0/1 (bool) values; element 1 is NaN')
  })
})
