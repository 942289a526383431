import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NDArray } from '../../src/inputs/ndarray.js'
import { findMetric } from '../../src/metrics/registry.js'
import { run } from './b-helpers.js'

interface Encoded {
  shape: number[]
  data: (number | null)[]
}
interface Case {
  metric: string
  note: string
  params: Record<string, unknown>
  inputs: Record<string, Encoded>
  scores?: (number | null)[]
  value?: number | null
  resample?: { indices: number[]; value: number | null }
}

const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/metrics/reference_b.json'), 'utf8')) as { cases: Case[] }

const decode = (e: Encoded, source: string): NDArray => ({
  data: Float64Array.from(e.data, (v) => (v === null ? NaN : v)),
  shape: e.shape,
  dtype: 'float64',
  source
})

/** Agreement to 1e-9 relative, or 1e-12 absolute near zero; null (NaN in numpy) must be NaN. */
function expectClose(actual: number, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNaN()
    return
  }
  const tolerance = Math.max(1e-12, 1e-9 * Math.abs(expected))
  expect(Math.abs(actual - expected), `${what}: ${actual} vs numpy ${expected}`).toBeLessThanOrEqual(tolerance)
}

describe('robustness, circuits and SAE metrics against numpy / scipy (scripts/reference/metrics_b.py)', () => {
  it.each(fixture.cases.map((c, i) => [`${c.metric} ${JSON.stringify(c.params)} #${i}`, c] as const))('%s', (_, c) => {
    const def = findMetric(c.metric)!
    expect(def, c.metric).toBeDefined()
    const inputs = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, decode(v, `reference_b.json#${k}`)]))
    const out = run(def, inputs, c.params)
    if (c.scores) {
      expect(out.scores!.length).toBe(c.scores.length)
      c.scores.forEach((s, i) => expectClose(out.scores![i], s, `score ${i}`))
    }
    if (c.value !== undefined) expectClose(out.value!, c.value, 'value')
    if (c.resample) {
      const params = def.params.parse(c.params)
      expectClose(def.aggregate!(out.columns!, params), c.value!, 'aggregate on all rows')
      expectClose(def.aggregate!(out.columns!, params, c.resample.indices), c.resample.value, 'aggregate on the resample')
    }
  })
})
