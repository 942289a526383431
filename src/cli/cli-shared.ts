import { resolve } from 'node:path'
import type { Parallel, PipelineOptions } from '../engine/pipeline.js'
import { FolderStore } from '../history/folder-store.js'
import { ResultsError, readResultsFile } from '../results/io.js'
import type { Comparison, Results } from '../results/results-schema.js'

// What the CLI's commands share: their io, exit codes, usage errors and the options `run` and `merge` both take.

export interface Io {
  out(text: string): void
  err(text: string): void
  cwd: string
  env: Record<string, string | undefined>
  /** stderr is a terminal: progress is a bar redrawn in place. */
  errIsTTY?: boolean
  /** Milliseconds from a fixed point, for progress; defaults to performance.now. */
  now?: () => number
  /** Worker threads for bootstrap CIs (the bundled CLI has them). */
  parallel?: Parallel
  /** stderr for progress, which is the tool's own text (bars, ::group:: lines) and must not be neutralised. */
  progressErr?: (text: string) => void
}

export const EXIT = { pass: 0, fail: 1, usage: 2 } as const

export class UsageError extends Error {}

export function verdictExit(c: Comparison): number {
  return c.verdict === 'fail' ? EXIT.fail : EXIT.pass
}

/** The options `run` and `merge` share: both end in the same compare, report and gate. */
export const PIPELINE_OPTIONS = {
  config: { type: 'string', default: 'interp-gate.yml' },
  baseline: { type: 'string' },
  out: { type: 'string', default: 'interp-gate-out' },
  'working-directory': { type: 'string', short: 'C', default: '.' },
  commit: { type: 'string' },
  ref: { type: 'string' },
  history: { type: 'string' },
  junit: { type: 'string' }
} as const

type PipelineValues = { [K in keyof typeof PIPELINE_OPTIONS]?: string }

/** The runPipeline options `run` and `merge` build alike from PIPELINE_OPTIONS' values and the environment. */
export function sharedPipelineOptions(values: PipelineValues, io: Io) {
  const workspace = resolve(io.cwd, values['working-directory'] ?? '.')
  return {
    workspace,
    config: values.config ?? 'interp-gate.yml',
    baseline: values.baseline ? { results: readBaselineFile(workspace, values.baseline), note: `baseline file ${values.baseline}` } : null,
    noBaselineNote: 'no --baseline given',
    outDir: values.out ?? 'interp-gate-out',
    loadHistory: historyLoader(workspace, values.history),
    commit: values.commit ?? io.env.GITHUB_SHA ?? null,
    ref: values.ref ?? io.env.GITHUB_REF ?? null,
    createdAt: sourceDateEpoch(io.env.SOURCE_DATE_EPOCH)
  } satisfies Partial<PipelineOptions>
}

/** --history DIR: the folder store (or folder of results files) that gate.history and the trend column read. */
function historyLoader(workspace: string, dir: string | undefined): PipelineOptions['loadHistory'] {
  return dir === undefined ? undefined : (suite) => new FolderStore(resolve(workspace, dir), dir).list(suite)
}

/** Metrics broken by the same alias share one message: print it once. */
export function printMetricErrors(results: Results, io: Io): void {
  for (const error of new Set(results.metrics.flatMap((m) => (m.error ? [m.error] : [])))) io.err(`error: ${error}\n`)
}

/** SOURCE_DATE_EPOCH as reproducible-builds.org defines it: whole seconds since 1970, else a usage error. */
function sourceDateEpoch(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined
  const seconds = /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : NaN
  const date = new Date(seconds * 1000)
  if (!Number.isFinite(date.getTime()))
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (e.g. 1700000000), got ${JSON.stringify(text)}; unset it to use the current time`
    )
  return date.toISOString()
}

/** The --baseline file; a missing one says where a baseline comes from instead of only ENOENT. */
function readBaselineFile(workspace: string, file: string): Results {
  try {
    return readResultsFile(resolve(workspace, file), file)
  } catch (error) {
    if (error instanceof ResultsError && /: file not found/.test(error.message)) {
      throw new ResultsError(
        `--baseline ${file}: file not found (resolved to ${resolve(workspace, file)}). A baseline is the results.json of a run on the base branch: ` +
          'run `interp-gate run --out DIR` on it (or download its interp-gate-<suite> artifact) and pass DIR/results.json; without --baseline every metric is reported as new'
      )
    }
    throw error
  }
}
