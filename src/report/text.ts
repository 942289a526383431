import { markdownTable } from 'markdown-table'
import type { Comparison } from '../results/results-schema.js'
import { headline, noteLines, tableRows } from './markdown.js'
import { sliceRows } from './slices-section.js'
import { shardBanner } from './shard-banner.js'

const VERDICT = { fail: 'FAIL', warn: 'PASS (with warnings)', pass: 'PASS' }

/** The terminal table: the report's table with plain ids, every note (as in the report), then the verdict line (a shard's banner instead). */
export function renderTerminal(c: Comparison): string {
  const rows = tableRows(c.rows, { br: ' ', list: ', ', wbr: '', pColumn: true }).map((r) => r.map((cell) => cell.replace(/`/g, '')))
  const base = c.base ? `baseline ${c.base.commit?.slice(0, 7) ?? '?'}${c.base.ref ? ` (${c.base.ref})` : ''}` : 'no baseline'
  const notes = noteLines(c).map((n) => `  ${n.id ? `${n.id}: ` : ''}${n.text}`)
  const sliced = c.rows.filter((r) => r.slices?.some((s) => s.status === 'regressed'))
  const slices = sliced.flatMap((r) => [
    `slices of ${r.id}:`,
    markdownTable(
      sliceRows(r, (t) => t),
      { stringLength: displayWidth }
    ),
    ''
  ])
  const baseline = c.baselineNote ? [`baseline: ${c.baselineNote}`] : []
  return [
    `interp-gate — suite ${c.head.suite}, ${base}`,
    ...baseline,
    '',
    markdownTable(rows, { stringLength: displayWidth }),
    '',
    ...(notes.length ? ['notes:', ...notes, ''] : []),
    ...slices,
    `${headline(c)}`,
    c.shard ? shardBanner(c.shard) : `verdict: ${VERDICT[c.verdict]}`
  ].join('\n')
}

// Status icons that terminals draw two columns wide (✅ ❌ ❔ ⚠️); ✓ and ✗ are narrow.
const WIDE = new Set([0x2705, 0x274c, 0x2754, 0x26a0])

/** Terminal columns of a string: emoji and other wide symbols take two. */
function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp === 0xfe0f || cp === 0x200b) continue
    width += cp >= 0x1f000 || WIDE.has(cp) ? 2 : 1
  }
  return width
}
