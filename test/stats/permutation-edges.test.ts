import { describe, expect, it } from 'vitest'
import { pooledAggregateTest, pooledMeanTest, signFlipTest, swapTest } from '../../src/stats/permutation.js'
import { createRng } from '../../src/stats/rng.js'
import type { Aggregate } from '../../src/stats/stat-types.js'
import { f64, fixture } from './fixtures.js'

type P = { 'two-sided': number; less: number; greater: number }
const { pooled } = fixture<{ pooled: { base: number[]; head: number[]; p: P } }>('permutation.json')

const mean: Aggregate = (cols, idx) => {
  let s = 0
  for (let k = 0; k < idx!.length; k++) s += cols.x[idx![k]]
  return s / idx!.length
}

/** p-values from tallies of null statistics against the observed one, with the Monte Carlo +1 (Phipson & Smyth). */
function monteCarloP(values: number[], observed: number): { pLess: number; pGreater: number } {
  const R = values.length
  return {
    pLess: (values.filter((v) => v <= observed).length + 1) / (R + 1),
    pGreater: (values.filter((v) => v >= observed).length + 1) / (R + 1)
  }
}

/** The documented sign vectors: per resample, one uint32 per 32 examples; bit b of draw k flips example 32k + b. */
function referenceFlipSums(d: number[], resamples: number, seed: number): number[] {
  const rng = createRng(seed)
  const sums: number[] = []
  for (let r = 0; r < resamples; r++) {
    let sum = 0
    let bits = 0
    for (let i = 0; i < d.length; i++) {
      if (i % 32 === 0) bits = rng.uint32()
      sum += Math.floor(bits / 2 ** (i % 32)) % 2 === 1 ? -d[i] : d[i]
    }
    sums.push(sum)
  }
  return sums
}

// small integers: every sum is exact, so the tallies compare without rounding
const intDiffs = (n: number) => Array.from({ length: n }, (_, i) => (i % 7) - 2)

describe('Monte Carlo sign flips follow the seeded stream', () => {
  it.each([40, 64])('signFlipTest with n = %d counts the sign vectors of successive uint32 draws', (n) => {
    const d = intDiffs(n)
    const observed = d.reduce((a, b) => a + b, 0)
    const expected = monteCarloP(referenceFlipSums(d, 500, 5), observed)
    const t = signFlipTest(f64(d), 500, createRng(5))
    expect(t.exact).toBe(false)
    expect(t.permutations).toBe(500)
    expect(t.statistic).toBe(observed / n)
    expect(t.pLess).toBe(expected.pLess)
    expect(t.pGreater).toBe(expected.pGreater)
  })

  it.each([40, 64])('swapTest of a mean on n = %d pairs draws the same sign vectors as signFlipTest', (n) => {
    const d = intDiffs(n)
    const observed = d.reduce((a, b) => a + b, 0)
    const expected = monteCarloP(referenceFlipSums(d, 500, 6), observed)
    // base rows all 0 and head rows d: swapping pair i negates d[i] in the difference of arm means
    const t = swapTest({ x: f64([...new Array(n).fill(0), ...d]) }, n, mean, 500, createRng(6))
    expect(t.exact).toBe(false)
    expect(t.permutations).toBe(500)
    expect(t.pLess).toBe(expected.pLess)
    expect(t.pGreater).toBe(expected.pGreater)
  })

  it('counts the observed arrangement in both tails when every flip ties or falls below (n = 40 ones)', () => {
    // all 999 flipped sums are <= 40, and only the unflipped one (never drawn here) reaches 40: by hand
    const t = signFlipTest(new Float64Array(40).fill(1), 999, createRng(2))
    expect(t.pLess).toBe(1)
    expect(t.pGreater).toBe(1 / 1000)
  })
})

describe('an aggregate undefined on a rearrangement counts as not extreme', () => {
  // precision-like: mean of x over the rows with flag 1, NaN when an arm has none
  const flagged: Aggregate = (cols, idx) => {
    let s = 0
    let k = 0
    for (let j = 0; j < idx!.length; j++) {
      const row = idx![j]
      if (cols.flag[row] === 1) {
        s += cols.x[row]
        k++
      }
    }
    return s / k
  }

  it('swapTest, exact over 4 swaps of 2 pairs: by hand, values 1, NaN, NaN, −1 against 1', () => {
    // rows: base0 (flag 1, x 0), base1 (flag 0, x 0), head0 (flag 0, x 5), head1 (flag 1, x 1)
    const combined = { flag: f64([1, 0, 0, 1]), x: f64([0, 0, 5, 1]) }
    const t = swapTest(combined, 2, flagged, 4, createRng(0))
    expect(t.exact).toBe(true)
    expect(t.statistic).toBe(1)
    expect(t.permutations).toBe(4)
    expect([t.pLess, t.pGreater, t.pTwoSided]).toEqual([2 / 4, 1 / 4, 2 / 4])
  })

  it('pooledAggregateTest: a third of the relabellings undefined lowers both tails, near 1/3 and 2/3', () => {
    // x = [0 | 1, 2], base arm one row: {0} gives 1.5 (observed), {1} gives 0, {2} is undefined (NaN)
    const oneRowTwo: Aggregate = (cols, idx) => (idx!.length === 1 && idx![0] === 2 ? NaN : mean(cols, idx))
    const t = pooledAggregateTest({ x: f64([0, 1, 2]) }, 1, 2, oneRowTwo, 3000, createRng(7))
    expect(t.statistic).toBe(1.5)
    expect(t.permutations).toBe(3000)
    const tol = 4.5 * Math.sqrt(2 / 9 / 3000)
    expect(Math.abs(t.pGreater - 1 / 3)).toBeLessThan(tol)
    expect(Math.abs(t.pLess - 2 / 3)).toBeLessThan(tol)
  })
})

/** Fisher–Yates from the back with rng.int(i + 1) (Durstenfeld), the first nA entries as the base arm. */
function referenceShuffleMeans(x: number[], nA: number, resamples: number, seed: number): number[] {
  const rng = createRng(seed)
  const perm = x.map((_, i) => i)
  const out: number[] = []
  for (let r = 0; r < resamples; r++) {
    for (let i = perm.length - 1; i > 0; i--) {
      const j = rng.int(i + 1)
      ;[perm[i], perm[j]] = [perm[j], perm[i]]
    }
    const avg = (rows: number[]) => rows.reduce((s, k) => s + x[k], 0) / rows.length
    out.push(avg(perm.slice(nA)) - avg(perm.slice(0, nA)))
  }
  return out
}

/** A partial Fisher–Yates from the front with j = i + rng.int(N − i): the first nA values are the base arm. */
function referencePartialMeans(x: number[], nA: number, resamples: number, seed: number): number[] {
  const rng = createRng(seed)
  const pool = [...x]
  const total = x.reduce((a, b) => a + b, 0)
  const out: number[] = []
  for (let r = 0; r < resamples; r++) {
    let sum = 0
    for (let i = 0; i < nA; i++) {
      const j = i + rng.int(pool.length - i)
      ;[pool[i], pool[j]] = [pool[j], pool[i]]
      sum += pool[i]
    }
    out.push((total - sum) / (pool.length - nA) - sum / nA)
  }
  return out
}

describe('pooledAggregateTest', () => {
  it("lands near scipy's exact independent-samples p with a mean aggregate", () => {
    const { base, head, p } = pooled
    const t = pooledAggregateTest({ x: f64([...base, ...head]) }, base.length, head.length, mean, 4000, createRng(8))
    const tol = (q: number) => 4.5 * Math.sqrt((q * (1 - q)) / 4000) + 2 / 4000
    expect(Math.abs(t.pLess - p.less)).toBeLessThan(tol(p.less))
    expect(Math.abs(t.pGreater - p.greater)).toBeLessThan(tol(p.greater))
    expect(Math.abs(t.pTwoSided - p['two-sided'])).toBeLessThan(2 * tol(Math.min(p.less, p.greater)))
  })

  it('relabels by Fisher–Yates shuffles of the seeded stream, Monte Carlo (+1), head minus base', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    const nA = 5
    const observed = (5 + 9 + 2 + 6 + 5 + 3 + 5) / 7 - (3 + 1 + 4 + 1 + 5) / 5
    const expected = monteCarloP(referenceShuffleMeans(x, nA, 300, 9), observed)
    const t = pooledAggregateTest({ x: f64(x) }, nA, x.length - nA, mean, 300, createRng(9))
    expect(t.statistic).toBeCloseTo(observed, 14)
    expect(t.exact).toBe(false)
    expect(t.permutations).toBe(300)
    expect(t.pLess).toBe(expected.pLess)
    expect(t.pGreater).toBe(expected.pGreater)
  })
})

describe('pooledMeanTest', () => {
  it('relabels by partial Fisher–Yates draws of the seeded stream, Monte Carlo (+1), head minus base', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    const nA = 5
    const observed = (5 + 9 + 2 + 6 + 5 + 3 + 5) / 7 - (3 + 1 + 4 + 1 + 5) / 5
    const expected = monteCarloP(referencePartialMeans(x, nA, 300, 10), observed)
    const t = pooledMeanTest(f64(x.slice(0, nA)), f64(x.slice(nA)), 300, createRng(10))
    expect(t.statistic).toBeCloseTo(observed, 14)
    expect(t.exact).toBe(false)
    expect(t.permutations).toBe(300)
    expect(t.pLess).toBe(expected.pLess)
    expect(t.pGreater).toBe(expected.pGreater)
  })
})
