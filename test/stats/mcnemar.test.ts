import { describe, expect, it } from 'vitest'
import { binomialHalfCdf, comparePaired, mcnemarExact } from '../../src/stats/index.js'
import { f64, fixture } from './fixtures.js'

interface Case {
  worse: number
  better: number
  pTwoSided: number
  pWorse: number
}
const { counts, vectors } = fixture<{ counts: Case[]; vectors: Case & { base: number[]; head: number[] } }>('mcnemar.json')

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * expected + 1e-300)

describe('mcnemarExact', () => {
  it.each(counts.map((c) => [c.worse, c.better, c] as const))('equals scipy binomtest (worse %i, better %i)', (_, __, c) => {
    const m = mcnemarExact(c.worse, c.better)
    close(m.pTwoSided, c.pTwoSided)
    close(m.pWorse, c.pWorse)
  })

  it('gives p = 1 without discordant pairs', () => {
    expect(mcnemarExact(0, 0)).toEqual({ worse: 0, better: 0, pTwoSided: 1, pWorse: 1 })
  })

  it('matches hand-computed binomial tails', () => {
    // P(X <= 1), X ~ Bin(4, 1/2) = (1 + 4) / 16
    expect(binomialHalfCdf(1, 4)).toBeCloseTo(5 / 16, 15)
    // 3 worse of 3: one-sided 1/8, two-sided 2/8
    expect(mcnemarExact(3, 0).pWorse).toBeCloseTo(1 / 8, 15)
    expect(mcnemarExact(3, 0).pTwoSided).toBeCloseTo(1 / 4, 15)
  })
})

describe('comparePaired with binary scores', () => {
  it('counts discordant pairs and tests them with McNemar (direction higher)', () => {
    const r = comparePaired(
      { value: NaN, scores: f64(vectors.base) },
      { value: NaN, scores: f64(vectors.head) },
      {
        resamples: 500,
        confidence: 0.95,
        seed: 0,
        direction: 'higher',
        binary: true
      }
    )!
    expect(r.test).toBe('mcnemar-exact')
    expect([r.worse, r.better]).toEqual([vectors.worse, vectors.better])
    close(r.pValue!, vectors.pTwoSided)
    close(r.pWorse!, vectors.pWorse)
  })
})
