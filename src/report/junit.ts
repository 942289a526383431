import type { Comparison, GateCheck, Row } from '../results/results-schema.js'
import { formatNumber, pText } from '../util/format.js'
import { deltaText, intervalText, rowNotes } from './markdown.js'

/**
 * Characters XML 1.0 forbids anywhere (§2.2 Char: C0 controls but tab, LF and CR; U+FFFE/U+FFFF; lone surrogates).
 * They cannot be escaped either, so each becomes U+FFFD.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text content of an element. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An attribute value in double quotes; tab, LF and CR as references so attribute normalisation keeps them. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}

export interface JunitCounts {
  tests: number
  failures: number
  errors: number
  skipped: number
}

type Outcome = { kind: 'failure' | 'error' | 'skipped'; type: string; message: string } | { kind: 'pass' }

function gateCheckText(g: GateCheck): string {
  const limit = typeof g.limit === 'number' ? formatNumber(g.limit) : g.limit
  return `${g.rule} ${limit}${g.from ? ` (${g.from === 'base' ? 'base branch' : 'this change'})` : ''}${g.detail ? `: ${g.detail}` : ''}`
}

/** "base 0.31, head 0.35, Δ +0.04 ▼ worse (+12.9%), 95% CI of Δ [+0.02, +0.06], p(worse)=0.003": the row's numbers in one line. */
function rowNumbers(row: Row): string {
  const parts = [`base ${formatNumber(row.base)}`, `head ${formatNumber(row.head)}`]
  if (row.delta !== null) parts.push(`Δ ${deltaText(row)}`)
  const ci = row.delta !== null ? row.ci : (row.headCi ?? row.ci)
  if (ci && ci.low !== null && ci.high !== null)
    parts.push(`${Math.round(ci.level * 100)}% CI${row.delta !== null ? ' of Δ' : ''} ${intervalText(ci, row.delta !== null)}`)
  if (row.pAdjusted != null) parts.push(`p(worse, Holm)${pText(row.pAdjusted)}`)
  else if (row.pWorse != null) parts.push(`p(worse)${pText(row.pWorse)}`)
  else if (row.pValue !== null) parts.push(`p${pText(row.pValue)}`)
  return parts.join(', ')
}

function outcomeOf(row: Row): Outcome {
  const severity = row.severity === 'error' ? '' : ` (severity ${row.severity}: does not fail the gate)`
  switch (row.status) {
    case 'failed':
    case 'regressed': {
      const broken = row.gates.filter((g) => !g.ok).map(gateCheckText)
      const what = row.status === 'failed' ? 'breaks an absolute bound' : 'regressed'
      return {
        kind: 'failure',
        type: row.status,
        message: `${row.id} ${what}${severity} — gate ${broken.join('; ') || '(none recorded)'} — ${rowNumbers(row)}`
      }
    }
    case 'error':
      // The library's own "not computed" sentinel at a non-failing severity: nothing broke, nothing to compare.
      if (row.notComputed && row.severity !== 'error')
        return { kind: 'skipped', type: 'not-computed', message: `${row.id}: ${row.notes?.at(-1) ?? 'not computed'}` }
      return { kind: 'error', type: 'error', message: `${row.id} could not be computed${severity}: ${row.notes?.at(-1) ?? 'no value'}` }
    case 'new':
      return { kind: 'skipped', type: 'new', message: `not compared: no baseline value for ${row.id} (new metric, or no baseline given); ${rowNumbers(row)}` }
    case 'missing':
      return { kind: 'skipped', type: 'missing', message: `${row.id} is in the baseline but was not computed now (removed from the config, or renamed)` }
    case 'incompatible':
      return {
        kind: 'skipped',
        type: 'incompatible',
        message: `not compared: ${row.notes?.find((n) => n.startsWith('not compared: '))?.slice(14) ?? 'base and head differ'}`
      }
    default:
      return { kind: 'pass' }
  }
}

/** What a testcase's <system-out> says: status, the numbers, an accepted regression's reason, every note. */
function systemOut(row: Row): string {
  const lines = [`${row.status}: ${rowNumbers(row)}`]
  if (row.status === 'accepted') lines.push(`accepted regression: ${row.accepted ?? 'see the accept entry in the config'}`)
  for (const note of rowNotes(row)) lines.push(`note: ${note}`)
  return lines.join('\n')
}

export function junitCounts(rows: readonly Row[]): JunitCounts {
  const counts: JunitCounts = { tests: rows.length, failures: 0, errors: 0, skipped: 0 }
  for (const row of rows) {
    const kind = outcomeOf(row).kind
    if (kind === 'failure') counts.failures++
    else if (kind === 'error') counts.errors++
    else if (kind === 'skipped') counts.skipped++
  }
  return counts
}

function testcase(row: Row, suite: string): string {
  const outcome = outcomeOf(row)
  const lines = [`    <testcase classname="${xmlAttribute(suite)}" name="${xmlAttribute(row.id)}" time="0">`]
  if (outcome.kind !== 'pass') {
    lines.push(
      `      <${outcome.kind} type="${xmlAttribute(outcome.type)}" message="${xmlAttribute(outcome.message)}">${xmlText(outcome.message)}</${outcome.kind}>`
    )
  }
  lines.push(`      <system-out>${xmlText(systemOut(row))}</system-out>`, '    </testcase>')
  return lines.join('\n')
}

export interface JunitOptions {
  /** When the head results were made (results.json createdAt), so the same inputs give the same bytes. */
  timestamp: string
}

/**
 * The comparison as JUnit XML, as Jenkins, GitLab, CircleCI, Buildkite and Azure Pipelines read it: one testsuite
 * per suite, one testcase per metric (classname the suite, name the metric id). Regressed and failed metrics are
 * failures, metrics that could not be computed errors, new / missing / incompatible ones skipped with the reason.
 */
export function renderJunit(c: Comparison, options: JunitOptions): string {
  const suite = c.head.suite
  const n = junitCounts(c.rows)
  const head = `interp-gate ${suite}: verdict ${c.verdict}; ${c.base ? `baseline ${c.base.commit ?? 'of unknown commit'}` : 'no baseline'}${c.baselineNote ? ` (${c.baselineNote})` : ''}`
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="interp-gate" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" time="0">`,
    `  <testsuite name="${xmlAttribute(suite)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}" time="0" timestamp="${xmlAttribute(options.timestamp)}">`,
    `    <properties>`,
    `      <property name="verdict" value="${c.verdict}"/>`,
    `      <property name="head.commit" value="${xmlAttribute(c.head.commit ?? '')}"/>`,
    `      <property name="base.commit" value="${xmlAttribute(c.base?.commit ?? '')}"/>`,
    `    </properties>`,
    ...c.rows.map((row) => testcase(row, suite)),
    `    <system-out>${xmlText([head, ...(c.notes ?? []).map((note) => `note: ${note}`)].join('\n'))}</system-out>`,
    '  </testsuite>',
    '</testsuites>',
    ''
  ].join('\n')
}
