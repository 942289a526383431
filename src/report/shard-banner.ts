import type { ShardInfo } from '../results/results-schema.js'

/** What a shard's report says in place of a verdict: its partial values are gated only after `merge`. */
export function shardBanner(shard: ShardInfo): string {
  return `shard ${shard.index}/${shard.count} — not gated until merge`
}
