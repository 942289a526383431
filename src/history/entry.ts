import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Comparison, Results } from '../results/results-schema.js'
import { jsonSyntaxReason } from '../results/io.js'

export const HISTORY_ENTRY_SCHEMA = 'interp-gate/history-entry@1'

const finiteOrNull = z.number().nullable()

/** One metric of one commit: enough for trends, gates and the dashboard, never per-example data. */
const historyMetricSchema = z.object({
  metric: z.string(),
  family: z.string(),
  direction: z.enum(['higher', 'lower']),
  title: z.string().optional(),
  value: finiteOrNull,
  /** [low, high] of the value's confidence interval at `level`. */
  ci: z.tuple([finiteOrNull, finiteOrNull]).nullable(),
  level: z.number().optional(),
  n: z.number().int(),
  nanCount: z.number().int(),
  /** Share of the previous run's examples this run paired with (from its comparison), when there was one. */
  coverage: z.number().min(0).max(1).optional(),
  /** Absolute bounds of the metric's gate, drawn as lines on the dashboard. */
  gate: z.object({ min: z.number().optional(), max: z.number().optional() }).optional()
})

const historyEntrySchema = z.object({
  schema: z.literal(HISTORY_ENTRY_SCHEMA),
  suite: z.string().regex(/^[A-Za-z0-9._-]+$/),
  commit: z.string().nullable(),
  parent: z.string().nullable(),
  ref: z.string().nullable(),
  /** ISO 8601; entries are ordered by it (then by commit). */
  date: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 date'),
  runId: z.number().int().nullable(),
  tool: z.string(),
  metrics: z.record(z.string(), historyMetricSchema)
})

export type HistoryMetric = z.infer<typeof historyMetricSchema>
export type HistoryEntry = z.infer<typeof historyEntrySchema>

export class HistoryError extends Error {
  override name = 'HistoryError'
}

export interface EntryContext {
  /** Overrides results.createdAt (the commit date is the better ordering key when known). */
  date?: string
  parent?: string | null
  runId?: number | null
  /** The run's comparison with its baseline: gives each metric's coverage. */
  comparison?: Comparison | null
}

function coverageOf(comparison: Comparison | null | undefined, id: string): number | undefined {
  const c = comparison?.rows.find((r) => r.id === id)?.counts
  if (!c) return undefined
  const paired = c.worse + c.better + c.unchanged
  const base = paired + c.onlyBase
  return base > 0 ? paired / base : undefined
}

/** The compact history entry of one results.json. */
export function entryFromResults(results: Results, context: EntryContext = {}): HistoryEntry {
  const date = context.date ?? results.createdAt
  if (Number.isNaN(Date.parse(date))) throw new HistoryError(`date "${date}" is not an ISO 8601 date (e.g. 2026-05-01T12:00:00Z)`)
  const metrics: Record<string, HistoryMetric> = {}
  for (const m of results.metrics) {
    const coverage = coverageOf(context.comparison, m.id)
    const bounds = m.gate && (m.gate.min !== undefined || m.gate.max !== undefined) ? { min: m.gate.min, max: m.gate.max } : undefined
    metrics[m.id] = {
      metric: m.metric,
      family: m.family,
      direction: m.direction,
      ...(m.title ? { title: m.title } : {}),
      value: m.value,
      ci: m.ci ? [m.ci.low, m.ci.high] : null,
      ...(m.ci ? { level: m.ci.level } : {}),
      n: m.n,
      nanCount: m.nanCount,
      ...(coverage === undefined ? {} : { coverage }),
      ...(bounds ? { gate: bounds } : {})
    }
  }
  return {
    schema: HISTORY_ENTRY_SCHEMA,
    suite: results.suite,
    commit: results.commit,
    parent: context.parent ?? null,
    ref: results.ref,
    date: new Date(Date.parse(date)).toISOString(),
    runId: context.runId ?? null,
    tool: results.tool,
    metrics
  }
}

/** Entries may come from a branch anyone with write access can push to: validate fully. */
export function parseEntry(text: string, file: string): HistoryEntry {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new HistoryError(`${file}: not valid JSON (${jsonSyntaxReason(error)})`)
  }
  const parsed = historyEntrySchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')
    throw new HistoryError(`${file}: not an interp-gate history entry (${where || 'root'}: ${first.message})`)
  }
  return parsed.data
}

/** Oldest first: by date, then commit, so every reader sees one order. */
export function sortEntries(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || String(a.commit).localeCompare(String(b.commit)))
}

/** A file name that is unique per commit and suite; local runs without a commit get one from their date. */
export function entryFileName(entry: HistoryEntry): string {
  const key = entry.commit ?? `local-${entry.date.replace(/[^0-9]/g, '')}-${createHash('sha256').update(JSON.stringify(entry)).digest('hex').slice(0, 8)}`
  return `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`
}

/** docs/schema/history-entry.schema.json */
export function historySchemaFiles(): Record<string, string> {
  return { 'history-entry.schema.json': `${JSON.stringify({ $id: HISTORY_ENTRY_SCHEMA, ...z.toJSONSchema(historyEntrySchema, { io: 'output' }) }, null, 2)}\n` }
}
