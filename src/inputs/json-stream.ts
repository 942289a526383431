import { fail } from './errors.js'
import { decodeText, parseJsonText, pointerText, resolvePointer } from './json.js'

/** Fills `into` from the file's current position; returns the bytes read, 0 at the end. */
export type ReadChunk = (into: Uint8Array) => number

/** Bytes read per step: the scan holds one step (plus the value it extracts), never the whole file. */
const CHUNK_BYTES = 1 << 20

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

/** 1 for the bytes that matter while skipping a container: quotes and brackets. */
const STRUCTURAL = new Uint8Array(256)
for (const byte of [QUOTE, OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY]) STRUCTURAL[byte] = 1

/** A JSON text read a chunk at a time, byte by byte, keeping no byte it has passed (unless capturing). */
class ByteStream {
  private chunk = new Uint8Array(0)
  private pos = 0
  private before = 0
  /** While set, every byte consumed is kept here (the value being extracted). */
  capture: Uint8Array[] | null = null
  private captureFrom = 0

  constructor(
    private readonly read: ReadChunk,
    private readonly source: string
  ) {}

  /** Offset of the next byte within the file, for messages. */
  get offset(): number {
    return this.before + this.pos
  }

  private refill(): boolean {
    if (this.capture && this.pos > this.captureFrom) this.capture.push(this.chunk.subarray(this.captureFrom, this.pos))
    this.before += this.chunk.length
    // A fresh buffer each step: captured slices keep pointing at their own bytes.
    const next = new Uint8Array(CHUNK_BYTES)
    const got = this.read(next)
    this.chunk = next.subarray(0, got)
    this.pos = 0
    this.captureFrom = 0
    return got > 0
  }

  startCapture(): void {
    this.capture = []
    this.captureFrom = this.pos
  }

  endCapture(): Uint8Array {
    const parts = this.capture ?? []
    if (this.pos > this.captureFrom) parts.push(this.chunk.subarray(this.captureFrom, this.pos))
    this.capture = null
    return parts.length === 1 ? parts[0] : Buffer.concat(parts)
  }

  /** The next byte, or -1 at the end of the file. */
  peek(): number {
    if (this.pos >= this.chunk.length && !this.refill()) return -1
    return this.chunk[this.pos]
  }

  next(): number {
    const byte = this.peek()
    if (byte >= 0) this.pos++
    return byte
  }

  /** The next byte that is not JSON whitespace. */
  peekToken(): number {
    for (;;) {
      const byte = this.peek()
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte
      this.pos++
    }
  }

  expect(byte: number, what: string): void {
    const got = this.peekToken()
    if (got !== byte) this.error(`expected ${what}`)
    this.pos++
  }

  error(message: string): never {
    const got = this.peek()
    const found = got < 0 ? 'the end of the file' : got >= 0x21 && got < 0x7f ? `"${String.fromCharCode(got)}"` : `byte ${got}`
    return fail(this.source, `is not valid JSON (${message} at byte ${this.offset}, found ${found})`)
  }

  /** A string token (the opening quote is next), decoded. */
  readString(): string {
    this.startCapture()
    this.pos++
    this.skipStringBody()
    const raw = this.endCapture()
    return parseJsonText(decodeText(raw, this.source), this.source) as string
  }

  /** Skips to just past the closing quote of a string whose opening quote was consumed. */
  private skipStringBody(): void {
    chunks: for (;;) {
      if (this.pos >= this.chunk.length && !this.refill()) this.error('a string that never ends')
      const chunk = this.chunk
      let pos = this.pos
      while (pos < chunk.length) {
        const byte = chunk[pos++]
        if (byte === QUOTE) {
          this.pos = pos
          return
        }
        if (byte === BACKSLASH) {
          if (pos >= chunk.length) {
            this.pos = pos
            if (!this.refill()) this.error('a string that never ends')
            this.pos++
            continue chunks
          }
          pos++
        }
      }
      this.pos = pos
    }
  }

  /**
   * Skips one value without building it: a container by its brackets (matched on a stack, so `[}` is refused),
   * strings by their quotes, a scalar up to its delimiter. No recursion: any nesting depth is one loop.
   */
  skipValue(): void {
    const first = this.peekToken()
    if (first === QUOTE) {
      this.pos++
      this.skipStringBody()
      return
    }
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      this.skipScalar()
      return
    }
    const open: number[] = []
    chunks: for (;;) {
      if (this.pos >= this.chunk.length && !this.refill()) this.error(`${open.length} unclosed bracket(s)`)
      const chunk = this.chunk
      let pos = this.pos
      while (pos < chunk.length) {
        const byte = chunk[pos++]
        // Most bytes of a large file are digits, commas and spaces: one table look-up passes them.
        if (STRUCTURAL[byte] === 0) continue
        if (byte === QUOTE) {
          this.pos = pos
          this.skipStringBody()
          continue chunks
        }
        if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) open.push(byte)
        else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
          if (open.pop() !== (byte === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY)) {
            this.pos = pos - 1
            this.error('a closing bracket that does not match')
          }
          if (open.length === 0) {
            this.pos = pos
            return
          }
        }
      }
      this.pos = pos
    }
  }

  /** A number or literal (true, false, null, NaN, Infinity): the bytes up to the next delimiter. */
  private skipScalar(): void {
    let length = 0
    for (;;) {
      const byte = this.peek()
      const part =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2b || byte === 0x2d || byte === 0x2e
      if (!part) break
      this.pos++
      length++
    }
    if (length === 0) this.error('a value')
  }
}

/** What the scan saw where the pointer stopped matching: enough to rebuild resolvePointer's message. */
type Miss = { kind: 'object'; keys: string[] } | { kind: 'array'; length: number } | { kind: 'scalar'; value: unknown }

/** Keys remembered per object for a "no key" message (with did-you-mean); more than this are counted, not kept. */
const MAX_KEYS_KEPT = 1000

/**
 * The value at one JSON pointer of a document read a chunk at a time: only that value is built; everything else is
 * scanned and dropped, so a 480 MB file of which three numbers are used needs a few MB, not the file thrice over.
 * The whole file is still checked: brackets and strings everywhere, full syntax along the pointer's path, nothing after
 * the document, and a key on the path that appears twice is refused (JSON.parse would silently take the last one).
 * A miss is reported as resolvePointer reports it (same message, from a skeleton of what was there).
 */
export function scanJsonPointer(read: ReadChunk, tokens: readonly string[], display: string, source: string): unknown {
  const stream = new ByteStream(read, source)
  if (stream.peek() === 0xef) {
    // A UTF-8 byte-order mark, as decodeText drops it.
    stream.next()
    stream.next()
    stream.next()
  }
  const first = stream.peekToken()
  if (first === 0xff || first === 0xfe) decodeText(Uint8Array.of(first, first === 0xff ? 0xfe : 0xff), source)
  let found: { value: unknown } | undefined
  let miss: { depth: number; what: Miss } | undefined
  const kinds: ('object' | 'array')[] = []
  const captured = () => parseJsonText(decodeText(stream.endCapture(), source), source)

  // One level per pointer token (a handful), so this recursion is bounded by the pointer, not by the file.
  const level = (depth: number): void => {
    stream.peekToken()
    if (depth === tokens.length) {
      stream.startCapture()
      stream.skipValue()
      found = { value: captured() }
      return
    }
    const token = tokens[depth]
    const byte = stream.peekToken()
    if (byte === OPEN_OBJECT) {
      stream.next()
      kinds[depth] = 'object'
      const keys: string[] = []
      let matched = false
      if (stream.peekToken() === CLOSE_OBJECT) stream.next()
      else
        for (;;) {
          if (stream.peekToken() !== QUOTE) stream.error('a key in quotes')
          const key = stream.readString()
          stream.expect(COLON, '":" after a key')
          if (key === token) {
            if (matched)
              fail(display, `the key "${token}" appears twice at ${pointerText(tokens.slice(0, depth))}; keep one (JSON readers disagree on which wins)`)
            matched = true
            level(depth + 1)
          } else {
            if (keys.length < MAX_KEYS_KEPT) keys.push(key)
            stream.skipValue()
          }
          const after = stream.peekToken()
          stream.next()
          if (after === CLOSE_OBJECT) break
          if (after !== COMMA) stream.error('"," or "}" after a value')
        }
      if (!matched) miss ??= { depth, what: { kind: 'object', keys } }
    } else if (byte === OPEN_ARRAY) {
      stream.next()
      kinds[depth] = 'array'
      const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : -1
      let length = 0
      if (stream.peekToken() === CLOSE_ARRAY) stream.next()
      else
        for (;;) {
          if (length === index) level(depth + 1)
          else stream.skipValue()
          length++
          const after = stream.peekToken()
          stream.next()
          if (after === CLOSE_ARRAY) break
          if (after !== COMMA) stream.error('"," or "]" after a value')
        }
      if (!(index >= 0 && index < length)) miss ??= { depth, what: { kind: 'array', length } }
    } else {
      stream.startCapture()
      stream.skipValue()
      const value = captured()
      miss ??= { depth, what: { kind: 'scalar', value } }
    }
  }
  level(0)
  if (stream.peekToken() !== -1) stream.error('the end of the file after the document')
  if (found) return found.value
  // Rebuild just enough of the document for resolvePointer to word the miss exactly as it does for a parsed file.
  const { depth, what } = miss!
  let skeleton: unknown =
    what.kind === 'object' ? Object.fromEntries(what.keys.map((k) => [k, null])) : what.kind === 'array' ? new Array(what.length) : what.value
  for (let i = depth - 1; i >= 0; i--) skeleton = kinds[i] === 'array' ? sparseAt(Number(tokens[i]), skeleton) : { [tokens[i]]: skeleton }
  return resolvePointer(skeleton, tokens, display)
}

function sparseAt(index: number, value: unknown): unknown[] {
  const array = new Array(index + 1)
  array[index] = value
  return array
}
