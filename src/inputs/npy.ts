import { fail } from './errors.js'
import { type NDArray, makeArray, makeStrings, product, shapeText } from './ndarray.js'
import { type PyValue, parsePyLiteral } from './pyliteral.js'

/** A numpy dtype we can read, decoded from a descr string such as '<f8', '>i4', '|u1', '<U5'. */
export interface NpyDtype {
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
  b1: 'bool', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
  u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', f2: 'float16', f4: 'float32', f8: 'float64'
}

/** Reads a .npy file (format 1.0, 2.0 or 3.0) into a C-order float64 (or string) array. */
export function parseNpy(bytes: Uint8Array, source: string): NDArray {
  const header = parseNpyHeader(bytes, source)
  const { dtype, shape, dataOffset } = header
  const n = product(shape)
  const needed = n * dtype.itemsize
  const available = bytes.length - dataOffset
  if (available !== needed) {
    const hint = available > needed ? ' (extra bytes at the end: several arrays saved into one file? use np.savez)' : ''
    fail(source, `data has ${available} bytes, shape ${shapeText(shape)} ${dtype.name} needs ${needed}${hint}`)
  }
  const reorder = header.fortranOrder && shape.length > 1
  if (dtype.kind === 'U' || dtype.kind === 'S') {
    const raw = decodeStrings(bytes, dataOffset, n, dtype)
    const strings = reorder ? new Array<string>(n) : raw
    if (reorder) walkFortran(shape, (c, f) => (strings[c] = raw[f]))
    return makeStrings(strings, shape, dtype.name, source)
  }
  const raw = decodeNumbers(bytes, dataOffset, n, dtype)
  if (!reorder) return makeArray(raw, shape, dtype.name, source)
  const data = new Float64Array(n)
  walkFortran(shape, (c, f) => (data[c] = raw[f]))
  return makeArray(data, shape, dtype.name, source)
}

/** Checks the magic and version and parses the header dict; every failure names the file. */
export function parseNpyHeader(bytes: Uint8Array, source: string): NpyHeader {
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

/** Maps a numpy descr to a readable dtype, or throws a message saying what to save instead. */
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
  if (!match) return fail(source, `unsupported dtype '${descr}'`)
  const [, order, code, digits] = match
  const kind = code === '?' ? 'b' : code === 'a' ? 'S' : code
  const size = digits === '' ? (kind === 'b' ? 1 : NaN) : Number(digits)
  // '=' is the writer's native order; numpy itself always writes '<' or '>', so we take ours.
  const little = order === '>' ? false : order === '<' ? true : HOST_LITTLE

  if (kind === 'O') {
    return fail(
      source,
      "object arrays (pickled Python objects) can't be read; save a numeric or string array " +
        '(np.save(..., arr.astype(np.float64)))'
    )
  }
  if (kind === 'U' || kind === 'S') {
    if (!Number.isInteger(size)) return fail(source, `unsupported dtype '${descr}'`)
    return { kind, itemsize: kind === 'U' ? 4 * size : size, little, name: kind === 'U' ? 'str' : 'bytes' }
  }
  const name = NUMERIC_NAMES[`${kind}${size}`]
  if (name) return { kind: kind as NpyDtype['kind'], itemsize: size, little, name }
  const advice: Record<string, string> = {
    c: `complex${size * 8}; save a real array (arr.real, arr.imag or np.abs(arr))`,
    f: `float${size * 8} (long double); save arr.astype(np.float64)`,
    M: 'datetime64; save arr.astype(np.int64) or seconds as float64',
    m: 'timedelta64; save arr.astype(np.int64) or seconds as float64',
    V: 'void (raw bytes); save a numeric array'
  }
  return fail(source, `unsupported dtype '${descr}'${advice[kind] ? `: ${advice[kind]}` : ''}`)
}

type TypedArrayClass = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayLike<number>
const VIEWS: Record<string, TypedArrayClass> = {
  b1: Uint8Array, i1: Int8Array, i2: Int16Array, i4: Int32Array,
  u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, f2: Uint16Array, f4: Float32Array, f8: Float64Array
}

/** Decodes n numbers in file order; a typed-array view when aligned and host-endian, DataView otherwise. */
function decodeNumbers(bytes: Uint8Array, offset: number, n: number, dtype: NpyDtype): Float64Array {
  const { kind, itemsize, little } = dtype
  const key = `${kind}${itemsize}`
  const byteOffset = bytes.byteOffset + offset
  const fast = (itemsize === 1 || little === HOST_LITTLE) && byteOffset % itemsize === 0
  // Aligned float64 is returned as a view of the file bytes (no copy): callers must treat arrays as read-only.
  if (fast && key === 'f8') return new Float64Array(bytes.buffer, byteOffset, n)
  const out = new Float64Array(n)
  if (fast && key in VIEWS) {
    const src = new VIEWS[key](bytes.buffer, byteOffset, n)
    if (kind === 'f' && itemsize === 2) for (let i = 0; i < n; i++) out[i] = float16(src[i])
    else if (kind === 'b') for (let i = 0; i < n; i++) out[i] = src[i] ? 1 : 0
    else out.set(src)
    return out
  }
  if (fast && itemsize === 8) {
    // 64-bit integers beyond ±2^53 round to the nearest float64: ids that large lose their low bits.
    const src = kind === 'i' ? new BigInt64Array(bytes.buffer, byteOffset, n) : new BigUint64Array(bytes.buffer, byteOffset, n)
    for (let i = 0; i < n; i++) out[i] = Number(src[i])
    return out
  }
  const view = new DataView(bytes.buffer, byteOffset, n * itemsize)
  const read = reader(view, key, little)
  for (let i = 0; i < n; i++) out[i] = read(i * itemsize)
  return out
}

/** An element getter for the slow path (unaligned or foreign byte order). */
function reader(view: DataView, key: string, little: boolean): (at: number) => number {
  switch (key) {
    case 'b1': return (at) => (view.getUint8(at) ? 1 : 0)
    case 'i1': return (at) => view.getInt8(at)
    case 'u1': return (at) => view.getUint8(at)
    case 'i2': return (at) => view.getInt16(at, little)
    case 'u2': return (at) => view.getUint16(at, little)
    case 'i4': return (at) => view.getInt32(at, little)
    case 'u4': return (at) => view.getUint32(at, little)
    // Same rounding beyond ±2^53 as the fast path.
    case 'i8': return (at) => Number(view.getBigInt64(at, little))
    case 'u8': return (at) => Number(view.getBigUint64(at, little))
    case 'f2': return (at) => float16(view.getUint16(at, little))
    case 'f4': return (at) => view.getFloat32(at, little)
    default: return (at) => view.getFloat64(at, little)
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
    const utf8 = new TextDecoder('utf-8')
    for (let i = 0; i < n; i++) {
      const start = offset + i * itemsize
      let end = start + itemsize
      while (end > start && bytes[end - 1] === 0) end--
      out[i] = utf8.decode(bytes.subarray(start, end))
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
