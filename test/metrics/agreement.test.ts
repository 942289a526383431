import { describe, expect, it } from 'vitest'
import {
  definitions,
  featureAgreement,
  pairwiseRankAgreement,
  rankAgreement,
  rankCorrelation,
  signAgreement,
  signedRankAgreement
} from '../../src/metrics/agreement.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { arr, one, paramIssues, run } from './metric-helpers.js'

const topK = [featureAgreement, rankAgreement, signAgreement, signedRankAgreement]

describe('OpenXAI agreement: the issue example', () => {
  // |gt| ranks features 0,1,2,3; |a| ranks 0,2,1,3. Top-2: gt {0+, 1−}, a {0+, 2−}.
  const rows = { attributions: [2.5, 1, -1.5, 0.1], reference: [3, -2, 1, 0.5] }
  it('FA = RA = SA = SRA = 0.5 at k = 2', () => {
    for (const def of topK) expect(one(def, rows, { k: 2 }), def.name).toBe(0.5)
  })
  it('PRA = 5/6 (only the pair (1, 2) flips)', () => {
    expect(one(pairwiseRankAgreement, rows)).toBeCloseTo(5 / 6, 15)
  })
  it('RC = 0.8 (1 − 6·2/(4·15))', () => {
    expect(one(rankCorrelation, rows)).toBeCloseTo(0.8, 15)
  })
})

describe('top-k agreements', () => {
  it('sign agreement needs the same sign; signed rank agreement also the same position', () => {
    const rows = { attributions: [2, -1, 0.5], reference: [3, 1, 0.1] }
    expect(one(featureAgreement, rows, { k: 2 })).toBe(1)
    expect(one(rankAgreement, rows, { k: 2 })).toBe(1)
    expect(one(signAgreement, rows, { k: 2 })).toBe(0.5)
    expect(one(signedRankAgreement, rows, { k: 2 })).toBe(0.5)
  })
  it('compares dense ranks, so a tie in |a| breaks rank agreement', () => {
    // dense ranks of −|a| = [1, 1, 2, 3] vs [1, 2, 3, 4]: position 2 holds feature 1 in both, ranks 1 vs 2
    const rows = { attributions: [3, 3, 1, 0], reference: [3, 2, 1, 0] }
    expect(one(featureAgreement, rows, { k: 2 })).toBe(1)
    expect(one(rankAgreement, rows, { k: 2 })).toBe(0.5)
  })
  it('puts the lower index first among ties at the cut', () => {
    expect(one(featureAgreement, { attributions: [1, 1, 1], reference: [5, 0, 0] }, { k: 1 })).toBe(1)
    expect(one(featureAgreement, { attributions: [1, 1, 1], reference: [0, 0, 5] }, { k: 1 })).toBe(0)
  })
  it('treats sign(0) = 0: a zero agrees in sign only with a zero', () => {
    expect(one(signAgreement, { attributions: [0, 1], reference: [0, 2] }, { k: 2 })).toBe(1)
    expect(one(signAgreement, { attributions: [0, 1], reference: [-1, 2] }, { k: 2 })).toBe(0.5)
  })
  it('resolves fractional k: 0.5 of F = 4 is 2; the default 0.1 is 1', () => {
    const rows = { attributions: [2.5, 1, -1.5, 0.1], reference: [3, -2, 1, 0.5] }
    expect(one(featureAgreement, rows, { k: 0.5 })).toBe(0.5)
    expect(one(featureAgreement, rows)).toBe(1)
  })
  it('rejects k > F and bad k', () => {
    expect(() => run(rankAgreement, { attributions: arr([[1, 2]]), reference: arr([[1, 2]]) }, { k: 3 })).toThrow(MetricInputError)
    expect(paramIssues(signAgreement, { k: 0 })).toHaveLength(1)
    expect(paramIssues(signAgreement, { k: 2.5 })).toHaveLength(1)
  })
})

describe('pairwise-rank-agreement', () => {
  it('compares "rank_j < rank_l" for j < l, as OpenXAI: a tie agrees with l ahead, not with j ahead', () => {
    expect(one(pairwiseRankAgreement, { attributions: [1, 1], reference: [1, 2] })).toBe(1)
    expect(one(pairwiseRankAgreement, { attributions: [1, 1], reference: [2, 1] })).toBe(0)
    expect(one(pairwiseRankAgreement, { attributions: [1, 1, 1], reference: [2, 3, 1] })).toBeCloseTo(1 / 3, 15)
  })
  it('uses magnitudes', () => {
    expect(one(pairwiseRankAgreement, { attributions: [-3, 2, -1], reference: [3, -2, 1] })).toBe(1)
  })
})

describe('rank-correlation', () => {
  it('is Pearson of dense ranks, not Spearman, under ties', () => {
    // dense [1, 1, 2, 3] vs [1, 2, 3, 4]: 3.5 / √(2.75·5); Spearman would give 4.5 / √(4.5·5)
    expect(one(rankCorrelation, { attributions: [3, 3, 1, 0], reference: [3, 2, 1, 0] })).toBeCloseTo(3.5 / Math.sqrt(13.75), 14)
  })
  it('is NaN when all magnitudes are equal', () => {
    expect(one(rankCorrelation, { attributions: [2, -2, 2], reference: [1, 2, 3] })).toBeNaN()
  })
})

describe('agreement edge cases (all six metrics)', () => {
  const paramsOf = (name: string) => (topK.some((d) => d.name === name) ? { k: 1 } : {})
  it('makes a NaN in either row NaN', () => {
    for (const def of definitions) {
      expect(one(def, { attributions: [1, null, 3], reference: [1, 2, 3] }, paramsOf(def.name)), def.name).toBeNaN()
      expect(one(def, { attributions: [1, 2, 3], reference: [null, 2, 3] }, paramsOf(def.name)), def.name).toBeNaN()
    }
  })
  it('rejects F < 2 for the pairwise metrics', () => {
    for (const def of [pairwiseRankAgreement, rankCorrelation]) {
      expect(() => run(def, { attributions: arr([[1]]), reference: arr([[1]]) }), def.name).toThrow(/at least 2 features/)
    }
  })
  it('are all higher-is-better', () => {
    expect(definitions.map((d) => d.direction)).toEqual(definitions.map(() => 'higher'))
  })
  it('names the reference, expected and actual shape on a mismatch', () => {
    expect(() =>
      run(
        featureAgreement,
        {
          attributions: arr([[1, 2, 3]]),
          reference: arr(
            [
              [1, 2, 3],
              [1, 2, 3]
            ],
            'gt.npy'
          )
        },
        { k: 1 }
      )
    ).toThrow('input "reference" (gt.npy): expected shape [N, F...] with N=1, F=3, got [2, 3]')
  })
})
