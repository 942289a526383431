import { InputError, readRegularText } from '../inputs/index.js'
import { decodeFloat64 } from './encode.js'
import { type Comparison, type MetricResult, type Results, resultsSchema } from './results-schema.js'
import { attachedArrays, readSidecarBeside, SidecarError } from './sidecar.js'

export class ResultsError extends Error {
  override name = 'ResultsError'
}

/** JSON.parse's message without the text it quotes: a planted file could make that a secret, so only the position is kept. */
export function jsonSyntaxReason(error: unknown): string {
  return (error as Error).message.replace(/, ".*$/s, '').replace(/^Unexpected token '.*?'/s, 'Unexpected character')
}

/** Results files may come from another run's artifact: validate fully, never trust shape or size. */
export function parseResults(text: string, file: string): Results {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new ResultsError(`${file}: not valid JSON (${jsonSyntaxReason(error)}); expected a results.json written by interp-gate`)
  }
  const parsed = resultsSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')
    throw new ResultsError(`${file}: not an interp-gate results file (${where || 'root'}: ${first.message})`)
  }
  return parsed.data
}

/** Reads and validates a results file; `display` is the path as the user wrote it, for messages. */
export function readResultsFile(absolute: string, display: string): Results {
  let text: string
  try {
    text = readRegularText(absolute, display)
  } catch (error) {
    if (error instanceof InputError) throw new ResultsError(error.message)
    throw new ResultsError(`${display}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const results = parseResults(text, display)
  try {
    return readSidecarBeside(results, absolute, display)
  } catch (error) {
    if (error instanceof SidecarError) throw new ResultsError(error.message)
    throw error
  }
}

/** Stable, human-diffable JSON: fixed key order from construction, 2-space indent, trailing newline. */
export function serializeJson(value: Results | Comparison | unknown): string {
  return `${stringify(value, '')}\n`
}

/** JSON.stringify with 2-space indent, except that arrays of scalars (ids) stay on one line; non-finite → null. */
function stringify(value: unknown, indent: string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => stringify(v, inner)).join(', ')}]`
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`).join(',\n')}\n${indent}}`
}

/** The per-example data of a metric result, decoded; undefined when the run kept none. */
export interface DecodedExamples {
  ids?: string[]
  scores?: Float64Array
  columns?: Record<string, Float64Array>
}

export function decodeExamples(result: MetricResult): DecodedExamples | undefined {
  const ex = result.examples
  if (!ex || ex.omitted) return undefined
  const held = attachedArrays(ex)
  if (!held && (ex.scoresAt || ex.columnsAt)) throw new ResultsError(`metric "${result.id}": its per-example data is in a sidecar file that was not read`)
  const scores = held ? held.scores : ex.scores === undefined ? undefined : decodeFloat64(ex.scores)
  const columns = held
    ? held.columns
    : ex.columns === undefined
      ? undefined
      : Object.fromEntries(Object.entries(ex.columns).map(([k, v]) => [k, decodeFloat64(v)]))
  const length = scores?.length ?? Object.values(columns ?? {})[0]?.length
  if (ex.ids && length !== undefined && ex.ids.length !== length)
    throw new ResultsError(
      `metric "${result.id}": examples.ids has ${ex.ids.length} ids but examples.${scores ? 'scores' : `columns.${Object.keys(columns ?? {})[0]}`} has ${length} per-example values; the file is damaged or not written by interp-gate`
    )
  return { ids: ex.ids, scores, columns }
}
