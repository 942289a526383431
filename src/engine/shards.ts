import { concatFloat64 } from '../metrics/math.js'
import type { BoundMetric } from './bind.js'
import { configHash } from '../config/hash.js'
import type { LoadedConfig } from '../config/load.js'
import type { MetricOutput, ShardPart } from '../metrics/definition.js'
import { errorResult, type Identity, packMetricResult } from './metric-result.js'
import { decodeFloat64 } from '../results/encode.js'
import { decodeExamples, ResultsError } from '../results/io.js'
import type { MetricResult, Results, ShardInfo } from '../results/results-schema.js'
import { type ResultsSource, resultsFile } from './pipeline.js'
import { mergeSliceLabels } from './slice-labels.js'

/** One shard's results file, as read from disk or an artifact. */
export interface ShardFile {
  /** How the user named it (a path, or "artifact X"), for messages. */
  file: string
  results: Results
}

const label = (s: ShardFile) => `${s.file} (shard ${s.results.shard!.index}/${s.results.shard!.count})`

/** The shards in index order, after checking they are one complete set made from this config. */
function orderShards(files: readonly ShardFile[], loaded: LoadedConfig, configFile: string): ShardFile[] {
  if (files.length === 0) throw new ResultsError('merge needs the results.json of every shard')
  const hash = configHash(loaded.config)
  for (const f of files) {
    const r = f.results
    if (!r.shard) throw new ResultsError(`${f.file}: not a shard's results (no "shard" field): run each matrix job with \`interp-gate run --shard I/N\``)
    if (r.suite !== loaded.config.suite)
      throw new ResultsError(`${f.file}: suite "${r.suite}", but ${configFile} is suite "${loaded.config.suite}": merge the shards of one suite`)
    if (r.configHash !== hash) {
      throw new ResultsError(
        `${f.file}: made with another config than ${configFile} (config hash ${r.configHash ?? 'absent'}, expected ${hash}): every shard and the merge must use the same config`
      )
    }
    if (r.shard.count !== files[0].results.shard!.count)
      throw new ResultsError(`${f.file} is shard ${r.shard.index}/${r.shard.count} but ${label(files[0])} counts ${files[0].results.shard!.count} shards`)
  }
  const count = files[0].results.shard!.count
  const byIndex = new Map<number, ShardFile>()
  for (const f of files) {
    const same = byIndex.get(f.results.shard!.index)
    if (same) throw new ResultsError(`${same.file} and ${f.file} are both shard ${f.results.shard!.index}/${count}: give each shard once`)
    byIndex.set(f.results.shard!.index, f)
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i))
  if (missing.length) {
    throw new ResultsError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} (got ${[...byIndex.keys()]
        .sort((a, b) => a - b)
        .map((i) => `${i}/${count}`)
        .join(', ')}): a merge needs every shard`
    )
  }
  return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i)!)
}

/** Every shard must have computed the same metrics; the config decides their order. */
function entriesOf(shards: readonly ShardFile[], b: BoundMetric): MetricResult[] {
  const found = shards.map((s) => s.results.metrics.find((m) => m.id === b.entry.id))
  const lacking = shards.filter((_, i) => !found[i])
  if (lacking.length) {
    const having = shards.filter((_, i) => found[i])
    throw new ResultsError(
      `metric "${b.entry.id}" is in ${having.length ? having.map(label).join(', ') : 'no shard'} but not in ${lacking.map(label).join(', ')}: merge shards of one run`
    )
  }
  return found as MetricResult[]
}

/** Ids of all shards in order; an id in two shards means the shards overlap, which would count that example twice. */
function mergedIds(shards: readonly ShardFile[], id: string, ids: (string[] | undefined)[]): string[] | undefined {
  const withIds = ids.filter(Boolean).length
  if (withIds === 0) return undefined
  if (withIds < ids.length)
    throw new ResultsError(
      `metric "${id}": ${shards
        .filter((_, i) => !ids[i])
        .map(label)
        .join(', ')} kept no example ids but other shards did`
    )
  const seen = new Map<string, number>()
  ids.forEach((list, s) => {
    for (const x of list!) {
      const earlier = seen.get(x)
      if (earlier !== undefined)
        throw new ResultsError(
          `metric "${id}": shards overlap: example id "${x}" is in ${label(shards[earlier])} and ${label(shards[s])}; each example must be in exactly one shard`
        )
      seen.set(x, s)
    }
  })
  return ids.flatMap((list) => list!)
}

/** The label-like input of all shards, stacked, for the fingerprint an unsharded run would have. */
function mergedIdentity(shards: readonly ShardFile[], entries: readonly MetricResult[], id: string): Identity | undefined {
  const parts = entries.map((e) => e.shard?.identity)
  if (parts.every((p) => !p)) return undefined
  const first = parts[0]
  const bad = parts.findIndex((p) => !p || p.name !== first?.name || p.shape.slice(1).join(',') !== first.shape.slice(1).join(','))
  if (bad >= 0)
    throw new ResultsError(
      `metric "${id}": ${label(shards[bad])} identifies its examples differently from ${label(shards[0])} (input "${parts[bad]?.name ?? 'none'}" ${JSON.stringify(parts[bad]?.shape ?? [])} vs "${first?.name ?? 'none'}")`
    )
  const rows = parts.reduce((k, p) => k + p!.shape[0], 0)
  return { name: first!.name, shape: [rows, ...first!.shape.slice(1)], data: concatFloat64(parts.map((p) => decodeFloat64(p!.data))) }
}

/** Scores and columns concatenate in shard order; a metric with `shards` support merges through it instead. */
function mergedOutput(shards: readonly ShardFile[], entries: readonly MetricResult[], b: BoundMetric): MetricOutput {
  const id = b.entry.id
  const decoded = entries.map((e, i) => {
    if (e.examples?.omitted)
      throw new ResultsError(`metric "${id}": ${label(shards[i])} left out its per-example data (max-examples), so the merge cannot recompute it`)
    return decodeExamples(e) ?? {}
  })
  const support = b.definition.shards
  if (support) {
    const parts: ShardPart[] = entries.map((e, i) => ({
      output: {
        ...(decoded[i].scores ? { scores: decoded[i].scores } : {}),
        ...(decoded[i].columns ? { columns: decoded[i].columns } : {}),
        ...(e.value !== null ? { value: e.value } : {})
      },
      state: Object.fromEntries(Object.entries(e.shard?.state ?? {}).map(([k, v]) => [k, decodeFloat64(v)]))
    }))
    return support.merge(parts, b.params)
  }
  if (decoded.every((d) => d.scores)) return { scores: concatFloat64(decoded.map((d) => d.scores!)) }
  if (decoded.every((d) => d.columns)) {
    const keys = Object.keys(decoded[0].columns!).sort()
    const odd = decoded.findIndex((d) => Object.keys(d.columns!).sort().join() !== keys.join())
    if (odd >= 0) throw new ResultsError(`metric "${id}": ${label(shards[odd])} has other columns than ${label(shards[0])}`)
    return { columns: Object.fromEntries(keys.map((k) => [k, concatFloat64(decoded.map((d) => d.columns![k]))])) }
  }
  if (decoded.every((d) => !d.scores && !d.columns)) {
    throw new ResultsError(
      `metric "${id}" (${b.definition.name}) is one number per shard with no per-example data, and ${b.definition.name} cannot combine shards: compute it in an unsharded job, or give it per-example scores`
    )
  }
  throw new ResultsError(`metric "${id}": some shards kept per-example scores and others columns`)
}

/** One metric of the merged run; a shard's error (or one the merge finds in the data) becomes the metric's error entry. */
function mergeMetric(shards: readonly ShardFile[], b: BoundMetric, loaded: LoadedConfig): { result: MetricResult; failed: boolean } {
  const entries = entriesOf(shards, b)
  const where = loaded.at(['metrics', b.index])
  const failedAt = entries.findIndex((e) => e.error || (e.value === null && !e.examples))
  if (failedAt >= 0) return { result: errorResult(b, `${label(shards[failedAt])}: ${entries[failedAt].error ?? 'no value'}`), failed: true }
  const mismatch = entries.findIndex((e) => e.metric !== b.definition.name || JSON.stringify(e.params) !== JSON.stringify(b.params))
  if (mismatch >= 0)
    throw new ResultsError(
      `metric "${b.entry.id}": ${label(shards[mismatch])} computed ${entries[mismatch].metric} ${JSON.stringify(entries[mismatch].params)}, the config says ${b.definition.name} ${JSON.stringify(b.params)}`
    )
  const ids = mergedIds(
    shards,
    b.entry.id,
    entries.map((e) => e.examples?.ids ?? e.shard?.ids)
  )
  const identity = ids ? undefined : mergedIdentity(shards, entries, b.entry.id)
  try {
    return { result: packMetricResult(b, mergedOutput(shards, entries, b), ids, loaded.config.defaults, { identity }), failed: false }
  } catch (error) {
    if (error instanceof ResultsError) throw error
    return { result: errorResult(b, `${where}: metric "${b.entry.id}" (${b.definition.name}): ${(error as Error).message}`), failed: true }
  }
}

/** The results an unsharded run of the same config would have written, from the shards' results; refuses what it cannot merge exactly. */
function mergeShardMetrics(
  files: readonly ShardFile[],
  loaded: LoadedConfig,
  bound: readonly BoundMetric[],
  configFile: string
): { metrics: MetricResult[]; inputErrors: number } {
  const shards = orderShards(files, loaded, configFile)
  const known = new Set(bound.map((b) => b.entry.id))
  for (const s of shards) {
    const extra = s.results.metrics.find((m) => !known.has(m.id))
    if (extra) throw new ResultsError(`${label(s)} has metric "${extra.id}", which ${configFile} does not configure`)
  }
  let inputErrors = 0
  const metrics = bound.map((b) => {
    const { result, failed } = mergeMetric(shards, b, loaded)
    if (failed) inputErrors++
    return result
  })
  return { metrics, inputErrors }
}

/** `I/N` (1-based) as given to `run --shard` or the action's `shard` input; the error says what is wrong. */
export function parseShard(text: string, where: string): ShardInfo {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!m) throw new ResultsError(`${where}: "${text}" is not a shard; expected I/N, e.g. 2/4 for the second of four shards`)
  const index = Number(m[1])
  const count = Number(m[2])
  if (count < 1 || index < 1 || index > count)
    throw new ResultsError(
      `${where}: "${text}" is out of range; shards count from 1 to N (1/${Math.max(count, 1)} … ${Math.max(count, 1)}/${Math.max(count, 1)})`
    )
  return { index, count }
}

/** The pipeline's results source for `merge`: the shards' results, merged under the config; commit and ref from the shards when they agree. */
export function mergeShards(files: readonly ShardFile[], configFile: string): ResultsSource {
  return (loaded, bound, info) => {
    const { metrics, inputErrors } = mergeShardMetrics(files, loaded, bound, configFile)
    const slices = mergeSliceLabels(
      orderShards(files, loaded, configFile),
      loaded.config.slices.map((x) => x.id)
    )
    const agreed = (key: 'commit' | 'ref') => (files.every((f) => f.results[key] === files[0].results[key]) ? files[0].results[key] : null)
    return {
      results: resultsFile(loaded, metrics, { ...info, commit: info.commit ?? agreed('commit'), ref: info.ref ?? agreed('ref'), shard: undefined }, slices),
      inputErrors
    }
  }
}
