import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { dashboardData } from '../history/dashboard-data.js'
import { HistoryError } from '../history/entry.js'
import { FolderStore } from '../history/folder-store.js'
import { renderDashboard } from '../report/dashboard.js'

const DASHBOARD_HELP = `interp-gate dashboard — a static page of every metric's history

Usage:
  interp-gate dashboard --store DIR --out SITE [--title TEXT] [--repo-url https://github.com/OWNER/REPO]
      Write SITE/index.html: one self-contained page (uPlot, styles and data inlined;
      no network request) with a chart per metric (CI band, gate lines, change points),
      commit links (with --repo-url), filters by suite and family, and a table view.`

/** `interp-gate dashboard`. */
export function dashboardCommand(args: string[], io: { out(text: string): void; cwd: string }): number {
  const { values } = parseArgs({
    args,
    options: {
      store: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      'repo-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  })
  if (values.help) {
    io.out(`${DASHBOARD_HELP}\n`)
    return 0
  }
  if (!values.store || !values.out) throw new HistoryError('dashboard needs a store and an output folder: interp-gate dashboard --store DIR --out SITE')
  const repoUrl = values['repo-url']
  if (repoUrl !== undefined && !/^https:\/\/[^\s"<>]+$/.test(repoUrl))
    throw new HistoryError(`--repo-url must be an https URL such as https://github.com/OWNER/REPO; got "${repoUrl}"`)
  const entries = new FolderStore(resolve(io.cwd, values.store), values.store).listSync()
  const html = renderDashboard(dashboardData(entries, { repoUrl: repoUrl?.replace(/\/+$/, '') }), { title: values.title })
  const out = resolve(io.cwd, values.out)
  try {
    mkdirSync(out, { recursive: true })
    const temp = join(out, `.index.html.${process.pid}.tmp`)
    writeFileSync(temp, html)
    renameSync(temp, join(out, 'index.html'))
  } catch (error) {
    throw new HistoryError(`${values.out}: cannot write the dashboard (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  io.out(`wrote ${join(values.out, 'index.html')} (${entries.length} entries, ${(html.length / 1024).toFixed(0)} KiB)\n`)
  return 0
}
