import { describe, expect, it } from 'vitest'
import { checkBootstrapOptions, columnRows, indexBootstrapStats, meanBootstrapStats } from '../../src/stats/bootstrap.js'
import { bootstrapMeanCI, createRng, sampleCI } from '../../src/stats/index.js'
import { f64 } from './fixtures.js'

describe('bootstrap options', () => {
  it('accepts a single resample', () => {
    expect(() => checkBootstrapOptions({ resamples: 1, confidence: 0.95, seed: 1 })).not.toThrow()
    // every resample of a constant sample has its mean
    expect(bootstrapMeanCI(f64([2, 2, 2]), { resamples: 1, confidence: 0.95, seed: 1 })).toEqual({ level: 0.95, low: 2, high: 2 })
  })

  it('rejects a confidence of 0 or below', () => {
    expect(() => checkBootstrapOptions({ resamples: 10, confidence: 0, seed: 1 })).toThrow(/confidence must be in \(0, 1\), got 0/)
    expect(() => checkBootstrapOptions({ resamples: 10, confidence: -0.5, seed: 1 })).toThrow(/confidence/)
  })
})

describe('bootstrap statistics', () => {
  it('calls the statistic once per resample', () => {
    let calls = 0
    indexBootstrapStats(4, 7, createRng(3), () => ++calls)
    expect(calls).toBe(7)
  })

  it('draws exactly `resamples` resamples from the stream it is given', () => {
    const x = f64([1, 2, 3, 4])
    const used = createRng(5)
    meanBootstrapStats(x, 6, used)
    const reference = createRng(5)
    for (let r = 0; r < 6; r++) reference.sumOfDraws(x)
    expect(used.uint32()).toBe(reference.uint32())
  })

  it('fills one index resample per statistic without drawing an extra one', () => {
    const used = createRng(9)
    indexBootstrapStats(3, 4, used, () => 0)
    const reference = createRng(9)
    const buffer = new Int32Array(3)
    for (let r = 0; r < 4; r++) reference.fillInt(3, buffer)
    expect(used.uint32()).toBe(reference.uint32())
  })
})

describe('columnRows', () => {
  it('is 0 for no columns', () => {
    expect(columnRows({})).toBe(0)
  })

  it('rejects columns of different lengths, naming the lengths', () => {
    expect(() => columnRows({ a: f64([1, 2]), b: f64([1, 2, 3]) })).toThrow('columns have different lengths: 2, 3')
  })
})

describe('sampleCI', () => {
  const opts = { resamples: 50, confidence: 0.9, seed: 2 }

  it('uses the scores when no aggregate is given, even with columns', () => {
    // constant scores: every bootstrap mean is 0.5
    const ci = sampleCI({ value: 0.5, scores: f64([0.5, 0.5, 0.5, 0.5]), columns: { x: f64([1, 2, 3, 4]) } }, opts)
    expect(ci).toEqual({ level: 0.9, low: 0.5, high: 0.5 })
  })

  it('is null for a sample without per-example data and without an aggregate for its columns', () => {
    expect(sampleCI({ value: 1 }, opts)).toBeNull()
    expect(sampleCI({ value: 1, columns: { x: f64([1, 2]) } }, opts)).toBeNull()
  })
})
