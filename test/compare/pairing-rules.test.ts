// How runs pair, what counts as covered, and when two results are not comparable at all: each rule by hand.
import { describe, expect, it } from 'vitest'
import { compare, type GateSpec } from '../../src/compare/comparison.js'
import { coverageChanged, coverageNote, coverageOf } from '../../src/compare/coverage.js'
import type { Defaults } from '../../src/config/config-schema.js'
import type { DecodedExamples } from '../../src/results/io.js'
import { encodeFloat64 } from '../../src/results/encode.js'
import { metric, results } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const gate = (g: GateSpec['gate'], severity: GateSpec['severity'] = 'error'): GateSpec => ({ gate: g, severity })
const f64 = (x: number[]) => Float64Array.from(x)
const n = (k: number) => metric('m', { value: 0.5, n: k })
const cov = (b: DecodedExamples | undefined, h: DecodedExamples | undefined, nb = 3, nh = 3) => coverageOf(n(nb), n(nh), b, h)

describe('coverageOf', () => {
  it('pairs by id and counts an example only where both runs scored it', () => {
    // a: NaN in base; b: NaN in head; c: both; so 1 paired, 1 lost (b), 1 only in the head (a)
    const ids = ['a', 'b', 'c']
    expect(cov({ ids, scores: f64([Number.NaN, 1, 2]) }, { ids, scores: f64([1, Number.NaN, 2]) })).toEqual({
      base: 2,
      head: 2,
      paired: 1,
      lost: 1,
      headOnly: 1,
      exact: true
    })
  })
  it('treats a row of columns with a NaN in any column as unscored', () => {
    const base = { columns: { x: f64([1, 2, 3]), y: f64([1, Number.NaN, 3]) } }
    const head = { columns: { x: f64([1, 2, 3]), y: f64([1, 2, 3]) } }
    expect(cov(base, head)).toEqual({ base: 2, head: 3, paired: 2, lost: 0, headOnly: 1, exact: true })
  })
  it('falls back to counts from n (a lower bound) when the rows cannot be matched', () => {
    const bound = { base: 5, head: 3, paired: 3, lost: 2, headOnly: 0, exact: false }
    const s = (k: number) => ({ scores: f64(Array.from({ length: k }, (_, i) => i)) })
    expect(cov({ ...s(3), ids: ['a', 'a', 'b'] }, { ...s(3), ids: ['a', 'b', 'c'] }, 5, 3)).toEqual(bound)
    expect(cov({ ...s(3), ids: ['a', 'b', 'c'] }, { ...s(3), ids: ['a', 'b', 'b'] }, 5, 3)).toEqual(bound)
    expect(cov({ ...s(3), ids: ['a', 'b', 'c'] }, s(3), 5, 3)).toEqual(bound)
    expect(cov(s(3), { ...s(3), ids: ['a', 'b', 'c'] }, 5, 3)).toEqual(bound)
    expect(cov(s(4), s(3), 5, 3)).toEqual(bound)
    expect(cov(undefined, s(3), 5, 3)).toEqual(bound)
    expect(cov(s(3), undefined, 5, 3)).toEqual(bound)
    expect(cov({ columns: {} }, s(3), 5, 3)).toEqual(bound)
    expect(cov(s(3), s(3), 3, 5)).toEqual({ base: 3, head: 3, paired: 3, lost: 0, headOnly: 0, exact: true })
    expect(cov(undefined, undefined, 3, 5)).toEqual({ base: 3, head: 5, paired: 3, lost: 0, headOnly: 2, exact: false })
  })
  it('calls coverage changed when an example was lost or added', () => {
    const c = { base: 3, head: 3, paired: 3, lost: 0, headOnly: 0, exact: true }
    expect(coverageChanged(undefined)).toBe(false)
    expect(coverageChanged(c)).toBe(false)
    expect(coverageChanged({ ...c, lost: 1 })).toBe(true)
    expect(coverageChanged({ ...c, headOnly: 1 })).toBe(true)
  })
  it('says only what happened: examples added without any lost', () => {
    expect(coverageNote({ base: 3, head: 5, paired: 3, lost: 0, headOnly: 2, exact: true })).toBe(
      '3/3 examples paired: 2 scored only by this run (not compared)'
    )
  })
})

describe('results that are not comparable', () => {
  const run = (b: Partial<Parameters<typeof metric>[1]>, h: Partial<Parameters<typeof metric>[1]>) =>
    compare({ base: results([metric('m', { value: 0.5, ...b })]), head: results([metric('m', { value: 0.5, ...h })]), defaults, gates: {} }).rows[0]
  it('are another metric or other params', () => {
    expect(run({ metric: 'mean' }, { metric: 'accuracy' })).toMatchObject({
      status: 'incompatible',
      notes: ['not compared: the metric changed from "mean" to "accuracy"']
    })
    expect(run({ params: { k: 1 } }, { params: { k: 2 } })).toMatchObject({
      status: 'incompatible',
      notes: ['not compared: params differ: base {"k":1}, head {"k":2}']
    })
  })
  it('are another eval set: fingerprints differ and no ids say how much', () => {
    expect(run({ fingerprint: 'sha256:1' }, { fingerprint: 'sha256:2' })).toMatchObject({
      status: 'incompatible',
      notes: ['not compared: the eval set differs (ids or labels changed), so the numbers are not comparable']
    })
  })
  it('are compared when a fingerprint is missing on either side, or equal', () => {
    expect(run({ fingerprint: 'sha256:1' }, {}).status).toBe('pass')
    expect(run({}, { fingerprint: 'sha256:2' }).status).toBe('pass')
    expect(run({ fingerprint: 'sha256:1' }, { fingerprint: 'sha256:1' }).status).toBe('pass')
  })
  it('are checked against their bounds only', () => {
    const r = compare({
      base: results([metric('m', { value: 0.9, metric: 'mean' })]),
      head: results([metric('m', { value: 0.5, metric: 'accuracy' })]),
      defaults,
      gates: { m: gate({ min: 0.6, 'max-regression': 0.01 }) }
    }).rows[0]
    expect(r.status).toBe('failed')
    expect(r.gates.map((g) => g.rule)).toEqual(['min'])
  })
})

describe('rows without a comparison', () => {
  it('are errors when the head has no value, with its error or "no value"', () => {
    const c = compare({
      base: null,
      head: results([metric('e', { value: null, error: 'c.yml:3:5 broken' }), metric('v', { value: null })]),
      defaults,
      gates: {}
    })
    expect(c.rows.find((r) => r.id === 'e')).toMatchObject({ status: 'error', notes: ['c.yml:3:5 broken'] })
    expect(c.rows.find((r) => r.id === 'v')).toMatchObject({ status: 'error', notes: ['no value'] })
  })
  it('are new, saying why the baseline has no value', () => {
    const r = compare({
      base: results([metric('m', { value: null, error: 'file not found' })]),
      head: results([metric('m', { value: 0.5 })]),
      defaults,
      gates: {}
    }).rows[0]
    expect(r).toMatchObject({ status: 'new', base: null, delta: null, notes: ['the baseline could not compute it: file not found'] })
  })
  it('note examples left out above max-examples', () => {
    const r = compare({
      base: null,
      head: results([metric('m', { value: 0.5, examples: { omitted: { total: 200, cap: 100 } } })]),
      defaults,
      gates: {}
    }).rows[0]
    expect(r.notes).toEqual(['200 examples exceed max-examples (100): per-example scores were not kept, only n, mean and sd'])
  })
  it('record the runs and the baseline note', () => {
    const base = results([metric('m', { value: 0.5 })], 'b'.repeat(40))
    const c = compare({ base, head: results([metric('m', { value: 0.5 })]), defaults, gates: {}, baselineNote: 'the base commit' })
    expect(c.base).toEqual({ suite: 's', commit: 'b'.repeat(40), ref: 'refs/heads/main' })
    expect(c.head).toEqual({ suite: 's', commit: 'a'.repeat(40), ref: 'refs/heads/main' })
    expect(c.baselineNote).toBe('the base commit')
    expect(compare({ base, head: results([]), defaults, gates: {} }).baselineNote).toBeUndefined()
  })
  it('say a removed metric gated with severity error needs review; other severities do not', () => {
    const gone = (severity: 'error' | 'warning', g = { min: 0.5 }) =>
      compare({ base: results([metric('m', { value: 1, severity, gate: g })]), head: results([]), defaults, gates: {} }).rows[0]
    expect(gone('error').notes![0]).toMatch(/; the base branch gates it with severity error, so review the removal$/)
    expect(gone('warning').notes![0]).toBe('in the baseline but not computed now: removed from the config, or renamed')
    expect(gone('error', {} as { min: number }).notes![0]).toBe('in the baseline but not computed now: removed from the config, or renamed')
    expect(gone('error').severity).toBe('error')
  })
})

describe('which p Holm adjusts', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `e${i}`)
  const base = ids.map((_, i) => 0.5 + 0.02 * i)
  const m = (id: string, scores: number[], extra = {}) => metric(id, { scores, ids, ...extra })
  it('only significance-gated metrics, by either gate', () => {
    const c = compare({
      base: results([m('head-gated', base), m('base-gated', base, { gate: { significance: 0.05 }, severity: 'error' }), m('plain', base)]),
      head: results([m('head-gated', base), m('base-gated', base), m('plain', base)]),
      defaults,
      gates: { 'head-gated': gate({ significance: 0.05 }), 'base-gated': gate({}), plain: gate({ 'max-regression': 0.1 }) }
    })
    // identical runs: p(worse) = 1 for both tested metrics, so Holm's adjusted p is 1 too
    expect(c.rows.find((r) => r.id === 'head-gated')!.pAdjusted).toBe(1)
    expect(c.rows.find((r) => r.id === 'base-gated')!.pAdjusted).toBe(1)
    expect(c.rows.find((r) => r.id === 'plain')!.pAdjusted).toBeUndefined()
  })
})

describe('regression check words', () => {
  const run = (headValue: number, g: GateSpec['gate']) =>
    compare({ base: results([metric('m', { value: 0.8 })]), head: results([metric('m', { value: headValue })]), defaults, gates: { m: gate(g) } }).rows[0]
  it('passes a worsening equal to the margin', () => {
    expect(run(0.75, { 'max-regression': 0.05 }).status).not.toBe('regressed')
    expect(run(0.7, { 'max-regression': 0.05 }).status).toBe('regressed')
  })
  it('says the point estimate decides when significance is set but there is no test', () => {
    expect(run(0.7, { 'max-regression': 0.05, significance: 0.05 }).gates[0].detail).toBe(
      'worsened by 0.1 > allowed 0.05 (no per-example data for a test: point estimate decides)'
    )
  })
})

describe('binary scores', () => {
  const flags = (k: number, ones: number) => Array.from({ length: k }, (_, i) => (i < ones ? 1 : 0))
  const run = (baseBinary: boolean, headBinary: boolean) =>
    compare({
      base: results([metric('m', { scores: flags(10, 8), binary: baseBinary })]),
      head: results([metric('m', { scores: flags(10, 4), binary: headBinary })]),
      defaults,
      gates: {}
    }).rows[0]
  it("use McNemar's test only when both runs are 0/1", () => {
    // examples 4..7 went 1 → 0: 4 worse, 0 better; McNemar one-sided p = 0.5^4
    const r = run(true, true)
    expect(r.test).toBe('mcnemar-exact')
    expect(r.pWorse).toBe(1 / 16)
    expect(r.counts).toEqual({ worse: 4, better: 0, unchanged: 6, onlyBase: 0, onlyHead: 0 })
    expect(run(true, false).test).toBe('sign-flip-exact')
    expect(run(false, true).test).toBe('sign-flip-exact')
  })
})

describe('per-example data kept by one side only', () => {
  it('says which side lost it', () => {
    const r = compare({
      base: results([metric('m', { scores: [0.4, 0.6, 0.5] })]),
      head: results([metric('m', { value: 0.5 })]),
      defaults,
      gates: {}
    }).rows[0]
    expect(r.notes).toContain('this run kept no per-example data: compared by point value, no CI or test')
  })
  it('says nothing for scalar metrics, which never have any', () => {
    const r = compare({ base: results([metric('m', { value: 0.5 })]), head: results([metric('m', { value: 0.5 })]), defaults, gates: {} }).rows[0]
    expect(r.notes).toBeUndefined()
  })
  it('does not use columns without an aggregate to resample them', () => {
    const cols = { examples: { columns: { x: encodeFloat64(f64([1, 2, 3])) } } }
    const r = compare({ base: results([metric('m', { value: 2, ...cols })]), head: results([metric('m', { value: 2, ...cols })]), defaults, gates: {} }).rows[0]
    expect(r.paired).toBeNull()
    expect(r.ci).toBeNull()
  })
})
