// What a row says about the decisions behind it: accept entries that cannot apply, lost per-example data, Holm.
import { describe, expect, it } from 'vitest'
import { compare, type GateSpec } from '../../src/compare/comparison.js'
import type { Defaults } from '../../src/config/config-schema.js'
import type { Results } from '../../src/results/results-schema.js'
import { metric, results } from '../helpers/results.js'

const defaults: Defaults = { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100000, 'min-slice-size': 20 }
const gate = (g: GateSpec['gate'], severity: GateSpec['severity'] = 'error'): GateSpec => ({ gate: g, severity })
const withAccept = (r: Results, metricId: string, reason: string): Results => ({ ...r, accept: [{ metric: metricId, reason }] })

describe('accept entries that cannot accept', () => {
  const base = results([metric('m', { value: 0.8 })])
  it('does not lift a failed bound, and says so whether or not a regression also failed', () => {
    const both = compare({
      base,
      head: withAccept(results([metric('m', { value: 0.5 })]), 'm', 'why'),
      defaults,
      gates: { m: gate({ min: 0.6, 'max-regression': 0.05 }) }
    }).rows[0]
    expect(both.status).toBe('failed')
    expect(both.notes).toContain('accept ("why") covers regressions (max-regression, max-dropped, history, slice), not the bounds min/max: still failed')
    const bound = compare({ base, head: withAccept(results([metric('m', { value: 0.5 })]), 'm', 'why'), defaults, gates: { m: gate({ min: 0.6 }) } }).rows[0]
    expect(bound.status).toBe('failed')
    expect(bound.notes).toContain('accept ("why") does not cover the bounds min/max: still failed')
  })
  it('says an entry for a passing metric has nothing to accept', () => {
    const r = compare({ base, head: withAccept(results([metric('m', { value: 0.8 })]), 'm', 'why'), defaults, gates: { m: gate({ 'max-regression': 0.05 }) } })
      .rows[0]
    expect(r.status).toBe('pass')
    expect(r.notes).toEqual(['accept entry "why" has nothing to accept (status pass): remove it unless a regression is expected'])
  })
  it('names an entry for a metric the comparison does not have', () => {
    const c = compare({ base, head: withAccept(results([metric('m', { value: 0.8 })]), 'typo', 'why'), defaults, gates: {} })
    expect(c.notes).toEqual(['accept entry for "typo" names no metric of this comparison: remove it'])
  })
})

describe('per-example data on one side only', () => {
  it('compares by point value and says which run lost its scores', () => {
    const r = compare({
      base: results([metric('m', { value: 0.5 })]),
      head: results([metric('m', { scores: [0.4, 0.6, 0.5] })]),
      defaults,
      gates: {}
    }).rows[0]
    expect(r.paired).toBeNull()
    expect(r.ci).toBeNull()
    expect(r.notes).toContain('the baseline kept no per-example data: compared by point value, no CI or test')
  })
})

describe("Holm's correction", () => {
  const ids = Array.from({ length: 12 }, (_, i) => `e${i}`)
  const base = ids.map((_, i) => 0.5 + 0.02 * i)
  const run = (correction: Defaults['correction']) =>
    compare({
      base: results([metric('a', { scores: base, ids }), metric('b', { scores: base, ids })]),
      head: results([metric('a', { scores: base.map((v) => v - 0.1), ids }), metric('b', { scores: base.map((v) => v - 0.1), ids })]),
      defaults: { ...defaults, correction },
      gates: { a: gate({ 'max-regression': 0.05, significance: 0.05 }), b: gate({ 'max-regression': 0.05, significance: 0.05 }) }
    }).rows
  it('adjusts the p of every significance-gated metric: two tests of p = 1/4096 each become 2/4096', () => {
    for (const r of run('holm')) expect(r.pAdjusted).toBe(2 / 4096)
  })
  it('leaves p alone without correction', () => {
    for (const r of run('none')) expect(r.pAdjusted).toBeUndefined()
  })
})
