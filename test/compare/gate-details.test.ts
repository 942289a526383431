// The small rules behind a gate's verdict and its words, each with hand-computed values.
import { describe, expect, it } from 'vitest'
import { compare, type GateSpec } from '../../src/compare/comparison.js'
import { droppedCheck } from '../../src/compare/coverage.js'
import { checkGates, gateText, pWorseLabel, sameGate } from '../../src/compare/gates.js'
import type { Defaults } from '../../src/config/config-schema.js'
import type { Coverage } from '../../src/results/results-schema.js'
import { metric, results } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const gate = (g: GateSpec['gate'], severity: GateSpec['severity'] = 'error'): GateSpec => ({ gate: g, severity })
const coverage = (base: number, lost: number, exact = true): Coverage => ({ base, head: base - lost, paired: base - lost, lost, headOnly: 0, exact })

describe('max-dropped', () => {
  it('allows N% of the baseline examples, rounded down', () => {
    // 10% of 15 = 1.5 → 1 allowed; 50% of 3 = 1.5 → 1; 20% of 10 = 2 exactly
    expect(droppedCheck('10%', coverage(15, 1)).ok).toBe(true)
    expect(droppedCheck('10%', coverage(15, 2)).ok).toBe(false)
    expect(droppedCheck('50%', coverage(3, 1)).ok).toBe(true)
    expect(droppedCheck('20%', coverage(10, 2)).ok).toBe(true)
    expect(droppedCheck('20%', coverage(10, 3)).ok).toBe(false)
    expect(droppedCheck(2, coverage(10, 2)).ok).toBe(true)
    expect(droppedCheck(2, coverage(10, 3)).ok).toBe(false)
  })
  it('says "at least" when the loss is a lower bound from n', () => {
    expect(droppedCheck(0, coverage(10, 3, false))).toEqual({
      rule: 'max-dropped',
      limit: 0,
      ok: false,
      detail: 'lost at least 3 of 10 baseline examples > allowed 0'
    })
    expect(droppedCheck(0, coverage(10, 0))).toEqual({ rule: 'max-dropped', limit: 0, ok: true })
  })
})

describe('gate words', () => {
  it('labels p as Holm-adjusted only when the correction changed it', () => {
    expect(pWorseLabel(0.01, undefined)).toBe('p(worse)')
    expect(pWorseLabel(0.01, null)).toBe('p(worse)')
    expect(pWorseLabel(0.01, 0.01)).toBe('p(worse)')
    expect(pWorseLabel(0.01, 0.03)).toBe('p(worse, Holm)')
  })
  it('writes a gate with its keys sorted and unset keys left out', () => {
    expect(gateText({ significance: 0.05, 'max-regression': '2%', min: undefined })).toBe('{max-regression: 2%, significance: 0.05}')
    expect(gateText({})).toBe('{}')
  })
  it('compares gates by their set keys, in any order', () => {
    expect(sameGate({ min: 1, max: 2 }, { max: 2, min: 1, history: undefined })).toBe(true)
    expect(sameGate({ min: 1 }, { min: 1, max: 2 })).toBe(false)
    expect(sameGate({ min: 1 }, { min: 2 })).toBe(false)
  })
})

describe('both gates', () => {
  const evidence = { head: 0.7, headCi: null, direction: 'higher' as const, regression: { base: 0.8, head: 0.7, pWorse: null } }
  it('lists a check both gates give alike once, and marks the others by whose they are', () => {
    const { checks } = checkGates({ min: 0.5, 'max-regression': 0.05 }, { min: 0.5, 'max-regression': 0.2 }, evidence)
    expect(checks).toEqual([
      { rule: 'min', limit: 0.5, ok: true },
      { rule: 'max-regression', limit: 0.05, ok: false, detail: 'worsened by 0.1 > allowed 0.05', from: 'base' },
      { rule: 'max-regression', limit: 0.2, ok: true, from: 'head' }
    ])
  })
  it('checks the head gate alone when the base gate is the same or absent', () => {
    expect(checkGates(undefined, { min: 0.5 }, evidence).checks).toEqual([{ rule: 'min', limit: 0.5, ok: true }])
    expect(checkGates({ min: 0.5 }, { min: 0.5 }, evidence).checks).toEqual([{ rule: 'min', limit: 0.5, ok: true }])
  })
  it('says a bound without significance is decided by the point value, even with a CI', () => {
    const { checks } = checkGates(undefined, { max: 0.65 }, { ...evidence, headCi: { level: 0.95, low: 0.6, high: 0.8 } })
    expect(checks).toEqual([{ rule: 'max', limit: 0.65, ok: false, detail: '0.7 > max 0.65' }])
  })
  it('lists many earlier values as a range', () => {
    const history = Array.from({ length: 12 }, (_, i) => i + 1)
    const { checks } = checkGates(undefined, { history: 'iqr' }, { head: 30, headCi: null, direction: 'lower', history })
    // numpy: percentile(1..12, [25, 75]) = [3.75, 9.25]; fence [3.75 − 8.25, 9.25 + 8.25] = [−4.5, 17.5]
    expect(checks).toEqual([
      { rule: 'history', limit: 'iqr', ok: false, detail: '30 is outside the IQR fence [−4.5, 17.5] from 12 earlier values from 1 to 12' }
    ])
  })
})

describe('row fields', () => {
  const run = (base: number, head: number, g: GateSpec['gate'] = {}) =>
    compare({ base: results([metric('m', { value: base })]), head: results([metric('m', { value: head })]), defaults, gates: { m: gate(g) } }).rows[0]
  it('has no relative Δ against a zero baseline', () => {
    expect(run(0, 0.5).relDelta).toBeNull()
    expect(run(-2, -1).relDelta).toBeCloseTo(0.5, 12)
  })
  it('calls a scalar metric improved or not by its point value in its direction', () => {
    expect(run(0.5, 0.6).status).toBe('improved')
    expect(run(0.5, 0.5).status).toBe('pass')
    const lower = compare({
      base: results([metric('m', { value: 0.5, direction: 'lower' })]),
      head: results([metric('m', { value: 0.4, direction: 'lower' })]),
      defaults,
      gates: {}
    }).rows[0]
    expect(lower.status).toBe('improved')
  })
  it('calls per-example data improved only when the CI of Δ excludes 0 on the good side', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `e${i}`)
    const base = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    const runScores = (head: number[], direction: 'higher' | 'lower') =>
      compare({
        base: results([metric('m', { scores: base, ids, direction })]),
        head: results([metric('m', { scores: head, ids, direction })]),
        defaults,
        gates: {}
      }).rows[0]
    // every example +0.1: the bootstrap CI of Δ is [0.1, 0.1]
    expect(
      runScores(
        base.map((v) => v + 0.1),
        'higher'
      ).status
    ).toBe('improved')
    expect(
      runScores(
        base.map((v) => v + 0.1),
        'lower'
      ).status
    ).toBe('pass')
    expect(
      runScores(
        base.map((v) => v - 0.1),
        'lower'
      ).status
    ).toBe('improved')
    // half up, half down by the same amount: the CI straddles 0
    expect(
      runScores(
        base.map((v, i) => v + (i % 2 ? 0.1 : -0.1)),
        'higher'
      ).status
    ).toBe('pass')
  })
  it('reports a removed metric missing, warning unless the base branch gates it with severity error', () => {
    const c = compare({ base: results([metric('gone', { value: 1 })]), head: results([]), defaults, gates: {} })
    expect(c.rows[0]).toMatchObject({ status: 'missing', severity: 'warning' })
    expect(c.rows[0].notes).toEqual(['in the baseline but not computed now: removed from the config, or renamed'])
    expect(c.verdict).toBe('warn')
  })
})
