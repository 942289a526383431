/** An n-d array read from an artifact, held as float64 in C (row-major) order whatever the file stored. */
export interface NDArray {
  /** Values in C order; bool becomes 0/1, integers become the nearest float64. */
  data: Float64Array
  /** [] for a scalar; the product of the dimensions equals data.length. */
  shape: number[]
  /** The dtype the file stored, in numpy spelling ('float32', 'int64', 'bool', 'str', ...). */
  dtype: string
  /** Where it came from, as the user wrote it (e.g. "eval-out/ig.npz#curves"); used in messages. */
  source: string
  /** For string arrays (numpy 'U'/'S' dtypes, JSON/CSV text columns) the values; data is then NaN-filled. */
  strings?: string[]
  /** For 64-bit integer arrays holding values beyond ±2^53: every element as exact decimal text (data rounds them). */
  exact?: string[]
}

export function makeArray(data: Float64Array, shape: number[], dtype: string, source: string): NDArray {
  return { data, shape, dtype, source }
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`
}

/** Number of rows (first dimension); a scalar has none. */
export function rows(a: NDArray): number {
  return a.shape.length === 0 ? 0 : a.shape[0]
}

/** Elements per row: the product of all dimensions after the first (attributions [N,H,W] → H·W). */
export function rowSize(a: NDArray): number {
  let size = 1
  for (let i = 1; i < a.shape.length; i++) size *= a.shape[i]
  return size
}

/** A view of row i (no copy). */
export function row(a: NDArray, i: number): Float64Array {
  const size = rowSize(a)
  return a.data.subarray(i * size, (i + 1) * size)
}

/** Number of elements of a shape (1 for a scalar). */
export function product(shape: readonly number[]): number {
  let n = 1
  for (const d of shape) n *= d
  return n
}

/** A text array: `strings` holds the values and data is NaN-filled so numeric code never sees stale numbers. */
export function makeStrings(strings: string[], shape: number[], dtype: string, source: string): NDArray {
  return { data: new Float64Array(strings.length).fill(NaN), shape, dtype, source, strings }
}
