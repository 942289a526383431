import { createHash } from 'node:crypto'
import type { BoundMetric } from '../config/bind.js'
import type { Defaults } from '../config/schema.js'
import type { NDArray } from '../inputs/ndarray.js'
import { finiteMean } from '../metrics/math.js'
import { checkShapes } from '../metrics/shapes.js'
import type { MetricOutput } from '../metrics/types.js'
import { bootstrapColumnsCI, bootstrapMeanCI, type Interval as StatsInterval, seedFor } from '../stats/index.js'
import { encodeFloat64, jsonInterval } from './encode.js'
import type { Interval, MetricResult } from './schema.js'

/** Inputs whose content identifies the eval set when no ids are given, in order of preference. */
const IDENTITY_INPUTS = ['labels', 'targets', 'mask', 'reference', 'circuit', 'correct']

/** The input whose content stands for the eval set when there are no ids. */
export function identityInput(names: readonly string[]): string | undefined {
  return IDENTITY_INPUTS.find((k) => names.includes(k))
}

/** A fingerprint of an identity input fed block by block: call update with the float64 values in C order. */
export function identityHasher(name: string, shape: readonly number[]) {
  const hash = createHash('sha256')
  hash.update(`${name}\n${shape.join(',')}\n`)
  return {
    update: (data: Float64Array) => hash.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
    digest: () => `sha256:${hash.digest('hex').slice(0, 16)}`
  }
}

function fingerprint(ids: string[] | undefined, inputs: Record<string, NDArray>): string | undefined {
  if (ids) return `sha256:${createHash('sha256').update(`ids\n${ids.join('\n')}`).digest('hex').slice(0, 16)}`
  const name = identityInput(Object.keys(inputs))
  if (!name) return undefined
  const hasher = identityHasher(name, inputs[name].shape)
  hasher.update(inputs[name].data)
  return hasher.digest()
}

function sufficient(scores: Float64Array) {
  let n = 0
  let s = 0
  for (const v of scores) if (Number.isFinite(v)) (n++, (s += v))
  const mean = n ? s / n : NaN
  let ss = 0
  for (const v of scores) if (Number.isFinite(v)) ss += (v - mean) ** 2
  return { n, mean: n ? mean : null, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null }
}


/** Runs one bound metric on its arrays and packs value, CI and per-example data into a results entry. */
export function buildMetricResult(bound: BoundMetric, inputs: Record<string, NDArray>, ids: string[] | undefined, defaults: Defaults): MetricResult {
  checkShapes(bound.definition.inputs, inputs)
  const output: MetricOutput = bound.definition.compute(inputs, bound.params)
  return packMetricResult(bound, output, ids, defaults, ids ? undefined : fingerprint(undefined, inputs))
}

/** Value, CI and per-example data of a computed output; `identity` is the eval-set fingerprint when there are no ids. */
export function packMetricResult(
  bound: BoundMetric,
  output: MetricOutput,
  ids: string[] | undefined,
  defaults: Defaults,
  identity?: string,
  /** The mean-bootstrap CI of output.scores when already computed (in parallel, with the same seed). */
  scoresCi?: StatsInterval
): MetricResult {
  const { definition, entry, params } = bound
  const rowsOf = output.scores?.length ?? Object.values(output.columns ?? {})[0]?.length
  if (ids && rowsOf !== undefined && ids.length !== rowsOf) {
    throw new Error(`ids (${entry.ids}) has ${ids.length} entries but the metric has ${rowsOf} examples`)
  }
  const aggregate = output.columns ? (cols: Record<string, Float64Array>, idx?: ArrayLike<number>) => definition.aggregate!(cols, params, idx) : undefined
  if (output.columns && !definition.aggregate) throw new Error(`metric "${definition.name}" returned columns but has no aggregate()`)

  let value: number
  let n: number
  let nanCount = 0
  let ci: Interval | null = null
  const options = { resamples: defaults.resamples, confidence: defaults.confidence, seed: seedFor(defaults.seed, entry.id) }
  if (output.scores) {
    const finite = output.scores.filter(Number.isFinite)
    n = finite.length
    nanCount = output.scores.length - n
    value = finiteMean(finite)
    if (n > 0) ci = jsonInterval(scoresCi ?? bootstrapMeanCI(finite, options))
  } else if (output.columns && aggregate) {
    n = rowsOf ?? 0
    value = output.value ?? aggregate(output.columns)
    if (n > 0) ci = jsonInterval(bootstrapColumnsCI(output.columns, aggregate, options))
  } else {
    n = 1
    value = output.value ?? NaN
  }
  if (!Number.isFinite(value)) throw new Error(nanCount > 0 ? `no finite per-example score (${nanCount} NaN)` : 'the metric has no finite value')

  const result: MetricResult = {
    id: entry.id,
    metric: definition.name,
    title: definition.title,
    family: definition.family,
    direction: bound.direction,
    value,
    n,
    nanCount,
    ci,
    params: params as Record<string, unknown>,
    ...(definition.binary ? { binary: true } : {})
  }
  const print = ids ? fingerprint(ids, {}) : identity
  if (print) result.fingerprint = print
  if (output.scores) result.summary = sufficient(output.scores)
  result.gate = entry.gate
  result.severity = bound.severity
  const total = rowsOf ?? 0
  if (output.scores || output.columns) {
    if (total > defaults['max-examples']) result.examples = { omitted: { total, cap: defaults['max-examples'] } }
    else {
      result.examples = {
        ...(ids ? { ids } : {}),
        ...(output.scores ? { scores: encodeFloat64(output.scores) } : {}),
        ...(output.columns ? { columns: Object.fromEntries(Object.entries(output.columns).map(([k, v]) => [k, encodeFloat64(v)])) } : {})
      }
    }
  }
  return result
}

/** The entry for a metric that could not be computed: status error, with the reason. */
export function errorResult(bound: BoundMetric, message: string): MetricResult {
  return {
    id: bound.entry.id,
    metric: bound.definition.name,
    title: bound.definition.title,
    family: bound.definition.family,
    direction: bound.direction,
    value: null,
    n: 0,
    nanCount: 0,
    ci: null,
    params: bound.params as Record<string, unknown>,
    error: message
  }
}
