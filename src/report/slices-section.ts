import { markdownTable } from 'markdown-table'
import type { Power, Row, SliceRow } from '../results/results-schema.js'
import { formatNumber, formatSigned, pText } from '../util/format.js'
import { escapeMarkdown } from './escape.js'

const SLICE_ICON: Record<SliceRow['status'], string> = { regressed: '🔴', improved: '🟢', pass: '✅', small: '·', untested: '·' }

const ci = (s: SliceRow) => (s.ci && s.ci.low !== null && s.ci.high !== null ? `[${formatSigned(s.ci.low)}, ${formatSigned(s.ci.high)}]` : '–')
const p = (v: number | null) => (v === null ? '–' : pText(v).replace(/^=/, ''))
const powerCell = (w: Power | undefined) => (w?.power == null ? '–' : `${Math.round(w.power * 100)}% (needs ${w.nNeeded ?? '∞'})`)

/** The per-group table of one metric: every group of every slice, in the order compare listed them (slice, then group). */
export function sliceRows(row: Row, cellText: (text: string) => string = escapeMarkdown): string[][] {
  const slices = row.slices ?? []
  const withPower = slices.some((s) => s.power)
  return [
    ['', 'Slice', 'Group', 'n', 'Base', 'Head', 'Δ', 'CI', 'p(worse)', 'p(worse, Holm)', ...(withPower ? ['Power at allowed'] : [])],
    ...slices.map((s) => [
      `${SLICE_ICON[s.status]} ${s.status}`,
      cellText(s.slice),
      cellText(s.group),
      String(s.n),
      formatNumber(s.base),
      formatNumber(s.head),
      formatSigned(s.delta),
      ci(s),
      p(s.pWorse),
      p(s.pAdjusted),
      ...(withPower ? [powerCell(s.power)] : [])
    ])
  ]
}

/** "Slices: 1 regressed, 3 improved of 4 groups" and the table, for the row's <details> block. */
export function slicesBlock(row: Row): string[] {
  const slices = row.slices ?? []
  if (!slices.length) return []
  const counts = new Map<string, number>()
  for (const s of slices) counts.set(s.status, (counts.get(s.status) ?? 0) + 1)
  const summary = [...counts].map(([status, k]) => `${k} ${status}`).join(', ')
  return [
    '',
    `Slices (${summary} of ${slices.length} groups; small: under min-slice-size, reported not gated; untested: no significance gate with max-regression):`,
    '',
    markdownTable(sliceRows(row))
  ]
}
