import { Inflate } from 'fflate'
import { type ByteSource, type RandomAccess, crc32, rangeSource } from './byte-source.js'
import { fail } from './errors.js'

/** One member of a zip archive, from its central directory entry. */
export interface ZipEntry {
  name: string
  method: number
  crc: number
  compressedSize: number
  size: number
  /** Offset of the local file header. */
  headerOffset: number
  encrypted: boolean
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** A central directory larger than this is refused: np.savez writes ~100 bytes per array. */
const MAX_DIRECTORY_BYTES = 64 * 2 ** 20
/** Compressed bytes fed to the inflater at once: deflate expands at most ~1032×, so one step yields ≤ 17 MB. */
const INFLATE_STEP = 16 * 1024

function readBytes(access: RandomAccess, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  if (access.readAt(position, bytes) !== length) throw new RangeError('truncated')
  return bytes
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** 64-bit little-endian size or offset; above 2^53 no real file can reach it. */
function uint64(v: DataView, at: number, source: string): number {
  const value = v.getBigUint64(at, true)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail(source, 'not a valid .npz (zip) archive (a zip64 size or offset beyond 2^53)')
  return Number(value)
}

/** Where the central directory is and how many entries it has (zip64 aware). */
function findDirectory(access: RandomAccess, source: string): { offset: number; size: number; count: number } {
  const tailLength = Math.min(access.size, 22 + 0xffff)
  const tailStart = access.size - tailLength
  const tail = readBytes(access, tailStart, tailLength)
  const tv = view(tail)
  let at = -1
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      at = i
      break
    }
  }
  if (at < 0) fail(source, 'not a valid .npz (zip) archive (no end of central directory record; truncated or not a zip file)')
  let count = tv.getUint16(at + 10, true)
  let size = tv.getUint32(at + 12, true)
  let offset = tv.getUint32(at + 16, true)
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && at >= 20 && tv.getUint32(at - 20, true) === ZIP64_LOCATOR) {
    const recordAt = uint64(tv, at - 20 + 8, source)
    const record = view(readBytes(access, recordAt, 56))
    if (record.getUint32(0, true) !== ZIP64_EOCD) fail(source, 'not a valid .npz (zip) archive (bad zip64 end of central directory)')
    count = uint64(record, 32, source)
    size = uint64(record, 40, source)
    offset = uint64(record, 48, source)
  }
  if (offset + size > access.size) fail(source, 'not a valid .npz (zip) archive (the central directory lies past the end of the file; truncated?)')
  if (size > MAX_DIRECTORY_BYTES) fail(source, `not a valid .npz (zip) archive (a central directory of ${size} bytes)`)
  return { offset, size, count }
}

/** Applies a zip64 extended-information extra field (id 1) to the sizes and offset that overflowed 32 bits. */
function applyZip64(extra: DataView, entry: ZipEntry, source: string): void {
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(at, true)
    const length = extra.getUint16(at + 2, true)
    if (id === 1) {
      let p = at + 4
      const next = (): number => {
        if (p + 8 > at + 4 + length) fail(source, `not a valid .npz (zip) archive (member "${entry.name}" has a short zip64 field)`)
        const value = uint64(extra, p, source)
        p += 8
        return value
      }
      if (entry.size === 0xffffffff) entry.size = next()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next()
      if (entry.headerOffset === 0xffffffff) entry.headerOffset = next()
    }
    at += 4 + length
  }
}

/** The archive's members in directory order; refuses duplicate names (np.load would silently take one). */
export function zipDirectory(access: RandomAccess, source: string): ZipEntry[] {
  let directory: Uint8Array
  let where: { offset: number; size: number; count: number }
  try {
    where = findDirectory(access, source)
    directory = readBytes(access, where.offset, where.size)
  } catch (error) {
    if (error instanceof RangeError) fail(source, 'not a valid .npz (zip) archive (truncated)')
    throw error
  }
  const v = view(directory)
  const entries: ZipEntry[] = []
  const seen = new Set<string>()
  const utf8 = new TextDecoder('utf-8')
  let at = 0
  for (let k = 0; k < where.count; k++) {
    if (at + 46 > directory.length || v.getUint32(at, true) !== CENTRAL) {
      fail(source, `not a valid .npz (zip) archive (central directory entry ${k + 1} of ${where.count} is damaged)`)
    }
    const flags = v.getUint16(at + 8, true)
    const nameLength = v.getUint16(at + 28, true)
    const extraLength = v.getUint16(at + 30, true)
    const commentLength = v.getUint16(at + 32, true)
    if (at + 46 + nameLength + extraLength > directory.length) fail(source, 'not a valid .npz (zip) archive (central directory is truncated)')
    const rawName = directory.subarray(at + 46, at + 46 + nameLength)
    // Bit 11: the name is UTF-8; otherwise cp437, which agrees with latin1 on everything numpy writes.
    const name = flags & 0x800 ? utf8.decode(rawName) : String.fromCharCode(...rawName)
    const entry: ZipEntry = {
      name,
      method: v.getUint16(at + 10, true),
      crc: v.getUint32(at + 16, true),
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      headerOffset: v.getUint32(at + 42, true),
      encrypted: (flags & 1) === 1
    }
    applyZip64(new DataView(directory.buffer, directory.byteOffset + at + 46 + nameLength, extraLength), entry, source)
    at += 46 + nameLength + extraLength + commentLength
    if (name.endsWith('/')) continue
    if (seen.has(name)) fail(source, `the archive holds two members named ${JSON.stringify(name)}; re-create it with np.savez (one array per name)`)
    seen.add(name)
    entries.push(entry)
  }
  return entries
}

/** A member's uncompressed bytes as a forward stream, checked against its declared size and CRC-32 as they pass. */
export interface MemberStream extends ByteSource {
  /** Archive offset of a stored (np.savez) member's first byte, so it can be read from any offset; undefined when deflated. */
  storedAt: number | undefined
  /** Reads what the stream has not yielded yet, to the member's end, so its size and CRC-32 are checked all the same. */
  checkRest(): void
}

/** Opens a member as a MemberStream; refuses an encrypted member, a zip method numpy does not write, a member cut short. */
export function memberSource(access: RandomAccess, entry: ZipEntry, display: string): MemberStream {
  if (entry.encrypted) fail(display, 'the member is encrypted; save the arrays with np.savez')
  if (entry.method !== 0 && entry.method !== 8) {
    fail(display, `the member is compressed with zip method ${entry.method}; np.savez (stored) and np.savez_compressed (deflate) are supported`)
  }
  let local: DataView
  try {
    local = view(readBytes(access, entry.headerOffset, 30))
  } catch {
    return fail(display, 'not a valid .npz (zip) archive (the member lies past the end of the file)')
  }
  if (local.getUint32(0, true) !== LOCAL) fail(display, 'not a valid .npz (zip) archive (bad local header)')
  const start = entry.headerOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true)
  if (start + entry.compressedSize > access.size) fail(display, 'not a valid .npz (zip) archive (the member is truncated)')
  const raw = rangeSource(access, start, entry.compressedSize)
  if (entry.method === 0 && entry.compressedSize !== entry.size) fail(display, 'not a valid .npz (zip) archive (a stored member whose sizes disagree)')
  const checked = checkedSource(entry.method === 0 ? raw : inflating(raw, entry.compressedSize, display), entry, display)
  return { ...checked, storedAt: entry.method === 0 ? start : undefined }
}

/** Bytes read per step by checkRest. */
const REST_STEP = 8 * 2 ** 20

/** Counts and CRCs the bytes that pass; refuses more than the declared size, and a bad CRC or short member at the end. */
function checkedSource(inner: ByteSource, entry: ZipEntry, display: string): Omit<MemberStream, 'storedAt'> {
  let total = 0
  let crc = 0
  let ended = false
  const read = (into: Uint8Array): number => {
    if (ended) return 0
    const got = inner.read(into)
    total += got
    if (total > entry.size) fail(display, `the member inflates past its declared ${entry.size} bytes (a corrupt archive or a zip bomb)`)
    crc = crc32(got === into.length ? into : into.subarray(0, got), crc)
    if (got < into.length) {
      ended = true
      if (total !== entry.size) fail(display, `the member has ${total} bytes, its directory entry says ${entry.size}; the archive is damaged`)
      if (crc !== entry.crc) fail(display, 'Bad CRC-32: the member is corrupt; re-create the archive')
    }
    return got
  }
  return {
    size: entry.size,
    read,
    checkRest() {
      const step = new Uint8Array(Math.min(REST_STEP, entry.size - total + 1))
      while (!ended) read(step)
    }
  }
}

/** Raw deflate, inflated a small step at a time so a bomb never gets far past what the reader asked for. */
function inflating(raw: ByteSource, compressedSize: number, display: string): ByteSource {
  const queue: Uint8Array[] = []
  let head = 0
  let done = false
  let fed = 0
  const inflater = new Inflate((chunk, final) => {
    if (chunk.length) queue.push(chunk)
    if (final) done = true
  })
  const step = new Uint8Array(INFLATE_STEP)
  const pump = (): void => {
    const got = raw.read(step)
    fed += got
    try {
      inflater.push(step.slice(0, got), fed >= compressedSize || got === 0)
    } catch (error) {
      fail(display, `can't decompress the member (${(error as Error).message})`)
    }
    if (got === 0) done = true
  }
  return {
    size: undefined,
    read(into) {
      let filled = 0
      while (filled < into.length) {
        if (queue.length === 0) {
          if (done) break
          pump()
          continue
        }
        const chunk = queue[0]
        const take = Math.min(chunk.length - head, into.length - filled)
        into.set(chunk.subarray(head, head + take), filled)
        filled += take
        head += take
        if (head === chunk.length) {
          queue.shift()
          head = 0
        }
      }
      return filled
    }
  }
}
