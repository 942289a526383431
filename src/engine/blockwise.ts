import type { BoundMetric } from '../config/bind.js'
import type { InputReader, RowReader } from '../inputs/index.js'
import type { NDArray } from '../inputs/ndarray.js'
import { checkShapes } from '../metrics/shapes.js'
import type { MetricOutput } from '../metrics/types.js'
import { identityHasher, identityInput } from '../results/build.js'

/** Rows done of the metrics a pass over the arrays evaluates; called after every block. */
export type RowsProgress = (metricIds: readonly string[], done: number, total: number) => void

export interface BlockwiseOptions {
  /** Float64 bytes of the widest input decoded per block (default 8 MiB): memory is a few blocks, whatever N. */
  blockBytes?: number
  onRows?: RowsProgress
}

/** A row-wise metric's outcome: its scores (and eval-set fingerprint), or why it failed. */
export type BlockwiseOutcome = { output: MetricOutput; identity?: string } | { error: unknown }

interface Job {
  bound: BoundMetric
  refs: Record<string, string>
  rows: number
  scores: Float64Array
  hasher?: ReturnType<typeof identityHasher>
  identityName?: string
  failed?: unknown
}

/**
 * Evaluates row-wise metrics (MetricDefinition.rowwise) whose inputs are all numeric .npy files or .npz members,
 * in one pass over the arrays a block of rows at a time; each file is read once however many metrics use it.
 * Metrics it cannot stream (other formats, Fortran order, text) are left out of the map for the whole-array path.
 */
export function evaluateBlockwise(reader: InputReader, bound: readonly BoundMetric[], options: BlockwiseOptions = {}): Map<BoundMetric, BlockwiseOutcome> {
  const readers = new Map<string, RowReader | undefined>()
  const outcomes = new Map<BoundMetric, BlockwiseOutcome>()
  try {
    const jobs: Job[] = []
    for (const b of bound) {
      if (!b.definition.rowwise) continue
      try {
        const job = planJob(b, reader, readers)
        if (job) jobs.push(job)
      } catch (error) {
        outcomes.set(b, { error })
      }
    }
    runPasses(jobs, readers, options)
    for (const job of jobs) {
      outcomes.set(job.bound, job.failed !== undefined ? { error: job.failed } : { output: { scores: job.scores }, identity: job.hasher?.digest() })
    }
  } finally {
    for (const r of readers.values()) r?.close()
  }
  return outcomes
}

/** Opens the metric's inputs (shared across metrics) and checks their shapes from the headers; undefined when not streamable. */
function planJob(b: BoundMetric, reader: InputReader, readers: Map<string, RowReader | undefined>): Job | undefined {
  const refs = b.entry.inputs
  for (const ref of Object.values(refs)) {
    if (!readers.has(ref)) readers.set(ref, reader.openRows(ref))
    if (!readers.get(ref)) return undefined
  }
  const placeholders: Record<string, NDArray> = {}
  for (const [name, ref] of Object.entries(refs)) {
    const r = readers.get(ref)!
    placeholders[name] = { data: new Float64Array(0), shape: r.header.shape, dtype: r.header.dtype.name, source: r.source }
  }
  checkShapes(b.definition.inputs, placeholders)
  const rows = Object.values(placeholders)[0]?.shape[0] ?? 0
  const job: Job = { bound: b, refs, rows, scores: new Float64Array(rows) }
  const identityName = b.entry.ids ? undefined : identityInput(Object.keys(refs))
  if (identityName) {
    job.identityName = identityName
    job.hasher = identityHasher(identityName, placeholders[identityName].shape)
  }
  return job
}

/** Reads every input block by block (rows [start, start + count)) and runs each metric on its block. */
function runPasses(jobs: Job[], readers: Map<string, RowReader | undefined>, options: BlockwiseOptions): void {
  const used = [...new Set(jobs.flatMap((j) => Object.values(j.refs)))].map((ref) => [ref, readers.get(ref)!] as const)
  if (used.length === 0) return
  const widest = Math.max(...used.map(([, r]) => r.rows.rowSize), 1)
  const blockRows = Math.max(1, Math.floor((options.blockBytes ?? 8 * 2 ** 20) / (8 * widest)))
  const buffers = new Map(used.map(([ref, r]) => [ref, new Float64Array(Math.min(blockRows, r.rows.rows) * r.rows.rowSize)]))
  const total = Math.max(...used.map(([, r]) => r.rows.rows))
  const ids = jobs.map((j) => j.bound.entry.id)
  // A file that turns out broken mid-way (truncated, bad CRC) fails the metrics that read it, not the others.
  const broken = new Set<string>()
  const guarded = (ref: string, read: () => void): void => {
    if (broken.has(ref)) return
    try {
      read()
    } catch (error) {
      broken.add(ref)
      for (const job of jobs) if (job.failed === undefined && Object.values(job.refs).includes(ref)) job.failed = error
    }
  }
  for (let start = 0; start < total; start += blockRows) {
    const blocks = new Map<string, NDArray>()
    for (const [ref, r] of used) {
      const count = Math.min(blockRows, r.rows.rows - start)
      if (count <= 0) continue
      const data = buffers.get(ref)!.subarray(0, count * r.rows.rowSize)
      guarded(ref, () => r.rows.next(count, data))
      blocks.set(ref, { data, shape: [count, ...r.header.shape.slice(1)], dtype: r.header.dtype.name, source: r.source })
    }
    for (const job of jobs) if (job.failed === undefined && start < job.rows) runBlock(job, blocks, start)
    options.onRows?.(ids, Math.min(total, start + blockRows), total)
  }
  for (const [ref, r] of used) guarded(ref, () => r.rows.finish())
}

function runBlock(job: Job, blocks: Map<string, NDArray>, start: number): void {
  const inputs: Record<string, NDArray> = {}
  for (const [name, ref] of Object.entries(job.refs)) inputs[name] = blocks.get(ref)!
  try {
    const { scores } = job.bound.definition.compute(inputs, job.bound.params)
    const count = Object.values(inputs)[0].shape[0]
    if (!scores || scores.length !== count) throw new Error(`metric "${job.bound.definition.name}" is marked rowwise but returned no per-row scores`)
    job.scores.set(scores, start)
    if (job.hasher && job.identityName) job.hasher.update(inputs[job.identityName].data)
  } catch (error) {
    job.failed = error
  }
}
