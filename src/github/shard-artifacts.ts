import type { Results, ShardInfo } from '../results/schema.js'
import { describeApiError, type GitHubClients, paginate } from './api.js'
import { downloadResultsArtifact } from './baseline.js'
import { artifactName, BundleError, CAPS } from './bundle.js'
import type { RepoRef } from './context.js'

/** `interp-gate-<suite>-shard-2-of-4`: one per shard job of a run; mode: merge collects them. */
export const shardArtifactName = (suite: string, shard: ShardInfo) => `${artifactName(suite)}-shard-${shard.index}-of-${shard.count}`

/** Shard artifacts are not report bundles: mode: report leaves them alone. */
export const isShardArtifact = (name: string) => /-shard-\d+-of-\d+$/.test(name)

interface ListedArtifact {
  id: number
  name: string
  expired?: boolean
  size_in_bytes?: number
}

/** The results.json of every shard artifact this run uploaded for `suite`, in name order; "artifact NAME" names each in messages. */
export async function downloadShardResults(clients: GitHubClients, repo: RepoRef, runId: number, suite: string, tmp: string): Promise<{ file: string; results: Results }[]> {
  const pattern = new RegExp(`^${artifactName(suite).replace(/[.]/g, '\\.')}-shard-\\d+-of-\\d+$`)
  let listed: ListedArtifact[]
  try {
    listed = await paginate<ListedArtifact>(clients.api, 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', { owner: repo.owner, repo: repo.repo, run_id: runId }, (d) => d?.artifacts, 5)
  } catch (error) {
    throw describeApiError(error, `list the artifacts of run ${runId}`, 'actions: read')
  }
  const shards = listed.filter((a) => pattern.test(a.name) && !a.expired).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
  if (shards.length === 0) {
    throw new BundleError(`run ${runId} has no "${artifactName(suite)}-shard-I-of-N" artifacts: run the matrix jobs with the input \`shard: I/N\` (they upload them) and make the merge job \`needs:\` them`)
  }
  const out: { file: string; results: Results }[] = []
  for (const a of shards) {
    if ((a.size_in_bytes ?? 0) > CAPS.zip) throw new BundleError(`artifact "${a.name}" is ${a.size_in_bytes} bytes, over the ${CAPS.zip}-byte cap`)
    out.push({ file: `artifact "${a.name}"`, results: await downloadResultsArtifact(clients, repo, { runId, artifactId: a.id, what: `the artifact "${a.name}"` }, tmp) })
  }
  return out
}
