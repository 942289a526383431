import { ConfigError, type LoadedConfig } from '../config/load.js'
import type { InputReader } from '../inputs/index.js'
import { ResultsError } from '../results/io.js'
import type { SliceLabels } from '../results/results-schema.js'
import { MAX_SLICE_GROUPS } from '../domain/limits.js'

/** Group names in a stable order: numerically when every name is an integer (class ids), else by code point. */
function sortGroups(names: Iterable<string>): string[] {
  const list = [...names]
  const numeric = list.every((g) => /^-?\d+$/.test(g))
  return list.sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0))
}

/** Labels as each distinct group once plus one group index per example. */
export function compactLabels(id: string, labels: readonly string[], ids?: string[]): SliceLabels {
  const groups = sortGroups(new Set(labels))
  const index = new Map(groups.map((g, k) => [g, k]))
  return { id, groups, labels: labels.map((l) => index.get(l)!), ...(ids ? { ids } : {}) }
}

/** Reads every slice of the config; a slice that cannot be read stops the run with the config line to fix. */
export function readSliceLabels(reader: InputReader, loaded: LoadedConfig): SliceLabels[] {
  return loaded.config.slices.map((slice, i) => {
    const where = (key: 'by' | 'ids') => `${loaded.at(['slices', i, key])}: slice "${slice.id}"`
    let labels: string[]
    let ids: string[] | undefined
    try {
      labels = reader.readLabels(slice.by)
    } catch (error) {
      throw new ConfigError(`${where('by')}: ${(error as Error).message}`)
    }
    try {
      ids = slice.ids ? reader.readIds(slice.ids) : undefined
    } catch (error) {
      throw new ConfigError(`${where('ids')}: ${(error as Error).message}`)
    }
    if (ids && ids.length !== labels.length)
      throw new ConfigError(`${where('ids')}: ${ids.length} ids for ${labels.length} labels in ${slice.by}; give one id per label`)
    const slices = compactLabels(slice.id, labels, ids)
    if (slices.groups.length > MAX_SLICE_GROUPS)
      throw new ConfigError(
        `${where('by')}: ${slices.groups.length} distinct labels in ${slice.by}; a slice groups examples into at most ${MAX_SLICE_GROUPS} groups (classes, datasets, templates), so point \`by\` at such a label`
      )
    return slices
  })
}

/** The slices of shards run one after another: labels (and ids) concatenate in shard order, as an unsharded run reads them. */
export function mergeSliceLabels(shards: readonly { file: string; results: { slices?: SliceLabels[] } }[], ids: readonly string[]): SliceLabels[] {
  return ids.map((id) => {
    const parts = shards.map((s) => {
      const found = s.results.slices?.find((x) => x.id === id)
      if (!found) throw new ResultsError(`${s.file}: has no labels of slice "${id}": every shard must be run with the same config`)
      return found
    })
    const withIds = parts.filter((p) => p.ids).length
    if (withIds !== 0 && withIds !== parts.length)
      throw new ResultsError(`slice "${id}": ${shards[parts.findIndex((p) => !p.ids)].file} kept no ids for its labels but other shards did`)
    const labels = parts.flatMap((p) => p.labels.map((k) => p.groups[k]))
    if (withIds === 0) return compactLabels(id, labels)
    const allIds = parts.flatMap((p) => p.ids!)
    const seen = new Set<string>()
    for (const x of allIds) {
      if (seen.has(x)) throw new ResultsError(`slice "${id}": example id "${x}" is labelled in two shards; each example must be in exactly one shard`)
      seen.add(x)
    }
    return compactLabels(id, labels, allIds)
  })
}
