import type { RowReader } from '../inputs/index.js'
import { findMetric } from '../metrics/registry.js'
import { type Block, type BlockInput, type Job, blockInputs, blockRowsOf, computeBlock, guardReads, hashBlock, readBlock, viewBlock } from './row-blocks.js'

/**
 * Blocks of rows this thread read (an np.savez_compressed member inflates only in order) handed to worker threads
 * through shared memory: slots of one block each, their states switched with Atomics.
 */
export interface BlocksPlan {
  jobs: { metric: string; params: unknown; refs: Record<string, string> }[]
  inputs: BlockInput[]
  blockRows: number
  /** Int32 [sequence: bumped at every slot filled and at the end, ended: 1 when no more slots will be filled, rows the workers computed]. */
  control: SharedArrayBuffer
  /** Int32 [state, first row] per slot. */
  states: SharedArrayBuffer
  /** Per slot: a float64 buffer of blockRows rows per input, then blockRows scores per job. */
  slots: { inputs: SharedArrayBuffer[]; scores: SharedArrayBuffer }[]
}

/** Starts a worker thread serving a plan's slots (serveBlocks); the join blocks until it exits: true when it ended well. */
export type StartBlocks = (plan: BlocksPlan) => () => boolean

const FREE = 0
/** Read, waiting for a thread to compute it. */
const FULL = 1
const TAKEN = 2
/** Its scores wait to be copied out. */
const DONE = 3
/** A metric failed on the worker: this thread computes the block again and reports the error. */
const FAILED = 4

const SEQUENCE = 0
const ENDED = 1
const WORKER_ROWS = 2
/** Slots per worker: one it computes, one filled meanwhile, one spare for a slow block. */
const SLOTS_PER_WORKER = 3

interface Slots {
  plan: BlocksPlan
  control: Int32Array
  states: Int32Array
  buffers: Float64Array[][]
  scores: Float64Array[][]
}

function slotsOf(plan: BlocksPlan): Slots {
  const rows = plan.blockRows
  return {
    plan,
    control: new Int32Array(plan.control),
    states: new Int32Array(plan.states),
    buffers: plan.slots.map((slot) => slot.inputs.map((b) => new Float64Array(b))),
    scores: plan.slots.map((slot) => plan.jobs.map((_, k) => new Float64Array(slot.scores, 8 * k * rows, rows)))
  }
}

function slotBlock(slots: Slots, s: number): Block {
  const start = Atomics.load(slots.states, 2 * s + 1)
  return viewBlock(slots.plan.inputs, (_, k) => slots.buffers[s][k], start, start + slots.plan.blockRows)
}

/**
 * Runs jobs over every row when some input can only be read in order: this thread reads (inflates) each block into a
 * free slot for `workers` worker threads to compute, computes it itself when no slot is free, and at the end takes
 * the slots no worker has reached. Scores land by row number, so they are the same whoever computed what; this
 * thread sees every byte in order, so the size and CRC-32 checks stay where they were.
 */
export function runSharedBlocks(
  jobs: Job[],
  readers: Map<string, RowReader | undefined>,
  options: { blockBytes: number; workers: number; start: StartBlocks; onRows?: (ids: readonly string[], done: number, total: number) => void }
): void {
  const inputs = blockInputs(jobs, readers)
  const blockRows = blockRowsOf(
    inputs.map((input) => input.rowSize),
    options.blockBytes
  )
  const total = Math.max(...inputs.map((input) => input.rows))
  const count = SLOTS_PER_WORKER * options.workers
  const plan: BlocksPlan = {
    jobs: jobs.map((j) => ({ metric: j.definition.name, params: j.params, refs: j.refs })),
    inputs,
    blockRows,
    control: new SharedArrayBuffer(4 * 3),
    states: new SharedArrayBuffer(4 * 2 * count),
    slots: Array.from({ length: count }, () => ({
      inputs: inputs.map((input) => new SharedArrayBuffer(8 * Math.min(blockRows, input.rows) * input.rowSize)),
      scores: new SharedArrayBuffer(8 * blockRows * jobs.length)
    }))
  }
  const slots = slotsOf(plan)
  const joins = Array.from({ length: options.workers }, () => options.start(plan))
  const own = inputs.map((input) => new Float64Array(Math.min(blockRows, input.rows) * input.rowSize))
  const guarded = guardReads(jobs)
  const ids = jobs.map((j) => j.id)
  let rowsHere = 0
  const computeHere = (block: Block, rows: number): void => {
    computeBlock(jobs, block, block.start)
    rowsHere += rows
  }
  // Copies a computed slot's scores out, or computes a failed one here; the slot is free after.
  const collect = (s: number): void => {
    const state = Atomics.load(slots.states, 2 * s)
    const block = slotBlock(slots, s)
    const rows = Math.min(blockRows, total - block.start)
    if (state === DONE) {
      for (const [k, job] of jobs.entries())
        if (job.failed === undefined && block.start < job.rows)
          job.scores.set(slots.scores[s][k].subarray(0, Math.min(rows, job.rows - block.start)), block.start)
    } else if (state === FAILED || state === FULL || state === TAKEN) computeHere(block, rows)
    Atomics.store(slots.states, 2 * s, FREE)
  }
  const freeSlot = (): number => {
    for (let s = 0; s < count; s++) {
      const state = Atomics.load(slots.states, 2 * s)
      if (state === DONE || state === FAILED) collect(s)
      if (state === FREE || state === DONE || state === FAILED) return s
    }
    return -1
  }
  try {
    for (let start = 0; start < total; start += blockRows) {
      const end = Math.min(total, start + blockRows)
      const s = freeSlot()
      const block = viewBlock(inputs, (_, k) => (s < 0 ? own[k] : slots.buffers[s][k]), start, end)
      readBlock(block, readers, guarded)
      hashBlock(jobs, block)
      if (s < 0) computeHere(block, end - start)
      else {
        Atomics.store(slots.states, 2 * s + 1, start)
        Atomics.store(slots.states, 2 * s, FULL)
        Atomics.add(slots.control, SEQUENCE, 1)
        Atomics.notify(slots.control, SEQUENCE)
      }
      options.onRows?.(ids, rowsHere + Atomics.load(slots.control, WORKER_ROWS), total)
    }
    // Every byte has passed: nothing may follow the data, and an .npz member's CRC must match.
    for (const input of inputs) guarded(input.ref, () => readers.get(input.ref)!.rows.finish())
  } finally {
    // Even when this thread throws: a worker waits for blocks until told there will be none, and keeps the process alive.
    Atomics.store(slots.control, ENDED, 1)
    Atomics.add(slots.control, SEQUENCE, 1)
    Atomics.notify(slots.control, SEQUENCE)
  }
  // The blocks no worker has taken yet are computed here rather than waited for.
  for (let s = 0; s < count; s++) if (Atomics.compareExchange(slots.states, 2 * s, FULL, TAKEN) === FULL) collect(s)
  for (const join of joins) join()
  // A worker that died with a block taken left it to this thread.
  for (let s = 0; s < count; s++) collect(s)
  options.onRows?.(ids, total, total)
}

/**
 * A worker thread's part: computes the slots this plan's thread fills until it says it has ended; with wait false, only
 * the slots full now. Throws (the thread then exits unwell) when a metric is not a built-in row-wise one.
 */
export function serveBlocks(plan: BlocksPlan, wait = true): void {
  const slots = slotsOf(plan)
  const jobs: Job[] = plan.jobs.map((j) => {
    const definition = findMetric(j.metric)
    if (!definition?.rowwise) throw new Error(`metric "${j.metric}" is not a built-in row-wise metric`)
    const rows = Math.min(...Object.values(j.refs).map((ref) => plan.inputs.find((input) => input.ref === ref)!.rows))
    return { definition, params: j.params, id: j.metric, refs: j.refs, rows, scores: new Float64Array(0) }
  })
  const total = Math.max(...plan.inputs.map((input) => input.rows))
  for (;;) {
    const sequence = Atomics.load(slots.control, SEQUENCE)
    let took = false
    for (let s = 0; s < plan.slots.length; s++) {
      if (Atomics.compareExchange(slots.states, 2 * s, FULL, TAKEN) !== FULL) continue
      took = true
      const block = slotBlock(slots, s)
      jobs.forEach((job, k) => {
        job.scores = slots.scores[s][k]
        job.failed = undefined
      })
      computeBlock(jobs, block, 0)
      const failed = jobs.some((job) => job.failed !== undefined)
      if (!failed) Atomics.add(slots.control, WORKER_ROWS, Math.min(plan.blockRows, total - block.start))
      Atomics.store(slots.states, 2 * s, failed ? FAILED : DONE)
    }
    if (took) continue
    if (!wait || Atomics.load(slots.control, ENDED) === 1) return
    Atomics.wait(slots.control, SEQUENCE, sequence)
  }
}
