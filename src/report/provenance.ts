import { markdownTable } from 'markdown-table'
import { codeCell, escapeHtml, escapeMarkdown } from './escape.js'

/** Fields shown as their own columns, in this order; the rest go to "Details". */
const COLUMNS = ['library', 'file', 'metrics']
const HIDDEN = new Set(['adapter'])

/** At most this many files are listed; the rest are counted (results.json keeps every metric's provenance). */
const MAX_SOURCES = 30

/** "Sources": each result file an adapter read, with the versions, commits and releases it recorded. */
export function provenanceBlock(sources: readonly Record<string, string>[]): string {
  const rows = sources.slice(0, MAX_SOURCES).map((s) => {
    const details = Object.entries(s)
      .filter(([k]) => !COLUMNS.includes(k) && !HIDDEN.has(k))
      .map(([k, v]) => codeCell(`${k}: ${v}`))
      .join(', ')
    return [escapeMarkdown(s.library ?? s.adapter ?? ''), codeCell(s.file ?? ''), s.metrics ?? '', details || '–']
  })
  const files = sources.length === 1 ? '1 result file' : `${sources.length} result files`
  const more = sources.length > MAX_SOURCES ? [`_${sources.length - MAX_SOURCES} more file(s): see \`provenance\` in results.json._`, ''] : []
  return [
    `<details><summary>${escapeHtml(`Sources: ${files} read by adapters`)}</summary>`,
    '',
    markdownTable([['Library', 'File', 'Metrics', 'Details'], ...rows]),
    '',
    ...more,
    '</details>'
  ].join('\n')
}
