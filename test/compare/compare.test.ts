import { describe, expect, it } from 'vitest'
import { compare, type GateSpec, verdictOf } from '../../src/compare/comparison.js'
import { marginOf, worsening } from '../../src/compare/gates.js'
import type { Defaults } from '../../src/config/config-schema.js'
import type { Row } from '../../src/results/results-schema.js'
import { metric, results } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const gate = (g: GateSpec['gate'], severity: GateSpec['severity'] = 'error'): GateSpec => ({ gate: g, severity })
const row = (rows: Row[], id: string) => rows.find((r) => r.id === id)!

describe('gate arithmetic', () => {
  it('measures worsening in the metric direction', () => {
    expect(worsening(0.5, 0.4, 'higher')).toBeCloseTo(0.1, 12)
    expect(worsening(0.5, 0.4, 'lower')).toBeCloseTo(-0.1, 12)
  })
  it('reads margins as absolute numbers or percentages of |baseline|', () => {
    expect(marginOf(0.02, -3)).toBe(0.02)
    expect(marginOf('2%', -3)).toBeCloseTo(0.06, 12)
    expect(marginOf('0.5%', 0.4)).toBeCloseTo(0.002, 12)
  })
})

describe('compare: statuses', () => {
  const base = results([
    metric('same', { value: 0.8 }),
    metric('worse', { value: 0.8 }),
    metric('better', { value: 0.8 }),
    metric('gone', { value: 0.1 }),
    metric('lower-better', { value: 0.3, direction: 'lower' })
  ])
  const head = results([
    metric('same', { value: 0.8 }),
    metric('worse', { value: 0.7 }),
    metric('better', { value: 0.9 }),
    metric('fresh', { value: 0.5 }),
    metric('lower-better', { value: 0.33, direction: 'lower' }),
    metric('broken', { value: null, error: 'c.yml:9:5 metrics[5]: file not found' })
  ])
  // compare() runs inside each test, so per-test coverage (Stryker) sees it
  const compared = () =>
    compare({
      head,
      base,
      defaults,
      gates: {
        worse: gate({ 'max-regression': 0.05 }),
        better: gate({ 'max-regression': 0.05 }),
        'lower-better': gate({ 'max-regression': '5%' }, 'warning'),
        fresh: gate({ min: 0.6 })
      }
    })

  it('assigns each status by hand-checked arithmetic', () => {
    const c = compared()
    expect(row(c.rows, 'same').status).toBe('pass')
    expect(row(c.rows, 'worse').status).toBe('regressed') // 0.1 worse > 0.05
    expect(row(c.rows, 'better').status).toBe('improved')
    expect(row(c.rows, 'fresh').status).toBe('failed') // no baseline, but 0.5 < min 0.6
    expect(row(c.rows, 'gone').status).toBe('missing')
    expect(row(c.rows, 'broken').status).toBe('error')
    // lower is better: 0.33 vs 0.3 is 0.03 worse > 5% of 0.3 = 0.015
    expect(row(c.rows, 'lower-better').status).toBe('regressed')
  })

  it('computes delta and relative delta', () => {
    const c = compared()
    const r = row(c.rows, 'worse')
    expect(r.delta).toBeCloseTo(-0.1, 12)
    expect(r.relDelta).toBeCloseTo(-0.125, 12)
    expect(r.gates).toEqual([{ rule: 'max-regression', limit: 0.05, ok: false, detail: 'worsened by 0.1 > allowed 0.05' }])
  })

  it('orders failures and regressions first', () => {
    const c = compared()
    expect(c.rows.map((r) => r.status)).toEqual(['failed', 'regressed', 'regressed', 'error', 'missing', 'improved', 'pass'])
  })

  it('fails the verdict on an error-severity failure', () => {
    const c = compared()
    expect(c.verdict).toBe('fail')
  })
})

describe('verdict', () => {
  const r = (status: Row['status'], severity: Row['severity']) => ({ status, severity }) as Row
  it('is warn for warning-severity breaks, missing and incompatible metrics', () => {
    expect(verdictOf([r('regressed', 'warning'), r('pass', 'error')])).toBe('warn')
    expect(verdictOf([r('missing', 'error')])).toBe('warn')
    expect(verdictOf([r('incompatible', 'error')])).toBe('warn')
    expect(verdictOf([r('regressed', 'notice'), r('improved', 'error'), r('new', 'error')])).toBe('pass')
    expect(verdictOf([r('failed', 'warning'), r('error', 'error')])).toBe('fail')
  })
})

describe('compare: per-example data', () => {
  it('pairs by ids and applies significance: a small consistent worsening is a real regression', () => {
    // Every one of 12 examples drops by exactly 0.1: the sign-flip test's one-sided p is 1/2^12.
    const ids = Array.from({ length: 12 }, (_, i) => `ex${i}`)
    const baseScores = ids.map((_, i) => 0.5 + 0.02 * i)
    const headScores = baseScores.map((v) => v - 0.1)
    const c = compare({
      base: results([metric('m', { scores: baseScores, ids })]),
      head: results([metric('m', { scores: [...headScores].reverse(), ids: [...ids].reverse() })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.05, significance: 0.05 }) }
    })
    const r = c.rows[0]
    expect(r.paired).toBe(true)
    expect(r.status).toBe('regressed')
    expect(r.delta).toBeCloseTo(-0.1, 12)
    expect(r.pWorse).toBeCloseTo(1 / 4096, 12)
    expect(r.counts).toEqual({ worse: 12, better: 0, unchanged: 0, onlyBase: 0, onlyHead: 0 })
    expect(r.ci!.low).toBeCloseTo(-0.1, 9)
    expect(r.ci!.high).toBeCloseTo(-0.1, 9)
  })

  it('does not call noise a regression: a large but inconsistent drop on few examples is not significant', () => {
    const base = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3]
    const head = [0.3, 0.4, 0.5, 0.1, 0.6, 0.35] // mean drops by 0.1, half the examples improve
    const c = compare({
      base: results([metric('m', { scores: base })]),
      head: results([metric('m', { scores: head })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.05, significance: 0.05 }) }
    })
    expect(c.rows[0].status).toBe('pass')
    expect(c.rows[0].gates[0].ok).toBe(true)
    expect(c.rows[0].gates[0].detail).toMatch(/\(not significant\)$/)
    // The same numbers without `significance`: the point estimate decides.
    const plain = compare({
      base: results([metric('m', { scores: base })]),
      head: results([metric('m', { scores: head })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.05 }) }
    })
    expect(plain.rows[0].status).toBe('regressed')
  })

  it('marks a changed eval set incompatible instead of comparing', () => {
    const c = compare({
      base: results([metric('m', { value: 0.5, fingerprint: 'sha256:aaaa' })]),
      head: results([metric('m', { value: 0.1, fingerprint: 'sha256:bbbb' })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.01 }) }
    })
    expect(c.rows[0].status).toBe('incompatible')
    expect(c.rows[0].notes).toEqual(['not compared: the eval set differs (ids or labels changed), so the numbers are not comparable'])
    expect(c.verdict).toBe('warn')
  })

  it('marks changed params incompatible', () => {
    const c = compare({
      base: results([metric('m', { value: 0.5, params: { eps: 0 } })]),
      head: results([metric('m', { value: 0.5, params: { eps: 0.1 } })]),
      defaults,
      gates: {}
    })
    expect(c.rows[0].status).toBe('incompatible')
  })

  it('uses the CI bound for min/max when significance is set', () => {
    const head = results([metric('m', { value: 0.58, ci: { level: 0.95, low: 0.5, high: 0.66 } })])
    const strict = compare({ head, base: null, defaults, gates: { m: gate({ min: 0.6 }) } })
    expect(strict.rows[0].status).toBe('failed')
    const tested = compare({ head, base: null, defaults, gates: { m: gate({ min: 0.6, significance: 0.05 }) } })
    expect(tested.rows[0].status).toBe('new') // the CI reaches 0.66 ≥ 0.6: not shown to be below the floor
    const clear = compare({
      head: results([metric('m', { value: 0.5, ci: { level: 0.95, low: 0.45, high: 0.55 } })]),
      base: null,
      defaults,
      gates: { m: gate({ min: 0.6, significance: 0.05 }) }
    })
    expect(clear.rows[0].status).toBe('failed')
    expect(clear.rows[0].gates[0].detail).toBe('CI upper bound 0.55 < min 0.6')
  })

  it('applies Holm across significance-gated metrics', () => {
    // Two metrics, each 8 of 8 examples worse by 0.1: one-sided p = 1/256 each; Holm: 2/256 and 1/256 → both 2/256.
    const ids = Array.from({ length: 8 }, (_, i) => `e${i}`)
    const b = ids.map((_, i) => i / 10)
    const h = b.map((v) => v - 0.1)
    const c = compare({
      base: results([metric('a', { scores: b, ids }), metric('b', { scores: b, ids })]),
      head: results([metric('a', { scores: h, ids }), metric('b', { scores: h, ids })]),
      defaults,
      gates: { a: gate({ 'max-regression': 0.05, significance: 0.05 }), b: gate({ 'max-regression': 0.05, significance: 0.05 }) }
    })
    for (const r of c.rows) {
      expect(r.pWorse).toBeCloseTo(1 / 256, 12)
      expect(r.pAdjusted).toBeCloseTo(2 / 256, 12)
    }
  })
})

describe('compare: history fence for scalar metrics', () => {
  // history 1..5: numpy percentiles Q1 = 2, Q3 = 4, IQR = 2 → fence [−1, 7]
  const history = { v: [1, 2, 3, 4, 5] }
  const run = (head: number, g: GateSpec['gate'], h: Record<string, number[]> = history) =>
    compare({ base: results([metric('v', { value: 3 })]), head: results([metric('v', { value: head })]), defaults, gates: { v: gate(g) }, history: h }).rows[0]

  it('flags a value beyond the fence only with gate.history: iqr', () => {
    expect(run(-2, { history: 'iqr' }).status).toBe('regressed')
    expect(run(-2, { history: 'iqr' }).gates).toEqual([
      { rule: 'history', limit: 'iqr', ok: false, detail: '−2 is outside the IQR fence [−1, 7] from 5 earlier values: 1, 2, 3, 4, 5' }
    ])
    expect(run(-0.5, { history: 'iqr' }).status).toBe('pass')
    expect(run(-2, {}).status).toBe('pass')
  })
  it('needs at least 5 earlier values', () => {
    expect(run(-2, { history: 'iqr' }, { v: [1, 2, 3, 4] }).status).toBe('pass')
  })
})

describe('compare: eval sets that differ a little or a lot', () => {
  const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `ex${from + i}`)
  const scores = (n: number, shift = 0) => Array.from({ length: n }, (_, i) => (i % 7) / 10 + shift)

  it('pairs on the shared ids when a few examples were added or dropped, and reports the rest', () => {
    const c = compare({
      base: results([metric('m', { scores: scores(10), ids: ids(0, 10), fingerprint: 'sha256:1' })]),
      head: results([metric('m', { scores: scores(10), ids: ids(2, 12), fingerprint: 'sha256:2' })]),
      defaults,
      gates: {}
    })
    const r = c.rows[0]
    expect(r.status).not.toBe('incompatible')
    expect(r.paired).toBe(true)
    expect(r.counts).toMatchObject({ onlyBase: 2, onlyHead: 2 })
    // ex0, ex1 only in the base; ex10, ex11 only in the head; ex2..ex9 paired
    expect(r.coverage).toEqual({ base: 10, head: 10, paired: 8, lost: 2, headOnly: 2, exact: true })
    // paired ex2..ex9: base (.2+.3+.4+.5+.6+0+.1+.2)/8 = 0.2875, head (0+.1+.2+.3+.4+.5+.6+0)/8 = 0.2625; full runs 2.4/10 each
    expect(r.pairedBase).toBeCloseTo(0.2875, 12)
    expect(r.pairedHead).toBeCloseTo(0.2625, 12)
    expect(r.delta).toBeCloseTo(-0.025, 12)
    expect(r.notes).toEqual([
      '8/10 examples paired: this run lost 2 (missing, or NaN where the baseline had a value); 2 scored only by this run (not compared); full run: base 0.24 (10 examples), head 0.24 (10)'
    ])
  })

  it('calls a mostly different eval set incompatible', () => {
    const c = compare({
      base: results([metric('m', { scores: scores(10), ids: ids(0, 10), fingerprint: 'sha256:1' })]),
      head: results([metric('m', { scores: scores(10), ids: ids(6, 16), fingerprint: 'sha256:2' })]),
      defaults,
      gates: {}
    })
    expect(c.rows[0].status).toBe('incompatible')
    expect(c.rows[0].notes).toEqual(['not compared: the eval set changed: only 4 of 10 baseline examples are in this run (10 examples)'])
  })
})

describe('compare: the base branch gate applies too', () => {
  const base = results([
    metric('m', { value: 0.8, gate: { 'max-regression': 0.01 }, severity: 'error' }),
    metric('gone', { value: 1, gate: { min: 0.5 }, severity: 'error' })
  ])
  const head = results([metric('m', { value: 0.7 })])

  it('holds the PR to the baseline gate when its config loosens it, and says so', () => {
    const c = compare({ base, head, defaults, gates: { m: gate({ 'max-regression': 0.5 }, 'notice') } })
    const r = row(c.rows, 'm')
    // 0.1 worse: over the base's 0.01, within the PR's 0.5; the failing check decides
    expect(r.status).toBe('regressed')
    expect(r.severity).toBe('error')
    expect(r.gates.map(({ rule, limit, ok, from }) => ({ rule, limit, ok, from }))).toEqual([
      { rule: 'max-regression', limit: 0.01, ok: false, from: 'base' },
      { rule: 'max-regression', limit: 0.5, ok: true, from: 'head' }
    ])
    expect(r.notes).toEqual([
      'this PR changes the gate of m from {max-regression: 0.01} to {max-regression: 0.5}: both apply until the change is merged, and a check failing in either fails',
      'this PR changes the severity of m from error to notice: the stricter (error) applies until the change is merged'
    ])
    expect(c.verdict).toBe('fail')
  })

  it('does not let a removed metric pass silently', () => {
    const c = compare({ base, head, defaults, gates: { m: gate({ 'max-regression': 0.01 }) } })
    const r = row(c.rows, 'gone')
    expect(r.status).toBe('missing')
    expect(r.notes).toEqual([
      'in the baseline but not computed now: removed from the config, or renamed; the base branch gates it with severity error, so review the removal'
    ])
    expect(row(c.rows, 'm').notes ?? []).toEqual([])
  })
})

describe('compare: per-example scores left out above max-examples', () => {
  it('compares n, mean and sd unpaired (Welch) and says so', () => {
    const omitted = (mean: number, sd: number, n: number) =>
      metric('m', { value: mean, n, summary: { n, mean, sd }, examples: { omitted: { total: n, cap: 10 } } })
    const c = compare({
      base: results([omitted(0.5, 0.2, 100)]),
      head: results([omitted(0.45, 0.25, 120)]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.01, significance: 0.05 }) }
    })
    const r = c.rows[0]
    // scipy: one-sided p = norm.cdf(−0.05 / √(0.2²/100 + 0.25²/120)) = 0.04970659955783459
    expect(r.paired).toBe(false)
    expect(r.pWorse).toBeCloseTo(0.04970659955783459, 12)
    expect(r.ci!.low).toBeCloseTo(-0.10947556919208512, 12)
    expect(r.status).toBe('regressed')
    expect(r.notes).toContain('unpaired, from n, mean and sd (Welch normal approximation): per-example scores were left out above max-examples')
  })
})

describe('compare: a PR cannot flip which way is better', () => {
  it('keeps the baseline direction, so a worsening stays a regression', () => {
    const c = compare({
      base: results([metric('m', { value: 0.3, direction: 'lower', gate: { 'max-regression': 0.01 }, severity: 'error' })]),
      head: results([metric('m', { value: 0.4, direction: 'higher' })]),
      defaults,
      gates: { m: gate({ 'max-regression': 0.01 }) }
    })
    const r = c.rows[0]
    expect(r.direction).toBe('lower')
    expect(r.status).toBe('regressed')
    expect(r.notes).toContain(
      'this PR changes the direction of m from "lower is better" to "higher is better"; the base branch\'s direction applies until the change is merged'
    )
  })
})
