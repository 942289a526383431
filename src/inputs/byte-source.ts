import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import * as zlib from 'node:zlib'

/** Random access to a file's bytes without holding them: a file descriptor, or bytes already in memory. */
export interface RandomAccess {
  size: number
  /** Copies bytes from `position` into `into`; returns how many (fewer only at the end). */
  readAt(position: number, into: Uint8Array): number
  close(): void
}

/** A forward-only stream of bytes (a .npy file, a stored or inflated .npz member). */
export interface ByteSource {
  /** Total bytes the source will yield, when known in advance. */
  size: number | undefined
  /** Fills `into` from the current position; returns how many bytes (fewer only at the end). */
  read(into: Uint8Array): number
}

export function bytesAccess(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    readAt(position, into) {
      const part = bytes.subarray(position, position + into.length)
      into.set(part)
      return part.length
    },
    close() {}
  }
}

/** Opens a file for reads at any offset; the caller closes it. */
export function fileAccess(absolute: string): RandomAccess {
  // Checked before opening: opening a FIFO blocks until a writer appears.
  const stat = statSync(absolute)
  if (!stat.isFile()) throw Object.assign(new Error(`not a regular file`), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTREG' })
  const fd = openSync(absolute, 'r')
  const size = fstatSync(fd).size
  return {
    size,
    readAt(position, into) {
      let done = 0
      while (done < into.length) {
        const got = readSync(fd, into, done, into.length - done, position + done)
        if (got === 0) break
        done += got
      }
      return done
    },
    close: () => closeSync(fd)
  }
}

/** The bytes [start, start + length) of a random-access file, read forward. */
export function rangeSource(access: RandomAccess, start: number, length: number): ByteSource & { position: number } {
  const source = {
    size: length,
    position: 0,
    read(into: Uint8Array): number {
      const want = Math.min(into.length, length - source.position)
      if (want <= 0) return 0
      const got = access.readAt(start + source.position, want === into.length ? into : into.subarray(0, want))
      source.position += got
      return got
    }
  }
  return source
}

/** Reads until `into` is full or the source ends; returns how many bytes. */
export function readFull(source: ByteSource, into: Uint8Array): number {
  let done = 0
  while (done < into.length) {
    const got = source.read(done === 0 ? into : into.subarray(done))
    if (got === 0) break
    done += got
  }
  return done
}

let crcTable: Int32Array | undefined

/** CRC-32 (zip's, IEEE), continued from `crc`; zlib's native one where Node has it (20.15+). */
export function crc32(data: Uint8Array, crc = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32
  if (native) return native(data, crc) >>> 0
  if (!crcTable) {
    crcTable = new Int32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c
    }
  }
  let c = ~crc
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}
