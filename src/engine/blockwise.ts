import type { BoundMetric } from './bind.js'
import type { InputReader, RowReader } from '../inputs/index.js'
import type { NDArray } from '../domain/ndarray.js'
import { findMetric } from '../metrics/registry.js'
import { checkShapes } from '../metrics/shapes.js'
import { MetricInputError } from '../metrics/definition.js'
import { BYTES_PER_EXAMPLE, DEFAULT_MEMORY_BUDGET } from '../domain/limits.js'
import type { MetricOutput } from '../metrics/definition.js'
import { identityHasher, identityInput } from './metric-result.js'
import { type StartBlocks, runSharedBlocks } from './shared-blocks.js'
import { type Job, blockInputs, blockRowsOf, computeBlock, guardReads, hashBlock, inputRefs, readBlock, viewBlock } from './row-blocks.js'

/** Rows done of the metrics a pass over the arrays evaluates; called after every block. */
type RowsProgress = (metricIds: readonly string[], done: number, total: number) => void

/** Rows [from, to) of built-in row-wise metrics, as plain data another thread can run (see computeRows). */
export interface RowsPlan {
  jobs: { metric: string; params: unknown; refs: Record<string, string> }[]
  from: number
  to: number
  blockBytes: number
  /** Int32 [rows done], updated by the thread that runs the plan so progress can count them. */
  progress?: SharedArrayBuffer
  /**
   * Int32 [next unclaimed row, then one flag per chunk of chunkRows rows: 1 when the plan's thread computed it]. With
   * it, rows are claimed a chunk at a time, so a thread that finishes its own rows early takes chunks of this plan
   * instead of waiting (a worker starts late, or shares its core).
   */
  claims?: SharedArrayBuffer
  chunkRows?: number
}

/** Runs a plan on another thread; the returned join blocks until it is done and gives each job's scores, or undefined if it failed. */
type RowSplit = (plan: RowsPlan) => () => Float64Array[] | undefined

export interface BlockwiseOptions {
  /** Float64 bytes of the widest input decoded per block (default 8 MiB): memory is a few blocks, whatever N. */
  blockBytes?: number
  onRows?: RowsProgress
  /**
   * Hands the upper rows to worker threads (one split per extra thread) when every input is seekable (an .npy file, a
   * stored .npz member); otherwise (a deflated member) blocks this thread reads, through startBlocks.
   */
  split?: {
    threads: number
    start: RowSplit
    startBlocks?: StartBlocks
    /** Inputs smaller than this stay on one thread (default 32 MiB). */
    minBytes?: number
  }
  /** Bytes the per-example data of one metric may take (INTERP_GATE_MEMORY_BUDGET; default 2 GiB): checked from the headers, before any row is read. */
  memoryBudget?: number
}

/** A row-wise metric's outcome: its scores (and eval-set fingerprint), or why it failed. */
export type BlockwiseOutcome = { output: MetricOutput; identity?: string } | { error: unknown }

const DEFAULT_BLOCK_BYTES = 8 * 2 ** 20
/** Below this many bytes of input a worker thread costs more than it saves. */
const SPLIT_MIN_BYTES = 32 * 2 ** 20
/** Blocks per chunk a thread claims of another thread's rows: small enough to even out a late start. */
const CHUNK_BLOCKS = 2

/**
 * Evaluates row-wise metrics (MetricDefinition.rowwise) whose inputs are all numeric .npy files or .npz members,
 * in one pass over the arrays a block of rows at a time; each file is read once however many metrics use it.
 * Metrics it cannot stream (other formats, Fortran order, text) are left out of the map for the whole-array path.
 */
export function evaluateBlockwise(reader: InputReader, bound: readonly BoundMetric[], options: BlockwiseOptions = {}): Map<BoundMetric, BlockwiseOutcome> {
  const readers = new Map<string, RowReader | undefined>()
  const outcomes = new Map<BoundMetric, BlockwiseOutcome>()
  const planned = new Map<BoundMetric, Job>()
  try {
    for (const b of bound) {
      if (!b.definition.rowwise) continue
      try {
        const job = planJob(b, reader, readers, options.memoryBudget ?? DEFAULT_MEMORY_BUDGET)
        if (job) planned.set(b, job)
      } catch (error) {
        outcomes.set(b, { error })
      }
    }
    const jobs = [...planned.values()]
    const workers = sharedBlockWorkers(jobs, readers, options)
    const splits = workers ? [] : startSplits(jobs, readers, options)
    if (workers) {
      runSharedBlocks(jobs, readers, {
        blockBytes: options.blockBytes ?? DEFAULT_BLOCK_BYTES,
        workers,
        start: options.split!.startBlocks!,
        onRows: options.onRows
      })
    } else {
      const to = splits.length ? splits[0].from : Infinity
      // Progress counts the rows the workers have done too.
      const onRows =
        options.onRows &&
        ((ids: readonly string[], done: number, total: number) =>
          options.onRows!(
            ids,
            splits.reduce((s, x) => s + Atomics.load(x.done, 0), done),
            total
          ))
      const buffers = new Map<string, Float64Array>()
      runRows(jobs, readers, { ...options, to, onRows, buffers })
      for (const split of splits) joinSplit(split, jobs, reader, options, buffers)
      if (splits.length > 0) checkUnread(jobs, readers)
    }
    for (const [b, job] of planned) {
      outcomes.set(
        b,
        job.failed !== undefined
          ? { error: job.failed }
          : { output: { scores: job.scores }, identity: job.hasher?.digest() ?? splitIdentity(job, reader, splits.length > 0) }
      )
    }
  } finally {
    for (const r of readers.values()) r?.close()
  }
  return outcomes
}

/** Opens the metric's inputs (shared across metrics) and checks their shapes from the headers; undefined when not streamable. */
function planJob(b: BoundMetric, reader: InputReader, readers: Map<string, RowReader | undefined>, memoryBudget: number): Job | undefined {
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
  // A small file can declare (or inflate to) hundreds of millions of rows: refuse before reading any of them.
  if (rows * BYTES_PER_EXAMPLE > memoryBudget) {
    const source = Object.values(placeholders)[0].source
    throw new MetricInputError(
      `${source}: ${rows} examples need about ${rows * BYTES_PER_EXAMPLE} bytes for their per-example scores, over the memory budget of ${memoryBudget} bytes; split the eval set into shards (run --shard I/N) or raise INTERP_GATE_MEMORY_BUDGET=<bytes>`
    )
  }
  const job: Job = { definition: b.definition, params: b.params, id: b.entry.id, refs, rows, scores: new Float64Array(rows) }
  const identityName = b.entry.ids ? undefined : identityInput(Object.keys(refs))
  if (identityName) {
    job.identityName = identityName
    job.hasher = identityHasher(identityName, placeholders[identityName].shape)
  }
  return job
}

interface Split {
  from: number
  to: number
  join: () => Float64Array[] | undefined
  done: Int32Array
  claims: Int32Array
  chunkRows: number
}

/** The readers of the jobs' inputs, each once, and their data bytes. */
function usedReaders(jobs: Job[], readers: Map<string, RowReader | undefined>): { used: RowReader[]; bytes: number } {
  const used = inputRefs(jobs).map((ref) => readers.get(ref)!)
  return { used, bytes: used.reduce((s, r) => s + r.header.shape.reduce((p, d) => p * d, 1) * r.header.dtype.itemsize, 0) }
}

/**
 * Worker threads to hand blocks this thread reads to (runSharedBlocks), when some input can only be read in order (a
 * deflated .npz member) and the inputs are large enough; 0 otherwise.
 */
function sharedBlockWorkers(jobs: Job[], readers: Map<string, RowReader | undefined>, options: BlockwiseOptions): number {
  const split = options.split
  if (!split?.startBlocks || split.threads < 2 || jobs.length === 0) return 0
  const { used, bytes } = usedReaders(jobs, readers)
  // Workers find metrics by name; fingerprints are hashed here, where every block passes in order.
  const worth =
    used.some((r) => !r.seekable) && bytes >= (split.minBytes ?? SPLIT_MIN_BYTES) && jobs.every((j) => findMetric(j.definition.name) === j.definition)
  return worth ? split.threads - 1 : 0
}

/** Starts worker threads on the upper rows when that is safe and worth it; this thread keeps rows [0, first split). */
function startSplits(jobs: Job[], readers: Map<string, RowReader | undefined>, options: BlockwiseOptions): Split[] {
  const split = options.split
  if (!split || split.threads < 2 || jobs.length === 0) return []
  const { used, bytes } = usedReaders(jobs, readers)
  const rows = jobs[0].rows
  // Workers re-open .npy files at their first row and find metrics by name; a fingerprint must be hashed in row order.
  const safe =
    used.every((r) => r.seekable) &&
    jobs.every((j) => j.rows === rows && findMetric(j.definition.name) === j.definition) &&
    jobs.every((j) => !j.identityName || readers.get(j.refs[j.identityName])!.rows.rowSize === 1)
  if (!safe || bytes < (split.minBytes ?? SPLIT_MIN_BYTES) || rows < 2 * split.threads) return []
  for (const job of jobs) {
    // Hashed after the pass from the whole (one value per row) input instead.
    job.hasher = undefined
  }
  const share = Math.ceil(rows / split.threads)
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES
  const chunkRows =
    CHUNK_BLOCKS *
    blockRowsOf(
      used.map((r) => r.rows.rowSize),
      blockBytes
    )
  const splits: Split[] = []
  for (let from = share; from < rows; from += share) {
    const to = Math.min(rows, from + share)
    const progress = new SharedArrayBuffer(4)
    const claims = new Int32Array(new SharedArrayBuffer(4 * (1 + Math.ceil((to - from) / chunkRows))))
    claims[0] = from
    const plan: RowsPlan = {
      jobs: jobs.map((j) => ({ metric: j.definition.name, params: j.params, refs: j.refs })),
      from,
      to,
      blockBytes,
      progress,
      claims: claims.buffer as SharedArrayBuffer,
      chunkRows
    }
    splits.push({ from, to, join: split.start(plan), done: new Int32Array(progress), claims, chunkRows })
  }
  return splits
}

/**
 * Takes the split's unclaimed chunks on this thread, then copies in the chunks its worker computed; if the worker
 * failed, this thread computes all its rows (and meets the same error, if any).
 */
function joinSplit(split: Split, jobs: Job[], reader: InputReader, options: BlockwiseOptions, buffers: Map<string, Float64Array>): void {
  for (let start = Atomics.add(split.claims, 0, split.chunkRows); start < split.to; start = Atomics.add(split.claims, 0, split.chunkRows)) {
    const readers = new Map<string, RowReader | undefined>()
    try {
      for (const ref of inputRefs(jobs)) readers.set(ref, reader.openRows(ref, start))
      runRows(jobs, readers, { ...options, onRows: undefined, from: start, to: Math.min(split.to, start + split.chunkRows), buffers })
    } catch (error) {
      for (const job of jobs) if (job.failed === undefined) job.failed = error
    } finally {
      for (const r of readers.values()) r?.close()
    }
  }
  const scores = split.join()
  if (scores) {
    for (let c = 0; c < split.claims.length - 1; c++) {
      if (Atomics.load(split.claims, 1 + c) !== 1) continue
      const at = c * split.chunkRows
      const end = Math.min(split.to - split.from, at + split.chunkRows)
      jobs.forEach((job, k) => job.failed === undefined && job.scores.set(scores[k].subarray(at, end), split.from + at))
    }
    return
  }
  const readers = new Map<string, RowReader | undefined>()
  try {
    for (const ref of inputRefs(jobs)) readers.set(ref, reader.openRows(ref, split.from))
    runRows(jobs, readers, { ...options, from: split.from, to: split.to })
  } catch (error) {
    for (const job of jobs) if (job.failed === undefined) job.failed = error
  } finally {
    for (const r of readers.values()) r?.close()
  }
}

/**
 * After a split pass, each .npz member's CRC-32 over the rows this thread's first reader did not read: one more native
 * CRC pass over them, continued from that reader's. Measured on a 602 MB stored member split over 2 threads: 0.11 s
 * for its second half (from the page cache), the whole run 1.08× the same array as .npy (2.5 s against 2.3 s).
 * Per-chunk CRCs joined with crc32_combine would save part of that, at the price of a CRC per chunk and input handed
 * back by every worker and a combine step.
 */
function checkUnread(jobs: Job[], readers: Map<string, RowReader | undefined>): void {
  const guarded = guardReads(jobs)
  for (const ref of inputRefs(jobs)) guarded(ref, () => readers.get(ref)!.checkUnread())
}

function splitIdentity(job: Job, reader: InputReader, wasSplit: boolean): string | undefined {
  if (!wasSplit || !job.identityName) return undefined
  const array = reader.read(job.refs[job.identityName])
  const hasher = identityHasher(job.identityName, array.shape)
  hasher.update(array.data)
  return hasher.digest()
}

/** A worker's part: rows [plan.from, plan.to) of each job, on readers opened at plan.from. */
export function computeRows(reader: InputReader, plan: RowsPlan): Float64Array[] {
  const readers = new Map<string, RowReader | undefined>()
  try {
    const jobs: Job[] = plan.jobs.map((j) => {
      const definition = findMetric(j.metric)
      if (!definition?.rowwise) throw new Error(`metric "${j.metric}" is not a built-in row-wise metric`)
      for (const ref of Object.values(j.refs)) if (!readers.has(ref)) readers.set(ref, reader.openRows(ref, plan.from))
      return { definition, params: j.params, id: j.metric, refs: j.refs, rows: plan.to, scores: new Float64Array(plan.to - plan.from) }
    })
    const done = plan.progress ? new Int32Array(plan.progress) : undefined
    if (plan.claims && plan.chunkRows) {
      // Chunk by chunk, as long as unclaimed rows remain; the readers reopen where another thread took rows between.
      const claims = new Int32Array(plan.claims)
      const chunk = plan.chunkRows
      let at = plan.from
      let finished = 0
      const buffers = new Map<string, Float64Array>()
      for (let start = Atomics.add(claims, 0, chunk); start < plan.to; start = Atomics.add(claims, 0, chunk)) {
        if (start !== at) {
          for (const [ref, r] of readers) {
            r?.close()
            readers.set(ref, reader.openRows(ref, start))
          }
        }
        at = Math.min(plan.to, start + chunk)
        const chunkFrom = start
        const onRows = done && ((_: readonly string[], rows: number) => Atomics.store(done, 0, finished + rows - chunkFrom))
        runRows(jobs, readers, { blockBytes: plan.blockBytes, from: start, to: at, offset: plan.from, onRows, buffers })
        finished += at - start
        Atomics.store(claims, 1 + (start - plan.from) / chunk, 1)
      }
    } else {
      const onRows = done && ((_: readonly string[], rows: number) => Atomics.store(done, 0, rows - plan.from))
      runRows(jobs, readers, { blockBytes: plan.blockBytes, from: plan.from, to: plan.to, offset: plan.from, onRows })
    }
    const failed = jobs.find((j) => j.failed !== undefined)
    if (failed) throw failed.failed
    return jobs.map((j) => j.scores)
  } finally {
    for (const r of readers.values()) r?.close()
  }
}

interface Range extends BlockwiseOptions {
  from?: number
  to?: number
  /** Row number of scores[0] (a worker's scores start at its first row). */
  offset?: number
  /** Block buffers by input, kept by a caller that runs several ranges. */
  buffers?: Map<string, Float64Array>
}

/** Reads every input block by block (rows [from, to)) and runs each metric on its block. */
function runRows(jobs: Job[], readers: Map<string, RowReader | undefined>, options: Range): void {
  const inputs = blockInputs(jobs, readers)
  if (inputs.length === 0) return
  const blockRows = blockRowsOf(
    inputs.map((input) => input.rowSize),
    options.blockBytes ?? DEFAULT_BLOCK_BYTES
  )
  // Reused across calls (chunks): fresh 8 MiB blocks would cost a page fault per 4 KiB each time.
  const buffers = options.buffers ?? new Map<string, Float64Array>()
  for (const input of inputs) {
    const size = Math.min(blockRows, input.rows) * input.rowSize
    if ((buffers.get(input.ref)?.length ?? -1) < size) buffers.set(input.ref, new Float64Array(size))
  }
  const total = Math.max(...inputs.map((input) => input.rows))
  const from = options.from ?? 0
  const to = Math.min(total, options.to ?? total)
  const ids = jobs.map((j) => j.id)
  const guarded = guardReads(jobs)
  for (let start = from; start < to; start += blockRows) {
    const block = viewBlock(inputs, (input) => buffers.get(input.ref)!, start, Math.min(to, start + blockRows))
    readBlock(block, readers, guarded)
    hashBlock(jobs, block)
    computeBlock(jobs, block, start - (options.offset ?? 0))
    options.onRows?.(ids, Math.min(to, start + blockRows), total)
  }
  // Only a pass that reached the end can check that nothing follows the data (and an .npz member's CRC).
  if (to === total) for (const input of inputs) guarded(input.ref, () => readers.get(input.ref)!.rows.finish())
}
