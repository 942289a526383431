import { describe, expect, it } from 'vitest'
import { attributionAuroc, definitions, pointingGame, relevanceMassAccuracy, relevanceRankAccuracy, topKIntersection } from '../../src/metrics/localisation.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { arr, one, run, scores } from './metric-helpers.js'

const attributions = [0.9, 0.1, -0.5, 0.7, 0.3, 0.0]
const mask = [1, 0, 0, 1, 0, 1]
const base = { attributions, mask }

describe('top-k-intersection', () => {
  it('is |top-k(a) ∩ mask| / k', () => {
    expect(one(topKIntersection, base, { k: 2 })).toBe(1) // features 0 and 3
    expect(one(topKIntersection, base, { k: 3 })).toBeCloseTo(2 / 3, 15) // + feature 4
    expect(one(topKIntersection, base, { k: 0.5 })).toBeCloseTo(2 / 3, 15)
  })
  it('breaks ties toward the lower index', () => {
    expect(one(topKIntersection, { attributions: [1, 1, 1, 1], mask: [0, 0, 1, 1] }, { k: 2 })).toBe(0)
    expect(one(topKIntersection, { attributions: [1, 1, 1, 1], mask: [1, 1, 0, 0] }, { k: 2 })).toBe(1)
  })
  it('uses signed attributions, as Quantus', () => {
    expect(one(topKIntersection, { attributions: [-5, 1, 0], mask: [1, 0, 0] }, { k: 1 })).toBe(0)
  })
  it('rejects k > F', () => {
    expect(() => run(topKIntersection, { attributions: arr([attributions]), mask: arr([mask]) }, { k: 7 })).toThrow(MetricInputError)
  })
})

describe('relevance-rank-accuracy', () => {
  it('is |top-K(a) ∩ mask| / K with K = |mask|', () => {
    expect(one(relevanceRankAccuracy, base)).toBeCloseTo(2 / 3, 15) // top-3 = 0, 3, 4
    expect(one(relevanceRankAccuracy, { attributions: [1, 1, 0], mask: [0, 1, 0] })).toBe(0) // tie → feature 0
  })
})

describe('relevance-mass-accuracy', () => {
  it('is Σ_mask a / Σ a; signed attributions can exceed 1', () => {
    expect(one(relevanceMassAccuracy, base)).toBeCloseTo(1.6 / 1.5, 15)
    expect(one(relevanceMassAccuracy, { attributions: [1, 2, 3, 4], mask: [0, 1, 0, 1] })).toBeCloseTo(0.6, 15)
  })
  it('is NaN when the attributions sum to 0', () => {
    expect(one(relevanceMassAccuracy, { attributions: [1, -1], mask: [1, 0] })).toBeNaN()
  })
})

describe('pointing-game', () => {
  it('hits when the maximum lies in the mask', () => {
    expect(one(pointingGame, base)).toBe(1)
    expect(one(pointingGame, { attributions: [0.2, 0.9, 0.1], mask: [1, 0, 0] })).toBe(0)
  })
  it('counts a hit when any tied maximum lies in the mask, as Quantus', () => {
    expect(one(pointingGame, { attributions: [1, 0, 1], mask: [0, 0, 1] })).toBe(1)
  })
  it('is signed and binary', () => {
    expect(one(pointingGame, { attributions: [-9, 1], mask: [1, 0] })).toBe(0)
    expect(pointingGame.binary).toBe(true)
  })
})

describe('attribution-auroc', () => {
  it('is the ROC AUC of a against the mask', () => {
    // positives 0.9, 0.7, 0.0 vs negatives 0.1, −0.5, 0.3: 3 + 3 + 1 of 9 pairs
    expect(one(attributionAuroc, base)).toBeCloseTo(7 / 9, 15)
  })
  it('counts ties ½', () => {
    expect(one(attributionAuroc, { attributions: [1, 1, 0], mask: [1, 0, 0] })).toBe(0.75)
  })
  it('is NaN for a full mask', () => {
    expect(one(attributionAuroc, { attributions: [1, 2, 3], mask: [1, 1, 1] })).toBeNaN()
  })
})

describe('localisation edge cases (all five metrics)', () => {
  const paramsOf = (name: string) => (name === 'top-k-intersection' ? { k: 1 } : {})
  it('scores an empty mask NaN (Quantus pointing game would count a hit)', () => {
    for (const def of definitions) {
      expect(
        scores(
          def,
          {
            attributions: arr([
              [1, 2, 3],
              [3, 2, 1]
            ]),
            mask: arr([
              [0, 0, 0],
              [1, 0, 0]
            ])
          },
          paramsOf(def.name)
        )[0],
        def.name
      ).toBeNaN()
    }
  })
  it('scores a NaN attribution NaN', () => {
    for (const def of definitions) expect(scores(def, { attributions: arr([[1, null, 3]]), mask: arr([[1, 0, 0]]) }, paramsOf(def.name))[0], def.name).toBeNaN()
  })
  it('rejects mask values other than 0/1', () => {
    for (const def of definitions) {
      expect(() => run(def, { attributions: arr([[1, 2]]), mask: arr([[2, 0]]) }, paramsOf(def.name)), def.name).toThrow(
        /must hold 0\/1 \(bool\) values; element 0 is 2/
      )
      expect(() => run(def, { attributions: arr([[1, 2]]), mask: arr([[null, 0]]) }, paramsOf(def.name)), def.name).toThrow(MetricInputError)
    }
  })
  it('flattens per example: [N, 2, 3] attributions with a [N, 6] mask', () => {
    const a = arr([
      [
        [0.9, 0.1, -0.5],
        [0.7, 0.3, 0.0]
      ]
    ])
    expect(scores(attributionAuroc, { attributions: a, mask: arr([mask]) })[0]).toBeCloseTo(7 / 9, 15)
  })
  it('names the mask, the expected and the actual shape on a mismatch', () => {
    expect(() =>
      run(pointingGame, {
        attributions: arr([
          [1, 2, 3],
          [1, 2, 3]
        ]),
        mask: arr(
          [
            [1, 0],
            [0, 1]
          ],
          'gt.npz#mask'
        )
      })
    ).toThrow('input "mask" (gt.npz#mask): expected shape [N, F...] with N=2, F=3, got [2, 2]')
  })
})
