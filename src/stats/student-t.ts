/** Student's t distribution and Welch's two-sample t-test, for change points (Hunter's significance test). */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let a = c[0]
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += c[i] / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  d = Math.abs(d) < tiny ? 1 / tiny : 1 / d
  let f = d
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + num * d
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d
    c = 1 + num / c
    if (Math.abs(c) < tiny) c = tiny
    f *= d * c
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + num * d
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d
    c = 1 + num / c
    if (Math.abs(c) < tiny) c = tiny
    const delta = d * c
    f *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return f
}

/** I_x(a, b), the regularized incomplete beta function. */
function regularizedBeta(x: number, a: number, b: number): number {
  // x = 0 and x = 1 need no special case: ln 0 = −∞ makes `front` exactly 0, so I is exactly 0 and 1 there.
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b
}

/** P(|T| ≥ |t|) for T ~ Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN
  if (!Number.isFinite(t)) return 0
  return regularizedBeta(df / (df + t * t), df / 2, 0.5)
}

export interface WelchResult {
  t: number
  df: number
  /** Two-sided p of "equal means". */
  p: number
  meanA: number
  meanB: number
}

/** Mean and sample variance (divisor n − 1; 0 for fewer than two values) of x[from..to). */
export function meanVar(x: ArrayLike<number>, from: number, to: number): { mean: number; variance: number } {
  const n = to - from
  let s = 0
  for (let i = from; i < to; i++) s += x[i]
  const mean = s / n
  let ss = 0
  for (let i = from; i < to; i++) ss += (x[i] - mean) ** 2
  return { mean, variance: n > 1 ? ss / (n - 1) : 0 }
}

/**
 * Welch's unequal-variance t-test of x[aFrom, aTo) against x[bFrom, bTo), as scipy.stats.ttest_ind(equal_var=False).
 * Two constant samples: p = 0 when their means differ, 1 when equal (scipy says NaN; a step in a noise-free series is real).
 */
export function welchTest(x: ArrayLike<number>, aFrom: number, aTo: number, bFrom: number, bTo: number): WelchResult {
  const na = aTo - aFrom
  const nb = bTo - bFrom
  const a = meanVar(x, aFrom, aTo)
  const b = meanVar(x, bFrom, bTo)
  const va = a.variance / na
  const vb = b.variance / nb
  const se = Math.sqrt(va + vb)
  if (se === 0) {
    const differ = a.mean !== b.mean
    return { t: differ ? Math.sign(a.mean - b.mean) * Infinity : 0, df: na + nb - 2, p: differ ? 0 : 1, meanA: a.mean, meanB: b.mean }
  }
  const t = (a.mean - b.mean) / se
  const df = (va + vb) ** 2 / ((na > 1 ? va ** 2 / (na - 1) : 0) + (nb > 1 ? vb ** 2 / (nb - 1) : 0))
  return { t, df, p: studentTwoSidedP(t, df), meanA: a.mean, meanB: b.mean }
}
