/** Per-example arrays travel in results.json as base64 of little-endian float64: compact and exact. */
export function encodeFloat64(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true)
  return Buffer.from(bytes).toString('base64')
}

export function decodeFloat64(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length % 8 !== 0) throw new Error('per-example data is not a whole number of float64 values')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
  const out = new Float64Array(bytes.length / 8)
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true)
  return out
}

/** JSON has no NaN or ±∞: results and comparisons carry null for a number that is not finite. */
export function finiteOrNull(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v
}

/** A confidence interval as results and comparisons store it: non-finite bounds become null; the method when known. */
export function jsonInterval(ci: { level: number; low: number; high: number; method?: 'bootstrap' | 'normal' }): {
  level: number
  low: number | null
  high: number | null
  method?: 'bootstrap' | 'normal'
} {
  return { level: ci.level, low: finiteOrNull(ci.low), high: finiteOrNull(ci.high), ...(ci.method ? { method: ci.method } : {}) }
}
