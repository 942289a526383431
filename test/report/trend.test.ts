import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import { sparkline, trendCell, trendChart } from '../../src/report/trend.js'
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
