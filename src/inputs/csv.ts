import { didYouMean } from '../util/suggest.js'
import { fail, listText } from './errors.js'
import { decodeText } from './json.js'
import { type NDArray, makeArray, makeStrings } from '../domain/ndarray.js'

/** A parsed CSV file: header names, data rows, and the file line each row starts on (for messages). */
export interface CsvTable {
  columns: string[]
  rows: string[][]
  lines: number[]
}

export interface CsvSelectOptions {
  /** Keep cells as text even when they look numeric (ids such as "007" keep their zeros). */
  text?: boolean
}

/** RFC 4180: quoted fields with "" escapes, commas and newlines inside quotes, LF or CRLF line ends. */
export function parseCsv(bytes: Uint8Array, source: string): CsvTable {
  const text = decodeText(bytes, source)
  const records: string[][] = []
  const starts: number[] = []
  let line = 1
  let pos = 0
  while (pos < text.length) {
    const record: string[] = []
    const start = line
    let quotedAny = false
    for (;;) {
      let field = ''
      if (text[pos] === '"') {
        quotedAny = true
        pos++
        for (;;) {
          const close = text.indexOf('"', pos)
          if (close < 0) fail(source, `line ${start}: a quoted field is never closed`)
          field += text.slice(pos, close)
          line += countNewlines(text, pos, close)
          pos = close + 1
          if (text[pos] !== '"') break
          field += '"'
          pos++
        }
      }
      // Unquoted text (or stray text after a closing quote, kept as written) runs to the next delimiter.
      let end = pos
      while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++
      field += text.slice(pos, end)
      pos = end
      record.push(field)
      if (text[pos] === ',') {
        pos++
        continue
      }
      if (text[pos] === '\r') pos++
      if (text[pos] === '\n') pos++
      line++
      break
    }
    // Blank lines (typically a trailing one) are not records.
    if (record.length === 1 && record[0].trim() === '' && !quotedAny) continue
    records.push(record)
    starts.push(start)
  }
  if (records.length === 0) fail(source, 'is empty (expected a header row)')
  const columns = records[0].map((name) => name.trim())
  const rows = records.slice(1)
  const lines = starts.slice(1)
  rows.forEach((row, i) => {
    if (row.length !== columns.length) fail(source, `line ${lines[i]} has ${row.length} fields, the header has ${columns.length}`)
  })
  return { columns, rows, lines }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++
  return n
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const SPECIAL: Record<string, number> = {
  nan: NaN,
  '+nan': NaN,
  '-nan': NaN,
  inf: Infinity,
  '+inf': Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-inf': -Infinity,
  '-infinity': -Infinity,
  true: 1,
  false: 0
}

/** A cell as a number, strictly: decimals, nan, ±inf, true/false; empty is NaN; anything else undefined. */
export function parseCell(cell: string): number | undefined {
  const text = cell.trim()
  if (text === '') return NaN
  if (DECIMAL.test(text)) return Number(text)
  const lower = text.toLowerCase()
  return Object.hasOwn(SPECIAL, lower) ? SPECIAL[lower] : undefined
}

/**
 * One column by header name: numbers, or text when no non-empty cell is numeric. Without a column,
 * a single-column file gives that column and a wider one the numeric table [rows, columns].
 */
export function selectCsv(table: CsvTable, column: string | undefined, source: string, opts: CsvSelectOptions = {}): NDArray {
  const { columns, rows } = table
  if (!column) {
    if (columns.length === 1) return selectCsv(table, columns[0], source, opts)
    const data = new Float64Array(rows.length * columns.length)
    columns.forEach((name, j) => {
      const values = columnValues(table, j, `${source}#${name}`, opts)
      if (values.strings) fail(source, `column "${name}" holds text; name a numeric column, e.g. ${source}#${name}`)
      values.data.forEach((v, i) => (data[i * columns.length + j] = v))
    })
    return makeArray(data, [rows.length, columns.length], 'float64', source)
  }
  const index = columns.indexOf(column)
  if (index < 0) fail(source, `no column "${column}"${didYouMean(column, columns)}; columns: ${listText(columns)}`)
  return columnValues(table, index, `${source}#${column}`, opts)
}

function columnValues(table: CsvTable, index: number, display: string, opts: CsvSelectOptions): NDArray {
  // Surrounding spaces ("a, b") are formatting, not part of an id or a number.
  const cells = table.rows.map((row) => row[index].trim())
  if (opts.text) return makeStrings(cells, [cells.length], 'str', display)
  const numbers = cells.map(parseCell)
  const filled = cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => cell !== '')
  const textCells = filled.filter(({ i }) => numbers[i] === undefined)
  if (textCells.length === 0) {
    const bools = filled.every(({ cell }) => /^(true|false)$/i.test(cell))
    return makeArray(Float64Array.from(numbers as number[]), [cells.length], filled.length > 0 && bools ? 'bool' : 'float64', display)
  }
  if (textCells.length === filled.length) return makeStrings(cells, [cells.length], 'str', display)
  // Mixed: name the first cell of the minority kind, which is the likely typo.
  const odd = textCells.length * 2 <= filled.length ? textCells[0] : filled.find(({ i }) => numbers[i] !== undefined)!
  const where = `row ${odd.i + 1} (line ${table.lines[odd.i]})`
  const what = numbers[odd.i] === undefined ? 'is not a number, but the column holds numbers' : 'is a number, but the column holds text'
  return fail(display, `${where}: ${JSON.stringify(odd.cell)} ${what}`)
}

export function readCsv(bytes: Uint8Array, column: string | undefined, source: string, opts: CsvSelectOptions = {}): NDArray {
  return selectCsv(parseCsv(bytes, source), column, source, opts)
}
