import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/comparison.js'
import { renderJunit } from '../../src/report/junit.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { metric, results } from '../helpers/results.js'

const defaults = { confidence: 0.95, resamples: 200, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100_000, 'min-slice-size': 20 } as const
const gate = { 'max-regression': 0.01 }
const notComputed = (id: string) =>
  metric(id, { value: null, n: 0, error: 'not computed: SAEBench writes NaN as -1', notComputed: true, gate, severity: 'notice' })

describe('a number the library marked "not computed"', () => {
  it('in a gated baseline is not a broken baseline, while a plain null value is', () => {
    const head = results([metric('m', { value: 0.98, gate })])
    const ok = compare({ head, base: results([notComputed('m')]), gates: { m: { gate, severity: 'error' } }, defaults })
    expect(ok.rows[0].status).toBe('new')
    expect(ok.rows[0].notes?.join(' ')).toContain('the baseline could not compute it: not computed')
    const broken = results([metric('m', { value: null, n: 0, gate })])
    expect(() => compare({ head, base: broken, gates: { m: { gate, severity: 'error' } }, defaults })).toThrow(/metric "m" has no value in the baseline/)
  })

  it('in the head is a "not computed" row, never improved or regressed, and a skipped JUnit case', () => {
    const c = compare({ head: results([notComputed('m')]), base: results([notComputed('m')]), gates: {}, defaults })
    expect(c.rows[0]).toMatchObject({ status: 'error', notComputed: true, delta: null })
    expect(c.verdict).toBe('pass')
    const md = renderMarkdown(c)
    expect(md).toContain('**1 not computed**')
    expect(md).toContain('| ⚪ not computed |')
    expect(renderJunit(c, { timestamp: '2026-01-01T00:00:00.000Z' })).toMatch(/<skipped[^>]*message="m: not computed: SAEBench writes NaN as -1"/)
  })
})
