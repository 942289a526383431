import { describe, expect, it } from 'vitest'
import { normalCdf, normalQuantile } from '../../src/stats/normal.js'
import { compareSummaries } from '../../src/stats/summary.js'

// Reference values: scipy.stats.norm.cdf / norm.ppf (scipy 1.17).
const CDF: [number, number][] = [
  [-10, 7.61985302416047e-24],
  [-5, 2.866515718791933e-7],
  [-3.5, 0.00023262907903552502],
  [-3, 0.0013498980316300933],
  [-2.9, 0.0018658133003840375],
  [-1.96, 0.024997895148220435],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.3, 0.6179114221889526],
  [1.2, 0.8849303297782918],
  [2.5, 0.9937903346742238],
  [3, 0.9986501019683699],
  [4, 0.9999683287581669]
]
const PPF: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-12, -7.034483825301131],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400545],
  [0.3, -0.5244005127080409],
  [0.5, 0],
  [0.975, 1.959963984540054],
  [0.999999, 4.753424308817087]
]

describe('standard normal', () => {
  it.each(CDF)('Φ(%s) matches scipy', (z, p) => {
    expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(1e-13 * p + 1e-300)
  })
  it.each(PPF)('Φ⁻¹(%s) matches scipy', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(z)))
  })
  it('Φ⁻¹ at and beyond the ends of [0, 1], and of NaN, as scipy.stats.norm.ppf', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY)
    for (const p of [Number.NaN, -0.5, 1.5]) expect(normalQuantile(p)).toBeNaN()
    expect(normalCdf(Number.NaN)).toBeNaN()
  })
  it('Φ⁻¹ in the upper tail is the exact mirror of the lower tail', () => {
    // 1 − q is exact for q > 0.5, so the two sides are the same search
    for (const q of [1 - 2 ** -40, 0.999, 0.7]) expect(normalQuantile(q)).toBe(-normalQuantile(1 - q))
  })
})

describe('compareSummaries (Welch normal approximation)', () => {
  it('matches numpy/scipy on n=100, mean 0.5, sd 0.2 vs n=120, mean 0.45, sd 0.25', () => {
    const c = compareSummaries({ n: 100, mean: 0.5, sd: 0.2 }, { n: 120, mean: 0.45, sd: 0.25 }, { confidence: 0.95, direction: 'higher' })!
    expect(c.delta).toBeCloseTo(-0.05, 14)
    expect(c.ci.low).toBeCloseTo(-0.10947556919208512, 12)
    expect(c.ci.high).toBeCloseTo(0.00947556919208515, 12)
    expect(c.pValue).toBeCloseTo(0.09941319911566918, 12)
    expect(c.pWorse).toBeCloseTo(0.04970659955783459, 12)
  })
  it('has nothing to say without spread or with one example', () => {
    expect(compareSummaries({ n: 1, mean: 0, sd: 0 }, { n: 5, mean: 1, sd: 1 }, { confidence: 0.95, direction: 'higher' })).toBeNull()
    expect(compareSummaries({ n: 5, mean: 0, sd: 0 }, { n: 5, mean: 1, sd: 0 }, { confidence: 0.95, direction: 'higher' })).toBeNull()
  })
})
