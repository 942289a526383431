import type { Results, ShardInfo } from '../results/results-schema.js'
import type { GitHubClients } from './api.js'
import { downloadArtifactResults, listRunArtifacts } from './artifacts.js'
import { artifactName, BundleError } from './bundle.js'
import type { RepoRef } from './context.js'

/** `interp-gate-<suite>-shard-2-of-4`: one per shard job of a run; mode: merge collects them. */
export const shardArtifactName = (suite: string, shard: ShardInfo) => `${artifactName(suite)}-shard-${shard.index}-of-${shard.count}`

/** Shard artifacts are not report bundles: mode: report leaves them alone. */
export const isShardArtifact = (name: string) => /-shard-\d+-of-\d+$/.test(name)

/** The results.json of every shard artifact this run uploaded for `suite`, in name order; "artifact NAME" names each in messages. */
export async function downloadShardResults(
  clients: GitHubClients,
  repo: RepoRef,
  runId: number,
  suite: string,
  tmp: string
): Promise<{ file: string; results: Results }[]> {
  const prefix = `${artifactName(suite)}-shard-`
  const listed = await listRunArtifacts(clients.api, repo, runId)
  const shards = listed
    .filter((a) => a.name.startsWith(prefix) && isShardArtifact(a.name) && !a.expired)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
  if (shards.length === 0) {
    throw new BundleError(
      `run ${runId} has no "${artifactName(suite)}-shard-I-of-N" artifacts: run the matrix jobs with the input \`shard: I/N\` (they upload them) and make the merge job \`needs:\` them`
    )
  }
  const out: { file: string; results: Results }[] = []
  for (const artifact of shards) {
    const results = await downloadArtifactResults(clients, repo, runId, artifact, tmp)
    if (results === undefined) throw new BundleError(`artifact "${artifact.name}" of run ${runId} has no results.json at its root`)
    out.push({ file: `artifact "${artifact.name}"`, results })
  }
  return out
}
