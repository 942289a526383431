import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { builtinMetrics } from '../../src/metrics/registry.js'
import { decodeExamples, readResultsFile } from '../../src/results/io.js'
import type { Comparison, MetricResult, Results } from '../../src/results/results-schema.js'
import { inputsFor, rng, sliceRows, type Table, writeTables } from './shard-data.js'

async function cli(argv: string[], cwd: string) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { SOURCE_DATE_EPOCH: '0' } })
  return { code, out, err }
}

const ROWS = 29
const read = <T = Results>(path: string): T => JSON.parse(readFileSync(path, 'utf8'))
const idOf = (name: string) => `m-${name}`

/** A metric entry of the test config: a catalogue metric, optionally with params (several entries may share a metric). */
interface Entry {
  id: string
  name: string
  params?: string
}

/** Every catalogue metric, plus param variants whose merge takes another path. */
function entriesFor(names: string[]): Entry[] {
  const variants: Entry[] = [
    { id: 'm-fve-fixed-mean', name: 'explained-variance', params: '{ resample_mean: false }' },
    { id: 'm-dead-eps', name: 'dead-fraction', params: '{ eps: 0.4 }' }
  ]
  return [...names.map((name) => ({ id: idOf(name), name })), ...variants.filter((v) => names.includes(v.name))]
}

/** One config for all entries; every other metric pairs by ids, the rest by position (fingerprint from labels). */
function configText(entries: Entry[], maxExamples: number, suite = 'shards'): string {
  const lines = ['version: 1', `suite: ${suite}`, `defaults: { resamples: 200, seed: 7, max-examples: ${maxExamples} }`, 'metrics:']
  entries.forEach(({ id, name, params }, k) => {
    const def = builtinMetrics.find((d) => d.name === name)!
    const inputs = def.inputs.map((s) => `${s.name}: data/${id}.${s.name}.npy`).join(', ')
    lines.push(`  - id: ${id}`, `    metric: ${name}`, `    inputs: { ${inputs} }`, `    gate: { max-regression: "1%", significance: 0.2 }`)
    if (params) lines.push(`    params: ${params}`)
    if (k % 2 === 0) lines.push(`    ids: data/${id}.ids.npy`)
  })
  return `${lines.join('\n')}\n`
}

/** Random row cut points: 2–4 shards, each of at least 5 rows (metrics such as auroc need both classes in a shard). */
function cuts(seed: number): number[] {
  const random = rng(seed)
  const count = 2 + Math.floor(random() * 3)
  const sizes = Array.from({ length: count }, () => 5)
  for (let left = ROWS - 5 * count; left > 0; left--) sizes[Math.floor(random() * count)]++
  return sizes.reduce<number[]>((acc, s) => [...acc, acc[acc.length - 1] + s], [0])
}

interface Scenario {
  root: string
  bounds: number[]
  shardFiles: string[]
}

/** Writes the full data set, a perturbed baseline data set and each shard's rows into workspaces that share the config. */
function scenario(names: string[], seed: number, maxExamples: number, bounds = cuts(seed)): Scenario {
  const root = mkdtempSync(join(tmpdir(), 'interp-gate-shards-'))
  const ids = Array.from({ length: ROWS }, (_, i) => 1000 + i * 3)
  const dirs = ['full', 'base', ...bounds.slice(1).map((_, s) => `s${s + 1}`)]
  const entries = entriesFor(names)
  for (const d of dirs) {
    mkdirSync(join(root, d), { recursive: true })
    writeFileSync(join(root, d, 'interp-gate.yml'), configText(entries, maxExamples))
  }
  entries.forEach(({ id, name }, k) => {
    const def = builtinMetrics.find((d) => d.name === name)!
    const tables = inputsFor(def, ROWS, seed * 1000 + k)
    writeTables(join(root, 'full'), id, tables, ids)
    writeTables(join(root, 'base'), id, inputsFor(def, ROWS, seed * 1000 + k + 500), ids)
    bounds.slice(1).forEach((to, s) => {
      const from = bounds[s]
      const part: Record<string, Table> = Object.fromEntries(Object.entries(tables).map(([k2, t]) => [k2, sliceRows(t, from, to)]))
      writeTables(join(root, `s${s + 1}`), id, part, ids.slice(from, to))
    })
  })
  return { root, bounds, shardFiles: bounds.slice(1).map((_, s) => join(root, `s${s + 1}`, 'out', 'results.json')) }
}

async function runShards(sc: Scenario): Promise<void> {
  const count = sc.bounds.length - 1
  for (let s = 1; s <= count; s++) {
    const r = await cli(['run', '-C', join(sc.root, `s${s}`), '--shard', `${s}/${count}`, '--out', 'out'], sc.root)
    expect(r.err, `shard ${s}`).toBe('')
    expect(r.code).toBe(0)
  }
}

const close = (a: number | null | undefined, b: number | null | undefined, what: string) => {
  if (a === null || a === undefined || b === null || b === undefined) return expect(a, what).toBe(b)
  expect(Math.abs(a - b), `${what}: merged ${a} vs unsharded ${b}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)))
}

function expectSameArrays(merged: Float64Array | undefined, whole: Float64Array | undefined, what: string) {
  if (whole === undefined) return expect(merged, what).toBeUndefined()
  const a = merged!
  const b = whole
  expect(a.length, what).toBe(b.length)
  a.forEach((v, i) => (Number.isNaN(b[i]) ? expect(v, `${what}[${i}]`).toBeNaN() : close(v, b[i], `${what}[${i}]`)))
}

function expectSameMetric(m: MetricResult, w: MetricResult) {
  const what = m.id
  expect(m.error, what).toBeUndefined()
  expect(w.error, what).toBeUndefined()
  expect({ ...m, value: 0, ci: null, summary: undefined, examples: undefined }, what).toEqual({
    ...w,
    value: 0,
    ci: null,
    summary: undefined,
    examples: undefined
  })
  close(m.value, w.value, `${what} value`)
  expect(m.ci?.level, what).toBe(w.ci?.level)
  close(m.ci?.low, w.ci?.low, `${what} ci.low`)
  close(m.ci?.high, w.ci?.high, `${what} ci.high`)
  expect(m.summary?.n, what).toBe(w.summary?.n)
  close(m.summary?.mean, w.summary?.mean, `${what} summary.mean`)
  close(m.summary?.sd, w.summary?.sd, `${what} summary.sd`)
  expect(m.examples?.ids, what).toEqual(w.examples?.ids)
  // Inline or in the sidecar, at the same place in it.
  expect([m.examples?.scoresAt, m.examples?.columnsAt], what).toEqual([w.examples?.scoresAt, w.examples?.columnsAt])
  const mx = decodeExamples(m)
  const wx = decodeExamples(w)
  expectSameArrays(mx?.scores, wx?.scores, `${what} scores`)
  expect(Object.keys(mx?.columns ?? {}).sort(), what).toEqual(Object.keys(wx?.columns ?? {}).sort())
  for (const k of Object.keys(wx?.columns ?? {})) expectSameArrays(mx!.columns![k], wx!.columns![k], `${what} column ${k}`)
}

function expectSameComparison(m: Comparison, w: Comparison) {
  expect(m.verdict).toBe(w.verdict)
  expect(m.rows.map((r) => [r.id, r.status])).toEqual(w.rows.map((r) => [r.id, r.status]))
  m.rows.forEach((r, i) => {
    const x = w.rows[i]
    for (const key of ['base', 'head', 'delta', 'relDelta', 'pValue', 'pWorse', 'pAdjusted'] as const) close(r[key], x[key], `${r.id} ${key}`)
    close(r.ci?.low, x.ci?.low, `${r.id} Δ ci.low`)
    close(r.ci?.high, x.ci?.high, `${r.id} Δ ci.high`)
    expect({ ...r, base: 0, head: 0, delta: 0, relDelta: 0, pValue: 0, pWorse: 0, pAdjusted: 0, ci: null, headCi: null }).toEqual({
      ...x,
      base: 0,
      head: 0,
      delta: 0,
      relDelta: 0,
      pValue: 0,
      pWorse: 0,
      pAdjusted: 0,
      ci: null,
      headCi: null
    })
  })
}

/** Catalogue metrics that return only a value and have no shard support: the merge must refuse them (tested below). */
const scalarOnly = new Set<string>()

describe('merge: sharded == unsharded for every catalogue metric', () => {
  const all = builtinMetrics.map((d) => d.name)

  beforeAll(async () => {
    // Which metrics keep no per-example data is the metric's own business: learn it from an unsharded run.
    const sc = scenario(all, 1, 100_000)
    const r = await cli(['run', '-C', join(sc.root, 'full'), '--out', 'out'], sc.root)
    expect(r.err).toBe('')
    for (const m of read(join(sc.root, 'full/out/results.json')).metrics) {
      const def = builtinMetrics.find((d) => d.name === m.metric)!
      if (!m.examples && !def.shards) scalarOnly.add(def.name)
    }
  })

  it('finds the scalar-only metrics it cannot merge, and only those', () => {
    expect([...scalarOnly].sort()).toEqual(['cmd', 'cpr', 'value'])
  })

  for (const [seed, maxExamples] of [
    [2, 100_000],
    [3, 100_000],
    [4, 100_000],
    [5, 12]
  ] as const) {
    it(`seed ${seed}, max-examples ${maxExamples}: values, n, NaN counts, ids, scores, CIs and the comparison agree`, async () => {
      const names = all.filter((n) => !scalarOnly.has(n))
      const sc = scenario(names, seed, maxExamples)
      expect(sc.bounds.length - 1).toBeGreaterThanOrEqual(2)
      const base = await cli(['run', '-C', join(sc.root, 'base'), '--out', 'out'], sc.root)
      expect(base.err).toBe('')
      const whole = await cli(['run', '-C', join(sc.root, 'full'), '--baseline', '../base/out/results.json', '--out', 'out'], sc.root)
      expect(whole.err).toBe('')
      await runShards(sc)
      const merged = await cli(['merge', ...sc.shardFiles, '-C', join(sc.root, 'full'), '--baseline', '../base/out/results.json', '--out', 'merged'], sc.root)
      expect(merged.err).toBe('')
      expect(merged.code).toBe(whole.code)

      // Read as compare reads them: the sidecar beside each, checked against its sha256.
      const w = readResultsFile(join(sc.root, 'full/out/results.json'), 'whole')
      const m = readResultsFile(join(sc.root, 'full/merged/results.json'), 'merged')
      expect(m.sidecar?.bytes).toBe(w.sidecar?.bytes)
      expect({ ...m, metrics: [], sidecar: undefined }).toEqual({ ...w, metrics: [], sidecar: undefined })
      expect(m.metrics.map((x) => x.id)).toEqual(w.metrics.map((x) => x.id))
      expect(w.metrics.filter((x) => x.error)).toEqual([])
      m.metrics.forEach((x, i) => expectSameMetric(x, w.metrics[i]))
      // Above max-examples every per-example array is in the sidecar: the comparison stays paired.
      if (maxExamples < ROWS) expect(w.metrics.filter((x) => x.examples && !x.examples.scoresAt && !x.examples.columnsAt)).toEqual([])
      if (maxExamples < ROWS) expect(w.sidecar).toBeDefined()
      expectSameComparison(read<Comparison>(join(sc.root, 'full/merged/comparison.json')), read<Comparison>(join(sc.root, 'full/out/comparison.json')))
    })
  }
})

describe('merge refuses what it cannot merge exactly (exit 2, one message)', () => {
  let sc: Scenario
  const names = ['mean', 'auroc', 'dead-fraction', 'gini']
  beforeAll(async () => {
    sc = scenario(names, 11, 100_000, [0, 10, 20, ROWS])
    await runShards(sc)
  })

  /** Merges `files` into a fresh folder; the message is the whole of stderr. */
  async function refused(files: string[], extra: string[] = []) {
    const r = await cli(['merge', ...files, '-C', join(sc.root, 'full'), '--out', `refused-${Math.random().toString(36).slice(2)}`, ...extra], sc.root)
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.trimEnd().split('\n')).toHaveLength(1)
    return r.err.trimEnd()
  }

  /** A copy of shard `s`'s results with `edit` applied, written next to it. */
  function edited(s: number, edit: (r: Results) => void): string {
    const r = read(sc.shardFiles[s - 1])
    edit(r)
    const file = join(sc.root, `s${s}`, 'out', `edited-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(file, JSON.stringify(r))
    return file
  }

  it('merges the untouched shards (the refusals below are not about the data)', async () => {
    const r = await cli(['merge', ...sc.shardFiles, '-C', join(sc.root, 'full'), '--out', 'ok'], sc.root)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain('merged 3 shards')
  })

  it('a missing shard', async () => {
    expect(await refused([sc.shardFiles[0], sc.shardFiles[2]])).toBe('interp-gate: missing shard 2/3 (got 1/3, 3/3): a merge needs every shard')
  })

  it('the same shard twice', async () => {
    expect(await refused([sc.shardFiles[0], sc.shardFiles[1], sc.shardFiles[1]])).toBe(
      `interp-gate: ${sc.shardFiles[1]} and ${sc.shardFiles[1]} are both shard 2/3: give each shard once`
    )
  })

  it('shards of different splits', async () => {
    const other = edited(3, (r) => (r.shard = { index: 3, count: 4 }))
    expect(await refused([sc.shardFiles[0], sc.shardFiles[1], other])).toBe(
      `interp-gate: ${other} is shard 3/4 but ${sc.shardFiles[0]} (shard 1/3) counts 3 shards`
    )
  })

  it('shards that overlap in example ids', async () => {
    const overlapping = edited(2, (r) => {
      const mean = r.metrics.find((m) => m.id === 'm-mean')!
      mean.examples!.ids![4] = read(sc.shardFiles[0]).metrics.find((m) => m.id === 'm-mean')!.examples!.ids![7]
    })
    expect(await refused([sc.shardFiles[0], overlapping, sc.shardFiles[2]])).toBe(
      `interp-gate: metric "m-mean": shards overlap: example id "1021" is in ${sc.shardFiles[0]} (shard 1/3) and ${overlapping} (shard 2/3); each example must be in exactly one shard`
    )
  })

  it('overlapping ids of a metric that keeps only a value (dead-fraction keeps its ids for this)', async () => {
    const overlapping = edited(3, (r) => (r.metrics.find((m) => m.id === 'm-dead-fraction')!.shard!.ids![0] = '1000'))
    expect(await refused([sc.shardFiles[0], sc.shardFiles[1], overlapping])).toMatch(
      /^interp-gate: metric "m-dead-fraction": shards overlap: example id "1000" is in /
    )
  })

  it('a shard made with another config', async () => {
    const config = readFileSync(join(sc.root, 's2/interp-gate.yml'), 'utf8')
    const dir = join(sc.root, 's2-other')
    mkdirSync(dir)
    writeFileSync(join(dir, 'interp-gate.yml'), config.replace('resamples: 200', 'resamples: 300'))
    const r = await cli(['run', '-C', dir, '--shard', '2/3', '--out', 'out'], sc.root)
    expect(r.code).toBe(2) // its data is elsewhere; the hash is what matters here
    const other = join(dir, 'out/results.json')
    expect(await refused([sc.shardFiles[0], other, sc.shardFiles[2]])).toMatch(
      new RegExp(
        `^interp-gate: ${other}: made with another config than interp-gate.yml \\(config hash sha256:[0-9a-f]{16}, expected sha256:[0-9a-f]{16}\\): every shard and the merge must use the same config$`
      )
    )
  })

  it('the hash ignores input paths: shards may read their arrays from elsewhere', async () => {
    const config = readFileSync(join(sc.root, 's1/interp-gate.yml'), 'utf8')
    writeFileSync(join(sc.root, 's1/moved.yml'), config.replaceAll('data/', './data/'))
    const r = await cli(['run', '-C', join(sc.root, 's1'), '--config', 'moved.yml', '--shard', '1/3', '--out', 'moved'], sc.root)
    expect(r.code).toBe(0)
    const merged = await cli(
      ['merge', join(sc.root, 's1/moved/results.json'), sc.shardFiles[1], sc.shardFiles[2], '-C', join(sc.root, 'full'), '--out', 'moved'],
      sc.root
    )
    expect(merged.err).toBe('')
  })

  it('a shard of another suite', async () => {
    const other = edited(2, (r) => (r.suite = 'other'))
    expect(await refused([sc.shardFiles[0], other, sc.shardFiles[2]])).toBe(
      `interp-gate: ${other}: suite "other", but interp-gate.yml is suite "shards": merge the shards of one suite`
    )
  })

  it('a metric present in some shards only', async () => {
    const lacking = edited(3, (r) => (r.metrics = r.metrics.filter((m) => m.id !== 'm-gini')))
    expect(await refused([sc.shardFiles[0], sc.shardFiles[1], lacking])).toBe(
      `interp-gate: metric "m-gini" is in ${sc.shardFiles[0]} (shard 1/3), ${sc.shardFiles[1]} (shard 2/3) but not in ${lacking} (shard 3/3): merge shards of one run`
    )
  })

  it('a results file that is not a shard', async () => {
    await cli(['run', '-C', join(sc.root, 'full'), '--out', 'whole'], sc.root)
    const whole = join(sc.root, 'full/whole/results.json')
    expect(await refused([whole, sc.shardFiles[1], sc.shardFiles[2]])).toBe(
      `interp-gate: ${whole}: not a shard's results (no "shard" field): run each matrix job with \`interp-gate run --shard I/N\``
    )
  })

  it('a shard that left out its per-example data', async () => {
    const omitted = edited(1, (r) => (r.metrics.find((m) => m.id === 'm-auroc')!.examples = { omitted: { total: 10, cap: 5 } }))
    expect(await refused([omitted, sc.shardFiles[1], sc.shardFiles[2]])).toBe(
      `interp-gate: metric "m-auroc": ${omitted} (shard 1/3) left out its per-example data (max-examples), so the merge cannot recompute it`
    )
  })

  it('a metric that is one number per shard and cannot combine shards', async () => {
    const sc2 = scenario(['cpr', 'mean'], 12, 100_000, [0, 14, ROWS])
    await runShards(sc2)
    const r = await cli(['merge', ...sc2.shardFiles, '-C', join(sc2.root, 'full'), '--out', 'merged'], sc2.root)
    expect(r.code).toBe(2)
    expect(r.err).toBe(
      'interp-gate: metric "m-cpr" (cpr) is one number per shard with no per-example data, and cpr cannot combine shards: compute it in an unsharded job, or give it per-example scores\n'
    )
  })

  it('a shard whose metric failed makes the merged metric an error naming the shard (exit 2)', async () => {
    const failed = edited(2, (r) =>
      Object.assign(r.metrics.find((m) => m.id === 'm-gini')!, { value: null, error: 'interp-gate.yml:20:5 metrics[3]: bad input', examples: undefined })
    )
    const r = await cli(['merge', sc.shardFiles[0], failed, sc.shardFiles[2], '-C', join(sc.root, 'full'), '--out', 'failed'], sc.root)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`error: ${failed} (shard 2/3): interp-gate.yml:20:5 metrics[3]: bad input\n`)
    expect(read(join(sc.root, 'full/failed/results.json')).metrics.find((m) => m.id === 'm-gini')?.error).toBe(
      `${failed} (shard 2/3): interp-gate.yml:20:5 metrics[3]: bad input`
    )
  })

  it('run --shard: a bad spec, or a baseline (a shard compares only after the merge)', async () => {
    const bad = await cli(['run', '-C', join(sc.root, 's1'), '--shard', '4/3', '--out', 'x'], sc.root)
    expect(bad.code).toBe(2)
    expect(bad.err).toBe('interp-gate: --shard: "4/3" is out of range; shards count from 1 to N (1/3 … 3/3)\n')
    const word = await cli(['run', '-C', join(sc.root, 's1'), '--shard', 'two', '--out', 'x'], sc.root)
    expect(word.err).toBe('interp-gate: --shard: "two" is not a shard; expected I/N, e.g. 2/4 for the second of four shards\n')
    const withBaseline = await cli(['run', '-C', join(sc.root, 's1'), '--shard', '1/3', '--baseline', 'b.json', '--out', 'x'], sc.root)
    expect(withBaseline.code).toBe(2)
    expect(withBaseline.err).toMatch(/^interp-gate: --shard and --baseline: a shard is compared after `interp-gate merge`, which takes --baseline\n/)
  })

  it('merge --help, and merge without files', async () => {
    const help = await cli(['merge', '--help'], sc.root)
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/^interp-gate merge SHARD\.json\.\.\./)
    const none = await cli(['merge', '--out', 'x'], sc.root)
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/^interp-gate: merge needs the shards' results files/)
  })
})

describe('a shard whose own value is undefined still merges', () => {
  it('auroc with one class in a shard, mean with only NaN scores in a shard: equal to the unsharded run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'interp-gate-shards-'))
    const entries: Entry[] = [
      { id: 'm-auroc', name: 'auroc' },
      { id: 'm-mean', name: 'mean' }
    ]
    const tables = Object.fromEntries(entries.map((e, k) => [e.id, inputsFor(builtinMetrics.find((d) => d.name === e.name)!, ROWS, 90 + k)]))
    // Shard 1 (rows 0–9): auroc labels all 0, mean scores all NaN.
    for (let i = 0; i < 10; i++) (tables['m-auroc'].labels.data[i] = 0), (tables['m-mean'].scores.data[i] = NaN)
    const bounds = [0, 10, ROWS]
    for (const d of ['full', 's1', 's2']) {
      mkdirSync(join(root, d))
      writeFileSync(join(root, d, 'interp-gate.yml'), configText(entries, 100_000))
    }
    const ids = Array.from({ length: ROWS }, (_, i) => i)
    for (const e of entries) {
      writeTables(join(root, 'full'), e.id, tables[e.id], ids)
      for (let s = 1; s <= 2; s++)
        writeTables(
          join(root, `s${s}`),
          e.id,
          Object.fromEntries(Object.entries(tables[e.id]).map(([k, t]) => [k, sliceRows(t, bounds[s - 1], bounds[s])])),
          ids.slice(bounds[s - 1], bounds[s])
        )
    }
    const sc: Scenario = { root, bounds, shardFiles: [1, 2].map((s) => join(root, `s${s}`, 'out', 'results.json')) }
    await runShards(sc)
    expect(read(sc.shardFiles[0]).metrics.map((m) => m.value)).toEqual([null, null])
    expect((await cli(['run', '-C', join(root, 'full'), '--out', 'out'], root)).err).toBe('')
    const merged = await cli(['merge', ...sc.shardFiles, '-C', join(root, 'full'), '--out', 'merged'], root)
    expect(merged.err).toBe('')
    const w = read(join(root, 'full/out/results.json'))
    read(join(root, 'full/merged/results.json')).metrics.forEach((m, i) => expectSameMetric(m, w.metrics[i]))
    // Rows 0–9, plus rows 10, 17 and 24 (the generator's NaN every 7th row from row 3).
    expect(w.metrics[1].nanCount).toBe(13)
  })
})

describe('plugin metrics merge through their own shards rule, or are refused', () => {
  async function pluginScenario(withShards: boolean) {
    const root = mkdtempSync(join(tmpdir(), 'interp-gate-shards-plugin-'))
    const plugin = readFileSync(new URL('../fixtures/plugins/max-score.mjs', import.meta.url), 'utf8')
    const source = withShards ? plugin : plugin.replace(/ {2}shards: \{[\s\S]*?\n {2}\}\n/, '')
    const config = 'version: 1\nmetrics:\n  - id: worst\n    metric: plugin\n    module: ./max-score.mjs\n    inputs: { scores: data/worst.scores.npy }\n'
    const values = Array.from({ length: 12 }, (_, i) => Math.sin(i * 2.1) * 10)
    const bounds = [0, 5, 12]
    for (const [d, rows] of [
      ['full', [0, 12]],
      ['s1', [0, 5]],
      ['s2', [5, 12]]
    ] as const) {
      mkdirSync(join(root, d, 'data'), { recursive: true })
      writeFileSync(join(root, d, 'interp-gate.yml'), config)
      writeFileSync(join(root, d, 'max-score.mjs'), source)
      writeTables(join(root, d), 'worst', { scores: { shape: [rows[1] - rows[0]], data: Float64Array.from(values.slice(rows[0], rows[1])), perRow: true } })
    }
    const sc: Scenario = { root, bounds, shardFiles: [1, 2].map((s) => join(root, `s${s}`, 'out', 'results.json')) }
    await runShards(sc)
    return { sc, max: Math.max(...values) }
  }

  it('a plugin with shards.state/merge: the merged value is the unsharded one', async () => {
    const { sc, max } = await pluginScenario(true)
    const r = await cli(['merge', ...sc.shardFiles, '-C', join(sc.root, 'full'), '--out', 'merged'], sc.root)
    expect(r.err).toBe('')
    expect(read(join(sc.root, 'full/merged/results.json')).metrics[0]).toMatchObject({ id: 'worst', metric: 'max-score', value: max, n: 1, ci: null })
    expect(read(sc.shardFiles[0]).metrics[0].shard).toEqual({ state: { max: expect.any(String) } })
  })

  it('a value-only plugin without them is refused, naming it', async () => {
    const { sc } = await pluginScenario(false)
    const r = await cli(['merge', ...sc.shardFiles, '-C', join(sc.root, 'full'), '--out', 'merged'], sc.root)
    expect(r.code).toBe(2)
    expect(r.err).toBe(
      'interp-gate: metric "worst" (max-score) is one number per shard with no per-example data, and max-score cannot combine shards: compute it in an unsharded job, or give it per-example scores\n'
    )
  })
})
