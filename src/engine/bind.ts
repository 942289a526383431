import type { z } from 'zod'
import { findMetric, unknownMetricMessage } from '../metrics/registry.js'
import type { Direction, Severity } from '../domain/policy.js'
import type { MetricDefinition } from '../metrics/definition.js'
import { didYouMean } from '../util/suggest.js'
import { ConfigError, issueMessages, type LoadedConfig } from '../config/load.js'
import type { MetricEntry } from '../config/config-schema.js'

/** A config metric entry joined with its definition and validated params. */
export interface BoundMetric {
  entry: MetricEntry
  /** Position in config.metrics, for messages and annotation lines. */
  index: number
  definition: MetricDefinition
  params: unknown
  direction: Direction
  severity: Severity
}

export type PluginLoader = (modulePath: string) => Promise<MetricDefinition>

/** Checks each entry against the catalogue: metric name, input names, params. All problems are reported at once. */
export async function bindMetrics(loaded: LoadedConfig, loadPlugin?: PluginLoader): Promise<BoundMetric[]> {
  const { bound, problems } = await bindEntries([...loaded.config.metrics.entries()], loaded.at, loaded.config.defaults.severity, loadPlugin)
  if (problems.length) throw new ConfigError(problems.join('\n'))
  return bound
}

/**
 * The checks of bindMetrics on some entries (by their index in the file), returning the problems instead of
 * throwing, so a config that also fails the schema gets every problem reported in one run.
 */
export async function bindEntries(
  entries: readonly [number, MetricEntry][],
  at: LoadedConfig['at'],
  defaultSeverity: Severity,
  loadPlugin?: PluginLoader,
  skipPlugins = false
): Promise<{ bound: BoundMetric[]; problems: string[] }> {
  const problems: string[] = []
  const bound: BoundMetric[] = []
  for (const [index, entry] of entries) {
    const here = ['metrics', index]
    let definition: MetricDefinition | undefined
    if (entry.metric === 'plugin') {
      if (skipPlugins && entry.module) continue
      if (!entry.module) {
        problems.push(`${at([...here, 'metric'])}: metric "plugin" needs \`module: ./path/to/metric.mjs\``)
        continue
      }
      if (!loadPlugin) {
        problems.push(`${at([...here, 'module'])}: plugin metrics are not loaded here (mode: report never runs repository code)`)
        continue
      }
      try {
        definition = await loadPlugin(entry.module)
      } catch (error) {
        problems.push(`${at([...here, 'module'])}: ${(error as Error).message}`)
        continue
      }
    } else {
      definition = findMetric(entry.metric)
      if (!definition) {
        problems.push(`${at([...here, 'metric'])}: ${unknownMetricMessage(entry.metric)}`)
        continue
      }
      if (entry.module) problems.push(`${at([...here, 'module'], true)}: \`module\` is only for \`metric: plugin\``)
    }
    const names = definition.inputs.map((s) => s.name)
    for (const name of Object.keys(entry.inputs)) {
      if (!names.includes(name)) {
        problems.push(
          `${at([...here, 'inputs', name], true)}: metric "${definition.name}" has no input ${JSON.stringify(name)}${didYouMean(name, names)}; its inputs are ${names.join(', ')}`
        )
      }
    }
    for (const spec of definition.inputs) {
      if (!spec.optional && !(spec.name in entry.inputs)) {
        problems.push(`${at([...here, 'inputs'])}: metric "${definition.name}" needs input "${spec.name}" (${spec.description})`)
      }
    }
    const parsed = (definition.params as z.ZodType).safeParse(entry.params)
    if (!parsed.success) {
      problems.push(...issueMessages(parsed.error.issues, entry.params, definition.params as z.ZodType, at, [...here, 'params']))
      continue
    }
    bound.push({
      entry,
      index,
      definition,
      params: parsed.data,
      direction: entry.direction ?? definition.direction,
      severity: entry.severity ?? defaultSeverity
    })
  }
  return { bound, problems }
}
