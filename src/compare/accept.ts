import type { AcceptEntry } from '../domain/policy.js'
import type { Results, Row } from '../results/results-schema.js'

const key = (e: AcceptEntry) => `${e.metric}\n${e.reason}`

/** The head's accept entries split by the baseline's: new ones (this change is accepting them) and stale ones. */
export function splitAccept(head: Results, base: Results | null): { fresh: AcceptEntry[]; stale: AcceptEntry[] } {
  const inBase = new Set((base?.accept ?? []).map(key))
  const entries = head.accept ?? []
  return { fresh: entries.filter((e) => !inBase.has(key(e))), stale: entries.filter((e) => inBase.has(key(e))) }
}

/** Rules accept covers: regressions against the baseline or history. min/max bound the value itself and stay failed. */
const ACCEPTABLE = new Set(['max-regression', 'max-dropped', 'history', 'slice'])

/**
 * A new accept entry turns the metric's regression into `accepted` (a warning) with its reason; a stale one (already
 * in the baseline) accepts nothing and the row says to remove it.
 */
export function applyAccept(row: Row, fresh: readonly AcceptEntry[], stale: readonly AcceptEntry[]): Row {
  const mine = fresh.filter((e) => e.metric === row.id)
  const old = stale.filter((e) => e.metric === row.id)
  if (!mine.length && !old.length) return row
  const notes = [...(row.notes ?? [])]
  for (const e of old) notes.push(`accept entry "${e.reason}" is already in the baseline, so it accepts nothing now: remove it from accept`)
  if (!mine.length) return { ...row, notes }
  const reason = mine.map((e) => e.reason).join('; ')
  if (row.status === 'regressed') {
    notes.push(`regression accepted by this change: ${reason}`)
    return { ...row, status: 'accepted', accepted: reason, notes }
  }
  const acceptable = row.gates.some((g) => !g.ok && ACCEPTABLE.has(g.rule))
  if (row.status === 'failed' && acceptable)
    notes.push(`accept ("${reason}") covers regressions (max-regression, max-dropped, history, slice), not the bounds min/max: still failed`)
  else if (row.status === 'failed') notes.push(`accept ("${reason}") does not cover the bounds min/max: still failed`)
  else notes.push(`accept entry "${reason}" has nothing to accept (status ${row.status}): remove it unless a regression is expected`)
  return { ...row, notes }
}

/** Accept entries that name no compared metric: said once for the whole comparison, never dropped silently. */
export function unmatchedAccept(entries: readonly AcceptEntry[], rows: readonly Row[]): string[] {
  const ids = new Set(rows.map((r) => r.id))
  return entries.filter((e) => !ids.has(e.metric)).map((e) => `accept entry for "${e.metric}" names no metric of this comparison: remove it`)
}
