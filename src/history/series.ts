import type { Comparison } from '../results/results-schema.js'
import type { HistoryEntry, HistoryMetric } from './entry.js'
import { sortEntries } from './entry.js'

/** One commit's value of one metric. */
interface SeriesPoint {
  commit: string | null
  date: string
  runId: number | null
  value: number
  low: number | null
  high: number | null
  n: number
  coverage?: number
}

export interface MetricSeries {
  id: string
  suite: string
  metric: string
  family: string
  direction: HistoryMetric['direction']
  title?: string
  /** Gate bounds of the newest entry that has the metric. */
  gate?: { min?: number; max?: number }
  points: SeriesPoint[]
}

/** Each metric's finite values across the entries, oldest first; keyed by "suite/id" only when suites mix. */
export function metricSeries(entries: readonly HistoryEntry[]): MetricSeries[] {
  const suites = new Set(entries.map((e) => e.suite))
  const byKey = new Map<string, MetricSeries>()
  for (const entry of sortEntries(entries)) {
    for (const [id, m] of Object.entries(entry.metrics)) {
      const key = suites.size > 1 ? `${entry.suite}/${id}` : id
      const series = byKey.get(key) ?? { id: key, suite: entry.suite, metric: m.metric, family: m.family, direction: m.direction, points: [] }
      byKey.set(key, series)
      Object.assign(series, {
        metric: m.metric,
        family: m.family,
        direction: m.direction,
        ...(m.title ? { title: m.title } : {}),
        ...(m.gate ? { gate: m.gate } : {})
      })
      if (m.value === null || !Number.isFinite(m.value)) continue
      series.points.push({
        commit: entry.commit,
        date: entry.date,
        runId: entry.runId,
        value: m.value,
        low: m.ci?.[0] ?? null,
        high: m.ci?.[1] ?? null,
        n: m.n,
        ...(m.coverage === undefined ? {} : { coverage: m.coverage })
      })
    }
  }
  return [...byKey.values()].sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * Earlier values per metric id, oldest first, for `gate.history: iqr`: entries of this suite only, and never the
 * commit being checked itself (a re-run must not vouch for itself).
 */
export function historyValues(entries: readonly HistoryEntry[], suite: string, exclude: string | null = null): Record<string, number[]> {
  const history: Record<string, number[]> = {}
  for (const entry of sortEntries(entries)) {
    if (entry.suite !== suite || (exclude !== null && entry.commit === exclude)) continue
    for (const [id, m] of Object.entries(entry.metrics)) if (m.value !== null) (history[id] ??= []).push(m.value)
  }
  return history
}

/** How many base-branch values the trend column shows. */
const TREND_POINTS = 20

/** Gives each row of the comparison its last TREND_POINTS history values (not this commit's own entry). */
export function attachTrends(comparison: Comparison, entries: readonly HistoryEntry[], exclude: string | null): void {
  const values = historyValues(entries, comparison.head.suite, exclude)
  for (const row of comparison.rows) {
    const trend = values[row.id]?.slice(-TREND_POINTS)
    if (trend && trend.length >= 2) row.trend = trend
  }
}
