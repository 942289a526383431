import type { Gate } from '../domain/policy.js'
import type { Power } from '../results/results-schema.js'
import { gatePower, pairedDifferences, type Sample, sampleSd, TARGET_POWER } from '../stats/index.js'
import { formatNumber } from '../util/format.js'
import { marginOf } from './gates.js'

/** A gate whose regression rule is a significance test: the only kind power speaks about. */
export type TestedGate = Gate & { 'max-regression': NonNullable<Gate['max-regression']>; significance: number }

export function isTestedGate(gate: Gate | undefined): gate is TestedGate {
  return gate !== undefined && gate['max-regression'] !== undefined && gate.significance !== undefined
}

/** The power of `gate` on these runs' paired scores; undefined when they do not pair by per-example scores. */
export function powerOf(gate: TestedGate, base: Sample, head: Sample): Power | undefined {
  const paired = pairedDifferences(base, head)
  if (!paired || paired.differences.length === 0) return undefined
  const allowed = marginOf(gate['max-regression'], paired.baseMean)
  const p = gatePower({ sd: sampleSd(paired.differences), n: paired.differences.length, allowed, alpha: gate.significance })
  return { ...p, allowed, alpha: gate.significance }
}

export const underpowered = (p: Power | undefined): p is Power => p !== undefined && p.power !== null && p.power < TARGET_POWER

/** "underpowered: 30 examples detect regressions ≥ 0.023 at 80% power; the allowed 0.01 needs about 155". */
export function underpoweredNote(p: Power, where = ''): string {
  const need =
    p.nNeeded === null
      ? `an allowed regression of 0 is never shown significant; allow a margin`
      : `the allowed ${formatNumber(p.allowed)} needs about ${p.nNeeded}`
  return `underpowered${where}: ${p.n} examples detect regressions ≥ ${formatNumber(p.mde)} at ${Math.round(TARGET_POWER * 100)}% power (one-sided α=${p.alpha}); ${need}`
}
