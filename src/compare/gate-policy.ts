import { type Direction, type Gate, type Severity, stricterSeverity } from '../domain/policy.js'
import type { MetricResult } from '../results/results-schema.js'
import { gateText, sameGate } from './gates.js'

/** What the head's config says about one metric id: its gate, severity and where it sits (for annotations). */
export interface GateSpec {
  gate: Gate
  severity: Severity
  line?: number
}

/** The policy one metric is held to in this comparison, and every decision behind it, in words. */
export interface MetricPolicy {
  /** The baseline's recorded gate: it applies alongside the head's. Undefined without a baseline entry that records one. */
  baseGate?: Gate
  headGate: Gate
  severity: Severity
  direction: Direction
  line?: number
  notes: string[]
}

/**
 * The base branch's policy cannot be loosened by the PR it judges: both gates apply (any failing check fails), the
 * stricter severity applies, and the direction stays the base's until the change is merged.
 */
export function metricPolicy(head: MetricResult, configured: GateSpec | undefined, base: MetricResult | undefined, fallback: GateSpec): MetricPolicy {
  const spec = configured ?? (head.gate && head.severity ? { gate: head.gate, severity: head.severity } : fallback)
  const notes: string[] = []
  let direction = head.direction
  if (base && base.direction !== head.direction) {
    direction = base.direction
    notes.push(
      `this PR changes the direction of ${head.id} from "${base.direction} is better" to "${head.direction} is better"; the base branch's direction applies until the change is merged`
    )
  }
  const policy: MetricPolicy = { headGate: spec.gate, severity: spec.severity, direction, notes, ...(spec.line ? { line: spec.line } : {}) }
  if (!base?.gate) return policy
  policy.baseGate = base.gate
  if (!sameGate(base.gate, spec.gate)) {
    notes.push(
      `this PR changes the gate of ${head.id} from ${gateText(base.gate)} to ${gateText(spec.gate)}: both apply until the change is merged, and a check failing in either fails`
    )
  }
  if (base.severity && base.severity !== spec.severity) {
    policy.severity = stricterSeverity(base.severity, spec.severity)
    notes.push(
      `this PR changes the severity of ${head.id} from ${base.severity} to ${spec.severity}: the stricter (${policy.severity}) applies until the change is merged`
    )
  }
  return policy
}
