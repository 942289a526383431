import type { Defaults } from '../config/config-schema.js'
import type { Direction } from '../domain/policy.js'
import { finiteOrNull, jsonInterval } from '../results/encode.js'
import type { DecodedExamples } from '../results/io.js'
import type { Interval, MetricResult, Row } from '../results/results-schema.js'
import { type Aggregate, compareSamples, compareSummaries, type Sample, seedFor } from '../stats/index.js'

/** What compare needs from the statistics of one base/head pair. */
export interface PairStatistics {
  paired: boolean | null
  /** Base and head values over the examples Δ, CI and p describe (the paired ones); null: the full-run values. */
  baseValue: number | null
  headValue: number | null
  ci: Interval | null
  pValue: number | null
  pWorse: number | null
  /** The test behind pValue and pWorse; absent without one. */
  test?: Row['test']
  counts?: NonNullable<Row['counts']>
  topWorse?: NonNullable<Row['topWorse']>
  notes: string[]
}

function sampleOf(result: MetricResult, examples: DecodedExamples | undefined): Sample {
  return { value: result.value as number, ...(examples ?? {}) }
}

function summaryStatistics(base: MetricResult, head: MetricResult, options: { confidence: number; direction: Direction }): PairStatistics | null {
  const b = base.summary
  const h = head.summary
  if (!b || !h || b.mean === null || h.mean === null || b.sd === null || h.sd === null) return null
  const s = compareSummaries({ n: b.n, mean: b.mean, sd: b.sd }, { n: h.n, mean: h.mean, sd: h.sd }, options)
  if (!s) return null
  return {
    paired: false,
    baseValue: null,
    headValue: null,
    ci: jsonInterval(s.ci),
    pValue: finiteOrNull(s.pValue),
    pWorse: finiteOrNull(s.pWorse),
    test: 'welch-normal',
    notes: ['unpaired, from n, mean and sd (Welch normal approximation): per-example scores were left out above max-examples']
  }
}

/** Paired when both runs kept per-example data for the same examples; otherwise unpaired, or point values only. */
export function pairStatistics(
  base: MetricResult,
  head: MetricResult,
  baseExamples: DecodedExamples | undefined,
  headExamples: DecodedExamples | undefined,
  defaults: Defaults,
  aggregate?: Aggregate
): PairStatistics {
  const options = {
    resamples: defaults.resamples,
    confidence: defaults.confidence,
    seed: seedFor(defaults.seed, head.id),
    direction: head.direction,
    binary: head.binary === true && base.binary === true,
    ...(aggregate ? { aggregate } : {})
  }
  const notes: string[] = []
  const hasData = (x: DecodedExamples | undefined) => Boolean(x && (x.scores || (x.columns && aggregate)))
  if (!hasData(baseExamples) || !hasData(headExamples)) {
    // Scores left out above max-examples: n, mean and sd still give an unpaired, normal-approximation comparison.
    const fromSummaries = summaryStatistics(base, head, options)
    if (fromSummaries) return fromSummaries
    // Scalar metrics never have per-example data; say so only when one side lost it (e.g. over max-examples).
    if (hasData(baseExamples) || hasData(headExamples)) {
      notes.push(`${!hasData(baseExamples) ? 'the baseline' : 'this run'} kept no per-example data: compared by point value, no CI or test`)
    }
    return { paired: null, baseValue: null, headValue: null, ci: null, pValue: null, pWorse: null, notes }
  }
  const b = sampleOf(base, baseExamples)
  const h = sampleOf(head, headExamples)
  const s = compareSamples(b, h, options)
  const ci = s.ci ? jsonInterval(s.ci) : null
  if (!s.paired) {
    notes.push(`unpaired: ${s.reason}`)
    return {
      paired: false,
      baseValue: finiteOrNull(s.baseValue),
      headValue: finiteOrNull(s.headValue),
      ci,
      pValue: finiteOrNull(s.pValue),
      pWorse: finiteOrNull(s.pWorse),
      ...(s.test ? { test: s.test } : {}),
      notes
    }
  }
  // Examples left out of the pairing are reported as coverage by the caller.
  return {
    paired: true,
    baseValue: finiteOrNull(s.baseValue),
    headValue: finiteOrNull(s.headValue),
    ci,
    pValue: finiteOrNull(s.pValue),
    pWorse: finiteOrNull(s.pWorse),
    ...(s.test ? { test: s.test } : {}),
    ...(s.worse !== null
      ? { counts: { worse: s.worse, better: s.better ?? 0, unchanged: s.unchanged ?? 0, onlyBase: s.onlyBase.length, onlyHead: s.onlyHead.length } }
      : {}),
    topWorse: s.topWorse,
    notes
  }
}
