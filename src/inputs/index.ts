import { closeSync, existsSync, readdirSync, readSync } from 'node:fs'
import { type RandomAccess, bytesAccess, fileAccess, rangeSource } from './byte-source.js'
import * as path from 'node:path'
import { didYouMean } from '../util/suggest.js'
import { type CsvTable, parseCsv, selectCsv } from './csv.js'
import { InputError, fail, refuseEmpty } from './errors.js'
import { DEFAULT_MAX_INPUT_BYTES, DEFAULT_MEMORY_BUDGET, JSON_SCAN_BYTES, MAX_TEXT_BYTES } from '../domain/limits.js'
import { openRegularFile, readRegularFile, TEXT_LIMIT_HINT } from './files.js'
import { jsonToArray, parseJsonDocument, pointerTokens, selectJson } from './json.js'
import { scanJsonPointer } from './json-stream.js'
import { type JsonLine, parseJsonLines, selectJsonLines } from './jsonl.js'
import { type NDArray, product, shapeText } from '../domain/ndarray.js'
import { type NpyHeader, type NpyRows, npyRows, readNpyArray, readNpyHeader, streamable } from './npy.js'
import { openNpzMember } from './npz.js'
import { type InputReference, parseReference, resolveInWorkspace } from './reference.js'
import { type ByteSource, type SafetensorsHeader, parseSafetensorsHeader, readSafetensorsTensor } from './safetensors.js'
import { type PreparedColumn, readParquetColumn } from './parquet.js'

export { InputError } from './errors.js'
export type { NDArray } from '../domain/ndarray.js'
export { parseNpy } from './npy.js'
export { readNpzMember } from './npz.js'

export { parseJsonDocument, selectJson } from './json.js'
export { parseJsonLines, selectJsonLines } from './jsonl.js'
export { parseCsv, selectCsv } from './csv.js'
export { resolveInWorkspace } from './reference.js'

export type { PreparedColumn } from './parquet.js'

export { readRegularFile, readRegularText } from './files.js'

const SUPPORTED_EXTENSIONS = ['.npy', '.npz', '.json', '.jsonl', '.ndjson', '.csv', '.safetensors', '.parquet'] as const
const TEXT_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.csv'])

/** Pickle-based formats: loading one runs code, so we refuse it and say how to save the same tensors safely. */
const PICKLE_EXTENSIONS = ['.pt', '.pth', '.pkl', '.pickle', '.ckpt']

function pickleRefusal(extension: string): string {
  const what = extension === '.pkl' || extension === '.pickle' ? 'a Python pickle' : 'a PyTorch pickle'
  return (
    `${extension} files are ${what}: loading one runs arbitrary code, so interp-gate does not read them. ` +
    'Save the same tensors as safetensors: safetensors.torch.save_file({"scores": t.contiguous()}, "out.safetensors") ' +
    '(reference it as out.safetensors#scores), or as .npy: np.save("scores.npy", t.detach().cpu().numpy())'
  )
}

export interface InputReaderOptions {
  /** Root that every path is relative to and may not leave (GITHUB_WORKSPACE in the action). */
  workspace: string
  /** Config `inputs:` aliases, name → `path[#member]`. */
  aliases?: Record<string, string>
  /** Largest text file read, in bytes (default 1 GiB). */
  maxBytes?: number
  /** Largest decoded array held whole in memory, in bytes (default 2 GiB); row-by-row reads need no budget. */
  memoryBudget?: number
  /** Reads a whole file; injectable so tests can count reads. Defaults to fs.readFileSync. */
  readFile?: (absolutePath: string) => Uint8Array
  /** Parquet columns decoded ahead of time by readParquetInputs (the decoder is asynchronous), by reference. */
  parquet?: ReadonlyMap<string, PreparedColumn>
}

export interface InputReader {
  /** The array a reference names, e.g. "ig#curves" or "eval-out/m.json#/scores". */
  read(ref: string): NDArray
  /** Example ids as strings (integers printed exactly, even beyond 2^53; text as is); fails on the first duplicate. */
  readIds(ref: string): string[]
  /** One label per example as text (integers printed exactly, text as is), repeats allowed: slice groups. */
  readLabels(ref: string): string[]
  /**
   * Row-by-row access to a numeric .npy file or .npz member, without decoding it whole, from row `fromRow` (an .npy
   * file only; members are streams); undefined for other inputs.
   */
  openRows(ref: string, fromRow?: number): RowReader | undefined
}

/** An array read a block of rows at a time (see InputReader.openRows). */
export interface RowReader {
  source: string
  header: NpyHeader
  rows: NpyRows
  /** An .npy file: openRows can start it at any row. */
  seekable: boolean
  close(): void
}

/** Reads input references against one workspace; each file is read from disk (and each reference decoded) once. */
export function createInputReader(options: InputReaderOptions): InputReader {
  const { workspace, aliases = {}, maxBytes = DEFAULT_MAX_INPUT_BYTES, memoryBudget = DEFAULT_MEMORY_BUDGET } = options
  const bytesByPath = new Map<string, Uint8Array>()
  const parsedByPath = new Map<string, unknown>()
  const tensorFiles = new Map<string, { source: ByteSource; header: SafetensorsHeader }>()

  const load = (ref: InputReference): { absolute: string; bytes: Uint8Array } => {
    const absolute = resolveInWorkspace(workspace, ref.path)
    let bytes = bytesByPath.get(absolute)
    if (!bytes) {
      const text = TEXT_EXTENSIONS.has(path.extname(ref.path).toLowerCase())
      bytes = readWhole(ref.path, absolute, text ? Math.min(maxBytes, MAX_TEXT_BYTES) : maxBytes, text ? TEXT_LIMIT_HINT : '', options.readFile)
      bytesByPath.set(absolute, bytes)
    }
    return { absolute, bytes }
  }

  // Text formats are parsed once per file, so several columns or pointers share the work.
  const parsed = <T>(ref: InputReference, parse: (bytes: Uint8Array) => T): T => {
    const { absolute, bytes } = load(ref)
    if (!parsedByPath.has(absolute)) parsedByPath.set(absolute, parse(bytes))
    return parsedByPath.get(absolute) as T
  }

  // A .safetensors file is read by position: its header once, then only the byte range of each tensor asked for.
  const safetensors = (ref: InputReference): NDArray => {
    const absolute = resolveInWorkspace(workspace, ref.path)
    let file = tensorFiles.get(absolute)
    if (!file) {
      const source = options.readFile ? memorySource(load(ref).bytes) : fileSource(ref.path, absolute)
      file = { source, header: parseSafetensorsHeader(source, ref.path) }
      tensorFiles.set(absolute, file)
    }
    return readSafetensorsTensor(file.source, file.header, ref.member, ref.path, maxBytes)
  }

  // Several metrics usually read the same arrays (attributions, ids): decode each reference once. Arrays are read-only.
  const arrays = new Map<string, NDArray>()
  const readArray = (text: string, asText: boolean): NDArray => {
    const key = `${asText ? 'text' : 'numbers'}:${text}`
    let array = arrays.get(key)
    if (!array) {
      array = decodeArray(text, asText)
      refuseEmpty(array.shape, array.source)
      arrays.set(key, array)
    }
    return array
  }

  const decodeArray = (text: string, asText: boolean): NDArray => {
    const ref = parseReference(text, aliases)
    const file = ref.path
    const extension = path.extname(file).toLowerCase()
    try {
      switch (extension) {
        case '.npy':
        case '.npz': {
          const opened = openArray(ref)
          try {
            return readNpyArray(opened.stream, opened.display, memoryBudget)
          } finally {
            opened.access.close()
          }
        }
        case '.json':
          return (
            (options.readFile || parsedByPath.has(resolveInWorkspace(workspace, file))
              ? undefined
              : scanLargeJson(file, resolveInWorkspace(workspace, file), ref.member, maxBytes)) ??
            selectJson(
              parsed(ref, (b) => parseJsonDocument(b, file)),
              ref.member,
              file
            )
          )
        case '.jsonl':
        case '.ndjson':
          return selectJsonLines(
            parsed<JsonLine[]>(ref, (b) => parseJsonLines(b, file)),
            ref.member,
            file
          )
        case '.csv':
          return selectCsv(
            parsed<CsvTable>(ref, (b) => parseCsv(b, file)),
            ref.member,
            file,
            { text: asText }
          )
        case '.safetensors':
          return safetensors(ref)
        case '.parquet': {
          const column = options.parquet?.get(ref.display)
          if (column instanceof InputError) throw column
          return column ?? fail(file, 'Parquet columns are decoded before the metrics run (readParquetInputs); this reader was given none')
        }
        default: {
          if (PICKLE_EXTENSIONS.includes(extension)) fail(file, pickleRefusal(extension))
          const hint = extension === '' && !file.includes('/') ? didYouMean(file, Object.keys(aliases)) : ''
          const type = extension || '(no extension)'
          return fail(file, `unsupported file type "${type}"${hint}; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`)
        }
      }
    } catch (error) {
      if (error instanceof InputError) error.file = file
      throw error
    }
  }

  // Binary arrays are read through a file descriptor, a block at a time, never as a whole-file copy.
  const openAccess = (ref: InputReference): RandomAccess => {
    if (options.readFile) return bytesAccess(load(ref).bytes)
    const absolute = resolveInWorkspace(workspace, ref.path)
    return fileError(ref.path, absolute, () => fileAccess(absolute))
  }

  const openArray = (ref: InputReference) => {
    const file = ref.path
    if (path.extname(file).toLowerCase() === '.npy' && ref.member) fail(file, `a .npy file holds a single array; drop "#${ref.member}"`)
    const access = openAccess(ref)
    try {
      if (path.extname(file).toLowerCase() === '.npy') return { access, stream: rangeSource(access, 0, access.size), display: file }
      return { access, ...openNpzMember(access, ref.member, file) }
    } catch (error) {
      access.close()
      throw error
    }
  }

  const openRows = (text: string, fromRow = 0): RowReader | undefined => {
    const ref = parseReference(text, aliases)
    const extension = path.extname(ref.path).toLowerCase()
    if (extension !== '.npy' && extension !== '.npz') return undefined
    const opened = openArray(ref)
    try {
      const header = readNpyHeader(opened.stream, opened.display)
      refuseEmpty(header.shape, opened.display)
      const seekable = extension === '.npy'
      if (!streamable(header) || (fromRow > 0 && !seekable)) {
        opened.access.close()
        return undefined
      }
      let stream = opened.stream
      if (fromRow > 0) {
        const start = header.dataOffset + fromRow * product(header.shape.slice(1)) * header.dtype.itemsize
        stream = rangeSource(opened.access, start, opened.access.size - start)
      }
      const rows = npyRows(stream, header, opened.display, fromRow)
      return { source: opened.display, header, rows, seekable, close: () => opened.access.close() }
    } catch (error) {
      opened.access.close()
      if (error instanceof InputError) error.file = ref.path
      throw error
    }
  }

  return {
    openRows,
    read: (ref) => readArray(ref, false),
    readLabels: (ref) => labelsOf(readArray(ref, true), 'labels'),
    readIds: (ref) => {
      const array = readArray(ref, true)
      const ids = labelsOf(array, 'ids')
      const source = array.source
      const first = new Map<string, number>()
      ids.forEach((id, i) => {
        const earlier = first.get(id)
        if (earlier !== undefined) {
          fail(source, `duplicate id "${id}" (elements ${earlier} and ${i}); ids must be unique to pair examples`)
        }
        first.set(id, i)
      })
      return ids
    }
  }
}

/**
 * Decodes every Parquet column the references name, before the (synchronous) reader runs: the Parquet decoder is
 * asynchronous. A failure is kept and raised when a metric reads that column, so it stays that metric's error.
 */
export async function readParquetInputs(options: InputReaderOptions, refs: Iterable<string>): Promise<Map<string, PreparedColumn>> {
  const { workspace, aliases = {}, maxBytes = DEFAULT_MAX_INPUT_BYTES } = options
  const out = new Map<string, PreparedColumn>()
  for (const text of refs) {
    let ref: InputReference
    try {
      ref = parseReference(text, aliases)
    } catch {
      continue // the synchronous reader reports a bad reference where it is used
    }
    if (path.extname(ref.path).toLowerCase() !== '.parquet' || out.has(ref.display)) continue
    try {
      const bytes = readWhole(ref.path, resolveInWorkspace(workspace, ref.path), maxBytes, '', options.readFile)
      out.set(ref.display, await readParquetColumn(bytes, ref.member, ref.path))
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      out.set(ref.display, error)
    }
  }
  return out
}

/** A 1-d array of integers or strings as text, one entry per example; `what` names it in messages. */
function labelsOf(array: NDArray, what: 'ids' | 'labels'): string[] {
  const source = array.source
  if (array.shape.length !== 1) fail(source, `${what} must be a 1-d array, got shape ${shapeText(array.shape)}`)
  return array.strings ?? array.exact ?? Array.from(array.data, (value, i) => integerText(value, i, source, what))
}

/** The array a pointer names in a large .json file, read a chunk at a time; undefined for a smaller file (parsed whole). */
function scanLargeJson(file: string, absolute: string, pointer: string | undefined, maxBytes: number): NDArray | undefined {
  if (!pointer) return undefined
  const tokens = pointerTokens(pointer, file)
  const { fd, size } = fileError(file, absolute, () => openRegularFile(absolute, file, maxBytes))
  try {
    if (size < JSON_SCAN_BYTES) return undefined
    const display = `${file}#${pointer}`
    return jsonToArray(
      scanJsonPointer((into) => readSync(fd, into, 0, into.length, null), tokens, display, file),
      display,
      tokens
    )
  } finally {
    closeSync(fd)
  }
}

function integerText(value: number, index: number, source: string, what: 'ids' | 'labels'): string {
  if (!Number.isInteger(value)) fail(source, `${what} must be integers or strings; element ${index} is ${value}`)
  // Above 2^53 a float64 can't tell neighbouring ids apart (2^53 and 2^53+1 read alike), so pairs would be wrong.
  if (!Number.isSafeInteger(value))
    fail(
      source,
      `id at element ${index} is beyond 2^53 − 1, where numbers lose digits and distinct ids collide; write the ids as strings (e.g. "${BigInt(value)}")`
    )
  return String(value)
}

/** The file's bytes, or a message saying it is missing (with a did-you-mean among its siblings), not a regular file, or too big. */
function readWhole(file: string, absolute: string, maxBytes: number, hint: string, readFile?: (absolutePath: string) => Uint8Array): Uint8Array {
  return fileError(file, absolute, () => (readFile ? readFile(absolute) : readRegularFile(absolute, file, maxBytes, hint)))
}

/** Runs a file operation, turning a system error into one message naming the file. */
function fileError<T>(file: string, absolute: string, operation: () => T): T {
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

/** Why a workspace path can't be read as an input (missing, leaves the workspace), or null when it exists. */
export function missingFileProblem(workspace: string, file: string): string | null {
  try {
    const absolute = resolveInWorkspace(workspace, file)
    if (existsSync(absolute)) return null
    return `${file}: file not found (resolved to ${absolute})${siblingHint(absolute)}`
  } catch (error) {
    if (error instanceof InputError) return error.message
    throw error
  }
}

function siblingHint(absolute: string): string {
  try {
    return didYouMean(path.basename(absolute), readdirSync(path.dirname(absolute)))
  } catch {
    return `; the folder ${path.dirname(absolute)} does not exist either (did the step that writes it run?)`
  }
}
