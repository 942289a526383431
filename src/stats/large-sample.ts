import { bootstrapMeanCI } from './bootstrap.js'
import { normalCdf, normalQuantile } from './normal.js'
import { finiteValues } from './quantile.js'
import type { BootstrapOptions, Interval } from './stat-types.js'

/**
 * Largest n × resamples for which a CI of a mean (or paired mean difference) and the sign-flip test resample:
 * about 0.15 s of draws on one core. Above it they use the normal approximation, whose cost grows like n only.
 * With the default 2,000 resamples the crossover is n = 10,000, where the bounds differ by at most about a tenth of
 * the half-width, mostly the bootstrap's own Monte Carlo noise (measured in docs/statistics.md, "Large samples").
 */
export const RESAMPLE_BUDGET = 20_000_000

export function overResampleBudget(n: number, resamples: number): boolean {
  return n * resamples > RESAMPLE_BUDGET
}

/** Mean and the plug-in variance (divisor n, the variance the bootstrap resamples) of finite values, in two passes. */
function meanAndPluginVariance(x: Float64Array): { mean: number; variance: number } {
  const n = x.length
  let s = 0
  for (let i = 0; i < n; i++) s += x[i]
  const mean = s / n
  let ss = 0
  for (let i = 0; i < n; i++) {
    const e = x[i] - mean
    ss += e * e
  }
  return { mean, variance: ss / n }
}

/**
 * Normal-approximation CI of the mean of finite values: x̄ ± z·σ̂/√n with the plug-in σ̂ (divisor n), the normal
 * limit of the percentile bootstrap of the mean.
 */
export function normalMeanCI(x: Float64Array, confidence: number): Interval {
  const n = x.length
  // No values: the mean and variance are 0/0, so both bounds are NaN.
  const { mean, variance } = meanAndPluginVariance(x)
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance / n)
  return { level: confidence, low: mean - half, high: mean + half, method: 'normal' }
}

/** CI of the mean of the finite scores: the percentile bootstrap within RESAMPLE_BUDGET, the normal approximation above it. */
export function meanCI(scores: ArrayLike<number>, opts: BootstrapOptions): Interval {
  const x = finiteValues(scores)
  if (x.length > 1 && overResampleBudget(x.length, opts.resamples)) return normalMeanCI(x, opts.confidence)
  return { ...bootstrapMeanCI(x, opts), method: 'bootstrap' }
}

/** p-values of the sign-flip test from its normal approximation. */
export interface SignFlipNormal {
  pLess: number
  pGreater: number
  pTwoSided: number
}

/**
 * Normal approximation of the sign-flip test of mean(d) = 0: under random signs Σd has mean 0 and variance Σd²,
 * so z = Σd / √Σd². All-zero differences give p = 1 on every side, as the exact test does.
 */
export function signFlipNormal(d: Float64Array): SignFlipNormal {
  let s = 0
  let ss = 0
  for (let i = 0; i < d.length; i++) {
    s += d[i]
    ss += d[i] * d[i]
  }
  if (!(ss > 0)) return { pLess: 1, pGreater: 1, pTwoSided: 1 }
  const z = s / Math.sqrt(ss)
  const pLess = normalCdf(z)
  const pGreater = normalCdf(-z)
  return { pLess, pGreater, pTwoSided: Math.min(1, 2 * Math.min(pLess, pGreater)) }
}
