import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { compare } from '../compare/compare.js'
import { ConfigError } from '../config/load.js'
import { InputError } from '../inputs/index.js'
import { catalogueJson, renderCatalogueMarkdown, renderCatalogueText } from '../metrics/docs.js'
import { builtinMetrics } from '../metrics/registry.js'
import { aggregateLookup, gateSpecs, loadConfig, type Parallel, runPipeline, TOOL } from '../pipeline.js'
import { renderMarkdown } from '../report/markdown.js'
import { createProgress, progressMode } from '../report/progress.js'
import { renderTerminal } from '../report/text.js'
import { readHistoryFolder } from '../results/history.js'
import { ResultsError, readResultsFile, serializeJson } from '../results/io.js'
import { schemaFiles } from '../results/json-schema.js'
import type { Comparison } from '../results/schema.js'

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
}

export const EXIT = { pass: 0, fail: 1, usage: 2 } as const

const HELP = `interp-gate — gate pull requests on interpretability metrics

Usage:
  interp-gate run [-C DIR] [--config interp-gate.yml] [--baseline results.json]
                  [--out interp-gate-out] [--commit SHA] [--ref REF] [--history DIR] [--quiet]
      Compute the configured metrics, compare with the baseline (if given), write
      OUT/results.json, OUT/comparison.json (with a baseline) and OUT/report.md.
      -C/--working-directory: the folder that config, baseline, out and the
      config's input paths are relative to (default: the current folder).
      --history DIR: earlier results.json files, for metrics with \`gate.history: iqr\`.
      Runs longer than 2 s show progress on stderr; --quiet turns it off.
      INTERP_GATE_MEMORY_BUDGET=<bytes>: largest array decoded whole (default 2 GiB).
  interp-gate compare BASE.json HEAD.json [--config interp-gate.yml] [--out DIR]
      Compare two results files; gates come from the config when one is given.
  interp-gate validate [-C DIR] [--config interp-gate.yml]
      Check the config (keys, metric names, inputs, params) without reading arrays.
  interp-gate metrics [--json | --markdown]
      List the metric catalogue.
  interp-gate docs [--out docs]
      Regenerate docs/metrics.md and docs/schema/*.json (for maintainers).

Exit codes: 0 pass (also with warnings), 1 a gate failed, 2 usage, config or input error.`

function verdictExit(c: Comparison): number {
  return c.verdict === 'fail' ? EXIT.fail : EXIT.pass
}

async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string', default: 'interp-gate.yml' },
      baseline: { type: 'string' },
      out: { type: 'string', default: 'interp-gate-out' },
      'working-directory': { type: 'string', short: 'C', default: '.' },
      commit: { type: 'string' },
      ref: { type: 'string' },
      history: { type: 'string' },
      quiet: { type: 'boolean', default: false }
    },
    strict: true
  })
  const workspace = resolve(io.cwd, values['working-directory']!)
  const mode = progressMode({ quiet: values.quiet, isTTY: io.errIsTTY, env: io.env })
  const baseline = values.baseline ? { results: readResultsFile(resolve(workspace, values.baseline), values.baseline), note: `baseline file ${values.baseline}` } : null
  const result = await runPipeline({
    workspace,
    config: values.config!,
    baseline,
    noBaselineNote: 'no --baseline given',
    outDir: values.out!,
    history: values.history ? readHistoryFolder(resolve(workspace, values.history), values.history) : undefined,
    commit: values.commit ?? io.env.GITHUB_SHA ?? null,
    ref: values.ref ?? io.env.GITHUB_REF ?? null,
    createdAt: io.env.SOURCE_DATE_EPOCH ? new Date(Number(io.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : undefined,
    memoryBudget: memoryBudget(io.env),
    parallel: io.parallel,
    progress: (metricCount) => createProgress({ mode, write: io.err, now: io.now ?? (() => performance.now()), metrics: metricCount })
  })
  io.out(`${renderTerminal(result.comparison)}\n`)
  const written = [result.paths.results, result.paths.comparison, result.paths.report].filter(Boolean)
  io.out(`wrote ${written.join(', ')}\n`)
  if (result.inputErrors) {
    for (const m of result.results.metrics) if (m.error) io.err(`error: ${m.error}\n`)
    return EXIT.usage
  }
  return verdictExit(result.comparison)
}

async function compareCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { config: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true })
  if (positionals.length !== 2) throw new UsageError('compare needs two files: interp-gate compare BASE.json HEAD.json')
  const base = readResultsFile(resolve(io.cwd, positionals[0]), positionals[0])
  const head = readResultsFile(resolve(io.cwd, positionals[1]), positionals[1])
  const configured = values.config ? await loadConfig(io.cwd, values.config) : null
  const comparison = compare({
    head,
    base,
    gates: configured ? gateSpecs(configured.loaded, configured.bound) : {},
    defaults: configured?.loaded.config.defaults ?? { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100_000 },
    baselineNote: `baseline file ${positionals[0]}`,
    aggregateOf: aggregateLookup(configured?.bound)
  })
  io.out(`${renderTerminal(comparison)}\n`)
  if (values.out) {
    const out = resolve(io.cwd, values.out)
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'comparison.json'), serializeJson(comparison))
    writeFileSync(join(out, 'report.md'), renderMarkdown(comparison))
  }
  return verdictExit(comparison)
}

async function validate(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string', default: 'interp-gate.yml' }, 'working-directory': { type: 'string', short: 'C', default: '.' } }, strict: true })
  const { loaded, bound } = await loadConfig(resolve(io.cwd, values['working-directory']!), values.config!)
  io.out(`${values.config}: valid — suite "${loaded.config.suite}", ${bound.length} metric(s): ${bound.map((b) => b.entry.id).join(', ')}\n`)
  return EXIT.pass
}

function metrics(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, markdown: { type: 'boolean' } }, strict: true })
  if (values.json) io.out(`${JSON.stringify(catalogueJson(builtinMetrics), null, 2)}\n`)
  else if (values.markdown) io.out(renderCatalogueMarkdown(builtinMetrics))
  else io.out(`${renderCatalogueText(builtinMetrics)}\n`)
  return EXIT.pass
}

function docs(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { out: { type: 'string', default: 'docs' } }, strict: true })
  const out = resolve(io.cwd, values.out!)
  mkdirSync(join(out, 'schema'), { recursive: true })
  writeFileSync(join(out, 'metrics.md'), renderCatalogueMarkdown(builtinMetrics))
  for (const [name, text] of Object.entries(schemaFiles())) writeFileSync(join(out, 'schema', name), text)
  io.out(`wrote ${join(values.out!, 'metrics.md')} and ${join(values.out!, 'schema')}/\n`)
  return EXIT.pass
}

class UsageError extends Error {}

function memoryBudget(env: Record<string, string | undefined>): number | undefined {
  const text = env.INTERP_GATE_MEMORY_BUDGET
  if (text === undefined || text === '') return undefined
  const bytes = Number(text)
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`INTERP_GATE_MEMORY_BUDGET must be a whole number of bytes, got ${JSON.stringify(text)}`)
  return bytes
}

/** The CLI: returns the exit code; every expected failure is one clear line, never a stack trace. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'run':
        return await run(rest, io)
      case 'compare':
        return await compareCommand(rest, io)
      case 'validate':
        return await validate(rest, io)
      case 'metrics':
        return metrics(rest, io)
      case 'docs':
        return docs(rest, io)
      case '--version':
      case '-v':
        io.out(`${TOOL}\n`)
        return EXIT.pass
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(`${HELP}\n`)
        return command === undefined ? EXIT.usage : EXIT.pass
      default:
        throw new UsageError(`unknown command "${command}"; expected run, compare, validate or metrics`)
    }
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof InputError || error instanceof ResultsError || error instanceof UsageError
    const argError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (known || argError) {
      io.err(`interp-gate: ${(error as Error).message}\n`)
      if (argError || error instanceof UsageError) io.err('Run `interp-gate --help` for usage.\n')
      return EXIT.usage
    }
    io.err(`interp-gate: internal error: ${(error as Error).stack ?? error}\n`)
    return EXIT.usage
  }
}

