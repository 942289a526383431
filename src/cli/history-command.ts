import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CHANGE_POINT_DEFAULTS, type ChangePointOptions, type SeriesChange, seriesChanges } from '../history/change-points.js'
import { entryFromResults, HistoryError } from '../history/entry.js'
import { FolderStore } from '../history/folder-store.js'
import { type MetricSeries, metricSeries } from '../history/series.js'
import { readRegularText } from '../inputs/index.js'
import { neutraliseTerminal } from '../report/escape.js'
import { trendText } from '../report/trend.js'
import { readResultsFile } from '../results/io.js'
import { type Comparison, comparisonSchema } from '../results/results-schema.js'
import { formatNumber } from '../util/format.js'

interface HistoryIo {
  out(text: string): void
  cwd: string
  env?: Record<string, string | undefined>
}

const HISTORY_HELP = `interp-gate history — metric values across commits, and where they changed

Usage:
  interp-gate history add RESULTS.json --store DIR [--date ISO] [--parent SHA] [--comparison FILE]
                          [--run-id N]
      Append the run's compact entry (values, CIs, n) to the store: one new file
      DIR/<suite>/<commit>.json, written atomically (safe with concurrent writers).
      --date: the ordering date (default: results.json's createdAt); use the commit date.
      --comparison: the run's comparison.json, to record each metric's coverage.
      --run-id: the CI run that measured it (default: GITHUB_RUN_ID when set).
  interp-gate history show --store DIR [--metric ID] [--suite NAME] [--last N] [--json]
                           [--significance 0.001] [--min-magnitude 0.01]
      Print each metric's series and its change points: E-divisive means proposes
      a split, Welch's t-test keeps it when p < significance and the level moves by
      at least min-magnitude × |level before| (docs/history.md).
      --json: {"metrics": {"<id>": {"points": [...], "changes": [...]}}}.`

function positiveNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback
  const v = Number(text)
  if (!Number.isFinite(v) || v < 0) throw new HistoryError(`--${name} must be a non-negative number; got "${text}"`)
  return v
}

/** Store contents come from other runs: control characters never reach the terminal. */
const escapeTerminal = neutraliseTerminal

function readComparison(path: string, display: string): Comparison {
  let raw: unknown
  try {
    raw = JSON.parse(readRegularText(path, display))
  } catch (error) {
    throw new HistoryError(`${display}: cannot read a comparison file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const parsed = comparisonSchema.safeParse(raw)
  if (!parsed.success)
    throw new HistoryError(
      `${display}: not an interp-gate comparison file (${parsed.error.issues[0].path.join('.') || 'root'}: ${parsed.error.issues[0].message})`
    )
  return parsed.data
}

function add(args: string[], io: HistoryIo): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      store: { type: 'string' },
      date: { type: 'string' },
      parent: { type: 'string' },
      comparison: { type: 'string' },
      'run-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    allowPositionals: true,
    strict: true
  })
  if (values.help) {
    io.out(`${HISTORY_HELP}\n`)
    return 0
  }
  if (positionals.length !== 1 || !values.store)
    throw new HistoryError('history add needs one results file and a store: interp-gate history add RESULTS.json --store DIR')
  const results = readResultsFile(resolve(io.cwd, positionals[0]), positionals[0])
  const comparison = values.comparison ? readComparison(resolve(io.cwd, values.comparison), values.comparison) : null
  const runIdText = values['run-id'] ?? io.env?.GITHUB_RUN_ID
  const runId = runIdText === undefined ? null : Number(runIdText)
  if (runId !== null && !(Number.isSafeInteger(runId) && runId >= 0)) throw new HistoryError(`--run-id must be a whole number; got "${runIdText}"`)
  const entry = entryFromResults(results, { date: values.date, parent: values.parent ?? null, runId, comparison })
  const written = new FolderStore(resolve(io.cwd, values.store), values.store).addSync(entry)
  io.out(`added ${entry.suite} @ ${entry.commit ?? 'no commit'} (${Object.keys(entry.metrics).length} metric(s)) as ${values.store}/${written}\n`)
  return 0
}

interface ShownSeries {
  series: MetricSeries
  changes: SeriesChange[]
}

function showJson(shown: ShownSeries[]): string {
  const metrics = Object.fromEntries(
    shown.map(({ series: s, changes }) => [
      s.id,
      {
        suite: s.suite,
        metric: s.metric,
        family: s.family,
        direction: s.direction,
        ...(s.gate ? { gate: s.gate } : {}),
        points: s.points,
        changes: changes.map(({ index: _, ...c }) => c)
      }
    ])
  )
  return `${JSON.stringify({ metrics }, null, 2)}\n`
}

function showText(shown: ShownSeries[]): string {
  if (!shown.length) return 'no entries in the store\n'
  const lines: string[] = []
  for (const { series: s, changes } of shown) {
    const values = s.points.map((p) => p.value)
    lines.push(`${escapeTerminal(s.id)}  ${values.length} point(s)  ${trendText(values)}`)
    for (const c of changes) {
      const rel = c.relative === null ? '' : ` (${c.relative > 0 ? '+' : ''}${(c.relative * 100).toFixed(1)}%)`
      lines.push(
        `  change at ${escapeTerminal((c.commit ?? 'no commit').slice(0, 12))} ${c.date.slice(0, 10)}: ${formatNumber(c.before)} → ${formatNumber(c.after)}${rel}, p=${c.pValue.toPrecision(2)}`
      )
    }
  }
  return `${lines.join('\n')}\n`
}

async function show(args: string[], io: HistoryIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      store: { type: 'string' },
      metric: { type: 'string' },
      suite: { type: 'string' },
      last: { type: 'string' },
      json: { type: 'boolean' },
      significance: { type: 'string' },
      'min-magnitude': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  })
  if (values.help) {
    io.out(`${HISTORY_HELP}\n`)
    return 0
  }
  if (!values.store) throw new HistoryError('history show needs a store: interp-gate history show --store DIR')
  const last = values.last === undefined ? Infinity : Number(values.last)
  if (!(Number.isInteger(last) && last > 0) && last !== Infinity) throw new HistoryError(`--last must be a positive integer; got "${values.last}"`)
  const options: ChangePointOptions = {
    ...CHANGE_POINT_DEFAULTS,
    significance: positiveNumber(values.significance, 'significance', CHANGE_POINT_DEFAULTS.significance),
    minMagnitude: positiveNumber(values['min-magnitude'], 'min-magnitude', CHANGE_POINT_DEFAULTS.minMagnitude)
  }
  if (!(options.significance > 0 && options.significance < 1)) throw new HistoryError(`--significance must be between 0 and 1; got "${values.significance}"`)
  const all = metricSeries(await new FolderStore(resolve(io.cwd, values.store), values.store).list(values.suite))
  const picked = values.metric ? all.filter((s) => s.id === values.metric) : all
  if (values.metric && !picked.length)
    throw new HistoryError(`no metric "${values.metric}" in ${values.store}; it has: ${all.map((s) => s.id).join(', ') || 'no entries'}`)
  // Changes are found on the whole series (more evidence), then shown within the last N points.
  const shown = picked.map((series) => {
    const changes = seriesChanges(series.points, options)
    const from = Math.max(0, series.points.length - last)
    return {
      series: { ...series, points: series.points.slice(from) },
      changes: changes.filter((c) => c.index >= from).map((c) => ({ ...c, index: c.index - from }))
    }
  })
  io.out(values.json ? showJson(shown) : showText(shown))
  return 0
}

/** `interp-gate history add|show`. */
export async function historyCommand(args: string[], io: HistoryIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'add') return add(rest, io)
  if (sub === 'show') return await show(rest, io)
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(`${HISTORY_HELP}\n`)
    return 0
  }
  throw new HistoryError(`history needs a subcommand: add or show${sub ? ` (got "${sub}")` : ''}; see interp-gate history --help`)
}
