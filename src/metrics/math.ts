import { z } from 'zod'
import { type NDArray, row, rowSize, rows } from '../domain/ndarray.js'
import { MetricInputError } from './definition.js'

/** Index of the largest value; the first one on ties, as numpy.argmax. NaN if the row holds a NaN. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) return NaN
    if (values[i] > values[best]) best = i
  }
  return best
}

/** Class ids from [N] ids or [N, C] scores (argmax per row). */
export function classIds(a: NDArray): Float64Array {
  if (a.shape.length === 1) return a.data
  const out = new Float64Array(rows(a))
  for (let i = 0; i < out.length; i++) out[i] = argmax(row(a, i))
  return out
}

/** Applies f to every row of a 2-d (or flattened n-d) array. */
export function perRow(a: NDArray, f: (values: Float64Array, i: number) => number): Float64Array {
  const n = rows(a)
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = f(row(a, i), i)
  return out
}

export function absolute(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = Math.abs(values[i])
  return out
}

function sum(values: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]
  return s
}

/** Mean of the finite values; NaN when there are none. */
export function finiteMean(values: ArrayLike<number>): number {
  let s = 0
  let n = 0
  let largest = 0
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      s += values[i]
      n++
      largest = Math.max(largest, Math.abs(values[i]))
    }
  }
  if (n === 0) return NaN
  if (Number.isFinite(s)) return s / n
  // The sum overflowed (ten values of 1e308): sum x / 2^e instead, exact for a power of two, then scale back.
  const scale = 2 ** Math.floor(Math.log2(largest))
  let scaled = 0
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) scaled += values[i] / scale
  return (scaled / n) * scale
}

/** Trapezoid area of y sampled at equal steps over [0, 1] (RISE's auc): (Σy − (y₀ + y_K)/2) / K. */
export function unitTrapezoid(y: ArrayLike<number>): number {
  const k = y.length - 1
  return (sum(y) - (y[0] + y[k]) / 2) / k
}

export { rowSize }

/** True when any value is NaN. */
export function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true
  return false
}

/** True when every value equals the first (an empty or one-element row is constant). */
export function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false
  return true
}

/** The `k` param of top-k metrics: a fraction of the features in (0, 1), or a whole count ≥ 1; default 0.1. */
export const kParam = z
  .number()
  .positive()
  .refine((k) => k < 1 || Number.isInteger(k), { message: 'k must be a fraction in (0, 1) or a whole number ≥ 1' })
  .default(0.1)
  .describe('how many features: a fraction of F in (0, 1), taken as ceil(k·F), or a whole count ≥ 1')

/**
 * How many of `total` items a k param selects: ceil(k·total) for 0 < k < 1, k itself for whole k ≥ 1.
 * k·total is rounded to 12 significant digits before the ceiling so 0.3·10 selects 3, not 4 (float round-off).
 * Throws MetricInputError when the count exceeds `total`.
 */
export function resolveK(k: number, total: number, what = 'features'): number {
  const count = k < 1 ? Math.ceil(Number((k * total).toPrecision(12))) : k
  if (count > total) throw new MetricInputError(`k = ${k} selects ${count} ${what} but there are only ${total}`)
  return count
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/**
 * Indices sorted by value, smallest first; ties keep the lower index first (numpy argsort(x, kind='stable')); −0 equals
 * +0; no NaN allowed. Long rows use an LSD radix sort on the IEEE-754 bits, so image-size rows sort in O(F).
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  return stableOrder(values, 1)
}

/** Indices sorted by value, largest first; ties keep the lower index first (numpy argsort(−x, kind='stable')). No NaN. */
export function descendingOrder(values: ArrayLike<number>): Uint32Array {
  return stableOrder(values, -1)
}

/** Stable argsort of sign·values (sign = 1 ascending, −1 descending). */
function stableOrder(values: ArrayLike<number>, sign: 1 | -1): Uint32Array {
  const n = values.length
  let order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  if (n <= 256) {
    return order.sort((i, j) => {
      const d = sign * values[i] - sign * values[j]
      return d < 0 ? -1 : d > 0 ? 1 : i - j
    })
  }
  const scaled = new Float64Array(n)
  for (let i = 0; i < n; i++) scaled[i] = values[i] === 0 ? 0 : sign * values[i]
  const bits = new Uint32Array(scaled.buffer)
  const [loWord, hiWord] = LITTLE_ENDIAN ? [0, 1] : [1, 0]
  // Sortable keys: negatives flip every bit, positives only the sign bit, so unsigned order is numeric order.
  const keys = new Uint32Array(2 * n)
  for (let i = 0; i < n; i++) {
    const lo = bits[2 * i + loWord]
    const hi = bits[2 * i + hiWord]
    const negative = hi >>> 31 === 1
    keys[2 * i] = negative ? ~lo >>> 0 : lo
    keys[2 * i + 1] = negative ? ~hi >>> 0 : (hi | 0x80000000) >>> 0
  }
  let next = new Uint32Array(n)
  const count = new Uint32Array(256)
  for (let pass = 0; pass < 8; pass++) {
    const word = pass >> 2
    const shift = (pass & 3) * 8
    count.fill(0)
    for (let i = 0; i < n; i++) count[(keys[2 * i + word] >>> shift) & 255]++
    if (count.includes(n)) continue // one digit for all: this pass would not move anything
    for (let d = 0, total = 0; d < 256; d++) {
      const c = count[d]
      count[d] = total
      total += c
    }
    for (let t = 0; t < n; t++) {
      const i = order[t]
      next[count[(keys[2 * i + word] >>> shift) & 255]++] = i
    }
    ;[order, next] = [next, order]
  }
  return order
}

/** Indices of the k largest values, largest first; ties go to the lower index. No NaN allowed. */
export function topKIndices(values: ArrayLike<number>, k: number): Uint32Array {
  return descendingOrder(values).subarray(0, k)
}

/** 1-based ranks, ties get the mean of their ranks (scipy.stats.rankdata method='average'). No NaN allowed. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = ascendingOrder(values)
  const ranks = new Float64Array(values.length)
  for (let start = 0; start < order.length; ) {
    let end = start + 1
    while (end < order.length && values[order[end]] === values[order[start]]) end++
    for (let t = start; t < end; t++) ranks[order[t]] = (start + 1 + end) / 2
    start = end
  }
  return ranks
}

/** 1-based ranks with ties sharing a rank and no gaps (scipy.stats.rankdata method='dense'). No NaN allowed. */
export function denseRanks(values: ArrayLike<number>): Float64Array {
  const order = ascendingOrder(values)
  const ranks = new Float64Array(values.length)
  let rank = 0
  for (let t = 0; t < order.length; t++) {
    if (t === 0 || values[order[t]] !== values[order[t - 1]]) rank++
    ranks[order[t]] = rank
  }
  return ranks
}

/** Pearson correlation; NaN when either vector holds a NaN or is constant (all values equal, checked exactly). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (hasNaN(x) || hasNaN(y) || isConstant(x) || isConstant(y)) return NaN
  const n = x.length
  const mx = sum(x) / n
  const my = sum(y) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx
    const dy = y[i] - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  // Clipped like scipy.stats.pearsonr: round-off can push |r| just past 1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)))
}

/** Spearman correlation: Pearson of average ranks (scipy.stats.spearmanr); NaN on a NaN or a constant vector. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (hasNaN(x) || hasNaN(y) || isConstant(x) || isConstant(y)) return NaN
  return pearson(averageRanks(x), averageRanks(y))
}

/**
 * ROC AUC of `scores` against 0/1 `positives` via Mann–Whitney: (R₁ − n₁(n₁+1)/2) / (n₁·n₀), R₁ the average-rank
 * sum of the positives, so tied scores count ½ (equals sklearn.metrics.roc_auc_score). NaN when a class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, positives: ArrayLike<number>): number {
  const ranks = averageRanks(scores)
  let n1 = 0
  let r1 = 0
  for (let i = 0; i < ranks.length; i++) {
    if (positives[i] === 1) {
      n1++
      r1 += ranks[i]
    }
  }
  const n0 = ranks.length - n1
  if (n1 === 0 || n0 === 0) return NaN
  return (r1 - (n1 * (n1 + 1)) / 2) / (n1 * n0)
}

/** Throws MetricInputError unless every value of `a` is 0 or 1 (or NaN, when `allowNaN`); names the first offender. */
export function checkZeroOne(a: NDArray, name: string, allowNaN = false): void {
  for (let i = 0; i < a.data.length; i++) {
    const v = a.data[i]
    if (v === 0 || v === 1 || (allowNaN && Number.isNaN(v))) continue
    throw new MetricInputError(`input "${name}" (${a.source}) must hold 0/1 (bool) values; element ${i} is ${v}`)
  }
}

/** The arrays one after another, in one new array. */
export function concatFloat64(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((k, a) => k + a.length, 0))
  let at = 0
  for (const a of arrays) {
    out.set(a, at)
    at += a.length
  }
  return out
}
