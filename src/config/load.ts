import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { z } from 'zod'
import { didYouMean } from '../util/suggest.js'
import { type Config, configSchema } from './schema.js'

export type PathKey = string | number

/** A config problem; the message reads `interp-gate.yml:14:7 metrics[2].gate.min: expected a number`. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function formatPath(path: readonly PathKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key
  return out
}

/** A parsed config plus where each key sits in the file, so later checks can point at the line. */
export interface LoadedConfig {
  config: Config
  file: string
  /** `file:line:col path` for a path in the config (the nearest existing parent when the path is absent). */
  at(path: readonly PathKey[], key?: boolean): string
  /** 1-based line of a path, for annotations. */
  line(path: readonly PathKey[]): number
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `"${value}"`
  return String(value)
}

const article: Record<string, string> = { number: 'a number', string: 'a string', object: 'a mapping', array: 'a list', boolean: 'true or false', int: 'an integer' }

/** Keys a zod object schema accepts at `path`, for "did you mean". */
function knownKeys(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let s: z.ZodType = schema
  for (const key of [...path, '']) {
    while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType
    if (key === '') break
    if (s instanceof z.ZodObject) s = s.shape[key as string]
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType
    else return []
    if (!s) return []
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : []
}

function getIn(value: unknown, path: readonly PathKey[]): unknown {
  let v = value
  for (const key of path) v = v == null ? undefined : (v as Record<PathKey, unknown>)[key]
  return v
}

/** Turns zod issues into one message per issue, at the position of the offending key. */
export function issueMessages(issues: readonly z.core.$ZodIssue[], raw: unknown, schema: z.ZodType, at: LoadedConfig['at'], prefix: PathKey[] = []): string[] {
  return issues.map((issue) => {
    const path = [...prefix, ...(issue.path as PathKey[])]
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path as PathKey[])
      return issue.keys
        .map((k) => `${at([...path, k], true)}: unknown key "${k}"${didYouMean(k, known)}${known.length ? `; expected one of ${known.join(', ')}` : ''}`)
        .join('\n')
    }
    const value = getIn(raw, issue.path as PathKey[])
    if (issue.code === 'invalid_type') {
      const expected = article[issue.expected] ?? issue.expected
      return value === undefined ? `${at(path)}: required (${expected})` : `${at(path)}: expected ${expected}, got ${describe(value)}`
    }
    if (issue.code === 'invalid_value') {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ')
      const hint = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : ''
      return `${at(path)}: expected ${issue.values.length === 1 ? allowed : `one of ${allowed}`}, got ${describe(value)}${hint}`
    }
    if (issue.code === 'invalid_union') return `${at(path)}: expected a number or a percentage such as "2%", got ${describe(value)}`
    return `${at(path)}: ${issue.message.replace(/^Invalid input: /, '')}${value !== undefined && issue.code !== 'custom' ? `, got ${describe(value)}` : ''}`
  })
}

/** Parses and validates config text; every problem is reported at once, each with file:line:col and key path. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const lineCounter = new LineCounter()
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, col }
  }
  if (doc.errors.length > 0) {
    const messages = doc.errors.map((e) => {
      const { line, col } = position(e.pos[0])
      return `${file}:${line}:${col}: ${e.message.split('\n')[0]}`
    })
    throw new ConfigError(messages.join('\n'))
  }
  const locate = (path: readonly PathKey[], key = false) => {
    // Walk down as far as the path exists; point at the key of the last pair when asked, else at its value.
    let node: unknown = doc.contents
    let offset = 0
    for (let i = 0; i < path.length; i++) {
      if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break
      const items = (node as { items: unknown[] }).items
      let next: unknown
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[i]))
        if (!pair) break
        const target = key && i === path.length - 1 ? pair.key : (pair.value ?? pair.key)
        next = target
        const range = (target as { range?: [number, number, number] }).range ?? (pair.key as { range?: [number, number, number] }).range
        if (range) offset = range[0]
      } else {
        next = items[path[i] as number]
        const range = (next as { range?: [number, number, number] } | undefined)?.range
        if (!next) break
        if (range) offset = range[0]
      }
      node = next
    }
    return position(offset)
  }
  const at = (path: readonly PathKey[], key = false) => {
    const { line, col } = locate(path, key)
    const p = formatPath(path)
    return `${file}:${line}:${col}${p ? ` ${p}` : ''}`
  }
  const raw: unknown = doc.toJS()
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected a mapping with version, metrics, ...; got ${describe(raw)}`)
  const parsed = configSchema.safeParse(raw)
  if (!parsed.success) throw new ConfigError(issueMessages(parsed.error.issues, raw, configSchema, at).join('\n'))
  const config = parsed.data
  const seen = new Map<string, number>()
  const duplicates: string[] = []
  config.metrics.forEach((m, i) => {
    if (seen.has(m.id)) duplicates.push(`${at(['metrics', i, 'id'])}: duplicate id "${m.id}" (also metrics[${seen.get(m.id)}])`)
    else seen.set(m.id, i)
  })
  config.accept.forEach((a, i) => {
    if (!seen.has(a.metric)) duplicates.push(`${at(['accept', i, 'metric'])}: accept names metric "${a.metric}", which is not in metrics${didYouMean(a.metric, [...seen.keys()])}; use one of the metric ids`)
  })
  if (duplicates.length) throw new ConfigError(duplicates.join('\n'))
  return { config, file, at, line: (path) => locate(path).line }
}
