import UPLOT_CSS from 'uplot/dist/uPlot.min.css?raw'
import UPLOT_JS from 'uplot/dist/uPlot.iife.min.js?raw'
import PAGE_JS from './dashboard-page.js?raw'
import { escapeHtml } from './escape.js'

/** What the page script reads: commits once, then per metric the commit indices and values (compact for 1000 × 50). */
export interface DashboardData {
  /** "https://github.com/owner/repo": commits become links. */
  repoUrl: string | null
  commits: { sha: string | null; date: string; suite: string; runId: number | null }[]
  metrics: {
    id: string
    suite: string
    family: string
    metric: string
    direction: 'higher' | 'lower'
    gate?: { min?: number; max?: number }
    /** Index into commits, ascending. */
    x: number[]
    y: number[]
    lo: (number | null)[]
    hi: (number | null)[]
    n: number[]
    /** Change points: i indexes x / y, where the new level starts; worse: the new level is worse in the metric's direction. */
    changes: { i: number; before: number; after: number; p: number; worse: boolean }[]
  }[]
}

/** JSON inside <script>: "</script" and "<!--" can't end or confuse the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
/** A script's text can't contain "</script": uPlot's and ours don't, and this keeps it so. */
const scriptText = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1')

/** One self-contained page: uPlot, styles, data and script inlined; no request leaves the file. */
export function renderDashboard(data: DashboardData, options: { title?: string } = {}): string {
  const title = options.title ?? 'interp-gate: metric history'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${UPLOT_CSS}
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem; color: #1f2328; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; border-bottom: 1px solid #d0d7de; padding-bottom: .5rem; }
h1 { font-size: 1.3rem; margin: 0; flex: 1 1 100%; }
#charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: .75rem; margin-top: .75rem; }
.metric { border: 1px solid #d0d7de; border-radius: 6px; padding: .4rem .5rem; min-width: 0; }
.plot { width: 100%; overflow: hidden; }
h2 { font-size: .95rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
h2 small { display: block; color: #656d76; font-weight: normal; font-size: 12px; }
.changes { margin: .2rem 0; padding-left: 1.1rem; font-size: 12px; }
.better { color: #1a7f37; }
.worse { color: #cf222e; }
.hover, .range { color: #656d76; font-size: 12px; min-height: 1.2em; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; }
[hidden] { display: none !important; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<label>Suite <select id="filter-suite"><option value="">all</option></select></label>
<label>Family <select id="filter-family"><option value="">all</option></select></label>
<label>View <select id="view"><option value="charts">charts</option><option value="table">table</option></select></label>
<span>${data.metrics.length} metric(s), ${data.commits.length} commit(s). X axis: commit date. Purple: value, band: its CI; orange: the level between change points; vertical lines: change points, <span class="better">▲ better</span> or <span class="worse">▼ worse</span> in the metric's direction; grey dashes: gate bounds.</span>
</header>
<main>
<div id="charts"></div>
<table id="table" hidden><thead><tr><th>Suite</th><th>Family</th><th>Metric</th><th>Latest</th><th>CI</th><th>n</th><th>Points</th><th>Commit</th><th>Last change</th></tr></thead><tbody></tbody></table>
</main>
<script id="interp-gate-data" type="application/json">${scriptJson(data)}</script>
<script>${scriptText(UPLOT_JS)}</script>
<script>${scriptText(PAGE_JS)}</script>
</body>
</html>
`
}
