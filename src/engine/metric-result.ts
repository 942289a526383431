import { createHash } from 'node:crypto'
import type { BoundMetric } from './bind.js'
import type { Defaults } from '../config/config-schema.js'
import type { NDArray } from '../domain/ndarray.js'
import { finiteMean } from '../metrics/math.js'
import { checkShapes } from '../metrics/shapes.js'
import type { MetricOutput } from '../metrics/definition.js'
import { bootstrapColumnsCI, finiteValues, type Interval as StatsInterval, meanCI, seedFor } from '../stats/index.js'
import { encodeFloat64, jsonInterval } from '../results/encode.js'
import { examplesWithArrays } from '../results/sidecar.js'
import type { Interval, MetricResult } from '../results/results-schema.js'

/** Inputs whose content identifies the eval set when no ids are given, in order of preference. */
const IDENTITY_INPUTS = ['labels', 'targets', 'mask', 'reference', 'circuit', 'correct']

/** The input the fingerprint hashes when there are no ids: kept by shards, so the merge can hash all rows. */
export interface Identity {
  name: string
  shape: number[]
  data: Float64Array
}

function identityOf(inputs: Record<string, NDArray>): Identity | undefined {
  const name = identityInput(Object.keys(inputs))
  return name ? { name, shape: inputs[name].shape, data: inputs[name].data } : undefined
}

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

/** The eval set's fingerprint: of the ids, else of the identity input (or its digest, when it was hashed block by block). */
function fingerprint(ids: string[] | undefined, identity: Identity | string | undefined): string | undefined {
  if (ids)
    return `sha256:${createHash('sha256')
      .update(`ids\n${ids.join('\n')}`)
      .digest('hex')
      .slice(0, 16)}`
  if (identity === undefined || typeof identity === 'string') return identity
  const hasher = identityHasher(identity.name, identity.shape)
  hasher.update(identity.data)
  return hasher.digest()
}

function sufficient(scores: Float64Array) {
  let n = 0
  for (const v of scores) if (Number.isFinite(v)) n++
  const mean = finiteMean(scores)
  let ss = 0
  for (const v of scores) if (Number.isFinite(v)) ss += (v - mean) ** 2
  return { n, mean: n ? mean : null, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null }
}

/** A shard keeps all its per-example data (max-examples applies to the merged run) and what the merge needs besides. */
interface ShardOptions {
  identity?: Identity
  ids?: string[]
  state?: Record<string, Float64Array>
}

/** Runs one bound metric on its arrays and packs value, CI and per-example data into a results entry. */
export function buildMetricResult(
  bound: BoundMetric,
  inputs: Record<string, NDArray>,
  ids: string[] | undefined,
  defaults: Defaults,
  sharded = false
): MetricResult {
  const { definition, params } = bound
  checkShapes(definition.inputs, inputs)
  const output: MetricOutput = definition.compute(inputs, params)
  const identity = ids ? undefined : identityOf(inputs)
  if (!sharded) return packMetricResult(bound, output, ids, defaults, { identity })
  const state = definition.shards?.state(inputs, params, output)
  const perExample = output.scores !== undefined || output.columns !== undefined
  const shard = { ...(identity ? { identity } : {}), ...(ids && !perExample ? { ids } : {}), ...(state ? { state } : {}) }
  return packMetricResult(bound, output, ids, defaults, { identity, shard })
}

export interface PackOptions {
  /** What identifies the eval set when there are no ids: the input itself, or its digest when hashed block by block. */
  identity?: Identity | string
  /** The CI of the mean of output.scores when already computed (in parallel, with the same seed). */
  scoresCi?: StatsInterval
  /** Present in a shard's run: what the merge needs besides the per-example data. */
  shard?: ShardOptions
}

/** Value, n, NaN count, bootstrap CI and per-example data of a metric's output: one path for runs, streamed runs and merged shards. */
export function packMetricResult(
  bound: BoundMetric,
  output: MetricOutput,
  ids: string[] | undefined,
  defaults: Defaults,
  pack: PackOptions = {}
): MetricResult {
  const { identity, scoresCi, shard } = pack
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
    const finite = finiteValues(output.scores)
    n = finite.length
    nanCount = output.scores.length - n
    value = finiteMean(finite)
    if (n > 0) ci = jsonInterval(scoresCi ?? meanCI(finite, options))
  } else if (output.columns && aggregate) {
    nanCount = output.dropped ?? 0
    n = (rowsOf ?? 0) - nanCount
    value = output.value ?? aggregate(output.columns)
    if (n > 0) ci = jsonInterval({ ...bootstrapColumnsCI(output.columns, aggregate, options), method: 'bootstrap' })
  } else {
    n = 1
    value = output.value ?? NaN
  }
  // A shard's own value may be undefined (all its scores NaN) while the merged run's is not: the merge decides.
  const partial = shard !== undefined && (output.scores !== undefined || output.columns !== undefined)
  if (!Number.isFinite(value) && !partial) throw new Error(nanCount > 0 ? `no finite per-example score (${nanCount} NaN)` : 'the metric has no finite value')

  const result: MetricResult = {
    id: entry.id,
    metric: definition.name,
    title: definition.title,
    family: definition.family,
    direction: bound.direction,
    value: Number.isFinite(value) ? value : null,
    n,
    nanCount,
    ci,
    params: params as Record<string, unknown>,
    ...(definition.binary ? { binary: true } : {})
  }
  const print = fingerprint(ids, identity)
  if (print) result.fingerprint = print
  if (output.scores) result.summary = sufficient(output.scores)
  result.gate = entry.gate
  result.severity = bound.severity
  const total = rowsOf ?? 0
  if (output.scores || output.columns) {
    // Above max-examples the arrays go to the sidecar beside results.json (binary, checksummed): paired at any size.
    if (total > defaults['max-examples'] && !shard) result.examples = examplesWithArrays(ids, { scores: output.scores, columns: output.columns })
    else {
      result.examples = {
        ...(ids ? { ids } : {}),
        ...(output.scores ? { scores: encodeFloat64(output.scores) } : {}),
        ...(output.columns ? { columns: Object.fromEntries(Object.entries(output.columns).map(([k, v]) => [k, encodeFloat64(v)])) } : {})
      }
    }
  }
  if (shard && (shard.identity || shard.ids || shard.state)) {
    result.shard = {
      ...(shard.ids ? { ids: shard.ids } : {}),
      ...(shard.identity ? { identity: { name: shard.identity.name, shape: shard.identity.shape, data: encodeFloat64(shard.identity.data) } } : {}),
      ...(shard.state ? { state: Object.fromEntries(Object.entries(shard.state).map(([k, v]) => [k, encodeFloat64(v)])) } : {})
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

/** The distinct sources of adapter metrics (one per result file), with how many metrics each gave, for the report. */
export function provenanceOf(results: { metrics: readonly MetricResult[] }): Record<string, string>[] {
  const byFile = new Map<string, Record<string, string>>()
  for (const m of results.metrics) {
    if (!m.provenance) continue
    const key = m.provenance.file ?? JSON.stringify(m.provenance)
    const entry = byFile.get(key)
    if (entry) entry.metrics = String(Number(entry.metrics) + 1)
    else byFile.set(key, { ...m.provenance, metrics: '1' })
  }
  return [...byFile.values()]
}
