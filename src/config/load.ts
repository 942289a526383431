import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml'
import { z } from 'zod'
import { didYouMean } from '../util/suggest.js'
import { type Config, configSchema, type MetricEntry, metricEntrySchema } from './config-schema.js'

export type PathKey = string | number

/** A config problem; the message reads `interp-gate.yml:14:7 metrics[2].gate.min: expected a number`. */
export class ConfigError extends Error {
  override name = 'ConfigError'

  constructor(
    message: string,
    /** When the schema failed: the metric entries that are valid on their own, so binding can report its problems in the same run. */
    public partial?: { entries: [number, MetricEntry][]; at: LoadedConfig['at']; severity: Config['defaults']['severity'] }
  ) {
    super(message)
  }
}

/** Aliases a YAML file may expand: enough for any real config, far below a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100

function formatPath(path: readonly PathKey[]): string {
  let out = ''
  // A key with spaces, quotes or newlines (a YAML complex key) is quoted so the message stays one line.
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : !/^[\w.-]*$/.test(key) ? `[${short(key)}]` : out ? `.${key}` : key
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

/** A string quoted on one line (newlines escaped), cut after 80 characters: values come from the file. */
function short(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return short(value)
  return String(value)
}

const article: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
  int: 'an integer'
}

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
        .map((k) => `${at([...path, k], true)}: unknown key ${short(k)}${didYouMean(k, known)}${known.length ? `; expected one of ${known.join(', ')}` : ''}`)
        .join('\n')
    }
    const value = getIn(raw, issue.path as PathKey[])
    if (path.length === 1 && path[0] === 'version' && issue.code === 'invalid_value') {
      return value === undefined
        ? `${at([])}: no \`version:\`; add \`version: 1\` as the first line`
        : `${at(path)}: expected 1 (the only config version), got ${describe(value)}`
    }
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
  // Unknown tags (!!js/function, !custom) are warnings to the parser; to us they are mistakes.
  const firstError = doc.errors[0] ?? doc.warnings[0]
  if (firstError) throw new ConfigError(yamlErrorMessage(text, file, firstError, position))
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
  let raw: unknown
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    if (/alias count/i.test((error as Error).message))
      throw new ConfigError(`${file}: YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies; write the values out`)
    if (error instanceof RangeError) throw new ConfigError(`${file}: nested too deeply to read; a config is a few levels of mappings and lists`)
    // The parser's other refusals while building values (an alias before its anchor) are mistakes in the file too.
    throw new ConfigError(`${file}: ${(error as Error).message}`)
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`${file}: expected a mapping with version, metrics, ...; got ${describe(raw)}`)
  const parsed = configSchema.safeParse(raw)
  if (!parsed.success) throw new ConfigError(issueMessages(parsed.error.issues, raw, configSchema, at).join('\n'), validEntries(raw, at))
  const config = parsed.data
  const seen = new Map<string, number>()
  const duplicates: string[] = []
  config.metrics.forEach((m, i) => {
    if (seen.has(m.id)) duplicates.push(`${at(['metrics', i, 'id'])}: duplicate id "${m.id}" (also metrics[${seen.get(m.id)}])`)
    else seen.set(m.id, i)
  })
  config.accept.forEach((a, i) => {
    if (!seen.has(a.metric))
      duplicates.push(
        `${at(['accept', i, 'metric'])}: accept names metric "${a.metric}", which is not in metrics${didYouMean(a.metric, [...seen.keys()])}; use one of the metric ids`
      )
  })
  const sliceIds = new Map<string, number>()
  config.slices.forEach((slice, i) => {
    const earlier = sliceIds.get(slice.id)
    if (earlier !== undefined)
      duplicates.push(`${at(['slices', i, 'id'])}: duplicate slice id "${slice.id}" (also slices[${earlier}]); give each slice its own id`)
    else sliceIds.set(slice.id, i)
  })
  if (duplicates.length) throw new ConfigError(duplicates.join('\n'))
  return { config, file, at, line: (path) => locate(path).line }
}

/** Metric entries that pass the schema on their own, for binding checks when the file as a whole does not. */
function validEntries(raw: object, at: LoadedConfig['at']): NonNullable<ConfigError['partial']> {
  const metrics = (raw as { metrics?: unknown }).metrics
  const entries: [number, MetricEntry][] = []
  if (Array.isArray(metrics)) {
    metrics.forEach((m, i) => {
      const parsed = metricEntrySchema.safeParse(m)
      if (parsed.success) entries.push([i, parsed.data])
    })
  }
  const severity = (raw as { defaults?: { severity?: unknown } }).defaults?.severity
  return { entries, at, severity: severity === 'warning' || severity === 'notice' ? severity : 'error' }
}

/**
 * One message for a YAML syntax error, at the mistake rather than where the parser gave up: an unclosed
 * quote or bracket is reported where it opens. The parser's follow-on errors are dropped.
 */
function yamlErrorMessage(text: string, file: string, error: YAMLError, position: (offset: number) => { line: number; col: number }): string {
  const at = (offset: number) => {
    const { line, col } = position(offset)
    return `${file}:${line}:${col}`
  }
  const offset = error.pos[0]
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    const quote = /single/i.test(error.message) ? "'" : '"'
    const open = text.lastIndexOf(quote, Math.max(0, offset - 1))
    if (open >= 0) return `${at(open)}: this ${quote} is never closed; close the quoted text on its line`
  }
  const closing = /end with an? ([}\]])/.exec(error.message)
  if (closing) {
    const open = unclosedBracket(text, offset)
    if (open >= 0) return `${at(open)}: this "${text[open]}" is never closed; add "${text[open] === '{' ? '}' : ']'}" before the line ends`
  }
  if (/Maximum call stack/.test(error.message)) return `${file}: nested too deeply to read; a config is a few levels of mappings and lists`
  return `${at(offset)}: ${error.message.split('\n')[0]}`
}

/** Offset of the last "{" or "[" before `end` left open (outside quotes and comments), or -1. */
function unclosedBracket(text: string, end: number): number {
  const open: number[] = []
  let quote = ''
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
      else if (c === '\\' && quote === '"') i++
      else if (c === '\n') quote = ''
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) while (i < end && text[i] !== '\n') i++
    else if (c === '{' || c === '[') open.push(i)
    else if ((c === '}' || c === ']') && open.length) open.pop()
  }
  return open.length ? open[open.length - 1] : -1
}
