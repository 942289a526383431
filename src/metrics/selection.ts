/** Row kernels that select instead of sorting: the k largest magnitudes of a row in O(F) expected time. */

let scratch = new Float64Array(0)

/**
 * Sum of the k largest values of a[0, m) (k ≤ m), by quickselect with a three-way partition (ties, such as the many
 * equal values of a quantised map, end a round instead of slowing it); reorders a. Expected O(m), like np.partition.
 */
export function sumOfLargest(a: Float64Array, m: number, k: number): number {
  if (k <= 0) return 0
  const target = k - 1
  let lo = 0
  let hi = m - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const x = a[lo]
    const y = a[mid]
    const z = a[hi]
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y
    // [lo, lt) > pivot, [lt, i) = pivot, (gt, hi] < pivot: descending order around the pivot.
    let lt = lo
    let i = lo
    let gt = hi
    while (i <= gt) {
      const v = a[i]
      if (v > pivot) {
        a[i++] = a[lt]
        a[lt++] = v
      } else if (v < pivot) {
        a[i] = a[gt]
        a[gt--] = v
      } else i++
    }
    if (target < lt) hi = lt - 1
    else if (target > gt) lo = gt + 1
    else break
  }
  // Every value before the final window is larger than every value in it, so a[0, k) holds the k largest.
  let s = 0
  for (let j = 0; j < k; j++) s += a[j]
  return s
}

/** Share of Σ|a| held by the k largest |a| of a row; NaN for a NaN or an all-zero row. Zeros are never selected before a non-zero. */
export function topKMassOfRow(values: ArrayLike<number>, k: number): number {
  const f = values.length
  if (scratch.length < f) scratch = new Float64Array(f)
  // Only non-zero magnitudes can be among the largest ones ahead of a zero; they are often a small part of the row.
  let m = 0
  let total = 0
  for (let j = 0; j < f; j++) {
    const v = Math.abs(values[j])
    scratch[m] = v
    m += ((v !== 0) as unknown as number) | 0
    total += v
  }
  if (Number.isNaN(total) || total === 0) return NaN
  const top = k >= m ? total : sumOfLargest(scratch, m, k)
  return top / total
}

/**
 * Shannon entropy (nats) of p = |a| / Σ|a| in one pass: H = ln T − (Σ |a|·ln |a|) / T with T = Σ|a|, the same
 * quantity as −Σ p·ln p (0·ln 0 = 0). Rounding error is about (ln T + |ln min |a||)·F·2⁻⁵³ absolute, below 1e-12 for
 * image-sized rows of magnitudes within a few decades of 1. NaN for a NaN or an all-zero row.
 */
export function magnitudeEntropyOnePass(values: ArrayLike<number>): number {
  let total = 0
  let weighted = 0
  let nonzero = 0
  for (let j = 0; j < values.length; j++) {
    const v = Math.abs(values[j])
    total += v
    if (v > 0) {
      weighted += v * Math.log(v)
      nonzero++
    }
  }
  if (Number.isNaN(total) || total === 0) return NaN
  // One non-zero feature is a point mass: exactly 0, where the two logarithms would leave a rounding residue.
  return nonzero === 1 ? 0 : Math.log(total) - weighted / total
}
