/** Numeric helpers of the robustness, circuits and SAE families: norms, AUC with cached order, row subsets (ranks and correlations live in math.ts). */

/** ‖a‖₂; NaN when a holds a NaN. */
export function l2Norm(a: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * a[i]
  return Math.sqrt(s)
}

/** ‖a − b‖₂ over equally long vectors; NaN when either holds a NaN. */
export function l2Distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i]
    s += d * d
  }
  return Math.sqrt(s)
}

/** All row indices 0..n−1 when `indices` is omitted. */
export function rowIndices(n: number, indices?: ArrayLike<number>): ArrayLike<number> {
  return indices ?? Array.from({ length: n }, (_, i) => i)
}

/**
 * Means of several columns over the rows `indices` where every column is finite (a row with a NaN is dropped from
 * all means alike, so ratios of means stay paired). Returns the means and the number of rows used.
 */
export function pairedMeans(columns: readonly Float64Array[], indices?: ArrayLike<number>): { means: number[]; n: number } {
  const rowsAt = rowIndices(columns[0].length, indices)
  const sums = new Float64Array(columns.length)
  let n = 0
  rows: for (let k = 0; k < rowsAt.length; k++) {
    const i = rowsAt[k]
    for (let c = 0; c < columns.length; c++) if (!Number.isFinite(columns[c][i])) continue rows
    for (let c = 0; c < columns.length; c++) sums[c] += columns[c][i]
    n++
  }
  return { means: Array.from(sums, (s) => (n === 0 ? NaN : s / n)), n }
}

type TieGroups = { order: Int32Array; starts: Int32Array }

/** Scored rows sorted ascending, cut into groups of tied values; cached because every bootstrap resample reuses it. */
const tieGroupCache = new WeakMap<Float64Array, Map<(v: number) => boolean, TieGroups>>()

function tieGroups(scores: Float64Array, scored: (v: number) => boolean): TieGroups {
  const byRule = tieGroupCache.get(scores) ?? new Map<(v: number) => boolean, TieGroups>()
  tieGroupCache.set(scores, byRule)
  const cached = byRule.get(scored)
  if (cached) return cached
  const finite: number[] = []
  for (let i = 0; i < scores.length; i++) if (scored(scores[i])) finite.push(i)
  finite.sort((i, j) => scores[i] - scores[j] || i - j)
  const starts: number[] = []
  for (let k = 0; k < finite.length; k++) if (k === 0 || scores[finite[k]] !== scores[finite[k - 1]]) starts.push(k)
  starts.push(finite.length)
  const groups = { order: Int32Array.from(finite), starts: Int32Array.from(starts) }
  byRule.set(scored, groups)
  return groups
}

/** Rows whose score is not NaN (±∞ still order): the auroc metric's rule. */
export const notNaN = (v: number) => !Number.isNaN(v)

/**
 * ROC AUC as the Mann–Whitney U statistic over the rows `indices` (a multiset) with a scored value (finite by default)
 * and a 0/1 label: U / (n₁·n₀), a tied positive–negative pair counting ½. One pass over the tie groups sorted once,
 * so a bootstrap resample costs O(rows). NaN when the rows hold only one class.
 */
export function mannWhitneyAuc(
  scores: Float64Array,
  positive: ArrayLike<number>,
  indices?: ArrayLike<number>,
  scored: (v: number) => boolean = Number.isFinite
): number {
  const { order, starts } = tieGroups(scores, scored)
  let weight: Float64Array | undefined
  if (indices) {
    weight = new Float64Array(scores.length)
    for (let k = 0; k < indices.length; k++) weight[indices[k]]++
  }
  let u = 0
  let negativesBelow = 0
  let n1 = 0
  let n0 = 0
  for (let g = 0; g + 1 < starts.length; g++) {
    let pos = 0
    let neg = 0
    for (let k = starts[g]; k < starts[g + 1]; k++) {
      const i = order[k]
      const w = weight ? weight[i] : 1
      if (positive[i] === 1) pos += w
      else if (positive[i] === 0) neg += w
    }
    u += pos * (negativesBelow + neg / 2)
    negativesBelow += neg
    n1 += pos
    n0 += neg
  }
  return n1 === 0 || n0 === 0 ? NaN : u / (n1 * n0)
}

/** Trapezoid rule Σ (xₖ₊₁ − xₖ)·(yₖ + yₖ₊₁)/2 over the points as given. */
export function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let area = 0
  for (let k = 0; k + 1 < x.length; k++) area += ((x[k + 1] - x[k]) * (y[k] + y[k + 1])) / 2
  return area
}
