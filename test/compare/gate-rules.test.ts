import { describe, expect, it } from 'vitest'
import { applyAccept, splitAccept } from '../../src/compare/accept.js'
import { compare } from '../../src/compare/comparison.js'
import { coverageNote, coverageOf } from '../../src/compare/coverage.js'
import { checkGates, type GateEvidence, regressionCheck } from '../../src/compare/gates.js'
import type { Defaults } from '../../src/config/config-schema.js'
import type { Coverage, Row } from '../../src/results/results-schema.js'
import { metric, results, row } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const ci = (low: number | null, high: number | null) => ({ level: 0.95, low, high }) as GateEvidence['headCi']
const rules = (checks: { rule: string; limit: unknown; ok: boolean; from?: string }[]) =>
  checks.map(({ rule, limit, ok, from }) => ({ rule, limit, ok, ...(from ? { from } : {}) }))

describe('min and max', () => {
  it('without significance the point value decides, even when the CI of the head reaches over the bound', () => {
    const { checks } = checkGates(undefined, { min: 0.6 }, { head: 0.55, headCi: ci(0.5, 0.65), direction: 'higher' })
    expect(rules(checks)).toEqual([{ rule: 'min', limit: 0.6, ok: false }])
  })

  it('with significance the CI decides, but only a CI with both ends', () => {
    expect(checkGates(undefined, { min: 0.6, significance: 0.05 }, { head: 0.55, headCi: ci(0.5, 0.65), direction: 'higher' }).checks[0].ok).toBe(true)
    expect(checkGates(undefined, { min: 0.6, significance: 0.05 }, { head: 0.55, headCi: ci(null, 0.65), direction: 'higher' }).checks[0].ok).toBe(false)
    expect(checkGates(undefined, { max: 0.5, significance: 0.05 }, { head: 0.55, headCi: ci(0.45, null), direction: 'higher' }).checks[0].ok).toBe(false)
  })
})

describe('max-regression', () => {
  it('a worsening equal to the margin passes at any magnitude (rounding relative to the values, not to 1)', () => {
    // 123456.8 − (123456.8 − 0.1) is 0.1 + 5.8e-12 in float64 (numpy agrees): within 1e-12 of the values' size.
    const base = 123456.8
    const check = regressionCheck({ 'max-regression': 0.1 }, { base, head: base - 0.1, direction: 'higher', pWorse: null })!
    expect(check.ok).toBe(true)
    // 2e-10 beyond the margin at the same magnitude is still rounding; 2e-6 is a worsening.
    expect(regressionCheck({ 'max-regression': 0.1 }, { base, head: base - 0.1 - 2e-6, direction: 'higher', pWorse: null })!.ok).toBe(false)
  })
})

describe('max-dropped', () => {
  const coverage = (lost: number): Coverage => ({ base: 10, head: 10 - lost, paired: 10 - lost, lost, headOnly: 0, exact: true })
  const evidence = (lost: number): GateEvidence => ({
    head: 0.5,
    headCi: null,
    direction: 'higher',
    regression: { base: 0.5, head: 0.5, pWorse: null },
    coverage: coverage(lost)
  })

  it('a gated metric that lost examples gets the default max-dropped 0, and fails it', () => {
    expect(rules(checkGates(undefined, { 'max-regression': 0.1 }, evidence(2)).checks)).toEqual([
      { rule: 'max-regression', limit: 0.1, ok: true },
      { rule: 'max-dropped', limit: 0, ok: false }
    ])
  })

  it('is listed when set, also with nothing lost; not listed for an ungated metric', () => {
    expect(rules(checkGates(undefined, { 'max-dropped': 1 }, evidence(0)).checks)).toEqual([{ rule: 'max-dropped', limit: 1, ok: true }])
    expect(checkGates(undefined, {}, evidence(2)).checks).toEqual([])
  })
})

describe('history: iqr', () => {
  const e = (history: number[]): GateEvidence => ({ head: 0.5, headCi: null, direction: 'higher', history })

  it('counts only finite earlier values, and says how many it found', () => {
    const { checks, notes } = checkGates(undefined, { history: 'iqr' }, e([0.5, Number.NaN, 0.6, Number.POSITIVE_INFINITY, 0.55, 0.52]))
    expect(checks).toEqual([])
    expect(notes).toEqual(['history: iqr not checked: it needs 5 earlier values, found 4'])
  })

  it('lists up to ten earlier values by name, and adds no note when checked', () => {
    const ten = [0.5, 0.51, 0.52, 0.53, 0.54, 0.55, 0.56, 0.57, 0.58, 0.59]
    const { checks, notes } = checkGates(undefined, { history: 'iqr' }, e(ten))
    expect(notes).toEqual([])
    expect(checks[0].detail).toMatch(/from 10 earlier values: 0\.5, 0\.51, .*, 0\.59$/)
    const eleven = checkGates(undefined, { history: 'iqr' }, e([...ten, 0.6])).checks[0]
    expect(eleven.detail).toMatch(/from 11 earlier values from 0\.5 to 0\.6$/)
  })
})

describe('both gates: the baseline gate and the head config', () => {
  const e: GateEvidence = { head: 0.55, headCi: ci(0.5, 0.65), direction: 'higher' }

  it('checks of the same rule with different limits are both listed, each saying whose it is', () => {
    expect(rules(checkGates({ min: 0.6 }, { min: 0.4 }, e).checks)).toEqual([
      { rule: 'min', limit: 0.6, ok: false, from: 'base' },
      { rule: 'min', limit: 0.4, ok: true, from: 'head' }
    ])
    // both passing: still two bounds, not one
    expect(rules(checkGates({ min: 0.5 }, { min: 0.4 }, e).checks)).toEqual([
      { rule: 'min', limit: 0.5, ok: true, from: 'base' },
      { rule: 'min', limit: 0.4, ok: true, from: 'head' }
    ])
  })

  it('a check both give alike is listed once; a rule only one gives says whose', () => {
    expect(rules(checkGates({ min: 0.4 }, { min: 0.4, max: 0.9 }, e).checks)).toEqual([
      { rule: 'min', limit: 0.4, ok: true },
      { rule: 'max', limit: 0.9, ok: true, from: 'head' }
    ])
  })

  it('the same rule and limit with different outcomes (one gate tests significance) are both listed', () => {
    expect(rules(checkGates({ min: 0.6, significance: 0.05 }, { min: 0.6 }, e).checks)).toEqual([
      { rule: 'min', limit: 0.6, ok: true, from: 'base' },
      { rule: 'min', limit: 0.6, ok: false, from: 'head' }
    ])
  })

  it('notes of either gate are kept, once', () => {
    const short: GateEvidence = { ...e, history: [0.5] }
    const note = 'history: iqr not checked: it needs 5 earlier values, found 1'
    expect(checkGates({ history: 'iqr' }, { min: 0.4 }, short).notes).toEqual([note])
    expect(checkGates({ min: 0.4 }, { history: 'iqr' }, short).notes).toEqual([note])
    expect(checkGates({ history: 'iqr', min: 0.1 }, { history: 'iqr' }, short).notes).toEqual([note])
  })
})

describe('coverage', () => {
  const m = metric('m', { value: 0.5, n: 4 })

  it('by id: an example counts as paired only when both runs have a finite score for it', () => {
    const base = { ids: ['a', 'b', 'c', 'd'], scores: Float64Array.of(1, 2, Number.NaN, 4) }
    const head = { ids: ['d', 'c', 'b', 'x'], scores: Float64Array.of(4, 3, Number.NaN, 5) }
    // a: not in head; b: NaN in head; c: NaN in base; d: paired. x: head only.
    expect(coverageOf(m, m, base, head)).toEqual({ base: 3, head: 3, paired: 1, lost: 2, headOnly: 2, exact: true })
  })

  it('without per-example data on one side the counts come from n, and the note says so', () => {
    const c = coverageOf(metric('m', { value: 0.5, n: 10 }), metric('m', { value: 0.5, n: 8 }), { scores: new Float64Array(10) }, undefined)
    expect(c).toEqual({ base: 10, head: 8, paired: 8, lost: 2, headOnly: 0, exact: false })
    expect(coverageNote(c)).toBe(
      '8/10 examples paired: this run lost at least 2 (missing, or NaN where the baseline had a value); the runs could not be paired example by example, so counts come from n'
    )
    expect(coverageNote({ ...c, exact: true })).toBe('8/10 examples paired: this run lost 2 (missing, or NaN where the baseline had a value)')
  })
})

describe('accept entries', () => {
  const entry = { metric: 'm', reason: 'expected: new tokenizer' }

  it('a run without accept entries, against a baseline without any, has none', () => {
    expect(splitAccept(results([]), results([]))).toEqual({ fresh: [], stale: [] })
    expect(splitAccept({ ...results([]), accept: [entry] }, null)).toEqual({ fresh: [entry], stale: [] })
  })

  it('an accepted regression keeps the notes the row had', () => {
    const regressed: Row = { ...row({ id: 'm', status: 'regressed' }), notes: ['10/12 examples paired'] }
    expect(applyAccept(regressed, [entry], []).notes).toEqual(['10/12 examples paired', 'regression accepted by this change: expected: new tokenizer'])
  })

  it('on a row failed by its bounds alone it says accept covers regressions, not bounds', () => {
    const failed: Row = { ...row({ id: 'm', status: 'failed' }), gates: [{ rule: 'min', limit: 0.5, ok: false }] }
    expect(applyAccept(failed, [entry], []).notes).toEqual(['accept ("expected: new tokenizer") does not cover the bounds min/max: still failed'])
  })
})

describe('gate policy', () => {
  it("a gate recorded in the head's results applies only with its severity; without one the defaults apply", () => {
    const base = results([metric('m', { value: 0.5 })])
    const withSeverity = compare({ base, head: results([metric('m', { value: 0.2, gate: { min: 0.4 }, severity: 'warning' })]), defaults, gates: {} })
    expect(withSeverity.rows[0]).toMatchObject({ status: 'failed', severity: 'warning' })
    const without = compare({ base, head: results([metric('m', { value: 0.2, gate: { min: 0.4 } })]), defaults, gates: {} })
    expect(without.rows[0].gates).toEqual([])
  })
})

describe('coverage with the same ids on both sides', () => {
  const m = metric('m', { value: 0.5, n: 3 })

  it('pairs row i with row i, counting finite scores on both', () => {
    const ids = ['a', 'b', 'c']
    const c = coverageOf(m, m, { ids, scores: Float64Array.of(1, Number.NaN, 3) }, { ids: [...ids], scores: Float64Array.of(Number.NaN, 2, 3) })
    expect(c).toEqual({ base: 2, head: 2, paired: 1, lost: 1, headOnly: 1, exact: true })
  })

  it('a repeated id makes the coverage inexact (from n), as with different ids', () => {
    const ids = ['a', 'b', 'a']
    const c = coverageOf(m, m, { ids, scores: Float64Array.of(1, 2, 3) }, { ids, scores: Float64Array.of(1, 2, 3) })
    expect(c.exact).toBe(false)
  })
})
