import { describe, expect, it } from 'vitest'
import { effectiveComplexity, entropy, gini, nonzeroFraction, topKMass } from '../../src/metrics/sparsity.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { arr, one, paramIssues, run, scores } from './metric-helpers.js'

describe('nonzero-fraction', () => {
  const a = [0, 0.5, -1e-3, 2]
  it('counts |a| > eps, strictly', () => {
    expect(one(nonzeroFraction, { attributions: a })).toBe(0.75)
    expect(one(nonzeroFraction, { attributions: a }, { eps: 0.01 })).toBe(0.5)
    expect(one(nonzeroFraction, { attributions: a }, { eps: 0.5 })).toBe(0.25)
  })
  it('flattens [N, H, W] per example', () => {
    expect(
      scores(nonzeroFraction, {
        attributions: arr([
          [
            [0, 1],
            [2, 0]
          ],
          [
            [0, 0],
            [0, 3]
          ]
        ])
      })
    ).toEqual([0.5, 0.25])
  })
  it('makes a NaN attribution NaN and rejects a negative eps', () => {
    expect(one(nonzeroFraction, { attributions: [1, null] })).toBeNaN()
    expect(paramIssues(nonzeroFraction, { eps: -1 })).toHaveLength(1)
  })
})

describe('gini', () => {
  it('is 0.75 for [0, 0, 0, 1] and 0.25 for [1, 2, 3, 4]', () => {
    // sorted weights 2j − F − 1 = [−3, −1, 1, 3]: 3/(4·1) and (−3 − 2 + 3 + 12)/(4·10)
    expect(one(gini, { attributions: [0, 0, 0, 1] })).toBe(0.75)
    expect(one(gini, { attributions: [1, 2, 3, 4] })).toBe(0.25)
  })
  it('uses magnitudes, scores an all-zero row 0 and a NaN row NaN', () => {
    expect(one(gini, { attributions: [-4, 3, -2, 1] })).toBe(0.25)
    expect(one(gini, { attributions: [0, 0, 0] })).toBe(0)
    expect(one(gini, { attributions: [1, null] })).toBeNaN()
  })
})

describe('entropy', () => {
  it('is ln F for a uniform map and 0 for a one-hot map', () => {
    expect(one(entropy, { attributions: [1, -1, 1, -1] })).toBeCloseTo(Math.log(4), 15)
    expect(one(entropy, { attributions: [0, 5, 0, 0] })).toBe(0)
  })
  it('normalises magnitudes: [−1, 3] → p = [¼, ¾]', () => {
    expect(one(entropy, { attributions: [-1, 3] })).toBeCloseTo(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 15)
  })
  it('takes 0·ln 0 = 0', () => {
    expect(one(entropy, { attributions: [2, 0, 2] })).toBeCloseTo(Math.log(2), 15)
  })
  it('is NaN for an all-zero row or a NaN; lower is better', () => {
    expect(one(entropy, { attributions: [0, 0] })).toBeNaN()
    expect(one(entropy, { attributions: [1, null] })).toBeNaN()
    expect(entropy.direction).toBe('lower')
  })
})

describe('effective-complexity', () => {
  it('counts |a| / max|a| > eps (default 1e-5), strictly', () => {
    expect(one(effectiveComplexity, { attributions: [0.5, -1, 1e-6, 0] })).toBe(2)
    expect(one(effectiveComplexity, { attributions: [0.5, -1, 1e-6, 0] }, { eps: 0.5 })).toBe(1)
    expect(one(effectiveComplexity, { attributions: [2e-5, 1] })).toBe(2)
  })
  it('normalises by the example’s own maximum', () => {
    expect(one(effectiveComplexity, { attributions: [1e-6, 2e-6] })).toBe(2)
  })
  it('scores an all-zero row 0 and a NaN row NaN', () => {
    expect(one(effectiveComplexity, { attributions: [0, 0, 0] })).toBe(0)
    expect(one(effectiveComplexity, { attributions: [1, null] })).toBeNaN()
  })
})

describe('top-k-mass', () => {
  const a = [1, -3, 2, 0, 4]
  it('is the share of Σ|a| in the k largest |a|', () => {
    expect(one(topKMass, { attributions: a }, { k: 2 })).toBeCloseTo(0.7, 15)
    expect(one(topKMass, { attributions: a }, { k: 0.4 })).toBeCloseTo(0.7, 15)
    expect(one(topKMass, { attributions: a }, { k: 5 })).toBe(1)
  })
  it('takes ceil(k·F) without float round-off: k = 0.3, F = 10 → 3 features', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    expect(one(topKMass, { attributions: ten }, { k: 0.3 })).toBeCloseTo(27 / 55, 15)
    expect(one(topKMass, { attributions: ten })).toBeCloseTo(10 / 55, 15) // default k = 0.1 → 1
  })
  it('is NaN for an all-zero row or a NaN', () => {
    expect(one(topKMass, { attributions: [0, 0, 0] }, { k: 1 })).toBeNaN()
    expect(one(topKMass, { attributions: [1, null, 0] }, { k: 1 })).toBeNaN()
  })
  it('rejects k > F as an input error', () => {
    expect(() => run(topKMass, { attributions: arr([a]) }, { k: 6 })).toThrow(MetricInputError)
    expect(() => run(topKMass, { attributions: arr([a]) }, { k: 6 })).toThrow('k = 6 selects 6 features but there are only 5')
  })
  it('rejects k ≤ 0, fractional k > 1 and unknown params', () => {
    for (const bad of [{ k: 0 }, { k: -1 }, { k: 1.5 }, { k: '2' }, { k: 2, n: 1 }]) expect(paramIssues(topKMass, bad)).toHaveLength(1)
    expect(paramIssues(topKMass, { k: 1.5 })[0]).toBe('k: k must be a fraction in (0, 1) or a whole number ≥ 1')
  })
})
