import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import type { Comparison, Results } from '../../src/results/results-schema.js'
import { rng } from './shard-data.js'

async function cli(argv: string[], cwd: string) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { SOURCE_DATE_EPOCH: '0' } })
  return { code, out, err }
}

const read = <T = Results>(path: string): T => JSON.parse(readFileSync(path, 'utf8'))
const ROWS = 40
const CUTS = [0, 13, 27, 40]

/** Two metrics, one paired by ids and one by position; slices with ids (strings) and without (integers, by position). */
const CONFIG = `version: 1
suite: sliced
defaults: { resamples: 200, seed: 3, min-slice-size: 5 }
metrics:
  - id: by-id
    metric: mean
    inputs: { scores: "eval.json#/a" }
    ids: "eval.json#/ids"
    gate: { max-regression: 0.01, significance: 0.05 }
  - id: by-position
    metric: mean
    inputs: { scores: "eval.json#/b" }
    direction: lower
    gate: { max-regression: "2%", significance: 0.05 }
slices:
  - id: domain
    by: "eval.json#/domain"
    ids: "eval.json#/ids"
  - id: template
    by: "eval.json#/template"
`

interface Example {
  a: number
  b: number
  id: string
  domain: string
  template: number
}

function data(seed: number, from: number, to: number): { rows: Example[]; json: string } {
  const random = rng(seed)
  const rows: Example[] = Array.from({ length: ROWS }, (_, i) => ({
    a: random(),
    b: random(),
    id: `q${1000 + 7 * i}`,
    domain: ['news', 'code', 'math'][Math.floor(random() * 3)],
    template: i % 4
  }))
  // the labels come from the full data set (seed 1), whatever the scores' seed
  const labels: Example[] = seed === 1 ? rows : data(1, 0, ROWS).rows
  const part = rows.slice(from, to)
  return {
    rows,
    json: JSON.stringify({
      a: part.map((r) => r.a),
      b: part.map((r) => r.b),
      ids: part.map((r) => r.id),
      domain: labels.slice(from, to).map((r) => r.domain),
      template: labels.slice(from, to).map((r) => r.template)
    })
  }
}

function workspace(root: string, name: string, seed: number, from = 0, to = ROWS) {
  mkdirSync(join(root, name))
  writeFileSync(join(root, name, 'interp-gate.yml'), CONFIG)
  writeFileSync(join(root, name, 'eval.json'), data(seed, from, to).json)
}

describe('merge keeps slice labels: sharded == unsharded', () => {
  it('labels, per-group comparisons and the verdict agree', async () => {
    const root = mkdtempSync(join(tmpdir(), 'interp-gate-shard-slices-'))
    workspace(root, 'base', 2)
    workspace(root, 'full', 1)
    CUTS.slice(1).forEach((to, s) => workspace(root, `s${s + 1}`, 1, CUTS[s], to))
    expect((await cli(['run', '-C', join(root, 'base'), '--out', 'out'], root)).err).toBe('')
    const whole = await cli(['run', '-C', join(root, 'full'), '--baseline', '../base/out/results.json', '--out', 'out'], root)
    expect(whole.err).toBe('')
    for (let s = 1; s <= 3; s++) expect((await cli(['run', '-C', join(root, `s${s}`), '--shard', `${s}/3`, '--out', 'out'], root)).err).toBe('')
    const files = [1, 2, 3].map((s) => join(root, `s${s}`, 'out', 'results.json'))
    const merged = await cli(['merge', ...files, '-C', join(root, 'full'), '--baseline', '../base/out/results.json', '--out', 'merged'], root)
    expect(merged.err).toBe('')
    expect(merged.code).toBe(whole.code)

    const w = read(join(root, 'full/out/results.json'))
    const m = read(join(root, 'full/merged/results.json'))
    expect(m.slices).toEqual(w.slices)
    // domain: the three names once, sorted, one index per example, with the ids; template: integers sorted numerically
    const full = data(1, 0, ROWS).rows
    expect(w.slices![0]).toEqual({
      id: 'domain',
      groups: ['code', 'math', 'news'],
      labels: full.map((r) => ['code', 'math', 'news'].indexOf(r.domain)),
      ids: full.map((r) => r.id)
    })
    expect(w.slices![1]).toEqual({ id: 'template', groups: ['0', '1', '2', '3'], labels: full.map((r) => r.template) })
    const wc = read<Comparison>(join(root, 'full/out/comparison.json'))
    const mc = read<Comparison>(join(root, 'full/merged/comparison.json'))
    expect(mc.rows.map((r) => r.slices)).toEqual(wc.rows.map((r) => r.slices))
    // by-id has 3 + 4 groups; by-position keeps no ids, so the slice by ids does not apply to it (and says so)
    const [byId, byPosition] = ['by-id', 'by-position'].map((id) => wc.rows.find((r) => r.id === id)!)
    const names = (row: typeof byId) => row.slices!.map((s) => `${s.slice}=${s.group}`)
    expect(names(byId)).toEqual(['domain=code', 'domain=math', 'domain=news', 'template=0', 'template=1', 'template=2', 'template=3'])
    expect(names(byPosition)).toEqual(['template=0', 'template=1', 'template=2', 'template=3'])
    expect(byPosition.notes).toContain('not sliced: slice "domain" labels examples by id, but this metric keeps no example ids (set its `ids:`)')
    expect(byId.slices!.filter((s) => s.slice === 'domain').reduce((k, s) => k + s.n, 0)).toBe(ROWS)
    for (const row of [byId, byPosition]) expect(row.slices!.filter((s) => s.slice === 'template').map((s) => s.n)).toEqual([10, 10, 10, 10])
  })

  it('refuses shards that label the same example id twice', async () => {
    const root = mkdtempSync(join(tmpdir(), 'interp-gate-shard-slices-'))
    workspace(root, 'full', 1)
    workspace(root, 's1', 1, 0, 20)
    workspace(root, 's2', 1, 20, 40)
    for (let s = 1; s <= 2; s++) expect((await cli(['run', '-C', join(root, `s${s}`), '--shard', `${s}/2`, '--out', 'out'], root)).code).toBe(0)
    const files = [1, 2].map((s) => join(root, `s${s}`, 'out', 'results.json'))
    const second = read(files[1])
    second.slices![0].ids![0] = read(files[0]).slices![0].ids![3]
    writeFileSync(files[1], JSON.stringify(second))
    const r = await cli(['merge', ...files, '-C', join(root, 'full'), '--out', 'merged'], root)
    expect(r.code).toBe(2)
    expect(r.err).toContain(`slice "domain": example id "q1021" is labelled in two shards; each example must be in exactly one shard`)
  })
})
