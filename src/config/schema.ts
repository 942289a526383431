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
    'max-examples': z.number().int().min(0).default(100_000)
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

export const configSchema = z
  .object({
    version: z.literal(1),
    suite: suiteSchema.default('default'),
    defaults: defaultsSchema.default(defaultsSchema.parse({})),
    inputs: z.record(aliasSchema, z.string().min(1)).default({}),
    metrics: z.array(metricEntrySchema).min(1, 'expected at least one metric'),
    /** Reviewed trade-offs: each turns that metric's regression into `accepted` while it is new relative to the baseline. */
    accept: z.array(acceptEntrySchema).default([])
  })
  .strict()

export type Config = z.infer<typeof configSchema>
export type MetricEntry = z.infer<typeof metricEntrySchema>
export type Defaults = z.infer<typeof defaultsSchema>
