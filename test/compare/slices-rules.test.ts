import { describe, expect, it } from 'vitest'
import { compareSlices, type SliceOutcome } from '../../src/compare/slices.js'
import { type Defaults, defaultsSchema } from '../../src/config/config-schema.js'
import type { Direction, Gate } from '../../src/domain/policy.js'
import { compactLabels } from '../../src/engine/slice-labels.js'
import { encodeFloat64 } from '../../src/results/encode.js'
import type { MetricResult, SliceLabels } from '../../src/results/results-schema.js'
import type { Aggregate } from '../../src/stats/index.js'
import { metric, results } from '../helpers/results.js'
import { fixture } from '../stats/fixtures.js'

// Hand-computed cases: scores are multiples of 1/8 (exact in binary), so group means, Δ and a CI of constant
// differences are exact. Exact sign-flip p(worse) on n constant differences: 1/2^n on the worse side, 1 on the other.
// Power figures: scripts/reference/slices_power.py ("notes", scipy.stats.norm).
const ref = fixture('slices_power.json').notes as Record<'group' | 'metric', { mde: number; nNeeded: number; power: number }>

interface Case {
  base: MetricResult[]
  head: MetricResult[]
  slices: SliceLabels[]
  /** The head gate per metric id; a metric not listed has no gate. */
  gates?: Record<string, Gate>
  defaults?: Partial<Defaults>
  /** Metric ids without a policy. */
  noPolicy?: string[]
  comparable?: (id: string) => boolean
  aggregateOf?: (result: MetricResult) => Aggregate | undefined
}

function sliced(c: Case): Map<string, SliceOutcome> {
  const policies = new Map(
    c.head
      .filter((m) => !c.noPolicy?.includes(m.id))
      .map((m) => [m.id, { headGate: c.gates?.[m.id] ?? {}, severity: 'error' as const, direction: m.direction, notes: [] }])
  )
  return compareSlices({
    head: { ...results(c.head), slices: c.slices },
    baseById: new Map(c.base.map((m) => [m.id, m])),
    policies,
    comparable: c.comparable ?? (() => true),
    defaults: { ...defaultsSchema.parse({}), resamples: 200, 'min-slice-size': 4, ...c.defaults },
    ...(c.aggregateOf ? { aggregateOf: c.aggregateOf } : {})
  })
}

/** One metric whose examples fall in groups by position: base 0.5 everywhere, head 0.5 + the group's differences. */
function grouped(id: string, groups: Record<string, number[]>, direction: Direction = 'higher') {
  const labels = Object.entries(groups).flatMap(([g, d]) => d.map(() => g))
  const d = Object.values(groups).flat()
  return {
    base: [metric(id, { scores: d.map(() => 0.5), direction })],
    head: [metric(id, { scores: d.map((x) => 0.5 + x), direction })],
    slices: [compactLabels('s', labels)]
  }
}

const tested = (margin: number | string, significance = 0.05): Gate => ({ 'max-regression': margin, significance })
const rep = <T>(x: T, n: number): T[] => Array.from({ length: n }, () => x)

describe('slice groups: status', () => {
  // down: Δ −0.5 on each of 4; flat: 0; mix: +0.5, −0.25, +0.5, −0.25 (CI across 0); up: +0.5. Nothing beyond the margin 1.
  const groups = { down: rep(-0.5, 4), flat: rep(0, 4), mix: [0.5, -0.25, 0.5, -0.25], up: rep(0.5, 4) }

  it('higher is better: improved only when the CI of Δ lies above 0 (a CI of [0, 0] passes)', () => {
    const rows = sliced({ ...grouped('m', groups), gates: { m: tested(1) } }).get('m')!.slices
    expect(rows.map((r) => [r.group, r.status])).toEqual([
      ['down', 'pass'],
      ['flat', 'pass'],
      ['mix', 'pass'],
      ['up', 'improved']
    ])
    // constant differences: every bootstrap mean is that difference
    expect(rows.map((r) => [r.ci!.low, r.ci!.high])).toEqual([
      [-0.5, -0.5],
      [0, 0],
      [expect.any(Number), expect.any(Number)],
      [0.5, 0.5]
    ])
    expect(rows[2].ci!.low!).toBeLessThan(0)
    expect(rows[2].ci!.high!).toBeGreaterThan(0)
    // p(worse) = P(flipped sum ≤ observed): down 1/16, mix 13 of 16 sign vectors, flat and up 1; Holm over 4: 4/16, then 1
    expect(rows.map((r) => r.pWorse)).toEqual([1 / 16, 1, 13 / 16, 1])
    expect(rows.map((r) => r.pAdjusted)).toEqual([0.25, 1, 1, 1])
  })

  it('lower is better: improved only when the CI of Δ lies below 0', () => {
    const rows = sliced({ ...grouped('m', groups, 'lower'), gates: { m: tested(1) } }).get('m')!.slices
    expect(rows.map((r) => [r.group, r.status])).toEqual([
      ['down', 'improved'],
      ['flat', 'pass'],
      ['mix', 'pass'],
      ['up', 'pass']
    ])
    // p(worse) = P(flipped sum ≥ observed): up 1/16, mix 6 of 16; Holm: 4/16, then 3 · 6/16 capped at 1
    expect(rows.map((r) => r.pWorse)).toEqual([1, 1, 6 / 16, 1 / 16])
    expect(rows.map((r) => r.pAdjusted)).toEqual([1, 1, 1, 0.25])
  })

  it('a group of exactly min-slice-size examples is gated; one fewer is small, with no adjusted p', () => {
    const out = sliced({ ...grouped('m', { a: rep(0, 4), b: rep(0, 3) }), gates: { m: tested(0.1) } }).get('m')!
    expect(out.slices.map((r) => [r.group, r.n, r.status, r.pAdjusted])).toEqual([
      ['a', 4, 'pass', 1],
      ['b', 3, 'small', null]
    ])
    expect(out.notes).toEqual(['1 slice group(s) under min-slice-size (4) are reported, not gated'])
    expect(out.checks).toEqual([])
    // no spread: the metric's gate has full power, and no note says otherwise
    expect(out.power).toEqual({ mde: 0, n: 7, nNeeded: 1, power: 1, allowed: 0.1, alpha: 0.05 })
  })

  it('without a significance test in the gate every group is untested: no adjusted p, no power, no small-group note', () => {
    for (const gate of [{}, { 'max-regression': 0.1 }, { min: 0.2, significance: 0.05 }]) {
      const out = sliced({ ...grouped('m', { a: rep(-0.5, 4), b: rep(0, 3) }), gates: { m: gate } }).get('m')!
      expect(out.slices.map((r) => [r.status, r.pAdjusted, r.power])).toEqual([
        ['untested', null, undefined],
        ['untested', null, undefined]
      ])
      expect(out).toMatchObject({ checks: [], notes: [] })
      expect(out.power).toBeUndefined()
    }
  })
})

describe('slice groups: regression and multiple testing', () => {
  // a: 6 examples each worse by 0.5 (p = 1/64); b: 5 worse by 0.5 (1/32); c: 4 unchanged (1). Margin 0.1, α 0.05.
  const input = () => ({ ...grouped('m', { a: rep(-0.5, 6), b: rep(-0.5, 5), c: rep(0, 4) }), gates: { m: tested(0.1) } })

  it('Holm: a regresses at 3/64 < α, b does not at max(3/64, 2/32) = 1/16; the check names group, CI and Holm p', () => {
    const out = sliced(input()).get('m')!
    expect(out.slices.map((r) => [r.group, r.pWorse, r.pAdjusted, r.status])).toEqual([
      ['a', 1 / 64, 3 / 64, 'regressed'],
      ['b', 1 / 32, 1 / 16, 'pass'],
      ['c', 1, 1, 'pass']
    ])
    expect(out.checks).toEqual([
      {
        rule: 'slice',
        limit: 0.1,
        ok: false,
        detail: 's = a: −0.5 [−0.5, −0.5], p(worse, Holm)=0.047 < α=0.05; worsened by 0.5 > allowed 0.1 over 6 examples'
      }
    ])
  })

  it('correction none: each group’s own p(worse) decides, and both worsened groups regress', () => {
    const out = sliced({ ...input(), defaults: { correction: 'none' } }).get('m')!
    expect(out.slices.map((r) => [r.group, r.pAdjusted, r.status])).toEqual([
      ['a', 1 / 64, 'regressed'],
      ['b', 1 / 32, 'regressed'],
      ['c', 1, 'pass']
    ])
    expect(out.checks.map((c) => c.detail)).toEqual([
      's = a: −0.5 [−0.5, −0.5], p(worse)=0.016 < α=0.05; worsened by 0.5 > allowed 0.1 over 6 examples',
      's = b: −0.5 [−0.5, −0.5], p(worse)=0.031 < α=0.05; worsened by 0.5 > allowed 0.1 over 5 examples'
    ])
  })

  it('Holm runs across every metric of the suite', () => {
    // the same 5 worse examples in two metrics: 1/32 each, 2/32 after Holm over both: neither regresses
    const one = grouped('m', { b: rep(-0.5, 5) })
    const two = grouped('n', { b: rep(-0.5, 5) })
    const out = sliced({ base: [...one.base, ...two.base], head: [...one.head, ...two.head], slices: one.slices, gates: { m: tested(0.1), n: tested(0.1) } })
    expect([...out.values()].map((o) => [o.slices[0].pAdjusted, o.slices[0].status])).toEqual([
      [1 / 16, 'pass'],
      [1 / 16, 'pass']
    ])
  })
})

describe('slice groups: power notes', () => {
  const spread = [0.125, -0.125, 0.125, -0.125]

  it('lists the gated groups under 80% power, five at most, with the n each needs; small groups are left out', () => {
    const groups = { a: spread, b: spread, c: spread, d: spread, e: spread, f: spread, g: rep(0, 4), h: spread.slice(0, 3) }
    const out = sliced({ ...grouped('m', groups), gates: { m: tested(0.0625) } }).get('m')!
    const listed = ['a', 'b', 'c', 'd', 'e'].map((g) => `s = ${g}: n=4, needs about ${ref.group.nNeeded}`).join('; ')
    // the metric's own 31 differences (sd 0.119) give Φ(0.0625·√31/0.119 − 1.645) ≈ 0.90 power: no note for it
    expect(out.notes).toEqual([
      `underpowered slice groups: 6 of 7 gated groups have power < 80% at the allowed regression (${listed}; …)`,
      '1 slice group(s) under min-slice-size (4) are reported, not gated'
    ])
    expect(out.slices[0].power!.power).toBeCloseTo(ref.group.power, 12)
    expect(out.slices[6].power!.power).toBe(1)
  })

  it('a margin of 0 needs ∞ examples; five weak groups are all listed, without "…"', () => {
    const groups = { a: spread, b: spread, c: spread, d: spread, e: spread }
    const out = sliced({ ...grouped('m', groups), gates: { m: tested(0) } }).get('m')!
    const listed = ['a', 'b', 'c', 'd', 'e'].map((g) => `s = ${g}: n=4, needs about ∞`).join('; ')
    // the metric's 20 differences of ±0.125: mde 0.0713 (reference); power at a margin of 0 is α
    expect(out.notes).toEqual([
      'underpowered: 20 examples detect regressions ≥ 0.0713 at 80% power (one-sided α=0.05); an allowed regression of 0 is never shown significant; allow a margin',
      `underpowered slice groups: 5 of 5 gated groups have power < 80% at the allowed regression (${listed})`
    ])
    expect(out.power!.mde).toBeCloseTo(ref.metric.mde, 12)
    expect(out.slices.map((r) => r.status)).toEqual(rep('pass', 5))
  })
})

describe('slice groups: which examples', () => {
  // ids x1..x6; head = base + 0.5 for every id. The base lists its examples in reverse order.
  const ids = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']
  const baseById: Record<string, number> = { x1: 0, x2: 0.25, x3: 0.5, x4: 0.75, x5: 1, x6: 1.25 }
  const base = [metric('m', { ids: [...ids].reverse(), scores: [...ids].reverse().map((i) => baseById[i]) })]
  const head = [metric('m', { ids, scores: ids.map((i) => baseById[i] + 0.5) })]

  it('a slice by id labels head examples by id, pairs base examples by id, and notes examples it does not label', () => {
    // y9 (group z) is in no run: z has no examples and no row; x5 and x6 have no label
    const slices = [compactLabels('s', ['b', 'a', 'b', 'a', 'z'], ['x4', 'x1', 'x3', 'x2', 'y9'])]
    const out = sliced({ base, head, slices }).get('m')!
    expect(out.slices.map((r) => [r.group, r.n, r.base, r.head, r.delta, r.ci!.low, r.ci!.high, r.pWorse])).toEqual([
      ['a', 2, 0.125, 0.625, 0.5, 0.5, 0.5, 1],
      ['b', 2, 0.625, 1.125, 0.5, 0.5, 0.5, 1]
    ])
    expect(out.notes).toEqual(['slice "s": 2 of 6 examples have no label and are in no group'])
  })

  it('a slice by position groups head rows by position and still pairs base rows by id when both runs have ids', () => {
    const out = sliced({ base, head, slices: [compactLabels('s', ['a', 'a', 'a', 'b', 'b', 'b'])] }).get('m')!
    // a: x1..x3 (base mean 0.25), b: x4..x6 (base mean 1); every difference +0.5
    expect(out.slices.map((r) => [r.group, r.n, r.base, r.delta, r.ci!.low, r.ci!.high])).toEqual([
      ['a', 3, 0.25, 0.5, 0.5, 0.5],
      ['b', 3, 1, 0.5, 0.5, 0.5]
    ])
    expect(out.notes).toEqual([])
  })

  it('a slice by id on a metric without ids is not applied, and says what to set', () => {
    const plain = [metric('m', { scores: [1, 2, 3] })]
    const out = sliced({ base: plain, head: plain, slices: [compactLabels('s', ['a', 'b'], ['x1', 'x2'])] }).get('m')!
    expect(out).toEqual({
      slices: [],
      checks: [],
      notes: ['not sliced: slice "s" labels examples by id, but this metric keeps no example ids (set its `ids:`)']
    })
  })

  it('groups whose examples do not pair (a shorter base, or ids on one side only) are reported with n 0 and no statistics', () => {
    const labels = [compactLabels('s', ['a', 'b', 'a', 'b', 'a', 'b'])]
    const scores = [0.25, 0.5, 0.75, 1, 0.25, 0.5]
    const empty = { n: 0, base: null, head: null, delta: null, ci: null, pWorse: null, pAdjusted: null }
    const cases = [
      { base: [metric('m', { scores: scores.slice(0, 4) })], head: [metric('m', { scores })] },
      { base: [metric('m', { scores })], head: [metric('m', { scores, ids })] }
    ]
    for (const c of cases) {
      const out = sliced({ ...c, slices: labels, gates: { m: tested(0.1) } }).get('m')!
      expect(out.slices.map((r) => ({ ...r, power: undefined }))).toEqual([
        { slice: 's', group: 'a', ...empty, status: 'small', power: undefined },
        { slice: 's', group: 'b', ...empty, status: 'small', power: undefined }
      ])
    }
  })
})

describe('slice groups: binary and aggregate metrics', () => {
  // 21 examples, each 1 in base and 0 in head: McNemar's exact p(worse) = P(X ≥ 21 | X ~ Bin(21, ½)) = 2⁻²¹.
  const binary = (id: string, scores: number[], flag: boolean) => metric(id, { scores, binary: flag })
  const slices = [compactLabels('s', rep('a', 21))]

  it('a metric binary in both runs is tested per group with McNemar’s exact test', () => {
    const out = sliced({ base: [binary('b', rep(1, 21), true)], head: [binary('b', rep(0, 21), true)], slices }).get('b')!
    expect(out.slices[0].pWorse! / 2 ** -21).toBeCloseTo(1, 9)
  })

  it('binary in one run only: the sign-flip test, by Monte Carlo above 20 examples (p never below 1/(resamples + 1))', () => {
    for (const [b, h] of [
      [true, false],
      [false, true]
    ]) {
      const out = sliced({ base: [binary('b', rep(1, 21), b)], head: [binary('b', rep(0, 21), h)], slices }).get('b')!
      expect(out.slices[0].pWorse!).toBeGreaterThanOrEqual(1 / 201)
    }
  })

  // ratio = Σx / Σy over the examples: 0/0 (undefined) on a group whose y are all 0
  const ratio: Aggregate = (columns, rows) => {
    let x = 0
    let y = 0
    for (const r of Array.from(rows ?? columns.x.keys())) {
      x += columns.x[r]
      y += columns.y[r]
    }
    return x / y
  }
  const withColumns = (x: number[], y: number[]) =>
    metric('r', {
      value: 0,
      n: x.length,
      examples: { columns: { x: encodeFloat64(Float64Array.from(x)), y: encodeFloat64(Float64Array.from(y)) } }
    })
  const parts = [compactLabels('s', ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'])]
  const y = [0, 0, 0, 0, 1, 1, 1, 1]

  it('an aggregate metric is recomputed per group; a group where it is undefined is small, not gated', () => {
    const out = sliced({
      base: [withColumns([0, 0, 0, 0, 1, 0, 1, 0], y)],
      head: [withColumns([0, 0, 0, 0, 1, 1, 1, 0], y)],
      slices: parts,
      gates: { r: tested(0.1) },
      aggregateOf: () => ratio
    }).get('r')!
    // b: base 2/4, head 3/4
    expect(out.slices.map((r) => [r.group, r.n, r.base, r.head, r.delta, r.pWorse === null, r.pAdjusted === null, r.status])).toEqual([
      ['a', 4, null, null, null, true, true, 'small'],
      ['b', 4, 0.5, 0.75, 0.25, false, false, 'pass']
    ])
  })

  it('columns without an aggregate, or in one run only, give no groups', () => {
    const cols = withColumns([1, 0, 1, 0, 1, 0, 1, 0], y)
    const scores = metric('r', { scores: [1, 0, 1, 0, 1, 0, 1, 0] })
    for (const [b, h] of [
      [cols, cols],
      [cols, scores],
      [scores, cols]
    ]) {
      const out = sliced({ base: [b], head: [h], slices: parts, gates: { r: tested(0.1) } }).get('r')!
      expect(out.slices).toEqual([])
      expect(out.checks).toEqual([])
    }
  })
})

describe('slice outcomes: which metrics get one', () => {
  const g = grouped('m', { a: rep(0, 4) })

  it('none without a baseline entry, a policy, or a paired comparison', () => {
    expect(sliced({ ...g, base: [] }).has('m')).toBe(false)
    expect(sliced({ ...g, noPolicy: ['m'] }).has('m')).toBe(false)
    expect(sliced({ ...g, comparable: () => false }).has('m')).toBe(false)
  })

  it('without slices: only a metric with a tested gate, for its power', () => {
    expect(sliced({ ...g, slices: [] }).has('m')).toBe(false)
    expect(sliced({ ...g, slices: [], gates: { m: tested(0.1) } }).get('m')).toEqual({
      slices: [],
      checks: [],
      notes: [],
      power: { mde: 0, n: 4, nNeeded: 1, power: 1, allowed: 0.1, alpha: 0.05 }
    })
  })

  it('a metric without per-example data gets an empty outcome when the suite has slices', () => {
    const bare = [metric('m', { value: 0.5 })]
    expect(sliced({ base: bare, head: bare, slices: g.slices, gates: { m: tested(0.1) } }).get('m')).toEqual({ slices: [], checks: [], notes: [] })
    // only one run with per-example scores: no power either
    expect(sliced({ base: g.base, head: bare, slices: g.slices, gates: { m: tested(0.1) } }).get('m')).toEqual({ slices: [], checks: [], notes: [] })
  })
})
