import { readdirSync, statSync } from 'node:fs'
import * as path from 'node:path'
import picomatch from 'picomatch'
import type { BoundMetric } from './bind.js'
import { ConfigError, type LoadedConfig, type PathKey } from '../config/load.js'
import type { AdapterEntry } from '../config/config-schema.js'
import { InputError, fail } from '../inputs/errors.js'
import { DEFAULT_MAX_INPUT_BYTES } from '../domain/limits.js'
import { readRegularFile } from '../inputs/index.js'
import { type NDArray, makeArray } from '../domain/ndarray.js'
import { resolveInWorkspace } from '../inputs/reference.js'
import { mean, value } from '../metrics/generic.js'
import type { Direction } from '../domain/policy.js'
import { didYouMean } from '../util/suggest.js'
import { type Adapter, type AdapterMetric, tableDirection } from '../adapters/adapter.js'

/** A metric an adapter found, bound like a config entry of `value` (a scalar) or `mean` (per-example scores). */
export interface AdapterBound extends BoundMetric {
  arrays: Record<string, NDArray>
  ids?: string[]
  provenance: Record<string, string>
  /** Said with any error of this metric (e.g. how the library writes NaN). */
  note?: string
  /** Where the adapter entry sits in the config, for messages and annotation lines. */
  configPath: PathKey[]
}

/** Reads every adapter entry's files and turns each number found into a bound metric; all problems are reported at once. */
export function expandAdapters(workspace: string, loaded: LoadedConfig, adapters: readonly Adapter[]): AdapterBound[] {
  const { config, at } = loaded
  const problems: string[] = []
  const bound: AdapterBound[] = []
  const seen = new Map<string, string>()
  for (const [k, entry] of config.adapters.entries()) {
    const here: PathKey[] = ['adapters', k]
    const adapter = adapters.find((a) => a.name === entry.adapter)
    if (!adapter) {
      const names = adapters.map((a) => a.name)
      problems.push(`${at([...here, 'adapter'])}: unknown adapter "${entry.adapter}"${didYouMean(entry.adapter, names)}; adapters: ${names.join(', ')}`)
      continue
    }
    try {
      const { metrics: found, files } = entryMetrics(workspace, entry, adapter)
      if (files === 0)
        throw new InputError(`${entry.path}: no file matches (under a folder, ${adapter.name} reads ${adapter.files}); is it the right folder and adapter?`)
      if (found.length === 0) throw new InputError(`${entry.path}: ${files} file(s) read, no metric left (check \`include\` / \`exclude\`)`)
      const unknown: string[] = []
      for (const metric of found) {
        const direction = directionOf(entry, adapter, metric)
        if (direction === 'context') continue
        if (direction === undefined) {
          unknown.push(metric.id)
          continue
        }
        const earlier = seen.get(metric.id)
        if (earlier)
          throw new InputError(`metric "${metric.id}" comes from both ${earlier} and ${metric.provenance.file}; give one of the entries its own \`prefix\``)
        seen.set(metric.id, metric.provenance.file)
        bound.push(bindMetric(metric, direction, entry, here, bound.length, config.defaults.severity))
      }
      if (unknown.length) {
        problems.push(
          `${at([...here, 'adapter'])}: ${adapter.name} has no direction for ${unknown.length} metric(s): ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}; ` +
            'say which way is better with `directions: { "<id glob>": higher | lower }` or leave them out with `exclude: ["<id glob>"]`'
        )
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      problems.push(`${at([...here, 'path'])}: ${error.message}`)
    }
  }
  if (problems.length) throw new ConfigError(problems.join('\n'))
  return bound
}

/** The metrics of one entry: files found, read, prefixed, filtered by include/exclude. */
function entryMetrics(workspace: string, entry: AdapterEntry, adapter: Adapter): { metrics: AdapterMetric[]; files: number } {
  const prefix = entry.prefix ?? adapter.name
  const include = entry.include.length ? picomatch(entry.include) : () => true
  const exclude = entry.exclude.length ? picomatch(entry.exclude) : () => false
  const out: AdapterMetric[] = []
  const files = resultFiles(workspace, entry.path, adapter)
  for (const file of files) {
    for (const metric of adapter.read({ ...file, bytes: readBounded(file.path, file.absolute) })) {
      const id = `${prefix}/${metric.id}`
      if (include(id) && !exclude(id)) out.push({ ...metric, id })
    }
  }
  return { metrics: out, files: files.length }
}

function directionOf(entry: AdapterEntry, adapter: Adapter, metric: AdapterMetric): Direction | 'context' | undefined {
  for (const [glob, direction] of Object.entries(entry.directions)) if (picomatch.isMatch(metric.id, glob)) return direction
  return tableDirection(adapter.directions, metric.key)
}

function bindMetric(
  metric: AdapterMetric,
  direction: Direction,
  entry: AdapterEntry,
  here: PathKey[],
  index: number,
  severity: BoundMetric['severity']
): AdapterBound {
  const definition = metric.scores ? mean : value
  const source = `${metric.provenance.file} (${metric.id})`
  const arrays: Record<string, NDArray> = metric.scores
    ? { scores: makeArray(metric.scores, [metric.scores.length], 'float64', source) }
    : { value: makeArray(Float64Array.of(metric.value ?? NaN), [], 'float64', source) }
  return {
    entry: { id: metric.id, metric: definition.name, inputs: {}, params: {}, gate: entry.gate, ...(entry.severity ? { severity: entry.severity } : {}) },
    index,
    definition,
    params: {},
    direction,
    severity: entry.severity ?? severity,
    arrays,
    ...(metric.ids ? { ids: metric.ids } : {}),
    provenance: { adapter: entry.adapter, ...metric.provenance },
    ...(metric.note ? { note: metric.note } : {}),
    configPath: here
  }
}

const GLOB_CHARS = /[*?[\]{}]/

/** The files an entry's `path` names: one file, every adapter file under a folder, or a glob's matches, sorted. */
function resultFiles(workspace: string, pattern: string, adapter: Adapter): { path: string; relative: string; absolute: string }[] {
  if (GLOB_CHARS.test(pattern)) {
    const { base, glob } = picomatch.scan(pattern)
    return walk(workspace, base || '.', glob, adapter.ignore)
  }
  const absolute = resolveInWorkspace(workspace, pattern)
  let isDir: boolean
  try {
    isDir = statSync(absolute).isDirectory()
  } catch {
    return fail(pattern, `not found (resolved to ${absolute})`)
  }
  if (isDir) return walk(workspace, pattern, adapter.files, adapter.ignore)
  return [{ path: pattern, relative: path.basename(pattern), absolute }]
}

function walk(workspace: string, folder: string, glob: string, ignore: string[] = []): { path: string; relative: string; absolute: string }[] {
  const root = resolveInWorkspace(workspace, folder)
  let names: string[]
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' })
  } catch {
    return fail(folder, `folder not found (resolved to ${root}); did the step that writes the results run?`)
  }
  const match = picomatch(glob, { ignore })
  return names
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => match(name))
    .sort()
    .map((name) => {
      const relPath = path.posix.join(folder.split(path.sep).join('/'), name)
      // Each match is checked like any input path: a symlink out of the workspace is refused.
      return { path: relPath, relative: name, absolute: resolveInWorkspace(workspace, relPath) }
    })
    .filter((file) => statSync(file.absolute).isFile())
}

/** A regular file of at most DEFAULT_MAX_INPUT_BYTES: a FIFO or device among a library's result files is refused, never read. */
function readBounded(file: string, absolute: string): Uint8Array {
  return readRegularFile(absolute, file, DEFAULT_MAX_INPUT_BYTES)
}
