import { describe, expect, it } from 'vitest'
import { meanVar, studentTwoSidedP, welchTest } from '../../src/stats/student-t.js'

// scipy 1.17: 2 * stats.t.sf(|t|, df). df below 1 reaches ln Γ below 1/2 (the reflection formula); both branches of
// the incomplete beta's continued fraction are crossed (t² small and large against df).
const TWO_SIDED: [number, number, number][] = [
  [0, 3, 1],
  [0.5, 1, 0.7048327646991335],
  [1.3, 0.5, 0.5406146534451202],
  [2, 2.5, 0.1573914957579659],
  [2, 7.3, 0.08394103933410313],
  [-4.2, 12, 0.0012319002271227464],
  [10, 4, 0.000562003622715991],
  [0.05, 200, 0.9601722868732665],
  [3.1, 1e4, 0.0019405830195619964],
  [30, 2, 0.001109262681959659],
  [0.001, 1, 0.9993633804398159]
]

describe("Student's t", () => {
  // ln Γ to ~15 digits, differenced at df = 10⁴: 1e-11 relative
  it.each(TWO_SIDED)('P(|T| ≥ |%s|) with df %s matches scipy', (t, df, p) => {
    expect(Math.abs(studentTwoSidedP(t, df) - p)).toBeLessThanOrEqual(1e-11 * p)
  })

  it('has no p for NaN or df ≤ 0, and p = 0 at an infinite t', () => {
    expect(studentTwoSidedP(Number.NaN, 3)).toBeNaN()
    expect(studentTwoSidedP(1, 0)).toBeNaN()
    expect(studentTwoSidedP(1, -1)).toBeNaN()
    expect(studentTwoSidedP(Number.NEGATIVE_INFINITY, 3)).toBe(0)
  })
})

describe("Welch's t-test", () => {
  // numpy default_rng(3): normal(0, 1, 9) and normal(0.8, 2, 14); scipy.stats.ttest_ind(a, b, equal_var=False)
  const a = [
    2.0409191213851825, -2.5556650313141818, 0.41809884672577885, -0.5677696061279298, -0.45264929211044586, -0.2155971630897659, -2.019986129147251,
    -0.23193237764418947, -0.8652130762749417
  ]
  const b = [
    7.445999033289765, 1.2515732264558435, 0.09473841131680927, 0.23742516369729927, -0.5360926922179001, -1.3103011024102427, 0.018398045530690577,
    1.7638907770135717, 0.32289278685326667, 2.7155174059195284, 0.40039574186684007, 0.8485191301533292, 3.8916417024256242, 1.8902110453752892
  ]

  it('matches scipy on two samples of different sizes and spreads, wherever they sit in the series', () => {
    const x = [99, ...a, ...b, -99]
    const r = welchTest(x, 1, 10, 10, 24)
    expect(r.t).toBeCloseTo(-2.512595163810899, 12)
    expect(r.df).toBeCloseTo(20.962345287668494, 10)
    expect(Math.abs(r.p - 0.020236093463542413)).toBeLessThanOrEqual(1e-11)
    expect(r.meanA).toBeCloseTo(a.reduce((s, v) => s + v, 0) / a.length, 14)
  })

  it('a one-value sample adds no variance and no degrees of freedom (scipy gives NaN; by hand: df 2)', () => {
    // [1, 2, 4] against [7.5]: t = (7/3 − 7.5) / √(var/3), df = 2; p = 2·t.sf(|t|, 2) from scipy
    const r = welchTest([1, 2, 4, 7.5], 0, 3, 3, 4)
    expect(r.t).toBeCloseTo(-5.858449331643022, 12)
    expect(r.df).toBeCloseTo(2, 12)
    expect(Math.abs(r.p - 0.027921769336949467)).toBeLessThanOrEqual(1e-12)
  })

  it('two constant samples: p = 0 when their means differ (t signed), 1 when equal', () => {
    expect(welchTest([2, 2, 2, 5, 5], 0, 3, 3, 5)).toMatchObject({ t: Number.NEGATIVE_INFINITY, p: 0, df: 3 })
    expect(welchTest([5, 5, 2, 2], 0, 2, 2, 4)).toMatchObject({ t: Number.POSITIVE_INFINITY, p: 0 })
    expect(welchTest([2, 2, 2, 2], 0, 2, 2, 4)).toMatchObject({ t: 0, p: 1 })
  })

  it('meanVar: the n − 1 variance of a range, 0 for one value', () => {
    expect(meanVar([9, 1, 2, 3, 9], 1, 4)).toEqual({ mean: 2, variance: 1 })
    expect(meanVar([9, 4], 1, 2)).toEqual({ mean: 4, variance: 0 })
  })
})
