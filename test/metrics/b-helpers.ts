import type { NDArray } from '../../src/inputs/ndarray.js'
import { checkShapes } from '../../src/metrics/shapes.js'
import type { MetricDefinition, MetricOutput } from '../../src/metrics/types.js'

type Nested = number | boolean | null | Nested[]

/** An NDArray from nested JS arrays (null → NaN, bool → 0/1); the shape is read off the nesting. */
export function nd(values: Nested, source = 'test'): NDArray {
  const shape: number[] = []
  for (let v: Nested = values; Array.isArray(v); v = v[0]) shape.push(v.length)
  const flat: number[] = []
  const walk = (v: Nested): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else flat.push(v === null ? NaN : Number(v))
  }
  walk(values)
  return { data: Float64Array.from(flat), shape, dtype: 'float64', source }
}

/** An NDArray from flat data and an explicit shape (for zero-size dimensions). */
export function ndShape(data: number[], shape: number[], source = 'test'): NDArray {
  return { data: Float64Array.from(data), shape, dtype: 'float64', source }
}

/** What the pipeline does: parse params, check shapes, compute. */
export function run(def: MetricDefinition, inputs: Record<string, NDArray>, params: unknown = {}): MetricOutput {
  const parsed = def.params.parse(params)
  checkShapes(def.inputs, inputs)
  return def.compute(inputs, parsed)
}

/** Per-example scores as a plain array with NaN kept (toEqual treats NaN as equal to NaN). */
export function scoresOf(def: MetricDefinition, inputs: Record<string, NDArray>, params: unknown = {}): number[] {
  const out = run(def, inputs, params)
  if (!out.scores) throw new Error(`${def.name} returned no scores`)
  return [...out.scores]
}

/** The metric's value on the rows `indices` through its aggregate (all rows when omitted). */
export function aggregateOf(def: MetricDefinition, inputs: Record<string, NDArray>, indices?: number[], params: unknown = {}): number {
  const out = run(def, inputs, params)
  if (!out.columns || !def.aggregate) throw new Error(`${def.name} returned no columns`)
  return def.aggregate(out.columns, def.params.parse(params), indices)
}
