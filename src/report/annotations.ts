import type { Severity } from '../domain/policy.js'
import type { Comparison, Row } from '../results/results-schema.js'
import { formatNumber } from '../util/format.js'
import { reading } from './markdown.js'

export interface Annotation {
  level: Severity
  title: string
  message: string
  file?: string
  line?: number
}

const RANK: Record<Row['status'], number> = { failed: 0, regressed: 1, error: 2, incompatible: 3, missing: 4, accepted: 5, new: 9, improved: 9, pass: 9 }

/**
 * One annotation per metric that broke a gate or could not be compared, most important first: errors before
 * warnings, failed before regressed. Annotations land on the metric's `source` file when given, else on its config line.
 */
export function buildAnnotations(c: Comparison, configFile: string, sources: Record<string, string | undefined> = {}): Annotation[] {
  const rows = c.rows.filter((r) => RANK[r.status] < 9)
  const levelOf = (r: Row): Annotation['level'] => (r.status === 'missing' || r.status === 'incompatible' || r.status === 'accepted' ? 'warning' : r.severity)
  const weight = { error: 0, warning: 1, notice: 2 }
  return rows
    .map((r) => {
      const failed = r.gates
        .filter((g) => !g.ok)
        .map((g) => `Gate ${g.rule}${g.from ? ` (${g.from === 'head' ? 'PR' : 'base'})` : ''}: ${g.detail ?? `limit ${g.limit}`}.`)
      const details = [...failed, ...(r.notes ?? []).map((n) => `${n}.`)]
      const summary = r.delta !== null ? reading(r) : r.head !== null ? `Value ${formatNumber(r.head)}.` : ''
      const source = sources[r.id]
      return {
        level: levelOf(r),
        title: `interp-gate: ${r.id} ${r.status}`,
        message: [summary, ...details].filter(Boolean).join(' '),
        ...(source ? { file: source } : { file: configFile, ...(r.line ? { line: r.line } : {}) }),
        rank: RANK[r.status]
      }
    })
    .sort((a, b) => weight[a.level] - weight[b.level] || a.rank - b.rank)
    .map(({ rank: _rank, ...a }) => a)
}
