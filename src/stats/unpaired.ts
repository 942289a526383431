import { checkBootstrapOptions, columnRows, indexBootstrapStats, meanBootstrapStats, percentileInterval } from './bootstrap.js'
import { pairSamples } from './pairing.js'
import { overResampleBudget } from './large-sample.js'
import { pooledAggregateTest, pooledMeanTest, type PermutationResult } from './permutation.js'
import { finiteValues } from './quantile.js'
import { createRng, type Rng } from './rng.js'
import { worseTail } from './tail.js'
import type { Aggregate, CompareOptions, Interval, Sample, UnpairedComparison } from './stat-types.js'
import { compareSummaries } from './summary.js'

interface Side {
  n: number
  value: number
  /** Bootstrap distribution of the side's aggregate. */
  bootstrap(rng: Rng): Float64Array
}

function meanSide(scores: Float64Array, resamples: number): Side {
  const x = finiteValues(scores)
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i]
  return { n: x.length, value: s / x.length, bootstrap: (rng) => meanBootstrapStats(x, resamples, rng) }
}

function aggregateSide(columns: Record<string, Float64Array>, aggregate: Aggregate, resamples: number): Side {
  const n = columnRows(columns)
  const all = Int32Array.from({ length: n }, (_, i) => i)
  return {
    n,
    value: aggregate(columns, all),
    bootstrap: (rng) => indexBootstrapStats(n, resamples, rng, (idx) => aggregate(columns, idx))
  }
}

/** Base rows then head rows, for a permutation of the pooled examples. */
function concatColumns(a: Record<string, Float64Array>, b: Record<string, Float64Array>): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {}
  for (const key of Object.keys(a).sort()) {
    const col = new Float64Array(a[key].length + b[key].length)
    col.set(a[key])
    col.set(b[key], a[key].length)
    out[key] = col
  }
  return out
}

/**
 * Compares two runs whose examples cannot be paired: CI of the difference from independent bootstraps of
 * each run (separate random streams), p-values from a permutation test of the pooled examples. A run without
 * per-example data gives the difference of the values only, with null CI and p-values. `reason` defaults to
 * why pairSamples could not pair the runs.
 */
export function compareUnpaired(base: Sample, head: Sample, opts: CompareOptions, reason?: string): UnpairedComparison {
  checkBootstrapOptions(opts)
  if (reason === undefined) {
    const pairing = pairSamples(base, head, opts)
    reason = pairing.ok ? 'an unpaired comparison was requested' : pairing.reason
  }
  const { aggregate, resamples } = opts
  const sameColumns = !!base.columns && !!head.columns && Object.keys(base.columns).sort().join(',') === Object.keys(head.columns).sort().join(',')
  let sides: [Side, Side] | null = null
  if (aggregate && sameColumns) {
    sides = [aggregateSide(base.columns!, aggregate, resamples), aggregateSide(head.columns!, aggregate, resamples)]
  } else if (base.scores && head.scores) {
    sides = [meanSide(base.scores, resamples), meanSide(head.scores, resamples)]
  }
  // no rows, or an aggregate undefined on a run's rows: only the values can be compared
  const usable = (side: Side) => side.n > 0 && Number.isFinite(side.value)
  if (!sides || !usable(sides[0]) || !usable(sides[1])) {
    return {
      paired: false,
      reason,
      nBase: sides?.[0].n ?? 0,
      nHead: sides?.[1].n ?? 0,
      baseValue: base.value,
      headValue: head.value,
      delta: head.value - base.value,
      ci: null,
      pValue: null,
      pWorse: null,
      test: null
    }
  }
  const [b, h] = sides
  if (!(aggregate && sameColumns) && overResampleBudget(b.n + h.n, resamples)) {
    const w = welchOfScores(base.scores!, head.scores!, opts)
    if (w) return { paired: false, reason, nBase: b.n, nHead: h.n, baseValue: b.value, headValue: h.value, delta: h.value - b.value, ...w }
  }
  const rng = createRng(opts.seed)
  // three independent streams: base resamples, head resamples, permutations
  const headRng = rng.fork()
  const testRng = headRng.fork()
  const bStats = b.bootstrap(rng)
  const hStats = h.bootstrap(headRng)
  const diff = Float64Array.from(hStats, (v, r) => v - bStats[r])
  const ci: Interval = { ...percentileInterval(diff, opts.confidence), method: 'bootstrap' }

  let t: PermutationResult
  if (aggregate && sameColumns) {
    t = pooledAggregateTest(concatColumns(base.columns!, head.columns!), b.n, h.n, aggregate, resamples, testRng)
  } else {
    t = pooledMeanTest(finiteValues(base.scores!), finiteValues(head.scores!), resamples, testRng)
  }
  return {
    paired: false,
    reason,
    nBase: b.n,
    nHead: h.n,
    baseValue: b.value,
    headValue: h.value,
    delta: h.value - b.value,
    ci,
    pValue: t.pTwoSided,
    pWorse: worseTail(opts.direction, t),
    test: 'pooled-permutation-monte-carlo'
  }
}

/** Above the resampling budget: Welch's normal approximation of the difference of means (null when both spreads are 0). */
function welchOfScores(base: Float64Array, head: Float64Array, opts: CompareOptions): Pick<UnpairedComparison, 'ci' | 'pValue' | 'pWorse' | 'test'> | null {
  const summary = (scores: Float64Array) => {
    const x = finiteValues(scores)
    let s = 0
    for (let i = 0; i < x.length; i++) s += x[i]
    const mean = s / x.length
    let ss = 0
    for (let i = 0; i < x.length; i++) ss += (x[i] - mean) ** 2
    return { n: x.length, mean, sd: Math.sqrt(ss / (x.length - 1)) }
  }
  const w = compareSummaries(summary(base), summary(head), opts)
  if (!w) return null
  return { ci: w.ci, pValue: w.pValue, pWorse: w.pWorse, test: 'welch-normal' }
}
