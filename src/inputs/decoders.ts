import { closeSync, readSync } from 'node:fs'
import { JSON_SCAN_BYTES } from '../domain/limits.js'
import type { NDArray } from '../domain/ndarray.js'
import { type CsvTable, parseCsv, selectCsv } from './csv.js'
import { InputError, fail } from './errors.js'
import { openRegularFile } from './files.js'
import { type InputFiles, fileError } from './input-files.js'
import { jsonToArray, parseJsonDocument, pointerTokens, selectJson } from './json.js'
import { scanJsonPointer } from './json-stream.js'
import { type JsonLine, parseJsonLines, selectJsonLines } from './jsonl.js'
import { readNpyArray } from './npy.js'
import type { PreparedColumn } from './parquet.js'
import type { InputReference } from './reference.js'
import { readSafetensorsTensor } from './safetensors.js'

/** What a decoder reads with: the reader's files (read and parsed once) and its limits. */
export interface DecodeContext {
  files: InputFiles
  memoryBudget: number
  parquet?: ReadonlyMap<string, PreparedColumn>
  /** The array is read as ids or labels (CSV keeps the column's text). */
  asText: boolean
}

/** Decodes the array one reference names, in one file format. */
export interface ArrayDecoder {
  read(ref: InputReference, context: DecodeContext): NDArray
}

/** The decoder for a (lower-case) file extension, or undefined for an unsupported one. */
export function decoderFor(extension: string): ArrayDecoder | undefined {
  switch (extension) {
    case '.npy':
    case '.npz':
      return npyDecoder
    case '.json':
      return jsonDecoder
    case '.jsonl':
    case '.ndjson':
      return jsonLinesDecoder
    case '.csv':
      return csvDecoder
    case '.safetensors':
      return safetensorsDecoder
    case '.parquet':
      return parquetDecoder
    default:
      return undefined
  }
}

const npyDecoder: ArrayDecoder = {
  read(ref, { files, memoryBudget }) {
    const opened = files.openArray(ref)
    try {
      return readNpyArray(opened.stream, opened.display, memoryBudget)
    } finally {
      opened.access.close()
    }
  }
}

const jsonDecoder: ArrayDecoder = {
  read(ref, { files }) {
    const file = ref.path
    const scanned = files.options.readFile || files.hasParsed(ref) ? undefined : scanLargeJson(file, files.absolute(ref), ref.member, files.options.maxBytes)
    return (
      scanned ??
      selectJson(
        files.parsed(ref, (b) => parseJsonDocument(b, file)),
        ref.member,
        file
      )
    )
  }
}

const jsonLinesDecoder: ArrayDecoder = {
  read(ref, { files }) {
    return selectJsonLines(
      files.parsed<JsonLine[]>(ref, (b) => parseJsonLines(b, ref.path)),
      ref.member,
      ref.path
    )
  }
}

const csvDecoder: ArrayDecoder = {
  read(ref, { files, asText }) {
    return selectCsv(
      files.parsed<CsvTable>(ref, (b) => parseCsv(b, ref.path)),
      ref.member,
      ref.path,
      { text: asText }
    )
  }
}

const safetensorsDecoder: ArrayDecoder = {
  read(ref, { files }) {
    const { source, header } = files.safetensors(ref)
    return readSafetensorsTensor(source, header, ref.member, ref.path, files.options.maxBytes)
  }
}

const parquetDecoder: ArrayDecoder = {
  read(ref, { parquet }) {
    const column = parquet?.get(ref.display)
    if (column instanceof InputError) throw column
    return column ?? fail(ref.path, 'Parquet columns are decoded before the metrics run (readParquetInputs); this reader was given none')
  }
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
