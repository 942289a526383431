import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import type { BoundMetric } from '../../src/engine/bind.js'
import { computeRows, evaluateBlockwise } from '../../src/engine/blockwise.js'
import { createInputReader, type NDArray } from '../../src/inputs/index.js'
import { builtinMetrics } from '../../src/metrics/registry.js'
import { bind } from '../helpers/bound-metric.js'

/** A minimal np.save: little-endian, C order, version 1.0. */
function npy(values: ArrayLike<number>, shape: number[], descr = '<f8', fortran = false): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  let dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`
  dict = dict.padEnd(Math.ceil((dict.length + 11) / 64) * 64 - 11) + '\n'
  const head = new Uint8Array(10 + dict.length)
  head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 0xff, dict.length >> 8])
  head.set(new TextEncoder().encode(dict), 10)
  const body = descr === '<f4' ? new Uint8Array(Float32Array.from(values).buffer) : new Uint8Array(Float64Array.from(values).buffer)
  const out = new Uint8Array(head.length + body.length)
  out.set(head)
  out.set(body, head.length)
  return out
}

// A small deterministic generator, so the arrays are the same on every run.
function randoms(n: number, seed: number): number[] {
  let x = seed
  return Array.from({ length: n }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x / 2 ** 32))
}

const N = 23
const F = 12
const C = 4
const K = 6
const arrays: Record<string, { values: number[]; shape: number[] }> = {
  // about half the attributions are exactly zero, a few rows are all zero, one has a NaN
  attributions: {
    values: randoms(N * F, 1)
      .map((u, i) => (Math.floor(i / F) % 7 === 3 ? 0 : u < 0.5 ? 0 : (u - 0.75) * 4))
      .map((v, i) => (i === 5 * F + 2 ? NaN : v)),
    shape: [N, F]
  },
  predictions: { values: randoms(N * C, 2), shape: [N, C] },
  labels: { values: randoms(N, 3).map((u) => Math.floor(u * C)), shape: [N] },
  curves: { values: randoms(N * (K + 1), 4), shape: [N, K + 1] },
  scores: { values: randoms(N, 5).map((u, i) => (i === 4 ? NaN : u)), shape: [N] }
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'interp-gate-blockwise-'))
  for (const [name, a] of Object.entries(arrays)) writeFileSync(path.join(dir, `${name}.npy`), npy(a.values, a.shape))
  writeFileSync(path.join(dir, 'attributions32.npy'), npy(arrays.attributions.values, [N, F], '<f4'))
  writeFileSync(path.join(dir, 'fortran.npy'), npy(arrays.attributions.values, [F, N], '<f8', true))
  writeFileSync(path.join(dir, 'truncated.npy'), npy(arrays.attributions.values, [N, F]).subarray(0, 128 + 8 * F * 10))
  return dir
}

const whole = (name: string): NDArray => ({ data: Float64Array.from(arrays[name].values), shape: arrays[name].shape, dtype: 'float64', source: name })

describe('evaluateBlockwise', () => {
  const dir = workspace()
  const rowwise = builtinMetrics.filter((d) => d.rowwise)

  test('every rowwise metric gives the same scores block by block (3 rows a block) as on the whole arrays', () => {
    expect(rowwise.map((d) => d.name).sort()).toEqual(
      [
        'accuracy',
        'aopc',
        'aopc-lerf',
        'deletion-auc',
        'effective-complexity',
        'entropy',
        'gini',
        'insertion-auc',
        'mean',
        'nonzero-fraction',
        'top-k-mass'
      ].sort()
    )
    const bound = rowwise.map((d, i) => bind(d.name, Object.fromEntries(d.inputs.map((s) => [s.name, `${s.name}.npy`])), i))
    const reader = createInputReader({ workspace: dir })
    const outcomes = evaluateBlockwise(reader, bound, { blockBytes: 3 * 8 * F })
    for (const b of bound) {
      const outcome = outcomes.get(b)
      expect(outcome && 'output' in outcome, b.definition.name).toBe(true)
      const inputs = Object.fromEntries(b.definition.inputs.map((s) => [s.name, whole(s.name)]))
      const expected = b.definition.compute(inputs, b.params).scores!
      expect(Array.from((outcome as { output: { scores: Float64Array } }).output.scores), b.definition.name).toEqual(Array.from(expected))
    }
  })

  test('reads float32 files into float64 exactly, and reports progress per block', () => {
    const calls: number[] = []
    const b = bind('gini', { attributions: 'attributions32.npy' })
    const outcome = evaluateBlockwise(createInputReader({ workspace: dir }), [b], { blockBytes: 5 * 8 * F, onRows: (_, done) => calls.push(done) }).get(b)
    const expected = b.definition.compute(
      { attributions: { ...whole('attributions'), data: Float64Array.from(Float32Array.from(arrays.attributions.values)) } },
      {}
    ).scores!
    expect(Array.from((outcome as { output: { scores: Float64Array } }).output.scores)).toEqual(Array.from(expected))
    expect(calls).toEqual([5, 10, 15, 20, 23])
  })

  test('a float32 file read only by metrics that take float32 rows is not widened, with the same scores bit for bit', () => {
    // Rows long enough for gini's bucket sort: ~70 % zeros, ties, a NaN, a subnormal, an infinity, an all-zero row.
    const [n, f] = [17, 400]
    const values = randoms(n * f, 6).map((u, i) => (u < 0.7 ? 0 : Math.round((u - 0.85) * 64) / 8 || 2 ** -140))
    values[2 * f + 7] = NaN
    values[4 * f + 9] = 2 ** -140
    values[6 * f + 1] = -Infinity
    values.fill(0, 8 * f, 9 * f)
    const wide = mkdtempSync(path.join(tmpdir(), 'interp-gate-blockwise-f4-'))
    writeFileSync(path.join(wide, 'a.npy'), npy(values, [n, f], '<f4'))
    const widened: NDArray = { data: Float64Array.from(Float32Array.from(values)), shape: [n, f], dtype: 'float64', source: 'a.npy' }
    const gini = bind('gini', { attributions: 'a.npy' }, 0)
    const nonzero = { ...bind('nonzero-fraction', { attributions: 'a.npy' }, 1), params: { eps: 0.25 } }
    const entropy = bind('entropy', { attributions: 'a.npy' }, 2)
    const scoresOf = (outcome: unknown) => Array.from((outcome as { output: { scores: Float64Array } }).output.scores)
    const float32Calls = (bound: BoundMetric[]) => {
      const spies = bound.filter((b) => b.definition.computeRowsFloat32).map((b) => vi.spyOn(b.definition, 'computeRowsFloat32'))
      const outcomes = evaluateBlockwise(createInputReader({ workspace: wide }), bound, { blockBytes: 5 * 8 * f })
      const calls = spies.reduce((s, spy) => s + spy.mock.calls.length, 0)
      for (const spy of spies) spy.mockRestore()
      return { outcomes, calls }
    }
    const narrow = float32Calls([gini, nonzero])
    // 4 blocks of 5 rows (the last one 2), for each of the two metrics.
    expect(narrow.calls).toBe(8)
    for (const b of [gini, nonzero])
      expect(scoresOf(narrow.outcomes.get(b)), b.definition.name).toEqual(Array.from(b.definition.compute({ attributions: widened }, b.params).scores!))
    expect(Number.isNaN(scoresOf(narrow.outcomes.get(gini))[2])).toBe(true)
    expect(scoresOf(narrow.outcomes.get(nonzero))[8]).toBe(0)
    // Entropy needs float64 rows: the file is widened for all three.
    const mixed = float32Calls([gini, nonzero, entropy])
    expect(mixed.calls).toBe(0)
    for (const b of [gini, nonzero, entropy])
      expect(scoresOf(mixed.outcomes.get(b)), b.definition.name).toEqual(Array.from(b.definition.compute({ attributions: widened }, b.params).scores!))
  })

  test('a truncated float32 file read without widening fails its metrics with the same message', () => {
    const wide = mkdtempSync(path.join(tmpdir(), 'interp-gate-blockwise-f4-'))
    writeFileSync(path.join(wide, 'a.npy'), npy(arrays.attributions.values, [N, F], '<f4').subarray(0, 128 + 4 * F * 10))
    const b = bind('nonzero-fraction', { attributions: 'a.npy' })
    const outcome = evaluateBlockwise(createInputReader({ workspace: wide }), [b], { blockBytes: 3 * 8 * F }).get(b)
    expect(String((outcome as { error: Error }).error.message)).toBe(`a.npy: data has ${4 * F * 10} bytes, shape [${N}, ${F}] float32 needs ${4 * F * N}`)
  })

  test('leaves inputs it cannot stream (Fortran order, other formats, non-rowwise metrics) to the whole-array path', () => {
    const fortran = bind('gini', { attributions: 'fortran.npy' })
    const auroc = bind('mean', { scores: 'scores.json#/x' }, 1)
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), [fortran, auroc])
    expect(outcomes.size).toBe(0)
  })

  test('a truncated file fails the metrics that read it, and only those', () => {
    const bad = bind('gini', { attributions: 'truncated.npy' }, 0)
    const good = bind('deletion-auc', { curves: 'curves.npy' }, 1)
    const outcomes = evaluateBlockwise(createInputReader({ workspace: dir }), [bad, good])
    expect(String((outcomes.get(bad) as { error: Error }).error.message)).toBe(
      `truncated.npy: data has ${8 * F * 10} bytes, shape [${N}, ${F}] float64 needs ${8 * F * N}`
    )
    expect('output' in outcomes.get(good)!).toBe(true)
  })
})

describe('evaluateBlockwise split across threads', () => {
  const dir = workspace()
  const bound = [
    bind('accuracy', { predictions: 'predictions.npy', labels: 'labels.npy' }, 0),
    bind('gini', { attributions: 'attributions32.npy' }, 1),
    bind('deletion-auc', { curves: 'curves.npy' }, 2)
  ]
  const single = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes: 4 * 8 * F })

  test('rows handed to other threads (run here synchronously) give the same scores and fingerprints as one pass', () => {
    const plans: [number, number][] = []
    const start = (plan: Parameters<typeof computeRows>[1]) => {
      plans.push([plan.from, plan.to])
      const scores = computeRows(createInputReader({ workspace: dir }), plan)
      return () => scores
    }
    const seen: number[] = []
    const onRows = (_: readonly string[], done: number, total: number) => seen.push(done / total)
    const split = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes: 4 * 8 * F, split: { threads: 3, start, minBytes: 0 }, onRows })
    expect(plans).toEqual([
      [8, 16],
      [16, 23]
    ])
    // The workers (run synchronously here) are done before this thread starts: progress counts their 15 rows.
    expect(seen).toEqual([(15 + 4) / 23, (15 + 8) / 23])
    for (const b of bound) expect(split.get(b)).toEqual(single.get(b))
    expect((split.get(bound[0]) as { identity: string }).identity).toMatch(/^sha256:/)
  })

  test('a worker that starts late finds its rows taken by this thread, chunk by chunk, with the same scores', () => {
    const claimed: number[] = []
    // The "worker" runs only when joined: by then this thread has claimed every chunk, so it computes none.
    const start = (plan: Parameters<typeof computeRows>[1]) => () => {
      const scores = computeRows(createInputReader({ workspace: dir }), plan)
      claimed.push(...new Int32Array(plan.claims!).subarray(1))
      return scores
    }
    const split = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { blockBytes: 4 * 8 * F, split: { threads: 2, start, minBytes: 0 } })
    // 23 rows: this thread's 12, then the worker's 11 in chunks of 2 blocks of 4 rows (8, 3), none left to the worker
    expect(claimed).toEqual([0, 0])
    for (const b of bound) expect(split.get(b)).toEqual(single.get(b))
  })

  test('a worker that fails leaves its rows to this thread', () => {
    const split = evaluateBlockwise(createInputReader({ workspace: dir }), bound, { split: { threads: 2, start: () => () => undefined, minBytes: 0 } })
    for (const b of bound) expect(split.get(b)).toEqual(single.get(b))
  })

  test('inputs under the size threshold stay on one thread', () => {
    let started = 0
    const start = () => (started++, () => undefined)
    evaluateBlockwise(createInputReader({ workspace: dir }), bound, { split: { threads: 2, start } })
    expect(started).toBe(0)
  })
})

describe('memory budget of per-example data', () => {
  test('a metric whose rows would not fit is refused from the header, before any row is read, naming the file', () => {
    const dir = workspace()
    const b = bind('mean', { scores: 'scores.npy' })
    // 23 rows × 32 bytes = 736 bytes: a budget of 735 refuses, 736 computes.
    const refused = evaluateBlockwise(createInputReader({ workspace: dir }), [b], { memoryBudget: 735 }).get(b)
    expect(refused && 'error' in refused && (refused.error as Error).message).toBe(
      'scores.npy: 23 examples need about 736 bytes for their per-example scores, over the memory budget of 735 bytes; split the eval set into shards (run --shard I/N) or raise INTERP_GATE_MEMORY_BUDGET=<bytes>'
    )
    const done = evaluateBlockwise(createInputReader({ workspace: dir }), [b], { memoryBudget: 736 }).get(b)
    expect(done && 'output' in done).toBe(true)
  })
})
