import { tmpdir } from 'node:os'
import { JOB_SUMMARY_BYTES } from '../domain/limits.js'
import type { GitHubClients } from '../github/api.js'
import { downloadArtifactFiles, type ListedArtifact, listRunArtifacts } from '../github/artifacts.js'
import { ARTIFACT_PREFIX, BundleError, type BundleContext, parseContext, parseUntrustedComparison } from '../github/bundle.js'
import { readRunContext, type RepoRef, type WorkflowRunInfo } from '../github/context.js'
import { findPullRequestByHead } from '../github/pulls.js'
import { isShardArtifact } from '../github/shard-artifacts.js'
import { buildAnnotations } from '../report/annotations.js'
import { renderMarkdown } from '../report/markdown.js'
import type { Comparison, Verdict } from '../results/results-schema.js'
import type { ModeDeps } from './check-mode.js'
import { ActionInputError } from './core-inputs.js'
import { publishReport } from './publish.js'
import type { Settings } from './settings.js'

/** Downloads and validates one artifact: it was written by a run of possibly untrusted code, so it is only data. */
async function readBundle(
  clients: GitHubClients,
  repo: RepoRef,
  run: WorkflowRunInfo,
  artifact: ListedArtifact,
  tmp: string
): Promise<{ context: BundleContext; comparison: Comparison }> {
  const files = await downloadArtifactFiles(clients, repo, run.id, artifact, ['context.json', 'comparison.json'], tmp)
  const contextText = files.get('context.json')
  const comparisonText = files.get('comparison.json')
  if (contextText === undefined || comparisonText === undefined)
    throw new BundleError(`artifact "${artifact.name}" has no context.json / comparison.json: was it uploaded by a pull_request run of interp-gate?`)
  const context = parseContext(contextText)
  const comparison = parseUntrustedComparison(comparisonText)
  const where = `artifact "${artifact.name}" of run ${run.id}`
  if (`${ARTIFACT_PREFIX}${context.suite}` !== artifact.name || comparison.head.suite !== context.suite)
    throw new BundleError(`${where}: its suite does not match its name`)
  // The sha comes from the workflow_run event, which GitHub wrote; the artifact must agree with it.
  if (context.headSha !== run.headSha)
    throw new BundleError(`${where}: made for commit ${context.headSha.slice(0, 7)}, but the run built ${run.headSha.slice(0, 7)}`)
  return { context, comparison }
}

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 }

/** mode: report — on workflow_run, post the comment and check run for the compare run's artifact. */
export async function runReportMode(deps: ModeDeps, settings: Settings): Promise<void> {
  const { core, env } = deps
  const ctx = readRunContext(env)
  const run = ctx.workflowRun
  if (!run)
    throw new ActionInputError(
      `input "mode": report runs in a workflow triggered by workflow_run; this run was triggered by ${ctx.eventName || 'an unknown event'}`
    )
  if (!settings.token || !deps.github)
    throw new ActionInputError('input "github-token": mode: report needs a token with actions: read, pull-requests: write and checks: write')
  if (run.event !== 'pull_request' && run.event !== 'pull_request_target') {
    core.info(`interp-gate: run ${run.id} was triggered by ${run.event}, not a pull request: nothing to report`)
    return
  }
  const clients = deps.github(settings.token)
  const tmp = env.RUNNER_TEMP || tmpdir()
  // The compare run's interp-gate artifacts, one per suite, by name.
  const bundles = (await listRunArtifacts(clients.api, ctx.repo, run.id))
    .filter((a) => a.name.startsWith(ARTIFACT_PREFIX) && !isShardArtifact(a.name) && !a.expired)
    .sort((a, b) => a.name.localeCompare(b.name))
  if (bundles.length === 0) {
    core.warning(
      `interp-gate: run ${run.id} has no unexpired interp-gate-* artifact: did its interp-gate step run (conclusion: ${run.conclusion ?? 'unknown'})?`,
      { title: 'interp-gate: report' }
    )
    return
  }
  const headOwner = run.headRepo?.split('/')[0] ?? null
  const pullRequest = await findPullRequestByHead(clients.api, ctx.repo, run.headSha, { owner: headOwner, branch: run.headBranch })
  if (pullRequest === null) core.info(`interp-gate: no open pull request has head ${run.headSha.slice(0, 7)}: posting the check run only`)
  else core.info(`interp-gate: reporting on pull request #${pullRequest} (found by head ${run.headSha.slice(0, 7)})`)

  let verdict: Verdict = 'pass'
  let regressions = 0
  const urls: string[] = []
  for (const artifact of bundles) {
    const { context, comparison } = await readBundle(clients, ctx.repo, run, artifact, tmp)
    // Comparison rows carry their config line; annotations land on the config or the metric's source file.
    const annotations = buildAnnotations(comparison, context.configPath ?? 'interp-gate.yml', context.sources ?? {})
    const published = await publishReport(core, clients.api, {
      repo: ctx.repo,
      pullRequest,
      headSha: run.headSha,
      comparison,
      annotations,
      comment: settings.comment,
      checkName: settings.checkName && bundles.length > 1 ? `${settings.checkName} (${context.suite})` : settings.checkName
    })
    if (published.commentUrl) urls.push(published.commentUrl)
    await core.summary.addRaw(renderMarkdown(comparison, { maxBytes: Math.floor(JOB_SUMMARY_BYTES / bundles.length) }), true).write()
    if (RANK[comparison.verdict] > RANK[verdict]) verdict = comparison.verdict
    regressions += comparison.rows.filter((r) => r.status === 'regressed' || r.status === 'failed').length
  }
  core.setOutput('verdict', verdict)
  core.setOutput('regressions', String(regressions))
  core.setOutput('pull-request', pullRequest === null ? '' : String(pullRequest))
  core.setOutput('comment-url', urls.join('\n'))
}
