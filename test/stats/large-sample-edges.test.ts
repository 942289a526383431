import { describe, expect, it } from 'vitest'
import { meanCI } from '../../src/stats/large-sample.js'

describe('meanCI of fewer than two values', () => {
  it('stays with the bootstrap whatever the resample count (one value: the interval is that value)', () => {
    const opts = { resamples: 30_000_000, confidence: 0.95, seed: 0 }
    expect(meanCI([4.5], opts)).toEqual({ level: 0.95, low: 4.5, high: 4.5, method: 'bootstrap' })
    const none = meanCI([Number.NaN], opts)
    expect(none.method).toBe('bootstrap')
    expect(none.low).toBeNaN()
  })
})
