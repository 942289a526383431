import { describe, expect, test } from 'vitest'
import { giniIndex } from '../../src/metrics/sparsity.js'

/** numpy's formula with a comparison sort: s = np.sort(|a|); Σ (2i − F − 1)·s_i / (F·Σ s). */
function reference(values: number[]): number {
  const s = values.map(Math.abs).sort((x, y) => x - y)
  const f = s.length
  const total = s.reduce((t, v) => t + v, 0)
  if (total === 0) return 0
  return s.reduce((t, v, i) => t + (2 * (i + 1) - f - 1) * v, 0) / (f * total)
}

function row(f: number, seed: number, float32: boolean): number[] {
  let x = seed
  const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x / 2 ** 32)
  return Array.from({ length: f }, () => {
    const u = next()
    // zeros, tiny subnormal-range values, ties, and a spread of magnitudes and signs
    const v = u < 0.4 ? 0 : u < 0.45 ? 1e-40 : u < 0.5 ? -0.25 : (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6)
    return float32 ? Math.fround(v) : v
  })
}

describe('giniIndex sort paths', () => {
  test.each([
    [4096, 1],
    [500, 2],
    [65, 3],
    [10, 4]
  ])('float32 rows (radix sort) of F=%d agree with a comparison sort', (f, seed) => {
    const values = row(f, seed, true)
    expect(giniIndex(Float64Array.from(values))).toBeCloseTo(reference(values), 13)
  })

  test('float64 rows take the comparison sort and agree too; infinities and NaN as before', () => {
    const values = row(3000, 5, false)
    expect(giniIndex(Float64Array.from(values))).toBeCloseTo(reference(values), 13)
    expect(giniIndex(Float64Array.of(...row(100, 6, true), Infinity))).toBeNaN()
    expect(giniIndex(Float64Array.of(...row(100, 7, true), NaN))).toBeNaN()
    expect(giniIndex(new Float64Array(200))).toBe(0)
  })
})
