import { type NDArray, row, rowSize, rows } from '../inputs/ndarray.js'

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

export function sum(values: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]
  return s
}

/** Mean of the finite values; NaN when there are none. */
export function finiteMean(values: ArrayLike<number>): number {
  let s = 0
  let n = 0
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      s += values[i]
      n++
    }
  }
  return n === 0 ? NaN : s / n
}

/** Trapezoid area of y sampled at equal steps over [0, 1] (RISE's auc): (Σy − (y₀ + y_K)/2) / K. */
export function unitTrapezoid(y: ArrayLike<number>): number {
  const k = y.length - 1
  return (sum(y) - (y[0] + y[k]) / 2) / k
}

export { rowSize }
