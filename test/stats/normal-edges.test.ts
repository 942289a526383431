import { describe, expect, it } from 'vitest'
import { normalCdf, normalQuantile } from '../../src/stats/normal.js'

// Reference: scipy.stats.norm.cdf(z) (scipy 1.17), printed with repr in Python.
const SCIPY: [z: number, p: number][] = [
  [-2.5, 0.006209665325776132],
  [-3, 0.0013498980316300933],
  [-5, 2.866515718791933e-7],
  [-8, 6.22096057427174e-16],
  [-15, 3.6709661993126986e-51],
  [-30, 4.906713927147908e-198],
  [0.3, 0.6179114221889526],
  [1, 0.8413447460685429],
  [2, 0.9772498680518208]
]

describe('normalCdf in the tails', () => {
  it('keeps its relative precision deep in the lower tail, as scipy.stats.norm.cdf', () => {
    // e^(−z²/2) carries a relative rounding error of about z²/2 ulps, which no method of summing avoids.
    for (const [z, p] of SCIPY) expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(4e-16 * (8 + z * z))
  })

  it('is continuous where the series hands over to the continued fraction (|z| = 1.5·√2)', () => {
    // scipy.stats.norm.cdf(-1.5 * sqrt(2)) = 0.016947426762344623
    const z = -1.5 * Math.SQRT2
    for (const w of [z * (1 - 1e-15), z, z * (1 + 1e-15)]) expect(Math.abs(normalCdf(w) - 0.016947426762344623) / 0.016947426762344623).toBeLessThan(1e-13)
  })

  it('is ½ at 0 and NaN at NaN', () => {
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(-0)).toBe(0.5)
    expect(normalCdf(Number.NaN)).toBeNaN()
  })
})

describe('normalQuantile', () => {
  it('inverts scipy’s Φ in both tails to within a few ulps', () => {
    // scipy.stats.norm.ppf: p = 1e-10 → -6.361340902404056, p = 0.025 → -1.9599639845400545
    expect(Math.abs(normalQuantile(1e-10) + 6.361340902404056)).toBeLessThan(4e-15 * 6.4)
    expect(Math.abs(normalQuantile(0.025) + 1.9599639845400545)).toBeLessThan(4e-15 * 2)
    expect(Math.abs(normalQuantile(0.975) - 1.9599639845400545)).toBeLessThan(4e-15 * 2)
  })
})
