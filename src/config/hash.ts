import { createHash } from 'node:crypto'
import type { Config } from './config-schema.js'

/** Canonical JSON: keys sorted at every level, so the hash does not depend on key order in the YAML. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * What a run measured, as a hash of the parsed config without its input paths (aliases, `inputs`, `ids`, `source`, slice arrays):
 * shard jobs may read their arrays from other paths, but must agree on everything else.
 */
export function configHash(config: Config): string {
  const measured = {
    ...config,
    inputs: undefined,
    metrics: config.metrics.map((m) => ({ ...m, inputs: Object.keys(m.inputs).sort(), ids: m.ids !== undefined, source: undefined })),
    slices: config.slices.map((s) => ({ id: s.id, ids: s.ids !== undefined }))
  }
  return `sha256:${createHash('sha256').update(canonical(measured)).digest('hex').slice(0, 16)}`
}
