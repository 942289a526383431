import type { Direction } from '../domain/policy.js'

/** One number (or one per-example list) found in a library's result file. */
export interface AdapterMetric {
  /** Named after its source, e.g. "saebench/core/<sae_id>/reconstruction_quality.explained_variance". */
  id: string
  /** The key the direction table is looked up with, e.g. "core/reconstruction_quality.explained_variance". */
  key: string
  /** A scalar (compared as a point value) ... */
  value?: number
  /** ... or per-example scores (paired statistics against the baseline). */
  scores?: Float64Array
  /** Example ids parallel to scores; the position when the library keeps none. */
  ids?: string[]
  /** Where the number came from: file, library version, commit, release, ... */
  provenance: Record<string, string>
  /** Said with any error of this metric, e.g. "SAELens writes NaN as -1". */
  note?: string
  /** The library marked this number "not computed" (a sentinel): its row says so and is never gated. */
  notComputed?: boolean
}

/** A context number (a count, a dispersion, a config echo) as shown in the report's Sources: "key: value". */
export function contextEntry(metric: AdapterMetric): [string, string] {
  const shown = metric.scores ? `${metric.scores.length} values` : String(metric.value)
  return [`context ${metric.key.slice(metric.key.indexOf('/') + 1)}`, shown]
}

/** A row of an adapter's direction table: which way is better for the keys a pattern matches, and why we say so. */
export interface DirectionRule {
  pattern: RegExp
  /** 'context' marks numbers that describe the run, not its quality (token counts, std devs): shown in Sources, never gated. */
  direction: Direction | 'context'
}

/** A parsed result file as the adapter sees it. */
export interface AdapterFile {
  /** Path relative to the workspace, as shown in messages and provenance. */
  path: string
  /** Path relative to the entry's folder (or the file name), used to name metrics. */
  relative: string
  bytes: Uint8Array
}

export interface Adapter {
  name: string
  /** Library and file the direction table was taken from, shown in docs/adapters.md. */
  source: string
  /** Files the adapter reads when the entry names a folder (a picomatch glob relative to it). */
  files: string
  /** Files under the folder the adapter leaves out (e.g. a summary that repeats the per-run files). */
  ignore?: string[]
  directions: DirectionRule[]
  read(file: AdapterFile): AdapterMetric[]
}

/** The table's direction for a key, or undefined when no row matches. */
export function tableDirection(rules: readonly DirectionRule[], key: string): Direction | 'context' | undefined {
  return rules.find((rule) => rule.pattern.test(key))?.direction
}
