import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { type HistoryEntry, HISTORY_ENTRY_SCHEMA } from '../../src/history/entry.js'
import { FolderStore } from '../../src/history/folder-store.js'
import { dashboardData } from '../../src/history/dashboard-data.js'
import { renderDashboard as renderData } from '../../src/report/dashboard.js'
import { ROOT } from '../helpers/run-action.js'

const CHROMIUM = '/usr/bin/chromium'
const sha = (k: number) => ((k * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(5)

/** `commits` entries of `metrics` metrics in `suites` suites; metric 0 of each suite steps up by 20% at commit 30. */
function entries(commits: number, metrics: number, suites = ['explainers'], families = ['faithfulness', 'sparsity', 'task']): HistoryEntry[] {
  const out: HistoryEntry[] = []
  for (const suite of suites) {
    for (let k = 0; k < commits; k++) {
      const m: HistoryEntry['metrics'] = {}
      for (let j = 0; j < metrics; j++) {
        const wiggle = ((k * 7 + j * 3) % 11) / 1000
        const value = (0.5 + j / (2 * metrics)) * (j === 0 && k >= 30 ? 1.2 : 1) + wiggle
        m[`metric-${String(j).padStart(2, '0')}`] = {
          metric: 'mean',
          family: families[j % families.length],
          direction: 'higher',
          value,
          ci: [value - 0.01, value + 0.01],
          level: 0.95,
          n: 200,
          nanCount: 0,
          ...(j === 0 ? { gate: { min: 0.45 } } : {})
        }
      }
      out.push({
        schema: HISTORY_ENTRY_SCHEMA,
        suite,
        commit: sha(k + 1),
        parent: k ? sha(k) : null,
        ref: 'refs/heads/main',
        date: new Date(Date.UTC(2026, 0, 1) + k * 3_600_000).toISOString(),
        runId: 1000 + k,
        tool: 'test',
        metrics: m
      })
    }
  }
  return out
}

const renderDashboard = (e: HistoryEntry[], o: { repoUrl?: string; title?: string } = {}) => renderData(dashboardData(e, o), o)

const hasChromium = (() => {
  try {
    return existsSync(CHROMIUM)
  } catch {
    return false
  }
})()

async function open(browser: BrowserContext, html: string) {
  const dir = mkdtempSync(join(tmpdir(), 'interp-gate-site-'))
  const file = join(dir, 'index.html')
  writeFileSync(file, html)
  const page = await browser.newPage()
  const errors: string[] = []
  const requests: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('request', (r) => requests.push(r.url()))
  const url = pathToFileURL(file).href
  await page.goto(url)
  await page.waitForSelector('body[data-ready]')
  return { page, errors, requests: requests.filter((r) => r !== url) }
}

describe('dashboard data', () => {
  it('commits once, per metric indices into them, and the step as a change point with its levels', () => {
    const data = dashboardData(entries(40, 2))
    expect(data.commits).toHaveLength(40)
    const m0 = data.metrics.find((m) => m.id === 'metric-00')!
    expect(m0.x).toEqual(Array.from({ length: 40 }, (_, i) => i))
    expect(m0.changes.map((c) => c.i)).toEqual([30])
    expect(data.metrics.find((m) => m.id === 'metric-01')!.changes).toEqual([])
  })

  it('a change point says whether the new level is better or worse in the metric direction', () => {
    // metric-00 steps up by 20%: better when higher is better, worse when lower is better
    expect(dashboardData(entries(40, 1)).metrics[0].changes.map((c) => c.worse)).toEqual([false])
    const lower = entries(40, 1).map((e) => ({ ...e, metrics: { 'metric-00': { ...e.metrics['metric-00'], direction: 'lower' as const } } }))
    expect(dashboardData(lower).metrics[0].changes.map((c) => c.worse)).toEqual([true])
  })

  it('inlines uPlot (script and stylesheet) from node_modules', () => {
    const html = renderDashboard(entries(2, 1))
    for (const file of ['uPlot.iife.min.js', 'uPlot.min.css']) expect(html).toContain(readFileSync(join(ROOT, 'node_modules/uplot/dist', file), 'utf8').trim())
  })

  it('cannot be broken out of its <script> by a metric id', () => {
    const e = entries(3, 1)
    e[0].metrics['</script><script>alert(1)</script>'] = e[0].metrics['metric-00']
    const html = renderDashboard(e)
    expect(html.match(/<\/script>/g)).toHaveLength(3)
  })
})

// Skipped only on a developer machine without Chromium; in CI (.ci/run installs it) a missing browser fails.
describe.skipIf(!hasChromium && !process.env.CI)('dashboard in headless Chromium', () => {
  let browser: BrowserContext
  beforeAll(async () => {
    // A fresh profile each run (playwright passes it as --user-data-dir); never a downloaded browser.
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'interp-gate-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1000, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
    })
  }, 60_000)
  afterAll(async () => browser?.close())

  it('loads with no console error and no request, one chart per metric, working filters and table view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interp-gate-dash-'))
    const store = new FolderStore(join(dir, 'store'))
    for (const e of entries(40, 6, ['explainers', 'sae'])) store.addSync(e)
    let out = ''
    expect(
      await main(['dashboard', '--store', 'store', '--out', 'site', '--repo-url', 'https://github.com/o/r'], {
        out: (t) => (out += t),
        err: () => {},
        cwd: dir,
        env: {}
      })
    ).toBe(0)
    expect(out).toMatch(/^wrote site\/index.html \(80 entries, \d+ KiB\)\n$/)
    const { page, errors, requests } = await open(browser, readFileSync(join(dir, 'site/index.html'), 'utf8'))
    expect(errors).toEqual([])
    expect(requests).toEqual([])
    const ids = await page.$$eval('section[data-metric]', (s) => s.map((e) => e.getAttribute('data-metric')))
    expect(ids).toEqual([...['explainers', 'sae'].flatMap((s) => Array.from({ length: 6 }, (_, j) => `${s}/metric-0${j}`))])
    expect(await page.$$eval('section[data-metric] canvas', (c) => c.length)).toBe(12)
    // The step of metric-00 is marked, with a link to the commit where the new level starts.
    expect(await page.$eval('section[data-metric="sae/metric-00"] .changes a', (a) => a.getAttribute('href'))).toBe(`https://github.com/o/r/commit/${sha(31)}`)
    // …labelled better (metric-00 is higher-is-better and steps up), with the commit date (commit 30 is 30 h after Jan 1)
    // (levels by hand: 0.5 + mean((7k mod 11)/1000, k < 30) = 0.5051, 0.6 + mean(…, 30 ≤ k < 40) = 0.605)
    const change = await page.$eval('section[data-metric="sae/metric-00"] .changes li', (li) => [li.getAttribute('class'), li.textContent])
    expect(change[0]).toBe('better')
    expect(change[1]).toMatch(new RegExp(`^▲ better: level 0\\.5051 → 0\\.605 from ${sha(31).slice(0, 7)} \\(2026-01-02, p=[0-9.e-]+\\)$`))
    // Dates, not shas, under each chart: 40 hourly commits from 2026-01-01 00:00 to 2026-01-02 15:00
    expect(await page.$eval('section[data-metric="sae/metric-00"] .range', (e) => e.textContent)).toBe('commit dates 2026-01-01 – 2026-01-02 · 40 commit(s)')
    await page.selectOption('#view', 'table')
    expect(await page.$eval('#table tr[data-metric="sae/metric-00"] td:last-child', (td) => [td.getAttribute('class'), td.textContent])).toEqual([
      'better',
      `▲ better 0.5051 → 0.605 at ${sha(31).slice(0, 7)}`
    ])
    await page.selectOption('#view', 'charts')
    // A grid of small multiples: the first charts share a row
    const boxes = await page.$$eval('section[data-metric]', (s) =>
      s
        .slice(0, 3)
        .map((e) => e.getBoundingClientRect())
        .map((r) => [r.left, r.top])
    )
    expect(boxes[1][1]).toBe(boxes[0][1])
    expect(boxes[1][0]).toBeGreaterThan(boxes[0][0] + 250)
    // The level line is drawn visibly (solid orange across the chart) and the change point in green
    const colours = await page.$eval('section[data-metric="sae/metric-00"] canvas', (c) => {
      const canvas = c as unknown as {
        width: number
        height: number
        getContext(t: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
      }
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
      const near = (i: number, rgb: number[]) => rgb.every((v, k) => Math.abs(px[i + k] - v) <= 30)
      let level = 0
      let green = 0
      for (let i = 0; i < px.length; i += 4) {
        if (near(i, [0xf0, 0x8c, 0x00])) level++
        if (near(i, [0x1a, 0x7f, 0x37])) green++
      }
      return { level, green, width: canvas.width, height: canvas.height }
    })
    expect(colours.level).toBeGreaterThan(colours.width) // a 2.5 px line across most of the width
    expect(colours.green).toBeGreaterThan(colours.height / 2) // a vertical line over the plot height
    const visible = () =>
      page.$$eval('section[data-metric]', (s) => s.filter((e) => !(e as unknown as { hidden: boolean }).hidden).map((e) => e.getAttribute('data-metric')))
    await page.selectOption('#filter-family', 'sparsity')
    expect(await visible()).toEqual(['explainers/metric-01', 'explainers/metric-04', 'sae/metric-01', 'sae/metric-04'])
    await page.selectOption('#filter-suite', 'sae')
    expect(await visible()).toEqual(['sae/metric-01', 'sae/metric-04'])
    await page.selectOption('#filter-family', '')
    expect(await visible()).toHaveLength(6)
    await page.selectOption('#view', 'table')
    expect(await page.isVisible('#table')).toBe(true)
    expect(await page.isVisible('#charts')).toBe(false)
    expect(await page.$$eval('#table tbody tr', (r) => r.filter((e) => !(e as unknown as { hidden: boolean }).hidden).length)).toBe(6)
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it('1,000 commits × 50 metrics: loads (time reported, not asserted)', async () => {
    const html = renderDashboard(entries(1000, 50), { repoUrl: 'https://github.com/o/r' })
    const started = Date.now()
    const { page, errors, requests } = await open(browser, html)
    const wall = Date.now() - started
    const ready = Number(await page.getAttribute('body', 'data-ready'))
    const script = Number(await page.getAttribute('body', 'data-script-ms'))
    console.log(
      `dashboard 1000 commits x 50 metrics: ${(html.length / 1048576).toFixed(1)} MiB, ready ${ready} ms after navigation start (script ${script} ms), ${wall} ms wall in the test`
    )
    expect(errors).toEqual([])
    expect(requests).toEqual([])
    expect(await page.$$eval('section[data-metric] canvas', (c) => c.length)).toBe(50)
    if (process.env.UPDATE_SCREENSHOT) {
      await page.close()
      // Six metrics; metric-03 (lower is better) also steps up at commit 70, a change for the worse.
      const shown = entries(120, 6, ['explainers'], ['faithfulness', 'sparsity']).map((e, k) => {
        const m = e.metrics['metric-03']
        const value = (m.value as number) * (k >= 70 ? 1.1 : 1)
        return {
          ...e,
          metrics: { ...e.metrics, 'metric-03': { ...m, direction: 'lower' as const, value, ci: [value - 0.01, value + 0.01] as [number, number] } }
        }
      })
      const small = await open(browser, renderDashboard(shown, { repoUrl: 'https://github.com/o/r', title: 'interp-gate: explainers' }))
      await small.page.screenshot({ path: join(ROOT, 'docs/dashboard.png'), fullPage: false })
      await small.page.close()
    } else await page.close()
  }, 120_000)
})
