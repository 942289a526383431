import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet'
import { didYouMean } from '../util/suggest.js'
import { fail, InputError, listText } from './errors.js'
import { type NDArray, makeArray, makeStrings } from '../domain/ndarray.js'
import { MAX_PARQUET_ROWS } from '../domain/limits.js'

/** Column names at the top of the schema, in file order. */
function parquetColumns(buffer: ArrayBuffer, file: string): string[] {
  try {
    return parquetSchema(parquetMetadata(buffer)).children.map((child) => child.element.name)
  } catch (e) {
    return fail(file, `not a valid Parquet file (${(e as Error).message})`)
  }
}

/**
 * Reads one column of a Parquet table (hyparquet decodes only that column's pages): numbers, booleans and
 * 64-bit integers → [N] (null → NaN), strings → text (ids), equal-length lists of numbers → [N, C].
 */
export async function readParquetColumn(bytes: Uint8Array, column: string | undefined, file: string): Promise<NDArray> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const columns = parquetColumns(buffer, file)
  if (!column) return fail(file, `name a column, e.g. ${file}#${columns[0] ?? 'score'} (columns: ${listText(columns)})`)
  if (!columns.includes(column)) return fail(file, `no column "${column}"${didYouMean(column, columns)}; columns: ${listText(columns)}`)
  const display = `${file}#${column}`
  checkRowCount(buffer, display)
  let rows: Record<string, unknown>[]
  try {
    rows = await parquetReadObjects({ file: buffer, columns: [column] })
  } catch (e) {
    return fail(display, `can't decode the column (${(e as Error).message})`)
  }
  return columnArray(
    rows.map((row) => row[column]),
    display
  )
}

/** The footer's row counts, checked against each other and the limit before any page is decoded. */
function checkRowCount(buffer: ArrayBuffer, display: string): void {
  let groups: bigint
  let total: bigint
  try {
    const metadata = parquetMetadata(buffer)
    groups = metadata.row_groups.reduce((sum, group) => sum + BigInt(group.num_rows), 0n)
    total = BigInt(metadata.num_rows)
  } catch (e) {
    fail(display, `not a valid Parquet file (its footer: ${(e as Error).message})`)
  }
  if (total !== groups) fail(display, `the file's footer says ${total} rows but its row groups hold ${groups}; the file is damaged, write it again`)
  if (groups > BigInt(MAX_PARQUET_ROWS))
    fail(
      display,
      `the file's footer claims ${groups} rows, over the ${MAX_PARQUET_ROWS} rows a column may have here; ` +
        'if the file is real, save the column as .npy (np.save), which is read a block of rows at a time'
    )
}

function columnArray(values: unknown[], display: string): NDArray {
  if (values.length > 0 && values.every((v) => typeof v === 'string' || v === null) && values.some((v) => typeof v === 'string')) {
    return makeStrings(
      values.map((v) => (v === null ? '' : (v as string))),
      [values.length],
      'str',
      display
    )
  }
  const first = values.find((v) => v !== null && v !== undefined)
  if (Array.isArray(first) || ArrayBuffer.isView(first)) {
    const width = (first as ArrayLike<unknown>).length
    const data = new Float64Array(values.length * width)
    values.forEach((v, i) => {
      const row = v as ArrayLike<unknown> | null
      if (!row || row.length !== width) fail(display, `row ${i} has ${row ? row.length : 0} values, row 0 has ${width}: lists must all have one length`)
      for (let j = 0; j < width; j++) data[i * width + j] = scalar(row[j], display, i)
    })
    return makeArray(data, [values.length, width], 'float64', display)
  }
  return makeArray(
    Float64Array.from(values, (v, i) => scalar(v, display, i)),
    [values.length],
    'float64',
    display
  )
}

function scalar(v: unknown, display: string, i: number): number {
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v) // beyond ±2^53 rounds to the nearest float64, as for int64 .npy
  if (typeof v === 'boolean') return v ? 1 : 0
  if (v === null || v === undefined) return NaN
  if (v instanceof Date) return fail(display, `row ${i} is a date/time; save it as seconds (a number)`)
  return fail(display, `row ${i} is ${typeof v === 'string' ? `the text ${JSON.stringify(v)} in a numeric column` : `a ${typeof v}`}; expected numbers`)
}

/** Result of reading a column ahead of time: the array, or the error to raise when a metric asks for it. */
export type PreparedColumn = NDArray | InputError
