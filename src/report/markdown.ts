import { markdownTable } from 'markdown-table'
import { pWorseLabel, worsening } from '../compare/gates.js'
import { COMMENT_BYTES, utf8Length } from '../domain/limits.js'
import type { Comparison, GateCheck, Row } from '../results/results-schema.js'
import { RESAMPLE_BUDGET } from '../stats/large-sample.js'
import { formatNumber, formatPercent, formatSigned, pText } from '../util/format.js'
import { codeCell, codeSpan, escapeHtml, escapeMarkdown } from './escape.js'
import { provenanceBlock } from './provenance.js'
import { slicesBlock } from './slices-section.js'
import { shardBanner } from './shard-banner.js'
import { trendCell, trendChart } from './trend.js'

/** The status column; a row the library itself did not compute says so rather than "error". */
function statusCell(r: Row): string {
  const shown = shownStatus(r)
  return shown === 'not computed' ? '⚪ not computed' : `${STATUS_ICON[shown]} ${shown}`
}

/** The status a row is shown and counted under: an error the library itself marked "not computed" says so. */
function shownStatus(r: Row): Row['status'] | 'not computed' {
  return r.status === 'error' && r.notComputed ? 'not computed' : r.status
}

const STATUS_ICON: Record<Row['status'], string> = {
  failed: '❌',
  regressed: '🔴',
  accepted: '🟡',
  error: '⚠️',
  incompatible: '🚫',
  missing: '❔',
  new: '🆕',
  improved: '🟢',
  pass: '✅'
}

const VERDICT_TEXT = { fail: '❌ interp-gate: failed', warn: '⚠️ interp-gate: passed with warnings', pass: '✅ interp-gate: passed' }

function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : 'unknown commit'
}

/** "+0.033 ▼ worse (+10.6%)": the arrow says better or worse, whichever way the metric points; `br` splits the two parts. */
export function deltaText(row: Row, br = ' '): string {
  if (row.delta === null || row.base === null || row.head === null) return '–'
  const worse = worsening(0, row.delta, row.direction)
  const arrow = worse > 0 ? ' ▼ worse' : worse < 0 ? ' ▲ better' : ''
  const rel = row.relDelta !== null ? `${arrow ? br : ' '}(${formatPercent(row.relDelta)})` : ''
  return `${formatSigned(row.delta)}${arrow}${rel}`
}

/** Base and head as the row shows them: the paired means whenever coverage is below 100% (head − base = Δ). */
function shownValues(row: Row): { base: number | null; head: number | null } {
  return { base: row.pairedBase ?? row.base, head: row.pairedHead ?? row.head }
}

export function intervalText(ci: Row['ci'], signed: boolean): string {
  if (!ci || ci.low === null || ci.high === null) return '–'
  const f = signed ? formatSigned : formatNumber
  // Above the resampling budget the CI is the normal approximation; the footer says when that happens.
  return `[${f(ci.low)}, ${f(ci.high)}]${ci.method === 'normal' ? ' normal' : ''}`
}

/** The table's CI cell: the interval only (the p-values are in the "Tests" block), so the row stays narrow. */
function intervalCell(row: Row, br: string): string {
  if (row.delta === null) return intervalText(row.headCi ?? row.ci, false)
  return `${intervalText(row.ci, true)}${row.paired === false ? `${br}unpaired` : ''}`
}

/** Characters per code span of a long metric id: about 90 px in a comment. */
const CHUNK = 12

/**
 * A metric id as table code: a long one (adapter ids such as saebench/core/<sae>/<metric>) is cut after "/", ".", "_"
 * and "-" into code spans joined by `wbr` (`<wbr>`, on the element allowlist of GitHub's html-pipeline,
 * lib/html_pipeline/sanitization_filter.rb:83 at 5470e4eb), so its cell can wrap instead of making
 * the table scroll; copying it still gives the id.
 */
export function metricCell(id: string, wbr = '<wbr>'): string {
  // Browsers already wrap at "-"; only ids with "/", "." or "_" need help.
  if (id.length <= 24 || !wbr || !/[/._]/.test(id)) return codeCell(id)
  // Pieces end at a separator; a piece longer than a chunk is cut every CHUNK characters.
  const pieces = (id.match(/[^/._-]*[/._-]|[^/._-]+$/g) ?? [id]).flatMap((p) => p.match(new RegExp(`.{1,${CHUNK}}`, 'gs')) ?? [p])
  const chunks: string[] = []
  for (const piece of pieces) {
    const last = chunks.length - 1
    if (last >= 0 && chunks[last].length + piece.length <= CHUNK) chunks[last] += piece
    else chunks.push(piece)
  }
  return chunks.map(codeCell).join(wbr)
}

/** The p-values of a compared row: the one-sided test of a significance gate (raw and Holm-adjusted), else the two-sided p. */
function pValueText(row: Row): string {
  // A significance gate tests "worse" one-sided (Holm-adjusted); other rows show the two-sided p.
  const gated = row.pAdjusted !== undefined && row.pAdjusted !== null
  if (gated && row.pWorse !== undefined && row.pWorse !== null) {
    // Raw and Holm-adjusted, each under its own label: the adjusted one is what the gate compared with α.
    const label = pWorseLabel(row.pWorse, row.pAdjusted)
    return label === 'p(worse)' ? `p(worse)${pText(row.pWorse)}` : `p(worse)${pText(row.pWorse)}, ${label}${pText(row.pAdjusted!)}`
  }
  return row.pValue !== null ? `p${pText(row.pValue)}` : ''
}

/** The p-values of every compared row, collapsed under the table (they made the CI cell too wide for a comment). */
function testsBlock(rows: readonly Row[]): string {
  const tested = rows.filter((r) => r.delta !== null && pValueText(r))
  if (!tested.length) return ''
  return [
    `<details><summary>Tests: p-values of ${tested.length} compared metric(s)</summary>`,
    '',
    markdownTable([['Metric', 'p', 'Examples'], ...tested.map((r) => [metricCell(r.id), pValueText(r), r.paired === false ? 'unpaired' : pairedCount(r)])]),
    '',
    '</details>'
  ].join('\n')
}

function pairedCount(row: Row): string {
  if (row.coverage) return `${row.coverage.paired} paired`
  if (row.counts) return `${row.counts.worse + row.counts.better + row.counts.unchanged} paired`
  return row.paired ? 'paired' : '–'
}

/** Said only when a row used it: a CI marked normal, and the sign-flip test's normal approximation beside it. */
function normalNote(rows: readonly Row[]): string {
  if (!rows.some((r) => r.ci?.method === 'normal' || r.headCi?.method === 'normal')) return ''
  return ` CI marked normal: the normal approximation (and the sign-flip test’s normal limit), used where examples × resamples passes ${RESAMPLE_BUDGET.toLocaleString('en')}; there it is within about a tenth of its half-width of the bootstrap’s (docs/statistics.md).`
}

const FROM = { base: ' (base)', head: ' (PR)' }

function checkText(g: GateCheck): string {
  return `${g.ok ? '✓' : '✗'} ${g.rule} ${typeof g.limit === 'number' ? formatNumber(g.limit) : escapeMarkdown(g.limit)}${g.from ? FROM[g.from] : ''}`
}

function gateText(gates: readonly GateCheck[], br: string): string {
  return gates.length === 0 ? '–' : gates.map(checkText).join(br)
}

/** "380/500 (−120)": paired of the baseline's examples, and what the head lost or scored alone. */
export function coverageText(row: Row, br = ' '): string {
  const c = row.coverage
  if (!c) return '–'
  const parts = [`${c.paired}/${c.base}`]
  if (c.lost) parts.push(`−${c.lost}${c.exact ? '' : '+'}`)
  if (c.headOnly) parts.push(`+${c.headOnly} new`)
  return parts.length > 1 ? `${parts[0]}${br}(${parts.slice(1).join(', ')})` : parts[0]
}

export function headline(c: Comparison): string {
  const counts = new Map<string, number>()
  for (const r of c.rows) {
    const key = shownStatus(r)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const order = ['failed', 'regressed', 'error', 'incompatible', 'missing', 'accepted', 'new', 'improved', 'pass', 'not computed']
  const summary = order
    .filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${s === 'pass' ? 'passed' : s === 'error' && counts.get(s)! > 1 ? 'errors' : s}`)
    .join(' · ')
  return summary
}

function baselineLine(c: Comparison): string {
  if (!c.base) return `No baseline${c.baselineNote ? `: ${escapeMarkdown(c.baselineNote)}` : ''}; every metric is new.`
  const ref = c.base.ref ? ` (${codeSpan(c.base.ref)})` : ''
  const note = c.baselineNote ? ` — ${escapeMarkdown(c.baselineNote)}` : ''
  return `Compared with ${codeSpan(shortSha(c.base.commit))}${ref}${note}; head ${codeSpan(shortSha(c.head.commit))}.`
}

export interface TableOptions {
  /** Breaks a cell into lines: `<br>` in markdown, so the comment fits ~900 px; a space in the terminal. */
  br?: string
  /** Between the gates of a cell: `<br>` in markdown, ", " in the terminal. */
  list?: string
  /** Where a long metric id may wrap: `<wbr>` in markdown, nothing in the terminal. */
  wbr?: string
  /** A p column after the CI (the terminal has the width; the comment puts p-values in its Tests block). */
  pColumn?: boolean
}

export function tableRows(rows: readonly Row[], options: TableOptions = {}): string[][] {
  const br = options.br ?? '<br>'
  const list = options.list ?? '<br>'
  const p = options.pColumn ?? false
  const level = rows.find((r) => r.ci)?.ci?.level ?? 0.95
  // The coverage column appears only when some metric's examples changed, so everyday reports stay narrow.
  const coverage = rows.some((r) => r.coverage)
  const header = ['', 'Metric', 'Base', 'Head', `Δ`, `${Math.round(level * 100)}% CI`, ...(p ? ['p'] : []), ...(coverage ? ['Coverage'] : []), 'Gate']
  const trend = rows.some((r) => r.trend?.length)
  return [
    trend ? [...header, 'Trend'] : header,
    ...rows.map((r) => {
      const shown = shownValues(r)
      return [
        statusCell(r),
        metricCell(r.id, options.wbr ?? '<wbr>'),
        formatNumber(shown.base),
        formatNumber(shown.head),
        deltaText(r, br),
        intervalCell(r, br),
        ...(p ? [pValueText(r) || '–'] : []),
        ...(coverage ? [coverageText(r, br)] : []),
        gateText(r.gates, list),
        ...(trend ? [trendCell(r)] : [])
      ]
    })
  ]
}

/** Every decision of a row in words: failed checks (and checks that explain themselves, like history), then notes. */
export function rowNotes(row: Row): string[] {
  const checks = row.gates.filter((g) => g.detail && (!g.ok || g.rule === 'history')).map((g) => `${checkText(g)}: ${g.detail}`)
  return [...checks, ...(row.notes ?? [])]
}

/** The notes of every row, passing ones too, one line each, plain text (the terminal shows the same). */
export function noteLines(c: Comparison): { id: string | null; text: string }[] {
  return [...(c.notes ?? []).map((text) => ({ id: null, text })), ...c.rows.flatMap((r) => rowNotes(r).map((text) => ({ id: r.id, text })))]
}

/** The plain-language reading of a compared row. */
export function reading(row: Row): string {
  if (row.delta === null || row.base === null || row.head === null) return ''
  const name = row.title ?? row.metric
  const verb = row.delta > 0 ? 'rose' : row.delta < 0 ? 'fell' : 'did not change'
  // Δ is over the paired examples: name the paired means it is the difference of.
  const { base: from, head: to } = shownValues(row)
  const over = row.coverage ? ` over ${row.coverage.paired} paired examples` : ''
  const parts = [`${name} ${verb}${row.delta !== 0 ? ` by ${formatNumber(Math.abs(row.delta))}` : ''} (${formatNumber(from)} → ${formatNumber(to)}${over})`]
  if (row.ci && row.ci.low !== null && row.ci.high !== null) {
    const excludes = row.ci.low > 0 || row.ci.high < 0
    parts.push(`${Math.round(row.ci.level * 100)}% CI ${excludes ? 'excludes' : 'includes'} 0`)
  }
  if (pValueText(row)) parts.push(pValueText(row))
  if (row.counts) parts.push(`${row.counts.worse} of ${row.counts.worse + row.counts.better + row.counts.unchanged} examples worse`)
  return `${parts.join('; ')}.`
}

function detailsBlock(row: Row): string {
  const lines = [`<details><summary><b>${escapeHtml(row.id)}</b>: ${escapeHtml(reading(row) || row.status)}</summary>`, '']
  if (row.counts) {
    const c = row.counts
    lines.push(`- Paired examples: ${c.worse + c.better + c.unchanged} (${c.worse} worse, ${c.better} better, ${c.unchanged} unchanged)`)
    if (c.onlyBase || c.onlyHead) lines.push(`- Left out: ${c.onlyBase} only in the baseline, ${c.onlyHead} only in this run`)
  } else if (row.paired === false) lines.push('- Unpaired comparison: the two runs scored different examples.')
  if (row.status === 'regressed' || row.status === 'failed') lines.push(...(trendChart(row) ? ['', trendChart(row)] : []))
  if (row.topWorse?.length) {
    lines.push(
      '',
      markdownTable([
        ['Example', 'Base', 'Head', 'Δ'],
        ...row.topWorse.map((e) => [codeCell(e.id), formatNumber(e.base), formatNumber(e.head), formatSigned(e.delta)])
      ])
    )
  }
  lines.push(...slicesBlock(row), '', '</details>')
  return lines.join('\n')
}

const TEST_TEXT: Record<NonNullable<Row['test']>, string> = {
  'sign-flip-exact': 'paired sign-flip permutation test of the per-example differences (every sign pattern)',
  'sign-flip-monte-carlo': 'paired sign-flip permutation test of the per-example differences (random sign patterns)',
  'sign-flip-normal': 'paired sign-flip test of the per-example differences, its normal limit (above the resampling budget)',
  'mcnemar-exact': 'McNemar’s exact test of the examples that changed (0/1 scores)',
  'swap-exact': 'paired permutation test swapping base and head per example, of the aggregate (every swap)',
  'swap-monte-carlo': 'paired permutation test swapping base and head per example, of the aggregate (random swaps)',
  'pooled-permutation-monte-carlo': 'unpaired permutation test of the pooled examples',
  'welch-normal': 'unpaired Welch test, normal approximation from n, mean and sd'
}

/** Ids listed per test in the footer; more are counted. */
const LISTED_IDS = 8

/** Which test each row's p comes from: one sentence when every row used the same, else the rows per test. */
function testsText(rows: readonly Row[]): string {
  const byTest = new Map<NonNullable<Row['test']>, string[]>()
  for (const r of rows) if (r.test) byTest.set(r.test, [...(byTest.get(r.test) ?? []), r.id])
  if (!byTest.size) return ''
  if (byTest.size === 1) return ` p: ${TEST_TEXT[[...byTest.keys()][0]]}, two-sided.`
  const parts = [...byTest].map(([test, ids]) => {
    const listed = ids.slice(0, LISTED_IDS).map(codeSpan).join(', ')
    return `${TEST_TEXT[test]} for ${listed}${ids.length > LISTED_IDS ? ` and ${ids.length - LISTED_IDS} more` : ''}`
  })
  return ` p, two-sided: ${parts.join('; ')}.`
}

export interface RenderOptions {
  /** Hidden marker first in the body (sticky comments find themselves by it). */
  marker?: string
  /** UTF-8 byte budget of the whole body (src/domain/limits.ts: comment, check text or job summary); default a comment's. */
  maxBytes?: number
}

/** The report: headline, baseline line, table (worst first), every note, details per problem row; trimmed to the budget. */
export function renderMarkdown(c: Comparison, options: RenderOptions = {}): string {
  const max = options.maxBytes ?? COMMENT_BYTES
  const suite = c.head.suite === 'default' ? '' : ` — suite ${codeSpan(c.head.suite)}`
  const title = c.shard ? `🧩 interp-gate: ${shardBanner(c.shard)}` : VERDICT_TEXT[c.verdict]
  const top = [...(options.marker ? [options.marker] : []), `### ${title}${suite}`, '', `**${headline(c)}**`, '', baselineLine(c), ''].join('\n')
  const problem = c.rows.filter(
    (r) =>
      r.status !== 'pass' &&
      r.status !== 'improved' &&
      r.status !== 'new' &&
      (r.counts || r.topWorse?.length || r.paired === false || (r.trend?.length ?? 0) >= 2)
  )
  // The per-group table of every sliced metric, passing ones too: it is the only place a group's numbers show.
  for (const r of c.rows) if (r.slices?.length && !problem.includes(r)) problem.push(r)
  const allRows = c.rows
  const notes = noteLines(c).map((n) => `- ${n.id ? `${codeSpan(n.id)}: ` : ''}${escapeMarkdown(n.text)}`)
  const footer = `\n<sub>Base, Head: means over the examples both runs scored whenever coverage is below 100% (the full-run values are in the coverage note); Δ = Head − Base; ▲/▼ say better/worse in the metric’s direction. CI: percentile bootstrap of Δ.${testsText(c.rows)} p(worse): the one-sided test a significance gate uses; p(worse, Holm): the same after Holm’s correction across the suite’s significance-gated metrics, the value compared with α. Coverage: paired examples / the baseline’s examples. Gates marked (base) or (PR): the base branch and this PR gate differently and both apply.${normalNote(c.rows)}</sub>\n`
  const build = (rows: readonly Row[], noteList: readonly string[], details: readonly Row[], omitted: string, tests = '') => {
    const parts = [top, markdownTable(tableRows(rows)), '']
    if (noteList.length) parts.push('**Notes**', '', ...noteList, '')
    if (tests) parts.push(tests, '')
    if (details.length) parts.push(...details.map(detailsBlock), '')
    if (omitted) parts.push(`_${omitted}_`, '')
    if (c.provenance?.length) parts.push(provenanceBlock(c.provenance), '')
    return parts.join('\n') + footer
  }
  const tests = testsBlock(allRows)
  const body = build(allRows, notes, problem, '', tests)
  const fits = (text: string) => utf8Length(text) <= max
  if (fits(body)) return body
  // Over budget: drop details first (from the end), then notes, then rows from the least important end; say what was left out.
  const withDetails = (keep: number) =>
    build(allRows, notes, problem.slice(0, keep), `Details of ${problem.length - keep} metric(s) left out to fit the size limit.`, tests)
  const keepDetails = largestFitting(problem.length - 1, (k) => fits(withDetails(k)))
  if (keepDetails >= 0) return withDetails(keepDetails)
  const withNotes = (keep: number) =>
    build(
      allRows,
      notes.slice(0, keep),
      [],
      `${notes.length - keep} of ${notes.length} notes and all details left out to fit the size limit; see comparison.json.`
    )
  const keepNotes = largestFitting(notes.length - 1, (k) => fits(withNotes(k)))
  if (keepNotes >= 0) return withNotes(keepNotes)
  const withRows = (keep: number) =>
    build(
      allRows.slice(0, keep),
      [],
      [],
      `${allRows.length - keep} of ${allRows.length} rows, all notes and details left out to fit the size limit; see comparison.json.`
    )
  return withRows(
    Math.max(
      0,
      largestFitting(allRows.length, (k) => fits(withRows(k)))
    )
  )
}

/** The largest k in [0, hi] with fits(k), for a monotone fits; −1 when none does. */
function largestFitting(hi: number, fits: (k: number) => boolean): number {
  let lo = -1
  while (lo < hi) {
    const mid = Math.ceil((lo + 1 + hi) / 2)
    if (fits(mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}
