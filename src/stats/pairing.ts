import { columnRows } from './bootstrap.js'
import type { Aggregate, Sample } from './stat-types.js'

/** How base and head rows line up. */
export type Pairing =
  | {
      ok: true
      /** What is compared: per-example scores, or columns recombined by the aggregate. */
      kind: 'scores' | 'aggregate'
      by: 'ids' | 'position'
      /** Row of the base run / of the head run for each pair, in base order. */
      baseRows: Int32Array
      headRows: Int32Array
      onlyBase: string[]
      onlyHead: string[]
    }
  | { ok: false; reason: string }

function rowsOf(sample: Sample, kind: 'scores' | 'aggregate'): number {
  return kind === 'aggregate' ? columnRows(sample.columns ?? {}) : (sample.scores?.length ?? 0)
}

// One comparison hands the same id arrays to pairSamples several times (CI and test, power, slices) and to coverage:
// the duplicate check of a million ids, a Set as large, is done once per array. Decoded ids are never modified.
const duplicates = new WeakMap<readonly string[], string | null>()

/** The first id that repeats in the array, or undefined. */
export function firstDuplicate(ids: readonly string[]): string | undefined {
  let known = duplicates.get(ids)
  if (known === undefined) {
    known = null
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) {
        known = id
        break
      }
      seen.add(id)
    }
    duplicates.set(ids, known)
  }
  return known ?? undefined
}

/** The same ids in the same order: one eval set run twice, the usual case, pairs row i with row i without a lookup. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function range(n: number): Int32Array {
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = i
  return out
}

/**
 * Pairs the examples of two runs: by id when both runs carry ids (the intersection, in base order), by
 * position when neither does and the counts match. Anything else cannot be paired, and `reason` says why.
 */
export function pairSamples(base: Sample, head: Sample, opts: { aggregate?: Aggregate } = {}): Pairing {
  const kind = opts.aggregate && base.columns && head.columns ? 'aggregate' : base.scores && head.scores ? 'scores' : null
  if (!kind) return { ok: false, reason: 'a run has no per-example scores' }
  if (kind === 'aggregate') {
    const keys = (s: Sample) =>
      Object.keys(s.columns ?? {})
        .sort()
        .join(',')
    if (keys(base) !== keys(head)) return { ok: false, reason: 'the runs have different per-example columns' }
  }
  const nBase = rowsOf(base, kind)
  const nHead = rowsOf(head, kind)
  for (const [side, sample, n] of [
    ['base', base, nBase],
    ['head', head, nHead]
  ] as const) {
    if (sample.ids && sample.ids.length !== n) {
      return { ok: false, reason: `the ${side} run has ${sample.ids.length} ids for ${n} examples` }
    }
    const dup = sample.ids && firstDuplicate(sample.ids)
    if (dup !== undefined) return { ok: false, reason: `the ${side} run repeats example id "${dup}"` }
  }
  if (base.ids && head.ids) {
    if (sameIds(base.ids, head.ids)) return { ok: true, kind, by: 'ids', baseRows: range(nBase), headRows: range(nHead), onlyBase: [], onlyHead: [] }
    const headRow = new Map(head.ids.map((id, i) => [id, i]))
    const baseRows: number[] = []
    const headRows: number[] = []
    const onlyBase: string[] = []
    base.ids.forEach((id, i) => {
      const j = headRow.get(id)
      if (j === undefined) onlyBase.push(id)
      else {
        baseRows.push(i)
        headRows.push(j)
      }
    })
    if (baseRows.length === 0) return { ok: false, reason: 'the runs have no example id in common' }
    const inBase = new Set(base.ids)
    const onlyHead = head.ids.filter((id) => !inBase.has(id))
    return {
      ok: true,
      kind,
      by: 'ids',
      baseRows: Int32Array.from(baseRows),
      headRows: Int32Array.from(headRows),
      onlyBase,
      onlyHead
    }
  }
  if (base.ids || head.ids) {
    return { ok: false, reason: `only the ${base.ids ? 'base' : 'head'} run has example ids` }
  }
  if (nBase !== nHead) {
    return { ok: false, reason: `the runs have ${nBase} and ${nHead} examples and no ids to match them` }
  }
  return { ok: true, kind, by: 'position', baseRows: range(nBase), headRows: range(nHead), onlyBase: [], onlyHead: [] }
}
