import { normalCdf, normalQuantile } from './normal.js'
import type { Direction } from '../domain/policy.js'
import type { Interval } from './stat-types.js'
import { worseTail } from './tail.js'

/** Sufficient statistics of a run's finite per-example scores (what results.json keeps above max-examples). */
export interface Summary {
  n: number
  mean: number
  sd: number
}

export interface SummaryComparison {
  delta: number
  ci: Interval
  pValue: number
  pWorse: number
}

/**
 * Unpaired comparison of two means from n, mean and sd alone: Welch's normal approximation,
 * Δ ± z·√(s_b²/n_b + s_h²/n_h). Used when per-example scores were left out; fine for the large n that causes that.
 * Null when a side has fewer than 2 examples or both spreads are 0.
 */
export function compareSummaries(base: Summary, head: Summary, opts: { confidence: number; direction: Direction }): SummaryComparison | null {
  if (base.n < 2 || head.n < 2) return null
  const se = Math.sqrt((base.sd * base.sd) / base.n + (head.sd * head.sd) / head.n)
  if (!(se > 0)) return null
  const delta = head.mean - base.mean
  const z = delta / se
  const half = normalQuantile(1 - (1 - opts.confidence) / 2) * se
  const pLess = normalCdf(z)
  const pGreater = normalCdf(-z)
  return {
    delta,
    ci: { level: opts.confidence, low: delta - half, high: delta + half, method: 'normal' },
    pValue: Math.min(1, 2 * Math.min(pLess, pGreater)),
    pWorse: worseTail(opts.direction, { pLess, pGreater })
  }
}
