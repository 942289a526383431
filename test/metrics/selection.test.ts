import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { magnitudeEntropyOnePass, sumOfLargest, topKMassOfRow } from '../../src/metrics/selection.js'

// Rows with ties and ~60 % zeros; values from numpy 2.4 (np.partition) and scipy.stats.entropy. Generator:
// rng = default_rng(5); a = round(normal(F), 1) · (random(F) < 0.4) as float32, for (F, k) in the fixture.
const cases: { a: number[]; k: number; mass: number; entropy: number }[] = JSON.parse(
  readFileSync(new URL('../fixtures/metrics/selection_reference.json', import.meta.url), 'utf8')
)
const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y)

describe('selection kernels', () => {
  it.each(cases.map((c) => [c.a.length, c.k, c] as const))('F=%i, k=%i: top-k mass and entropy equal numpy to 1e-12', (_, __, c) => {
    expect(rel(topKMassOfRow(c.a, c.k), c.mass)).toBeLessThan(1e-12)
    expect(rel(magnitudeEntropyOnePass(c.a), c.entropy)).toBeLessThan(1e-12)
  })

  it('sumOfLargest equals the sum of a full descending sort for every k, ties included', () => {
    const values = [3, 1, 3, 0, 2, 2, 5, 1, 3, 4, 4, 0]
    const sorted = [...values].sort((x, y) => y - x)
    for (let k = 0; k <= values.length; k++) {
      const expected = sorted.slice(0, k).reduce((s, v) => s + v, 0)
      expect(sumOfLargest(Float64Array.from(values), values.length, k)).toBe(expected)
    }
  })

  it('NaN or all-zero rows are NaN; a one-hot row has entropy exactly 0', () => {
    expect(topKMassOfRow([0, 0, 0], 1)).toBeNaN()
    expect(topKMassOfRow([1, Number.NaN], 1)).toBeNaN()
    expect(magnitudeEntropyOnePass([0, 0])).toBeNaN()
    expect(magnitudeEntropyOnePass([0, -7.25, 0])).toBe(0)
  })
})
