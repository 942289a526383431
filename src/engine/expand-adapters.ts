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
import { type Adapter, type AdapterFile, type AdapterMetric, contextEntry, tableDirection } from '../adapters/adapter.js'

/** A metric an adapter found, bound like a config entry of `value` (a scalar) or `mean` (per-example scores). */
export interface AdapterBound extends BoundMetric {
  arrays: Record<string, NDArray>
  ids?: string[]
  provenance: Record<string, string>
  /** Said with any error of this metric (e.g. how the library writes NaN). */
  note?: string
  /** The library marked the number "not computed": reported so, never an input error, never gated. */
  notComputed?: boolean
  /** Where the adapter entry sits in the config, for messages and annotation lines. */
  configPath: PathKey[]
}

/** Reads every adapter entry's files and turns each number found into a bound metric; all problems are reported at once. */
export function expandAdapters(workspace: string, loaded: LoadedConfig, adapters: readonly Adapter[]): AdapterBound[] {
  const { config, at } = loaded
  const problems: string[] = []
  const bound: AdapterBound[] = []
  const seen = new Map<string, { file: string; entry: number }>()
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
      if (found.length === 0) throw new InputError(`${entry.path}: ${files} file(s) read, ${noMetricReason(entry, adapter)}`)
      const unknown: string[] = []
      const context = new Map<string, Record<string, string>>()
      const first = bound.length
      for (const metric of found) {
        const direction = directionOf(entry, adapter, metric)
        if (direction === 'context') {
          const [key, shown] = contextEntry(metric)
          const file = metric.provenance.file ?? ''
          const held = context.get(file) ?? {}
          // One file may hold several runs ({sae: output}): a second value of the same key is named by its metric id.
          held[key in held && held[key] !== shown ? `context ${metric.id}` : key] = shown
          context.set(file, held)
          continue
        }
        if (direction === undefined) {
          unknown.push(metric.id)
          continue
        }
        const earlier = seen.get(metric.id)
        if (earlier) throw new InputError(duplicateMessage(metric, earlier, k))
        seen.set(metric.id, { file: metric.provenance.file ?? '', entry: k })
        bound.push(bindMetric(metric, direction, entry, here, bound.length, config.defaults.severity))
      }
      // Context numbers ride along with the file's metrics, so the report's Sources shows them; they are never gated.
      for (const b of bound.slice(first)) b.provenance = { ...b.provenance, ...context.get(b.provenance.file ?? '') }
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

/** Two numbers with one id: from one entry, two files describe the same SAE and eval (a re-run?); from two, the entries overlap. */
function duplicateMessage(metric: AdapterMetric, earlier: { file: string; entry: number }, entry: number): string {
  if (earlier.entry === entry)
    return `metric "${metric.id}" is in both ${earlier.file} and ${metric.provenance.file}: two results for the same run; keep one of the files (or \`exclude\` one)`
  return `metric "${metric.id}" comes from both ${earlier.file} and ${metric.provenance.file}; give one of the entries its own \`prefix\``
}

/** The metrics of one entry: files found, read, prefixed, filtered by include/exclude. */
function entryMetrics(workspace: string, entry: AdapterEntry, adapter: Adapter): { metrics: AdapterMetric[]; files: number } {
  const prefix = entry.prefix ?? adapter.name
  const include = entry.include.length ? picomatch(entry.include) : () => true
  const exclude = entry.exclude.length ? picomatch(entry.exclude) : () => false
  const out: AdapterMetric[] = []
  const files = resultFiles(workspace, entry.path, adapter)
  for (const file of files) {
    for (const metric of readAdapterFile(adapter, { ...file, bytes: readBounded(file.path, file.absolute) })) {
      const id = `${prefix}/${metric.id}`
      if (include(id) && !exclude(id)) out.push({ ...metric, id })
    }
  }
  return { metrics: out, files: files.length }
}

/** An adapter's read, its "at <key>: ..." errors (from the JSON walk) named with the file. */
function readAdapterFile(adapter: Adapter, file: AdapterFile): AdapterMetric[] {
  try {
    return adapter.read(file)
  } catch (error) {
    if (error instanceof InputError && error.message.startsWith('at ')) throw new InputError(`${file.path}: ${error.message}`, file.path)
    throw error
  }
}

/** Why an entry gave no metric: its filters, when it has any, else the file holds no number where the library writes them. */
function noMetricReason(entry: AdapterEntry, adapter: Adapter): string {
  if (entry.include.length || entry.exclude.length) return 'no metric left (check `include` / `exclude`)'
  return `no number or list of numbers found in them (strings, booleans and empty lists are not metrics); is this a ${adapter.name} result file?`
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
  // A number the library marks "not computed" has nothing to gate: its row says so and never fails the run.
  const level = metric.notComputed ? 'notice' : entry.severity
  const definition = metric.scores ? mean : value
  const source = `${metric.provenance.file} (${metric.id})`
  const arrays: Record<string, NDArray> = metric.scores
    ? { scores: makeArray(metric.scores, [metric.scores.length], 'float64', source) }
    : { value: makeArray(Float64Array.of(metric.value ?? NaN), [], 'float64', source) }
  return {
    entry: { id: metric.id, metric: definition.name, inputs: {}, params: {}, gate: entry.gate, ...(level ? { severity: level } : {}) },
    index,
    definition,
    params: {},
    direction,
    severity: level ?? severity,
    arrays,
    ...(metric.ids ? { ids: metric.ids } : {}),
    provenance: { adapter: entry.adapter, ...metric.provenance },
    ...(metric.note ? { note: metric.note } : {}),
    ...(metric.notComputed ? { notComputed: true } : {}),
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
