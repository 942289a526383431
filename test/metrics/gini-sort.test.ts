import { describe, expect, test } from 'vitest'
import { bucketSortBits, giniIndex } from '../../src/metrics/sparsity.js'

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

  test('rows declared float32 (a float16/float32 file) skip the per-value check and agree; a NaN still gives NaN', () => {
    const values = row(4096, 8, true)
    expect(giniIndex(Float64Array.from(values), true)).toBeCloseTo(reference(values), 13)
    expect(giniIndex(Float64Array.of(...row(300, 9, true), NaN), true)).toBeNaN()
    expect(giniIndex(Float64Array.of(...row(30, 10, true), NaN), true)).toBeNaN()
    expect(giniIndex(new Float64Array(200), true)).toBe(0)
  })

  test('float64 rows take the comparison sort and agree too; infinities and NaN as before', () => {
    const values = row(3000, 5, false)
    expect(giniIndex(Float64Array.from(values))).toBeCloseTo(reference(values), 13)
    expect(giniIndex(Float64Array.of(...row(100, 6, true), Infinity))).toBeNaN()
    expect(giniIndex(Float64Array.of(...row(100, 7, true), NaN))).toBeNaN()
    expect(giniIndex(new Float64Array(200))).toBe(0)
  })
})

describe('bucketSortBits', () => {
  /** float32 bit patterns of |values|, and the same keys sorted by their float value (a comparison sort). */
  function keysOf(values: number[]): { keys: Uint32Array; expected: Uint32Array } {
    const floats = Float32Array.from(values, Math.abs)
    const sorted = Float32Array.from(floats).sort()
    return { keys: new Uint32Array(floats.buffer), expected: new Uint32Array(sorted.buffer) }
  }

  test('sorts spread magnitudes (ReLU-like rows, with ties) exactly as a comparison sort', () => {
    let x = 9
    const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x / 2 ** 32)
    // |normal| by Box–Muller: magnitudes spread over a dozen octaves, like the bench suite's attributions
    const values = Array.from({ length: 3000 }, () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()))
    values.push(2.5, 2.5, 2.5, 1e-3)
    const { keys, expected } = keysOf(values)
    const out = new Uint32Array(keys.length)
    expect(bucketSortBits(keys, out)).toBe(true)
    expect(out).toEqual(expected)
  })

  test.each([
    ['many ties', [...Array.from({ length: 100 }, () => 0.25), ...Array.from({ length: 100 }, (_, i) => i + 1)]],
    ['a subnormal and Infinity stretching the range', [...Array.from({ length: 2000 }, (_, i) => 1 + i / 2000), 1e-40, Infinity]]
  ])('declines a row whose keys crowd one bucket (%s), leaving it to the radix sort', (_, values) => {
    const { keys } = keysOf(values)
    expect(bucketSortBits(keys, new Uint32Array(keys.length))).toBe(false)
    const finite = values.filter(Number.isFinite)
    expect(giniIndex(Float64Array.from(finite))).toBeCloseTo(reference(finite), 13)
  })
})
