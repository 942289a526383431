import type { BoundMetric } from '../../src/engine/bind.js'
import { builtinMetrics } from '../../src/metrics/registry.js'

/** A built-in metric bound as a config entry would bind it: default params, id `<metric>-<index>`. */
export function bind(metric: string, inputs: Record<string, string>, index = 0): BoundMetric {
  const definition = builtinMetrics.find((d) => d.name === metric)!
  return {
    entry: { id: `${metric}-${index}`, metric, inputs } as BoundMetric['entry'],
    index,
    definition,
    params: definition.params.parse({}),
    direction: definition.direction,
    severity: 'error'
  }
}
