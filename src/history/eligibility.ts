import type { Results } from '../results/results-schema.js'

/**
 * Why a results file must not become a history entry, or null when it may: history is one entry per commit of a
 * branch, so a shard (part of the examples), a pull request's run (a merge commit that changes with its base) or a run
 * without a commit would replace or add a point that is not the branch's value and make trends and change points lie.
 */
export function historyRefusal(results: Results): string | null {
  if (results.shard)
    return `it is shard ${results.shard.index}/${results.shard.count} of a sharded run (a part of the examples); add the results of \`interp-gate merge\` instead`
  if (results.ref && /^refs\/pull\//.test(results.ref))
    return `it is a pull request's run (ref ${results.ref}), not a commit of a branch; history records push runs of the branches it follows`
  if (!results.commit) return 'it records no commit (run with --commit SHA, or in CI where GITHUB_SHA is set); history orders entries by commit'
  return null
}
