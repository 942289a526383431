// p(worse) is the bad tail in the metric's direction, in every test that gives one: a wrong tail makes the
// significance gate unable to fail for lower-is-better metrics.
import { describe, expect, it } from 'vitest'
import { compareSummaries } from '../../src/stats/summary.js'
import { worseTail } from '../../src/stats/tail.js'
import { compareUnpaired } from '../../src/stats/unpaired.js'

describe('worseTail', () => {
  it('is the lower tail when higher is better and the upper tail when lower is', () => {
    expect(worseTail('higher', { pLess: 0.1, pGreater: 0.9 })).toBe(0.1)
    expect(worseTail('lower', { pLess: 0.1, pGreater: 0.9 })).toBe(0.9)
  })
})

describe('compareSummaries (Welch, normal approximation)', () => {
  const base = { n: 100, mean: 0.3, sd: 0.1 }
  const head = { n: 100, mean: 0.35, sd: 0.1 }
  it('gives the upper tail for a lower-is-better metric that rose', () => {
    const s = compareSummaries(base, head, { confidence: 0.95, direction: 'lower' })!
    // scipy: z = 0.05 / √(0.1²/100 + 0.1²/100); norm.sf(z), 2·norm.sf(z), norm.ppf(0.975)·se
    expect(s.pWorse).toBeCloseTo(0.0002034760087224789, 14)
    expect(s.pValue).toBeCloseTo(0.0004069520174449578, 14)
    expect(s.delta).toBeCloseTo(0.05, 14)
    expect(s.ci.low).toBeCloseTo(0.05 - 0.027718076486993558, 14)
    expect(s.ci.high).toBeCloseTo(0.05 + 0.027718076486993558, 14)
  })
  it('gives the lower tail for a higher-is-better metric that rose', () => {
    expect(compareSummaries(base, head, { confidence: 0.95, direction: 'higher' })!.pWorse).toBeCloseTo(0.9997965239912775, 14)
  })
  it('has nothing to say with fewer than 2 examples a side or no spread', () => {
    expect(compareSummaries({ ...base, n: 1 }, head, { confidence: 0.95, direction: 'higher' })).toBeNull()
    expect(compareSummaries(base, { ...head, n: 1 }, { confidence: 0.95, direction: 'higher' })).toBeNull()
    expect(compareSummaries({ ...base, sd: 0 }, { ...head, sd: 0 }, { confidence: 0.95, direction: 'higher' })).toBeNull()
    expect(compareSummaries({ ...base, n: 2 }, { ...head, n: 2 }, { confidence: 0.95, direction: 'higher' })).not.toBeNull()
  })
})

describe('compareUnpaired (pooled permutation)', () => {
  const zeros = { value: 0, scores: new Float64Array(10) }
  const ones = { value: 1, scores: new Float64Array(10).fill(1) }
  const opts = { resamples: 999, confidence: 0.95, seed: 1 }
  it('calls a rise a worsening only when lower is better', () => {
    // 10 vs 10 fully separated values: 1 relabelling in C(20, 10) = 184,756 is as extreme, so p ≈ 1/(999 + 1)
    expect(compareUnpaired(zeros, ones, { ...opts, direction: 'lower' }).pWorse!).toBeLessThan(0.01)
    expect(compareUnpaired(zeros, ones, { ...opts, direction: 'higher' }).pWorse!).toBeGreaterThan(0.99)
  })
})
