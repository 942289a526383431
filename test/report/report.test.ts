import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildAnnotations } from '../../src/report/annotations.js'
import { codeSpan, escapeHtml, escapeMarkdown } from '../../src/report/escape.js'
import { deltaText, metricCell, renderMarkdown } from '../../src/report/markdown.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { formatNumber, formatSigned } from '../../src/util/format.js'
import { row } from '../helpers/results.js'

const GOLDEN = join(import.meta.dirname, '../fixtures/report')

const comparison: Comparison = {
  schema: 'interp-gate/comparison@1',
  base: { suite: 'explainers', commit: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39', ref: 'refs/heads/main' },
  head: { suite: 'explainers', commit: '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d', ref: 'refs/pull/42/merge' },
  verdict: 'fail',
  baselineNote: 'the base commit of the PR',
  rows: [
    row({
      id: 'ig-deletion',
      metric: 'deletion-auc',
      title: 'Deletion AUC',
      direction: 'lower',
      status: 'regressed',
      base: 0.275,
      head: 0.296,
      delta: 0.021,
      relDelta: 0.0763636,
      ci: { level: 0.95, low: 0.009, high: 0.034 },
      pValue: 0.006,
      pWorse: 0.003,
      pAdjusted: 0.003,
      test: 'sign-flip-monte-carlo',
      paired: true,
      counts: { worse: 312, better: 180, unchanged: 20, onlyBase: 0, onlyHead: 0 },
      topWorse: [{ id: 'img-0038', base: 0.299, head: 0.394, delta: 0.095 }],
      gates: [{ rule: 'max-regression', limit: '2%', ok: false, detail: 'worsened by 0.021 > allowed 0.0055; p(worse)=0.003 < α=0.05' }]
    }),
    row({
      id: 'ig-gini',
      status: 'improved',
      base: 0.652,
      head: 0.742,
      delta: 0.09,
      relDelta: 0.138,
      ci: { level: 0.95, low: 0.0867, high: 0.0933 },
      pValue: 0.0004,
      test: 'sign-flip-monte-carlo',
      paired: true,
      gates: [{ rule: 'min', limit: 0.5, ok: true }]
    }),
    row({ id: 'runtime', status: 'new', head: 38.4, direction: 'lower', severity: 'warning' }),
    row({
      id: 'accuracy',
      status: 'pass',
      base: 0.785,
      head: 0.785,
      delta: 0,
      relDelta: 0,
      ci: { level: 0.95, low: 0, high: 0 },
      pValue: 1,
      paired: true,
      gates: [
        { rule: 'min', limit: 0.7, ok: true, from: 'base' },
        { rule: 'min', limit: 0.75, ok: true, from: 'head' }
      ],
      notes: ['this PR changes the gate of accuracy from {min: 0.7} to {min: 0.75}: both apply until the change is merged, and a check failing in either fails']
    }),
    row({
      id: 'ig-insertion',
      status: 'accepted',
      base: 0.61,
      head: 0.6,
      delta: -0.004,
      relDelta: -0.00656,
      ci: { level: 0.95, low: -0.011, high: 0.003 },
      pValue: 0.3,
      paired: true,
      pairedBase: 0.604,
      pairedHead: 0.6,
      coverage: { base: 500, head: 380, paired: 380, lost: 120, headOnly: 0, exact: true },
      accepted: 'smoothing skips saturated images',
      gates: [{ rule: 'max-dropped', limit: '5%', ok: false, detail: 'lost 120 of 500 baseline examples > allowed 25' }],
      notes: [
        '380/500 examples paired: this run lost 120 (missing, or NaN where the baseline had a value); full run: base 0.61 (500 examples), head 0.6 (380)',
        'regression accepted by this change: smoothing skips saturated images'
      ]
    })
  ]
}

describe('markdown report', () => {
  it('matches the golden file (after a deliberate change: `npx vitest run -u` rewrites it)', async () => {
    await expect(renderMarkdown(comparison, { marker: '<!-- interp-gate:suite=explainers -->' })).toMatchFileSnapshot(join(GOLDEN, 'regression.md'))
  })

  it('shows the raw and the Holm-adjusted p of a significance gate', () => {
    const row = { ...comparison.rows[0], pWorse: 0.02, pAdjusted: 0.04 }
    const md = renderMarkdown({ ...comparison, rows: [row] })
    expect(md).toContain('| `ig-deletion` | p(worse)=0.020, p(worse, Holm)=0.040 | 512 paired |')
    expect(md).toContain('| [+0.009, +0.034] |')
  })

  it('cuts a long metric id into code spans that may wrap (by hand: after / . _, at most 12 characters each)', () => {
    expect(metricCell('ig-deletion')).toBe('`ig-deletion`')
    expect(metricCell('quantus-faithfulness-corr')).toBe('`quantus-faithfulness-corr`') // browsers wrap at the hyphens
    expect(metricCell('saebench/core/blocks.8.hook_resid_post/reconstruction_quality.explained_variance')).toBe(
      '`saebench/`<wbr>`core/blocks.`<wbr>`8.hook_`<wbr>`resid_post/`<wbr>`reconstructi`<wbr>`on_quality.`<wbr>`explained_`<wbr>`variance`'
    )
    // the terminal has no <wbr>: one span, which it prints without backticks
    expect(metricCell('saebench/core/blocks.8.hook_resid_post/x', '')).toBe('`saebench/core/blocks.8.hook_resid_post/x`')
  })

  it('says better or worse in the metric direction, not up or down', () => {
    expect(deltaText(comparison.rows[0])).toBe('+0.021 ▼ worse (+7.6%)')
    expect(deltaText(row({ id: 'x', status: 'pass', direction: 'lower', base: 0.3, head: 0.2, delta: -0.1, relDelta: -1 / 3 }))).toBe('−0.1 ▲ better (−33%)')
  })

  it('stays within the budget: details go first, then notes, then rows, and it says so', () => {
    const many: Comparison = {
      ...comparison,
      rows: Array.from({ length: 400 }, (_, i) => ({ ...comparison.rows[0], id: `metric-${String(i).padStart(3, '0')}` }))
    }
    const full = renderMarkdown(many, { maxBytes: 10_000_000 })
    expect(full.match(/<details><summary><b>/g)).toHaveLength(400) // one per row, besides the Tests block
    const noDetails = renderMarkdown(many, { maxBytes: 150_000 })
    expect(noDetails.length).toBeLessThanOrEqual(150_000)
    expect(noDetails).toMatch(/Details of \d+ metric\(s\) left out to fit the size limit\./)
    expect(noDetails.match(/<details>/g)?.length ?? 0).toEqual(noDetails.match(/<\/details>/g)?.length ?? 0)
    const fewNotes = renderMarkdown(many, { maxBytes: 70_000 })
    expect(fewNotes.length).toBeLessThanOrEqual(70_000)
    const n = /(\d+) of 400 notes and all details left out/.exec(fewNotes)
    expect(n).not.toBeNull()
    // one note per row (its failed max-regression check)
    expect(fewNotes.split('\n').filter((l) => l.startsWith('- `metric-')).length + Number(n![1])).toBe(400)
    const fewRows = renderMarkdown(many, { maxBytes: 20_000 })
    expect(fewRows.length).toBeLessThanOrEqual(20_000)
    expect(fewRows).not.toContain('<details>')
    const m = /(\d+) of 400 rows, all notes and details left out/.exec(fewRows)
    expect(m).not.toBeNull()
    const shown = fewRows.split('\n').filter((l) => l.startsWith('| 🔴')).length
    expect(shown + Number(m![1])).toBe(400)
  })
})

describe('escaping untrusted text', () => {
  it('neutralises markdown, HTML, links and mentions', () => {
    const evil = '| <img src=x onerror=alert(1)> [click](https://evil.example) @octocat **bold**\nnext'
    const out = escapeMarkdown(evil)
    expect(out).not.toMatch(/(^|[^\\])[|<>[\]]/)
    expect(out).not.toContain('@octocat')
    expect(out).not.toContain('https://')
    expect(out).not.toContain('\n')
    expect(escapeHtml('<b>&"@x')).toBe('&lt;b&gt;&amp;&quot;@\u200bx')
    expect(codeSpan('a`b\nc')).toBe("`a'b c`")
  })
})

describe('numbers for humans', () => {
  it('keeps 3 significant digits and a real minus sign', () => {
    expect([0.27534, 1234.5, 0.000123456, -0.0388, 0, 12.0, 1e-7, 2.5e7].map((v) => formatNumber(v))).toEqual([
      '0.275',
      '1235',
      '0.000123',
      '−0.0388',
      '0',
      '12',
      '1e−7',
      '2.5e+7'
    ])
    expect(formatSigned(0.021)).toBe('+0.021')
    expect(formatNumber(null)).toBe('–')
  })
})

describe('annotations', () => {
  it('lists problems, errors first, on the source file or the config line', () => {
    const rows = [
      ...comparison.rows,
      row({ id: 'gone', status: 'missing', severity: 'warning' }),
      row({ id: 'warned', status: 'regressed', severity: 'warning', line: 30 })
    ]
    const list = buildAnnotations({ ...comparison, rows }, 'interp-gate.yml', { 'ig-deletion': 'src/ig.py' })
    expect(list.map((a) => [a.level, a.title, a.file, a.line])).toEqual([
      ['error', 'interp-gate: ig-deletion regressed', 'src/ig.py', undefined],
      ['warning', 'interp-gate: warned regressed', 'interp-gate.yml', 30],
      ['warning', 'interp-gate: gone missing', 'interp-gate.yml', undefined],
      ['warning', 'interp-gate: ig-insertion accepted', 'interp-gate.yml', undefined]
    ])
  })
})
