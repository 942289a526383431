import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { MAX_TEXT_BYTES } from '../domain/limits.js'
import { fail } from './errors.js'

export interface OpenedFile {
  fd: number
  size: number
}

/** What a non-regular file is, for the refusal message. */
function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  if (stats.isDirectory()) return 'a directory'
  return 'not a regular file'
}

/**
 * Opens a file for reading and refuses anything but a regular file before a byte is read: a FIFO or
 * a device would block forever or never end, and its stat size (0) says nothing. O_NONBLOCK keeps the
 * open itself from waiting for a FIFO's writer. The caller closes the fd.
 */
export function openRegularFile(absolute: string, display: string, maxBytes?: number, hint = '', noFollow = false): OpenedFile {
  let fd: number
  try {
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (noFollow ? constants.O_NOFOLLOW : 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP' && noFollow) fail(display, 'is a symlink; only regular files are read here, never a link to elsewhere')
    if (code === 'ENOENT') fail(display, `file not found (resolved to ${absolute})`)
    if (code === 'EISDIR') fail(display, 'is a directory, not a file')
    if (code === 'EACCES' || code === 'EPERM') fail(display, `permission denied (resolved to ${absolute})`)
    return fail(display, `can't open the file (${code ?? (error as Error).message})`)
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) fail(display, 'is a directory, not a file')
    if (!stats.isFile()) fail(display, `is ${kindOf(stats)}, not a regular file; write the data to a file and point at that`)
    if (maxBytes !== undefined && stats.size > maxBytes) fail(display, `file is ${stats.size} bytes, over the size limit of ${maxBytes} bytes${hint}`)
    return { fd, size: stats.size }
  } catch (error) {
    closeSync(fd)
    throw error
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`. Reads until EOF so a file that grows while being
 * read stops at the limit instead of running on.
 */
export function readRegularFile(absolute: string, display: string, maxBytes: number, hint = '', noFollow = false): Uint8Array {
  const { fd, size } = openRegularFile(absolute, display, maxBytes, hint, noFollow)
  try {
    const chunks: Uint8Array[] = []
    let total = 0
    let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(size, maxBytes) + 1))
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null)
      if (read === 0) break
      chunks.push(buffer.subarray(0, read))
      total += read
      if (total > maxBytes) fail(display, `file is over the size limit of ${maxBytes} bytes${hint}`)
      buffer = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total))
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EISDIR') fail(display, 'is a directory, not a file')
    if (code !== undefined) fail(display, `can't read the file (${code})`)
    throw error
  } finally {
    closeSync(fd)
  }
}

/** Appended to a text file's size refusal: the string limit can't be raised, the format can change. */
export const TEXT_LIMIT_HINT = ' (text files are read as one string, which JavaScript caps near 512 MiB; write large arrays as .npy or .npz instead)'

/**
 * The text of a regular UTF-8 file, refused (naming the file) when it is too long to be one string; with `noFollow`
 * a symlink as the last path part is refused too (O_NOFOLLOW, so nothing can swap one in after a check).
 */
export function readRegularText(absolute: string, display: string, maxBytes = MAX_TEXT_BYTES, noFollow = false): string {
  const limit = Math.min(maxBytes, MAX_TEXT_BYTES)
  const bytes = readRegularFile(absolute, display, limit, limit === MAX_TEXT_BYTES ? TEXT_LIMIT_HINT : '', noFollow)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}
