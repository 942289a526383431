import { parseJsonDocument } from '../inputs/json.js'
import { fail } from '../inputs/errors.js'
import type { AdapterFile, AdapterMetric } from './adapter.js'

export function readJsonObject(file: AdapterFile): Record<string, unknown> {
  const doc = parseJsonDocument(file.bytes, file.path)
  if (!isObject(doc)) fail(file.path, `expected a JSON object at the top level, got ${Array.isArray(doc) ? 'a list' : typeof doc}`)
  return doc
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A list of numbers; Python's json writes NaN, which our JSON parser reads as null: a per-example NaN. */
function isNumberList(value: unknown): value is (number | null)[] {
  return Array.isArray(value) && value.some((v) => typeof v === 'number') && value.every((v) => typeof v === 'number' || v === null)
}

/**
 * Every number and every list of numbers under `node`, keyed by its dotted path ("sparsity.l0").
 * Lists of numbers become per-example scores; null scalars (a metric the library did not compute), strings and other lists are skipped.
 */
export function numericLeaves(node: unknown, prefix = '', onNested?: (key: string) => void): { key: string; value?: number; scores?: number[] }[] {
  const out: { key: string; value?: number; scores?: number[] }[] = []
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'number') out.push({ key, value })
    else if (typeof value === 'boolean') return
    else if (isNumberList(value)) out.push({ key, scores: value.map((v) => v ?? NaN) })
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) visit(v, key ? `${key}.${k}` : k)
    else if (onNested && Array.isArray(value) && value.some(Array.isArray)) onNested(key)
  }
  visit(node, prefix)
  return out
}

/** One AdapterMetric from a numeric leaf. */
export function leafMetric(id: string, key: string, leaf: { value?: number; scores?: number[] }, provenance: Record<string, string>): AdapterMetric {
  return leaf.scores ? { id, key, scores: Float64Array.from(leaf.scores), provenance } : { id, key, value: leaf.value, provenance }
}

/** A string field for provenance, or nothing when absent or not text. */
export function textField(record: Record<string, unknown>, name: string): Record<string, string> {
  const value = record[name]
  return typeof value === 'string' || typeof value === 'number' ? { [name]: String(value) } : {}
}

/** Ids may hold only what ids can: other characters become "_". */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._/@=-]/g, '_')
}
