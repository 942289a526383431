import { marginOf } from '../compare/gates.js'
import type { Row } from '../results/results-schema.js'
import { formatNumber } from '../util/format.js'
import { codeCell } from './escape.js'

const BARS = '▁▂▃▄▅▆▇█'

/**
 * One bar per value, scaled between the smallest and largest of `scale`; when they lie closer than `minRange`, the
 * scale widens to minRange around their middle, so noise smaller than the CI or the gate's allowance stays a ripple.
 * A flat series (and no minRange) sits mid-height.
 */
export function sparkline(values: readonly number[], scale: readonly number[] = values, minRange = 0): string {
  const finite = scale.filter(Number.isFinite)
  let lo = Math.min(...finite)
  let hi = Math.max(...finite)
  if (hi - lo < minRange) {
    const mid = (hi + lo) / 2
    ;[lo, hi] = [mid - minRange / 2, mid + minRange / 2]
  }
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return ' '
      if (hi === lo) return BARS[3]
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BARS.length))]
    })
    .join('')
}

const width = (ci: Row['ci'] | undefined): number => (ci && ci.low !== null && ci.high !== null ? ci.high - ci.low : 0)

/** The smallest range a row's sparkline spans: its CI width, or its max-regression allowance if larger. */
export function trendRange(row: Row): number {
  const ci = width(row.headCi ?? (row.delta === null ? row.ci : null)) || width(row.ci)
  const reference = row.pairedBase ?? row.base ?? row.head ?? 0
  const allowances = row.gates.filter((g) => g.rule === 'max-regression').map((g) => marginOf(g.limit, reference))
  return Math.max(ci, ...allowances.filter(Number.isFinite))
}

/** Bars in the table's trend cell: the newest base-branch values (the details chart shows them all). */
const TREND_CELL_POINTS = 10

/** The table's trend cell: the base branch's last values, then "▸" and this run's value on the same scale. */
export function trendCell(row: Row): string {
  if (!row.trend?.length) return ''
  const trend = row.trend.slice(-TREND_CELL_POINTS)
  const all = row.head === null ? trend : [...trend, row.head]
  const base = sparkline(trend, all, trendRange(row))
  return row.head === null ? base : `${base}▸${sparkline([row.head], all, trendRange(row))}`
}

/** A mermaid xychart of the base branch's last values and this run's, for a regressed metric (GitHub renders mermaid). */
export function trendChart(row: Row): string {
  if (!row.trend || row.trend.length < 2) return ''
  const values = row.head === null ? row.trend : [...row.trend, row.head]
  const labels = row.trend.map((_, i) => `"${i - row.trend!.length}"`)
  if (row.head !== null) labels.push('"this"')
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const pad = hi === lo ? Math.abs(hi) * 0.05 || 1 : (hi - lo) * 0.1
  const id = row.id.replace(/["\\`]/g, '')
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${id}: last ${row.trend.length} base-branch values${row.head === null ? '' : ', then this run'}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${row.direction === 'higher' ? 'value (higher is better)' : 'value (lower is better)'}" ${Number((lo - pad).toPrecision(6))} --> ${Number((hi + pad).toPrecision(6))}`,
    `  line [${values.map((v) => Number(v.toPrecision(6))).join(', ')}]`,
    '```'
  ].join('\n')
}

/** Plain text for the terminal: "▁▂▃▅▇ 0.61 → 0.74"; minRange as in sparkline (the values' typical CI width). */
export function trendText(values: readonly number[], minRange = 0): string {
  if (!values.length) return ''
  return `${sparkline(values, values, minRange)} ${formatNumber(values[0])} → ${formatNumber(values[values.length - 1])}`
}

export interface ChangeLine {
  id: string
  commit: string | null
  before: number
  after: number
  relative: number | null
  pValue: number
  direction: 'higher' | 'lower'
}

/** The job summary's section about level shifts a push confirmed. */
export function changePointsMarkdown(changes: readonly ChangeLine[]): string {
  if (!changes.length) return ''
  const rows = changes.map((c) => {
    const worse = c.direction === 'higher' ? c.after < c.before : c.after > c.before
    const rel = c.relative === null ? '' : ` (${c.relative > 0 ? '+' : ''}${(c.relative * 100).toFixed(1)}%)`
    return `| ${worse ? '🔴 worse' : '🟢 better'} | ${codeCell(c.id)} | ${codeCell((c.commit ?? 'local').slice(0, 12))} | ${formatNumber(c.before)} → ${formatNumber(c.after)}${rel} | ${c.pValue.toPrecision(2)} |`
  })
  return [
    '',
    '#### Level shifts in the history',
    '',
    'New change points (E-divisive means + Welch t-test, docs/history.md): the level changed starting at the commit shown.',
    '',
    '| | Metric | From commit | Level before → after | p |',
    '|---|---|---|---|---|',
    ...rows,
    ''
  ].join('\n')
}

/** The annotation text of one change point. */
export function changePointMessage(c: ChangeLine): string {
  const worse = c.direction === 'higher' ? c.after < c.before : c.after > c.before
  return `${c.id}: the level ${worse ? 'worsened' : 'improved'} from ${formatNumber(c.before)} to ${formatNumber(c.after)} starting at ${(c.commit ?? 'local').slice(0, 12)} (change point, p=${c.pValue.toPrecision(2)})`
}
