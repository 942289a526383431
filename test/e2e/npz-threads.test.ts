import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { zipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { evaluateBlockwise, type RowsPlan } from '../../src/engine/blockwise.js'
import type { BlocksPlan } from '../../src/engine/shared-blocks.js'
import { bundledParallel } from '../../src/engine/worker-start.js'
import { createInputReader } from '../../src/inputs/index.js'
import { suite, workspace } from '../engine/npz-rows-data.js'
import { TEST_BUNDLE } from '../helpers/run-action.js'

// Real worker threads: the test bundle's worker.js (built from the current source), 4 rows a block, 40 rows.
const parallel = bundledParallel(pathToFileURL(join(TEST_BUNDLE, 'cli.js')).href)!
const blockBytes = 4 * 8 * 50
const dir = workspace()
const asNpy = suite((name) => `${name}.npy`)
const reference = evaluateBlockwise(createInputReader({ workspace: dir }), asNpy, { blockBytes })
const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** Waits (up to 20 s) until `ready` holds: the main thread gives a worker that starts late the time to do its part. */
function waitFor(ready: () => boolean): void {
  const deadline = Date.now() + 20_000
  while (!ready() && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 5)
}

/** The real worker threads, recording the plans they get. */
function threads(rowPlans: RowsPlan[], blockPlans: BlocksPlan[] = []) {
  return {
    threads: 2,
    minBytes: 0,
    start(plan: RowsPlan) {
      rowPlans.push(plan)
      return parallel.startRows!(plan, { workspace: dir })
    },
    startBlocks(plan: BlocksPlan) {
      blockPlans.push(plan)
      return parallel.startBlocks!(plan)
    }
  }
}

const outputOf = (outcome: unknown) => (outcome as { output?: unknown }).output ?? outcome

describe('.npz members on real worker threads', () => {
  test('a stored member: the worker reads its rows 20–39 itself; scores and fingerprints equal the .npy ones bit for bit', () => {
    const bound = suite((name) => `stored.npz#${name}`)
    const plans: RowsPlan[] = []
    const split = threads(plans)
    // After each of its own blocks, this thread waits for the worker to finish its share, so it takes no chunk of it.
    const onRows = () => waitFor(() => Atomics.load(new Int32Array(plans[0].progress!), 0) === 20)
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes, split, onRows })
    expect(Array.from(new Int32Array(plans[0].claims!).subarray(1))).toEqual([1, 1, 1])
    bound.forEach((b, k) => expect(outcomes.get(b)).toEqual(reference.get(asNpy[k])))
  })

  test('a stored member with a flipped byte in the worker’s rows fails with the CRC message', () => {
    const bound = suite((name) => (name === 'attributions' ? 'crc_stored.npz#attributions' : `${name}.npy`))
    const plans: RowsPlan[] = []
    const split = threads(plans)
    const onRows = () => waitFor(() => Atomics.load(new Int32Array(plans[0].progress!), 0) === 20)
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes, split, onRows })
    const message = 'crc_stored.npz#attributions: Bad CRC-32: the member is corrupt; re-create the archive'
    for (const b of bound.slice(0, 3)) expect(String(((outcomes.get(b) as { error: Error }).error as Error).message)).toBe(message)
    bound.slice(3).forEach((b, k) => expect(outputOf(outcomes.get(b))).toEqual(outputOf(reference.get(asNpy[3 + k]))))
  })

  test('a deflated member: the worker computes every block this thread inflates; scores and fingerprints equal the .npy ones', () => {
    const bound = suite((name) => `deflated.npz#${name}`)
    const plans: BlocksPlan[] = []
    const split = threads([], plans)
    let blocks = 0
    // After each block it hands over, this thread waits for the worker to compute it, so no slot is ever full here.
    const onRows = () => {
      blocks++
      waitFor(() => Atomics.load(new Int32Array(plans[0].control), 2) === Math.min(40, 4 * blocks))
    }
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes, split, onRows })
    expect(new Int32Array(plans[0].control)[2]).toBe(40)
    bound.forEach((b, k) => expect(outcomes.get(b)).toEqual(reference.get(asNpy[k])))
  })

  test('blocks handed over without waiting (this thread and the worker racing) give the .npy scores, run after run', () => {
    // 600 rows × 2,000 float32 (about 60 % zeros), 25 rows a block: 24 blocks through 3 slots.
    const rows = 600
    const width = 2000
    const values = new Float32Array(rows * width)
    let x = 7
    for (let i = 0; i < values.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      values[i] = x % 5 < 3 ? 0 : x / 2 ** 32 - 0.5
    }
    const header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${width}), }`.padEnd(117) + '\n'
    const npy = new Uint8Array(128 + values.byteLength)
    npy.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0])
    npy.set(new TextEncoder().encode(header), 10)
    npy.set(new Uint8Array(values.buffer), 128)
    writeFileSync(join(dir, 'wide.npy'), npy)
    writeFileSync(join(dir, 'wide.npz'), zipSync({ 'attributions.npy': npy }, { level: 1 }))
    const wide = evaluateBlockwise(createInputReader({ workspace: dir }), suite(() => 'wide.npy').slice(0, 3), { blockBytes: 25 * 8 * width })
    for (let run = 0; run < 3; run++) {
      const plans: BlocksPlan[] = []
      const bound = suite(() => 'wide.npz#attributions').slice(0, 3)
      const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes: 25 * 8 * width, split: threads([], plans) })
      expect(plans).toHaveLength(1)
      bound.forEach((b, k) => expect(outcomes.get(b)).toEqual([...wide.values()][k]))
    }
  })
})
