import { type ByteSource, bytesAccess, rangeSource, readFull } from './byte-source.js'
import { DEFAULT_MEMORY_BUDGET } from '../domain/limits.js'
import { fail } from './errors.js'
import { type NDArray, makeArray, makeStrings, product, shapeText } from '../domain/ndarray.js'
import { type PyValue, parsePyLiteral } from './pyliteral.js'

/** A numpy dtype we can read, decoded from a descr string such as '<f8', '>i4', '|u1', '<U5'. */
interface NpyDtype {
  kind: 'b' | 'i' | 'u' | 'f' | 'U' | 'S'
  /** Bytes per element. */
  itemsize: number
  little: boolean
  /** numpy spelling: 'float32', 'int64', 'bool', 'str', 'bytes'. */
  name: string
}

export interface NpyHeader {
  dtype: NpyDtype
  fortranOrder: boolean
  shape: number[]
  /** Offset of the first data byte within the file. */
  dataOffset: number
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] // "\x93NUMPY"
const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
const NUMERIC_NAMES: Record<string, string> = {
  b1: 'bool',
  i1: 'int8',
  i2: 'int16',
  i4: 'int32',
  i8: 'int64',
  u1: 'uint8',
  u2: 'uint16',
  u4: 'uint32',
  u8: 'uint64',
  f2: 'float16',
  f4: 'float32',
  f8: 'float64'
}

/** numpy refuses longer headers by default (np.load max_header_size); so do we, before reading them. */
const MAX_HEADER_BYTES = 10_000
/** Bytes read from the file per step when decoding a whole array. */
const STEP_BYTES = 4 * 2 ** 20

/** Reads a .npy file (format 1.0, 2.0 or 3.0) held in memory into a C-order float64 (or string) array. */
export function parseNpy(bytes: Uint8Array, source: string, budget = DEFAULT_MEMORY_BUDGET): NDArray {
  return readNpyArray(rangeSource(bytesAccess(bytes), 0, bytes.length), source, budget)
}

/** Magic, version and header dict from the start of a stream, which is left at the first data byte. */
export function readNpyHeader(src: ByteSource, source: string): NpyHeader {
  const first = new Uint8Array(12)
  const got = readFull(src, first)
  const prefix = first.subarray(0, got)
  if (got < 10 || MAGIC.some((b, i) => prefix[i] !== b)) parseNpyHeader(prefix, source)
  const major = prefix[6]
  if (major < 1 || major > 3 || prefix[7] !== 0) parseNpyHeader(prefix, source)
  const view = new DataView(first.buffer)
  const start = major === 1 ? 10 : 12
  if (got < 12) fail(source, 'header is truncated')
  const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true)
  if (length > MAX_HEADER_BYTES) {
    fail(source, `header is ${length} bytes, over numpy's limit of ${MAX_HEADER_BYTES} (np.load refuses it too); save the array again with np.save`)
  }
  const whole = new Uint8Array(start + length)
  whole.set(first.subarray(0, Math.min(12, whole.length)))
  if (whole.length > 12 && readFull(src, whole.subarray(12)) !== whole.length - 12) {
    fail(source, `header is truncated (declares ${length} bytes, file has ${(src.size ?? got) - start})`)
  }
  const header = parseNpyHeader(whole, source)
  const n = product(header.shape)
  if (!Number.isSafeInteger(n * Math.max(1, header.dtype.itemsize))) fail(source, `shape ${shapeText(header.shape)} is too large to be real`)
  if (src.size !== undefined) checkDataSize(header, src.size - header.dataOffset, source)
  return header
}

/** Refuses a header whose shape disagrees with the bytes that follow it (a lying or truncated file). */
function checkDataSize(header: NpyHeader, available: number, source: string): void {
  const needed = product(header.shape) * header.dtype.itemsize
  if (available === needed) return
  const hint = available > needed ? ' (extra bytes at the end: several arrays saved into one file? use np.savez)' : ''
  fail(source, `data has ${available} bytes, shape ${shapeText(header.shape)} ${header.dtype.name} needs ${needed}${hint}`)
}

/** Bytes of memory decoding the whole array takes: float64 values, plus the strings, plus a Fortran reorder copy. */
function decodedBytes(header: NpyHeader): number {
  const n = product(header.shape)
  const text = header.dtype.kind === 'U' || header.dtype.kind === 'S'
  // A JS string costs a few dozen bytes even when empty.
  const perElement = 8 + (text ? 40 + header.dtype.itemsize : 0) + (header.fortranOrder ? 8 : 0)
  return n * perElement
}

/** Refuses, before allocating, an array whose decoded form would not fit the memory budget. */
function checkBudget(header: NpyHeader, budget: number, source: string): void {
  const bytes = decodedBytes(header)
  if (bytes > budget) {
    fail(
      source,
      `decoding shape ${shapeText(header.shape)} ${header.dtype.name} takes ${bytes} bytes of memory, over the budget of ${budget} bytes; ` +
        'metrics that read arrays row by row have no such limit; raise it with INTERP_GATE_MEMORY_BUDGET=<bytes>'
    )
  }
}

/** Decodes a whole .npy stream into a C-order array, a few MiB of file at a time; refuses what would not fit `budget`. */
export function readNpyArray(src: ByteSource, source: string, budget = DEFAULT_MEMORY_BUDGET): NDArray {
  const header = readNpyHeader(src, source)
  checkBudget(header, budget, source)
  const { dtype, shape } = header
  const n = product(shape)
  const reorder = header.fortranOrder && shape.length > 1
  if (dtype.kind === 'U' || dtype.kind === 'S') {
    const bytes = new Uint8Array(n * dtype.itemsize)
    readData(src, bytes, header, 0, source)
    finishData(src, header, n * dtype.itemsize, source)
    const raw = decodeStrings(bytes, 0, n, dtype)
    const strings = reorder ? new Array<string>(n) : raw
    if (reorder) walkFortran(shape, (c, f) => (strings[c] = raw[f]))
    return makeStrings(strings, shape, dtype.name, source)
  }
  const raw = new Float64Array(n)
  const wide = dtype.kind !== 'f' && dtype.itemsize === 8 ? new Array<bigint>() : undefined
  const perStep = Math.max(1, Math.floor(STEP_BYTES / Math.max(1, dtype.itemsize)))
  const buffer = new Uint8Array(Math.min(n, perStep) * dtype.itemsize)
  for (let done = 0; done < n; ) {
    const count = Math.min(perStep, n - done)
    const bytes = buffer.subarray(0, count * dtype.itemsize)
    readData(src, bytes, header, done * dtype.itemsize, source)
    decodeInto(bytes, count, dtype, raw.subarray(done, done + count), wide)
    done += count
  }
  finishData(src, header, n * dtype.itemsize, source)
  let data = raw
  if (reorder) {
    data = new Float64Array(n)
    walkFortran(shape, (c, f) => (data[c] = raw[f]))
  }
  const array = makeArray(data, shape, dtype.name, source)
  // 64-bit integers beyond ±2^53 don't survive float64: keep them exact for ids.
  if (wide && wide.length > 0) array.exact = reorder ? reorderExact(shape, exactOf(raw, wide)) : exactOf(raw, wide)
  return array
}

/** Fills `bytes` from the stream; a short read means the file holds less data than its header says. */
function readData(src: ByteSource, bytes: Uint8Array, header: NpyHeader, offset: number, source: string): void {
  const got = readFull(src, bytes)
  if (got !== bytes.length) {
    const needed = product(header.shape) * header.dtype.itemsize
    fail(source, `data has ${offset + got} bytes, shape ${shapeText(header.shape)} ${header.dtype.name} needs ${needed}`)
  }
}

/** After the last data byte: nothing may follow (and an .npz member's CRC is checked as its stream ends). */
function finishData(src: ByteSource, header: NpyHeader, needed: number, source: string): void {
  const extra = new Uint8Array(1)
  if (readFull(src, extra) !== 0) {
    checkDataSize(header, src.size !== undefined ? src.size - header.dataOffset : needed + 1, source)
    fail(
      source,
      `data has more than the ${needed} bytes shape ${shapeText(header.shape)} ${header.dtype.name} needs (extra bytes at the end: several arrays saved into one file? use np.savez)`
    )
  }
}

/** Rows of a C-order numeric .npy stream, decoded block by block into a caller's buffer: memory is one block. */
export interface NpyRows {
  header: NpyHeader
  rows: number
  /** Elements per row: the product of the dimensions after the first. */
  rowSize: number
  /** Decodes the next `count` rows into out[0 .. count·rowSize) as float64. */
  next(count: number, out: Float64Array): void
  /** True for host-endian float32 data: nextFloat32 reads it as it is, without widening. */
  float32: boolean
  /** Reads the next `count` rows of a float32 stream (see float32) straight into out[0 .. count·rowSize). */
  nextFloat32(count: number, out: Float32Array): void
  /** After the last row: nothing may follow, and an .npz member's CRC must match. */
  finish(): void
}

/** True when an array can be read row by row: numeric, C order (or 1-d), at least one dimension. */
export function streamable(header: NpyHeader): boolean {
  const text = header.dtype.kind === 'U' || header.dtype.kind === 'S'
  return !text && header.shape.length >= 1 && !(header.fortranOrder && header.shape.length > 1)
}

// The file bytes of one block, shared by every row stream of this thread: a block is decoded before next() returns,
// and a stream reopened at another row (a chunk taken from a worker) then needs no fresh pages.
let blockBytes = new Uint8Array(0)

/** Opens a stream positioned at row `firstRow` (just after the header for 0) for row-block reads (see streamable). */
export function npyRows(src: ByteSource, header: NpyHeader, source: string, firstRow = 0): NpyRows {
  const { dtype, shape } = header
  const rows = shape[0]
  const rowSize = product(shape.slice(1))
  let done = firstRow
  return {
    header,
    rows,
    rowSize,
    next(count, out) {
      const elements = count * rowSize
      const length = elements * dtype.itemsize
      if (blockBytes.length < length) blockBytes = new Uint8Array(length)
      const bytes = blockBytes.subarray(0, length)
      readData(src, bytes, header, done * rowSize * dtype.itemsize, source)
      decodeInto(bytes, elements, dtype, out.subarray(0, elements))
      done += count
    },
    float32: dtype.kind === 'f' && dtype.itemsize === 4 && dtype.little === HOST_LITTLE,
    nextFloat32(count, out) {
      const elements = count * rowSize
      readData(src, new Uint8Array(out.buffer, out.byteOffset, elements * 4), header, done * rowSize * 4, source)
      done += count
    },
    finish: () => finishData(src, header, rows * rowSize * dtype.itemsize, source)
  }
}

/** Checks the magic and version and parses the header dict; every failure names the file. */
function parseNpyHeader(bytes: Uint8Array, source: string): NpyHeader {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b
    fail(source, `not a .npy file (bad magic)${zip ? '; it looks like a zip archive (.npz)' : ''}`)
  }
  const major = bytes[6]
  const minor = bytes[7]
  if (major < 1 || major > 3 || minor !== 0) fail(source, `unsupported .npy format version ${major}.${minor}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const start = major === 1 ? 10 : 12
  if (bytes.length < start) fail(source, 'header is truncated')
  const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true)
  if (start + length > bytes.length) fail(source, `header is truncated (declares ${length} bytes, file has ${bytes.length})`)
  const raw = bytes.subarray(start, start + length)
  // Versions 1 and 2 store the header as latin1, version 3 as utf8.
  const text = major === 3 ? new TextDecoder('utf-8').decode(raw) : latin1(raw)

  let dict: PyValue
  try {
    dict = parsePyLiteral(text.trim())
  } catch (e) {
    return fail(source, `header is not a valid dict (${(e as Error).message}): ${JSON.stringify(text.trim().slice(0, 120))}`)
  }
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) return fail(source, 'header is not a valid dict')
  const { descr, fortran_order: fortranOrder, shape } = dict
  if (descr === undefined || typeof fortranOrder !== 'boolean' || !Array.isArray(shape)) {
    fail(source, `header is not a valid dict (needs descr, fortran_order and shape): ${JSON.stringify(text.trim())}`)
  }
  if (!shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    fail(source, `header is not a valid dict (bad shape ${JSON.stringify(shape)})`)
  }
  return { dtype: parseDescr(descr, source), fortranOrder, shape: shape as number[], dataOffset: start + length }
}

function latin1(raw: Uint8Array): string {
  let text = ''
  for (const byte of raw) text += String.fromCharCode(byte)
  return text
}

/**
 * One-character type codes as np.dtype reads them (numpy 2.4: np.dtype('|b') is int8, '<f' float32, '?' bool; with a
 * size, 'b1' is bool). Platform-sized codes are refused: their size is the writer's C long or pointer, which the file
 * does not record.
 */
const CHAR_CODES: Record<string, string> = {
  '?': 'b1',
  b: 'i1',
  B: 'u1',
  h: 'i2',
  H: 'u2',
  i: 'i4',
  I: 'u4',
  q: 'i8',
  Q: 'u8',
  e: 'f2',
  f: 'f4',
  d: 'f8',
  c: 'S1'
}

/** Type codes numpy accepts but we cannot read, with what to save instead. */
const REFUSED_CODES: Record<string, string> = {
  l: 'C long, whose size depends on the platform that wrote the file; save arr.astype(np.int64)',
  L: 'C unsigned long, whose size depends on the platform that wrote the file; save arr.astype(np.uint64)',
  p: 'intp, whose size depends on the platform that wrote the file; save arr.astype(np.int64)',
  P: 'uintp, whose size depends on the platform that wrote the file; save arr.astype(np.uint64)',
  g: 'long double; save arr.astype(np.float64)',
  F: 'complex64; save a real array (arr.real, arr.imag or np.abs(arr))',
  D: 'complex128; save a real array (arr.real, arr.imag or np.abs(arr))',
  G: 'complex256; save a real array (arr.real, arr.imag or np.abs(arr))'
}

/** Maps a numpy descr to a readable dtype as np.dtype(descr) reads it, or throws a message naming it and what to save instead. */
export function parseDescr(descr: PyValue, source: string): NpyDtype {
  if (Array.isArray(descr)) {
    const fields = descr.map((field) => (Array.isArray(field) ? String(field[0]) : '?'))
    return fail(
      source,
      `unsupported dtype: a structured (record) array with fields ${fields.map((f) => `"${f}"`).join(', ')}; ` +
        'save each field as its own array (np.savez(path, name=arr["name"], ...))'
    )
  }
  if (typeof descr !== 'string') return fail(source, `header is not a valid dict (bad descr ${JSON.stringify(descr)})`)
  const match = /^([<>=|]?)([a-zA-Z?])(\d*)(\[\w+\])?$/.exec(descr)
  if (!match) return fail(source, `unsupported dtype '${descr}': not a numpy type string (such as '<f8', '<i4', '|b1')`)
  const [, order, code, digits, unit] = match
  // '=' is the writer's native order; numpy itself always writes '<' or '>', so we take ours.
  const little = order === '>' ? false : order === '<' ? true : HOST_LITTLE
  if (code === 'O') {
    return fail(
      source,
      `unsupported dtype '${descr}': object arrays (pickled Python objects) can't be read; save a numeric or string array (np.save(..., arr.astype(np.float64)))`
    )
  }
  if (code === 'M' || code === 'm') {
    const what = code === 'M' ? 'datetime64' : 'timedelta64'
    return fail(source, `unsupported dtype '${descr}': ${what}; save arr.astype(np.int64) or seconds as float64`)
  }
  if (unit !== undefined) return fail(source, `unsupported dtype '${descr}': a unit in brackets belongs only to datetime64 and timedelta64`)
  if (digits === '') {
    if (REFUSED_CODES[code]) return fail(source, `unsupported dtype '${descr}': ${REFUSED_CODES[code]}`)
    if (code === 'V') return fail(source, `unsupported dtype '${descr}': void (raw bytes); save a numeric array`)
    if (!CHAR_CODES[code] && code !== 'S' && code !== 'U')
      return fail(source, `unsupported dtype '${descr}': not a numpy type string (such as '<f8', '<i4', '|b1')`)
  }
  // 'S', 'U' without a length are length 0, as in numpy (every element is empty).
  const key = digits === '' ? (code === 'S' || code === 'U' ? `${code}0` : CHAR_CODES[code]) : `${code}${digits}`
  const kind = key[0] === 'a' ? 'S' : key[0]
  const size = Number(key.slice(1))
  if (kind === 'U' || kind === 'S') {
    return { kind, itemsize: kind === 'U' ? 4 * size : size, little, name: kind === 'U' ? 'str' : 'bytes' }
  }
  const name = NUMERIC_NAMES[`${kind}${size}`]
  if (name) return { kind: kind as NpyDtype['kind'], itemsize: size, little, name }
  const advice: Record<string, string> = {
    c: `complex${size * 8}; save a real array (arr.real, arr.imag or np.abs(arr))`,
    f: size === 16 || size === 12 ? `float${size * 8} (long double); save arr.astype(np.float64)` : 'numpy has no float of that size',
    i: 'numpy has no integer of that size',
    u: 'numpy has no unsigned integer of that size',
    b: "'b' with a size is bool, whose only size is 1 ('|b1')",
    V: 'void (raw bytes); save a numeric array'
  }
  return fail(source, `unsupported dtype '${descr}': ${advice[kind] ?? "not a numpy type string (such as '<f8', '<i4', '|b1')"}`)
}

type TypedArrayClass = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayLike<number>
const VIEWS: Record<string, TypedArrayClass> = {
  b1: Uint8Array,
  i1: Int8Array,
  i2: Int16Array,
  i4: Int32Array,
  u1: Uint8Array,
  u2: Uint16Array,
  u4: Uint32Array,
  f2: Uint16Array,
  f4: Float32Array,
  f8: Float64Array
}

/**
 * Decodes n numbers in file order from `bytes` (a fresh, so aligned, buffer) into `out`; a typed-array view
 * when host-endian, DataView otherwise. 64-bit integers beyond ±2^53 are pushed to `wide` (see exactOf).
 */
function decodeInto(bytes: Uint8Array, n: number, dtype: NpyDtype, out: Float64Array, wide?: bigint[]): void {
  const { kind, itemsize, little } = dtype
  const key = `${kind}${itemsize}`
  const byteOffset = bytes.byteOffset
  const fast = (itemsize === 1 || little === HOST_LITTLE) && byteOffset % itemsize === 0
  if (fast && key === 'f8') {
    out.set(new Float64Array(bytes.buffer, byteOffset, n))
    return
  }
  if (fast && key in VIEWS) {
    const src = new VIEWS[key](bytes.buffer, byteOffset, n)
    if (kind === 'f' && itemsize === 2) for (let i = 0; i < n; i++) out[i] = float16(src[i])
    else if (kind === 'b') for (let i = 0; i < n; i++) out[i] = src[i] ? 1 : 0
    else out.set(src)
    return
  }
  if (itemsize === 8 && kind !== 'f') {
    const view = new DataView(bytes.buffer, byteOffset, n * 8)
    for (let i = 0; i < n; i++) {
      const value = kind === 'i' ? view.getBigInt64(i * 8, little) : view.getBigUint64(i * 8, little)
      out[i] = Number(value)
      if (wide && !Number.isSafeInteger(out[i])) wide.push(value)
    }
    return
  }
  const view = new DataView(bytes.buffer, byteOffset, n * itemsize)
  const read = reader(view, key, little)
  for (let i = 0; i < n; i++) out[i] = read(i * itemsize)
}

/** Exact decimal text of every element, given the float64 values and, in order, the exact values of those beyond 2^53. */
function exactOf(values: Float64Array, wide: bigint[]): string[] {
  let k = 0
  return Array.from(values, (v) => (Number.isSafeInteger(v) ? String(v) : wide[k++].toString()))
}

function reorderExact(shape: readonly number[], raw: string[]): string[] {
  const out = new Array<string>(raw.length)
  walkFortran(shape, (c, f) => (out[c] = raw[f]))
  return out
}

/** An element getter for the slow path (unaligned or foreign byte order). */
function reader(view: DataView, key: string, little: boolean): (at: number) => number {
  switch (key) {
    case 'b1':
      return (at) => (view.getUint8(at) ? 1 : 0)
    case 'i1':
      return (at) => view.getInt8(at)
    case 'u1':
      return (at) => view.getUint8(at)
    case 'i2':
      return (at) => view.getInt16(at, little)
    case 'u2':
      return (at) => view.getUint16(at, little)
    case 'i4':
      return (at) => view.getInt32(at, little)
    case 'u4':
      return (at) => view.getUint32(at, little)
    case 'f2':
      return (at) => float16(view.getUint16(at, little))
    case 'f4':
      return (at) => view.getFloat32(at, little)
    default:
      return (at) => view.getFloat64(at, little)
  }
}

/** IEEE 754 half precision to float64, by hand since Node 20 has no Float16Array. */
export function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exponent = (bits >> 10) & 0x1f
  const fraction = bits & 0x3ff
  if (exponent === 0) return sign * fraction * 2 ** -24 // zero and subnormals
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15)
}

/** Fixed-width 'U' (UTF-32) or 'S' (bytes) elements; numpy pads with NULs, which we strip from the end. */
function decodeStrings(bytes: Uint8Array, offset: number, n: number, dtype: NpyDtype): string[] {
  const out = new Array<string>(n)
  const { itemsize, little } = dtype
  if (dtype.kind === 'S') {
    for (let i = 0; i < n; i++) {
      const start = offset + i * itemsize
      let end = start + itemsize
      while (end > start && bytes[end - 1] === 0) end--
      out[i] = bytesText(bytes.subarray(start, end))
    }
    return out
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, n * itemsize)
  const chars = itemsize / 4
  for (let i = 0; i < n; i++) {
    const points: number[] = []
    for (let j = 0; j < chars; j++) points.push(view.getUint32((i * chars + j) * 4, little))
    while (points.length > 0 && points[points.length - 1] === 0) points.pop()
    out[i] = String.fromCodePoint(...points.map((p) => (p > 0x10ffff ? 0xfffd : p)))
  }
  return out
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A byte string as text: UTF-8 when it is valid, else each byte that is not part of a valid sequence becomes the lone
 * surrogate U+DC80–U+DCFF (Python's "surrogateescape"), so distinct byte strings stay distinct ids (a lossy decode
 * would read b'\xff' and b'\xfe' both as U+FFFD and report them as duplicates).
 */
function bytesText(raw: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(raw)
  } catch {
    let text = ''
    let i = 0
    while (i < raw.length) {
      const length = utf8SequenceLength(raw, i)
      text += length > 0 ? STRICT_UTF8.decode(raw.subarray(i, i + length)) : String.fromCharCode(0xdc00 + raw[i])
      i += Math.max(1, length)
    }
    return text
  }
}

/** Length of the valid UTF-8 sequence starting at `i` (1–4), or 0 when the bytes there are not one. */
function utf8SequenceLength(raw: Uint8Array, i: number): number {
  const first = raw[i]
  const length = first < 0x80 ? 1 : first >= 0xc2 && first < 0xe0 ? 2 : first >= 0xe0 && first < 0xf0 ? 3 : first >= 0xf0 && first < 0xf5 ? 4 : 0
  if (length <= 1 || i + length > raw.length) return length === 1 ? 1 : 0
  try {
    STRICT_UTF8.decode(raw.subarray(i, i + length))
    return length
  } catch {
    return 0
  }
}

/** Calls copy(c, f) for every element with its C-order and Fortran-order offsets, walking C order. */
function walkFortran(shape: readonly number[], copy: (c: number, f: number) => void): void {
  const n = product(shape)
  const nd = shape.length
  const strides: number[] = []
  for (let d = 0, s = 1; d < nd; s *= shape[d], d++) strides.push(s)
  const index = new Array<number>(nd).fill(0)
  let f = 0
  for (let c = 0; c < n; c++) {
    copy(c, f)
    // Odometer: bump the last axis, carrying into earlier ones.
    for (let d = nd - 1; d >= 0; d--) {
      index[d]++
      f += strides[d]
      if (index[d] < shape[d]) break
      f -= strides[d] * shape[d]
      index[d] = 0
    }
  }
}
