import { describe, expect, it } from 'vitest'
import {
  aopc,
  aopcComprehensiveness,
  aopcLerf,
  aopcSufficiency,
  comprehensiveness,
  deletionAuc,
  faithfulnessCorrelation,
  infidelity,
  insertionAuc,
  monotonicityCorrelation,
  sufficiency
} from '../../src/metrics/faithfulness.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { arr, one, paramIssues, run, scores } from './metric-helpers.js'

describe('deletion-auc / insertion-auc (RISE)', () => {
  it('integrates [0.9, 0.5, 0.2, 0.1] to 0.4', () => {
    // (1.7 − (0.9 + 0.1)/2) / 3
    expect(one(deletionAuc, { curves: [0.9, 0.5, 0.2, 0.1] })).toBeCloseTo(0.4, 15)
    expect(one(insertionAuc, { curves: [0.1, 0.2, 0.5, 0.9] })).toBeCloseTo(0.4, 15)
  })
  it('has opposite directions', () => {
    expect([deletionAuc.direction, insertionAuc.direction]).toEqual(['lower', 'higher'])
  })
  it('makes a curve with a NaN point NaN', () => {
    expect(
      scores(deletionAuc, {
        curves: arr([
          [1, null, 0],
          [1, 0.5, 0]
        ])
      })
    ).toEqual([NaN, 0.5])
  })
  it('rejects one-point curves as an input error', () => {
    expect(() => run(insertionAuc, { curves: arr([[0.5], [0.4]]) })).toThrow(MetricInputError)
  })
})

describe('aopc (Samek et al.)', () => {
  it('averages y₀ − yₖ over k = 0..K: [0.9, 0.5, 0.2, 0.1] → 0.475', () => {
    // (0 + 0.4 + 0.7 + 0.8) / 4
    expect(one(aopc, { curves: [0.9, 0.5, 0.2, 0.1] })).toBeCloseTo(0.475, 15)
  })
  it('includes the k = 0 term with K = 1', () => {
    expect(one(aopc, { curves: [0.8, 0.2] })).toBeCloseTo(0.3, 15)
  })
  it('aopc-lerf computes the same average, lower is better', () => {
    // (0 + 0.05 + 0.1 + 0.2) / 4
    expect(one(aopcLerf, { curves: [0.9, 0.85, 0.8, 0.7] })).toBeCloseTo(0.0875, 15)
    expect([aopc.direction, aopcLerf.direction]).toEqual(['higher', 'lower'])
  })
  it('accepts order "morf" and points order "lerf" at aopc-lerf', () => {
    expect(aopc.params.parse({})).toEqual({ order: 'morf' })
    expect(paramIssues(aopc, { order: 'morf' })).toEqual([])
    expect(paramIssues(aopc, { order: 'lerf' })).toEqual(['order: order "lerf" reverses the direction (lower is better): use metric "aopc-lerf" instead'])
    expect(paramIssues(aopcLerf, { order: 'lerf' })).toHaveLength(1)
  })
  it('makes a NaN curve NaN and rejects one-point curves', () => {
    expect(
      scores(aopc, {
        curves: arr([
          [1, null],
          [1, 0]
        ])
      })
    ).toEqual([NaN, 0.5])
    expect(() => run(aopc, { curves: arr([[1], [2]]) })).toThrow(/needs at least 2 points/)
  })
})

describe('comprehensiveness / sufficiency (ERASER)', () => {
  it('drops the predicted-class probability (argmax of probs_full)', () => {
    expect(one(comprehensiveness, { probs_full: [0.7, 0.2, 0.1], probs_removed: [0.3, 0.5, 0.2] })).toBeCloseTo(0.4, 15)
    expect(one(sufficiency, { probs_full: [0.2, 0.7, 0.1], probs_kept: [0.25, 0.6, 0.15] })).toBeCloseTo(0.1, 15)
  })
  it('breaks argmax ties to the lowest class', () => {
    expect(one(comprehensiveness, { probs_full: [0.4, 0.4, 0.2], probs_removed: [0.1, 0.3, 0.6] })).toBeCloseTo(0.3, 15)
  })
  it('uses [N] target-class probabilities as given', () => {
    const out = scores(comprehensiveness, { probs_full: arr([0.9, 0.6]), probs_removed: arr([0.2, 0.7]) })
    expect(out[0]).toBeCloseTo(0.7, 15)
    expect(out[1]).toBeCloseTo(-0.1, 15)
  })
  it('has comprehensiveness higher, sufficiency lower', () => {
    expect([comprehensiveness.direction, sufficiency.direction]).toEqual(['higher', 'lower'])
  })
  it('makes a NaN in the probs_full row NaN', () => {
    expect(
      scores(sufficiency, {
        probs_full: arr([
          [null, 0.5],
          [0.5, 0.5]
        ]),
        probs_kept: arr([
          [0.5, 0.5],
          [0.25, 0.5]
        ])
      })
    ).toEqual([NaN, 0.25])
  })
  it('rejects [N, C] probs_full with [N] probs_removed', () => {
    expect(() => run(comprehensiveness, { probs_full: arr([[0.5, 0.5]]), probs_removed: arr([0.5]) })).toThrow(
      /input "probs_removed" .* has shape \[1\] but "probs_full" has \[1, 2\]/
    )
  })
  it('checks that C agrees', () => {
    expect(() => run(sufficiency, { probs_full: arr([[0.5, 0.5]]), probs_kept: arr([[0.2, 0.3, 0.5]]) })).toThrow(
      'input "probs_kept" (test.npz#x): expected shape [N, C] or [N] with N=1, C=2, got [1, 3]'
    )
  })
})

describe('aopc-comprehensiveness / aopc-sufficiency (ERASER)', () => {
  it('averages the predicted-class drop over the B bins, no k = 0 term', () => {
    const probs_full = arr([[0.1, 0.8, 0.1]])
    const bins_removed = arr([
      [
        [0.2, 0.6, 0.2],
        [0.3, 0.4, 0.3],
        [0.5, 0.1, 0.4]
      ]
    ])
    // ŷ = 1: (0.2 + 0.4 + 0.7) / 3
    expect(scores(aopcComprehensiveness, { probs_full, bins_removed })[0]).toBeCloseTo(1.3 / 3, 15)
    expect(scores(aopcComprehensiveness, { probs_full: arr([0.8]), bins_removed: arr([[0.6, 0.4, 0.1]]) })[0]).toBeCloseTo(1.3 / 3, 15)
  })
  it('aopc-sufficiency can be 0 when gains cancel losses', () => {
    expect(
      scores(aopcSufficiency, {
        probs_full: arr([[0.9, 0.1]]),
        bins_kept: arr([
          [
            [0.85, 0.15],
            [0.95, 0.05]
          ]
        ])
      })[0]
    ).toBeCloseTo(0, 15)
    expect(aopcSufficiency.direction).toBe('lower')
  })
  it('rejects [N, C] probs_full with [N, B] bins', () => {
    expect(() => run(aopcSufficiency, { probs_full: arr([[0.5, 0.5]]), bins_kept: arr([[0.5, 0.4]]) })).toThrow(MetricInputError)
  })
  it('checks bins against probs_full', () => {
    expect(() => run(aopcComprehensiveness, { probs_full: arr([[0.5, 0.5]]), bins_removed: arr([[[0.2, 0.3, 0.5]]]) })).toThrow(
      'input "bins_removed" (test.npz#x): expected shape [N, B, C] or [N, B] with N=1, C=2, got [1, 1, 3]'
    )
  })
})

describe('faithfulness-correlation', () => {
  it('is the Pearson correlation per example', () => {
    // dx = [−1, 0, 1], dy = [−7/3, −1/3, 8/3]: Σdxdy = 5, Σdx² = 2, Σdy² = 114/9
    expect(one(faithfulnessCorrelation, { subset_sums: [1, 2, 3], output_drops: [2, 4, 7] })).toBeCloseTo(15 / Math.sqrt(228), 14)
    expect(one(faithfulnessCorrelation, { subset_sums: [1, 2, 3, 4], output_drops: [8, 6, 4, 2] })).toBe(-1)
  })
  it('is NaN for a constant row, detected exactly (0.1 + 0.1 + 0.1 has round-off)', () => {
    expect(one(faithfulnessCorrelation, { subset_sums: [0.1, 0.1, 0.1], output_drops: [1, 2, 3] })).toBeNaN()
    expect(one(faithfulnessCorrelation, { subset_sums: [1, 2, 3], output_drops: [5, 5, 5] })).toBeNaN()
  })
  it('makes a NaN NaN and rejects R < 2', () => {
    expect(one(faithfulnessCorrelation, { subset_sums: [1, null, 3], output_drops: [1, 2, 3] })).toBeNaN()
    expect(() => run(faithfulnessCorrelation, { subset_sums: arr([[1]]), output_drops: arr([[1]]) })).toThrow(/at least 2 subsets/)
  })
  it('checks that R agrees', () => {
    expect(() => run(faithfulnessCorrelation, { subset_sums: arr([[1, 2, 3]]), output_drops: arr([[1, 2]]) })).toThrow(
      'input "output_drops" (test.npz#x): expected shape [N, R] with N=1, R=3, got [1, 2]'
    )
  })
})

describe('monotonicity-correlation', () => {
  it('is Spearman with average ranks for ties', () => {
    // ranks [1, 2.5, 2.5, 4] vs [1, 2, 3, 4]: 4.5 / √(4.5·5)
    expect(one(monotonicityCorrelation, { subset_sums: [1, 2, 2, 3], output_variances: [10, 20, 30, 40] })).toBeCloseTo(Math.sqrt(0.9), 14)
  })
  it('is 1 for any monotone relation', () => {
    expect(one(monotonicityCorrelation, { subset_sums: [1, 2, 3, 4], output_variances: [1, 8, 27, 64] })).toBe(1)
  })
  it('is NaN for a constant row or a NaN', () => {
    expect(one(monotonicityCorrelation, { subset_sums: [2, 2, 2], output_variances: [1, 2, 3] })).toBeNaN()
    expect(one(monotonicityCorrelation, { subset_sums: [1, 2, 3], output_variances: [1, null, 3] })).toBeNaN()
  })
})

describe('infidelity (Captum)', () => {
  const rows = { dot_products: [2, 3], output_deltas: [1.5, 3.5] }
  it('is the mean squared error: I·a = [2, 3], Δf = [1.5, 3.5] → 0.25', () => {
    expect(one(infidelity, rows)).toBeCloseTo(0.25, 15)
  })
  it('with normalize uses β = Σ(I·a)Δf / Σ(I·a)² = 13.5/13 → 0.240385', () => {
    const value = one(infidelity, rows, { normalize: true })
    expect(value).toBeCloseTo(0.240385, 6)
    expect(value).toBeCloseTo((14.5 - 13.5 ** 2 / 13) / 2, 14)
  })
  it('takes β = 0 when all I·a are 0 (Captum safe_div)', () => {
    expect(one(infidelity, { dot_products: [0, 0], output_deltas: [1, 3] }, { normalize: true })).toBe(5)
    expect(one(infidelity, { dot_products: [0, 0], output_deltas: [1, 3] })).toBe(5)
  })
  it('makes a NaN NaN; lower is better; normalize must be a boolean', () => {
    expect(one(infidelity, { dot_products: [null, 1], output_deltas: [1, 1] })).toBeNaN()
    expect(infidelity.direction).toBe('lower')
    expect(paramIssues(infidelity, { normalize: 'yes' })).toHaveLength(1)
  })
})
