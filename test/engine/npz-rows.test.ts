import { describe, expect, test } from 'vitest'
import { type BlockwiseOutcome, type RowsPlan, computeRows, evaluateBlockwise } from '../../src/engine/blockwise.js'
import { type BlocksPlan, serveBlocks } from '../../src/engine/shared-blocks.js'
import { createInputReader } from '../../src/inputs/index.js'
import { suite, workspace } from './npz-rows-data.js'

const asNpy = suite((name) => `${name}.npy`)
const member = (archive: string) => suite((name) => `${archive}#${name}`)

/**
 * Worker threads run here synchronously: a row split's when its plan starts; a shared-blocks worker when joined, and
 * then only on the slots still full (this thread takes those first), or earlier by serveBlocks(plan, false) from a
 * test's onRows. Records the plans.
 */
function syncThreads(dir: string, plans: RowsPlan[] = [], blockPlans: BlocksPlan[] = []) {
  return {
    threads: 2,
    minBytes: 0,
    start: (plan: RowsPlan) => {
      plans.push(plan)
      const scores = computeRows(createInputReader({ workspace: dir }), plan)
      return () => scores
    },
    startBlocks: (plan: BlocksPlan) => {
      blockPlans.push(plan)
      return () => {
        serveBlocks(plan)
        return true
      }
    }
  }
}

/** Rows the shared-blocks workers computed (the plan's control word 2). */
const workerRows = (plan: BlocksPlan) => new Int32Array(plan.control)[2]

const scoresOf = (outcome: BlockwiseOutcome | undefined) => {
  if (!outcome || !('output' in outcome)) throw new Error(`no scores: ${String(outcome && 'error' in outcome && outcome.error)}`)
  return outcome
}
const errorOf = (outcome: BlockwiseOutcome | undefined) => (outcome && 'error' in outcome ? String((outcome.error as Error).message) : 'no error')

describe('.npz members row by row, one thread and split', () => {
  const dir = workspace()
  // 4 rows a block (the widest input: 50 values), so 40 rows are 10 blocks.
  const blockBytes = 4 * 8 * 50
  const reference = evaluateBlockwise(createInputReader({ workspace: dir }), asNpy, { blockBytes })

  test.each(['stored.npz', 'deflated.npz'])('%s gives bit for bit the scores and fingerprints of the same arrays as .npy, on one thread', (archive) => {
    const bound = member(archive)
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes })
    bound.forEach((b, k) => expect(scoresOf(outcomes.get(b))).toEqual(scoresOf(reference.get(asNpy[k]))))
  })

  test('stored members are split like .npy files: the upper rows on another thread, the same scores bit for bit', () => {
    const plans: RowsPlan[] = []
    const bound = member('stored.npz')
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes, split: syncThreads(dir, plans) })
    expect(plans.map((p) => [p.from, p.to])).toEqual([[20, 40]])
    bound.forEach((b, k) => expect(scoresOf(outcomes.get(b))).toEqual(scoresOf(reference.get(asNpy[k]))))
  })

  test('a worker reads a stored member from its first row: its scores are those rows of the .npy', () => {
    const bound = member('stored.npz')
    const plan: RowsPlan = {
      jobs: bound.map((b) => ({ metric: b.definition.name, params: b.params, refs: b.entry.inputs })),
      from: 13,
      to: 40,
      blockBytes
    }
    const scores = computeRows(createInputReader({ workspace: dir }), plan)
    bound.forEach((_, k) => expect(scores[k]).toEqual(scoresOf(reference.get(asNpy[k])).output.scores!.subarray(13, 40)))
  })

  const crcMessage = (archive: string) => `${archive}#attributions: Bad CRC-32: the member is corrupt; re-create the archive`

  test.each(['crc_stored.npz', 'crc_deflated.npz'])('a flipped byte in %s fails its metrics with the CRC message on one thread', (archive) => {
    const bound = suite((name) => (name === 'attributions' ? `${archive}#attributions` : `${name}.npy`))
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes })
    for (const b of bound.slice(0, 3)) expect(errorOf(outcomes.get(b))).toBe(crcMessage(archive))
    for (const b of bound.slice(3)) expect('output' in outcomes.get(b)!).toBe(true)
  })

  test('a flipped byte in rows another thread read still fails the stored member with the CRC message', () => {
    const plans: RowsPlan[] = []
    const bound = suite((name) => (name === 'attributions' ? 'crc_stored.npz#attributions' : `${name}.npy`))
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes, split: syncThreads(dir, plans) })
    // Row 30 is the worker's (rows 20–39): this thread never reads it in its own pass.
    expect(plans.map((p) => [p.from, p.to])).toEqual([[20, 40]])
    for (const b of bound.slice(0, 3)) expect(errorOf(outcomes.get(b))).toBe(crcMessage('crc_stored.npz'))
    bound.slice(3).forEach((b, k) => expect(scoresOf(outcomes.get(b))).toEqual(scoresOf(reference.get(asNpy[3 + k]))))
  })

  test.each(['short_stored.npz', 'short_deflated.npz'])('a member cut short (%s) fails from its header, split or not', (archive) => {
    const expected = `${archive}#attributions: data has 7000 bytes, shape [40, 50] float32 needs 8000`
    const bound = suite((name) => (name === 'attributions' ? `${archive}#attributions` : `${name}.npy`))
    for (const split of [undefined, syncThreads(dir)]) {
      const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes, split })
      for (const b of bound.slice(0, 3)) expect(errorOf(outcomes.get(b))).toBe(expected)
    }
  })

  test('progress counts every row once, the other thread’s included', () => {
    const seen: number[] = []
    evaluateBlockwise(createInputReader({ workspace: dir }), member('stored.npz'), {
      blockBytes,
      split: syncThreads(dir),
      onRows: (_, done, total) => seen.push(done / total)
    })
    // The worker (run synchronously) has done its 20 rows before this thread's 5 blocks of 4.
    expect(seen).toEqual([24, 28, 32, 36, 40].map((r) => r / 40))
  })

  test('deflated members: blocks read here are computed by a worker through shared slots, or here when none is free; the same scores bit for bit', () => {
    const bound = member('deflated.npz')
    // The "worker" computes the full slots after every fourth block this thread reads: the slots (3) fill up between.
    const blockPlans: BlocksPlan[] = []
    let blocks = 0
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, {
      blockBytes,
      split: syncThreads(dir, [], blockPlans),
      onRows: () => ++blocks % 4 === 0 && serveBlocks(blockPlans[0], false)
    })
    expect(blockPlans).toHaveLength(1)
    expect(blockPlans[0].blockRows).toBe(4)
    // Blocks 1–3 fill the slots, block 4 is computed here, then the worker takes 1–3; 5–7 likewise, 8 here; 9 and 10
    // are still full at the end, and taken here: the worker computed 6 blocks of 4 rows.
    expect(workerRows(blockPlans[0])).toBe(24)
    bound.forEach((b, k) => expect(scoresOf(outcomes.get(b))).toEqual(scoresOf(reference.get(asNpy[k]))))
  })

  test('deflated members: a worker that never starts leaves every block to this thread, with the same scores', () => {
    const bound = member('deflated.npz')
    const blockPlans: BlocksPlan[] = []
    const startBlocks = (plan: BlocksPlan) => {
      blockPlans.push(plan)
      return () => false
    }
    const split = { ...syncThreads(dir), startBlocks }
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes, split })
    expect(workerRows(blockPlans[0])).toBe(0)
    bound.forEach((b, k) => expect(scoresOf(outcomes.get(b))).toEqual(scoresOf(reference.get(asNpy[k]))))
  })

  test('deflated members: a flipped byte fails with the CRC message when blocks go to a worker', () => {
    const blockPlans: BlocksPlan[] = []
    const bound = suite((name) => (name === 'attributions' ? 'crc_deflated.npz#attributions' : `${name}.npy`))
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, {
      blockBytes,
      split: syncThreads(dir, [], blockPlans),
      onRows: () => serveBlocks(blockPlans[0], false)
    })
    expect(workerRows(blockPlans[0])).toBeGreaterThan(0)
    for (const b of bound.slice(0, 3)) expect(errorOf(outcomes.get(b))).toBe(crcMessage('crc_deflated.npz'))
    bound.slice(3).forEach((b, k) => expect(scoresOf(outcomes.get(b))).toEqual(scoresOf(reference.get(asNpy[3 + k]))))
  })

  test('deflated members: progress counts the rows computed here and by the worker, each once', () => {
    const blockPlans: BlocksPlan[] = []
    const seen: number[] = []
    evaluateBlockwise(createInputReader({ workspace: dir }), member('deflated.npz'), {
      blockBytes,
      split: syncThreads(dir, [], blockPlans),
      onRows: (_, done, total) => {
        seen.push(done / total)
        if (seen.length % 2 === 0) serveBlocks(blockPlans[0], false)
      }
    })
    // Blocks of 4 rows: the worker computes 2 full slots after every second block, so 8 rows land between two calls.
    expect(seen).toEqual([0, 0, 8, 8, 16, 16, 24, 24, 32, 32, 40].map((r) => r / 40))
  })
})
