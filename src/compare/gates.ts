import { isGated, type Direction, type Gate } from '../domain/policy.js'
import type { Coverage, GateCheck, Interval } from '../results/results-schema.js'
import { IQR_MIN_HISTORY, iqrFence } from '../stats/index.js'
import { formatNumber, pText } from '../util/format.js'
import { droppedCheck } from './coverage.js'

/** Worsening in the metric's bad direction: positive means worse. */
export function worsening(base: number, head: number, direction: Direction): number {
  return direction === 'higher' ? base - head : head - base
}

/** The allowed worsening: a number is absolute, "N%" is relative to |baseline|. */
export function marginOf(margin: number | string, base: number): number {
  return typeof margin === 'number' ? margin : (Number.parseFloat(margin) / 100) * Math.abs(base)
}

/**
 * min / max bound the head value. With `significance`, a bound fails only when the whole CI of the head value lies
 * beyond it (the data say the value really is out of bounds); without, the point value decides.
 */
function boundChecks(gate: Gate, head: number, ci: Interval | null): GateCheck[] {
  const checks: GateCheck[] = []
  const useCi = gate.significance !== undefined && ci !== null && ci.low !== null && ci.high !== null
  if (gate.min !== undefined) {
    const probe = useCi ? ci!.high! : head
    const ok = probe >= gate.min
    checks.push({
      rule: 'min',
      limit: gate.min,
      ok,
      detail: ok
        ? undefined
        : useCi
          ? `CI upper bound ${formatNumber(probe)} < min ${formatNumber(gate.min)}`
          : `${formatNumber(head)} < min ${formatNumber(gate.min)}`
    })
  }
  if (gate.max !== undefined) {
    const probe = useCi ? ci!.low! : head
    const ok = probe <= gate.max
    checks.push({
      rule: 'max',
      limit: gate.max,
      ok,
      detail: ok
        ? undefined
        : useCi
          ? `CI lower bound ${formatNumber(probe)} > max ${formatNumber(gate.max)}`
          : `${formatNumber(head)} > max ${formatNumber(gate.max)}`
    })
  }
  return checks
}

interface RegressionEvidence {
  base: number
  head: number
  direction: Direction
  /** One-sided p that head is worse than base; null without per-example data. */
  pWorse: number | null
  /** pWorse after Holm's correction over the suite's significance-gated metrics, when one applies. */
  pAdjusted?: number
}

/** One label per p-value everywhere: "p(worse)" raw, "p(worse, Holm)" once Holm's correction changed it. */
export function pWorseLabel(pWorse: number | null | undefined, pAdjusted: number | null | undefined): string {
  return pAdjusted !== undefined && pAdjusted !== null && pAdjusted !== pWorse ? 'p(worse, Holm)' : 'p(worse)'
}

/**
 * max-regression bounds the worsening against the baseline. With `significance: α` it fails only when the worsening
 * exceeds the margin AND the one-sided test rejects at α; without, the point estimate decides.
 */
export function regressionCheck(gate: Gate, e: RegressionEvidence): GateCheck | undefined {
  if (gate['max-regression'] === undefined) return undefined
  const limit = gate['max-regression']
  const allowed = marginOf(limit, e.base)
  const worse = worsening(e.base, e.head, e.direction)
  // a worsening equal to the margin passes, also when rounding makes 0.8 − 0.75 come out as 0.05000000000000004
  const beyond = worse - allowed > 1e-12 * Math.max(1, Math.abs(e.base), Math.abs(e.head))
  const alpha = gate.significance
  const p = e.pAdjusted ?? e.pWorse
  if (alpha === undefined || p === null) {
    const note = alpha !== undefined ? ' (no per-example data for a test: point estimate decides)' : ''
    return {
      rule: 'max-regression',
      limit,
      ok: !beyond,
      detail: beyond ? `worsened by ${formatNumber(worse)} > allowed ${formatNumber(allowed)}${note}` : undefined
    }
  }
  const significant = p < alpha
  const ok = !(beyond && significant)
  const label = pWorseLabel(e.pWorse, e.pAdjusted)
  const detail = beyond
    ? `worsened by ${formatNumber(worse)} > allowed ${formatNumber(allowed)}; ${label}${pText(p)} ${significant ? '<' : '≥'} α=${alpha}${significant ? '' : ' (not significant)'}`
    : undefined
  return { rule: 'max-regression', limit, ok, detail }
}

/** At most this many earlier values are listed by name in a history line; more are summarised as range and count. */
const LISTED_HISTORY = 10

function historyText(values: readonly number[]): string {
  if (values.length <= LISTED_HISTORY) return `${values.length} earlier values: ${values.map((v) => formatNumber(v)).join(', ')}`
  return `${values.length} earlier values from ${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))}`
}

/**
 * `history: iqr`: the head value against Tukey's fence of the metric's earlier values, with or without a baseline.
 * The detail always names the values and the fence it used, passing or not.
 */
function historyCheck(head: number, direction: Direction, history: readonly number[] | undefined): { check?: GateCheck; note?: string } {
  const values = (history ?? []).filter(Number.isFinite)
  const fence = iqrFence(values)
  if (!fence) return { note: `history: iqr not checked: it needs ${IQR_MIN_HISTORY} earlier values, found ${values.length}` }
  const bad = direction === 'higher' ? head < fence.low : head > fence.high
  const where = `fence [${formatNumber(fence.low)}, ${formatNumber(fence.high)}] from ${historyText(values)}`
  const detail = bad ? `${formatNumber(head)} is outside the IQR ${where}` : `${formatNumber(head)} is inside the IQR ${where}`
  return { check: { rule: 'history', limit: 'iqr', ok: !bad, detail } }
}

/** What a gate is checked against; a part left out (no baseline, no per-example data, no history) skips its rules. */
export interface GateEvidence {
  head: number
  headCi: Interval | null
  direction: Direction
  /** The comparison with the baseline, over the paired examples. */
  regression?: Omit<RegressionEvidence, 'direction'>
  coverage?: Coverage
  history?: readonly number[]
}

/** Every rule of one gate; max-dropped defaults to 0 on a gated metric and is listed when it matters (set, or examples lost). */
function checkGate(gate: Gate, e: GateEvidence): { checks: GateCheck[]; notes: string[] } {
  const checks = boundChecks(gate, e.head, e.headCi)
  const notes: string[] = []
  if (e.regression) {
    const regression = regressionCheck(gate, { ...e.regression, direction: e.direction })
    if (regression) checks.push(regression)
  }
  if (e.coverage && isGated(gate) && (gate['max-dropped'] !== undefined || e.coverage.lost > 0)) checks.push(droppedCheck(gate['max-dropped'] ?? 0, e.coverage))
  if (gate.history === 'iqr') {
    const h = historyCheck(e.head, e.direction, e.history)
    if (h.check) checks.push(h.check)
    if (h.note) notes.push(h.note)
  }
  return { checks, notes }
}

const sameCheck = (a: GateCheck, b: GateCheck) => a.rule === b.rule && a.limit === b.limit && a.ok === b.ok

/**
 * Both gates apply: the baseline's (base branch, which the PR cannot edit) and the head config's. A check both give
 * alike is listed once; the others say whose they are. Any failing check fails, so the stricter outcome wins.
 */
export function checkGates(base: Gate | undefined, head: Gate, e: GateEvidence): { checks: GateCheck[]; notes: string[] } {
  const fromHead = checkGate(head, e)
  if (!base || sameGate(base, head)) return fromHead
  const fromBase = checkGate(base, e)
  const checks: GateCheck[] = fromBase.checks.map((c) => (fromHead.checks.some((h) => sameCheck(h, c)) ? c : { ...c, from: 'base' as const }))
  for (const c of fromHead.checks) if (!fromBase.checks.some((b) => sameCheck(b, c))) checks.push({ ...c, from: 'head' })
  return { checks, notes: [...new Set([...fromBase.notes, ...fromHead.notes])] }
}

function canonical(gate: Gate): string {
  return JSON.stringify(
    Object.entries(gate)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
  )
}

export const sameGate = (a: Gate, b: Gate): boolean => canonical(a) === canonical(b)

/** A gate as the report shows it: `{max-regression: 2%, significance: 0.05}`, `{}` for none. */
export function gateText(gate: Gate): string {
  const entries = Object.entries(gate)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
  return `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`
}
