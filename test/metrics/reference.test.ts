import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { NDArray } from '../../src/domain/ndarray.js'
import { finiteMean } from '../../src/metrics/math.js'
import { builtinMetrics, findMetric } from '../../src/metrics/registry.js'
import { expectClose, run } from './metric-helpers.js'

/**
 * Every built-in metric against values computed independently with numpy/scipy after the cited libraries. One format
 * for every fixture: `{generator, numpy, scipy, cases: [{metric, note, params, inputs: {name: {shape, data}},
 * expected: {scores?, value?, aggregates?: [{indices, value}]}}]}`, null standing for NaN.
 */
interface Case {
  metric: string
  note: string
  params: Record<string, unknown>
  inputs: Record<string, { shape: number[]; data: (number | null)[] }>
  expected: { scores?: (number | null)[]; value?: number | null; aggregates?: { indices: number[]; value: number | null }[] }
}

/** Fixture file → the script that writes it (run from the repository root). */
const FIXTURES = {
  'reference_a.json': 'scripts/reference/metrics_a.py',
  'reference_b.json': 'scripts/reference/metrics_b.py'
}

const fixtures = Object.entries(FIXTURES).map(([file, generator]) => {
  const doc = JSON.parse(readFileSync(new URL(`../fixtures/metrics/${file}`, import.meta.url), 'utf8')) as { generator: string; cases: Case[] }
  return { file, generator, doc }
})

function toArray(spec: Case['inputs'][string], source: string): NDArray {
  return { data: Float64Array.from(spec.data, (v) => (v === null ? NaN : v)), shape: spec.shape, dtype: 'float64', source }
}

function checkCase(c: Case, label: string, source: string): void {
  const def = findMetric(c.metric)
  if (!def) throw new Error(`${source}: unknown metric ${c.metric}`)
  const inputs = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, toArray(v, `${source}/${k}`)]))
  const out = run(def, inputs, c.params)
  const { scores, value, aggregates } = c.expected
  if (scores) {
    expect(out.scores, `${label}: scores`).toBeDefined()
    expect(out.scores!.length).toBe(scores.length)
    scores.forEach((s, i) => expectClose(out.scores![i], s, `${label} example ${i}`))
  }
  // A per-example metric's value is the mean of its finite scores; a ratio metric reports its value itself.
  if (value !== undefined) expectClose(out.scores ? finiteMean(out.scores) : out.value!, value, `${label} value`)
  if (aggregates) {
    expect(out.columns && def.aggregate, `${label}: columns and aggregate`).toBeTruthy()
    const params = def.params.parse(c.params)
    expectClose(def.aggregate!(out.columns!, params), value ?? null, `${label} aggregate on all rows`)
    aggregates.forEach((a, j) => expectClose(def.aggregate!(out.columns!, params, a.indices), a.value, `${label} aggregate on resample ${j}`))
  }
}

describe('reference values (numpy/scipy, scripts/reference/)', () => {
  it('every built-in metric has reference cases', () => {
    const covered = new Set(fixtures.flatMap((f) => f.doc.cases.map((c) => c.metric)))
    expect(builtinMetrics.map((d) => d.name).filter((name) => !covered.has(name))).toEqual([])
  })

  for (const { file, generator, doc } of fixtures) {
    describe(`${file} (${generator})`, () => {
      it('names its generator', () => expect(doc.generator).toBe(generator))
      doc.cases.forEach((c, index) => {
        const label = `#${index} ${c.metric} ${JSON.stringify(c.params)} ${c.note}`.trim()
        it(label, () => checkCase(c, label, `${file}#${index}`))
      })
    })
  }
})
