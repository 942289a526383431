import { quantileSorted, sortedFinite } from './quantile.js'

export interface IqrFence {
  q1: number
  q3: number
  /** q1 − 1.5 · IQR */
  low: number
  /** q3 + 1.5 · IQR */
  high: number
}

/** Fewer values than this give no fence: the quartiles of 4 points say little about what is unusual. */
export const IQR_MIN_HISTORY = 5

/**
 * Tukey's fence over a metric's past values (numpy's default linear quartiles); a new value outside
 * [low, high] is unusual for this metric. Non-finite history entries are ignored; null with < 5 values.
 */
export function iqrFence(history: readonly number[]): IqrFence | null {
  const sorted = sortedFinite(history)
  if (sorted.length < IQR_MIN_HISTORY) return null
  const q1 = quantileSorted(sorted, 0.25)
  const q3 = quantileSorted(sorted, 0.75)
  const iqr = q3 - q1
  return { q1, q3, low: q1 - 1.5 * iqr, high: q3 + 1.5 * iqr }
}
