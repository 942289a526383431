import { existsSync } from 'node:fs'
import type { GitHubClients } from '../github/api.js'
import type { RunContext } from '../github/context.js'
import { BranchStore } from '../github/history-branch.js'
import { changesConfirmedBy } from '../history/change-points.js'
import { historyRefusal } from '../history/eligibility.js'
import { entryFromResults, type HistoryEntry } from '../history/entry.js'
import { FolderStore, type HistoryStore } from '../history/folder-store.js'
import { metricSeries } from '../history/series.js'
import { resolveInWorkspace } from '../inputs/index.js'
import type { PipelineResult } from '../engine/pipeline.js'
import { changePointMessage, changePointsMarkdown } from '../report/trend.js'
import type { CoreLike } from './core-inputs.js'
import type { Settings } from './settings.js'

/** The store `history` names: a folder in the workspace, the history branch (needs a token), or none. */
export function openHistoryStore(
  core: CoreLike,
  settings: Settings,
  workspace: string,
  clients: GitHubClients | null,
  ctx: RunContext | null
): HistoryStore | null {
  const h = settings.history
  if (h.kind === 'folder') return new FolderStore(resolveInWorkspace(workspace, h.path), h.path)
  if (h.kind === 'none') return null
  if (!clients || !ctx) {
    core.info('interp-gate: history: branch needs GitHub Actions and a github-token; no history this run')
    return null
  }
  return new BranchStore(
    clients.api,
    { repo: ctx.repo, branch: settings.historyBranch },
    {
      keep: settings.historyKeep,
      log: (m) => core.info(`interp-gate: ${m}`),
      // half a wait unit: 500 ms in real runs, scaled down with INTERP_GATE_RETRY_BASE_MS in tests
      ...(clients.waitUnitMs !== undefined ? { backoffMs: clients.waitUnitMs / 2 } : {})
    }
  )
}

/** The suite's entries; a branch that cannot be read costs the trend and history gate, never the run. */
export async function loadHistoryEntries(core: CoreLike, store: HistoryStore, suite: string): Promise<HistoryEntry[]> {
  // A folder restored from a cache is absent on the first run (a cache miss): no history yet; a push run creates it.
  if (store instanceof FolderStore && !existsSync(store.dir)) {
    core.info(`interp-gate: history folder ${store.display} does not exist yet; no history this run`)
    return []
  }
  if (!(store instanceof BranchStore)) return store.list(suite)
  try {
    const entries = await store.list(suite)
    core.info(`interp-gate: ${entries.length} history entr${entries.length === 1 ? 'y' : 'ies'} of suite "${suite}" on branch "${store.target.branch}"`)
    return entries
  } catch (error) {
    core.warning(`interp-gate: ${(error as Error).message}; no history this run`, { title: 'interp-gate: history' })
    return []
  }
}

const CHANGE_ANNOTATIONS = 5

export interface RecordInput {
  /** The history branch, or a folder in the workspace (kept between runs by e.g. actions/cache). */
  store: HistoryStore
  ctx: RunContext
  result: PipelineResult
  /** The suite's entries read before this run (excluding nothing). */
  earlier: HistoryEntry[]
  /** Builds the dashboard from the entries the new commit will hold; absent when `dashboard` is off. */
  dashboard?: (entries: HistoryEntry[]) => string
}

/** Push run on a save-on branch: append this commit's entry (branch or folder), then report change points it confirms like regressions. */
export async function recordHistory(core: CoreLike, input: RecordInput): Promise<void> {
  const { store, ctx, result } = input
  // The caller records push runs of save-on branches only; the results themselves must say the same.
  const refusal = historyRefusal(result.results)
  if (refusal) {
    core.info(`interp-gate: not adding this run to the history: ${refusal}`)
    return
  }
  const entry = entryFromResults(result.results, {
    parent: ctx.push?.before ?? null,
    runId: ctx.runId,
    comparison: result.comparison.base ? result.comparison : null
  })
  try {
    if (store instanceof BranchStore) {
      const dashboard = input.dashboard
      const appended = await store.appendWith(entry, dashboard ? (entries) => ({ 'index.html': dashboard(entries), '.nojekyll': '' }) : undefined)
      core.info(
        `interp-gate: added this commit to the history branch "${store.target.branch}" (${appended.commit.slice(0, 12)}, ${appended.attempts} attempt(s)${appended.pruned ? `, pruned ${appended.pruned}` : ''})`
      )
    } else {
      await store.add(entry)
      core.info(`interp-gate: added this commit to the history folder${store instanceof FolderStore ? ` ${store.display}` : ''}`)
    }
  } catch (error) {
    core.warning(`interp-gate: ${(error as Error).message}`, { title: 'interp-gate: history' })
  }
  const series = metricSeries([...input.earlier.filter((e) => e.commit !== entry.commit), entry])
  const changes = changesConfirmedBy(series, entry.commit)
  if (!changes.length) return
  const rows = new Map(result.comparison.rows.map((r) => [r.id, r]))
  const lines = changes.map((c) => ({ ...c, direction: series.find((s) => s.id === c.id)!.direction }))
  // GitHub shows 10 annotations per level and step; the summary table lists every change.
  for (const line of lines.slice(0, CHANGE_ANNOTATIONS))
    core[rows.get(line.id)?.severity ?? 'warning'](changePointMessage(line), { title: 'interp-gate: change point' })
  if (lines.length > CHANGE_ANNOTATIONS)
    core.notice(`${lines.length - CHANGE_ANNOTATIONS} more change point(s) in the job summary`, { title: 'interp-gate: change point' })
  await core.summary.addRaw(changePointsMarkdown(lines), true).write()
}
