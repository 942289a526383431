import { checkBootstrapOptions, indexBootstrapStats, meanBootstrapStats, percentileInterval } from './bootstrap.js'
import { mcnemarExact } from './mcnemar.js'
import { pairSamples, type Pairing } from './pairing.js'
import { signFlipTest, swapTest } from './permutation.js'
import { normalMeanCI, overResampleBudget, signFlipNormal } from './large-sample.js'
import { createRng, type Rng } from './rng.js'
import { worseTail } from './tail.js'
import type { Aggregate, CompareOptions, ExampleChange, Interval, PairedComparison, Sample, TestName } from './stat-types.js'

/** How many of the worst per-example changes a comparison lists. */
const TOP_WORSE = 5

type PairedRows = Extract<Pairing, { ok: true }>

function idOf(sample: Sample, row: number): string {
  return sample.ids ? sample.ids[row] : String(row)
}

/** Sum in index order (a plain loop, so results do not depend on any library's summation). */
function sum(x: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i]
  return s
}

type TestOutcome = { pValue: number; pWorse: number; test: TestName }

/**
 * The tail every paired comparison shares: a CI of Δ (the point itself on one example, a percentile bootstrap on more)
 * and the paired test on its own random stream; nothing to test without a usable example. Above the resampling budget
 * (`normal`), the CI and the test take their normal limits, whose cost grows like n.
 */
function intervalAndTest(
  usable: number,
  delta: number,
  opts: CompareOptions,
  bootstrap: (rng: Rng) => Float64Array,
  runTest: (rng: Rng) => TestOutcome,
  normal?: { ci: () => Interval; test: () => TestOutcome }
): { ci: Interval | null; pValue: number | null; pWorse: number | null; test: TestName | null } {
  const rng = createRng(opts.seed)
  const testRng = rng.fork()
  if (usable === 0) return { ci: null, pValue: null, pWorse: null, test: null }
  let ci: Interval
  if (usable === 1) ci = { level: opts.confidence, low: delta, high: delta, method: 'bootstrap' }
  else if (normal) ci = normal.ci()
  else ci = { ...percentileInterval(bootstrap(rng), opts.confidence), method: 'bootstrap' }
  return { ci, ...(normal ? normal.test() : runTest(testRng)) }
}

function scoresComparison(base: Sample, head: Sample, pairing: PairedRows, opts: CompareOptions): PairedComparison {
  const bs = base.scores as Float64Array
  const hs = head.scores as Float64Array
  const { baseRows, headRows } = pairing
  const pairs = baseRows.length
  const finite = (k: number) => Number.isFinite(bs[baseRows[k]]) && Number.isFinite(hs[headRows[k]])
  let n = 0
  for (let k = 0; k < pairs; k++) if (finite(k)) n++
  // Paired by position (row k with row k of every row) and every pair finite, the usual large run: the runs' own
  // arrays, no copies of them.
  let kept: Int32Array | null = null
  let b = bs
  let h = hs
  if (!(pairing.by === 'position' && n === pairs)) {
    kept = new Int32Array(n)
    for (let k = 0, i = 0; k < pairs; k++) if (finite(k)) kept[i++] = k
    b = new Float64Array(n)
    h = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      b[i] = bs[baseRows[kept[i]]]
      h[i] = hs[headRows[kept[i]]]
    }
  }
  const d = new Float64Array(n)
  for (let i = 0; i < n; i++) d[i] = h[i] - b[i]
  const baseValue = n ? sum(b) / n : NaN
  const headValue = n ? sum(h) / n : NaN
  const delta = headValue - baseValue
  const bad = opts.direction === 'higher' ? -1 : 1
  let worse = 0
  let better = 0
  // The TOP_WORSE largest worsenings, largest first, equal ones in base order: kept in place, never all sorted.
  const top: number[] = []
  for (let i = 0; i < n; i++) {
    const key = bad * d[i]
    if (key > 0) {
      worse++
      // Most worsenings of a large run are not among the largest few: one comparison, no splice. (Removing this
      // changes no result, only the time: Stryker's mutant of it is equivalent.)
      if (top.length === TOP_WORSE && key <= bad * d[top[TOP_WORSE - 1]]) continue
      let at = top.length
      while (at > 0 && key > bad * d[top[at - 1]]) at--
      top.splice(at, 0, i)
      if (top.length > TOP_WORSE) top.pop()
    } else if (key < 0) better++
  }
  const worsened: ExampleChange[] = top.map((i) => ({ id: idOf(base, kept ? baseRows[kept[i]] : i), base: b[i], head: h[i], delta: d[i] }))

  // on 0/1 scores the sign test of worse vs better is McNemar's exact test, already one-sided towards worse
  const mcnemar = (): TestOutcome => {
    const m = mcnemarExact(worse, better)
    return { pValue: m.pTwoSided, pWorse: m.pWorse, test: 'mcnemar-exact' }
  }
  // Above the budget the bootstrap and the sign-flip test take their normal limits, whose cost grows like n.
  const normal = overResampleBudget(n, opts.resamples)
    ? {
        ci: () => normalMeanCI(d, opts.confidence),
        test: (): TestOutcome => {
          if (opts.binary) return mcnemar()
          const t = signFlipNormal(d)
          return { pValue: t.pTwoSided, pWorse: worseTail(opts.direction, t), test: 'sign-flip-normal' }
        }
      }
    : undefined
  // mean(head[idx]) − mean(base[idx]) is mean(d[idx]): one draw of indices serves both arms
  const tail = intervalAndTest(
    n,
    delta,
    opts,
    (rng) => meanBootstrapStats(d, opts.resamples, rng),
    (rng) => {
      if (opts.binary) return mcnemar()
      const t = signFlipTest(d, opts.resamples, rng)
      return { pValue: t.pTwoSided, pWorse: worseTail(opts.direction, t), test: t.exact ? 'sign-flip-exact' : 'sign-flip-monte-carlo' }
    },
    normal
  )
  return {
    paired: true,
    pairedBy: pairing.by,
    n,
    dropped: pairing.baseRows.length - n,
    baseValue,
    headValue,
    delta,
    ...tail,
    worse,
    better,
    unchanged: n - worse - better,
    onlyBase: pairing.onlyBase,
    onlyHead: pairing.onlyHead,
    topWorse: worsened
  }
}

function aggregateComparison(base: Sample, head: Sample, pairing: PairedRows, opts: CompareOptions & { aggregate: Aggregate }): PairedComparison {
  const bc = base.columns as Record<string, Float64Array>
  const hc = head.columns as Record<string, Float64Array>
  const keys = Object.keys(bc).sort()
  const kept: number[] = []
  for (let k = 0; k < pairing.baseRows.length; k++) {
    const nan = keys.some((key) => Number.isNaN(bc[key][pairing.baseRows[k]]) || Number.isNaN(hc[key][pairing.headRows[k]]))
    if (!nan) kept.push(k)
  }
  const n = kept.length
  // base rows 0..n-1 then head rows n..2n-1: index arrays pick arms without copying columns per resample
  const combined: Record<string, Float64Array> = {}
  for (const key of keys) {
    const col = new Float64Array(2 * n)
    kept.forEach((k, i) => {
      col[i] = bc[key][pairing.baseRows[k]]
      col[n + i] = hc[key][pairing.headRows[k]]
    })
    combined[key] = col
  }
  const { aggregate } = opts
  const baseArm = Int32Array.from({ length: n }, (_, i) => i)
  const headArm = Int32Array.from({ length: n }, (_, i) => n + i)
  const baseValue = n ? aggregate(combined, baseArm) : NaN
  const headValue = n ? aggregate(combined, headArm) : NaN
  const delta = headValue - baseValue

  // an aggregate undefined on the compared rows leaves nothing to resample or test
  const usable = Number.isFinite(delta) ? n : 0
  const headIdx = new Int32Array(n)
  const tail = intervalAndTest(
    usable,
    delta,
    opts,
    // the same resampled examples feed both arms, so example-level noise cancels in the difference
    (rng) =>
      indexBootstrapStats(n, opts.resamples, rng, (idx) => {
        for (let i = 0; i < n; i++) headIdx[i] = idx[i] + n
        return aggregate(combined, headIdx) - aggregate(combined, idx)
      }),
    (rng) => {
      const t = swapTest(combined, n, aggregate, opts.resamples, rng)
      return { pValue: t.pTwoSided, pWorse: worseTail(opts.direction, t), test: t.exact ? 'swap-exact' : 'swap-monte-carlo' }
    }
  )
  return {
    paired: true,
    pairedBy: pairing.by,
    n,
    dropped: pairing.baseRows.length - n,
    baseValue,
    headValue,
    delta,
    ...tail,
    worse: null,
    better: null,
    unchanged: null,
    onlyBase: pairing.onlyBase,
    onlyHead: pairing.onlyHead,
    topWorse: []
  }
}

/** The paired comparison for an already computed pairing (see pairSamples). */
export function comparePairing(base: Sample, head: Sample, pairing: PairedRows, opts: CompareOptions): PairedComparison {
  checkBootstrapOptions(opts)
  const { aggregate } = opts
  if (pairing.kind === 'aggregate') {
    if (!aggregate) throw new Error('a pairing of columns needs opts.aggregate')
    return aggregateComparison(base, head, pairing, { ...opts, aggregate })
  }
  if (!base.scores || !head.scores) throw new Error('a pairing of scores needs scores on both runs')
  return scoresComparison(base, head, pairing, opts)
}

/**
 * Compares head with base example by example: delta of the aggregate over the paired examples, a paired
 * bootstrap CI, and a paired test (sign-flip permutation, McNemar for binary scores, arm-swap permutation
 * for an aggregate). Null when the runs cannot be paired; compareSamples then falls back to unpaired.
 */
export function comparePaired(base: Sample, head: Sample, opts: CompareOptions): PairedComparison | null {
  const pairing = pairSamples(base, head, opts)
  return pairing.ok ? comparePairing(base, head, pairing, opts) : null
}
