import { expect } from 'vitest'
import type { NDArray } from '../../src/domain/ndarray.js'
import { checkShapes } from '../../src/metrics/shapes.js'
import type { MetricDefinition, MetricOutput } from '../../src/metrics/definition.js'

type Nested = number | boolean | null | Nested[]

/** An NDArray from nested arrays (null → NaN, bool → 0/1); the shape is read off the nesting. */
export function arr(values: Nested, source = 'test.npz#x'): NDArray {
  const shape: number[] = []
  for (let v: Nested = values; Array.isArray(v); v = v[0]) shape.push(v.length)
  const flat: (number | boolean | null)[] = []
  const walk = (v: Nested): void => void (Array.isArray(v) ? v.forEach(walk) : flat.push(v))
  walk(values)
  return { data: Float64Array.from(flat, (v) => (v === null ? NaN : Number(v))), shape, dtype: 'float64', source }
}

/** An NDArray from flat data and an explicit shape (also for zero-size dimensions). */
export function shaped(data: ArrayLike<number | null>, shape: number[], source = 'test.npz#x'): NDArray {
  return { data: Float64Array.from(data, (v) => (v === null ? NaN : v)), shape, dtype: 'float64', source }
}

/** What the pipeline does: parse params, check shapes, compute. */
export function run(def: MetricDefinition, inputs: Record<string, NDArray>, params: unknown = {}): MetricOutput {
  const parsed = def.params.parse(params)
  checkShapes(def.inputs, inputs)
  return def.compute(inputs, parsed)
}

/** Per-example scores as a plain array (NaN kept; toEqual treats NaN as equal to NaN). */
export function scores(def: MetricDefinition, inputs: Record<string, NDArray>, params: unknown = {}): number[] {
  const out = run(def, inputs, params)
  if (!out.scores) throw new Error(`${def.name} returned no scores`)
  return [...out.scores]
}

/** One example's score from 1-d rows: wraps each row as a [1, F] input. */
export function one(def: MetricDefinition, rows: Record<string, Nested[]>, params: unknown = {}): number {
  const inputs = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, arr([v], `test.npz#${k}`)]))
  return scores(def, inputs, params)[0]
}

/** The zod issues for `params` as "path: message" lines; [] when they parse. */
export function paramIssues(def: MetricDefinition, params: unknown): string[] {
  const result = def.params.safeParse(params)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

/** The metric's value on the rows `indices` through its aggregate (all rows when omitted). */
export function aggregateOf(def: MetricDefinition, inputs: Record<string, NDArray>, indices?: number[], params: unknown = {}): number {
  const out = run(def, inputs, params)
  if (!out.columns || !def.aggregate) throw new Error(`${def.name} returned no columns`)
  return def.aggregate(out.columns, def.params.parse(params), indices)
}

/** Agreement with a reference value to 1e-9 relative, or 1e-12 absolute near zero; null (NaN in numpy) must be NaN. */
export function expectClose(actual: number, expected: number | null, where: string): void {
  if (expected === null) {
    expect(actual, `${where}: expected NaN`).toBeNaN()
    return
  }
  const tolerance = Math.max(1e-12, 1e-9 * Math.abs(expected))
  expect(Math.abs(actual - expected), `${where}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tolerance)
}
