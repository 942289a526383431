import { welchTest } from '../stats/student-t.js'
import type { MetricSeries } from './series.js'

/**
 * Change points after Hunter (Fleming et al., "Hunter: Using Change Point Detection to Hunt for Performance
 * Regressions", ICPE 2023, arXiv:2301.03034; now Apache Otava): E-divisive means (Matteson & James 2014, α = 1)
 * proposes where a series splits, and Welch's t-test between the two sides decides whether the split is real,
 * instead of E-divisive's random permutation test — so the answer is deterministic and cheap.
 */
export interface ChangePointOptions {
  /** A split counts when Welch's two-sided p is below this (Hunter's default max p-value: 0.001). */
  significance: number
  /** ... and the level moves by at least this fraction of the level before (|after − before| / |before|). */
  minMagnitude: number
  /** Fewest points on each side of a split. */
  minSegment: number
}

export const CHANGE_POINT_DEFAULTS: ChangePointOptions = { significance: 0.001, minMagnitude: 0.01, minSegment: 3 }

export interface ChangePoint {
  /** Index of the first point of the new level. */
  index: number
  /** Mean of the segment before and after (between the neighbouring change points). */
  before: number
  after: number
  /** (after − before) / |before|; null when before is 0. */
  relative: number | null
  pValue: number
}

/**
 * Q̂(τ) of E-divisive means for every split τ of x[from, to): Q̂ = (m·n/(m+n)) · Ê with
 * Ê = 2/(mn)·Σ|Xᵢ−Yⱼ| − Σ_{i<k}|Xᵢ−Xₖ|/C(m,2) − Σ_{j<k}|Yⱼ−Yₖ|/C(n,2), m = τ − from, n = to − τ.
 * Returns q[τ − from] (NaN where a side has fewer than 2 points); O(n²) with running sums.
 */
export function eDivisiveQ(x: ArrayLike<number>, from: number, to: number): Float64Array {
  const len = to - from
  const q = new Float64Array(len + 1).fill(NaN)
  let total = 0
  for (let i = from; i < to; i++) for (let j = i + 1; j < to; j++) total += Math.abs(x[i] - x[j])
  let within = 0 // pairs inside [from, τ)
  let right = total // pairs inside [τ, to)
  for (let tau = from; tau < to; tau++) {
    if (tau - from >= 2 && to - tau >= 2) {
      const m = tau - from
      const n = to - tau
      const across = total - within - right
      const e = (2 * across) / (m * n) - within / ((m * (m - 1)) / 2) - right / ((n * (n - 1)) / 2)
      q[m] = ((m * n) / (m + n)) * e
    }
    // Move x[tau] from the right side to the left.
    for (let i = from; i < tau; i++) within += Math.abs(x[tau] - x[i])
    for (let j = tau + 1; j < to; j++) right -= Math.abs(x[tau] - x[j])
  }
  return q
}

function magnitude(before: number, after: number): number | null {
  return before === 0 ? null : (after - before) / Math.abs(before)
}

function passes(before: number, after: number, p: number, o: ChangePointOptions): boolean {
  const rel = magnitude(before, after)
  return p < o.significance && (rel === null ? after !== before : Math.abs(rel) >= o.minMagnitude)
}

/** Binary segmentation: the best E-divisive split of each segment, kept while the t-test says it is real. */
function candidates(x: ArrayLike<number>, from: number, to: number, o: ChangePointOptions, found: number[]): void {
  if (to - from < 2 * o.minSegment) return
  const q = eDivisiveQ(x, from, to)
  let best = -1
  for (let tau = from + o.minSegment; tau <= to - o.minSegment; tau++) if (best < 0 || q[tau - from] > q[best - from]) best = tau
  const test = welchTest(x, from, best, best, to)
  if (!passes(test.meanA, test.meanB, test.p, o)) return
  found.push(best)
  candidates(x, from, best, o, found)
  candidates(x, best, to, o, found)
}

/** Re-tests every change point against its neighbouring segments and drops the weakest failing one until all pass. */
function prune(x: ArrayLike<number>, found: number[], o: ChangePointOptions): ChangePoint[] {
  const points = [...found].sort((a, b) => a - b)
  for (;;) {
    const tested = points.map((index, k) => {
      const from = k === 0 ? 0 : points[k - 1]
      const to = k === points.length - 1 ? x.length : points[k + 1]
      const t = welchTest(x, from, index, index, to)
      return { index, before: t.meanA, after: t.meanB, relative: magnitude(t.meanA, t.meanB), pValue: t.p, ok: passes(t.meanA, t.meanB, t.p, o) }
    })
    const failing = tested.filter((t) => !t.ok)
    if (!failing.length) return tested.map(({ ok: _, ...c }) => c)
    const weakest = failing.reduce((w, t) => (t.pValue > w.pValue ? t : w))
    points.splice(points.indexOf(weakest.index), 1)
  }
}

/** Level shifts in a series ordered oldest first; deterministic (same series → same answer). */
export function detectChangePoints(values: ArrayLike<number>, options: Partial<ChangePointOptions> = {}): ChangePoint[] {
  const o = { ...CHANGE_POINT_DEFAULTS, ...options }
  if (!(o.significance > 0 && o.significance < 1) || !(o.minMagnitude >= 0) || !(Number.isInteger(o.minSegment) && o.minSegment >= 2)) {
    throw new RangeError('change points: significance must be in (0, 1), minMagnitude ≥ 0, minSegment an integer ≥ 2')
  }
  const found: number[] = []
  candidates(values, 0, values.length, o, found)
  return prune(values, found, o)
}

/** A change point located in commit terms: where the new level starts. */
export interface SeriesChange extends ChangePoint {
  commit: string | null
  date: string
}

/** Change points of a metric's series (points oldest first). */
export function seriesChanges(
  points: readonly { commit: string | null; date: string; value: number }[],
  options: Partial<ChangePointOptions> = {}
): SeriesChange[] {
  return detectChangePoints(
    points.map((p) => p.value),
    options
  ).map((c) => ({ commit: points[c.index].commit, date: points[c.index].date, ...c }))
}

export interface MetricChange extends SeriesChange {
  id: string
}

/**
 * Change points that the entry of `commit` confirms: found in each metric's series with it, not without it. A
 * change needs minSegment points on its new level, so a shift is named at the commit where it started, a few
 * commits after it happened.
 */
export function changesConfirmedBy(series: readonly MetricSeries[], commit: string | null, options: Partial<ChangePointOptions> = {}): MetricChange[] {
  const confirmed: MetricChange[] = []
  for (const s of series) {
    const last = s.points.at(-1)
    if (!last || last.commit !== commit) continue
    const before = new Set(seriesChanges(s.points.slice(0, -1), options).map((c) => c.commit))
    for (const c of seriesChanges(s.points, options)) if (!before.has(c.commit)) confirmed.push({ id: s.id, ...c })
  }
  return confirmed
}
