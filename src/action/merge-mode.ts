import { tmpdir } from 'node:os'
import { mergeShards } from '../engine/shards.js'
import { readRunContext } from '../github/context.js'
import { downloadShardResults } from '../github/shard-artifacts.js'
import { type ModeDeps, runCheckMode } from './check-mode.js'
import { ActionInputError } from './core-inputs.js'
import type { Settings } from './settings.js'

/**
 * mode: merge — the final job of a matrix: downloads this run's shard artifacts (`interp-gate-<suite>-shard-I-of-N`),
 * merges them into the results an unsharded run would have, then compares, reports and gates exactly as mode: check.
 */
export async function runMergeMode(deps: ModeDeps, settings: Settings): Promise<void> {
  const ctx = readRunContext(deps.env)
  const runId = ctx.runId
  if (runId === null) throw new ActionInputError('input "mode": merge collects the shard artifacts of this workflow run, but GITHUB_RUN_ID is not set')
  if (!settings.token || !deps.github)
    throw new ActionInputError('input "github-token": mode: merge downloads the shard artifacts and needs a token with actions: read')
  const clients = deps.github(settings.token)
  const tmp = deps.env.RUNNER_TEMP || tmpdir()
  await runCheckMode(deps, settings, async (loaded, bound, info) => {
    const shards = await downloadShardResults(clients, ctx.repo, runId, loaded.config.suite, tmp)
    deps.core.info(`interp-gate: merging ${shards.length} shard artifact(s): ${shards.map((s) => s.file).join(', ')}`)
    return mergeShards(shards, settings.config)(loaded, bound, info)
  })
}
