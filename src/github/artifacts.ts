import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { type Api, describeApiError, type GitHubClients, paginateBounded } from './api.js'
import { type BundleFile, BundleError, CAPS, unzipBundle } from './bundle.js'
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
    return unzipBundle(readFileSync(join(dir, file)), wanted)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
