/**
 * Holm's step-down adjustment of a family of p-values (controls the family-wise error rate).
 * Adjusted p_(i) = max over j <= i of min(1, (m − j + 1) · p_(j)) in ascending order, m = number of usable
 * p-values; null or NaN entries are passed through and do not count towards m. Order of the input is kept.
 */
export function holm<P extends number | null>(pValues: readonly P[]): P[] {
  const usable: number[] = []
  pValues.forEach((p, i) => {
    if (p !== null && !Number.isNaN(p)) usable.push(i)
  })
  // Array.prototype.sort is stable: equal p-values keep input order, so the result does not depend on sort internals
  usable.sort((a, b) => (pValues[a] as number) - (pValues[b] as number))
  const out = pValues.slice()
  const m = usable.length
  let running = 0
  usable.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)))
    out[index] = running as P
  })
  return out
}
