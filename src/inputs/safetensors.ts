import { didYouMean } from '../util/suggest.js'
import { fail, listText } from './errors.js'
import { type NDArray, makeArray, product, shapeText } from '../domain/ndarray.js'
import { float16 } from './npy.js'

// Format (huggingface/safetensors README "Format", safetensors/src/tensor.rs): 8-byte little-endian u64 N,
// N bytes of UTF-8 JSON {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__"?: {str: str}},
// then the byte buffer; offsets are relative to the buffer's start, data is little-endian, C order.

/** The reference implementation refuses headers above 100 MB (MAX_HEADER_SIZE in tensor.rs); so do we. */
const MAX_SAFETENSORS_HEADER = 100_000_000

/** Positioned reads of one file, so a tensor is read without reading the others. */
export interface ByteSource {
  size: number
  read(position: number, length: number): Uint8Array
}

interface SafetensorsTensorInfo {
  dtype: string
  shape: number[]
  begin: number
  end: number
}

export interface SafetensorsHeader {
  tensors: Map<string, SafetensorsTensorInfo>
  metadata: Record<string, string>
  /** File offset of the byte buffer (8 + N). */
  dataStart: number
}

/** Bytes per element and numpy name of each dtype we decode; BF16 widens to float32 as torch's .float() would. */
const DTYPES: Record<string, { size: number; name: string }> = {
  BOOL: { size: 1, name: 'bool' },
  U8: { size: 1, name: 'uint8' },
  I8: { size: 1, name: 'int8' },
  I16: { size: 2, name: 'int16' },
  U16: { size: 2, name: 'uint16' },
  F16: { size: 2, name: 'float16' },
  BF16: { size: 2, name: 'bfloat16' },
  I32: { size: 4, name: 'int32' },
  U32: { size: 4, name: 'uint32' },
  F32: { size: 4, name: 'float32' },
  F64: { size: 8, name: 'float64' },
  I64: { size: 8, name: 'int64' },
  U64: { size: 8, name: 'uint64' }
}

const UNSUPPORTED: Record<string, string> = {
  F8_E4M3: 'float8',
  F8_E5M2: 'float8',
  F8_E8M0: 'float8',
  F6_E2M3: 'float6',
  F6_E3M2: 'float6',
  F4: 'float4',
  C64: 'complex64'
}

/** Parses and validates the header: bounded length, JSON object, known dtypes, offsets that match shape × dtype and the file size. */
export function parseSafetensorsHeader(source: ByteSource, file: string): SafetensorsHeader {
  if (source.size < 8) fail(file, `not a .safetensors file (${source.size} bytes, shorter than the 8-byte header length)`)
  const n = new DataView(toArrayBuffer(source.read(0, 8))).getBigUint64(0, true)
  if (n > BigInt(MAX_SAFETENSORS_HEADER)) {
    fail(file, `header length ${n} is over the 100 MB limit of the format; the file is corrupt or not a .safetensors file`)
  }
  const length = Number(n)
  if (8 + length > source.size) fail(file, `header is truncated (declares ${length} bytes, the file has ${source.size - 8} after the length)`)
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(source.read(8, length)))
  } catch (e) {
    return fail(file, `header is not valid UTF-8 JSON (${(e as Error).message}); the file is corrupt or not a .safetensors file`)
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail(file, 'header is not a JSON object')
  const dataStart = 8 + length
  const bufferSize = source.size - dataStart
  const tensors = new Map<string, SafetensorsTensorInfo>()
  let metadata: Record<string, string> = {}
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = checkMetadata(value, file)
      continue
    }
    tensors.set(name, checkTensor(value, `${file}#${name}`, bufferSize))
  }
  checkCoverage(tensors, bufferSize, file)
  return { tensors, metadata, dataStart }
}

function checkMetadata(value: unknown, file: string): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    fail(file, 'header "__metadata__" must map strings to strings')
  }
  return value as Record<string, string>
}

function checkTensor(value: unknown, where: string, bufferSize: number): SafetensorsTensorInfo {
  const info = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown }
  if (info === null || typeof info !== 'object' || typeof info.dtype !== 'string' || !Array.isArray(info.shape) || !Array.isArray(info.data_offsets)) {
    fail(where, 'header entry must be {"dtype": ..., "shape": [...], "data_offsets": [begin, end]}')
  }
  const { dtype, shape, data_offsets: offsets } = info as { dtype: string; shape: unknown[]; data_offsets: unknown[] }
  const isSize = (d: unknown): d is number => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0
  if (!shape.every(isSize)) fail(where, `bad shape ${JSON.stringify(shape)} (expected non-negative integers)`)
  if (offsets.length !== 2 || !offsets.every(isSize) || offsets[0] > offsets[1]) {
    fail(where, `bad data_offsets ${JSON.stringify(offsets)} (expected [begin, end] with begin ≤ end)`)
  }
  const [begin, end] = offsets as number[]
  const size = DTYPES[dtype]?.size
  if (size !== undefined) {
    const needed = product(shape) * size
    if (end - begin !== needed) fail(where, `data_offsets [${begin}, ${end}] span ${end - begin} bytes, shape ${shapeText(shape)} ${dtype} needs ${needed}`)
  }
  if (end > bufferSize) fail(where, `data_offsets end at ${end}, past the end of the data (${bufferSize} bytes): the file is truncated`)
  return { dtype, shape, begin, end }
}

/** Like the reference reader: tensors tile the buffer without gaps or overlaps, and the last one ends the file. */
function checkCoverage(tensors: Map<string, SafetensorsTensorInfo>, bufferSize: number, file: string): void {
  const sorted = [...tensors.entries()].sort((a, b) => a[1].begin - b[1].begin || a[1].end - b[1].end)
  let at = 0
  for (const [name, info] of sorted) {
    if (info.begin !== at) fail(`${file}#${name}`, `data_offsets start at ${info.begin}, expected ${at} (tensors overlap or leave a gap)`)
    at = info.end
  }
  if (at !== bufferSize) fail(file, `the tensors cover ${at} bytes of data but the file has ${bufferSize} (extra bytes at the end)`)
}

/** Reads one tensor as float64 in C order, reading only its byte range. */
export function readSafetensorsTensor(source: ByteSource, header: SafetensorsHeader, member: string | undefined, file: string, maxBytes: number): NDArray {
  const names = [...header.tensors.keys()]
  let name = member
  if (!name) {
    if (names.length !== 1) fail(file, `name a tensor, e.g. ${file}#${names[0] ?? 'x'} (tensors: ${listText(names)})`)
    name = names[0]
  }
  const info = header.tensors.get(name)
  if (!info) return fail(file, `no tensor "${name}"${didYouMean(name, names)}; tensors: ${listText(names)}`)
  const display = `${file}#${name}`
  const dtype = DTYPES[info.dtype]
  if (!dtype) {
    const kind = UNSUPPORTED[info.dtype]
    const advice = kind ? `${kind} has no numpy dtype; save t.float() (or t.to(torch.float32))` : 'save a float32, float64 or integer tensor'
    return fail(display, `unsupported dtype "${info.dtype}": ${advice}`)
  }
  const length = info.end - info.begin
  if (length > maxBytes) fail(display, `tensor is ${length} bytes, over the size limit of ${maxBytes} bytes`)
  const bytes = source.read(header.dataStart + info.begin, length)
  return makeArray(decode(bytes, info.dtype, product(info.shape)), info.shape, dtype.name === 'bfloat16' ? 'float32' : dtype.name, display)
}

type View = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayLike<number>
const FAST: Record<string, View> = {
  U8: Uint8Array,
  I8: Int8Array,
  I16: Int16Array,
  U16: Uint16Array,
  I32: Int32Array,
  U32: Uint32Array,
  F32: Float32Array,
  F64: Float64Array
}
const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

function decode(bytes: Uint8Array, dtype: string, n: number): Float64Array {
  const out = new Float64Array(n)
  const Fast = FAST[dtype]
  // Safetensors data is little-endian: on such a host an aligned range is read through a typed view, ~10× faster.
  if (Fast && HOST_LITTLE && bytes.byteOffset % DTYPES[dtype].size === 0) {
    out.set(new Fast(bytes.buffer, bytes.byteOffset, n))
    return out
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const get = element(view, dtype)
  for (let i = 0; i < n; i++) out[i] = get(i)
  return out
}

function element(view: DataView, dtype: string): (i: number) => number {
  switch (dtype) {
    case 'BOOL':
      return (i) => (view.getUint8(i) ? 1 : 0)
    case 'U8':
      return (i) => view.getUint8(i)
    case 'I8':
      return (i) => view.getInt8(i)
    case 'I16':
      return (i) => view.getInt16(2 * i, true)
    case 'U16':
      return (i) => view.getUint16(2 * i, true)
    case 'F16':
      return (i) => float16(view.getUint16(2 * i, true))
    // bfloat16 is the top half of a float32: shift its bits up and read them as one.
    case 'BF16':
      return (i) => bfloat16(view.getUint16(2 * i, true))
    case 'I32':
      return (i) => view.getInt32(4 * i, true)
    case 'U32':
      return (i) => view.getUint32(4 * i, true)
    case 'F32':
      return (i) => view.getFloat32(4 * i, true)
    // 64-bit integers beyond ±2^53 round to the nearest float64, as in the .npy reader.
    case 'I64':
      return (i) => Number(view.getBigInt64(8 * i, true))
    case 'U64':
      return (i) => Number(view.getBigUint64(8 * i, true))
    default:
      return (i) => view.getFloat64(8 * i, true)
  }
}

const bf16Scratch = new DataView(new ArrayBuffer(4))

export function bfloat16(bits: number): number {
  bf16Scratch.setUint32(0, (bits << 16) >>> 0)
  return bf16Scratch.getFloat32(0)
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}
