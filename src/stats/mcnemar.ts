/** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n neither overflows nor underflows early. */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0
  if (k >= n) return 1
  // the tail below the mean is summed from its largest term down; above the mean use the complement
  if (k > n / 2) return 1 - binomialHalfCdf(n - k - 1, n)
  let logTerm = -n * Math.LN2
  for (let i = 1; i <= k; i++) logTerm += Math.log((n - i + 1) / i)
  let term = Math.exp(logTerm)
  let sum = 0
  for (let i = k; i >= 0 && term > 0; i--) {
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
  if (n === 0) return { worse, better, pTwoSided: 1, pWorse: 1 }
  // P(X >= worse) = P(X <= n − worse) by symmetry, which keeps tiny p-values accurate
  const pWorse = binomialHalfCdf(n - worse, n)
  // Binomial(n, 1/2) is symmetric, so scipy's "outcomes no more likely than observed" is both equal tails
  const pTwoSided = worse === better ? 1 : Math.min(1, 2 * binomialHalfCdf(Math.min(worse, better), n))
  return { worse, better, pTwoSided, pWorse }
}
