import type { Direction } from '../domain/policy.js'

/** One metric's result for one run, as the metric layer produces it. */
export interface Sample {
  /** The aggregate: mean of the finite scores, or aggregate(columns). */
  value: number
  /** Per-example scores; NaN marks an excluded example. */
  scores?: Float64Array
  /** Per-example columns of a non-decomposable metric (AUROC, ratio of means). */
  columns?: Record<string, Float64Array>
  /** Example ids, parallel to scores / columns. */
  ids?: string[]
}

/** Recomputes a non-decomposable metric on the rows `indices` (all rows when omitted). */
export type Aggregate = (columns: Record<string, Float64Array>, indices?: ArrayLike<number>) => number

/** How a CI was computed: percentile bootstrap, or the normal approximation above the resampling budget (large-sample.ts). */
type CiMethod = 'bootstrap' | 'normal'

export interface Interval {
  level: number
  low: number
  high: number
  method?: CiMethod
}

export interface BootstrapOptions {
  /** Number of bootstrap resamples (and Monte Carlo permutations). */
  resamples: number
  /** Two-sided confidence level in (0, 1), e.g. 0.95. */
  confidence: number
  seed: number
}

export interface CompareOptions extends BootstrapOptions {
  direction: Direction
  /** Per-example 0/1 outcomes: the paired test is McNemar's exact test. */
  binary?: boolean
  /** Given with `columns`: the comparison recomputes this on each arm instead of averaging scores. */
  aggregate?: Aggregate
}

/**
 * Which test produced pValue / pWorse.
 * sign-flip: permutation test on per-example differences (exact over all 2^n flips when n <= 20).
 * mcnemar: exact binomial test on discordant pairs. swap: permutation swapping base/head per example,
 * recomputing the aggregate. pooled: permutation of the pooled examples of two unpaired runs. sign-flip-normal and
 * welch-normal: the normal approximations used above the resampling budget (large-sample.ts).
 */
export type TestName =
  | 'sign-flip-exact'
  | 'sign-flip-monte-carlo'
  | 'sign-flip-normal'
  | 'mcnemar-exact'
  | 'swap-exact'
  | 'swap-monte-carlo'
  | 'pooled-permutation-monte-carlo'
  | 'welch-normal'

export interface ExampleChange {
  id: string
  base: number
  head: number
  /** head − base */
  delta: number
}

interface ComparisonCommon {
  /** Aggregate of the base run over the compared rows. */
  baseValue: number
  /** Aggregate of the head run over the compared rows. */
  headValue: number
  /** headValue − baseValue */
  delta: number
  /** CI of delta (percentile bootstrap, or normal above the resampling budget: see method); null when it cannot be computed. */
  ci: Interval | null
  /** Two-sided p-value of "no difference"; null when no test applies. */
  pValue: number | null
  /** One-sided p-value of "head is worse than base" in the metric's bad direction. */
  pWorse: number | null
  test: TestName | null
}

export interface PairedComparison extends ComparisonCommon {
  paired: true
  pairedBy: 'ids' | 'position'
  /** Number of compared pairs (both sides finite). */
  n: number
  /** Pairs present on both sides but dropped because either side is NaN. */
  dropped: number
  /** Per-example counts (null for non-decomposable metrics, which have no per-example score). */
  worse: number | null
  better: number | null
  unchanged: number | null
  /** Ids only in the base run / only in the head run (empty when paired by position). */
  onlyBase: string[]
  onlyHead: string[]
  /** The 5 largest per-example worsenings, worst first. */
  topWorse: ExampleChange[]
}

export interface UnpairedComparison extends ComparisonCommon {
  paired: false
  /** Examples used on each side (finite scores or rows); 0 when the side only has a value. */
  nBase: number
  nHead: number
  /** Why the runs could not be paired, in one sentence. */
  reason: string
}

export type SampleComparison = PairedComparison | UnpairedComparison
