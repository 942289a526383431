import { describe, expect, it } from 'vitest'
import { accuracy, agreement, auroc, topKAccuracy } from '../../src/metrics/task.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { arr, paramIssues, run, scores } from './metric-helpers.js'

describe('accuracy', () => {
  it('compares [N] ids with labels', () => {
    expect(scores(accuracy, { predictions: arr([0, 1, 2, 1]), labels: arr([0, 1, 1, 1]) })).toEqual([1, 1, 0, 1])
  })
  it('takes the argmax of [N, C] scores, ties to the lowest class', () => {
    const predictions = arr([
      [0.1, 0.9],
      [0.8, 0.2],
      [0.5, 0.5]
    ])
    expect(scores(accuracy, { predictions, labels: arr([1, 1, 0]) })).toEqual([1, 0, 1])
  })
  it('makes an example with a NaN prediction or label NaN', () => {
    expect(
      scores(accuracy, {
        predictions: arr([
          [null, 1],
          [0, 1]
        ]),
        labels: arr([1, null])
      })
    ).toEqual([NaN, NaN])
  })
  it('is binary (McNemar pairing)', () => expect(accuracy.binary).toBe(true))
})

describe('top-k-accuracy', () => {
  const logits = arr([[0.1, 0.5, 0.2, 0.9]])
  it('hits when the label is among the k largest logits', () => {
    expect(scores(topKAccuracy, { logits, labels: arr([1]) }, { k: 2 })).toEqual([1])
    expect(scores(topKAccuracy, { logits, labels: arr([2]) }, { k: 2 })).toEqual([0])
    expect(scores(topKAccuracy, { logits, labels: arr([2]) }, { k: 3 })).toEqual([1])
  })
  it('ranks tied classes higher index first, as sklearn', () => {
    // sklearn: [0.1, 0.1, 0.8], k=2 → top-2 {2, 1}: label 0 misses, label 1 hits
    const tied = arr([
      [0.1, 0.1, 0.8],
      [0.1, 0.1, 0.8]
    ])
    expect(scores(topKAccuracy, { logits: tied, labels: arr([0, 1]) }, { k: 2 })).toEqual([0, 1])
  })
  it('scores every example 1 when k = C', () => {
    expect(
      scores(
        topKAccuracy,
        {
          logits: arr([
            [3, 2, 1],
            [1, 2, 3]
          ]),
          labels: arr([2, 0])
        },
        { k: 3 }
      )
    ).toEqual([1, 1])
  })
  it('makes NaN logits or labels NaN', () => {
    expect(
      scores(
        topKAccuracy,
        {
          logits: arr([
            [null, 1],
            [1, 2]
          ]),
          labels: arr([0, null])
        },
        { k: 1 }
      )
    ).toEqual([NaN, NaN])
  })
  it('defaults k to 5 and rejects k > C', () => {
    expect(topKAccuracy.params.parse({})).toEqual({ k: 5 })
    expect(() => run(topKAccuracy, { logits: arr([[1, 2, 3]]), labels: arr([0]) })).toThrow(/k = 5 exceeds the C = 3 classes/)
    expect(() => run(topKAccuracy, { logits: arr([[1, 2, 3]]), labels: arr([0]) }, { k: 4 })).toThrow(MetricInputError)
  })
  it('rejects k that is not a whole number ≥ 1, and unknown params', () => {
    expect(paramIssues(topKAccuracy, { k: 0 })).toHaveLength(1)
    expect(paramIssues(topKAccuracy, { k: 1.5 })).toHaveLength(1)
    expect(paramIssues(topKAccuracy, { k: 2, top: 1 })).toHaveLength(1)
  })
  it('rejects labels that are not class ids', () => {
    expect(() => run(topKAccuracy, { logits: arr([[1, 2, 3]]), labels: arr([3]) }, { k: 1 })).toThrow(/element 0 is 3, not a class id in 0..2/)
    expect(() => run(topKAccuracy, { logits: arr([[1, 2, 3]]), labels: arr([0.5]) }, { k: 1 })).toThrow(MetricInputError)
  })
  it('checks shapes: logits must be [N, C]', () => {
    expect(() => run(topKAccuracy, { logits: arr([1, 2]), labels: arr([0, 1]) }, { k: 1 })).toThrow(
      'input "logits" (test.npz#x): expected shape [N, C], got [2]'
    )
  })
})

describe('auroc', () => {
  it('equals the Mann–Whitney AUC (sklearn doc example: 0.75)', () => {
    const out = run(auroc, { scores: arr([0.1, 0.4, 0.35, 0.8]), labels: arr([0, 0, 1, 1]) })
    expect(out.scores).toBeUndefined()
    expect(out.value).toBeCloseTo(0.75, 15)
    expect(Object.keys(out.columns!).sort()).toEqual(['label', 'score'])
  })
  it('counts positive–negative ties ½', () => {
    // pairs: (0.5, 0.5) ½, (0.5, 0.2) 1, (0.9, 0.5) 1, (0.9, 0.2) 1 → 3.5 / 4
    expect(run(auroc, { scores: arr([0.5, 0.5, 0.2, 0.9]), labels: arr([1, 0, 0, 1]) }).value).toBe(0.875)
  })
  it('recomputes on resampled rows, repeats included', () => {
    const out = run(auroc, { scores: arr([0.1, 0.4, 0.35, 0.8]), labels: arr([0, 0, 1, 1]) })
    // positives 0.35, 0.8, 0.8 vs negatives 0.1, 0.4 → (1 + 2 + 2) / 6
    expect(auroc.aggregate!(out.columns!, {}, [0, 1, 2, 3, 3])).toBeCloseTo(5 / 6, 15)
    expect(auroc.aggregate!(out.columns!, {})).toBe(out.value)
  })
  it('is NaN when a resample (or the data) holds one class only', () => {
    const out = run(auroc, { scores: arr([0.1, 0.4, 0.35, 0.8]), labels: arr([0, 0, 1, 1]) })
    expect(auroc.aggregate!(out.columns!, {}, [2, 3, 3])).toBeNaN()
    expect(run(auroc, { scores: arr([0.1, 0.4]), labels: arr([1, 1]) }).value).toBeNaN()
  })
  it('keeps ±∞ scores, which still order (unlike edge-auroc, which drops non-finite scores)', () => {
    // used rows: (−∞, neg), (0.4, pos), (∞, neg): the positive beats one of two negatives → 1/2
    expect(run(auroc, { scores: arr([-Infinity, 0.4, null, Infinity]), labels: arr([0, 1, 1, 0]) }).value).toBe(0.5)
  })
  it('leaves out rows with a NaN score or label', () => {
    expect(run(auroc, { scores: arr([0.1, null, 0.35, 0.8, 0.9]), labels: arr([0, 0, 1, 1, null]) }).value).toBe(1)
  })
  it('rejects labels other than 0/1', () => {
    expect(() => run(auroc, { scores: arr([0.1, 0.4]), labels: arr([0, 2]) })).toThrow(/input "labels" .* 0\/1 .* element 1 is 2/)
  })
  it('checks that scores and labels have the same N', () => {
    expect(() => run(auroc, { scores: arr([0.1, 0.4]), labels: arr([0, 1, 1]) })).toThrow('input "labels" (test.npz#x): expected shape [N] with N=2, got [3]')
  })
})

describe('agreement', () => {
  it('takes argmax of [N, C] and compares with [N] ids', () => {
    expect(
      scores(agreement, {
        predictions: arr([
          [0.2, 0.8],
          [0.6, 0.4],
          [0.5, 0.5]
        ]),
        targets: arr([1, 1, 0])
      })
    ).toEqual([1, 0, 1])
  })
  it('compares two [N] id arrays', () => {
    expect(scores(agreement, { predictions: arr([0, 2, 1]), targets: arr([0, 2, 2]) })).toEqual([1, 1, 0])
  })
  it('makes a NaN in either row NaN', () => {
    expect(scores(agreement, { predictions: arr([null, 1]), targets: arr([0, null]) })).toEqual([NaN, NaN])
  })
  it('is binary', () => expect(agreement.binary).toBe(true))
  it('requires the same C when both are scores', () => {
    expect(() => run(agreement, { predictions: arr([[1, 0]]), targets: arr([[1, 0, 0]]) })).toThrow(
      'input "targets" (test.npz#x): expected shape [N] or [N, C] with N=1, C=2, got [1, 3]'
    )
  })
})
