import type { Direction, Gate } from '../domain/policy.js'
import type { GateCheck, Interval } from '../results/schema.js'
import { formatNumber, pText } from '../util/format.js'


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
export function boundChecks(gate: Gate, head: number, ci: Interval | null): GateCheck[] {
  const checks: GateCheck[] = []
  const useCi = gate.significance !== undefined && ci !== null && ci.low !== null && ci.high !== null
  if (gate.min !== undefined) {
    const probe = useCi ? ci!.high! : head
    const ok = probe >= gate.min
    checks.push({ rule: 'min', limit: gate.min, ok, detail: ok ? undefined : useCi ? `CI upper bound ${formatNumber(probe)} < min ${formatNumber(gate.min)}` : `${formatNumber(head)} < min ${formatNumber(gate.min)}` })
  }
  if (gate.max !== undefined) {
    const probe = useCi ? ci!.low! : head
    const ok = probe <= gate.max
    checks.push({ rule: 'max', limit: gate.max, ok, detail: ok ? undefined : useCi ? `CI lower bound ${formatNumber(probe)} > max ${formatNumber(gate.max)}` : `${formatNumber(head)} > max ${formatNumber(gate.max)}` })
  }
  return checks
}

export interface RegressionEvidence {
  base: number
  head: number
  direction: Direction
  /** One-sided p that head is worse than base (Holm-adjusted when a correction applies); null without per-example data. */
  pWorse: number | null
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
  const beyond = worse > allowed
  const alpha = gate.significance
  if (alpha === undefined || e.pWorse === null) {
    const note = alpha !== undefined ? ' (no per-example data for a test: point estimate decides)' : ''
    return { rule: 'max-regression', limit, ok: !beyond, detail: beyond ? `worsened by ${formatNumber(worse)} > allowed ${formatNumber(allowed)}${note}` : undefined }
  }
  const significant = e.pWorse < alpha
  const ok = !(beyond && significant)
  const detail = beyond
    ? `worsened by ${formatNumber(worse)} > allowed ${formatNumber(allowed)}; p(worse)${pText(e.pWorse)} ${significant ? '<' : '≥'} α=${alpha}${significant ? '' : ' (not significant)'}`
    : undefined
  return { rule: 'max-regression', limit, ok, detail }
}
