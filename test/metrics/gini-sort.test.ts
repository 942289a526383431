import { describe, expect, test } from 'vitest'
import { bucketSortBits, float32BitsAtMost, gini, giniIndex, nonzeroFraction } from '../../src/metrics/sparsity.js'

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

describe('float32 rows on their bit patterns (computeRowsFloat32)', () => {
  // Bit patterns that are not plain numbers: −0, a negative NaN with a payload, a signalling NaN, ±Infinity.
  const bitsOf = (...patterns: number[]) => new Float32Array(Uint32Array.from(patterns).buffer)

  test('float32BitsAtMost: the largest float32 at most x, by hand', () => {
    expect(float32BitsAtMost(0)).toBe(0)
    expect(float32BitsAtMost(1)).toBe(0x3f800000) // exactly a float32
    // numpy: np.float32(0.1) is 0x3dcccccd, above 0.1; np.float32(0.7) is 0x3f333333, below 0.7
    expect(float32BitsAtMost(0.1)).toBe(0x3dcccccc)
    expect(float32BitsAtMost(0.7)).toBe(0x3f333333)
    expect(float32BitsAtMost(1e-50)).toBe(0) // below the smallest subnormal, 2^-149
    expect(float32BitsAtMost(2 ** -149)).toBe(1)
    expect(float32BitsAtMost(1e300)).toBe(0x7f7fffff) // rounds to +Infinity, above: the largest finite float32
  })

  test('nonzero-fraction counts |a| > eps as a float64 comparison does, at and between float32 values', () => {
    const values = Float32Array.of(0, -0, 0.1, -0.1, 0.7, 1, -1, 2 ** -149, -(2 ** -140), 1e-30, Infinity, -Infinity)
    for (const eps of [0, 0.1, Math.fround(0.1), 0.7, Math.fround(0.7), 1, 2 ** -149, 1e-50, 1e300]) {
      const expected = Array.from(values).filter((v) => Math.abs(v) > eps).length / values.length
      expect(Array.from(nonzeroFraction.computeRowsFloat32!(values, values.length, { eps })), `eps ${eps}`).toEqual([expected])
    }
  })

  test('a NaN of any sign or payload makes the row NaN; −0 counts as zero; rows stay apart', () => {
    const rows = bitsOf(0x80000000, 0x3f800000, 0x00000000, 0x3f800000, 0xffc00001, 0x3f800000, 0x7f800001, 0x00000000)
    expect(Array.from(nonzeroFraction.computeRowsFloat32!(rows, 2, { eps: 0 }))).toEqual([0.5, 0.5, NaN, NaN])
    expect(Array.from(nonzeroFraction.computeRowsFloat32!(rows, 4, { eps: 0 }))).toEqual([0.5, NaN])
  })

  test("gini of each float32 row equals numpy's formula with a comparison sort, NaN and all-zero rows included", () => {
    const f = 700 // ≥ 64 non-zero magnitudes: the bucket sort; the 50-value row: the comparison sort
    const spread = row(f, 11, true)
    const ties = Array.from({ length: f }, (_, i) => (i % 3 === 0 ? 0 : i % 2 ? -0.5 : 0.5))
    const short = [...row(50, 12, true), ...new Array(f - 50).fill(0)]
    const withNaN = [...row(f - 1, 13, true), NaN]
    const zeros = new Array(f).fill(0)
    const rows = Float32Array.from([...spread, ...ties, ...short, ...withNaN, ...zeros])
    const got = gini.computeRowsFloat32!(rows, f, {})
    expect(got[0]).toBeCloseTo(reference(spread), 13)
    expect(got[1]).toBeCloseTo(reference(ties), 13)
    expect(got[2]).toBeCloseTo(reference(short), 13)
    expect(got[3]).toBeNaN()
    expect(got[4]).toBe(0)
    // −0 and a negative NaN by their bit patterns
    const signed = Float32Array.from(spread)
    new Uint32Array(signed.buffer)[5] = 0x80000000
    expect(gini.computeRowsFloat32!(signed, f, {})[0]).toBeCloseTo(reference(Array.from(signed)), 13)
    new Uint32Array(signed.buffer)[6] = 0xffc00001
    expect(gini.computeRowsFloat32!(signed, f, {})[0]).toBeNaN()
  })
})
