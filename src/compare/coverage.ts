import type { Dropped } from '../domain/policy.js'
import type { DecodedExamples } from '../results/io.js'
import type { Coverage, GateCheck, MetricResult } from '../results/results-schema.js'
import { firstDuplicate, sameIds } from '../stats/index.js'

/** Per example: does it count (a finite score; for columns, no NaN in any column)? */
// 0/1 flags in a typed array: a run may have ten million examples.
function usableRows(x: DecodedExamples): Uint8Array | undefined {
  if (x.scores) {
    const flags = new Uint8Array(x.scores.length)
    for (let i = 0; i < flags.length; i++) flags[i] = Number.isFinite(x.scores[i]) ? 1 : 0
    return flags
  }
  const columns = Object.values(x.columns ?? {})
  if (!columns.length) return undefined
  return Uint8Array.from({ length: columns[0].length }, (_, i) => (columns.every((c) => !Number.isNaN(c[i])) ? 1 : 0))
}

function count(flags: Uint8Array): number {
  let k = 0
  for (let i = 0; i < flags.length; i++) k += flags[i]
  return k
}

/** Pairs usable rows by id (both runs have ids) or by position (neither has, same length); undefined otherwise. */
function pairedUsable(baseExamples: DecodedExamples, headExamples: DecodedExamples, baseUsable: Uint8Array, headUsable: Uint8Array): number | undefined {
  const [baseIds, headIds] = [baseExamples.ids, headExamples.ids]
  if (baseIds && headIds) {
    if (firstDuplicate(baseIds) !== undefined || firstDuplicate(headIds) !== undefined) return undefined
    if (!sameIds(baseIds, headIds)) {
      const headRow = new Map(headIds.map((id, i) => [id, i]))
      return baseIds.reduce((k, id, i) => {
        const j = headRow.get(id)
        return k + (baseUsable[i] && j !== undefined && headUsable[j] ? 1 : 0)
      }, 0)
    }
    // the same ids in the same order: row i pairs with row i
  } else if (baseIds || headIds || baseUsable.length !== headUsable.length) return undefined
  let k = 0
  for (let i = 0; i < baseUsable.length; i++) k += baseUsable[i] & headUsable[i]
  return k
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
    ...(ok ? {} : { detail: `lost ${atLeast}${coverage.lost} of ${coverage.base} baseline examples > allowed ${allowed}` })
  }
}

/**
 * The row's one coverage note: how many examples Δ, CI and p use, what the head lost or added, and (when they differ
 * from the paired means the table shows) the full-run values.
 */
export function coverageNote(c: Coverage, full?: { base: string; head: string }): string {
  const parts: string[] = []
  if (c.lost > 0) parts.push(`this run lost ${c.exact ? '' : 'at least '}${c.lost} (missing, or NaN where the baseline had a value)`)
  if (c.headOnly > 0) parts.push(`${c.headOnly} scored only by this run (not compared)`)
  if (!c.exact) parts.push('the runs could not be paired example by example, so counts come from n')
  const head = `${c.paired}/${c.base} examples paired${parts.length ? `: ${parts.join('; ')}` : ''}`
  return full ? `${head}; full run: base ${full.base} (${c.base} examples), head ${full.head} (${c.head})` : head
}
