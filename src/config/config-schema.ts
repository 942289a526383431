import { z } from 'zod'
import { acceptEntrySchema, directionSchema, gateSchema, severitySchema } from '../domain/policy.js'
import { aliasSchema, metricIdSchema, suiteSchema } from '../domain/ids.js'

export const defaultsSchema = z
  .object({
    confidence: z.number().gt(0).lt(1).default(0.95),
    resamples: z.number().int().min(100).max(1_000_000).default(2000),
    seed: z.number().int().min(0).default(0),
    severity: severitySchema.default('error'),
    correction: z.enum(['holm', 'none']).default('holm'),
    /** Per-example scores kept in results.json per metric; beyond it only sufficient statistics are kept. */
    'max-examples': z.number().int().min(0).default(100_000),
    /** Slice groups with fewer paired examples are reported but never gate (docs/statistics.md, "Slices"). */
    'min-slice-size': z.number().int().min(1).default(20)
  })
  .strict()

export const metricEntrySchema = z
  .object({
    id: metricIdSchema,
    metric: z.string().min(1),
    module: z.string().min(1).optional(),
    inputs: z.record(z.string(), z.string().min(1)).default({}),
    ids: z.string().min(1).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    direction: directionSchema.optional(),
    gate: gateSchema.default({}),
    severity: severitySchema.optional(),
    source: z.string().min(1).optional()
  })
  .strict()

/** One entry reads a library's whole result file or folder and yields one metric per number it holds (docs/adapters.md). */
const adapterEntrySchema = z
  .object({
    adapter: z.string().min(1),
    /** A file, a folder (the adapter's usual files under it) or a glob. */
    path: z.string().min(1),
    /** First segment of every metric id; the adapter's name by default. */
    prefix: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, 'expected letters, digits, ".", "_" or "-"')
      .optional(),
    include: z.array(z.string().min(1)).default([]),
    exclude: z.array(z.string().min(1)).default([]),
    /** Metric-id glob → direction, ahead of the adapter's direction table. */
    directions: z.record(z.string(), directionSchema).default({}),
    gate: gateSchema.default({}),
    severity: severitySchema.optional()
  })
  .strict()

/** A partition of the eval set: one label per example (`by`), matched to examples by `ids` or by position. */
const sliceEntrySchema = z
  .object({
    id: metricIdSchema,
    by: z.string().min(1),
    ids: z.string().min(1).optional()
  })
  .strict()

export const configSchema = z
  .object({
    version: z.literal(1),
    suite: suiteSchema.default('default'),
    defaults: defaultsSchema.default(defaultsSchema.parse({})),
    inputs: z.record(aliasSchema, z.string().min(1)).default({}),
    metrics: z.array(metricEntrySchema).default([]),
    adapters: z.array(adapterEntrySchema).default([]),
    /** Reviewed trade-offs: each turns that metric's regression into `accepted` while it is new relative to the baseline. */
    accept: z.array(acceptEntrySchema).default([]),
    /** Per-group comparisons of every per-example metric (docs/statistics.md, "Slices"). */
    slices: z.array(sliceEntrySchema).default([])
  })
  .strict()
  .refine((c) => c.metrics.length + c.adapters.length > 0, { message: 'expected at least one metric (or an adapter entry)', path: ['metrics'] })

export type Config = z.infer<typeof configSchema>
export type MetricEntry = z.infer<typeof metricEntrySchema>
export type AdapterEntry = z.infer<typeof adapterEntrySchema>
export type Defaults = z.infer<typeof defaultsSchema>
