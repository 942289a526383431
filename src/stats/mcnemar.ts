/** x · 2^e for integer e, applied in steps so the power of two itself never overflows or underflows. */
function scale2(x: number, e: number): number {
  let out = x
  let rest = e
  while (rest !== 0) {
    const step = Math.max(-1000, Math.min(1000, rest))
    out *= 2 ** step
    rest -= step
  }
  return out
}

/**
 * P(X <= k) for X ~ Binomial(n, 1/2). The largest term C(n, k) / 2^n is built as a product of ratios with
 * the binary exponent tracked apart (one rounding per factor, unlike a sum of large logarithms), then the
 * tail is summed downwards from it.
 */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0
  // sum the lower tail only: above the mean its complement is the shorter, accurate side (and k >= n gives 1 - 0)
  if (k > n / 2) return 1 - binomialHalfCdf(n - k - 1, n)
  let mantissa = 1
  let exponent = -n
  for (let i = 1; i <= k; i++) {
    mantissa *= (n - i + 1) / i
    if (mantissa > 2 ** 500) {
      mantissa *= 2 ** -500
      exponent += 500
    }
  }
  let term = scale2(mantissa, exponent)
  let sum = 0
  // the factor at i = 0 is 0, so the sum ends there at the latest
  for (let i = k; term > 0; i--) {
    sum += term
    term *= i / (n - i + 1)
  }
  return Math.min(1, sum)
}

export interface McNemarResult {
  /** Discordant pairs in each direction: examples where head is worse / better than base. */
  worse: number
  better: number
  /** Two-sided exact p (scipy.stats.binomtest(worse, worse + better, 0.5).pvalue); 1 with no discordant pairs. */
  pTwoSided: number
  /** One-sided p that head is worse: binomtest(worse, worse + better, 0.5, alternative='greater'). */
  pWorse: number
}

/**
 * McNemar's exact test for paired 0/1 outcomes: under no change each discordant pair is equally likely to
 * go either way, so the number of worsenings among them is Binomial(worse + better, 1/2).
 */
export function mcnemarExact(worse: number, better: number): McNemarResult {
  const n = worse + better
  // P(X >= worse) = P(X <= n − worse) by symmetry, which keeps tiny p-values accurate
  const pWorse = binomialHalfCdf(n - worse, n)
  // Binomial(n, 1/2) is symmetric, so scipy's "outcomes no more likely than observed" is both equal tails; with
  // worse = better the two tails share the middle term, sum past 1, and the cap gives p = 1
  const pTwoSided = Math.min(1, 2 * binomialHalfCdf(Math.min(worse, better), n))
  return { worse, better, pTwoSided, pWorse }
}
