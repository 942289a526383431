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
      const small = await open(
        browser,
        renderDashboard(entries(120, 4, ['explainers'], ['faithfulness', 'sparsity']), { repoUrl: 'https://github.com/o/r', title: 'interp-gate: explainers' })
      )
      await small.page.screenshot({ path: join(ROOT, 'docs/dashboard.png'), fullPage: false })
      await small.page.close()
    } else await page.close()
  }, 120_000)
})
