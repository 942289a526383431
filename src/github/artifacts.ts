import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { type Api, describeApiError, type GitHubClients, paginateBounded } from './api.js'
import type { Results } from '../results/results-schema.js'
import { type BundleFile, BundleError, CAPS, parseBundleResults, unzipBundle, unzipBundleBytes, unzipText } from './bundle.js'
import type { RepoRef } from './context.js'

export interface ListedArtifact {
  id: number
  name: string
  expired: boolean
  sizeInBytes: number
}

/** A run's artifacts (optionally only those named `name`), newest first. */
export async function listRunArtifacts(api: Api, repo: RepoRef, runId: number, name?: string): Promise<ListedArtifact[]> {
  try {
    const pages = api.paginate.iterator(api.rest.actions.listWorkflowRunArtifacts, {
      owner: repo.owner,
      repo: repo.repo,
      run_id: runId,
      per_page: 100,
      ...(name ? { name } : {})
    })
    const listed = await paginateBounded(5, pages)
    return listed
      .map((a) => ({ id: Number(a.id), name: a.name, expired: Boolean(a.expired), sizeInBytes: Number(a.size_in_bytes ?? 0) }))
      .filter((a) => name === undefined || a.name === name)
      .sort((a, b) => b.id - a.id)
  } catch (error) {
    throw describeApiError(error, `list the artifacts of run ${runId}`, 'actions: read')
  }
}

/**
 * Downloads one artifact of another run and unzips only the `wanted` files, each within its size cap. The artifact
 * was written by a run of possibly untrusted code: callers validate what comes back as data.
 */
export async function downloadArtifactFiles(
  clients: GitHubClients,
  repo: RepoRef,
  runId: number,
  artifact: ListedArtifact,
  wanted: readonly BundleFile[],
  tmp: string
): Promise<Map<BundleFile, string>> {
  return withArtifactZip(clients, repo, runId, artifact, tmp, (zip) => unzipBundle(zip, wanted))
}

/** An artifact's results.json with its per-example sidecar, validated; undefined when it has no results.json. */
export async function downloadArtifactResults(
  clients: GitHubClients,
  repo: RepoRef,
  runId: number,
  artifact: ListedArtifact,
  tmp: string
): Promise<Results | undefined> {
  return withArtifactZip(clients, repo, runId, artifact, tmp, (zip) => {
    const files = unzipBundleBytes(zip, ['results.json', 'results.scores.bin'])
    const json = files.get('results.json')
    if (json === undefined) return undefined
    const text = unzipText(json, 'results.json')
    return parseBundleResults(text, files.get('results.scores.bin'))
  })
}

async function withArtifactZip<T>(
  clients: GitHubClients,
  repo: RepoRef,
  runId: number,
  artifact: ListedArtifact,
  tmp: string,
  use: (zip: Uint8Array) => T
): Promise<T> {
  if (artifact.sizeInBytes > CAPS.zip)
    throw new BundleError(`artifact "${artifact.name}" of run ${runId} is ${artifact.sizeInBytes} bytes, over the ${CAPS.zip}-byte cap`)
  const dir = mkdtempSync(join(tmp, 'interp-gate-artifact-'))
  try {
    try {
      await clients.artifacts.download(artifact.id, { owner: repo.owner, repo: repo.repo, runId }, dir)
    } catch (error) {
      throw describeApiError(error, `download the artifact "${artifact.name}" of run ${runId}`, 'actions: read')
    }
    const [file] = readdirSync(dir)
    return use(readFileSync(join(dir, file)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
