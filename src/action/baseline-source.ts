import type { GitHubClients } from '../github/api.js'
import { type BaselineSearch, downloadBaseline, findBaselineRun } from '../github/baseline-run.js'
import { artifactName } from '../github/bundle.js'
import type { RunContext } from '../github/context.js'
import { resolveInWorkspace } from '../inputs/index.js'
import type { Baseline } from '../engine/pipeline.js'
import { readResultsFile } from '../results/io.js'
import type { CoreLike } from './core-inputs.js'
import { type BaselineSetting, branchMatches, saveOnPatterns } from './settings.js'

export interface ResolvedBaseline {
  baseline: Baseline | null
  noBaselineNote?: string
}

/** A committed results file (`baseline: path`), relative to the working directory. */
function readBaselineFile(workspace: string, path: string): Baseline {
  return { results: readResultsFile(resolveInWorkspace(workspace, path), `input "baseline": ${path}`), note: `baseline file ${path}` }
}

/** Which base-branch commit a run compares with, or why it has none. */
export function baselineSearch(ctx: RunContext | null, suite: string, saveOn: readonly string[] = []): BaselineSearch | string {
  if (!ctx) return 'baseline: auto needs a GitHub Actions run (GITHUB_REPOSITORY is not set)'
  const common = { repo: ctx.repo, workflow: ctx.workflowFile, artifact: artifactName(suite) }
  const pr = ctx.pullRequest
  if (pr) return { ...common, branch: pr.baseRef, sha: pr.baseSha, why: "the PR's base commit" }
  // A merge queue's run is judged exactly as a PR against its base: the queue's base commit on the target branch.
  const queue = ctx.mergeGroup
  if (queue) return { ...common, branch: queue.baseRef, sha: queue.baseSha, why: "the merge queue's base commit" }
  // Only save-on branches have baselines: a push elsewhere has nothing to look up.
  if (ctx.push && !branchMatches(ctx.push.branch, saveOnPatterns(saveOn, ctx.defaultBranch))) return `pushes to ${ctx.push.branch} save no baseline (save-on)`
  if (ctx.push?.before) return { ...common, branch: ctx.push.branch, sha: ctx.push.before, why: 'the previous commit' }
  if (ctx.push) return `first push of ${ctx.push.branch}: no earlier commit to compare with`
  // A manual or scheduled run measures the branch tip: the newest push run at or before that commit is its baseline.
  const branch = ctx.ref?.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : null
  if ((ctx.eventName === 'workflow_dispatch' || ctx.eventName === 'schedule') && branch && ctx.sha) {
    // A schedule's event file names no repository; schedules run on the default branch, so that is the branch.
    const defaultBranch = ctx.defaultBranch ?? (ctx.eventName === 'schedule' ? branch : null)
    if (!branchMatches(branch, saveOnPatterns(saveOn, defaultBranch))) return `pushes to ${branch} save no baseline (save-on)`
    return { ...common, branch, sha: ctx.sha, why: `this ${ctx.eventName === 'schedule' ? 'scheduled' : 'manual'} run's commit` }
  }
  return `baseline: auto compares pull_request, merge_group, push, workflow_dispatch and schedule runs of a branch with their base commit; a ${ctx.eventName || 'local'} run${ctx.ref ? ` on ${ctx.ref}` : ''} has none`
}

export interface AutoBaselineDeps {
  core: CoreLike
  ctx: RunContext | null
  clients: GitHubClients | null
  tmp: string
  /** The save-on input: pushes compare with the previous commit only on these branches. */
  saveOn?: readonly string[]
}

/** `baseline: auto`: the base branch's artifact; anything missing or failing means "no baseline", never a failed job. */
async function autoBaseline({ core, ctx, clients, tmp, saveOn }: AutoBaselineDeps, suite: string): Promise<ResolvedBaseline> {
  const search = baselineSearch(ctx, suite, saveOn)
  if (typeof search === 'string') return { baseline: null, noBaselineNote: search }
  if (!clients || !ctx) return { baseline: null, noBaselineNote: 'no github-token to fetch the base branch baseline' }
  try {
    const lookup = await findBaselineRun(clients.api, search)
    if (!lookup.found) {
      core.info(`interp-gate: no baseline: ${lookup.note}`)
      return { baseline: null, noBaselineNote: lookup.note }
    }
    const results = await downloadBaseline(clients, ctx.repo, lookup.found, tmp, suite)
    core.info(`interp-gate: baseline from run ${lookup.found.runId}: ${lookup.found.note}`)
    return { baseline: { results, note: lookup.found.note } }
  } catch (error) {
    const status = (error as { status?: number }).status
    core.warning(`interp-gate: ${(error as Error).message}; comparing without a baseline`, { title: 'interp-gate: baseline' })
    return { baseline: null, noBaselineNote: `the base branch baseline could not be fetched${status ? ` (HTTP ${status})` : ''}; see the job log` }
  }
}

export async function resolveBaseline(setting: BaselineSetting, workspace: string, deps: AutoBaselineDeps, suite: string): Promise<ResolvedBaseline> {
  if (setting.kind === 'none') return { baseline: null, noBaselineNote: 'baseline: none' }
  if (setting.kind === 'file') return { baseline: readBaselineFile(workspace, setting.path) }
  return autoBaseline(deps, suite)
}
