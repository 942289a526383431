import type { Defaults } from '../config/config-schema.js'
import type { Direction } from '../domain/policy.js'
import { finiteOrNull, jsonInterval } from '../results/encode.js'
import { type DecodedExamples, decodeExamples } from '../results/io.js'
import type { GateCheck, MetricResult, Power, Results, SliceLabels, SliceRow } from '../results/results-schema.js'
import { type Aggregate, comparePaired, holm, type Sample, seedFor } from '../stats/index.js'
import { formatNumber, formatSigned, pText } from '../util/format.js'
import { isTestedGate, powerOf, type TestedGate, underpowered, underpoweredNote } from './gate-power.js'
import type { MetricPolicy } from './gate-policy.js'
import { marginOf, pWorseLabel, regressionCheck } from './gates.js'

/** What slices and power add to one metric's row. */
export interface SliceOutcome {
  slices: SliceRow[]
  power?: Power
  /** One failing `slice` check per group that regressed significantly after Holm. */
  checks: GateCheck[]
  notes: string[]
}

export interface SliceInput {
  head: Results
  baseById: ReadonlyMap<string, MetricResult>
  policies: ReadonlyMap<string, MetricPolicy>
  /** Metrics whose base and head are compared paired, example by example. */
  comparable: (id: string) => boolean
  defaults: Defaults
  aggregateOf?: (result: MetricResult) => Aggregate | undefined
}

/** A group compared but not yet judged: Holm needs every test of the suite first. */
interface Pending {
  row: SliceRow
  gates: TestedGate[]
  direction: Direction
}

function subset(x: DecodedExamples, rows: readonly number[]): Sample {
  const pick = (a: Float64Array) => Float64Array.from(rows, (r) => a[r])
  return {
    value: Number.NaN,
    ...(x.ids ? { ids: rows.map((r) => x.ids![r]) } : {}),
    ...(x.scores ? { scores: pick(x.scores) } : {}),
    ...(x.columns ? { columns: Object.fromEntries(Object.entries(x.columns).map(([k, v]) => [k, pick(v)])) } : {})
  }
}

const rowCount = (x: DecodedExamples) => x.scores?.length ?? Object.values(x.columns ?? {})[0]?.length ?? 0

/** The group index of each head example (−1: no label), or why the slice does not apply to this metric. */
function headGroups(slice: SliceLabels, hx: DecodedExamples): Int32Array | string {
  const n = rowCount(hx)
  if (!slice.ids) {
    if (slice.labels.length !== n) return `slice "${slice.id}" has ${slice.labels.length} labels and no ids, but this metric has ${n} examples`
    return Int32Array.from(slice.labels)
  }
  if (!hx.ids) return `slice "${slice.id}" labels examples by id, but this metric keeps no example ids (set its \`ids:\`)`
  const byId = new Map(slice.ids.map((id, k) => [id, slice.labels[k]]))
  return Int32Array.from(hx.ids, (id) => byId.get(id) ?? -1)
}

/** Base rows of a group: the same ids when both runs have ids, else the same positions. */
function baseRowsOf(bx: DecodedExamples, hx: DecodedExamples, headRows: readonly number[]): number[] {
  if (!bx.ids || !hx.ids) return headRows.filter((r) => r < rowCount(bx))
  const wanted = new Set(headRows.map((r) => hx.ids![r]))
  const rows: number[] = []
  bx.ids.forEach((id, r) => {
    if (wanted.has(id)) rows.push(r)
  })
  return rows
}

/** Every group of every slice of one metric: paired Δ, CI and p(worse) over the group's paired examples. */
function metricGroups(
  b: MetricResult,
  h: MetricResult,
  [bx, hx]: [DecodedExamples | undefined, DecodedExamples | undefined],
  slices: readonly SliceLabels[],
  gates: TestedGate[],
  direction: Direction,
  input: SliceInput
): { pending: Pending[]; notes: string[] } {
  const aggregate = input.aggregateOf?.(h)
  const usable = (x: DecodedExamples | undefined): x is DecodedExamples => Boolean(x && (x.scores || (x.columns && aggregate)))
  if (!usable(bx) || !usable(hx)) return { pending: [], notes: [] }
  const { defaults } = input
  const pending: Pending[] = []
  const notes: string[] = []
  for (const slice of slices) {
    const groupOf = headGroups(slice, hx)
    if (typeof groupOf === 'string') {
      notes.push(`not sliced: ${groupOf}`)
      continue
    }
    const unlabelled = groupOf.reduce((k, g) => k + (g < 0 ? 1 : 0), 0)
    if (unlabelled) notes.push(`slice "${slice.id}": ${unlabelled} of ${groupOf.length} examples have no label and are in no group`)
    slice.groups.forEach((group, g) => {
      const headRows: number[] = []
      groupOf.forEach((k, r) => {
        if (k === g) headRows.push(r)
      })
      if (headRows.length === 0) return
      const base = subset(bx, baseRowsOf(bx, hx, headRows))
      const head = subset(hx, headRows)
      const s = comparePaired(base, head, {
        resamples: defaults.resamples,
        confidence: defaults.confidence,
        seed: seedFor(defaults.seed, `${h.id}\u0000${slice.id}\u0000${group}`),
        direction,
        binary: h.binary === true && b.binary === true,
        // used only when both runs have its columns (pairSamples)
        ...(aggregate ? { aggregate } : {})
      })
      const power = gates.length ? powerOf(gates[0], base, head) : undefined
      const row: SliceRow = {
        slice: slice.id,
        group,
        n: s?.n ?? 0,
        base: finiteOrNull(s?.baseValue),
        head: finiteOrNull(s?.headValue),
        delta: finiteOrNull(s?.delta),
        ci: s?.ci ? jsonInterval(s.ci) : null,
        pWorse: finiteOrNull(s?.pWorse),
        pAdjusted: null,
        status: 'pass',
        ...(power ? { power } : {})
      }
      pending.push({ row, gates, direction })
    })
  }
  return { pending, notes }
}

const gated = (p: Pending, minSize: number) => p.gates.length > 0 && p.row.n >= minSize && p.row.pWorse !== null

/** "class = C: −0.060 [−0.065, −0.055], p(worse, Holm)<0.001 < α=0.05; worsened by 0.06 > allowed 0.01 over 40 examples" */
function regressedDetail(row: SliceRow, gate: TestedGate, allowed: number): string {
  // a regressed group was tested, and a test comes with its CI
  const ci = row.ci!
  const p = row.pAdjusted ?? (row.pWorse as number)
  return `${row.slice} = ${row.group}: ${formatSigned(row.delta)} [${formatSigned(ci.low)}, ${formatSigned(ci.high)}], ${pWorseLabel(row.pWorse, row.pAdjusted)}${pText(p)} < α=${gate.significance}; worsened by ${formatNumber(Math.abs(row.delta ?? 0))} > allowed ${formatNumber(allowed)} over ${row.n} examples`
}

/** Judges one group after Holm: small, untested, regressed (beyond the gate and significant), improved or pass. */
function judge(p: Pending, minSize: number): GateCheck | undefined {
  const { row } = p
  if (p.gates.length === 0) row.status = 'untested'
  else if (row.n < minSize || row.pWorse === null) row.status = 'small'
  if (row.status !== 'pass') return undefined
  for (const gate of p.gates) {
    const check = regressionCheck(gate, {
      base: row.base as number,
      head: row.head as number,
      direction: p.direction,
      pWorse: row.pWorse,
      ...(row.pAdjusted !== null ? { pAdjusted: row.pAdjusted } : {})
    })
    if (check && !check.ok) {
      row.status = 'regressed'
      const allowed = marginOf(gate['max-regression'], row.base as number)
      return { rule: 'slice', limit: gate['max-regression'], ok: false, detail: regressedDetail(row, gate, allowed) }
    }
  }
  // a group that reached here was tested, so it has a CI; a bound the bootstrap could not give (null) shows nothing
  const { low, high } = row.ci!
  if (p.direction === 'higher' ? (low ?? 0) > 0 : (high ?? 0) < 0) row.status = 'improved'
  return undefined
}

/**
 * Slices and power of every metric of the suite: each group of each slice compared paired; Holm across every gated
 * (metric, group) test of the suite; a group beyond the metric's max-regression (against the group's base) and
 * significant after Holm fails the metric. Groups under min-slice-size are reported, not gated.
 */
export function compareSlices(input: SliceInput): Map<string, SliceOutcome> {
  const out = new Map<string, SliceOutcome>()
  const slices = input.head.slices ?? []
  const all: Pending[] = []
  const pendingOf = new Map<string, Pending[]>()
  for (const h of input.head.metrics) {
    const b = input.baseById.get(h.id)
    const policy = input.policies.get(h.id)
    if (!b || !policy || !input.comparable(h.id)) continue
    const gates = [policy.headGate, policy.baseGate].filter(isTestedGate)
    const outcome: SliceOutcome = { slices: [], checks: [], notes: [] }
    const bx = decodeExamples(b)
    const hx = decodeExamples(h)
    if (gates.length && bx?.scores && hx?.scores) {
      outcome.power = powerOf(gates[0], { value: Number.NaN, ...bx }, { value: Number.NaN, ...hx })
      if (underpowered(outcome.power)) outcome.notes.push(underpoweredNote(outcome.power))
    }
    if (slices.length) {
      const { pending, notes } = metricGroups(b, h, [bx, hx], slices, gates, policy.direction, input)
      outcome.notes.push(...notes)
      pendingOf.set(h.id, pending)
      all.push(...pending)
    }
    if (outcome.power || outcome.notes.length || slices.length) out.set(h.id, outcome)
  }
  const minSize = input.defaults['min-slice-size']
  const tested = all.filter((p) => gated(p, minSize))
  const adjusted = input.defaults.correction === 'holm' ? holm(tested.map((p) => p.row.pWorse as number)) : tested.map((p) => p.row.pWorse)
  tested.forEach((p, i) => {
    p.row.pAdjusted = adjusted[i]
  })
  for (const [id, pending] of pendingOf) {
    const outcome = out.get(id)!
    for (const p of pending) {
      const check = judge(p, minSize)
      if (check) outcome.checks.push(check)
      outcome.slices.push(p.row)
    }
    // untested groups have no power
    const weak = pending.filter((p) => p.row.status !== 'small' && underpowered(p.row.power))
    if (weak.length)
      outcome.notes.push(
        `underpowered slice groups: ${weak.length} of ${pending.filter((p) => gated(p, minSize)).length} gated groups have power < 80% at the allowed regression (${weak
          .slice(0, 5)
          .map((p) => `${p.row.slice} = ${p.row.group}: n=${p.row.n}, needs about ${p.row.power!.nNeeded ?? '∞'}`)
          .join('; ')}${weak.length > 5 ? '; …' : ''})`
      )
    const small = pending.filter((p) => p.row.status === 'small')
    // only a metric with a tested gate has small groups (judge)
    if (small.length) outcome.notes.push(`${small.length} slice group(s) under min-slice-size (${minSize}) are reported, not gated`)
  }
  return out
}
