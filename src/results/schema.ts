import { z } from 'zod'

export const RESULTS_SCHEMA = 'interp-gate/results@1'
export const COMPARISON_SCHEMA = 'interp-gate/comparison@1'

const finiteOrNull = z.number().nullable()

export const intervalSchema = z.object({ level: z.number().gt(0).lt(1), low: finiteOrNull, high: finiteOrNull })

/** Base64 that decodes to whole little-endian float64 values (a multiple of 8 bytes). */
const float64Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64')
  .refine((text) => (text.length % 4 === 0 && ((text.length / 4) * 3 - (text.match(/=+$/)?.[0].length ?? 0)) % 8 === 0), 'expected base64 of whole float64 values (a multiple of 8 bytes)')

/** Nesting depth of a JSON value, counted without recursion so a hostile file can't overflow the stack. */
function depthOf(value: unknown, limit: number): number {
  let level: unknown[] = [value]
  let depth = 0
  while (level.length && depth <= limit) {
    const next: unknown[] = []
    for (const v of level) if (v !== null && typeof v === 'object') next.push(...Object.values(v))
    if (next.length === 0) break
    level = next
    depth++
  }
  return depth
}

/** Metric params are a few levels deep; a deeper record is tampering and would overflow recursive code later. */
export const MAX_PARAMS_DEPTH = 16

/** Per-example data: base64 of little-endian float64, parallel to ids. */
export const examplesSchema = z.object({
  ids: z.array(z.string()).optional(),
  scores: float64Base64.optional(),
  columns: z.record(z.string(), float64Base64).optional(),
  /** Set when the run had more examples than the suite's max-examples: the data was left out. */
  omitted: z.object({ total: z.number().int(), cap: z.number().int() }).optional()
})

/** Sufficient statistics of the finite per-example scores, kept even when the scores themselves are left out. */
export const summarySchema = z.object({ n: z.number().int().nonnegative(), mean: finiteOrNull, sd: finiteOrNull })

export const metricResultSchema = z.object({
  id: z.string(),
  metric: z.string(),
  title: z.string().optional(),
  family: z.string(),
  direction: z.enum(['higher', 'lower']),
  value: finiteOrNull,
  n: z.number().int().nonnegative(),
  nanCount: z.number().int().nonnegative(),
  ci: intervalSchema.nullable(),
  params: z.record(z.string(), z.unknown()).refine((p) => depthOf(p, MAX_PARAMS_DEPTH) <= MAX_PARAMS_DEPTH, `nested deeper than ${MAX_PARAMS_DEPTH} levels`),
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
  metrics: z.array(metricResultSchema).superRefine((metrics, ctx) => {
    const seen = new Set<string>()
    metrics.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate metric id "${m.id}"` })
      seen.add(m.id)
    })
  })
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
