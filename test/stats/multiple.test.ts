import { describe, expect, it } from 'vitest'
import { holm } from '../../src/stats/index.js'

describe('holm', () => {
  it('adjusts by hand-computed step-down factors, in input order', () => {
    // sorted 0.01, 0.02, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.04, 0.06, 0.06, 0.04 → running max 0.04, 0.06, 0.06, 0.06
    const out = holm([0.03, 0.01, 0.04, 0.02])
    ;[0.06, 0.04, 0.06, 0.06].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 15))
  })

  it('is monotone in the sorted order and capped at 1', () => {
    // 0.005·3 = 0.015; 0.4·2 = 0.8; 0.6·1 = 0.6 → max(0.8, 0.6) = 0.8
    const out = holm([0.6, 0.005, 0.4])
    expect(out[1]).toBeCloseTo(0.015, 15)
    expect(out[2]).toBeCloseTo(0.8, 15)
    expect(out[0]).toBeCloseTo(0.8, 15)
    expect(holm([0.5, 0.7])).toEqual([1, 1])
  })

  it('passes null and NaN through and leaves them out of m', () => {
    // m = 2: 0.01·2 = 0.02, 0.04·1 = 0.04
    const out = holm([0.04, null, 0.01, Number.NaN])
    expect(out[0]).toBeCloseTo(0.04, 15)
    expect(out[1]).toBeNull()
    expect(out[2]).toBeCloseTo(0.02, 15)
    expect(out[3]).toBeNaN()
  })

  it('handles ties, a single p-value and an empty family', () => {
    // ties 0.02, 0.02, 0.5: 0.06, max(0.06, 0.04) = 0.06, max(0.06, 0.5) = 0.5
    const out = holm([0.02, 0.5, 0.02])
    expect(out[0]).toBeCloseTo(0.06, 15)
    expect(out[2]).toBeCloseTo(0.06, 15)
    expect(out[1]).toBeCloseTo(0.5, 15)
    expect(holm([0.03])).toEqual([0.03])
    expect(holm([])).toEqual([])
  })
})
