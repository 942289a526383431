import { join } from 'node:path'
import { ADAPTERS } from '../adapters/index.js'
import { type AdapterBound, expandAdapters } from './expand-adapters.js'
import { bindEntries, bindMetrics, type BoundMetric } from './bind.js'
import { configHash } from '../config/hash.js'
import { ConfigError, type LoadedConfig, parseConfig } from '../config/load.js'
import { compare, type GateSpec } from '../compare/comparison.js'
import {
  createInputReader,
  InputError,
  missingFileProblem,
  type PreparedColumn,
  readParquetInputs,
  readRegularText,
  resolveInWorkspace
} from '../inputs/index.js'
import { MAX_CONFIG_BYTES } from '../domain/limits.js'
import type { NDArray } from '../domain/ndarray.js'
import { loadPluginMetric } from '../metrics/plugin.js'
import { findMetric } from '../metrics/registry.js'
import type { MetricDefinition } from '../metrics/definition.js'
import type { HistoryEntry } from '../history/entry.js'
import { attachTrends, historyValues } from '../history/series.js'
import { type Annotation, buildAnnotations } from '../report/annotations.js'
import { renderMarkdown } from '../report/markdown.js'
import { type BlockwiseOptions, evaluateBlockwise, type RowsPlan } from './blockwise.js'
import type { StartBlocks } from './shared-blocks.js'
import { parallelMeanCIs, type StartWorker } from './parallel-bootstrap.js'
import { seedFor } from '../stats/rng.js'
import { buildMetricResult, errorResult, packMetricResult, provenanceOf } from './metric-result.js'
import { ResultsError, serializeJson } from '../results/io.js'
import { prepareOutputFolder, writeOutputs } from '../results/output-folder.js'
import { sidecarName, splitSidecar } from '../results/sidecar.js'
import { type Comparison, type MetricResult, RESULTS_SCHEMA, type Results, type ShardInfo, type SliceLabels } from '../results/results-schema.js'
import { readSliceLabels } from './slice-labels.js'
import type { Aggregate } from '../stats/index.js'

export const TOOL = 'interp-gate@0.1.0'

export interface Baseline {
  results: Results
  /** Where the baseline came from, for the report ("main @ abc1234, the PR's base commit"). */
  note?: string
}

/** What a long run reports as it goes (see src/report/progress.ts); the pipeline only calls it. */
interface Progress {
  /** Rows read of the metrics evaluated block by block. */
  rows: NonNullable<BlockwiseOptions['onRows']>
  /** A metric's value and CI are being computed. */
  metric(id: string): void
}

/** Worker threads for the bootstrap CIs: only the entries know where the worker script is. */
export interface Parallel {
  threads: number
  startWorker: StartWorker
  /** Runs a plan's rows on a worker thread that reads the inputs itself; the join blocks and gives the scores, or undefined. */
  startRows?: (plan: RowsPlan, inputs: { workspace: string; aliases?: Record<string, string>; memoryBudget?: number }) => () => Float64Array[] | undefined
  /** Runs a worker thread that computes the blocks this thread reads into shared memory (a deflated .npz member). */
  startBlocks?: StartBlocks
}

export interface PipelineOptions {
  /** Absolute path all config paths are relative to (the repository checkout). */
  workspace: string
  /** Config path, relative to the workspace. */
  config: string
  baseline: Baseline | null
  /** Why there is no baseline, when there is none. */
  noBaselineNote?: string
  /** Finds the baseline once the config's suite is known (the base branch's artifact); replaces baseline and noBaselineNote. */
  resolveBaseline?: (suite: string) => Promise<{ baseline: Baseline | null; noBaselineNote?: string }>
  /** Output folder, relative to the workspace. */
  outDir: string
  commit?: string | null
  ref?: string | null
  createdAt?: string
  /** Plugins run repository code: off where the code is not trusted (mode: report). */
  allowPlugins?: boolean
  history?: Record<string, number[]>
  /** The suite's history entries (folder or branch store): feeds `gate.history: iqr` and the trend column. */
  loadHistory?: (suite: string) => Promise<HistoryEntry[]>
  /** Hidden marker for the report (sticky comments). */
  marker?: string
  /** Report size budget in UTF-8 bytes. */
  maxReportBytes?: number
  /** Largest input file (or npz member) read, in bytes; default 1 GiB. Text files stay capped near 512 MiB. */
  maxInputBytes?: number
  /** Largest decoded array held whole in memory, in bytes; row-wise metrics on .npy/.npz need none. */
  memoryBudget?: number
  /** Makes the run's progress reporter, given the number of metrics. */
  progress?: (metrics: number) => Progress & { finish(): void }
  parallel?: Parallel
  /** This run evaluates one shard of the eval set (`run --shard I/N`): its results are input to `merge`. */
  shard?: ShardInfo
  /** Where the head results come from once the config is bound: computed from the arrays (default) or merged from shards. */
  produce?: ResultsSource
}

export type ResultsSource = (loaded: LoadedConfig, bound: BoundMetric[], info: RunInfo) => Produced | Promise<Produced>
type Produced = { results: Results; inputErrors: number }

export interface PipelineResult {
  config: LoadedConfig
  results: Results
  comparison: Comparison
  markdown: string
  annotations: Annotation[]
  paths: { results: string; comparison: string | null; report: string }
  /** Some metric could not be computed (bad input): the CLI exits 2. */
  inputErrors: number
}

/** Loads and checks the config; plugins are imported (repository code) only when allowed. */
export async function loadConfig(
  workspace: string,
  configPath: string,
  allowPlugins = true,
  readAdapterFiles = true
): Promise<{ loaded: LoadedConfig; bound: BoundMetric[] }> {
  let text: string
  let absolute: string
  try {
    absolute = resolveInWorkspace(workspace, configPath)
    text = readRegularText(absolute, configPath, MAX_CONFIG_BYTES)
  } catch (error) {
    const hint = /: file not found/.test((error as Error).message) ? '; write one (README: "Configuration") or point at it with --config' : ''
    if (error instanceof InputError) throw new ConfigError(`${error.message}${hint}`)
    throw new ConfigError(`${configPath}: cannot read the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  let loaded: LoadedConfig
  try {
    loaded = parseConfig(text, configPath)
  } catch (error) {
    // A schema error in one place should not hide an unknown metric name in another: bind what is valid, report all.
    if (!(error instanceof ConfigError) || !error.partial) throw error
    const { entries, at, severity } = error.partial
    const { problems } = await bindEntries(entries, at, severity, undefined, true)
    throw new ConfigError(byLine([...error.message.split('\n'), ...problems]).join('\n'))
  }
  const loader = allowPlugins ? (module: string) => loadPluginMetric(resolveInWorkspace(workspace, module)) : undefined
  const bound: BoundMetric[] = await bindMetrics(loaded, loader)
  // `compare` has results files, not the libraries' result files: it takes adapter gates from the results (adapterGateSpecs).
  if (readAdapterFiles) bound.push(...expandAdapters(workspace, loaded, ADAPTERS))
  return { loaded, bound }
}

/** Messages that start `file:line:col` in file order (stable, so one key's messages stay together). */
function byLine(messages: string[]): string[] {
  const line = (m: string) => Number(/^[^\n]*?:(\d+):\d+/.exec(m)?.[1] ?? 0)
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => line(a.m) - line(b.m) || a.i - b.i)
    .map(({ m }) => m)
}

/** Reads the arrays of every metric and computes results; a metric whose inputs fail becomes an error entry. */
export function computeResults(workspace: string, loaded: LoadedConfig, bound: BoundMetric[], info: RunInfo): { results: Results; inputErrors: number } {
  const { config, at } = loaded
  const reader = createInputReader({
    workspace,
    aliases: config.inputs,
    parquet: info.parquet,
    memoryBudget: info.memoryBudget,
    ...(info.maxInputBytes ? { maxBytes: info.maxInputBytes } : {})
  })
  const progress = info.progress
  // Row-wise metrics on .npy/.npz inputs are evaluated a block of rows at a time, in one pass over the files. A shard keeps
  // its identity input whole for the merge, and adapter metrics have their numbers already: both take the plain path.
  const parallel = info.parallel
  const inputs = { workspace, aliases: config.inputs, memoryBudget: info.memoryBudget }
  const split = parallel?.startRows
    ? { threads: parallel.threads, start: (plan: RowsPlan) => parallel.startRows!(plan, inputs), startBlocks: parallel.startBlocks }
    : undefined
  const streamable = info.shard ? [] : bound.filter((b) => !isAdapterBound(b))
  const streamed = evaluateBlockwise(reader, streamable, { onRows: progress?.rows, split, memoryBudget: info.memoryBudget })
  const cis = streamedCIs(streamed, config.defaults, parallel)
  // A misspelt path under `inputs:` is reported once, at its own line, not once per metric that uses it.
  const aliasProblems = new Map<string, string>()
  for (const [name, target] of Object.entries(config.inputs)) {
    const problem = missingFileProblem(workspace, target.split('#')[0])
    if (problem) aliasProblems.set(name, `${at(['inputs', name])}: ${problem}`)
  }
  const slices = readSliceLabels(reader, loaded)
  let inputErrors = 0
  const metrics: MetricResult[] = bound.map((b) => {
    const here = configPath(b)
    const refs = [...Object.values(b.entry.inputs), ...(b.entry.ids ? [b.entry.ids] : [])]
    const broken = refs.map((ref) => aliasProblems.get(ref.split('#')[0])).find(Boolean)
    if (broken) {
      inputErrors++
      return errorResult(b, broken)
    }
    try {
      progress?.metric(b.entry.id)
      const outcome = streamed.get(b)
      if (outcome) {
        if ('error' in outcome) throw outcome.error
        const ids = b.entry.ids ? reader.readIds(b.entry.ids) : undefined
        return packMetricResult(b, outcome.output, ids, config.defaults, { identity: outcome.identity, scoresCi: cis.get(b) })
      }
      // Adapter metrics arrive with their numbers already read from the library's result file.
      if (isAdapterBound(b)) return { ...buildMetricResult(b, b.arrays, b.ids, config.defaults), provenance: b.provenance }
      const arrays: Record<string, NDArray> = {}
      for (const [name, ref] of Object.entries(b.entry.inputs)) arrays[name] = reader.read(ref)
      const ids = b.entry.ids ? reader.readIds(b.entry.ids) : undefined
      return buildMetricResult(b, arrays, ids, config.defaults, info.shard !== undefined)
    } catch (error) {
      // A number the library itself marks "not computed" is reported as such, not as an input error.
      if (isAdapterBound(b) && b.notComputed && b.note)
        return { ...errorResult(b, b.note), notComputed: true, gate: b.entry.gate, severity: b.severity, provenance: b.provenance }
      inputErrors++
      const where = error instanceof InputError ? at([...here, 'inputs']) : at(here)
      const note = isAdapterBound(b) && b.note ? ` (${b.note})` : ''
      const result = errorResult(b, `${where}: metric "${b.entry.id}" (${b.definition.name}): ${(error as Error).message}${note}`)
      return isAdapterBound(b) ? { ...result, provenance: b.provenance } : result
    }
  })
  return { results: resultsFile(loaded, metrics, info, slices), inputErrors }
}

/** The bootstrap CIs of the streamed metrics, computed on several threads when the entry allows (same seeds, same CIs). */
function streamedCIs(streamed: ReturnType<typeof evaluateBlockwise>, defaults: LoadedConfig['config']['defaults'], parallel?: Parallel) {
  const metrics: BoundMetric[] = []
  const jobs = []
  for (const [b, outcome] of streamed) {
    if (!('output' in outcome) || !outcome.output.scores) continue
    metrics.push(b)
    jobs.push({
      scores: outcome.output.scores,
      options: { resamples: defaults.resamples, confidence: defaults.confidence, seed: seedFor(defaults.seed, b.entry.id) }
    })
  }
  const intervals = parallelMeanCIs(jobs, parallel?.threads ?? 1, parallel?.startWorker)
  return new Map(metrics.map((b, k) => [b, intervals[k]]))
}

export interface RunInfo {
  commit?: string | null
  ref?: string | null
  createdAt?: string
  shard?: ShardInfo
  /** Parquet columns decoded ahead of the (synchronous) readers. */
  parquet?: ReadonlyMap<string, PreparedColumn>
  /** Largest input file (or npz member) read, in bytes. */
  maxInputBytes?: number
  /** Largest decoded array held whole in memory, in bytes; row-wise metrics on .npy/.npz need none. */
  memoryBudget?: number
  progress?: Progress
  parallel?: Parallel
}

/** The results file around a run's (or a merge's) metric entries. */
export function resultsFile(loaded: LoadedConfig, metrics: MetricResult[], info: RunInfo, slices: SliceLabels[] = []): Results {
  return {
    schema: RESULTS_SCHEMA,
    tool: TOOL,
    suite: loaded.config.suite,
    commit: info.commit ?? null,
    ref: info.ref ?? null,
    createdAt: info.createdAt ?? new Date().toISOString(),
    configHash: configHash(loaded.config),
    ...(info.shard ? { shard: info.shard } : {}),
    metrics,
    // Recorded so that a later run can tell a new accept entry from one its baseline already had.
    ...(loaded.config.accept.length ? { accept: loaded.config.accept } : {}),
    ...(slices.length ? { slices } : {})
  }
}

/** The Parquet columns the metrics read, decoded ahead (the decoder is asynchronous, the reader is not). */
export function parquetColumnsOf(workspace: string, loaded: LoadedConfig, bound: readonly BoundMetric[]): Promise<Map<string, PreparedColumn>> {
  const refs = bound.flatMap((b) => [...Object.values(b.entry.inputs), ...(b.entry.ids ? [b.entry.ids] : [])])
  for (const slice of loaded.config.slices) refs.push(slice.by, ...(slice.ids ? [slice.ids] : []))
  return readParquetInputs({ workspace, aliases: loaded.config.inputs }, refs)
}

function isAdapterBound(b: BoundMetric): b is AdapterBound {
  return 'arrays' in b
}

function configPath(b: BoundMetric): (string | number)[] {
  return isAdapterBound(b) ? b.configPath : ['metrics', b.index]
}

/** Aggregates of non-decomposable metrics, looked up by the metric a result names (built-in or this run's plugin). */
export function aggregateLookup(bound: readonly BoundMetric[] = []) {
  return (result: MetricResult): Aggregate | undefined => {
    const b = bound.find((x) => x.entry.id === result.id && x.definition.name === result.metric)
    const def: MetricDefinition | undefined = b?.definition ?? findMetric(result.metric)
    if (!def?.aggregate) return undefined
    const aggregate = def.aggregate
    return (columns, indices) => aggregate(columns, result.params, indices)
  }
}

/** Gates of adapter metrics as the run recorded them, for comparing results files without the libraries' files. */
export function adapterGateSpecs(results: Results): Record<string, GateSpec> {
  const adapterMetrics = results.metrics.filter((m) => m.provenance?.adapter)
  return Object.fromEntries(adapterMetrics.map((m) => [m.id, { gate: m.gate ?? {}, severity: m.severity ?? 'error' }]))
}

export function gateSpecs(loaded: LoadedConfig, bound: readonly BoundMetric[]): Record<string, GateSpec> {
  return Object.fromEntries(bound.map((b) => [b.entry.id, { gate: b.entry.gate, severity: b.severity, line: loaded.line(configPath(b)) }]))
}

/** config → inputs (or shard results) → metrics → results.json → compare with the baseline → comparison.json → report.md. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { workspace } = options
  const { loaded, bound } = await loadConfig(workspace, options.config, options.allowPlugins ?? true)
  const { baseline, noBaselineNote } = options.resolveBaseline ? await options.resolveBaseline(loaded.config.suite) : options
  if (baseline && baseline.results.suite !== loaded.config.suite) {
    // Another suite's metrics can share ids by accident: comparing them would gate on the wrong numbers.
    throw new ResultsError(
      `${baseline.note ?? 'the baseline'}: is of suite ${JSON.stringify(baseline.results.suite)}, but ${options.config} is suite ${JSON.stringify(loaded.config.suite)}; use that suite's baseline`
    )
  }
  const produce: ResultsSource =
    options.produce ?? (async (l, b, info) => computeResults(workspace, l, b, { ...info, parquet: await parquetColumnsOf(workspace, l, b) }))
  const progress = options.progress?.(bound.length)
  let produced: Produced
  try {
    produced = await produce(loaded, bound, { ...options, progress })
  } finally {
    progress?.finish()
  }
  const { results, inputErrors } = produced
  const entries = options.loadHistory ? await options.loadHistory(loaded.config.suite) : null
  const comparison = compare({
    head: results,
    base: baseline?.results ?? null,
    // A shard's partial values are held to no gate: the merge gates the whole eval set.
    gates: options.shard ? {} : gateSpecs(loaded, bound),
    defaults: loaded.config.defaults,
    baselineNote: baseline?.note ?? noBaselineNote,
    history: entries ? historyValues(entries, results.suite, results.commit) : options.history,
    aggregateOf: aggregateLookup(bound)
  })
  const provenance = provenanceOf(results)
  if (provenance.length) comparison.provenance = provenance
  if (entries) attachTrends(comparison, entries, results.commit)
  const markdown = renderMarkdown(comparison, { marker: options.marker, maxBytes: options.maxReportBytes })
  const sources = Object.fromEntries(bound.map((b) => [b.entry.id, b.entry.source]))
  const annotations = buildAnnotations(comparison, options.config, sources)

  const out = prepareOutputFolder(workspace, options.outDir)
  const paths = {
    results: join(out, 'results.json'),
    comparison: baseline ? join(out, 'comparison.json') : null,
    report: join(out, 'report.md')
  }
  const written = splitSidecar(results, 'results.json')
  // The sidecar first: a results.json naming a sidecar that is not there yet would be unreadable.
  writeOutputs(out, {
    [sidecarName('results.json')]: written.sidecar,
    'results.json': serializeJson(written.results),
    'comparison.json': baseline ? serializeJson(comparison) : null,
    'report.md': markdown
  })
  return { config: loaded, results, comparison, markdown, annotations, paths, inputErrors }
}
