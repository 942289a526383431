import { didYouMean } from '../util/suggest.js'
import { fail, listText } from './errors.js'
import { decodeText, jsonToArray, kindText, parseJsonText, pointerText, pointerTokens, resolvePointer } from './json.js'
import type { NDArray } from '../domain/ndarray.js'

/** One non-blank line of a JSON Lines file and its 1-based line number. */
export interface JsonLine {
  line: number
  value: unknown
}

/** Parses every non-blank line; a line that is not JSON fails with its line number. */
export function parseJsonLines(bytes: Uint8Array, source: string): JsonLine[] {
  const lines = decodeText(bytes, source).split('\n')
  const out: JsonLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim()
    if (text !== '') out.push({ line: i + 1, value: parseJsonText(text, source, `line ${i + 1}`) })
  }
  return out
}

/**
 * Takes `member` from every line: a key of each line's object, or a JSON pointer ("/a/b") into it;
 * without a member, each line's value itself. Numbers give [N], equal-length arrays [N, C], strings text.
 */
export function selectJsonLines(lines: readonly JsonLine[], member: string | undefined, source: string): NDArray {
  const display = member ? `${source}#${member}` : source
  const tokens = member?.startsWith('/') ? pointerTokens(member, source) : undefined
  const values = lines.map(({ line, value }) => {
    const where = (path: readonly (string | number)[]): string => (path.length === 0 ? `line ${line}` : `line ${line} at ${pointerText(path)}`)
    if (tokens) return resolvePointer(value, tokens, display, where)
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value)
    if (!member) {
      if (!isObject) return value
      const keys = Object.keys(value)
      return fail(source, `name a key of each line, e.g. ${source}#${keys[0] ?? 'score'} (keys on line ${line}: ${listText(keys)})`)
    }
    if (!isObject) return fail(display, `line ${line} is ${kindText(value)}, expected an object with key "${member}"`)
    if (!Object.hasOwn(value, member)) {
      const keys = Object.keys(value)
      return fail(display, `line ${line} has no key "${member}"${didYouMean(member, keys)}; keys there: ${listText(keys)}`)
    }
    return (value as Record<string, unknown>)[member]
  })
  const where = (path: readonly (string | number)[]): string => {
    if (path.length === 0) return 'the file'
    const line = `line ${lines[path[0] as number].line}`
    const inside = path.slice(1).join('/')
    return path.length === 1 ? line : `${line} at ${member ?? ''}/${inside}`
  }
  return jsonToArray(values, display, [], where)
}

export function readJsonLines(bytes: Uint8Array, member: string | undefined, source: string): NDArray {
  return selectJsonLines(parseJsonLines(bytes, source), member, source)
}
