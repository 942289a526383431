import type { NDArray } from '../domain/ndarray.js'
import type { RowReader } from '../inputs/index.js'
import type { MetricDefinition } from '../metrics/definition.js'
import type { identityHasher } from './metric-result.js'

/** One row-wise metric of a pass: its scores, filled block by block, and its fingerprint. */
export interface Job {
  definition: MetricDefinition
  params: unknown
  id: string
  refs: Record<string, string>
  rows: number
  /** Scores of rows [from, from + length). */
  scores: Float64Array
  hasher?: ReturnType<typeof identityHasher>
  identityName?: string
  failed?: unknown
}

/**
 * An input as its blocks are laid out: plain data, so another thread can view a block this one read. `narrow`: a
 * float32 input read only by metrics that take float32 rows, read into the block buffer's bytes as it is.
 */
export interface BlockInput {
  ref: string
  rows: number
  rowSize: number
  shape: number[]
  dtype: string
  source: string
  narrow: boolean
}

/** Rows [start, start + count) of each input, viewed in its block buffer. */
export interface Block {
  start: number
  arrays: Map<string, NDArray>
  rows32: Map<string, { data: Float32Array; rowSize: number }>
}

/** The input references the jobs read, each once, in first-use order. */
export function inputRefs(jobs: readonly Job[]): string[] {
  return [...new Set(jobs.flatMap((j) => Object.values(j.refs)))]
}

/** The inputs the jobs read, each once, and whether it is read as float32. */
export function blockInputs(jobs: Job[], readers: Map<string, RowReader | undefined>): BlockInput[] {
  return inputRefs(jobs).map((ref) => {
    const r = readers.get(ref)!
    const narrow = r.rows.float32 && r.rows.rowSize > 0 && jobs.every((j) => !Object.values(j.refs).includes(ref) || takesFloat32(j))
    return { ref, rows: r.rows.rows, rowSize: r.rows.rowSize, shape: r.header.shape, dtype: r.header.dtype.name, source: r.source, narrow }
  })
}

/** Rows per block: as many of the widest input's rows as fill blockBytes in float64. */
export function blockRowsOf(rowSizes: number[], blockBytes: number): number {
  return Math.max(1, Math.floor(blockBytes / (8 * Math.max(...rowSizes, 1))))
}

/** Views rows [start, end) of each input (fewer for an input with fewer rows) in its buffer of float64s. */
export function viewBlock(inputs: BlockInput[], bufferOf: (input: BlockInput, k: number) => Float64Array, start: number, end: number): Block {
  const block: Block = { start, arrays: new Map(), rows32: new Map() }
  inputs.forEach((input, k) => {
    const count = Math.min(end, input.rows) - start
    if (count <= 0) return
    const buffer = bufferOf(input, k)
    if (input.narrow) {
      block.rows32.set(input.ref, { data: new Float32Array(buffer.buffer, buffer.byteOffset, count * input.rowSize), rowSize: input.rowSize })
      return
    }
    const data = buffer.subarray(0, count * input.rowSize)
    block.arrays.set(input.ref, { data, shape: [count, ...input.shape.slice(1)], dtype: input.dtype, source: input.source })
  })
  return block
}

/** Fills a block from the readers; `guarded` turns a reader's failure into its metrics' error. */
export function readBlock(block: Block, readers: Map<string, RowReader | undefined>, guarded: (ref: string, read: () => void) => void): void {
  for (const [ref, { data, rowSize }] of block.rows32) guarded(ref, () => readers.get(ref)!.rows.nextFloat32(data.length / rowSize, data))
  for (const [ref, array] of block.arrays) guarded(ref, () => readers.get(ref)!.rows.next(array.shape[0], array.data))
}

/** Feeds the block's identity input to each fingerprint, in row order. */
export function hashBlock(jobs: Job[], block: Block): void {
  for (const job of jobs) {
    if (job.failed !== undefined || !job.hasher || !job.identityName || block.start >= job.rows) continue
    job.hasher.update(block.arrays.get(job.refs[job.identityName])!.data)
  }
}

/** Runs each metric on the block; its scores land at scores[at …]. */
export function computeBlock(jobs: Job[], block: Block, at: number): void {
  for (const job of jobs) {
    if (job.failed !== undefined || block.start >= job.rows) continue
    const rows32 = block.rows32.get(Object.values(job.refs)[0])
    if (rows32) runBlock32(job, rows32.data, rows32.rowSize, at)
    else runBlock(job, block.arrays, at)
  }
}

/** A metric of one input that takes float32 rows, with no fingerprint to hash from float64 values. */
function takesFloat32(job: Job): boolean {
  return job.definition.computeRowsFloat32 !== undefined && Object.keys(job.refs).length === 1 && !job.hasher
}

function runBlock32(job: Job, rows: Float32Array, rowSize: number, at: number): void {
  try {
    const scores = job.definition.computeRowsFloat32!(rows, rowSize, job.params)
    if (scores.length !== rows.length / rowSize)
      throw new Error(`metric "${job.definition.name}" returned ${scores.length} scores for ${rows.length / rowSize} rows`)
    job.scores.set(scores, at)
  } catch (error) {
    job.failed = error
  }
}

function runBlock(job: Job, blocks: Map<string, NDArray>, at: number): void {
  const inputs: Record<string, NDArray> = {}
  for (const [name, ref] of Object.entries(job.refs)) inputs[name] = blocks.get(ref)!
  try {
    const { scores } = job.definition.compute(inputs, job.params)
    const count = Object.values(inputs)[0].shape[0]
    if (!scores || scores.length !== count) throw new Error(`metric "${job.definition.name}" is marked rowwise but returned no per-row scores`)
    job.scores.set(scores, at)
  } catch (error) {
    job.failed = error
  }
}

/** Runs a read so that a file found broken mid-way (truncated, bad CRC) fails the metrics that read it, not the others, and is not read again. */
export function guardReads(jobs: Job[]): (ref: string, read: () => void) => void {
  const broken = new Set<string>()
  return (ref, read) => {
    if (broken.has(ref)) return
    try {
      read()
    } catch (error) {
      broken.add(ref)
      for (const job of jobs) if (job.failed === undefined && Object.values(job.refs).includes(ref)) job.failed = error
    }
  }
}
