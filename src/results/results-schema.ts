import { z } from 'zod'
import { resultMetricIdSchema, suiteSchema } from '../domain/ids.js'
import { acceptEntrySchema, directionSchema, gateSchema, severitySchema } from '../domain/policy.js'

export const RESULTS_SCHEMA = 'interp-gate/results@1'
export const COMPARISON_SCHEMA = 'interp-gate/comparison@1'

const finiteOrNull = z.number().nullable()

const intervalSchema = z.object({
  level: z.number().gt(0).lt(1),
  low: finiteOrNull,
  high: finiteOrNull,
  /** bootstrap: percentile bootstrap; normal: normal approximation, used above the resampling budget (n × resamples). */
  method: z.enum(['bootstrap', 'normal']).optional()
})

/** Base64 that decodes to whole little-endian float64 values (a multiple of 8 bytes). */
const float64Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64')
  .refine(
    (text) => text.length % 4 === 0 && ((text.length / 4) * 3 - (text.match(/=+$/)?.[0].length ?? 0)) % 8 === 0,
    'expected base64 of whole float64 values (a multiple of 8 bytes)'
  )

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
const MAX_PARAMS_DEPTH = 16

/** Where an array lies in the sidecar, in float64 values. */
const sidecarRangeSchema = z.object({ offset: z.number().int().nonnegative(), count: z.number().int().nonnegative() })

/** Per-example data: base64 of little-endian float64, parallel to ids; above max-examples in the sidecar instead. */
const examplesSchema = z.object({
  ids: z.array(z.string()).optional(),
  scores: float64Base64.optional(),
  columns: z.record(z.string(), float64Base64).optional(),
  /** The scores' place in the sidecar file (results.json's `sidecar`), when there are more than max-examples. */
  scoresAt: sidecarRangeSchema.optional(),
  columnsAt: z.record(z.string(), sidecarRangeSchema).optional(),
  /** Written by versions before the sidecar when a run had more examples than max-examples: the data was left out. */
  omitted: z.object({ total: z.number().int(), cap: z.number().int() }).optional()
})

/** Sufficient statistics of the finite per-example scores, kept even when the scores themselves are left out. */
const summarySchema = z.object({ n: z.number().int().nonnegative(), mean: finiteOrNull, sd: finiteOrNull })

const metricResultSchema = z.object({
  id: resultMetricIdSchema,
  metric: z.string(),
  title: z.string().optional(),
  family: z.string(),
  direction: directionSchema,
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
  gate: gateSchema.optional(),
  severity: severitySchema.optional(),
  examples: examplesSchema.optional(),
  /** Only in a shard's results (`run --shard I/N`): what `merge` needs beyond the per-example data. */
  shard: z
    .object({
      /** The label-like input the fingerprint hashes when there are no ids (float64, base64), so the merge can rehash it. */
      identity: z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()), data: z.string() }).optional(),
      /** Example ids of a metric that keeps no per-example data (dead-fraction): the merged fingerprint hashes them. */
      ids: z.array(z.string()).optional(),
      /** A metric's own per-shard state (its `shards.state`), base64 float64 per key. */
      state: z.record(z.string(), z.string()).optional()
    })
    .optional(),
  error: z.string().optional(),
  /** The library marked the number "not computed" (a sentinel such as SAEBench's −1): value null by the library's own account, not a broken run. */
  notComputed: z.literal(true).optional(),
  /** Adapter metrics: where the number came from (adapter, file, library version, commit, release, ...). */
  provenance: z.record(z.string(), z.string()).optional()
})

/**
 * One slice's labels, compactly: each distinct group name once, then per example the index of its group. Aligned to
 * `ids` when the slice has them (matched to each metric's example ids), else to example positions.
 */
const sliceLabelsSchema = z
  .object({
    id: z.string(),
    groups: z.array(z.string()),
    labels: z.array(z.number().int().nonnegative()),
    ids: z.array(z.string()).optional()
  })
  .superRefine((s, ctx) => {
    const bad = s.labels.findIndex((k) => k >= s.groups.length)
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['labels', bad], message: `group index ${s.labels[bad]} but only ${s.groups.length} groups` })
    if (s.ids && s.ids.length !== s.labels.length) ctx.addIssue({ code: 'custom', path: ['ids'], message: `${s.ids.length} ids for ${s.labels.length} labels` })
  })
export type SliceLabels = z.infer<typeof sliceLabelsSchema>

/** Which shard of a sharded run a results file holds: 1-based index of count. */
const shardInfoSchema = z
  .object({ index: z.number().int().min(1), count: z.number().int().min(1) })
  .refine((s) => s.index <= s.count, 'index must be at most count')

export const resultsSchema = z.object({
  schema: z.literal(RESULTS_SCHEMA),
  tool: z.string(),
  suite: suiteSchema,
  commit: z.string().nullable(),
  ref: z.string().nullable(),
  createdAt: z.string(),
  /** Hash of the config without its input paths: shards to merge must share it. */
  configHash: z.string().optional(),
  shard: shardInfoSchema.optional(),
  /** The binary file beside results.json holding per-example arrays longer than max-examples (little-endian float64). */
  sidecar: z
    .object({
      file: z.string().regex(/^[\w.-]+\.bin$/, 'expected a file name beside results.json'),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/)
    })
    .optional(),
  metrics: z.array(metricResultSchema).superRefine((metrics, ctx) => {
    const seen = new Set<string>()
    metrics.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate metric id "${m.id}"` })
      seen.add(m.id)
    })
  }),
  /** The config's accept entries: a later run treats an entry already here as stale. */
  accept: z.array(acceptEntrySchema).optional(),
  /** The config's slices with their labels per example: compare tests every group of every per-example metric. */
  slices: z.array(sliceLabelsSchema).optional()
})

export type Interval = z.infer<typeof intervalSchema>
export type MetricResult = z.infer<typeof metricResultSchema>
export type Results = z.infer<typeof resultsSchema>
export type ShardInfo = z.infer<typeof shardInfoSchema>

const statusSchema = z.enum(['pass', 'improved', 'regressed', 'failed', 'accepted', 'new', 'missing', 'error', 'incompatible'])

const gateCheckSchema = z.object({
  rule: z.enum(['min', 'max', 'max-regression', 'max-dropped', 'history', 'slice']),
  limit: z.union([z.number(), z.string()]),
  ok: z.boolean(),
  /** Whose gate it is when the baseline's and the head config's gates differ (both apply); absent when they agree. */
  from: z.enum(['base', 'head']).optional(),
  /** Why it decided so, in words ("worsened by 0.031 > 0.02, p=0.003 < 0.05"). */
  detail: z.string().optional()
})

const topWorseSchema = z.object({ id: z.string(), base: z.number(), head: z.number(), delta: z.number() })

/**
 * Which examples the comparison used. lost: usable (finite) in the baseline but missing or NaN in the head;
 * headOnly: usable in the head but missing or NaN in the baseline; paired: usable in both (what Δ, CI and p use).
 * Without pairable per-example data the counts come from n and `exact` is false (a lower bound).
 */
const coverageSchema = z.object({
  base: z.number().int(),
  head: z.number().int(),
  paired: z.number().int(),
  lost: z.number().int(),
  headOnly: z.number().int(),
  exact: z.boolean()
})
export type Coverage = z.infer<typeof coverageSchema>

/**
 * Power of the significance gate (paired one-sample z approximation, one-sided α): the smallest regression detected
 * with 80% power (mde), the n the allowed regression needs at 80% power, and the power at the allowed regression.
 */
const powerSchema = z.object({
  mde: finiteOrNull,
  n: z.number().int().nonnegative(),
  /** null when the allowed regression is 0 (no n suffices). */
  nNeeded: z.number().int().nonnegative().nullable(),
  power: finiteOrNull,
  /** The allowed regression (max-regression against the base value) and α the figures are for. */
  allowed: z.number(),
  alpha: z.number()
})
/** Paired comparison of one group of a slice: the metric over that group's paired examples, base and head. */
const sliceRowSchema = z.object({
  slice: z.string(),
  group: z.string(),
  /** Paired examples with finite scores in both runs. */
  n: z.number().int().nonnegative(),
  base: finiteOrNull,
  head: finiteOrNull,
  delta: finiteOrNull,
  ci: intervalSchema.nullable(),
  /** One-sided p of "head is worse" in this group. */
  pWorse: finiteOrNull,
  /** pWorse after Holm's correction across every gated (metric, group) test of the suite; null when the group is not gated. */
  pAdjusted: finiteOrNull,
  /** small: fewer than min-slice-size paired examples (reported, not gated); untested: the metric has no significance gate with max-regression. */
  status: z.enum(['pass', 'improved', 'regressed', 'small', 'untested']),
  power: powerSchema.optional()
})

export type Power = z.infer<typeof powerSchema>
export type SliceRow = z.infer<typeof sliceRowSchema>

const rowSchema = z.object({
  id: z.string(),
  metric: z.string(),
  title: z.string().optional(),
  direction: directionSchema,
  status: statusSchema,
  base: finiteOrNull,
  head: finiteOrNull,
  delta: finiteOrNull,
  relDelta: finiteOrNull,
  /** CI of the head value (no baseline) or of Δ = head − base (with one). */
  ci: intervalSchema.nullable(),
  headCi: intervalSchema.nullable().optional(),
  /**
   * Base and head means over the paired examples (pairedHead − pairedBase = delta), set whenever coverage is below
   * 100% or they differ from the full-run values in base and head; the report's Base and Head columns show these.
   */
  pairedBase: finiteOrNull.optional(),
  pairedHead: finiteOrNull.optional(),
  /** The head has no value because the library itself marked it "not computed" (a sentinel), not because the run broke. */
  notComputed: z.literal(true).optional(),
  coverage: coverageSchema.optional(),
  /** The reason of the accept entry that turned this regression into `accepted`. */
  accepted: z.string().optional(),
  /** Two-sided p of "no difference". */
  pValue: finiteOrNull,
  /** One-sided p of "head is worse", the test a significance gate uses. */
  pWorse: finiteOrNull.optional(),
  /** pWorse after Holm's correction over the suite's significance-gated metrics. */
  pAdjusted: finiteOrNull.optional(),
  /** The test behind pValue and pWorse: paired sign-flip, McNemar or arm-swap; unpaired pooled permutation or Welch (normal approximation from n, mean, sd). */
  test: z
    .enum([
      'sign-flip-exact',
      'sign-flip-monte-carlo',
      'mcnemar-exact',
      'swap-exact',
      'swap-monte-carlo',
      'pooled-permutation-monte-carlo',
      'welch-normal',
      'sign-flip-normal'
    ])
    .optional(),
  paired: z.boolean().nullable(),
  n: z.number().int().optional(),
  nanCount: z.number().int().optional(),
  counts: z
    .object({ worse: z.number().int(), better: z.number().int(), unchanged: z.number().int(), onlyBase: z.number().int(), onlyHead: z.number().int() })
    .optional(),
  topWorse: z.array(topWorseSchema).optional(),
  /** Per-group comparisons, one per (slice, group), when the config has slices and the metric per-example scores. */
  slices: z.array(sliceRowSchema).optional(),
  power: powerSchema.optional(),
  gates: z.array(gateCheckSchema),
  severity: severitySchema,
  /** Plain-language notes, each a decision the comparison made: gate changes, coverage, accept, why incompatible. */
  notes: z.array(z.string()).optional(),
  /** The metric's last values in the history store (base branch), oldest first, for the trend column. */
  trend: z.array(z.number()).optional(),
  /** 1-based line of the metric in the config, for annotations. */
  line: z.number().int().optional()
})

const runInfoSchema = z.object({ suite: z.string(), commit: z.string().nullable(), ref: z.string().nullable() })

export const comparisonSchema = z.object({
  schema: z.literal(COMPARISON_SCHEMA),
  base: runInfoSchema.nullable(),
  head: runInfoSchema,
  verdict: z.enum(['pass', 'warn', 'fail']),
  /** Set when the head is one shard's results: nothing is gated until `merge`, so the verdict only reflects errors. */
  shard: shardInfoSchema.optional(),
  baselineNote: z.string().optional(),
  /** Notes about the comparison as a whole (e.g. an accept entry naming no compared metric). */
  notes: z.array(z.string()).optional(),
  rows: z.array(rowSchema),
  /** The result files adapter metrics were read from, one entry per file (see results.json metrics[].provenance). */
  provenance: z.array(z.record(z.string(), z.string())).optional()
})

export type GateCheck = z.infer<typeof gateCheckSchema>
export type Row = z.infer<typeof rowSchema>
export type Comparison = z.infer<typeof comparisonSchema>
export type Verdict = Comparison['verdict']
