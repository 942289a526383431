/**
 * Quantile of an ascending-sorted array, numpy's default method ('linear', Hyndman & Fan type 7),
 * with numpy's own interpolation arithmetic so results agree bit for bit.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0 || !(q >= 0 && q <= 1)) return NaN
  const virtual = (n - 1) * q
  const prev = Math.floor(virtual)
  const next = Math.min(prev + 1, n - 1)
  const gamma = virtual - prev
  const a = sorted[prev]
  const b = sorted[next]
  const diff = b - a
  // numpy's _lerp interpolates from the nearer end, which keeps the result within [a, b]
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma
}

/** The finite values of `values`, in order. */
export function finiteValues(values: ArrayLike<number>): Float64Array {
  let count = 0
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) count++
  const out = new Float64Array(count)
  let k = 0
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[k++] = values[i]
  return out
}

/** The finite values of `values`, sorted ascending. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  return finiteValues(values).sort()
}
