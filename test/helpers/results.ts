import { encodeFloat64 } from '../../src/results/encode.js'
import type { MetricResult, Results, Row } from '../../src/results/results-schema.js'

/** A results entry built by hand: value = mean of the scores when scores are given. */
export function metric(id: string, fields: Partial<MetricResult> & { scores?: number[]; ids?: string[] } = {}): MetricResult {
  const { scores, ids, ...rest } = fields
  const value = scores ? scores.reduce((a, b) => a + b, 0) / scores.length : (rest.value ?? null)
  return {
    id,
    metric: 'mean',
    family: 'generic',
    direction: 'higher',
    value,
    n: scores?.length ?? 1,
    nanCount: 0,
    ci: null,
    params: {},
    ...(scores ? { examples: { ...(ids ? { ids } : {}), scores: encodeFloat64(Float64Array.from(scores)) } } : {}),
    ...rest
  }
}

export function results(metrics: MetricResult[], commit = 'a'.repeat(40)): Results {
  return { schema: 'interp-gate/results@1', tool: 'test', suite: 's', commit, ref: 'refs/heads/main', createdAt: '2026-01-01T00:00:00.000Z', metrics }
}

/** A comparison row with every field empty but those given. */
export function row(fields: Partial<Row> & Pick<Row, 'id' | 'status'>): Row {
  return {
    metric: 'mean',
    direction: 'higher',
    base: null,
    head: null,
    delta: null,
    relDelta: null,
    ci: null,
    pValue: null,
    paired: null,
    gates: [],
    severity: 'error',
    ...fields
  }
}
