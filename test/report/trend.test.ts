import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import { sparkline, trendCell, trendChart, trendRange } from '../../src/report/trend.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { row } from '../helpers/results.js'

describe('trend views', () => {
  it('sparkline: eight levels between min and max (by hand: 0..7 → one bar each)', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█')
    expect(sparkline([5, 5, 5])).toBe('▄▄▄')
  })

  it('trend cell: base values, then ▸ and this run on the same scale', () => {
    expect(trendCell(row({ id: 'm', status: 'pass', head: 2, trend: [1, 1, 1] }))).toBe('▁▁▁▸█')
    expect(trendCell(row({ id: 'm', status: 'error', trend: [1, 3] }))).toBe('▁█')
    expect(trendCell(row({ id: 'm', status: 'pass', head: 2 }))).toBe('')
  })

  it('mermaid chart: one x label per value, this run last, y range padded by 10%', () => {
    expect(trendChart(row({ id: 'ig', status: 'regressed', direction: 'lower', head: 3, trend: [1, 2] }))).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "ig: last 2 base-branch values, then this run"',
        '  x-axis ["-2", "-1", "this"]',
        '  y-axis "value (lower is better)" 0.8 --> 3.2',
        '  line [1, 2, 3]',
        '```'
      ].join('\n')
    )
  })

  it('the report gets a Trend column when rows carry a trend, and a chart for a regressed row', () => {
    const c: Comparison = {
      schema: 'interp-gate/comparison@1',
      base: { suite: 's', commit: 'a'.repeat(40), ref: null },
      head: { suite: 's', commit: 'b'.repeat(40), ref: null },
      verdict: 'fail',
      rows: [
        row({ id: 'bad', status: 'regressed', base: 2, head: 1, delta: -1, trend: [2, 2, 2] }),
        row({ id: 'ok', status: 'pass', base: 1, head: 1, delta: 0 })
      ]
    }
    const md = renderMarkdown(c)
    expect(md).toMatch(/\| *Gate *\| *Trend *\|/)
    expect(md).toContain('███▸▁')
    expect(md).toContain('```mermaid\nxychart-beta\n  title "bad: last 3 base-branch values, then this run"')
    const without = renderMarkdown({ ...c, rows: c.rows.map(({ trend: _, ...r }) => r) })
    expect(without).not.toContain('Trend')
  })
})

describe('sparklines keep noise small', () => {
  it('a range narrower than the CI is widened to it around the middle (by hand: 0.500..0.502 on a 0.1 scale)', () => {
    const v = [0.5, 0.5005, 0.502]
    expect(sparkline(v)).toBe('▁▂█')
    // lo = 0.451, hi = 0.551: (v − lo) / 0.1 = 0.49, 0.495, 0.51 → ⌊8·x⌋ = 3, 3, 4
    expect(sparkline(v, v, 0.1)).toBe('▄▄▅')
    // a wide series is scaled by its own range
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6, 7], 1)).toBe('▁▂▃▄▅▆▇█')
  })

  it('the trend range is the CI width or the max-regression allowance, whichever is larger', () => {
    const ci = { level: 0.95, low: 0.4, high: 0.5 }
    expect(trendRange(row({ id: 'm', status: 'pass', head: 0.45, headCi: ci }))).toBeCloseTo(0.1, 12)
    const gates = [{ rule: 'max-regression' as const, limit: '10%', ok: true }]
    expect(trendRange(row({ id: 'm', status: 'pass', base: 2, head: 2, headCi: ci, gates }))).toBeCloseTo(0.2, 12) // 10% of 2
    expect(trendRange(row({ id: 'm', status: 'pass', base: 2, head: 2, headCi: ci, gates: [{ ...gates[0], limit: 0.01 }] }))).toBeCloseTo(0.1, 12)
  })

  it('the trend cell shows the newest 10 values, then this run, on the noise-aware scale', () => {
    const trend = [9, 9, 9, 9, 9, 1, 1.001, 1, 1.001, 1, 1.001, 1, 1.001, 1, 1.001]
    const headCi = { level: 0.95, low: 0.95, high: 1.05 }
    // the 9s fall out; 1..1.001 is narrower than the CI width 0.1 → lo 0.9505, hi 1.0505:
    // 1 → 0.495 → bar 3, 1.001 → 0.505 → bar 4, head 1.0002 → 0.497 → bar 3
    expect(trendCell(row({ id: 'm', status: 'pass', head: 1.0002, headCi, trend }))).toBe('▄▅▄▅▄▅▄▅▄▅▸▄')
    // without a CI the same noise fills the height
    expect(trendCell(row({ id: 'm', status: 'pass', head: 1.0002, trend }))).toBe('▁█▁█▁█▁█▁█▸▂')
  })
})
