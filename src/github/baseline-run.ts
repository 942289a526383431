import type { Results } from '../results/results-schema.js'
import { type Api, describeApiError, type GitHubClients, GitHubError, paginateBounded } from './api.js'
import { downloadArtifactResults, listRunArtifacts } from './artifacts.js'
import { BundleError, CAPS } from './bundle.js'
import type { RepoRef } from './context.js'

export interface BaselineSearch {
  repo: RepoRef
  /** Workflow file name or id; null searches every workflow of the repository. */
  workflow: string | null
  /** Branch whose push runs saved baselines. */
  branch: string
  /** The commit to compare against (the PR's base sha, the push's previous commit). */
  sha: string
  /** Why that commit, for the report: "the PR's base commit". */
  why: string
  artifact: string
}

export interface FoundBaseline {
  runId: number
  artifactId: number
  commit: string
  /** The run's workflow conclusion (null while it runs): a failed workflow still measured when its artifact exists. */
  conclusion: string | null
  note: string
}

export type BaselineLookup = { found: FoundBaseline } | { found: null; note: string }

interface WorkflowRun {
  id: number
  event?: string
  conclusion?: string | null
  head_sha: string
  head_branch?: string | null
  head_repository?: { full_name?: string } | null
  head_commit?: { timestamp?: string } | null
}

/** Earlier runs examined when the base commit has no baseline: enough for a busy branch, bounded API use. */
const MAX_CANDIDATES = 10
const short = (sha: string) => sha.slice(0, 7)

async function listRuns(api: Api, s: BaselineSearch, query: { head_sha?: string }, pages: number): Promise<WorkflowRun[]> {
  // Any conclusion: the artifact exists only when interp-gate finished measuring, whatever else failed in the workflow.
  const common = { owner: s.repo.owner, repo: s.repo.repo, branch: s.branch, event: 'push', per_page: 100, ...query }
  const listed = s.workflow
    ? api.paginate.iterator(api.rest.actions.listWorkflowRuns, { ...common, workflow_id: s.workflow })
    : api.paginate.iterator(api.rest.actions.listWorkflowRunsForRepo, common)
  const runs: WorkflowRun[] = (await paginateBounded(pages, listed)).map((r) => ({ ...r, id: Number(r.id) }))
  // The API filters too, but a baseline must come from a push of this repository's branch, never a fork.
  return runs.filter((r) => r.event === 'push' && r.head_branch === s.branch && r.head_repository?.full_name?.toLowerCase() === s.repo.fullName.toLowerCase())
}

async function artifactOf(api: Api, s: BaselineSearch, runId: number): Promise<{ id: number } | 'expired' | 'absent'> {
  const named = await listRunArtifacts(api, s.repo, runId, s.artifact)
  const live = named.filter((a) => !a.expired && a.sizeInBytes <= CAPS.zip)
  if (live.length) return { id: live[0].id }
  return named.length ? 'expired' : 'absent'
}

async function commitDate(api: Api, s: BaselineSearch): Promise<string | null> {
  try {
    const { data } = await api.rest.repos.getCommit({ owner: s.repo.owner, repo: s.repo.repo, ref: s.sha })
    return data?.commit?.committer?.date ?? data?.commit?.author?.date ?? null
  } catch {
    return null
  }
}

/** What the report says about a baseline run whose workflow did not succeed (its interp-gate step still measured). */
function conclusionNote(run: WorkflowRun): string {
  if (run.conclusion === 'success') return ''
  const state = run.conclusion ? `concluded "${run.conclusion}"` : 'had not finished'
  return ` (that run's workflow ${state}; its interp-gate artifact is complete, so it is the baseline)`
}

/**
 * The baseline run: a push run on the branch at the wanted commit with a live artifact, whatever its workflow's
 * conclusion; else the newest earlier one that has it. The note says which commit, why, and a failed workflow.
 */
export async function findBaselineRun(api: Api, s: BaselineSearch): Promise<BaselineLookup> {
  try {
    const exact = (await listRuns(api, s, { head_sha: s.sha }, 1)).filter((r) => r.head_sha === s.sha)
    let reason = 'has no push run of this workflow'
    for (const run of exact) {
      const artifact = await artifactOf(api, s, run.id)
      if (typeof artifact === 'object') {
        return {
          found: {
            runId: run.id,
            artifactId: artifact.id,
            commit: s.sha,
            conclusion: run.conclusion ?? null,
            note: `${short(s.sha)} on ${s.branch}, ${s.why}${conclusionNote(run)}`
          }
        }
      }
      reason = artifact === 'expired' ? `has a baseline artifact that has expired` : `has a run without the "${s.artifact}" artifact`
    }
    const date = await commitDate(api, s)
    const earlier = (await listRuns(api, s, {}, 2)).filter(
      (r) => r.head_sha !== s.sha && (!date || !r.head_commit?.timestamp || Date.parse(r.head_commit.timestamp) <= Date.parse(date))
    )
    for (const run of earlier.slice(0, MAX_CANDIDATES)) {
      const artifact = await artifactOf(api, s, run.id)
      if (typeof artifact !== 'object') continue
      const note = `${short(run.head_sha)} on ${s.branch}, the newest ${date ? 'earlier ' : ''}run with a baseline: ${s.why} ${short(s.sha)} ${reason}${conclusionNote(run)}`
      return { found: { runId: run.id, artifactId: artifact.id, commit: run.head_sha, conclusion: run.conclusion ?? null, note } }
    }
    return { found: null, note: `${s.why} ${short(s.sha)} on ${s.branch} ${reason}, and no earlier ${s.branch} run has an unexpired "${s.artifact}" artifact` }
  } catch (error) {
    if (error instanceof GitHubError) throw error
    throw describeApiError(error, `look up the baseline on ${s.branch}`, 'actions: read')
  }
}

/** Downloads the found run's artifact and validates its results.json: it is data from another run, not trusted. */
export async function downloadBaseline(clients: GitHubClients, repo: RepoRef, found: FoundBaseline, tmp: string, suite: string): Promise<Results> {
  const artifact = { id: found.artifactId, name: `baseline of run ${found.runId}`, expired: false, sizeInBytes: 0 }
  const results = await downloadArtifactResults(clients, repo, found.runId, artifact, tmp)
  if (results === undefined) throw new BundleError('the baseline artifact has no results.json at its root')
  if (results.suite !== suite) throw new BundleError(`the baseline artifact is for suite "${results.suite}", not "${suite}"`)
  return results
}
