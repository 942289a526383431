import { z } from 'zod'
import { metricIdSchema } from './ids.js'

/** Which way a metric is better. */
export const directionSchema = z.enum(['higher', 'lower'])
export type Direction = z.infer<typeof directionSchema>

/** error fails the job; warning and notice only annotate. */
export const severitySchema = z.enum(['error', 'warning', 'notice'])
export type Severity = z.infer<typeof severitySchema>

const PERCENT = /^\d+(\.\d+)?%$/

/** "2%" (relative to |baseline|) or a number (absolute), never negative. */
const marginSchema = z.union([z.number().nonnegative(), z.string().regex(PERCENT, 'expected a number or a percentage such as "2%"')])

/** How many baseline examples the head may lose: a count, or "N%" of the baseline's finite examples. */
const droppedSchema = z.union([z.number().int().nonnegative(), z.string().regex(PERCENT, 'expected a count or a percentage such as "5%"')])
export type Dropped = z.infer<typeof droppedSchema>

/** The gate of one metric, as the config states it and results.json records it. */
export const gateSchema = z
  .object({
    min: z.number().optional(),
    max: z.number().optional(),
    'max-regression': marginSchema.optional(),
    'max-dropped': droppedSchema.optional(),
    significance: z.number().gt(0).lt(1).optional(),
    history: z.enum(['iqr']).optional()
  })
  .strict()
export type Gate = z.infer<typeof gateSchema>

/** A reviewed trade-off: the regression of `metric` is accepted, for `reason`. */
export const acceptEntrySchema = z.object({ metric: metricIdSchema, reason: z.string().trim().min(1, 'expected a reason') }).strict()
export type AcceptEntry = z.infer<typeof acceptEntrySchema>

const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, notice: 0 }

/** The stricter of two severities (error over warning over notice). */
export function stricterSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b
}

/** A gate with any key set holds the metric to something, and so also to its coverage. */
export function isGated(gate: Gate | undefined): boolean {
  return gate !== undefined && Object.values(gate).some((v) => v !== undefined)
}
