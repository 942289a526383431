import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { DEFAULT_MAX_INPUT_BYTES, DEFAULT_MEMORY_BUDGET } from '../domain/limits.js'
import { type NDArray, product, shapeText } from '../domain/ndarray.js'
import { didYouMean } from '../util/suggest.js'
import { rangeSource } from './byte-source.js'
import { type DecodeContext, decoderFor } from './decoders.js'
import { InputError, fail, refuseEmpty } from './errors.js'
import { InputFiles, readWhole, siblingHint } from './input-files.js'
import { type NpyHeader, type NpyRows, npyRows, readNpyHeader, streamable } from './npy.js'
import { type PreparedColumn, readParquetColumn } from './parquet.js'
import { type InputReference, parseReference, resolveInWorkspace } from './reference.js'

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
   * file or a stored member only; a deflated member is a stream); undefined for other inputs.
   */
  openRows(ref: string, fromRow?: number): RowReader | undefined
}

/** An array read a block of rows at a time (see InputReader.openRows). */
export interface RowReader {
  source: string
  header: NpyHeader
  rows: NpyRows
  /** An .npy file or a stored (np.savez) .npz member: openRows can start it at any row. */
  seekable: boolean
  /**
   * After a pass from row 0 that stopped early (other threads read the other rows): reads the rest of an .npz member
   * so its size and CRC-32 are checked all the same; nothing for an .npy file, which has no checksum.
   */
  checkUnread(): void
  close(): void
}

/** Reads input references against one workspace; each file is read from disk (and each reference decoded) once. */
export function createInputReader(options: InputReaderOptions): InputReader {
  const { workspace, aliases = {}, maxBytes = DEFAULT_MAX_INPUT_BYTES, memoryBudget = DEFAULT_MEMORY_BUDGET } = options
  const files = new InputFiles({ workspace, maxBytes, readFile: options.readFile })

  // Several metrics usually read the same arrays (attributions, ids): decode each reference once. Arrays are read-only.
  const arrays = new Map<string, NDArray>()
  const readArray = (text: string, asText: boolean): NDArray => {
    const key = `${asText ? 'text' : 'numbers'}:${text}`
    let array = arrays.get(key)
    if (!array) {
      array = decodeArray(parseReference(text, aliases), { files, memoryBudget, parquet: options.parquet, asText }, aliases)
      refuseEmpty(array.shape, array.source)
      arrays.set(key, array)
    }
    return array
  }

  return {
    openRows: (text, fromRow = 0) => openRowReader(files, parseReference(text, aliases), fromRow),
    read: (ref) => readArray(ref, false),
    readLabels: (ref) => labelsOf(readArray(ref, true), 'labels'),
    readIds: (ref) => uniqueIds(readArray(ref, true))
  }
}

/** The array a reference names, decoded by its file format's decoder; an error names the file. */
function decodeArray(ref: InputReference, context: DecodeContext, aliases: Record<string, string>): NDArray {
  const file = ref.path
  const extension = path.extname(file).toLowerCase()
  try {
    const decoder = decoderFor(extension)
    if (decoder) return decoder.read(ref, context)
    if (PICKLE_EXTENSIONS.includes(extension)) fail(file, pickleRefusal(extension))
    const hint = extension === '' && !file.includes('/') ? didYouMean(file, Object.keys(aliases)) : ''
    const type = extension || '(no extension)'
    return fail(file, `unsupported file type "${type}"${hint}; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`)
  } catch (error) {
    if (error instanceof InputError) error.file = file
    throw error
  }
}

/** Row-by-row access to a numeric .npy file or .npz member (see InputReader.openRows); undefined for other inputs. */
function openRowReader(files: InputFiles, ref: InputReference, fromRow: number): RowReader | undefined {
  const extension = path.extname(ref.path).toLowerCase()
  if (extension !== '.npy' && extension !== '.npz') return undefined
  const opened = files.openArray(ref)
  try {
    const header = readNpyHeader(opened.stream, opened.display)
    refuseEmpty(header.shape, opened.display)
    const member = opened.member
    // A stored member's bytes lie in the archive as they are, so it seeks like an .npy file from where they start.
    const base = member ? member.storedAt : 0
    const seekable = base !== undefined
    if (!streamable(header) || (fromRow > 0 && !seekable)) {
      opened.access.close()
      return undefined
    }
    let stream = opened.stream
    if (fromRow > 0) {
      const start = header.dataOffset + fromRow * product(header.shape.slice(1)) * header.dtype.itemsize
      stream = rangeSource(opened.access, base! + start, (member ? member.size! : opened.access.size) - start)
    }
    const rows = npyRows(stream, header, opened.display, fromRow)
    // Only a reader from row 0 has CRC'd what it read so far; a later one leaves the check to that one.
    const checkUnread = member && fromRow === 0 ? () => member.checkRest() : () => {}
    return { source: opened.display, header, rows, seekable, checkUnread, close: () => opened.access.close() }
  } catch (error) {
    opened.access.close()
    if (error instanceof InputError) error.file = ref.path
    throw error
  }
}

/** The array's entries as ids; fails on the first duplicate. */
function uniqueIds(array: NDArray): string[] {
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
