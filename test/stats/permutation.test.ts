import { describe, expect, it } from 'vitest'
import { comparePaired, createRng, pooledMeanTest, signFlipTest, swapTest, type Aggregate } from '../../src/stats/index.js'
import { f64, fixture } from './fixtures.js'

type P = { 'two-sided': number; less: number; greater: number }
interface Fixture {
  signFlip: { name: string; d: number[]; p: P }[]
  paired: { name: string; base: number[]; head: number[]; p: P }[]
  ratioSwap: { base: { num: number[]; den: number[] }; head: { num: number[]; den: number[] }; delta: number; p: P }
  monteCarlo: { d: number[]; p: P }
  pooled: { base: number[]; head: number[]; p: P }
}
const fx = fixture<Fixture>('permutation.json')

const ratio: Aggregate = (cols, idx) => {
  let num = 0
  let den = 0
  const rows = idx ?? Array.from(cols.num, (_, i) => i)
  for (let k = 0; k < rows.length; k++) {
    num += cols.num[rows[k]]
    den += cols.den[rows[k]]
  }
  return num / den
}

/** Monte Carlo p within 4.5 binomial standard errors of the exact p (plus the +1 adjustment). */
function expectNear(p: number, exact: number, resamples: number): void {
  expect(Math.abs(p - exact)).toBeLessThan(4.5 * Math.sqrt((exact * (1 - exact)) / resamples) + 2 / resamples)
}

describe('signFlipTest (exact, n <= 20)', () => {
  it.each(fx.signFlip.map((c) => [c.name, c] as const))('equals scipy permutation_test: %s', (_, c) => {
    const t = signFlipTest(f64(c.d), 2000, createRng(0))
    expect(t.exact).toBe(true)
    expect(t.permutations).toBe(2 ** c.d.length)
    expect({ 'two-sided': t.pTwoSided, less: t.pLess, greater: t.pGreater }).toEqual(c.p)
  })

  it('gives the issue example 28/256 two-sided and 14/256 for "greater"', () => {
    const t = signFlipTest(f64([0.1, 0.2, -0.05, 0.3, 0.15, 0, 0.25, -0.1]), 2000, createRng(0))
    expect(t.pTwoSided).toBe(28 / 256)
    expect(t.pGreater).toBe(14 / 256)
    expect(t.statistic).toBeCloseTo(0.85 / 8, 15)
  })

  it('handles n = 1 by hand: flips {d, −d}', () => {
    const t = signFlipTest(f64([0.3]), 2000, createRng(0))
    expect([t.pLess, t.pGreater, t.pTwoSided]).toEqual([1, 0.5, 1])
  })
})

describe('signFlipTest (Monte Carlo, n > 20)', () => {
  it("lands near scipy's exact p for n = 22", () => {
    const t = signFlipTest(f64(fx.monteCarlo.d), 20_000, createRng(1))
    expect(t.exact).toBe(false)
    expect(t.permutations).toBe(20_000)
    expectNear(t.pTwoSided, fx.monteCarlo.p['two-sided'], 20_000)
    expectNear(t.pLess, fx.monteCarlo.p.less, 20_000)
    expectNear(t.pGreater, fx.monteCarlo.p.greater, 20_000)
  })

  it('never returns 0: the observed arrangement counts once', () => {
    const t = signFlipTest(new Float64Array(40).fill(1), 999, createRng(2))
    expect(t.pGreater).toBe(1 / 1000)
    expect(t.pTwoSided).toBe(2 / 1000)
  })
})

describe('paired permutation tests against scipy (permutation_type="samples" on (head, base))', () => {
  it.each(fx.paired.map((c) => [c.name, c] as const))('comparePaired: %s', (_, c) => {
    const base = { value: NaN, scores: f64(c.base) }
    const head = { value: NaN, scores: f64(c.head) }
    const opts = { resamples: 1000, confidence: 0.95, seed: 0 }
    const higher = comparePaired(base, head, { ...opts, direction: 'higher' })!
    const lower = comparePaired(base, head, { ...opts, direction: 'lower' })!
    expect(higher.test).toBe('sign-flip-exact')
    expect(higher.pValue).toBe(c.p['two-sided'])
    expect(higher.pWorse).toBe(c.p.less)
    expect(lower.pWorse).toBe(c.p.greater)
  })

  it.each(fx.paired.map((c) => [c.name, c] as const))('swapTest with a mean aggregate: %s', (_, c) => {
    const n = c.base.length
    const mean: Aggregate = (cols, idx) => {
      let s = 0
      for (let k = 0; k < idx!.length; k++) s += cols.x[idx![k]]
      return s / idx!.length
    }
    const t = swapTest({ x: f64([...c.base, ...c.head]) }, n, mean, 2 ** n, createRng(0))
    expect(t.exact).toBe(true)
    expect({ 'two-sided': t.pTwoSided, less: t.pLess, greater: t.pGreater }).toEqual(c.p)
  })

  it('swapTest on a ratio of means equals scipy exactly (n = 10, all 1024 swaps)', () => {
    const { base, head, p, delta } = fx.ratioSwap
    const combined = { num: f64([...base.num, ...head.num]), den: f64([...base.den, ...head.den]) }
    const t = swapTest(combined, 10, ratio, 2000, createRng(0))
    expect(t.exact).toBe(true)
    expect(t.statistic).toBeCloseTo(delta, 14)
    expect({ 'two-sided': t.pTwoSided, less: t.pLess, greater: t.pGreater }).toEqual(p)
  })

  it('swapTest falls back to Monte Carlo when 2^n exceeds the resamples, near the exact p', () => {
    const { base, head, p } = fx.ratioSwap
    const combined = { num: f64([...base.num, ...head.num]), den: f64([...base.den, ...head.den]) }
    const t = swapTest(combined, 10, ratio, 1000, createRng(3))
    expect(t.exact).toBe(false)
    expectNear(t.pGreater, p.greater, 1000)
  })
})

describe('pooledMeanTest', () => {
  it("lands near scipy's exact independent-samples p", () => {
    const { base, head, p } = fx.pooled
    const t = pooledMeanTest(f64(base), f64(head), 20_000, createRng(4))
    expectNear(t.pTwoSided, p['two-sided'], 20_000)
    expectNear(t.pLess, p.less, 20_000)
    expectNear(t.pGreater, p.greater, 20_000)
  })
})
