import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { InputSpec, MetricDefinition } from '../../src/metrics/definition.js'

/** mulberry32: a small seeded generator, independent of the code under test. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A float64 (or int64) .npy file, C order. */
function npy(data: ArrayLike<number>, shape: number[], dtype: '<f8' | '<i8' = '<f8'): Buffer {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ')
  let header = `{'descr': '${dtype}', 'fortran_order': False, 'shape': (${dims}), }`
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n'
  const prefix = Buffer.alloc(10)
  prefix.write('\x93NUMPY', 0, 'latin1')
  prefix[6] = 1
  prefix.writeUInt16LE(header.length, 8)
  const body = Buffer.alloc(data.length * 8)
  for (let i = 0; i < data.length; i++) {
    if (dtype === '<i8') body.writeBigInt64LE(BigInt(data[i]), i * 8)
    else body.writeDoubleLE(data[i], i * 8)
  }
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), body])
}

/** Sizes of the symbolic dimensions; the row dimension (N, T, E) is given per data set. */
const DIMS: Record<string, number[]> = { C: [6], 'K+1': [6], B: [3], R: [5], S: [3], 'F...': [2, 4], 'D...': [3], D: [5], M: [4], K: [5] }
const ROWS = new Set(['N', 'T', 'E'])

export interface Table {
  /** Shape with the row dimension first (when the input has one). */
  shape: number[]
  data: Float64Array
  /** Whether the first dimension is the example (row) dimension, i.e. it is split across shards. */
  perRow: boolean
}

/** Values that make each input valid for its metric: class ids, 0/1 masks, probabilities, sorted fractions, … */
function value(def: MetricDefinition, spec: InputSpec, random: () => number, index: number, row: number, inRow: number, rowSize: number): number {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  switch (spec.name) {
    case 'labels':
      // auroc: binary, both classes in every stretch of two rows; elsewhere class ids < C.
      return def.name === 'auroc' ? (row + (random() < 0.2 ? 1 : 0)) % 2 : Math.floor(random() * 3)
    case 'predictions':
    case 'targets':
    case 'correct':
    case 'incorrect':
      return rowSize === 1 ? Math.floor(random() * 3) : random()
    case 'mask':
      return inRow === row % rowSize || random() < 0.3 ? 1 : 0
    case 'circuit':
      return row % 2 === 0 || random() < 0.3 ? 1 : 0
    case 'fractions':
      return index / 4
    case 'latents':
      return Math.max(0, normal() - 0.5)
    case 'scores':
      // A NaN now and then: excluded from the mean and counted, in the shards as in the whole.
      return def.name === 'mean' && row % 7 === 3 ? NaN : normal()
    case 'value':
      return 0.25
    default:
      return /^(curves|probs|bins|ce_|kl_)/.test(spec.name) ? 0.05 + 0.9 * random() : normal()
  }
}

/** Random inputs for every input of `def`, with `rows` examples, drawn from `seed`. */
export function inputsFor(def: MetricDefinition, rows: number, seed: number): Record<string, Table> {
  const random = rng(seed)
  const out: Record<string, Table> = {}
  for (const spec of def.inputs) {
    const symbols = spec.shapes[0]
    const shape = symbols.flatMap((s) => (ROWS.has(s) ? [rows] : s in DIMS ? DIMS[s] : /^\d+$/.test(s) ? [Number(s)] : [NaN]))
    if (shape.some(Number.isNaN)) throw new Error(`no size for a dimension of ${def.name}.${spec.name}: ${symbols.join(',')}`)
    const perRow = symbols.length > 0 && ROWS.has(symbols[0])
    const size = shape.reduce((a, b) => a * b, 1)
    const rowSize = perRow ? size / rows : size
    const data = new Float64Array(size)
    for (let i = 0; i < size; i++) data[i] = value(def, spec, random, i, perRow ? Math.floor(i / rowSize) : 0, i % rowSize, rowSize)
    out[spec.name] = { shape, data, perRow }
  }
  return out
}

/** Rows [from, to) of a table; inputs without a row dimension are the same in every shard. */
export function sliceRows(t: Table, from: number, to: number): Table {
  if (!t.perRow) return t
  const rowSize = t.data.length / t.shape[0]
  return { shape: [to - from, ...t.shape.slice(1)], data: t.data.slice(from * rowSize, to * rowSize), perRow: true }
}

/** Writes each table as data/<id>.<input>.npy under `dir`, and ids (when given) as data/<id>.ids.npy. */
export function writeTables(dir: string, id: string, tables: Record<string, Table>, ids?: number[]): void {
  mkdirSync(join(dir, 'data'), { recursive: true })
  for (const [name, t] of Object.entries(tables)) writeFileSync(join(dir, 'data', `${id}.${name}.npy`), npy(t.data, t.shape))
  if (ids) writeFileSync(join(dir, 'data', `${id}.ids.npy`), npy(ids, [ids.length], '<i8'))
}
