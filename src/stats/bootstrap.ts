import { finiteValues, quantileSorted, sortedFinite } from './quantile.js'
import { createRng, type Rng } from './rng.js'
import type { Aggregate, BootstrapOptions, Interval, Sample } from './stat-types.js'

/** Throws on options no caller should pass (the config schema validates user input first). */
export function checkBootstrapOptions(opts: BootstrapOptions): void {
  if (!(Number.isInteger(opts.resamples) && opts.resamples >= 1)) {
    throw new RangeError(`resamples must be an integer >= 1, got ${opts.resamples}`)
  }
  if (!(opts.confidence > 0 && opts.confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${opts.confidence}`)
  }
}

/** Percentile interval of bootstrap statistics; non-finite statistics (undefined on a resample) are ignored. */
export function percentileInterval(stats: ArrayLike<number>, confidence: number): Interval {
  const sorted = sortedFinite(stats)
  const tail = (1 - confidence) / 2
  return { level: confidence, low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) }
}

/** Bootstrap distribution of the mean of `x` (all finite): `resamples` means, no allocation per resample. */
export function meanBootstrapStats(x: Float64Array, resamples: number, rng: Rng): Float64Array {
  const n = x.length
  const stats = new Float64Array(resamples)
  for (let r = 0; r < resamples; r++) stats[r] = rng.sumOfDraws(x) / n
  return stats
}

/** Bootstrap distribution of `statistic` on `resamples` index resamples of 0..n-1 (the index buffer is reused). */
export function indexBootstrapStats(n: number, resamples: number, rng: Rng, statistic: (indices: Int32Array) => number): Float64Array {
  const stats = new Float64Array(resamples)
  const indices = new Int32Array(n)
  for (let r = 0; r < resamples; r++) {
    rng.fillInt(n, indices)
    stats[r] = statistic(indices)
  }
  return stats
}

function degenerate(value: number, level: number): Interval {
  return { level, low: value, high: value }
}

/** Percentile bootstrap CI of the mean of the finite scores. n = 0 gives NaN bounds, n = 1 gives [mean, mean]. */
export function bootstrapMeanCI(scores: ArrayLike<number>, opts: BootstrapOptions): Interval {
  checkBootstrapOptions(opts)
  const x = finiteValues(scores)
  if (x.length <= 1) return degenerate(x.length === 0 ? NaN : x[0], opts.confidence)
  return percentileInterval(meanBootstrapStats(x, opts.resamples, createRng(opts.seed)), opts.confidence)
}

/**
 * Percentile bootstrap CI of any statistic of n rows, given as a function of row indices
 * (must not keep the buffer). n = 0 gives NaN bounds, n = 1 gives [statistic, statistic].
 */
export function bootstrapCI(n: number, statistic: (indices: Int32Array) => number, opts: BootstrapOptions): Interval {
  checkBootstrapOptions(opts)
  if (n === 0) return degenerate(NaN, opts.confidence)
  if (n === 1) return degenerate(statistic(Int32Array.of(0)), opts.confidence)
  return percentileInterval(indexBootstrapStats(n, opts.resamples, createRng(opts.seed), statistic), opts.confidence)
}

/** Number of rows of a column set (all columns must have the same length). */
export function columnRows(columns: Record<string, Float64Array>): number {
  const lengths = new Set(Object.values(columns).map((c) => c.length))
  if (lengths.size > 1) throw new RangeError(`columns have different lengths: ${[...lengths].join(', ')}`)
  return lengths.size === 0 ? 0 : [...lengths][0]
}

/** Percentile bootstrap CI of a non-decomposable metric: `aggregate` recomputed on resampled rows of `columns`. */
export function bootstrapColumnsCI(columns: Record<string, Float64Array>, aggregate: Aggregate, opts: BootstrapOptions): Interval {
  return bootstrapCI(columnRows(columns), (idx) => aggregate(columns, idx), opts)
}

/**
 * CI of one run's value: bootstrap of `aggregate` over the columns when both are given, else of the mean
 * of the finite scores; null when the sample has no per-example data.
 */
export function sampleCI(sample: Sample, opts: BootstrapOptions & { aggregate?: Aggregate }): Interval | null {
  const { aggregate } = opts
  if (aggregate && sample.columns) {
    return bootstrapColumnsCI(sample.columns, aggregate, opts)
  }
  if (sample.scores) return bootstrapMeanCI(sample.scores, opts)
  return null
}
