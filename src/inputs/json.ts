import { didYouMean } from '../util/suggest.js'
import { fail, listText } from './errors.js'
import { type NDArray, makeArray, makeStrings } from '../domain/ndarray.js'

/** Most dimensions an array may have (numpy 2's NPY_MAXDIMS). */
const MAX_DIMENSIONS = 64

/** Describes a position inside the value being converted (a JSON pointer, or a JSONL line) for messages. */
export type Where = (path: readonly (string | number)[]) => string

/** UTF-8 text of a file, without a byte-order mark; UTF-16 (Windows "Unicode") is refused by name, not misread. */
export function decodeText(bytes: Uint8Array, source = 'input'): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    fail(source, 'is UTF-16 text; save it as UTF-8 (Python: open(path, "w", encoding="utf-8"); pandas: to_csv(path, encoding="utf-8"))')
  }
  const text = new TextDecoder('utf-8').decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * JSON.parse, also accepting the NaN / Infinity / -Infinity that Python's json.dump writes by default.
 * `what` names the text in messages ("" for a whole file, "line 3" for a JSONL line).
 */
export function parseJsonText(text: string, source: string, what = ''): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    // Outside strings, NaN becomes null (our NaN) and ±Infinity an overflowing literal that parses to ±Infinity.
    const patched = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (token) =>
      token[0] === '"' ? token : token === 'NaN' ? 'null' : token.replace('Infinity', '1e999')
    )
    if (patched !== text) {
      try {
        return JSON.parse(patched)
      } catch {
        // report the original error below
      }
    }
    return fail(source, `${what ? `${what} is` : 'is'} not valid JSON (${jsonErrorText(error as Error, text)})`)
  }
}

/** V8's message, with "at position N" turned into a line and column and quoted text dropped. */
function jsonErrorText(error: Error, text: string): string {
  const message = error.message.replace(/, ".*" is not valid JSON$/s, '').replace(/, ".*"\.\.\. is not valid JSON$/s, '')
  const at = /at position (\d+)/.exec(message)
  if (!at) return message
  const before = text.slice(0, Number(at[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, '') + ` at line ${line}, column ${column}`
}

/** RFC 6901 reference tokens of a pointer such as "/a/0/b~1c"; "" is the whole document. */
export function pointerTokens(pointer: string, source: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) fail(source, `a JSON pointer starts with "/": write ${source}#/${pointer}`)
  if (/~(?![01])/.test(pointer)) fail(`${source}#${pointer}`, 'in a JSON pointer "~" is written ~0 (and "/" inside a key ~1)')
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Spells a path as a JSON pointer for messages ("#/a/0"), or "the top level". */
export function pointerText(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the top level'
  return '#/' + path.map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
}

/** Follows pointer tokens into a parsed document; a miss names the level where it failed and what is there. */
export function resolvePointer(doc: unknown, tokens: readonly string[], display: string, where: Where = pointerText): unknown {
  let value = doc
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const at = where(tokens.slice(0, i))
    if (Array.isArray(value)) {
      const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : NaN
      if (!(index < value.length)) fail(display, `no index "${token}" in the array at ${at} (it has ${value.length} elements)`)
      value = value[index]
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value)
      if (!Object.hasOwn(value, token)) {
        fail(display, `no key "${token}" at ${at}${didYouMean(token, keys)}; keys there: ${listText(keys)}`)
      }
      value = (value as Record<string, unknown>)[token]
    } else {
      fail(display, `${at} is ${kindText(value)}, there is no "${token}" inside it`)
    }
  }
  return value
}

export function kindText(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * Converts a number, or a nested rectangular array of numbers / booleans / nulls, to an n-d array;
 * an array of strings becomes a text array. `base` is the path of `value` itself, for messages.
 */
export function jsonToArray(value: unknown, display: string, base: readonly (string | number)[] = [], where: Where = pointerText): NDArray {
  const shape: number[] = []
  for (let v = value; Array.isArray(v); v = v[0]) {
    shape.push(v.length)
    if (v.length === 0) break
    // numpy's own limit; deeper nesting is a malformed or hostile file and would overflow the stack below.
    if (shape.length > MAX_DIMENSIONS)
      fail(display, `arrays nest more than ${MAX_DIMENSIONS} levels deep; numpy arrays have at most ${MAX_DIMENSIONS} dimensions`)
  }
  const numbers: number[] = []
  const strings: string[] = []
  let textAt: string | undefined
  let numberAt: string | undefined
  let booleans = 0

  // One mutable path stack: copying a path per element would dominate the cost for large arrays.
  const path: (string | number)[] = [...base]
  const visit = (v: unknown, depth: number): void => {
    if (depth < shape.length) {
      const expected = `expected ${Array.isArray(v) ? '' : 'an array of '}${shape[depth]} like the first`
      if (!Array.isArray(v)) fail(display, `ragged array: ${where(path)} is ${kindText(v)}, ${expected}`)
      if (v.length !== shape[depth]) fail(display, `ragged array: ${where(path)} has ${v.length} elements, ${expected}`)
      for (let i = 0; i < v.length; i++) {
        path.push(i)
        visit(v[i], depth + 1)
        path.pop()
      }
      return
    }
    if (typeof v === 'string') {
      textAt ??= where(path)
      strings.push(v)
      return
    }
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) {
      numberAt ??= where(path)
      if (typeof v === 'boolean') booleans++
      numbers.push(v === null ? NaN : Number(v))
      return
    }
    if (Array.isArray(v)) fail(display, `ragged array: ${where(path)} is an array, expected a number like the first`)
    const keys = Object.keys(v as object)
    const hint = keys.length > 0 ? ` (e.g. ${pointerText([...path, keys[0]])})` : ''
    fail(display, `${where(path)} is an object with keys ${listText(keys, 8)}; point at a number or an array inside it${hint}`)
  }
  visit(value, 0)

  if (textAt !== undefined && numberAt !== undefined) {
    fail(display, `mixes numbers (${numberAt}) and text (${textAt}); expected all numbers or all strings`)
  }
  if (textAt !== undefined) return makeStrings(strings, shape, 'str', display)
  const dtype = booleans > 0 && booleans === numbers.length ? 'bool' : 'float64'
  return makeArray(Float64Array.from(numbers), shape, dtype, display)
}

/** Parses a .json file once, so several pointers into it share the work. */
export function parseJsonDocument(bytes: Uint8Array, source: string): unknown {
  return parseJsonText(decodeText(bytes, source), source)
}

/** The array at `pointer` ("/a/0/b"; "" or undefined for the whole document). */
export function selectJson(doc: unknown, pointer: string | undefined, source: string): NDArray {
  const display = pointer ? `${source}#${pointer}` : source
  const tokens = pointerTokens(pointer ?? '', source)
  return jsonToArray(resolvePointer(doc, tokens, display), display, tokens)
}

export function readJson(bytes: Uint8Array, pointer: string | undefined, source: string): NDArray {
  return selectJson(parseJsonDocument(bytes, source), pointer, source)
}
