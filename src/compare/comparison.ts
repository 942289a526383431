import type { Defaults } from '../config/config-schema.js'
import { isGated } from '../domain/policy.js'
import { type DecodedExamples, decodeExamples, ResultsError } from '../results/io.js'
import { COMPARISON_SCHEMA, type Comparison, type Coverage, type MetricResult, type Results, type Row, type Verdict } from '../results/results-schema.js'
import { type Aggregate, holm } from '../stats/index.js'
import { formatNumber } from '../util/format.js'
import { applyAccept, splitAccept, unmatchedAccept } from './accept.js'
import { coverageChanged, coverageNote, coverageOf } from './coverage.js'
import { checkGates, type GateEvidence, worsening } from './gates.js'
import { pairStatistics, type PairStatistics } from './pair-statistics.js'
import { type GateSpec, type MetricPolicy, metricPolicy } from './gate-policy.js'
import { compareSlices, type SliceOutcome } from './slices.js'

export type { GateSpec } from './gate-policy.js'

export interface CompareInput {
  head: Results
  base: Results | null
  /** The head config's gates by metric id; without one a metric is held to the gate its head result recorded. */
  gates: Record<string, GateSpec>
  defaults: Defaults
  /** Why this baseline (or none) was used, shown in the report. */
  baselineNote?: string
  /** Earlier values per metric id (oldest first), for `gate.history: iqr`. */
  history?: Record<string, number[]>
  /** The aggregate of a non-decomposable metric (from the catalogue or a plugin), for resampling its columns. */
  aggregateOf?: (result: MetricResult) => Aggregate | undefined
}

const ORDER: Row['status'][] = ['failed', 'regressed', 'error', 'incompatible', 'missing', 'accepted', 'new', 'improved', 'pass']

/** Share of examples two runs must have in common to be paired on the shared ones rather than called incompatible. */
const MIN_SHARED_IDS = 0.5

function incompatibility(base: MetricResult, head: MetricResult, bx?: DecodedExamples, hx?: DecodedExamples): string | undefined {
  if (base.metric !== head.metric) return `the metric changed from "${base.metric}" to "${head.metric}"`
  if (JSON.stringify(base.params) !== JSON.stringify(head.params))
    return `params differ: base ${JSON.stringify(base.params)}, head ${JSON.stringify(head.params)}`
  if (!base.fingerprint || !head.fingerprint || base.fingerprint === head.fingerprint) return undefined
  if (bx?.ids && hx?.ids) {
    // Some examples added or dropped: pair on the shared ids (coverage reports the rest) unless the set really changed.
    const headIds = new Set(hx.ids)
    const shared = bx.ids.reduce((k, id) => k + (headIds.has(id) ? 1 : 0), 0)
    if (shared >= MIN_SHARED_IDS * Math.max(bx.ids.length, hx.ids.length)) return undefined
    return `the eval set changed: only ${shared} of ${bx.ids.length} baseline examples are in this run (${hx.ids.length} examples)`
  }
  return 'the eval set differs (ids or labels changed), so the numbers are not comparable'
}

/** What a comparable base/head pair gives: statistics over the paired examples and the coverage behind them. */
interface ComparablePair {
  stats: PairStatistics
  coverage: Coverage
}

/** Pairs each head metric with its baseline entry; a pair that cannot be compared gets the reason instead. */
function pairAll(input: CompareInput, heads: readonly MetricResult[], baseById: Map<string, MetricResult>): Map<string, ComparablePair | string> {
  const out = new Map<string, ComparablePair | string>()
  for (const h of heads) {
    const b = baseById.get(h.id)
    if (!b || b.value === null || h.value === null) continue
    const bx = decodedOf(b, input.baselineNote ?? 'the baseline')
    const hx = decodedOf(h, 'this run (head)')
    const why = incompatibility(b, h, bx, hx)
    if (why) out.set(h.id, why)
    else out.set(h.id, { stats: pairStatistics(b, h, bx, hx, input.defaults, input.aggregateOf?.(h)), coverage: coverageOf(b, h, bx, hx) })
  }
  return out
}

/** The per-example data of one side, a broken file named as base or head. */
function decodedOf(m: MetricResult, side: string): DecodedExamples | undefined {
  try {
    return decodeExamples(m)
  } catch (error) {
    if (error instanceof ResultsError) throw new ResultsError(`${side}: ${error.message}`)
    throw error
  }
}

/** Gate rules that compare the head with the baseline's value or examples (min and max bound the head alone). */
const BASELINE_RULES = ['max-regression', 'max-dropped', 'significance'] as const

/**
 * A metric gated on its regression needs the baseline's value: one without (null or missing) would make it `new` and
 * skip the gate, so the baseline is refused as broken, naming the file and metric.
 */
function checkGatedBaselineValues(
  heads: readonly MetricResult[],
  baseById: Map<string, MetricResult>,
  policies: Map<string, MetricPolicy>,
  note: string
): void {
  for (const h of heads) {
    const b = baseById.get(h.id)
    const policy = policies.get(h.id)
    // The library's own "not computed" sentinel is a legitimate null: the row says so and is reported new, never improved.
    if (!b || b.value !== null || b.notComputed || !policy) continue
    const rules = BASELINE_RULES.filter((r) => policy.headGate[r] !== undefined || policy.baseGate?.[r] !== undefined)
    if (rules.length === 0) continue
    throw new ResultsError(
      `${note}: metric "${h.id}" has no value in the baseline${b.error ? ` (its run failed: ${b.error})` : ' (value is null, with no error recorded)'}, ` +
        `but it is gated on ${rules.join(' and ')}, which compares with that value; fix the metric on the base branch and use its new results as the baseline ` +
        '(a gated metric is never reported as new when its baseline entry exists)'
    )
  }
}

/** Holm over the suite's significance-gated metrics (either gate) that have a test: family-wise error of "regressed". */
function holmAdjusted(pairs: Map<string, ComparablePair | string>, policies: Map<string, MetricPolicy>, defaults: Defaults): Map<string, number> {
  const tested = [...pairs].filter((e): e is [string, ComparablePair] => {
    const [id, p] = e
    const policy = policies.get(id)
    const significance = policy?.headGate.significance !== undefined || policy?.baseGate?.significance !== undefined
    return typeof p !== 'string' && significance && p.stats.pWorse !== null
  })
  const raw = tested.map(([, p]) => p.stats.pWorse as number)
  if (defaults.correction !== 'holm') return new Map()
  const adj = holm(raw)
  return new Map(tested.map(([id], i) => [id, adj[i]]))
}

const differs = (a: number, b: number) => Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))

/** The row fields of a compared metric: Δ, CI and p over the paired examples, and the evidence its gates check. */
function comparedFields(
  b: MetricResult,
  h: MetricResult,
  p: ComparablePair,
  pAdjusted: number | undefined
): { fields: Partial<Row>; regression: GateEvidence['regression']; notes: string[] } {
  const s = p.stats
  const base = s.baseValue ?? (b.value as number)
  const head = s.headValue ?? (h.value as number)
  const notes = [...s.notes]
  const fields: Partial<Row> = {
    delta: head - base,
    relDelta: base !== 0 ? (head - base) / Math.abs(base) : null,
    ci: s.ci,
    pValue: s.pValue,
    pWorse: s.pWorse,
    ...(s.test ? { test: s.test } : {}),
    paired: s.paired,
    ...(pAdjusted !== undefined ? { pAdjusted } : {}),
    ...(s.counts ? { counts: s.counts } : {}),
    ...(s.topWorse?.length ? { topWorse: s.topWorse } : {})
  }
  // Whenever coverage is below 100%, the row's base and head are shown as the paired means (head − base = Δ) and the
  // full-run values go into the one coverage note.
  const changed = coverageChanged(p.coverage)
  const fullDiffers = differs(base, b.value as number) || differs(head, h.value as number)
  if (changed || fullDiffers) Object.assign(fields, { pairedBase: base, pairedHead: head })
  if (changed) fields.coverage = p.coverage
  if (changed || fullDiffers) notes.push(coverageNote(p.coverage, fullDiffers ? { base: formatNumber(b.value), head: formatNumber(h.value) } : undefined))
  return { fields, regression: { base, head, pWorse: s.pWorse, ...(pAdjusted !== undefined ? { pAdjusted } : {}) }, notes }
}

/** Better beyond noise: the CI of Δ lies on the good side; without a CI (scalar metrics) the point estimate decides. */
function improved(row: Row): boolean {
  const ci = row.ci
  if (ci && ci.low !== null && ci.high !== null) return row.direction === 'higher' ? ci.low > 0 : ci.high < 0
  return row.delta !== null && worsening(0, row.delta, row.direction) < 0
}

interface RowContext {
  pair: ComparablePair | string | undefined
  pAdjusted: number | undefined
  history: number[] | undefined
  /** Per-group comparisons and the gate's power (src/compare/slices.ts). */
  sliced: SliceOutcome | undefined
}

/** One head metric against its baseline entry (if any) under its policy. */
function metricRow(h: MetricResult, b: MetricResult | undefined, policy: MetricPolicy, ctx: RowContext): Row {
  const row: Row = {
    id: h.id,
    metric: h.metric,
    title: h.title,
    direction: policy.direction,
    status: 'pass',
    base: b?.value ?? null,
    head: h.value,
    delta: null,
    relDelta: null,
    ci: h.ci,
    headCi: h.ci,
    pValue: null,
    paired: null,
    n: h.n,
    nanCount: h.nanCount,
    gates: [],
    severity: policy.severity,
    ...(policy.line ? { line: policy.line } : {})
  }
  const notes = [...policy.notes]
  if (h.examples?.omitted)
    notes.push(`${h.examples.omitted.total} examples exceed max-examples (${h.examples.omitted.cap}): per-example scores were not kept, only n, mean and sd`)
  if (h.error || h.value === null)
    return withNotes({ ...row, status: 'error', ...(h.notComputed ? { notComputed: true as const } : {}) }, [...notes, h.error ?? 'no value'])
  const evidence: GateEvidence = { head: h.value, headCi: h.ci, direction: policy.direction, history: ctx.history }
  if (typeof ctx.pair === 'string') {
    row.status = 'incompatible'
    notes.push(`not compared: ${ctx.pair}`)
  } else if (ctx.pair && b) {
    const compared = comparedFields(b, h, ctx.pair, ctx.pAdjusted)
    Object.assign(row, compared.fields)
    notes.push(...compared.notes)
    Object.assign(evidence, { regression: compared.regression, coverage: ctx.pair.coverage })
  } else {
    row.status = 'new'
    if (b?.error) notes.push(`the baseline could not compute it: ${b.error}`)
  }
  // An incompatible metric is checked against its bounds only: its regression and coverage mean nothing.
  const { checks, notes: gateNotes } = checkGates(policy.baseGate, policy.headGate, evidence)
  row.gates = checks
  notes.push(...gateNotes)
  if (ctx.sliced) {
    row.gates.push(...ctx.sliced.checks)
    notes.push(...ctx.sliced.notes)
    if (ctx.sliced.slices.length) row.slices = ctx.sliced.slices
    if (ctx.sliced.power) row.power = ctx.sliced.power
  }
  const failed = (rules: string[]) => checks.some((c) => !c.ok && rules.includes(c.rule))
  if (failed(['min', 'max'])) row.status = 'failed'
  else if (failed(['max-regression', 'max-dropped', 'history', 'slice'])) row.status = 'regressed'
  else if (row.status === 'pass' && improved(row)) row.status = 'improved'
  return withNotes(row, notes)
}

function missingRow(b: MetricResult): Row {
  const gated = b.severity === 'error' && isGated(b.gate)
  return {
    id: b.id,
    metric: b.metric,
    title: b.title,
    direction: b.direction,
    status: 'missing',
    base: b.value,
    head: null,
    delta: null,
    relDelta: null,
    ci: null,
    pValue: null,
    paired: null,
    gates: [],
    severity: b.severity ?? 'warning',
    notes: [
      `in the baseline but not computed now: removed from the config, or renamed${gated ? '; the base branch gates it with severity error, so review the removal' : ''}`
    ]
  }
}

/** Compares head with base metric by metric under both gates, applies accept entries, sets the verdict. */
export function compare(input: CompareInput): Comparison {
  const { head, base } = input
  const baseById = new Map((base?.metrics ?? []).map((m) => [m.id, m]))
  const fallback: GateSpec = { gate: {}, severity: input.defaults.severity }
  // A shard's partial values are held to no gate, neither the config's nor the one its results recorded: `merge` gates.
  const policies = new Map(
    head.metrics.map((h) => [
      h.id,
      head.shard
        ? { headGate: {}, severity: h.severity ?? fallback.severity, direction: h.direction, notes: [] }
        : metricPolicy(h, input.gates[h.id], baseById.get(h.id), fallback)
    ])
  )
  if (base?.shard)
    throw new ResultsError(
      `${input.baselineNote ?? 'the baseline'}: holds shard ${base.shard.index} of ${base.shard.count} only; merge the shards (\`interp-gate merge\`) and use the merged results.json as the baseline`
    )
  if (base) checkGatedBaselineValues(head.metrics, baseById, policies, input.baselineNote ?? 'the baseline')
  const pairs = pairAll(input, head.metrics, baseById)
  const adjusted = holmAdjusted(pairs, policies, input.defaults)
  const sliced = compareSlices({
    head,
    baseById,
    policies,
    // Groups are paired subsets: only a metric whose runs pair example by example is sliced.
    comparable: (id) => {
      const p = pairs.get(id)
      return typeof p === 'object' && p.stats.paired === true
    },
    defaults: input.defaults,
    aggregateOf: input.aggregateOf
  })
  const { fresh, stale } = splitAccept(head, base)
  const rows = head.metrics.map((h) => {
    const row = metricRow(h, baseById.get(h.id), policies.get(h.id)!, {
      pair: pairs.get(h.id),
      pAdjusted: adjusted.get(h.id),
      history: input.history?.[h.id],
      sliced: sliced.get(h.id)
    })
    return applyAccept(row, fresh, stale)
  })
  const headIds = new Set(head.metrics.map((m) => m.id))
  for (const b of base?.metrics ?? []) if (!headIds.has(b.id)) rows.push(missingRow(b))
  rows.sort((x, y) => ORDER.indexOf(x.status) - ORDER.indexOf(y.status))
  const notes = unmatchedAccept([...fresh, ...stale], rows)
  return {
    schema: COMPARISON_SCHEMA,
    base: base ? { suite: base.suite, commit: base.commit, ref: base.ref } : null,
    head: { suite: head.suite, commit: head.commit, ref: head.ref },
    verdict: verdictOf(rows),
    ...(head.shard ? { shard: head.shard } : {}),
    ...(input.baselineNote ? { baselineNote: input.baselineNote } : {}),
    ...(notes.length ? { notes } : {}),
    rows
  }
}

function withNotes(row: Row, notes: string[]): Row {
  return notes.length ? { ...row, notes } : row
}

/** Rows that break a gate count by severity: error → fail, warning → warn; accepted, missing or incompatible warn at least. */
export function verdictOf(rows: readonly Row[]): Verdict {
  let verdict: Verdict = 'pass'
  for (const r of rows) {
    const broken = r.status === 'failed' || r.status === 'regressed' || r.status === 'error'
    if (broken && r.severity === 'error') return 'fail'
    if (broken && r.severity === 'warning') verdict = 'warn'
    if (r.status === 'missing' || r.status === 'incompatible' || r.status === 'accepted') verdict = 'warn'
  }
  return verdict
}
