/** The standard normal distribution, to double precision, for comparisons from summary statistics. */

const SQRT_PI = Math.sqrt(Math.PI)

/** erfc(x) for x ≥ 0: a positive-term series for erf below 1.5 (erfc ≥ 0.03, little cancellation), Lentz's continued fraction above. */
function erfcPositive(x: number): number {
  if (x < 1.5) {
    // erf(x) = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
    let term = x
    let sum = x
    // Below 1.5 each term is at most 4.5/(2n + 1) of the one before: under 1e-17 of the sum within 30 terms.
    for (let n = 1; term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1)
      sum += term
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  // Every partial numerator is positive, so c and d stay ≥ x > 0: Lentz's guard against a zero denominator is not needed.
  let f = x
  let c = x
  let d = 0
  for (let k = 1; k < 500; k++) {
    const a = k / 2
    d = 1 / (x + a * d)
    c = x + a / c
    const delta = c * d
    f *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return Math.exp(-x * x) / (SQRT_PI * f)
}

/** Φ(z), the standard normal CDF. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN
  const x = Math.abs(z) / Math.SQRT2
  const tail = 0.5 * erfcPositive(x)
  return z < 0 ? tail : 1 - tail
}

/** Φ⁻¹(p) by bisection on Φ: slow next to a rational approximation, exact to the last bit, and called once per row. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN
  // Search in the lower tail, where Φ has full relative precision; 1 − p is exact for p > 0.5.
  if (p > 0.5) return -normalQuantile(1 - p)
  let lo = -40
  let hi = 40
  // Halving [−40, 40] reaches two adjacent doubles (the break) within about 120 steps for any p in (0, ½].
  for (;;) {
    const mid = (lo + hi) / 2
    if (mid === lo || mid === hi) break
    if (normalCdf(mid) < p) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
