import { describe, expect, it } from 'vitest'
import { cmd, cpr, edgeAuroc, logitDiff, normalizedFaithfulness } from '../../src/metrics/circuits.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { aggregateOf, arr, run, scores } from './metric-helpers.js'

describe('logit-diff', () => {
  const logits = arr([
    [1, 2, 3],
    [0, -1, 5],
    [1, 1, 1]
  ])
  it('is logits[correct] − logits[incorrect] per example; a NaN id gives NaN', () => {
    expect(scores(logitDiff, { logits, correct: arr([2, 0, null]), incorrect: arr([0, 2, 1]) })).toEqual([2, -5, NaN])
    expect(scores(logitDiff, { logits, correct: arr([1, 1, 1]), incorrect: arr([1, 1, 1]) })).toEqual([0, 0, 0])
  })
  it('rejects ids outside 0..C−1 or not integers, naming the input', () => {
    expect(() => run(logitDiff, { logits, correct: arr([3, 0, 0], 'ioi.npz#correct'), incorrect: arr([0, 0, 0]) })).toThrow(
      /input "correct" \(ioi\.npz#correct\) at \[0\] is 3; expected a class id in 0\.\.2/
    )
    expect(() => run(logitDiff, { logits, correct: arr([0, 0, 0]), incorrect: arr([0, 1.5, 0]) })).toThrow(MetricInputError)
    expect(() => run(logitDiff, { logits, correct: arr([0, 0]), incorrect: arr([0, 0]) })).toThrow(
      /input "logits" \(test\.npz#x\): expected shape \[N, C\] with N=2, got \[3, 3\] \(the other inputs agree/
    )
  })
})

describe('normalized-faithfulness', () => {
  // Means: circuit 2, full 4, empty 1 → (2 − 1) / (4 − 1) = 1/3.
  const inputs = { m_circuit: arr([1, 3]), m_full: arr([4, 4]), m_empty: arr([0, 2]) }
  it('divides differences of means, and resamples exactly', () => {
    const out = run(normalizedFaithfulness, inputs)
    expect(out.value).toBeCloseTo(1 / 3, 15)
    expect(out.scores).toBeUndefined()
    expect(aggregateOf(normalizedFaithfulness, inputs)).toBeCloseTo(1 / 3, 15)
    expect(aggregateOf(normalizedFaithfulness, inputs, [0, 0])).toBe(0.25)
    expect(aggregateOf(normalizedFaithfulness, inputs, [1, 1])).toBe(0.5)
  })
  it('drops a row with a NaN from all three means', () => {
    const withNaN = { m_circuit: arr([1, 3, null]), m_full: arr([4, 4, 100]), m_empty: arr([0, 2, 0]) }
    expect(run(normalizedFaithfulness, withNaN).value).toBeCloseTo(1 / 3, 15)
  })
  it('is an error when mean m_full equals mean m_empty, NaN on such a resample', () => {
    expect(() => run(normalizedFaithfulness, { m_circuit: arr([1, 2]), m_full: arr([1, 2]), m_empty: arr([2, 1]) })).toThrow(/mean m_full equals mean m_empty/)
    const degenerateResample = { m_circuit: arr([1, 2]), m_full: arr([1, 5]), m_empty: arr([1, 0]) }
    expect(run(normalizedFaithfulness, degenerateResample).value).toBeCloseTo((1.5 - 0.5) / (3 - 0.5), 15)
    expect(aggregateOf(normalizedFaithfulness, degenerateResample, [0, 0])).toBeNaN()
    expect(() => run(normalizedFaithfulness, { m_circuit: arr([null]), m_full: arr([1]), m_empty: arr([0]) })).toThrow(/no example/)
  })
})

describe('cpr / cmd', () => {
  const grid = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]
  it('gives 0.999 / 0 for f ≡ 1 on MIB’s grid (no point at 0)', () => {
    const inputs = { fractions: arr(grid), faithfulness: arr(grid.map(() => 1)) }
    expect(run(cpr, inputs).value).toBeCloseTo(0.999, 14)
    expect(run(cmd, inputs).value).toBe(0)
    expect(run(cpr, { fractions: arr([0.001, 0.01, 0.1, 0.5, 1]), faithfulness: arr([1, 1, 1, 1, 1]) }).value).toBeCloseTo(0.999, 14)
  })
  it('integrates f and |1 − f| by the trapezoid rule, after sorting by fraction', () => {
    expect(run(cpr, { fractions: arr([0, 1]), faithfulness: arr([0, 1]) }).value).toBe(0.5)
    expect(run(cmd, { fractions: arr([0, 1]), faithfulness: arr([0, 1]) }).value).toBe(0.5)
    // |1 − 2| = |1 − 0| = 1: CMD counts overshoot like shortfall.
    expect(run(cpr, { fractions: arr([1, 0.5]), faithfulness: arr([0, 2]) }).value).toBe(0.5)
    expect(run(cmd, { fractions: arr([1, 0.5]), faithfulness: arr([0, 2]) }).value).toBe(0.5)
    expect(run(cpr, { fractions: arr([0.5, 1]), faithfulness: arr([-1, 0]) }).value).toBe(-0.25)
  })
  it('returns a value only (no scores, no columns)', () => {
    const out = run(cpr, { fractions: arr([0, 1]), faithfulness: arr([0, 1]) })
    expect(Object.keys(out)).toEqual(['value'])
    expect(cpr.aggregate).toBeUndefined()
  })
  it('rejects repeated or out-of-range fractions, fewer than 2 points, and non-finite faithfulness', () => {
    const bad: [(number | null)[], (number | null)[], RegExp][] = [
      [[0.1, 0.1, 1], [1, 1, 1], /holds 0\.1 twice/],
      [[0.1, 1.5], [1, 1], /holds 1\.5; expected fractions in \[0, 1\]/],
      [[-0.1, 1], [1, 1], /expected fractions in \[0, 1\]/],
      [[0.1, null], [1, 1], /expected fractions in \[0, 1\]/],
      [[1], [1], /at least 2 circuit sizes/],
      [[0.1, 1], [1, null], /input "faithfulness" .* is NaN at fraction 1/]
    ]
    for (const [fractions, faithfulness, message] of bad) {
      expect(() => run(cmd, { fractions: arr(fractions), faithfulness: arr(faithfulness) })).toThrow(message)
    }
    expect(() => run(cpr, { fractions: arr([0, 1]), faithfulness: arr([1, 1, 1]) })).toThrow(/expected shape \[K\] with K=2/)
  })
})

describe('edge-auroc', () => {
  // Pairs (circuit, other): (.9,.8)=1, (.9,.1)=1, (.8,.8)=½, (.8,.1)=1 → 3.5 / 4.
  const inputs = { edge_scores: arr([0.9, 0.8, 0.8, 0.1]), circuit: arr([true, true, false, false]) }
  it('is the Mann–Whitney AUC with ties ½, with columns for resampling edges', () => {
    const out = run(edgeAuroc, inputs)
    expect(out.value).toBe(0.875)
    expect(Object.keys(out.columns!).sort()).toEqual(['circuit', 'edge_scores'])
    expect(aggregateOf(edgeAuroc, inputs, [0, 3])).toBe(1)
    expect(aggregateOf(edgeAuroc, inputs, [1, 2, 2])).toBe(0.5)
    expect(aggregateOf(edgeAuroc, inputs, [0, 1])).toBeNaN()
  })
  it('ranks |score| with abs: true', () => {
    const signed = { edge_scores: arr([-0.9, 0.2, 0.1]), circuit: arr([1, 0, 0]) }
    expect(run(edgeAuroc, signed).value).toBe(0)
    expect(run(edgeAuroc, signed, { abs: true }).value).toBe(1)
  })
  it('leaves out non-finite scores; one class only or non-0/1 membership is an error', () => {
    expect(run(edgeAuroc, { edge_scores: arr([0.9, null, 0.1]), circuit: arr([1, 1, 0]) }).value).toBe(1)
    expect(() => run(edgeAuroc, { edge_scores: arr([0.9, 0.1]), circuit: arr([1, 1]) })).toThrow(/both circuit and non-circuit edges/)
    expect(() => run(edgeAuroc, { edge_scores: arr([0.9, 0.1]), circuit: arr([1, 2], 'c.npy') })).toThrow(/input "circuit" \(c\.npy\) at \[1\] is 2/)
    expect(() => run(edgeAuroc, inputs, { abs: 1 })).toThrow()
  })
})
