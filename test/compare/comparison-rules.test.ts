import { describe, expect, it } from 'vitest'
import { compare, type GateSpec } from '../../src/compare/comparison.js'
import type { Defaults } from '../../src/config/config-schema.js'
import { ResultsError } from '../../src/results/io.js'
import type { MetricResult, Row } from '../../src/results/results-schema.js'
import { metric, results } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const gate = (g: GateSpec['gate'], severity: GateSpec['severity'] = 'error'): GateSpec => ({ gate: g, severity })
const ids = (n: number) => Array.from({ length: n }, (_, i) => `e${i}`)
const rowOf = (rows: Row[], id: string) => rows.find((r) => r.id === id)!
// 12 per-example scores 0.50 … 0.61 (few enough for the exact sign-flip test to be quick); a head 0.05 lower on every example is a consistent worsening.
const scores = (shift = 0) => Array.from({ length: 12 }, (_, i) => 0.5 + i / 100 + shift)

describe('which runs are comparable', () => {
  it('a changed eval set without ids on both sides is "not comparable", never paired by ids of one side', () => {
    const base = results([metric('m', { scores: scores(), ids: ids(12), fingerprint: 'aaa' })])
    for (const head of [
      metric('m', { scores: scores(), fingerprint: 'bbb' }), // per-example scores, no ids
      metric('m', { value: 0.6, fingerprint: 'bbb' }) // no per-example data at all
    ]) {
      const row = compare({ base, head: results([head]), defaults, gates: {} }).rows[0]
      expect(row.status).toBe('incompatible')
      expect(row.notes).toContain('not compared: the eval set differs (ids or labels changed), so the numbers are not comparable')
    }
  })

  it('a broken baseline entry is named as the baseline (or the baseline note), a broken head entry as this run', () => {
    const broken = (m: MetricResult): MetricResult => ({ ...m, examples: { ...m.examples!, ids: ids(3) } })
    const good = metric('m', { scores: scores(), ids: ids(12) })
    const message = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        expect(error).toBeInstanceOf(ResultsError)
        return (error as Error).message
      }
      return 'no error'
    }
    const headOf = results([good])
    expect(message(() => compare({ base: results([broken(good)]), head: headOf, defaults, gates: {} }))).toMatch(
      /^the baseline: metric "m": examples\.ids has 3 ids/
    )
    expect(message(() => compare({ base: results([broken(good)]), head: headOf, defaults, gates: {}, baselineNote: 'main@abc1234' }))).toMatch(
      /^main@abc1234: metric "m": examples\.ids has 3 ids/
    )
    expect(message(() => compare({ base: results([good]), head: results([broken(good)]), defaults, gates: {} }))).toMatch(/^this run \(head\): metric "m"/)
  })

  it('a shard is refused as a baseline, named by the baseline note', () => {
    const base = { ...results([metric('m', { value: 0.5 })]), shard: { index: 1, count: 2 } }
    const head = results([metric('m', { value: 0.5 })])
    expect(() => compare({ base, head, defaults, gates: {} })).toThrow(/^the baseline: holds shard 1 of 2 only; merge the shards/)
    expect(() => compare({ base, head, defaults, gates: {}, baselineNote: 'main@abc' })).toThrow(/^main@abc: holds shard 1 of 2 only/)
  })
})

describe('a gated baseline value that is null', () => {
  const head = results([metric('m', { value: 0.5 })])
  const nullBase = (fields: Partial<MetricResult> = {}) => results([metric('m', { value: null, ...fields })])

  it('is refused whether the gate comes from the head config or from the gate the baseline recorded', () => {
    expect(() => compare({ base: nullBase(), head, defaults, gates: { m: gate({ 'max-regression': 0.01 }) } })).toThrow(
      /^the baseline: metric "m" has no value in the baseline \(value is null, with no error recorded\), but it is gated on max-regression,/
    )
    expect(() => compare({ base: nullBase({ gate: { significance: 0.05 }, severity: 'error' }), head, defaults, gates: {} })).toThrow(
      /but it is gated on significance, which/
    )
    expect(() =>
      compare({
        base: nullBase({ gate: { significance: 0.05 }, severity: 'error' }),
        head,
        defaults,
        gates: { m: gate({ 'max-regression': 0.01 }) },
        baselineNote: 'main@abc'
      })
    ).toThrow(/^main@abc: metric "m" .* gated on max-regression and significance, which/)
  })

  it('is accepted when only min or max gate it (they bound the head alone): the row is new', () => {
    const row = compare({ base: nullBase(), head, defaults, gates: { m: gate({ min: 0.1, max: 0.9 }) } }).rows[0]
    expect(row.status).toBe('new')
  })
})

describe('the Holm family: significance-gated metrics with a test', () => {
  // a: 0.05 lower on 12 examples; b: 0.05 lower on 5 of 12 — both with a small but non-zero p(worse).
  const base = results([metric('a', { scores: scores(), ids: ids(12) }), metric('b', { scores: scores(), ids: ids(12) }), metric('s', { value: 0.5 })])
  const bScores = scores().map((v, i) => (i < 5 ? v - 0.05 : v))
  const head = results([metric('a', { scores: scores(-0.05), ids: ids(12) }), metric('b', { scores: bScores, ids: ids(12) }), metric('s', { value: 0.4 })])

  it('an ungated metric and a metric without per-example data stay out of it: one gated test keeps its own p', () => {
    const c = compare({ base, head, defaults, gates: { a: gate({ significance: 0.05 }), s: gate({ significance: 0.05 }) } })
    const a = rowOf(c.rows, 'a')
    expect(a.pWorse).toBeGreaterThan(0)
    expect(a.pAdjusted).toBe(a.pWorse) // a family of one
    expect('pAdjusted' in rowOf(c.rows, 'b')).toBe(false)
    expect('pAdjusted' in rowOf(c.rows, 's')).toBe(false)
  })

  it('a significance gate the baseline recorded puts its metric in the family too', () => {
    const gatedBase = { ...base, metrics: base.metrics.map((m) => (m.id === 'b' ? { ...m, gate: { significance: 0.05 }, severity: 'error' as const } : m)) }
    const c = compare({ base: gatedBase, head, defaults, gates: { a: gate({ significance: 0.05 }) } })
    const [a, b] = [rowOf(c.rows, 'a'), rowOf(c.rows, 'b')]
    // Holm over two: the smaller p is doubled; the larger is max(its p, the smaller's adjusted).
    const [lo, hi] = [Math.min(a.pWorse!, b.pWorse!), Math.max(a.pWorse!, b.pWorse!)]
    expect(lo).toBeLessThan(hi)
    const adjusted = new Map([
      [lo, Math.min(1, 2 * lo)],
      [hi, Math.max(Math.min(1, 2 * lo), hi)]
    ])
    expect(a.pAdjusted).toBe(adjusted.get(a.pWorse!))
    expect(b.pAdjusted).toBe(adjusted.get(b.pWorse!))
  })
})

describe('row fields of a compared metric', () => {
  it('full coverage and values equal to the paired means: no paired columns, no coverage field or note', () => {
    // The recorded value differs from the mean of the scores by float rounding only (1e-13 relative, at ~1000).
    const big = Array.from({ length: 12 }, (_, i) => 1000 + i)
    const mean = big.reduce((s, v) => s + v, 0) / big.length
    const base = results([metric('m', { scores: big, ids: ids(12), value: mean + 1e-10 })])
    const head = results([metric('m', { scores: big, ids: ids(12), value: mean - 1e-10 })])
    const row = compare({ base, head, defaults, gates: {} }).rows[0]
    expect(row.delta).toBe(0)
    for (const key of ['pairedBase', 'pairedHead', 'coverage', 'pAdjusted', 'notes']) expect(key in row, key).toBe(false)
  })

  it('a recorded value that is not the paired mean: paired columns and a note with the full-run values, no coverage field', () => {
    const base = results([metric('m', { scores: scores(), ids: ids(12), value: 0.7 })])
    const head = results([metric('m', { scores: scores(), ids: ids(12) })])
    const row = compare({ base, head, defaults, gates: {} }).rows[0]
    expect(row.pairedBase).toBeCloseTo(0.555, 12) // mean of 0.50 … 0.61
    expect(row.pairedHead).toBeCloseTo(0.555, 12)
    expect('coverage' in row).toBe(false)
    expect(row.notes!.some((n) => n.includes('full run: base 0.7'))).toBe(true)
  })

  it('lost examples with unchanged means: paired columns, the coverage field and a note without full-run values', () => {
    // Head drops e0 and e19 (0.50 and 0.69): the mean of the other 18 is still 0.555.
    const base = results([metric('m', { scores: scores(), ids: ids(12) })])
    const head = results([metric('m', { scores: scores().slice(1, 11), ids: ids(12).slice(1, 11) })])
    const row = compare({ base, head, defaults, gates: {} }).rows[0]
    expect(row.coverage).toMatchObject({ base: 12, paired: 10, lost: 2 })
    expect(row.pairedBase).toBeCloseTo(0.555, 12)
    const note = row.notes!.find((n) => n.startsWith('10/12 examples paired'))!
    expect(note).toBeDefined()
    expect(note).not.toMatch(/full run/)
  })

  it('a paired worsening lists its worst examples', () => {
    const base = results([metric('m', { scores: scores(), ids: ids(12) })])
    const head = results([metric('m', { scores: scores().map((v, i) => (i === 7 ? v - 0.3 : v)), ids: ids(12) })])
    const row = compare({ base, head, defaults, gates: {} }).rows[0]
    expect(row.topWorse?.[0]).toMatchObject({ id: 'e7' })
  })

  it('the config line of a gated metric is carried to its row', () => {
    const base = results([metric('m', { value: 0.5 })])
    const row = compare({ base, head: results([metric('m', { value: 0.5 })]), defaults, gates: { m: { ...gate({ min: 0.1 }), line: 7 } } }).rows[0]
    expect(row.line).toBe(7)
  })
})

describe('improved: beyond noise in the metric direction', () => {
  const twoExamples = (base: number[], head: number[], direction: 'higher' | 'lower') =>
    compare({
      base: results([metric('m', { scores: base, ids: ids(base.length), direction })]),
      head: results([metric('m', { scores: head, ids: ids(head.length), direction })]),
      defaults,
      gates: {}
    }).rows[0]

  it('a better mean whose CI of Δ reaches 0 is a pass, not improved', () => {
    // Δ per example [0, 0.2]: a quarter of the paired resamples are [0, 0] (Δ = 0), so the 2.5 % bound is exactly 0.
    const up = twoExamples([0.5, 0.5], [0.5, 0.7], 'higher')
    expect(up.delta).toBeCloseTo(0.1, 12)
    expect(up.ci!.low).toBe(0)
    expect(up.status).toBe('pass')
    const down = twoExamples([0.5, 0.5], [0.5, 0.3], 'lower')
    expect(down.ci!.high).toBe(0)
    expect(down.status).toBe('pass')
  })

  it('a CI of Δ wholly on the good side is improved, in either direction', () => {
    expect(twoExamples(scores(), scores(0.05), 'higher').status).toBe('improved')
    expect(twoExamples(scores(), scores(-0.05), 'lower').status).toBe('improved')
    expect(twoExamples(scores(), scores(-0.05), 'higher').status).toBe('pass') // worse, but ungated
  })
})

describe('rows without a comparison', () => {
  it('a metric the head no longer computes is missing, with no gate checks', () => {
    const base = results([metric('gone', { value: 0.5, gate: { min: 0.1 }, severity: 'error' })])
    const c = compare({ base, head: results([]), defaults, gates: {} })
    expect(c.rows[0]).toMatchObject({ id: 'gone', status: 'missing', gates: [], severity: 'error' })
  })

  it("a shard's rows are held to no gate (merge gates them), keep the metric's severity, and the comparison names the shard", () => {
    const head = { ...results([metric('m', { value: 0.2, severity: 'warning' }), metric('n', { value: 0.2 })]), shard: { index: 1, count: 2 } }
    const c = compare({ base: null, head, defaults, gates: { m: gate({ min: 0.5 }), n: gate({ min: 0.5 }) } })
    expect(c.shard).toEqual({ index: 1, count: 2 })
    expect(rowOf(c.rows, 'm')).toMatchObject({ gates: [], severity: 'warning', status: 'new' })
    expect(rowOf(c.rows, 'n')).toMatchObject({ gates: [], severity: 'error', status: 'new' })
  })
})

describe('statistics of a pair', () => {
  // Scores left out above max-examples: n, mean and sd remain.
  // (a summary's mean can be null while the value is not: only the value is checked for a head error row)
  const summarised = (id: string, summary: { n: number; mean: number | null; sd: number | null }) =>
    metric(id, { value: summary.mean ?? 0.5, n: summary.n, summary, examples: { omitted: { total: summary.n, cap: 100000 } } } as Partial<MetricResult>)

  it('two runs summarised by n, mean and sd are compared by Welch’s normal approximation', () => {
    const c = compare({
      base: results([summarised('m', { n: 200000, mean: 0.5, sd: 0.1 })]),
      head: results([summarised('m', { n: 200000, mean: 0.5, sd: 0.1 })]),
      defaults,
      gates: {}
    })
    expect(c.rows[0]).toMatchObject({ paired: false, test: 'welch-normal' })
  })

  it('a summary without a mean or an sd, on either side, or with n < 2, gives the point values only', () => {
    const good = { n: 200000, mean: 0.5, sd: 0.1 }
    for (const [b, h] of [
      [{ ...good, mean: null }, good],
      [good, { ...good, mean: null }],
      [{ ...good, sd: null }, good],
      [good, { ...good, sd: null }],
      [{ ...good, n: 1 }, good]
    ]) {
      const base = results([summarised('m', b)])
      const row = compare({ base, head: results([summarised('m', h)]), defaults, gates: {} }).rows[0]
      expect(row.ci, JSON.stringify([b, h])).toBeNull()
      expect('test' in row, JSON.stringify([b, h])).toBe(false)
    }
    // one side summarised, the other not at all (a scalar)
    const row = compare({ base: results([metric('m', { value: 0.5 })]), head: results([summarised('m', good)]), defaults, gates: {} }).rows[0]
    expect('test' in row).toBe(false)
  })

  it('runs that cannot be paired are compared unpaired, and the row names the test', () => {
    const base = results([metric('m', { scores: scores() })])
    const head = results([metric('m', { scores: scores().slice(0, 10) })])
    const row = compare({ base, head, defaults, gates: {} }).rows[0]
    expect(row.paired).toBe(false)
    expect(row.test).toBeDefined()
    expect(row.notes).toContain('unpaired: the runs have 12 and 10 examples and no ids to match them')
  })
})
