import { z } from 'zod'

export const RESULTS_SCHEMA = 'interp-gate/results@1'
export const COMPARISON_SCHEMA = 'interp-gate/comparison@1'

const finiteOrNull = z.number().nullable()

export const intervalSchema = z.object({ level: z.number(), low: finiteOrNull, high: finiteOrNull })

/** Per-example data: base64 of little-endian float64, parallel to ids. */
export const examplesSchema = z.object({
  ids: z.array(z.string()).optional(),
  scores: z.string().optional(),
  columns: z.record(z.string(), z.string()).optional(),
  /** Set when the run had more examples than the suite's max-examples: the data was left out. */
  omitted: z.object({ total: z.number().int(), cap: z.number().int() }).optional()
})

/** Sufficient statistics of the finite per-example scores, kept even when the scores themselves are left out. */
export const summarySchema = z.object({ n: z.number().int(), mean: finiteOrNull, sd: finiteOrNull })

export const metricResultSchema = z.object({
  id: z.string(),
  metric: z.string(),
  title: z.string().optional(),
  family: z.string(),
  direction: z.enum(['higher', 'lower']),
  value: finiteOrNull,
  n: z.number().int(),
  nanCount: z.number().int(),
  ci: intervalSchema.nullable(),
  params: z.record(z.string(), z.unknown()),
  binary: z.boolean().optional(),
  /** Hash of the example ids, or of the label-like input when there are no ids: "same eval set" check. */
  fingerprint: z.string().optional(),
  summary: summarySchema.optional(),
  /** The gate and severity this run was configured with: on the base branch, the policy PRs are held to. */
  gate: z
    .object({
      min: z.number().optional(),
      max: z.number().optional(),
      'max-regression': z.union([z.number(), z.string().regex(/^\d+(\.\d+)?%$/)]).optional(),
      significance: z.number().gt(0).lt(1).optional(),
      history: z.enum(['iqr']).optional()
    })
    .strict()
    .optional(),
  severity: z.enum(['error', 'warning', 'notice']).optional(),
  examples: examplesSchema.optional(),
  error: z.string().optional()
})

export const resultsSchema = z.object({
  schema: z.literal(RESULTS_SCHEMA),
  tool: z.string(),
  suite: z.string(),
  commit: z.string().nullable(),
  ref: z.string().nullable(),
  createdAt: z.string(),
  metrics: z.array(metricResultSchema)
})

export type Interval = z.infer<typeof intervalSchema>
export type MetricResult = z.infer<typeof metricResultSchema>
export type Results = z.infer<typeof resultsSchema>

export const statusSchema = z.enum(['pass', 'improved', 'regressed', 'failed', 'new', 'missing', 'error', 'incompatible'])
export type Status = z.infer<typeof statusSchema>

export const gateCheckSchema = z.object({
  rule: z.enum(['min', 'max', 'max-regression', 'history']),
  limit: z.union([z.number(), z.string()]),
  ok: z.boolean(),
  /** Why it decided so, in words ("worsened by 0.031 > 0.02, p=0.003 < 0.05"). */
  detail: z.string().optional()
})

export const topWorseSchema = z.object({ id: z.string(), base: z.number(), head: z.number(), delta: z.number() })

export const rowSchema = z.object({
  id: z.string(),
  metric: z.string(),
  title: z.string().optional(),
  direction: z.enum(['higher', 'lower']),
  status: statusSchema,
  base: finiteOrNull,
  head: finiteOrNull,
  delta: finiteOrNull,
  relDelta: finiteOrNull,
  /** CI of the head value (no baseline) or of Δ = head − base (with one). */
  ci: intervalSchema.nullable(),
  headCi: intervalSchema.nullable().optional(),
  /** Two-sided p of "no difference". */
  pValue: finiteOrNull,
  /** One-sided p of "head is worse", the test a significance gate uses. */
  pWorse: finiteOrNull.optional(),
  /** pWorse after Holm's correction over the suite's significance-gated metrics. */
  pAdjusted: finiteOrNull.optional(),
  paired: z.boolean().nullable(),
  n: z.number().int().optional(),
  nanCount: z.number().int().optional(),
  counts: z.object({ worse: z.number().int(), better: z.number().int(), unchanged: z.number().int(), onlyBase: z.number().int(), onlyHead: z.number().int() }).optional(),
  topWorse: z.array(topWorseSchema).optional(),
  gates: z.array(gateCheckSchema),
  severity: z.enum(['error', 'warning', 'notice']),
  /** Plain-language notes: why incompatible, why an error, left-out data. */
  notes: z.array(z.string()).optional(),
  /** The metric's last values in the history store (base branch), oldest first, for the trend column. */
  trend: z.array(z.number()).optional(),
  /** 1-based line of the metric in the config, for annotations. */
  line: z.number().int().optional()
})

export const runInfoSchema = z.object({ suite: z.string(), commit: z.string().nullable(), ref: z.string().nullable() })

export const comparisonSchema = z.object({
  schema: z.literal(COMPARISON_SCHEMA),
  base: runInfoSchema.nullable(),
  head: runInfoSchema,
  verdict: z.enum(['pass', 'warn', 'fail']),
  baselineNote: z.string().optional(),
  rows: z.array(rowSchema)
})

export type GateCheck = z.infer<typeof gateCheckSchema>
export type Row = z.infer<typeof rowSchema>
export type Comparison = z.infer<typeof comparisonSchema>
export type Verdict = Comparison['verdict']
