import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, relative, resolve } from 'node:path'
import { JOB_SUMMARY_BYTES } from '../domain/limits.js'
import type { GitHubClients } from '../github/api.js'
import { artifactName, type BundleContext, isSafePath, stageBundle } from '../github/bundle.js'
import { type RunContext, readRunContext } from '../github/context.js'
import { shardArtifactName } from '../github/shard-artifacts.js'
import { writeJunitFile } from '../engine/junit-file.js'
import { type Parallel, type PipelineResult, type ResultsSource, runPipeline } from '../engine/pipeline.js'
import { renderDashboard } from '../report/dashboard.js'
import { renderMarkdown } from '../report/markdown.js'
import { shardBanner } from '../report/shard-banner.js'
import { dashboardData } from '../history/dashboard-data.js'
import type { HistoryEntry } from '../history/entry.js'
import { createProgress } from '../report/progress.js'
import { clearOutputsAndRethrow } from '../results/output-folder.js'
import { emitAnnotations } from './annotate.js'
import { resolveBaseline } from './baseline-source.js'
import { ActionInputError, type CoreLike } from './core-inputs.js'
import { loadHistoryEntries, openHistoryStore, recordHistory } from './record-history.js'
import { commentBody, publishReport } from './publish.js'
import { branchMatches, saveOnPatterns, type Settings } from './settings.js'

export type GitHubFactory = (token: string) => GitHubClients

export interface ModeDeps {
  core: CoreLike
  env: Record<string, string | undefined>
  github?: GitHubFactory
  parallel?: Parallel
}

/** The run's GitHub context, or null outside GitHub Actions (a local run still computes and reports). */
function optionalContext(env: Record<string, string | undefined>): RunContext | null {
  return env.GITHUB_REPOSITORY ? readRunContext(env) : null
}

/** Where the artifact goes, if anywhere: pushes to save-on branches save the baseline; PR runs save what mode: report needs. */
function artifactPurpose(ctx: RunContext, settings: Settings): 'baseline' | 'pull-request' | null {
  if (ctx.pullRequest) return 'pull-request'
  return ctx.push && branchMatches(ctx.push.branch, saveOnPatterns(settings.saveOn, ctx.defaultBranch)) ? 'baseline' : null
}

async function uploadArtifact(
  deps: ModeDeps,
  clients: GitHubClients,
  ctx: RunContext,
  settings: Settings,
  result: PipelineResult,
  fromRoot: (p: string) => string,
  tmp: string
): Promise<void> {
  const { core, env } = deps
  const purpose = artifactPurpose(ctx, settings)
  if (!purpose) return
  const name = artifactName(result.results.suite)
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    core.info(`interp-gate: not uploading "${name}": ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set (not a GitHub-hosted job?)`)
    return
  }
  const pr = ctx.pullRequest
  const sources = Object.fromEntries(
    result.config.config.metrics.flatMap((m) => (m.source && isSafePath(fromRoot(m.source)) ? [[m.id, fromRoot(m.source)]] : []))
  )
  const configPath = fromRoot(settings.config)
  const context: BundleContext | undefined = pr
    ? { format: 1, headSha: pr.headSha, baseSha: pr.baseSha, suite: result.results.suite, ...(isSafePath(configPath) ? { configPath } : {}), sources }
    : undefined
  const dir = mkdtempSync(join(tmp, 'interp-gate-artifact-'))
  const files = stageBundle(
    dir,
    purpose === 'baseline'
      ? { results: result.results }
      : { results: result.results, comparison: result.comparison, report: commentBody(result.comparison), context }
  )
  try {
    const { id } = await clients.artifacts.upload(name, files, dir)
    core.info(`interp-gate: uploaded artifact "${name}"${id ? ` (id ${id})` : ''}${purpose === 'baseline' ? ' as the baseline for pull requests' : ''}`)
  } catch (error) {
    core.warning(`interp-gate: could not upload the artifact "${name}": ${(error as Error).message}`, { title: 'interp-gate: artifact' })
  }
}

const FORK_NOTE =
  'interp-gate: this pull request comes from a fork, so its token is read-only: skipped the PR comment and check run (the summary, annotations, outputs and the results artifact are written). To comment on fork PRs, add a second workflow on `workflow_run` that runs this action with `mode: report` and `permissions: pull-requests: write, checks: write, actions: read` (see docs/github.md).'

/** A shard job's results go to the artifact mode: merge collects; a shard compares, comments and gates nothing. */
async function uploadShard(deps: ModeDeps, clients: GitHubClients | null, settings: Settings, result: PipelineResult, tmp: string): Promise<void> {
  const { core, env } = deps
  const name = shardArtifactName(result.results.suite, settings.shard!)
  if (!clients || !env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    core.warning(
      `interp-gate: not uploading "${name}": it needs a github-token and a GitHub-hosted job (ACTIONS_RUNTIME_TOKEN); mode: merge will miss this shard`,
      { title: 'interp-gate: shard' }
    )
    return
  }
  const dir = mkdtempSync(join(tmp, 'interp-gate-shard-'))
  const { id } = await clients.artifacts.upload(name, stageBundle(dir, { results: result.results }), dir)
  core.info(`interp-gate: uploaded shard ${settings.shard!.index}/${settings.shard!.count} as "${name}"${id ? ` (id ${id})` : ''}`)
}

/**
 * mode: check — compute, compare with the baseline, report everywhere, then fail per `fail-on`. mode: merge runs the
 * same with `produce` merging the shard artifacts instead of computing from arrays.
 */
export async function runCheckMode(deps: ModeDeps, settings: Settings, produce?: ResultsSource): Promise<void> {
  const { core, env } = deps
  const root = env.GITHUB_WORKSPACE ?? process.cwd()
  const workspace = resolve(root, settings.workingDirectory)
  if (relative(root, workspace).startsWith('..')) throw new ActionInputError(`input "working-directory" (${settings.workingDirectory}) leaves the workspace`)
  const ctx = optionalContext(env)
  const clients = ctx && settings.token && deps.github ? deps.github(settings.token) : null
  const tmp = env.RUNNER_TEMP || tmpdir()
  const pr = ctx?.pullRequest ?? null
  const store = openHistoryStore(core, settings, workspace, clients, ctx)
  let earlier: HistoryEntry[] = []

  // A failed run leaves no earlier run's results.json or report.md in `out` for a later step to upload as this run's.
  const result = await runPipeline({
    workspace,
    config: settings.config,
    baseline: null,
    ...(settings.shard
      ? { noBaselineNote: 'a shard is compared after mode: merge', shard: settings.shard }
      : { resolveBaseline: (suite: string) => resolveBaseline(settings.baseline, workspace, { core, ctx, clients, tmp, saveOn: settings.saveOn }, suite) }),
    produce,
    outDir: settings.out,
    loadHistory: store ? async (suite) => (earlier = await loadHistoryEntries(core, store, suite)) : undefined,
    // The PR head is the commit people know; GITHUB_SHA of a pull_request run is a merge commit that changes with the base.
    commit: pr?.headSha ?? ctx?.mergeGroup?.headSha ?? env.GITHUB_SHA ?? null,
    ref: env.GITHUB_REF ?? null,
    // A resource limit, set in the job env like NODE_OPTIONS.
    ...(Number(env.INTERP_GATE_MAX_INPUT_BYTES) > 0 ? { maxInputBytes: Number(env.INTERP_GATE_MAX_INPUT_BYTES) } : {}),
    // Long runs log a line every few seconds inside a collapsed ::group:: per phase.
    parallel: deps.parallel,
    progress: (metrics) => createProgress({ mode: 'actions', write: (text) => process.stdout.write(text), now: () => performance.now(), metrics })
  }).catch(clearOutputsAndRethrow(workspace, settings.out))
  const { comparison } = result
  // Annotations point at repository paths: the config lives under working-directory.
  const fromRoot = (p: string) => posix.join(relative(root, workspace).split('\\').join('/') || '.', p).replace(/^\.\//, '')
  const annotations = result.annotations.map((a) => ({ ...a, ...(a.file ? { file: fromRoot(a.file) } : {}) }))
  emitAnnotations(core, annotations)
  await core.summary.addRaw(renderMarkdown(comparison, { maxBytes: JOB_SUMMARY_BYTES }), true).write()

  const regressions = comparison.rows.filter((r) => r.status === 'regressed' || r.status === 'failed').length
  // A shard gates nothing: it has no verdict to report.
  core.setOutput('verdict', comparison.shard ? '' : comparison.verdict)
  core.setOutput('regressions', String(regressions))
  core.setOutput('results-path', result.paths.results)
  core.setOutput('comparison-path', result.paths.comparison ?? '')
  core.setOutput('report-path', result.paths.report)
  core.setOutput('baseline-commit', comparison.base?.commit ?? '')
  core.setOutput('junit-path', settings.junit === undefined ? '' : writeJunitFile(workspace, settings.junit, result))
  core.info(`interp-gate: ${comparison.shard ? shardBanner(comparison.shard) : comparison.verdict} — report at ${join(settings.out, 'report.md')}`)

  if (settings.shard) {
    await uploadShard(deps, clients, settings, result, tmp)
    if (result.inputErrors) core.setFailed(`interp-gate: ${result.inputErrors} metric(s) could not be computed; see the annotations`)
    return
  }

  if (ctx && clients) {
    await uploadArtifact(deps, clients, ctx, settings, result, fromRoot, tmp)
    if (store && artifactPurpose(ctx, settings) === 'baseline') {
      const repoUrl = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${ctx.repo.fullName}`
      const dashboard = settings.dashboard
        ? (entries: HistoryEntry[]) => renderDashboard(dashboardData(entries, { repoUrl }), { title: `interp-gate: ${ctx.repo.fullName}` })
        : undefined
      await recordHistory(core, { store, ctx, result, earlier, dashboard })
    }
    if (pr?.fork) core.info(FORK_NOTE)
    else {
      const published = await publishReport(core, clients.api, {
        repo: ctx.repo,
        pullRequest: pr?.number ?? null,
        // A merge queue's check belongs on the queue's commit; it has no pull request to comment on.
        headSha: pr?.headSha ?? ctx.mergeGroup?.headSha ?? ctx.sha,
        comparison,
        annotations,
        comment: settings.comment,
        checkName: settings.checkName
      })
      core.setOutput('comment-url', published.commentUrl ?? '')
      core.setOutput('check-run-id', published.checkRunId === undefined ? '' : String(published.checkRunId))
    }
  } else if (ctx) core.info('interp-gate: no github-token: skipped the base-branch baseline, artifact, PR comment and check run')

  if (result.inputErrors) core.setFailed(`interp-gate: ${result.inputErrors} metric(s) could not be computed; see the annotations`)
  else if (comparison.verdict === 'fail' && settings.failOn !== 'never')
    core.setFailed(`interp-gate: a gate failed (${regressions} regressed or failed metric(s))`)
  else if (comparison.verdict === 'warn' && settings.failOn === 'warning') core.setFailed('interp-gate: warnings and fail-on is "warning"')
}
