import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Results } from '../results/schema.js'
import { type Api, describeApiError, type GitHubClients } from './api.js'
import { BundleError, CAPS, parseBundleResults, unzipBundle } from './bundle.js'
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

async function listRuns(api: Api, s: BaselineSearch, query: Record<string, unknown>, pages: number): Promise<WorkflowRun[]> {
  const where = { owner: s.repo.owner, repo: s.repo.repo }
  const route = s.workflow ? 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs' : 'GET /repos/{owner}/{repo}/actions/runs'
  const runs: WorkflowRun[] = []
  for (let page = 1; page <= pages; page++) {
    const { data } = await api.request(route, { ...where, ...(s.workflow ? { workflow_id: s.workflow } : {}), branch: s.branch, event: 'push', status: 'success', ...query, per_page: 100, page })
    const batch: WorkflowRun[] = data?.workflow_runs ?? []
    runs.push(...batch)
    if (batch.length < 100) break
  }
  // The API filters too, but a baseline must come from a successful push of this repository's branch, never a fork.
  return runs.filter((r) => r.event === 'push' && r.conclusion === 'success' && r.head_branch === s.branch && r.head_repository?.full_name?.toLowerCase() === s.repo.fullName.toLowerCase())
}

async function artifactOf(api: Api, s: BaselineSearch, runId: number): Promise<{ id: number } | 'expired' | 'absent'> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', { owner: s.repo.owner, repo: s.repo.repo, run_id: runId, name: s.artifact, per_page: 100 })
  const named: { id: number; name: string; expired?: boolean; size_in_bytes?: number }[] = (data?.artifacts ?? []).filter((a: { name: string }) => a.name === s.artifact)
  const live = named.filter((a) => !a.expired && (a.size_in_bytes ?? 0) <= CAPS.zip).sort((a, b) => b.id - a.id)
  if (live.length) return { id: live[0].id }
  return named.length ? 'expired' : 'absent'
}

async function commitDate(api: Api, s: BaselineSearch): Promise<string | null> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: s.repo.owner, repo: s.repo.repo, ref: s.sha })
    return data?.commit?.committer?.date ?? data?.commit?.author?.date ?? null
  } catch {
    return null
  }
}

/**
 * The baseline run: a successful push run on the branch at the wanted commit with a live artifact; else the newest
 * earlier one that has it. The note says which commit and why.
 */
export async function findBaselineRun(api: Api, s: BaselineSearch): Promise<BaselineLookup> {
  try {
    const exact = (await listRuns(api, s, { head_sha: s.sha }, 1)).filter((r) => r.head_sha === s.sha)
    let reason = 'has no successful push run of this workflow'
    for (const run of exact) {
      const artifact = await artifactOf(api, s, run.id)
      if (typeof artifact === 'object') return { found: { runId: run.id, artifactId: artifact.id, commit: s.sha, note: `${short(s.sha)} on ${s.branch}, ${s.why}` } }
      reason = artifact === 'expired' ? `has a baseline artifact that has expired` : `has a run without the "${s.artifact}" artifact`
    }
    const date = await commitDate(api, s)
    const earlier = (await listRuns(api, s, {}, 2)).filter((r) => r.head_sha !== s.sha && (!date || !r.head_commit?.timestamp || Date.parse(r.head_commit.timestamp) <= Date.parse(date)))
    for (const run of earlier.slice(0, MAX_CANDIDATES)) {
      const artifact = await artifactOf(api, s, run.id)
      if (typeof artifact !== 'object') continue
      const note = `${short(run.head_sha)} on ${s.branch}, the newest ${date ? 'earlier ' : ''}run with a baseline: ${s.why} ${short(s.sha)} ${reason}`
      return { found: { runId: run.id, artifactId: artifact.id, commit: run.head_sha, note } }
    }
    return { found: null, note: `${s.why} ${short(s.sha)} on ${s.branch} ${reason}, and no earlier ${s.branch} run has an unexpired "${s.artifact}" artifact` }
  } catch (error) {
    throw describeApiError(error, `look up the baseline on ${s.branch}`, 'actions: read')
  }
}

/** Downloads the found run's artifact and validates its results.json: it is data from another run, not trusted. */
export async function downloadBaseline(clients: GitHubClients, repo: RepoRef, found: FoundBaseline, tmp: string, suite: string): Promise<Results> {
  const results = await downloadResultsArtifact(clients, repo, { runId: found.runId, artifactId: found.artifactId, what: 'the baseline artifact' }, tmp)
  if (results.suite !== suite) throw new BundleError(`the baseline artifact is for suite "${results.suite}", not "${suite}"`)
  return results
}

/** One artifact's results.json, downloaded, unzipped within the size caps and validated; `what` names it in messages. */
export async function downloadResultsArtifact(clients: GitHubClients, repo: RepoRef, artifact: { runId: number; artifactId: number; what: string }, tmp: string): Promise<Results> {
  const dir = mkdtempSync(join(tmp, 'interp-gate-results-'))
  try {
    try {
      await clients.artifacts.download(artifact.artifactId, { owner: repo.owner, repo: repo.repo, runId: artifact.runId }, dir)
    } catch (error) {
      throw describeApiError(error, `download ${artifact.what} of run ${artifact.runId}`, 'actions: read')
    }
    const [file] = readdirSync(dir)
    const files = unzipBundle(readFileSync(join(dir, file)), ['results.json'])
    const text = files.get('results.json')
    if (text === undefined) throw new BundleError(`${artifact.what} has no results.json at its root`)
    return parseBundleResults(text)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
