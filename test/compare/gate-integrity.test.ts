import { describe, expect, it } from 'vitest'
import { compare, type GateSpec } from '../../src/compare/comparison.js'
import { ConfigError, parseConfig } from '../../src/config/load.js'
import type { Defaults } from '../../src/config/config-schema.js'
import { coverageText } from '../../src/report/markdown.js'
import type { MetricResult, Results, Row } from '../../src/results/results-schema.js'
import { metric, results } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const gate = (g: GateSpec['gate'], severity: GateSpec['severity'] = 'error'): GateSpec => ({ gate: g, severity })
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `e${from + i}`)
// 0.1, 0.2, …, 1.0: the baseline's per-example deletion AUCs (lower is better), the last ones the hardest
const baseScores = Array.from({ length: 10 }, (_, i) => (i + 1) / 10)
const lower = (id: string, fields: Parameters<typeof metric>[1]) => metric(id, { direction: 'lower', ...fields })
const baseRun = results([lower('m', { scores: baseScores, ids: ids(10) })])
const checks = (r: Row) => r.gates.map(({ rule, limit, ok, from }) => ({ rule, limit, ok, ...(from ? { from } : {}) }))

/** The head hides its 3 hardest examples as NaN: its full-run mean over the 7 easy ones is 0.4 (base 0.55). */
function hiding(): MetricResult {
  const scores = [...baseScores.slice(0, 7), NaN, NaN, NaN]
  return lower('m', { scores, ids: ids(10), value: 0.4, n: 7, nanCount: 3 })
}

describe('coverage: a head that loses baseline examples', () => {
  it('NaN on the hardest examples: Δ over the 7 paired examples is 0, and the gated metric regresses on coverage', () => {
    const c = compare({ base: baseRun, head: results([hiding()]), defaults, gates: { m: gate({ 'max-regression': 0.05 }) } })
    const r = c.rows[0]
    expect(r.base).toBeCloseTo(0.55, 12) // full runs in the Base and Head columns
    expect(r.head).toBeCloseTo(0.4, 12)
    expect(r.delta).toBeCloseTo(0, 12) // mean(0.1..0.7) − mean(0.1..0.7), not 0.4 − 0.55
    expect(r.pairedBase).toBeCloseTo(0.4, 12)
    expect(r.pairedHead).toBeCloseTo(0.4, 12)
    expect(r.ci).toMatchObject({ low: 0, high: 0 })
    expect(r.coverage).toEqual({ base: 10, head: 7, paired: 7, lost: 3, headOnly: 0, exact: true })
    expect(checks(r)).toEqual([
      { rule: 'max-regression', limit: 0.05, ok: true },
      { rule: 'max-dropped', limit: 0, ok: false }
    ])
    expect(r.gates[1].detail).toBe('lost 3 of 10 baseline examples > allowed 0')
    expect(r.status).toBe('regressed')
    expect(c.verdict).toBe('fail')
    // one coverage note, with the full-run values the table no longer shows
    expect(r.notes).toEqual([
      '7/10 examples paired: this run lost 3 (missing, or NaN where the baseline had a value); full run: base 0.55 (10 examples), head 0.4 (7)'
    ])
  })

  it('dropped ids count the same as NaN', () => {
    const head = lower('m', { scores: baseScores.slice(0, 7), ids: ids(7) })
    const r = compare({ base: baseRun, head: results([head]), defaults, gates: { m: gate({ min: 0 }) } }).rows[0]
    expect(r.coverage).toEqual({ base: 10, head: 7, paired: 7, lost: 3, headOnly: 0, exact: true })
    expect(r.status).toBe('regressed')
  })

  it('max-dropped allows a count or a share of the baseline examples (rounded down)', () => {
    const status = (g: GateSpec['gate']) => compare({ base: baseRun, head: results([hiding()]), defaults, gates: { m: gate(g) } }).rows[0]
    expect(status({ 'max-dropped': 3 }).status).toBe('pass')
    expect(status({ 'max-dropped': '30%' }).status).toBe('pass') // floor(0.3 · 10) = 3
    const tight = status({ 'max-dropped': '20%' }) // floor(0.2 · 10) = 2 < 3
    expect(tight.status).toBe('regressed')
    expect(tight.gates[0].detail).toBe('lost 3 of 10 baseline examples > allowed 2')
  })

  it('an ungated metric shows its coverage but does not fail on it', () => {
    const c = compare({ base: baseRun, head: results([hiding()]), defaults, gates: {} })
    expect(c.rows[0].status).toBe('pass')
    expect(c.rows[0].coverage?.lost).toBe(3)
    expect(c.rows[0].gates).toEqual([])
    expect(c.verdict).toBe('pass')
  })

  it('without pairable per-example data, coverage is a lower bound from n', () => {
    const omitted = (mean: number, n: number) => metric('m', { value: mean, n, summary: { n, mean, sd: 0.2 }, examples: { omitted: { total: n, cap: 10 } } })
    const r = compare({ base: results([omitted(0.5, 100)]), head: results([omitted(0.5, 90)]), defaults, gates: { m: gate({ 'max-regression': 0.05 }) } })
      .rows[0]
    expect(r.coverage).toEqual({ base: 100, head: 90, paired: 90, lost: 10, headOnly: 0, exact: false })
    expect(r.gates.find((g) => g.rule === 'max-dropped')?.detail).toBe('lost at least 10 of 100 baseline examples > allowed 0')
    expect(r.status).toBe('regressed')
    expect(coverageText(r)).toBe('90/100 (−10+)')
  })

  it('examples only the head scores are counted and left out of Δ', () => {
    // e0..e9 as the base, plus e10, e11 at 0.05 (which would pull the head mean down, i.e. "better")
    const head = lower('m', { scores: [...baseScores, 0.05, 0.05], ids: ids(12) })
    const r = compare({ base: baseRun, head: results([head]), defaults, gates: { m: gate({ 'max-regression': 0.05 }) } }).rows[0]
    expect(r.coverage).toEqual({ base: 10, head: 12, paired: 10, lost: 0, headOnly: 2, exact: true })
    expect(r.delta).toBeCloseTo(0, 12)
    expect(r.head).toBeCloseTo(5.6 / 12, 12) // full run: (5.5 + 0.1) / 12
    expect(r.status).toBe('pass')
    expect(checks(r)).toEqual([{ rule: 'max-regression', limit: 0.05, ok: true }]) // nothing lost: no max-dropped line
    expect(coverageText(r)).toBe('10/10 (+2 new)')
  })
})

describe('Δ, CI and p describe the same paired examples', () => {
  it('Δ is the paired difference, not full-run head minus full-run base', () => {
    // higher is better; the head scores e0..e8 each 0.01 higher and drops e9 (1.0)
    const base = results([metric('m', { scores: baseScores, ids: ids(10) })])
    const head = results([metric('m', { scores: baseScores.slice(0, 9).map((v) => v + 0.01), ids: ids(9) })])
    const r = compare({ base, head, defaults, gates: { m: gate({ 'max-dropped': 1, 'max-regression': 0.05 }) } }).rows[0]
    expect(r.base).toBeCloseTo(0.55, 12)
    expect(r.head).toBeCloseTo(0.51, 12) // full-run Δ would be −0.04, "worse"
    expect(r.delta).toBeCloseTo(0.01, 12) // mean over e0..e8: 0.51 − 0.5
    expect(r.relDelta).toBeCloseTo(0.02, 12) // 0.01 / 0.5
    expect(r.pairedBase).toBeCloseTo(0.5, 12)
    expect(r.pairedHead).toBeCloseTo(0.51, 12)
    expect(r.ci!.low).toBeCloseTo(0.01, 9)
    expect(r.ci!.high).toBeCloseTo(0.01, 9)
    // exact sign-flip over 9 equal positive differences: only all-plus and all-minus are as extreme, 2 / 2^9
    expect(r.pValue).toBeCloseTo(2 / 512, 12)
    expect(r.status).toBe('improved')
    expect(r.notes).toEqual([
      '9/10 examples paired: this run lost 1 (missing, or NaN where the baseline had a value); full run: base 0.55 (10 examples), head 0.51 (9)'
    ])
  })
})

describe('both gates apply: the baseline recorded one, the PR configures one', () => {
  const withGate = (value: number, g: MetricResult['gate'], severity: MetricResult['severity'] = 'error') =>
    results([metric('m', { value, gate: g, severity })])

  it('a PR that adds a max fails on it, although the baseline has no gate', () => {
    const c = compare({ base: withGate(0.1, {}), head: results([metric('m', { value: 0.1 })]), defaults, gates: { m: gate({ max: 0.05 }) } })
    const r = c.rows[0]
    expect(checks(r)).toEqual([{ rule: 'max', limit: 0.05, ok: false, from: 'head' }])
    expect(r.status).toBe('failed')
    expect(r.notes).toContain(
      'this PR changes the gate of m from {} to {max: 0.05}: both apply until the change is merged, and a check failing in either fails'
    )
    expect(c.verdict).toBe('fail')
  })

  it('a PR that tightens max-regression fails on the tighter one', () => {
    // 0.8 → 0.75: worse by 0.05; base allows 0.1, the PR 0.01
    const c = compare({
      base: withGate(0.8, { 'max-regression': 0.1 }),
      head: results([metric('m', { value: 0.75 })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.01 }) }
    })
    expect(checks(c.rows[0])).toEqual([
      { rule: 'max-regression', limit: 0.1, ok: true, from: 'base' },
      { rule: 'max-regression', limit: 0.01, ok: false, from: 'head' }
    ])
    expect(c.rows[0].status).toBe('regressed')
  })

  it('a baseline without a recorded gate leaves the head gate alone, unmarked', () => {
    const c = compare({
      base: results([metric('m', { value: 0.1 })]),
      head: results([metric('m', { value: 0.1 })]),
      defaults,
      gates: { m: gate({ max: 0.05 }) }
    })
    expect(checks(c.rows[0])).toEqual([{ rule: 'max', limit: 0.05, ok: false }])
    expect(c.rows[0].notes ?? []).toEqual([])
  })

  it('severity: the stricter of the two, either way round', () => {
    const up = compare({
      base: withGate(0.8, { 'max-regression': 0.01 }, 'warning'),
      head: results([metric('m', { value: 0.7 })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.01 }, 'error') }
    })
    expect(up.rows[0].severity).toBe('error')
    expect(up.verdict).toBe('fail')
    const down = compare({
      base: withGate(0.8, { 'max-regression': 0.01 }, 'error'),
      head: results([metric('m', { value: 0.7 })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.01 }, 'warning') }
    })
    expect(down.rows[0].severity).toBe('error')
    expect(down.rows[0].notes).toEqual(['this PR changes the severity of m from error to warning: the stricter (error) applies until the change is merged'])
  })

  it('the baseline default max-dropped 0 holds even when the PR allows drops', () => {
    const base = results([lower('m', { scores: baseScores, ids: ids(10), gate: { 'max-regression': 0.05 }, severity: 'error' })])
    const r = compare({ base, head: results([hiding()]), defaults, gates: { m: gate({ 'max-regression': 0.05, 'max-dropped': 5 }) } }).rows[0]
    expect(checks(r)).toEqual([
      { rule: 'max-regression', limit: 0.05, ok: true },
      { rule: 'max-dropped', limit: 0, ok: false, from: 'base' },
      { rule: 'max-dropped', limit: 5, ok: true, from: 'head' }
    ])
    expect(r.status).toBe('regressed')
  })
})

describe('accept: a reviewed trade-off', () => {
  const withAccept = (r: Results, accept: Results['accept']): Results => ({ ...r, accept })
  const base = results([metric('m', { value: 0.8 }), metric('n', { value: 0.8 })])
  const head = results([metric('m', { value: 0.7 }), metric('n', { value: 0.8 })])
  const gates = { m: gate({ 'max-regression': 0.05 }), n: gate({ 'max-regression': 0.05 }) }
  const entry = { metric: 'm', reason: 'sparser maps are worth 0.1 of insertion AUC' }

  it('a new entry turns the regression into accepted: verdict warn, reason on the row', () => {
    const c = compare({ base, head: withAccept(head, [entry]), defaults, gates })
    const r = c.rows.find((x) => x.id === 'm')!
    expect(r.status).toBe('accepted')
    expect(r.accepted).toBe(entry.reason)
    expect(r.notes).toContain(`regression accepted by this change: ${entry.reason}`)
    expect(c.verdict).toBe('warn')
  })

  it('an entry already in the baseline is stale: the regression stands and the report says to remove it', () => {
    const c = compare({ base: withAccept(base, [entry]), head: withAccept(head, [entry]), defaults, gates })
    const r = c.rows.find((x) => x.id === 'm')!
    expect(r.status).toBe('regressed')
    expect(r.notes).toContain(`accept entry "${entry.reason}" is already in the baseline, so it accepts nothing now: remove it from accept`)
    expect(c.verdict).toBe('fail')
  })

  it('covers a coverage loss too', () => {
    const c = compare({
      base: baseRun,
      head: withAccept(results([hiding()]), [{ metric: 'm', reason: 'saturated images skipped on purpose' }]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.05 }) }
    })
    expect(c.rows[0].status).toBe('accepted')
    expect(c.verdict).toBe('warn')
  })

  it('does not cover an absolute bound, and says so', () => {
    const c = compare({ base, head: withAccept(head, [entry]), defaults, gates: { ...gates, m: gate({ min: 0.75, 'max-regression': 0.05 }) } })
    const r = c.rows.find((x) => x.id === 'm')!
    expect(r.status).toBe('failed')
    expect(r.notes).toContain(
      `accept ("${entry.reason}") covers regressions (max-regression, max-dropped, history, slice), not the bounds min/max: still failed`
    )
    expect(c.verdict).toBe('fail')
  })

  it('an entry for a passing metric accepts nothing and says so; one naming no metric is a comparison note', () => {
    const c = compare({
      base,
      head: withAccept(head, [
        { metric: 'n', reason: 'x' },
        { metric: 'zz', reason: 'y' }
      ]),
      defaults,
      gates
    })
    expect(c.rows.find((x) => x.id === 'n')!.notes).toEqual(['accept entry "x" has nothing to accept (status pass): remove it unless a regression is expected'])
    expect(c.notes).toEqual(['accept entry for "zz" names no metric of this comparison: remove it'])
  })

  it('the config rejects an accept entry for an unknown metric, naming the line', () => {
    const text =
      'version: 1\nmetrics:\n  - id: top1\n    metric: accuracy\n    inputs: { predictions: p.npy, labels: l.npy }\naccept:\n  - metric: top2\n    reason: renamed\n'
    expect(() => parseConfig(text, 'c.yml')).toThrow(ConfigError)
    expect(() => parseConfig(text, 'c.yml')).toThrow(
      'c.yml:7:13 accept[0].metric: accept names metric "top2", which is not in metrics (did you mean "top1"?); use one of the metric ids'
    )
    expect(() => parseConfig(text.replace('reason: renamed', 'reason: ""'), 'c.yml')).toThrow(/c\.yml:8:\d+ accept\[0\]\.reason/)
  })
})

describe('gate.history: iqr with or without a baseline', () => {
  // 1..5: numpy percentiles Q1 = 2, Q3 = 4, IQR = 2 → fence [−1, 7]
  it('checks a new metric (no baseline) and names the values and the fence', () => {
    const c = compare({
      base: null,
      head: results([metric('v', { value: -2 })]),
      defaults,
      gates: { v: gate({ history: 'iqr' }) },
      history: { v: [1, 2, 3, 4, 5] }
    })
    expect(c.rows[0].status).toBe('regressed')
    expect(c.rows[0].gates).toEqual([
      { rule: 'history', limit: 'iqr', ok: false, detail: '−2 is outside the IQR fence [−1, 7] from 5 earlier values: 1, 2, 3, 4, 5' }
    ])
    expect(c.verdict).toBe('fail')
    const inside = compare({
      base: null,
      head: results([metric('v', { value: 3 })]),
      defaults,
      gates: { v: gate({ history: 'iqr' }) },
      history: { v: [1, 2, 3, 4, 5] }
    })
    expect(inside.rows[0].status).toBe('new')
    expect(inside.rows[0].gates[0].detail).toBe('3 is inside the IQR fence [−1, 7] from 5 earlier values: 1, 2, 3, 4, 5')
  })

  it('gives range and count for a long history', () => {
    // 1..12: numpy Q1 = 3.75, Q3 = 9.25, IQR = 5.5 → fence [−4.5, 17.5]; lower is better, 20 is above it
    const history = { v: Array.from({ length: 12 }, (_, i) => i + 1) }
    const c = compare({ base: null, head: results([lower('v', { value: 20 })]), defaults, gates: { v: gate({ history: 'iqr' }) }, history })
    expect(c.rows[0].gates[0].detail).toBe('20 is outside the IQR fence [−4.5, 17.5] from 12 earlier values from 1 to 12')
  })

  it('says when there are too few values to check', () => {
    const c = compare({ base: null, head: results([metric('v', { value: -2 })]), defaults, gates: { v: gate({ history: 'iqr' }) }, history: { v: [1, 2, 3] } })
    expect(c.rows[0].status).toBe('new')
    expect(c.rows[0].notes).toEqual(['history: iqr not checked: it needs 5 earlier values, found 3'])
  })
})

describe('p-values carry one label each', () => {
  it('the gate detail names the Holm-adjusted p it compared with α', () => {
    // 8 of 8 examples worse by 0.1 in two metrics: raw one-sided p = 1/256 each, Holm-adjusted 2/256 ≈ 0.0078
    const e = ids(8)
    const b = e.map((_, i) => i / 10)
    const h = b.map((v) => v - 0.1)
    const c = compare({
      base: results([metric('a', { scores: b, ids: e }), metric('b', { scores: b, ids: e })]),
      head: results([metric('a', { scores: h, ids: e }), metric('b', { scores: h, ids: e })]),
      defaults,
      gates: { a: gate({ 'max-regression': 0.05, significance: 0.05 }), b: gate({ 'max-regression': 0.05, significance: 0.05 }) }
    })
    expect(c.rows[0].gates[0].detail).toBe('worsened by 0.1 > allowed 0.05; p(worse, Holm)=0.008 < α=0.05')
  })
})
