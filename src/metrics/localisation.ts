import type { MetricDefinition } from './types.js'

export const definitions: MetricDefinition[] = []
