import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { NDArray } from '../../src/inputs/ndarray.js'
import * as agreement from '../../src/metrics/agreement.js'
import * as faithfulness from '../../src/metrics/faithfulness.js'
import * as generic from '../../src/metrics/generic.js'
import * as localisation from '../../src/metrics/localisation.js'
import { finiteMean } from '../../src/metrics/math.js'
import { findMetric } from '../../src/metrics/registry.js'
import * as sparsity from '../../src/metrics/sparsity.js'
import * as task from '../../src/metrics/task.js'
import { run } from './a-helpers.js'

// Expected values come from scripts/reference/metrics_a.py (numpy/scipy after the cited libraries).
interface Case {
  metric: string
  note: string
  params: Record<string, unknown>
  inputs: Record<string, { shape: number[]; data: (number | null)[] }>
  expected: { scores?: (number | null)[]; value?: number | null; aggregates?: { indices: number[]; value: number | null }[] }
}
const fixture: { cases: Case[] } = JSON.parse(readFileSync(new URL('../fixtures/metrics/reference_a.json', import.meta.url), 'utf8'))

const REL = 1e-9
const ABS = 1e-12

function expectClose(actual: number, expected: number | null, where: string): void {
  if (expected === null) {
    expect(Number.isNaN(actual), `${where}: expected NaN, got ${actual}`).toBe(true)
    return
  }
  const tolerance = Math.max(ABS, REL * Math.abs(expected))
  expect(Math.abs(actual - expected), `${where}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tolerance)
}

function toArray(name: string, spec: Case['inputs'][string], caseName: string): NDArray {
  const data = Float64Array.from(spec.data, (v) => (v === null ? NaN : v))
  return { data, shape: spec.shape, dtype: 'float64', source: `reference_a.json#${caseName}/${name}` }
}

describe('reference comparison (numpy/scipy, scripts/reference/metrics_a.py)', () => {
  it('covers every metric of the task, faithfulness, sparsity, localisation, agreement and generic families', () => {
    const ours = [task, faithfulness, sparsity, localisation, agreement, generic].flatMap((m) => m.definitions.map((d) => d.name))
    const covered = new Set(fixture.cases.map((c) => c.metric))
    expect(ours.filter((name) => !covered.has(name))).toEqual([])
  })

  fixture.cases.forEach((c, index) => {
    const label = `${c.metric} ${JSON.stringify(c.params)} ${c.note}`.trim()
    it(`#${index} ${label}`, () => {
      const def = findMetric(c.metric)
      if (!def) throw new Error(`unknown metric ${c.metric}`)
      const inputs = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, toArray(k, v, `${index}`)]))
      const out = run(def, inputs, c.params)
      const { scores, value, aggregates } = c.expected
      if (scores) {
        expect(out.scores, 'scores').toBeDefined()
        expect(out.scores!.length).toBe(scores.length)
        scores.forEach((s, i) => expectClose(out.scores![i], s, `${label} example ${i}`))
        if (value !== undefined) expectClose(finiteMean(out.scores!), value, `${label} mean`)
      } else if (value !== undefined) {
        expectClose(out.value!, value, `${label} value`)
      }
      if (aggregates) {
        expect(out.columns && def.aggregate).toBeTruthy()
        const parsed = def.params.parse(c.params)
        expectClose(def.aggregate!(out.columns!, parsed), value ?? null, `${label} aggregate(all rows)`)
        aggregates.forEach((a, j) => expectClose(def.aggregate!(out.columns!, parsed, a.indices), a.value, `${label} resample ${j}`))
      }
    })
  })
})
