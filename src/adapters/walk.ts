import { parseJsonDocument } from '../inputs/json.js'
import { InputError, fail } from '../inputs/errors.js'
import { kindText } from '../inputs/json.js'
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

/** A decimal number written as text ("0.93", "1e-3", "NaN"): integers as text are left alone (ids, layers, versions). */
const NUMBER_TEXT = /^[-+]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][-+]?\d+|NaN|nan|-?[Ii]nf(inity)?)$/

/**
 * Every number and every list of numbers under `node`, keyed by its dotted path ("sparsity.l0").
 * Lists of numbers become per-example scores; null scalars (a metric the library did not compute), text, booleans and
 * lists of text are skipped. A number written as text, or a list mixing numbers with text, is an InputError naming the
 * key (it would otherwise vanish without a word). Walked with an explicit stack: a file nested 100,000 deep is read,
 * not a stack overflow.
 */
export function numericLeaves(node: unknown, prefix = '', onNested?: (key: string) => void): { key: string; value?: number; scores?: number[] }[] {
  const out: { key: string; value?: number; scores?: number[] }[] = []
  const stack: [unknown, string][] = [[node, prefix]]
  while (stack.length > 0) {
    const [value, key] = stack.pop()!
    if (typeof value === 'number') out.push({ key, value })
    else if (typeof value === 'string') {
      if (NUMBER_TEXT.test(value.trim()))
        throw new InputError(`at ${key || 'the top level'}: the number ${JSON.stringify(value)} is written as text; write it as a JSON number`)
    } else if (isNumberList(value)) out.push({ key, scores: value.map((v) => v ?? NaN) })
    else if (isObject(value)) {
      const entries = Object.entries(value)
      // Pushed in reverse, so keys come out in file order.
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], key ? `${key}.${entries[i][0]}` : entries[i][0]])
    } else if (Array.isArray(value)) {
      if (onNested && value.some(Array.isArray)) onNested(key)
      else if (value.some((v) => typeof v === 'number')) {
        const other = value.find((v) => typeof v !== 'number' && v !== null)
        throw new InputError(
          `at ${key || 'the top level'}: a list mixes numbers with ${kindText(other)}${typeof other === 'string' ? ` (${JSON.stringify(other.slice(0, 40))})` : ''}; per-example scores are all numbers (null for NaN)`
        )
      } else if (value.length > 0 && value.every((v) => typeof v === 'string' && NUMBER_TEXT.test(v.trim())))
        throw new InputError(
          `at ${key || 'the top level'}: the list's numbers are written as text (${JSON.stringify(value[0])}, …); write them as JSON numbers`
        )
    }
  }
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
