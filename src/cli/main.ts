import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { compare } from '../compare/comparison.js'
import { ConfigError } from '../config/load.js'
import { defaultsSchema } from '../config/config-schema.js'
import { InputError } from '../inputs/index.js'
import { catalogueJson, renderCatalogueMarkdown, renderCatalogueText, renderMetricText } from '../metrics/docs.js'
import { builtinMetrics, findMetric, unknownMetricMessage } from '../metrics/registry.js'
import { adapterGateSpecs, aggregateLookup, gateSpecs, loadConfig, runPipeline, TOOL } from '../engine/pipeline.js'
import { parseShard } from '../engine/shards.js'
import { writeJunitFile } from '../engine/junit-file.js'
import { renderMarkdown } from '../report/markdown.js'
import { neutraliseTerminal } from '../report/escape.js'
import { createProgress, progressMode } from '../report/progress.js'
import { renderTerminal } from '../report/text.js'
import { HistoryError } from '../history/entry.js'
import { DASHBOARD_HELP, dashboardCommand } from './dashboard-command.js'
import { HISTORY_HELP, historyCommand } from './history-command.js'
import { subcommandHelp, unknownOptionMessage } from './usage-hints.js'
import { historySchemaFiles } from '../history/entry.js'
import { ResultsError, readResultsFile, serializeJson } from '../results/io.js'
import { schemaFiles } from '../results/json-schema.js'
import { clearingOutputsOnFailure, OutputError, prepareOutputFolder, writeOutputs } from '../results/output-folder.js'
import type { Results } from '../results/results-schema.js'
import { GitLabError } from '../gitlab/api.js'
import { gitlabCommand } from './gitlab-command.js'
import { EXIT, type Io, PIPELINE_OPTIONS, printMetricErrors, sharedPipelineOptions, UsageError, verdictExit } from './cli-shared.js'
import { mergeCommand } from './merge-command.js'
import { didYouMean } from '../util/suggest.js'

const COMMAND_HELP: Record<string, string> = {
  run: `interp-gate run [-C DIR] [--config interp-gate.yml] [--baseline results.json]
                [--out interp-gate-out] [--commit SHA] [--ref REF] [--history DIR]
                [--junit FILE] [--max-input-bytes N] [--shard I/N] [-q | --quiet]
    Compute the configured metrics, compare with the baseline (if given), write
    OUT/results.json, OUT/comparison.json (with a baseline) and OUT/report.md.
    -C/--working-directory: the folder that config, baseline, out and the
    config's input paths are relative to (default: the current folder).
    --baseline FILE: the base branch's results.json (same suite as the config).
    --history DIR: a history store (\`interp-gate history add\`) or a folder of earlier
    results.json files, for \`gate.history: iqr\` and the trend column.
    --junit FILE: also write the comparison as JUnit XML (one testcase per metric) for
    CI test-report views (GitLab, Jenkins, CircleCI, Buildkite, Azure Pipelines).
    --max-input-bytes N (or INTERP_GATE_MAX_INPUT_BYTES): largest file read whole (text,
    Parquet, a safetensors tensor), default 1073741824 (1 GiB); .npy/.npz are streamed.
    --shard I/N: these arrays are shard I of N (matrix jobs); gates apply after \`merge\`.
    Runs longer than 2 s show progress on stderr; -q/--quiet turns it off.
    INTERP_GATE_MEMORY_BUDGET=<bytes>: largest array decoded whole, and 32 bytes an example of a row-wise metric (default 2 GiB).
    SOURCE_DATE_EPOCH (seconds) fixes results.json's createdAt.`,
  merge: `interp-gate merge SHARD.json... [-C DIR] [--config interp-gate.yml] [--out interp-gate-out]
                  [--baseline results.json] [--commit SHA] [--ref REF] [--history DIR] [--junit FILE]
    Merge the results.json of every shard (each written by \`interp-gate run --shard I/N\`) into
    OUT/results.json, equal to one unsharded run of the same config; with --baseline, compare,
    write OUT/comparison.json and OUT/report.md, and gate exactly as \`run\` does.
    Refuses (exit 2) shards that overlap in example ids, come from another config or suite,
    miss a shard, or a metric it cannot merge exactly.`,
  gitlab: `interp-gate gitlab [-C DIR] [--config interp-gate.yml] [--out interp-gate-out] [--baseline results.json]
                   [--job NAME] [--artifact PATH] [--codequality FILE] [--junit FILE] [--history DIR]
    In a GitLab CI job: compute and compare like \`run\`, with the baseline from the target branch's latest
    successful pipeline (the artifact file PATH of job NAME; on a branch pipeline, the branch's own), post or
    update one merge request note per suite, write a Code Quality report, and gate.
    --job NAME: the job whose artifacts hold the baseline (default: this job, CI_JOB_NAME).
    --artifact PATH: results.json inside that job's artifacts (default: OUT/results.json, relative to
    CI_PROJECT_DIR). --baseline FILE uses a file instead and downloads nothing.
    --codequality FILE: the Code Quality report (default OUT/gl-code-quality-report.json).
    GITLAB_TOKEN: a project access token with the api scope (Reporter role) for the note; without it the
    note is skipped and the artifact is read with CI_JOB_TOKEN. Merge requests from forks get no note.`,
  compare: `interp-gate compare BASE.json HEAD.json [--config interp-gate.yml] [--out DIR]
    Compare two results files of the same suite; gates come from the config when one is given.
    --out DIR writes DIR/comparison.json and DIR/report.md.`,
  validate: `interp-gate validate [-C DIR] [--config interp-gate.yml]
    Check the config (keys, metric names, inputs, params) without reading arrays;
    every problem is reported at once.`,
  metrics: `interp-gate metrics [NAME] [--json | --markdown]
    List the metric catalogue; with NAME, show one metric (inputs, params, aliases).`,
  history: `interp-gate history add RESULTS.json --store DIR [--date ISO] [--parent SHA] [--comparison FILE]
                        [--run-id N] [--force]
interp-gate history show --store DIR [--metric ID] [--suite NAME] [--last N] [--json]
                         [--significance 0.001] [--min-magnitude 0.01]
    Keep each commit's compact entry in a folder store (one new file per commit and suite,
    written atomically); show each metric's series and its change points (--json for machines).`,
  dashboard: `interp-gate dashboard --store DIR --out SITE [--title TEXT] [--repo-url URL]
    Write SITE/index.html, a self-contained page charting every metric's history (no network).`,
  docs: `interp-gate docs [--out docs]
    Regenerate docs/metrics.md and docs/schema/*.json (for maintainers).`
}

/** One command's --help: history and dashboard have their own longer pages. */
function commandHelp(command: string): string {
  if (command === 'history') return HISTORY_HELP
  if (command === 'dashboard') return DASHBOARD_HELP
  return COMMAND_HELP[command] ?? ''
}

const HELP = `interp-gate — gate pull requests on interpretability metrics

Usage:
${Object.values(COMMAND_HELP)
  .map((text) => `  ${text.replace(/\n/g, '\n  ')}`)
  .join('\n')}

\`interp-gate <command> --help\` shows one command.
Exit codes: 0 pass (also with warnings), 1 a gate failed, 2 usage, config or input error.`

const RUN_OPTIONS = {
  ...PIPELINE_OPTIONS,
  'max-input-bytes': { type: 'string' },
  shard: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false }
} as const

type RunValues = ReturnType<typeof parseArgs<{ options: typeof RUN_OPTIONS; strict: true }>>['values']

async function run(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: RUN_OPTIONS, strict: true })
  const workspace = resolve(io.cwd, values['working-directory']!)
  return clearingOutputsOnFailure(workspace, values.out!, () => runWith(values, workspace, io))
}

async function runWith(values: RunValues, workspace: string, io: Io): Promise<number> {
  const shard = values.shard === undefined ? undefined : parseShard(values.shard, '--shard')
  if (shard && values.baseline) throw new UsageError('--shard and --baseline: a shard is compared after `interp-gate merge`, which takes --baseline')
  if (shard && values.junit) throw new UsageError('--shard and --junit: a shard gates nothing; `interp-gate merge` writes the JUnit report')
  const mode = progressMode({ quiet: values.quiet, isTTY: io.errIsTTY, env: io.env })
  const result = await runPipeline({
    ...sharedPipelineOptions(values, io),
    noBaselineNote: shard ? 'a shard is compared after interp-gate merge' : 'no --baseline given',
    maxInputBytes: maxInputBytes(values['max-input-bytes'] ?? io.env.INTERP_GATE_MAX_INPUT_BYTES),
    shard,
    memoryBudget: memoryBudget(io.env),
    parallel: io.parallel,
    progress: (metricCount) => createProgress({ mode, write: io.progressErr ?? io.err, now: io.now ?? (() => performance.now()), metrics: metricCount })
  })
  io.out(`${renderTerminal(result.comparison)}\n`)
  const junit = values.junit === undefined ? null : writeJunitFile(workspace, values.junit, result)
  const written = [result.paths.results, result.paths.comparison, result.paths.report, junit].filter(Boolean)
  io.out(`wrote ${written.join(', ')}\n`)
  if (result.inputErrors) {
    printMetricErrors(result.results, io)
    return EXIT.usage
  }
  // A shard's partial values gate nothing: the merge applies the gates to the whole eval set.
  return shard ? EXIT.pass : verdictExit(result.comparison)
}

/** --max-input-bytes or INTERP_GATE_MAX_INPUT_BYTES: a positive whole number of bytes. */
function maxInputBytes(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined
  const bytes = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new UsageError(
      `--max-input-bytes / INTERP_GATE_MAX_INPUT_BYTES must be a whole number of bytes (e.g. 4294967296 for 4 GiB), got ${JSON.stringify(text)}`
    )
  return bytes
}

/** Two results files are comparable only within one suite: another suite's metrics share ids by accident. */
function checkSameSuite(base: Results, head: Results, baseFile: string, headWhat: string): void {
  if (base.suite !== head.suite) {
    throw new ResultsError(
      `${baseFile}: the baseline is of suite ${JSON.stringify(base.suite)}, ${headWhat} is of suite ${JSON.stringify(head.suite)}; compare results of the same suite (\`suite:\` in the config)`
    )
  }
}

async function compareCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { config: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true })
  if (positionals.length !== 2) throw new UsageError('compare needs two files: interp-gate compare BASE.json HEAD.json')
  const out = values.out
  if (out === undefined) return compareFiles(positionals, values.config, undefined, io)
  return clearingOutputsOnFailure(io.cwd, out, () => compareFiles(positionals, values.config, out, io), ['comparison.json', 'report.md'])
}

async function compareFiles(positionals: string[], config: string | undefined, outDir: string | undefined, io: Io): Promise<number> {
  const values = { config, out: outDir }
  const base = readResultsFile(resolve(io.cwd, positionals[0]), positionals[0])
  const head = readResultsFile(resolve(io.cwd, positionals[1]), positionals[1])
  checkSameSuite(base, head, positionals[0], `${positionals[1]}`)
  const configured = values.config ? await loadConfig(io.cwd, values.config, true, false) : null
  const comparison = compare({
    head,
    base,
    gates: configured ? { ...adapterGateSpecs(head), ...gateSpecs(configured.loaded, configured.bound) } : {},
    defaults: configured?.loaded.config.defaults ?? defaultsSchema.parse({}),
    baselineNote: `baseline file ${positionals[0]}`,
    aggregateOf: aggregateLookup(configured?.bound)
  })
  io.out(`${renderTerminal(comparison)}\n`)
  if (values.out) {
    const out = prepareOutputFolder(io.cwd, values.out)
    writeOutputs(out, { 'comparison.json': serializeJson(comparison), 'report.md': renderMarkdown(comparison) })
  }
  return verdictExit(comparison)
}

async function validate(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { config: { type: 'string', default: 'interp-gate.yml' }, 'working-directory': { type: 'string', short: 'C', default: '.' } },
    strict: true
  })
  const { loaded, bound } = await loadConfig(resolve(io.cwd, values['working-directory']!), values.config!)
  io.out(`${values.config}: valid — suite "${loaded.config.suite}", ${bound.length} metric(s): ${bound.map((b) => b.entry.id).join(', ')}\n`)
  return EXIT.pass
}

function metrics(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, markdown: { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  })
  if (positionals.length > 1) throw new UsageError('metrics takes at most one metric name: interp-gate metrics [NAME]')
  if (positionals.length === 1) {
    const def = findMetric(positionals[0])
    if (!def) throw new UsageError(unknownMetricMessage(positionals[0]))
    if (values.json) io.out(`${JSON.stringify(catalogueJson([def])[0], null, 2)}\n`)
    else if (values.markdown) io.out(renderCatalogueMarkdown([def]))
    else io.out(`${renderMetricText(def)}\n`)
    return EXIT.pass
  }
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
  for (const [name, text] of Object.entries({ ...schemaFiles(), ...historySchemaFiles() })) writeFileSync(join(out, 'schema', name), text)
  io.out(`wrote ${join(values.out!, 'metrics.md')} and ${join(values.out!, 'schema')}/\n`)
  return EXIT.pass
}

function memoryBudget(env: Record<string, string | undefined>): number | undefined {
  const text = env.INTERP_GATE_MEMORY_BUDGET
  if (text === undefined || text === '') return undefined
  const bytes = Number(text)
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`INTERP_GATE_MEMORY_BUDGET must be a whole number of bytes, got ${JSON.stringify(text)}`)
  return bytes
}

/** The CLI: returns the exit code; every expected failure is one clear line, never a stack trace. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  // Untrusted text (paths, baseline fields) reaches the terminal: no line may become a workflow command.
  const io: Io = { ...rawIo, out: (text) => rawIo.out(neutraliseTerminal(text)), err: (text) => rawIo.err(neutraliseTerminal(text)), progressErr: rawIo.err }
  const [command, ...rest] = argv
  if (command !== undefined && Object.hasOwn(COMMAND_HELP, command) && rest.some((a) => a === '--help' || a === '-h')) {
    io.out(`${commandHelp(command)}\n`)
    return EXIT.pass
  }
  try {
    switch (command) {
      case 'run':
        return await run(rest, io)
      case 'compare':
        return await compareCommand(rest, io)
      case 'merge':
        return await mergeCommand(rest, io)
      case 'gitlab':
        return await gitlabCommand(rest, io)
      case 'validate':
        return await validate(rest, io)
      case 'metrics':
        return metrics(rest, io)
      case 'docs':
        return docs(rest, io)
      case 'history':
        return await historyCommand(rest, io)
      case 'dashboard':
        return dashboardCommand(rest, io)
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
        throw new UsageError(
          `unknown command "${command}"${didYouMean(command, Object.keys(COMMAND_HELP))}; expected run, merge, gitlab, compare, validate, metrics, history, dashboard or docs`
        )
    }
  } catch (error) {
    const known = [ConfigError, InputError, ResultsError, OutputError, HistoryError, UsageError, GitLabError].some((E) => error instanceof E)
    const argError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (known || argError) {
      const sub = command === 'history' && (rest[0] === 'add' || rest[0] === 'show') ? `history ${rest[0]}` : command!
      const help = command === 'history' ? subcommandHelp(HISTORY_HELP, 'history', rest[0]) : commandHelp(command!)
      io.err(`interp-gate: ${unknownOptionMessage(error, sub, help) ?? (error as Error).message}\n`)
      const helpCommand = command !== undefined && Object.hasOwn(COMMAND_HELP, command) ? `interp-gate ${command} --help` : 'interp-gate --help'
      if (argError || error instanceof UsageError) io.err(`Run \`${helpCommand}\` for usage.\n`)
      return EXIT.usage
    }
    io.err(`interp-gate: internal error: ${(error as Error).stack ?? error}\n`)
    return EXIT.usage
  }
}
