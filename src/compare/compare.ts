import type { Defaults } from '../config/schema.js'
import type { Gate, Severity } from '../domain/policy.js'
import { type DecodedExamples, decodeExamples } from '../results/io.js'
import { COMPARISON_SCHEMA, type Comparison, type GateCheck, type MetricResult, type Results, type Row, type Verdict } from '../results/schema.js'
import { type Aggregate, holm, iqrFence } from '../stats/index.js'
import { formatNumber } from '../util/format.js'
import { boundChecks, regressionCheck, worsening } from './gates.js'
import { pairStatistics, type PairStatistics } from './pairing.js'

/** What the config says about one metric id: its gate, severity and where it sits (for annotations). */
export interface GateSpec {
  gate: Gate
  severity: Severity
  line?: number
}

export interface CompareInput {
  head: Results
  base: Results | null
  gates: Record<string, GateSpec>
  defaults: Defaults
  /** Why this baseline (or none) was used, shown in the report. */
  baselineNote?: string
  /** Earlier values per metric id (oldest first), for `gate.history: iqr`. */
  history?: Record<string, number[]>
  /** The aggregate of a non-decomposable metric (from the catalogue or a plugin), for resampling its columns. */
  aggregateOf?: (result: MetricResult) => Aggregate | undefined
}

const ORDER: Row['status'][] = ['failed', 'regressed', 'error', 'incompatible', 'missing', 'new', 'improved', 'pass']

/** Share of examples two runs must have in common to be paired on the shared ones rather than called incompatible. */
export const MIN_SHARED_IDS = 0.5

function incompatibility(base: MetricResult, head: MetricResult, bx?: DecodedExamples, hx?: DecodedExamples): string | undefined {
  if (base.metric !== head.metric) return `the metric changed from "${base.metric}" to "${head.metric}"`
  if (JSON.stringify(base.params) !== JSON.stringify(head.params)) return `params differ: base ${JSON.stringify(base.params)}, head ${JSON.stringify(head.params)}`
  if (!base.fingerprint || !head.fingerprint || base.fingerprint === head.fingerprint) return undefined
  if (bx?.ids && hx?.ids) {
    // Some examples added or dropped: pair on the shared ids (the rest is reported) unless the set really changed.
    const headIds = new Set(hx.ids)
    const shared = bx.ids.reduce((k, id) => k + (headIds.has(id) ? 1 : 0), 0)
    if (shared >= MIN_SHARED_IDS * Math.max(bx.ids.length, hx.ids.length)) return undefined
    return `the eval set changed: only ${shared} of ${bx.ids.length} baseline examples are in this run (${hx.ids.length} examples)`
  }
  return 'the eval set differs (ids or labels changed), so the numbers are not comparable'
}

/**
 * The gate a metric is held to. The baseline's recorded gate wins: it comes from the base branch, which the PR
 * cannot edit, so loosening a gate in the PR's config takes effect only after review and merge (and the report says so).
 */
export function effectiveGate(id: string, configured: GateSpec | undefined, base: MetricResult | undefined, fallback: GateSpec): { spec: GateSpec; note?: string } {
  const head = configured ?? fallback
  if (!base?.gate || !base.severity) return { spec: head }
  const spec: GateSpec = { gate: base.gate, severity: base.severity, ...(head.line ? { line: head.line } : {}) }
  const same = JSON.stringify(sortKeys(base.gate)) === JSON.stringify(sortKeys(head.gate)) && base.severity === head.severity
  if (same) return { spec }
  const describe = (g: GateSpec) => `${JSON.stringify(sortKeys(g.gate))} (${g.severity})`
  return { spec, note: `this PR changes the gate of ${id} from ${describe(spec)} to ${describe(head)}; the base branch's gate applies until the change is merged` }
}

function sortKeys(o: object): object {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))
}

/** Compares head with base metric by metric, applies gates (with Holm over significance-gated metrics), sets verdict. */
export function compare(input: CompareInput): Comparison {
  const { head, base, defaults } = input
  const baseById = new Map((base?.metrics ?? []).map((m) => [m.id, m]))
  const fallback: GateSpec = { gate: {}, severity: defaults.severity }
  // Which way is better is policy too: a PR that flips `direction` must not turn its worsening into an improvement.
  const directionNotes = new Map<string, string>()
  const heads = head.metrics.map((h) => {
    const b = baseById.get(h.id)
    if (!b || b.direction === h.direction) return h
    directionNotes.set(h.id, `this PR changes the direction of ${h.id} from "${b.direction} is better" to "${h.direction} is better"; the base branch's direction applies until the change is merged`)
    return { ...h, direction: b.direction }
  })
  const effective = new Map(heads.map((h) => [h.id, effectiveGate(h.id, input.gates[h.id], baseById.get(h.id), fallback)]))
  const gates = Object.fromEntries([...effective].map(([id, e]) => [id, e.spec]))
  const stats = new Map<string, PairStatistics>()
  const why = new Map<string, string | undefined>()
  const rows: Row[] = []

  for (const h of heads) {
    const b = baseById.get(h.id)
    if (!b || b.value === null || h.value === null) continue
    const bx = decodeExamples(b)
    const hx = decodeExamples(h)
    why.set(h.id, incompatibility(b, h, bx, hx))
    if (!why.get(h.id)) stats.set(h.id, pairStatistics(b, h, bx, hx, defaults, input.aggregateOf?.(h)))
  }
  // Holm over the suite's significance-gated metrics that have a test: family-wise error of "regressed".
  const tested = [...stats].filter(([id, s]) => gates[id]?.gate.significance !== undefined && s.pWorse !== null)
  const adjusted = new Map<string, number>()
  const raw = tested.map(([, s]) => s.pWorse as number)
  const adj = defaults.correction === 'holm' ? holm(raw) : raw
  tested.forEach(([id], i) => adjusted.set(id, adj[i]))

  for (const h of heads) {
    const spec = gates[h.id]
    const b = baseById.get(h.id)
    const row: Row = {
      id: h.id,
      metric: h.metric,
      title: h.title,
      direction: h.direction,
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
      severity: spec.severity,
      ...(spec.line ? { line: spec.line } : {})
    }
    const notes: string[] = []
    for (const note of [directionNotes.get(h.id), effective.get(h.id)?.note]) if (note) notes.push(note)
    if (h.examples?.omitted) notes.push(`${h.examples.omitted.total} examples exceed max-examples (${h.examples.omitted.cap}): per-example scores were not kept, only n, mean and sd`)
    if (h.error || h.value === null) {
      row.status = 'error'
      notes.push(h.error ?? 'no value')
      rows.push(withNotes(row, notes))
      continue
    }
    const checks: GateCheck[] = boundChecks(spec.gate, h.value, h.ci)
    if (!b || b.value === null) {
      row.status = 'new'
      if (b?.error) notes.push(`the baseline could not compute it: ${b.error}`)
    } else if (why.get(h.id)) {
      row.status = 'incompatible'
      notes.push(`not compared: ${why.get(h.id)}`)
    } else {
      const s = stats.get(h.id)!
      Object.assign(row, {
        delta: h.value - b.value,
        relDelta: b.value !== 0 ? (h.value - b.value) / Math.abs(b.value) : null,
        ci: s.ci,
        pValue: s.pValue,
        pWorse: s.pWorse,
        paired: s.paired,
        ...(s.counts ? { counts: s.counts } : {}),
        ...(s.topWorse?.length ? { topWorse: s.topWorse } : {})
      })
      if (adjusted.has(h.id)) row.pAdjusted = adjusted.get(h.id)!
      notes.push(...s.notes)
      const pWorse = adjusted.get(h.id) ?? s.pWorse
      const regression = regressionCheck(spec.gate, { base: b.value, head: h.value, direction: h.direction, pWorse })
      if (regression) checks.push(regression)
      const historyCheck = iqrCheck(spec.gate, h, input.history?.[h.id])
      if (historyCheck) checks.push(historyCheck)
      const regressed = checks.some((c) => !c.ok && (c.rule === 'max-regression' || c.rule === 'history'))
      row.status = regressed ? 'regressed' : improved(b.value, h.value, h.direction, s) ? 'improved' : 'pass'
    }
    row.gates = checks
    if (checks.some((c) => !c.ok && (c.rule === 'min' || c.rule === 'max'))) row.status = 'failed'
    rows.push(withNotes(row, notes))
  }
  const headIds = new Set(head.metrics.map((m) => m.id))
  for (const b of base?.metrics ?? []) {
    if (headIds.has(b.id)) continue
    const gated = b.severity === 'error' && b.gate && Object.keys(b.gate).length > 0
    rows.push({
      id: b.id, metric: b.metric, title: b.title, direction: b.direction, status: 'missing',
      base: b.value, head: null, delta: null, relDelta: null, ci: null, pValue: null, paired: null,
      gates: [], severity: b.severity ?? 'warning',
      notes: [`in the baseline but not computed now: removed from the config, or renamed${gated ? '; the base branch gates it with severity error, so review the removal' : ''}`]
    })
  }
  rows.sort((x, y) => ORDER.indexOf(x.status) - ORDER.indexOf(y.status))
  return {
    schema: COMPARISON_SCHEMA,
    base: base ? { suite: base.suite, commit: base.commit, ref: base.ref } : null,
    head: { suite: head.suite, commit: head.commit, ref: head.ref },
    verdict: verdictOf(rows),
    ...(input.baselineNote ? { baselineNote: input.baselineNote } : {}),
    rows
  }
}

function withNotes(row: Row, notes: string[]): Row {
  return notes.length ? { ...row, notes } : row
}

/** Better beyond noise: the CI of Δ lies on the good side; without a CI (scalar metrics) the point estimate decides. */
function improved(base: number, head: number, direction: 'higher' | 'lower', s: PairStatistics): boolean {
  if (s.ci && s.ci.low !== null && s.ci.high !== null) return direction === 'higher' ? s.ci.low > 0 : s.ci.high < 0
  return worsening(base, head, direction) < 0
}

function iqrCheck(gate: Gate, h: MetricResult, history: number[] | undefined): GateCheck | undefined {
  if (gate.history !== 'iqr' || !history || history.length < 5 || h.value === null) return undefined
  const fence = iqrFence(history)
  if (!fence) return undefined
  const bad = h.direction === 'higher' ? h.value < fence.low : h.value > fence.high
  const bound = h.direction === 'higher' ? fence.low : fence.high
  return { rule: 'history', limit: 'iqr', ok: !bad, detail: bad ? `outside the IQR fence of the last ${history.length} values (${h.direction === 'higher' ? '<' : '>'} ${formatNumber(bound)})` : undefined }
}

/** Rows that break a gate count by severity: error → fail, warning → warn; a missing or incompatible metric warns at least. */
export function verdictOf(rows: readonly Row[]): Verdict {
  let verdict: Verdict = 'pass'
  for (const r of rows) {
    const broken = r.status === 'failed' || r.status === 'regressed' || r.status === 'error'
    if (broken && r.severity === 'error') return 'fail'
    if (broken && r.severity === 'warning') verdict = 'warn'
    if (r.status === 'missing' || r.status === 'incompatible') verdict = 'warn'
  }
  return verdict
}
