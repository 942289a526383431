import { closeSync, readdirSync, readSync } from 'node:fs'
import * as path from 'node:path'
import { MAX_TEXT_BYTES } from '../domain/limits.js'
import { didYouMean } from '../util/suggest.js'
import { type ByteSource as Stream, type RandomAccess, bytesAccess, fileAccess, rangeSource } from './byte-source.js'
import { InputError, fail } from './errors.js'
import { openRegularFile, readRegularFile, TEXT_LIMIT_HINT } from './files.js'
import { openNpzMember } from './npz.js'
import type { MemberStream } from './zip.js'
import { type InputReference, resolveInWorkspace } from './reference.js'
import { type ByteSource, type SafetensorsHeader, parseSafetensorsHeader } from './safetensors.js'

const TEXT_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.csv'])

export interface FileOptions {
  workspace: string
  maxBytes: number
  readFile?: (absolutePath: string) => Uint8Array
}

/** An .npy file or .npz member opened for reading, and the file access to close after. */
export interface OpenedArray {
  access: RandomAccess
  stream: Stream
  display: string
  /** An .npz member: the same stream, with where a stored member starts and how to check the bytes left unread. */
  member?: MemberStream
}

/** One reader's files: each read from disk once, each text file parsed once, each .safetensors header read once. */
export class InputFiles {
  private readonly bytesByPath = new Map<string, Uint8Array>()
  private readonly parsedByPath = new Map<string, unknown>()
  private readonly tensorFiles = new Map<string, { source: ByteSource; header: SafetensorsHeader }>()

  constructor(readonly options: FileOptions) {}

  absolute(ref: InputReference): string {
    return resolveInWorkspace(this.options.workspace, ref.path)
  }

  load(ref: InputReference): { absolute: string; bytes: Uint8Array } {
    const { maxBytes, readFile } = this.options
    const absolute = this.absolute(ref)
    let bytes = this.bytesByPath.get(absolute)
    if (!bytes) {
      const text = TEXT_EXTENSIONS.has(path.extname(ref.path).toLowerCase())
      bytes = readWhole(ref.path, absolute, text ? Math.min(maxBytes, MAX_TEXT_BYTES) : maxBytes, text ? TEXT_LIMIT_HINT : '', readFile)
      this.bytesByPath.set(absolute, bytes)
    }
    return { absolute, bytes }
  }

  hasParsed(ref: InputReference): boolean {
    return this.parsedByPath.has(this.absolute(ref))
  }

  // Text formats are parsed once per file, so several columns or pointers share the work.
  parsed<T>(ref: InputReference, parse: (bytes: Uint8Array) => T): T {
    const { absolute, bytes } = this.load(ref)
    if (!this.parsedByPath.has(absolute)) this.parsedByPath.set(absolute, parse(bytes))
    return this.parsedByPath.get(absolute) as T
  }

  // A .safetensors file is read by position: its header once, then only the byte range of each tensor asked for.
  safetensors(ref: InputReference): { source: ByteSource; header: SafetensorsHeader } {
    const absolute = this.absolute(ref)
    let file = this.tensorFiles.get(absolute)
    if (!file) {
      const source = this.options.readFile ? memorySource(this.load(ref).bytes) : fileSource(ref.path, absolute)
      file = { source, header: parseSafetensorsHeader(source, ref.path) }
      this.tensorFiles.set(absolute, file)
    }
    return file
  }

  openArray(ref: InputReference): OpenedArray {
    const file = ref.path
    if (path.extname(file).toLowerCase() === '.npy' && ref.member) fail(file, `a .npy file holds a single array; drop "#${ref.member}"`)
    const access = this.openAccess(ref)
    try {
      if (path.extname(file).toLowerCase() === '.npy') return { access, stream: rangeSource(access, 0, access.size), display: file }
      const { stream, display } = openNpzMember(access, ref.member, file)
      return { access, stream, display, member: stream }
    } catch (error) {
      access.close()
      throw error
    }
  }

  // Binary arrays are read through a file descriptor, a block at a time, never as a whole-file copy.
  private openAccess(ref: InputReference): RandomAccess {
    if (this.options.readFile) return bytesAccess(this.load(ref).bytes)
    const absolute = this.absolute(ref)
    return fileError(ref.path, absolute, () => fileAccess(absolute))
  }
}

/** The file's bytes, or a message saying it is missing (with a did-you-mean among its siblings), not a regular file, or too big. */
export function readWhole(file: string, absolute: string, maxBytes: number, hint: string, readFile?: (absolutePath: string) => Uint8Array): Uint8Array {
  return fileError(file, absolute, () => (readFile ? readFile(absolute) : readRegularFile(absolute, file, maxBytes, hint)))
}

/** Runs a file operation, turning a system error into one message naming the file. */
export function fileError<T>(file: string, absolute: string, operation: () => T): T {
  try {
    return operation()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (error instanceof InputError && !/: file not found/.test(error.message)) throw error
    if (error instanceof InputError || code === 'ENOENT') fail(file, `file not found (resolved to ${absolute})${siblingHint(absolute)}`)
    if (code === 'EISDIR') fail(file, 'is a directory, not a file')
    if (code === 'ENOTREG') fail(file, 'is not a regular file (a FIFO, socket or device?); write the array to a file')
    return fail(file, `can't read the file (${(error as Error).message})`)
  }
}

function memorySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length) }
}

/** Positioned reads; the file is checked once (regular file, not a FIFO or device) and each read opens it briefly. */
function fileSource(file: string, absolute: string): ByteSource {
  let size: number
  try {
    const opened = openRegularFile(absolute, file)
    closeSync(opened.fd)
    size = opened.size
  } catch (error) {
    if (error instanceof InputError && /: file not found/.test(error.message)) fail(file, `file not found (resolved to ${absolute})${siblingHint(absolute)}`)
    throw error
  }
  return {
    size,
    read(position, length) {
      const out = new Uint8Array(length)
      const { fd } = openRegularFile(absolute, file)
      try {
        let done = 0
        while (done < length) {
          const got = readSync(fd, out, done, length - done, position + done)
          if (got === 0) fail(file, `file ended at ${position + done} bytes while reading ${length} bytes at ${position} (was it changed while reading?)`)
          done += got
        }
      } finally {
        closeSync(fd)
      }
      return out
    }
  }
}

export function siblingHint(absolute: string): string {
  try {
    return didYouMean(path.basename(absolute), readdirSync(path.dirname(absolute)))
  } catch {
    return `; the folder ${path.dirname(absolute)} does not exist either (did the step that writes it run?)`
  }
}
