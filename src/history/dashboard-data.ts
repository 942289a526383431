import { worsening } from '../compare/gates.js'
import type { DashboardData } from '../report/dashboard.js'
import { type ChangePointOptions, seriesChanges } from './change-points.js'
import type { HistoryEntry } from './entry.js'
import { metricSeries } from './series.js'

export interface DashboardDataOptions {
  /** "https://github.com/owner/repo": commits become links. */
  repoUrl?: string | null
  changePoints?: Partial<ChangePointOptions>
}

/** The dashboard's data: every (suite, commit) once, in date order, and per metric its points and change points. */
export function dashboardData(entries: readonly HistoryEntry[], options: DashboardDataOptions = {}): DashboardData {
  const series = metricSeries(entries)
  const index = new Map<string, number>()
  const commits: DashboardData['commits'] = []
  const keyOf = (p: { commit: string | null; date: string }, suite: string) => `${suite}\n${p.commit ?? p.date}`
  const all = series.flatMap((s) => s.points.map((p) => ({ ...p, suite: s.suite })))
  all.sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || String(a.commit).localeCompare(String(b.commit)))
  for (const p of all) {
    const key = keyOf(p, p.suite)
    if (index.has(key)) continue
    index.set(key, commits.length)
    commits.push({ sha: p.commit, date: p.date, suite: p.suite, runId: p.runId })
  }
  const metrics = series.map((s) => ({
    id: s.id,
    suite: s.suite,
    family: s.family,
    metric: s.metric,
    direction: s.direction,
    ...(s.gate ? { gate: s.gate } : {}),
    x: s.points.map((p) => index.get(keyOf(p, s.suite))!),
    y: s.points.map((p) => p.value),
    lo: s.points.map((p) => p.low),
    hi: s.points.map((p) => p.high),
    n: s.points.map((p) => p.n),
    changes: seriesChanges(s.points, options.changePoints).map((c) => ({
      i: c.index,
      before: c.before,
      after: c.after,
      p: c.pValue,
      worse: worsening(c.before, c.after, s.direction) > 0
    }))
  }))
  return { repoUrl: options.repoUrl ?? null, commits, metrics }
}
