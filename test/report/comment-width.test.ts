import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { marked } from 'marked'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { row } from '../helpers/results.js'
import { ROOT } from '../helpers/run-action.js'

const CHROMIUM = '/usr/bin/chromium'
const WIDTH = 900

// The width rules of GitHub's markdown styles, from sindresorhus/github-markdown-css 5.9.0 (commit 265b22aa),
// github-markdown-light.css: a table is a block of max-content width that scrolls past 100% (:209-216), cells are
// padded 6px 13px (:580), inline code is 85% of the text (:707). DejaVu Sans stands in for the system font and is wider.
const CSS = `
body { margin: 0; }
.markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px; font-family: "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body code { padding: .2em .4em; font-size: 85%; font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; white-space: break-spaces; }
.markdown-body sub { font-size: 75%; }
`

/** The report as GitHub shows it: GFM to HTML (raw HTML such as <details> and <br> kept), in a 900 px column. */
function page(markdown: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><article class="markdown-body">${marked.parse(markdown, { gfm: true, async: false })}</article></body></html>`
}

const trend = Array.from({ length: 20 }, (_, i) => 0.27 + ((i * 7) % 5) / 1000)

/** A crowded report: long ids, coverage, gates from both base and PR, a trend, Holm-adjusted p-values, open details. */
const crowded: Comparison = {
  schema: 'interp-gate/comparison@1',
  base: { suite: 'explainers', commit: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39', ref: 'refs/heads/main' },
  head: { suite: 'explainers', commit: '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d', ref: 'refs/pull/42/merge' },
  verdict: 'fail',
  baselineNote: 'the base commit of the PR',
  rows: [
    row({
      id: 'ig-deletion-auc',
      metric: 'deletion-auc',
      direction: 'lower',
      status: 'regressed',
      base: 0.2764,
      head: 0.2961,
      pairedBase: 0.2751,
      pairedHead: 0.2962,
      delta: 0.0211,
      relDelta: 0.0767,
      ci: { level: 0.95, low: 0.0091, high: 0.0342 },
      pValue: 0.0061,
      pWorse: 0.0031,
      pAdjusted: 0.0093,
      paired: true,
      coverage: { base: 500, head: 380, paired: 380, lost: 120, headOnly: 20, exact: true },
      counts: { worse: 212, better: 150, unchanged: 18, onlyBase: 120, onlyHead: 20 },
      topWorse: [{ id: 'img-0038', base: 0.299, head: 0.394, delta: 0.095 }],
      trend,
      gates: [
        { rule: 'max-regression', limit: '2%', ok: false, from: 'head', detail: 'worsened by 0.0211 > allowed 0.0055' },
        { rule: 'max-regression', limit: '5%', ok: true, from: 'base' },
        { rule: 'max-dropped', limit: '30%', ok: true }
      ]
    }),
    row({
      id: 'integrated-gradients.gini',
      status: 'incompatible',
      base: 0.652,
      head: 0.742,
      trend,
      gates: [{ rule: 'min', limit: 0.5, ok: true }]
    }),
    row({
      id: 'saebench/core/blocks.8.hook_resid_post/reconstruction_quality.explained_variance',
      status: 'pass',
      base: 0.9123,
      head: 0.9131,
      delta: 0.0008,
      relDelta: 0.00088,
      ci: null,
      pValue: null,
      paired: null,
      gates: [{ rule: 'max-regression', limit: 0.01, ok: true }]
    }),
    row({ id: 'runtime-seconds', status: 'new', head: 38.4, headCi: { level: 0.95, low: 37.21, high: 39.63 }, direction: 'lower', severity: 'warning' }),
    row({
      id: 'accuracy',
      status: 'accepted',
      base: 0.887,
      head: 0.869,
      pairedBase: 0.8868,
      pairedHead: 0.8691,
      delta: -0.0177,
      relDelta: -0.01996,
      ci: { level: 0.95, low: -0.0412, high: 0.0055 },
      pValue: 0.131,
      paired: true,
      coverage: { base: 500, head: 400, paired: 400, lost: 100, headOnly: 0, exact: true },
      trend: trend.map((v) => v + 0.6),
      gates: [
        { rule: 'min', limit: 0.7, ok: true, from: 'base' },
        { rule: 'min', limit: 0.75, ok: true, from: 'head' },
        { rule: 'max-dropped', limit: '5%', ok: false, detail: 'lost 100 of 500 baseline examples > allowed 25' }
      ]
    })
  ]
}

describe.skipIf(!existsSync(CHROMIUM))('the PR comment fits a 900 px column (Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
    })
  }, 60_000)
  afterAll(async () => browser?.close())

  async function overflow(markdown: string) {
    const p = await browser.newPage({ viewport: { width: WIDTH, height: 800 } })
    await p.setContent(page(markdown))
    // Open every <details>, so what a reader unfolds must fit too.
    await p.$$eval('details', (ds) => {
      for (const d of ds) d.setAttribute('open', '')
    })
    type Box = { scrollWidth: number; clientWidth: number }
    const result = {
      page: await p.$eval('html', (e) => ({ scroll: (e as unknown as Box).scrollWidth, client: (e as unknown as Box).clientWidth })),
      tables: await p.$$eval('table', (ts) => ts.map((t) => ({ scroll: (t as unknown as Box).scrollWidth, client: (t as unknown as Box).clientWidth })))
    }
    if (process.env.COMMENT_SCREENSHOT) await p.screenshot({ path: process.env.COMMENT_SCREENSHOT, fullPage: true })
    await p.close()
    return result
  }

  it('no table scrolls and the page does not overflow', async () => {
    const markdown = renderMarkdown(crowded, { marker: '<!-- interp-gate:suite=explainers -->' })
    const { page: whole, tables } = await overflow(markdown)
    expect(tables.length).toBeGreaterThanOrEqual(2) // the main table and the details' tables
    expect(whole.scroll).toBeLessThanOrEqual(whole.client)
    for (const t of tables) expect(t.scroll).toBeLessThanOrEqual(t.client)
  }, 60_000)

  it('the README quickstart report (a real run) fits too', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const shown = /<!-- quickstart-report -->\n([\s\S]*)\n<!-- \/quickstart-report -->/.exec(readme)![1]
    const { page: whole, tables } = await overflow(shown)
    expect(tables.length).toBeGreaterThanOrEqual(3)
    expect(whole.scroll).toBeLessThanOrEqual(whole.client)
    for (const t of tables) expect(t.scroll).toBeLessThanOrEqual(t.client)
  }, 60_000)

  it('the check itself sees a table that is too wide', async () => {
    const wide = `| a | b |\n|---|---|\n| ${'x'.repeat(200)} | y |\n`
    const { tables } = await overflow(wide)
    expect(tables[0].scroll).toBeGreaterThan(tables[0].client)
  }, 60_000)
})
