import type { Dropped } from '../domain/policy.js'
import type { DecodedExamples } from '../results/io.js'
import type { Coverage, GateCheck, MetricResult } from '../results/results-schema.js'

/** Per example: does it count (a finite score; for columns, no NaN in any column)? */
function usableRows(x: DecodedExamples): boolean[] | undefined {
  if (x.scores) return Array.from(x.scores, Number.isFinite)
  const columns = Object.values(x.columns ?? {})
  if (!columns.length) return undefined
  return Array.from({ length: columns[0].length }, (_, i) => columns.every((c) => !Number.isNaN(c[i])))
}

const count = (flags: readonly boolean[]) => flags.reduce((k, f) => k + (f ? 1 : 0), 0)

/** Pairs usable rows by id (both runs have ids) or by position (neither has, same length); undefined otherwise. */
function pairedUsable(baseExamples: DecodedExamples, headExamples: DecodedExamples, baseUsable: boolean[], headUsable: boolean[]): number | undefined {
  if (baseExamples.ids && headExamples.ids) {
    if (new Set(baseExamples.ids).size !== baseExamples.ids.length || new Set(headExamples.ids).size !== headExamples.ids.length) return undefined
    const headRow = new Map(headExamples.ids.map((id, i) => [id, i]))
    return baseExamples.ids.reduce((k, id, i) => {
      const j = headRow.get(id)
      return k + (baseUsable[i] && j !== undefined && headUsable[j] ? 1 : 0)
    }, 0)
  }
  if (baseExamples.ids || headExamples.ids || baseUsable.length !== headUsable.length) return undefined
  return baseUsable.reduce((k, ok, i) => k + (ok && headUsable[i] ? 1 : 0), 0)
}

/**
 * Which of the baseline's examples the head still scores. Exact from per-example data when the runs pair; else a
 * lower bound from the counts of usable examples (n), so dropping examples can never look like no change.
 */
export function coverageOf(
  base: MetricResult,
  head: MetricResult,
  baseExamples: DecodedExamples | undefined,
  headExamples: DecodedExamples | undefined
): Coverage {
  const baseUsable = baseExamples && usableRows(baseExamples)
  const headUsable = headExamples && usableRows(headExamples)
  if (baseExamples && headExamples && baseUsable && headUsable) {
    const paired = pairedUsable(baseExamples, headExamples, baseUsable, headUsable)
    if (paired !== undefined) {
      const baseCount = count(baseUsable)
      const headCount = count(headUsable)
      return { base: baseCount, head: headCount, paired, lost: baseCount - paired, headOnly: headCount - paired, exact: true }
    }
  }
  const baseCount = base.n
  const headCount = head.n
  return {
    base: baseCount,
    head: headCount,
    paired: Math.min(baseCount, headCount),
    lost: Math.max(0, baseCount - headCount),
    headOnly: Math.max(0, headCount - baseCount),
    exact: false
  }
}

export const coverageChanged = (c: Coverage | undefined): boolean => c !== undefined && (c.lost > 0 || c.headOnly > 0)

/** The examples `max-dropped` allows: a count, or "N%" of the baseline's usable examples (rounded down). */
function allowedDrops(limit: Dropped, baseCount: number): number {
  return typeof limit === 'number' ? limit : Math.floor((Number.parseFloat(limit) / 100) * baseCount + 1e-9)
}

/** `max-dropped` (0 when a gated metric leaves it out): how many baseline examples the head may lose. */
export function droppedCheck(limit: Dropped, coverage: Coverage): GateCheck {
  const allowed = allowedDrops(limit, coverage.base)
  const ok = coverage.lost <= allowed
  const atLeast = coverage.exact ? '' : 'at least '
  return {
    rule: 'max-dropped',
    limit,
    ok,
    ...(ok ? {} : { detail: `lost ${atLeast}${coverage.lost} of ${coverage.base} baseline examples (missing or NaN in this run) > allowed ${allowed}` })
  }
}

/** One sentence for the report: what the head lost or added relative to the baseline. */
export function coverageNote(c: Coverage): string {
  const parts: string[] = []
  if (c.lost > 0)
    parts.push(`this run lost ${c.exact ? '' : 'at least '}${c.lost} of the baseline's ${c.base} examples (missing, or NaN where the baseline had a value)`)
  if (c.headOnly > 0) parts.push(`${c.headOnly} example(s) only this run scores (not in the baseline, or NaN there) are counted but not compared`)
  const scope = c.exact ? `Δ, CI and p use the ${c.paired} examples both runs scored` : 'the runs could not be paired example by example, so counts come from n'
  return `coverage ${c.paired}/${c.base}: ${parts.join('; ')}; ${scope}`
}
