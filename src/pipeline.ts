import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { bindMetrics, type BoundMetric } from './config/bind.js'
import { ConfigError, type LoadedConfig, parseConfig } from './config/load.js'
import { compare, type GateSpec } from './compare/compare.js'
import { createInputReader, InputError, resolveInWorkspace } from './inputs/index.js'
import type { NDArray } from './inputs/ndarray.js'
import { loadPluginMetric } from './metrics/plugin.js'
import { findMetric } from './metrics/registry.js'
import type { MetricDefinition } from './metrics/types.js'
import { type Annotation, buildAnnotations } from './report/annotations.js'
import { renderMarkdown } from './report/markdown.js'
import { type BlockwiseOptions, evaluateBlockwise, type RowsPlan } from './engine/blockwise.js'
import { parallelMeanCIs, type StartWorker } from './engine/parallel-bootstrap.js'
import { seedFor } from './stats/rng.js'
import { buildMetricResult, errorResult, packMetricResult } from './results/build.js'
import { serializeJson } from './results/io.js'
import { type Comparison, type MetricResult, RESULTS_SCHEMA, type Results } from './results/schema.js'
import type { Aggregate } from './stats/index.js'

export const TOOL = 'interp-gate@0.1.0'

export interface Baseline {
  results: Results
  /** Where the baseline came from, for the report ("main @ abc1234, the PR's base commit"). */
  note?: string
}

/** What a long run reports as it goes (see src/report/progress.ts); the pipeline only calls it. */
export interface Progress {
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
  /** Hidden marker for the report (sticky comments). */
  marker?: string
  /** Report size budget in characters. */
  maxReportChars?: number
  /** Largest decoded array held whole in memory, in bytes; row-wise metrics on .npy/.npz need none. */
  memoryBudget?: number
  /** Makes the run's progress reporter, given the number of metrics. */
  progress?: (metrics: number) => Progress & { finish(): void }
  parallel?: Parallel
}

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
export async function loadConfig(workspace: string, configPath: string, allowPlugins = true): Promise<{ loaded: LoadedConfig; bound: BoundMetric[] }> {
  let text: string
  let absolute: string
  try {
    absolute = resolveInWorkspace(workspace, configPath)
    text = readFileSync(absolute, 'utf8')
  } catch (error) {
    if (error instanceof InputError) throw new ConfigError(error.message)
    throw new ConfigError(`${configPath}: cannot read the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const loaded = parseConfig(text, configPath)
  const loader = allowPlugins ? (module: string) => loadPluginMetric(resolveInWorkspace(workspace, module)) : undefined
  const bound = await bindMetrics(loaded, loader)
  return { loaded, bound }
}

/** Reads the arrays of every metric and computes results; a metric whose inputs fail becomes an error entry. */
export function computeResults(
  workspace: string,
  loaded: LoadedConfig,
  bound: BoundMetric[],
  info: { commit?: string | null; ref?: string | null; createdAt?: string; memoryBudget?: number; progress?: Progress; parallel?: Parallel }
): { results: Results; inputErrors: number } {
  const { config, at } = loaded
  const reader = createInputReader({ workspace, aliases: config.inputs, memoryBudget: info.memoryBudget })
  const progress = info.progress
  // Row-wise metrics on .npy/.npz inputs are evaluated a block of rows at a time, in one pass over the files.
  const parallel = info.parallel
  const inputs = { workspace, aliases: config.inputs, memoryBudget: info.memoryBudget }
  const split = parallel?.startRows ? { threads: parallel.threads, start: (plan: RowsPlan) => parallel.startRows!(plan, inputs) } : undefined
  const streamed = evaluateBlockwise(reader, bound, { onRows: progress?.rows, split })
  const cis = streamedCIs(streamed, config.defaults, info.parallel)
  let inputErrors = 0
  const metrics: MetricResult[] = bound.map((b) => {
    const here = ['metrics', b.index]
    try {
      progress?.metric(b.entry.id)
      const outcome = streamed.get(b)
      if (outcome) {
        if ('error' in outcome) throw outcome.error
        const ids = b.entry.ids ? reader.readIds(b.entry.ids) : undefined
        return packMetricResult(b, outcome.output, ids, config.defaults, outcome.identity, cis.get(b))
      }
      const arrays: Record<string, NDArray> = {}
      for (const [name, ref] of Object.entries(b.entry.inputs)) arrays[name] = reader.read(ref)
      const ids = b.entry.ids ? reader.readIds(b.entry.ids) : undefined
      return buildMetricResult(b, arrays, ids, config.defaults)
    } catch (error) {
      inputErrors++
      const where = error instanceof InputError ? at([...here, 'inputs']) : at(here)
      return errorResult(b, `${where}: metric "${b.entry.id}" (${b.definition.name}): ${(error as Error).message}`)
    }
  })
  return {
    results: {
      schema: RESULTS_SCHEMA,
      tool: TOOL,
      suite: config.suite,
      commit: info.commit ?? null,
      ref: info.ref ?? null,
      createdAt: info.createdAt ?? new Date().toISOString(),
      metrics
    },
    inputErrors
  }
}

/** The bootstrap CIs of the streamed metrics, computed on several threads when the entry allows (same seeds, same CIs). */
function streamedCIs(streamed: ReturnType<typeof evaluateBlockwise>, defaults: LoadedConfig['config']['defaults'], parallel?: Parallel) {
  const metrics: BoundMetric[] = []
  const jobs = []
  for (const [b, outcome] of streamed) {
    if (!('output' in outcome) || !outcome.output.scores) continue
    metrics.push(b)
    jobs.push({ scores: outcome.output.scores, options: { resamples: defaults.resamples, confidence: defaults.confidence, seed: seedFor(defaults.seed, b.entry.id) } })
  }
  const intervals = parallelMeanCIs(jobs, parallel?.threads ?? 1, parallel?.startWorker)
  return new Map(metrics.map((b, k) => [b, intervals[k]]))
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

export function gateSpecs(loaded: LoadedConfig, bound: readonly BoundMetric[]): Record<string, GateSpec> {
  return Object.fromEntries(bound.map((b) => [b.entry.id, { gate: b.entry.gate, severity: b.severity, line: loaded.line(['metrics', b.index]) }]))
}

/** config → inputs → metrics → results.json → compare with the baseline → comparison.json → report.md. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { workspace } = options
  const { loaded, bound } = await loadConfig(workspace, options.config, options.allowPlugins ?? true)
  const { baseline, noBaselineNote } = options.resolveBaseline ? await options.resolveBaseline(loaded.config.suite) : options
  const progress = options.progress?.(bound.length)
  let computed: ReturnType<typeof computeResults>
  try {
    computed = computeResults(workspace, loaded, bound, { ...options, progress })
  } finally {
    progress?.finish()
  }
  const { results, inputErrors } = computed
  const comparison = compare({
    head: results,
    base: baseline?.results ?? null,
    gates: gateSpecs(loaded, bound),
    defaults: loaded.config.defaults,
    baselineNote: baseline?.note ?? noBaselineNote,
    history: options.history,
    aggregateOf: aggregateLookup(bound)
  })
  const markdown = renderMarkdown(comparison, { marker: options.marker, maxChars: options.maxReportChars })
  const sources = Object.fromEntries(bound.map((b) => [b.entry.id, b.entry.source]))
  const annotations = buildAnnotations(comparison, options.config, sources)

  const out = resolve(workspace, options.outDir)
  mkdirSync(out, { recursive: true })
  const paths = {
    results: join(out, 'results.json'),
    comparison: baseline ? join(out, 'comparison.json') : null,
    report: join(out, 'report.md')
  }
  writeFileSync(paths.results, serializeJson(results))
  if (paths.comparison) writeFileSync(paths.comparison, serializeJson(comparison))
  writeFileSync(paths.report, markdown)
  return { config: loaded, results, comparison, markdown, annotations, paths, inputErrors }
}
