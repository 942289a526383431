import { describe, expect, it } from 'vitest'
import { holm } from '../../src/stats/multiple.js'

describe('holm leaves its input alone', () => {
  it('returns a new array and does not modify the p-values it was given', () => {
    const input = [0.04, 0.01, null, 0.03]
    const out = holm(input)
    expect(input).toEqual([0.04, 0.01, null, 0.03])
    expect(out).not.toBe(input)
    // by hand, m = 3: 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → max(0.06, 0.04) = 0.06
    expect(out[1]).toBeCloseTo(0.03, 15)
    expect(out[3]).toBeCloseTo(0.06, 15)
    expect(out[0]).toBeCloseTo(0.06, 15)
    expect(out[2]).toBeNull()
  })
})
