import { describe, expect, it } from 'vitest'
import { binomialHalfCdf, mcnemarExact } from '../../src/stats/index.js'

describe('binomialHalfCdf edges', () => {
  it('is 0 below the support', () => {
    expect(binomialHalfCdf(-1, 4)).toBe(0)
    expect(binomialHalfCdf(-3, 10)).toBe(0)
  })

  it('is 1 at and above the top of the support', () => {
    expect(binomialHalfCdf(4, 4)).toBe(1)
    expect(binomialHalfCdf(9, 4)).toBe(1)
    expect(binomialHalfCdf(0, 0)).toBe(1)
  })

  it('stays accurate far above the mean of a long sequence, where C(n, k) / 2^n underflows', () => {
    // P(X <= n - 1) = 1 - 2^-n, which is 1 in double precision for n = 2000
    expect(binomialHalfCdf(1999, 2000)).toBe(1)
    // P(X <= 1998) = 1 - (1 + 2000) / 2^2000, also 1 in double precision
    expect(binomialHalfCdf(1998, 2000)).toBe(1)
  })
})

describe('mcnemarExact edges', () => {
  it('gives a two-sided p of 1 when worse equals better, however many pairs', () => {
    // scipy.stats.binomtest(w, 2 * w, 0.5).pvalue = 1.0 for w = 1, 7, 50000
    for (const w of [1, 7, 50_000]) expect(mcnemarExact(w, w).pTwoSided).toBe(1)
  })

  it('gives pWorse 1 for one worsening among 2000 discordant pairs', () => {
    // scipy.stats.binomtest(1, 2000, 0.5, alternative='greater').pvalue = 1 - 2^-2000 -> 1.0
    expect(mcnemarExact(1, 1999).pWorse).toBe(1)
  })
})
