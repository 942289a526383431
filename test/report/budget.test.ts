// Size budgets count UTF-8 bytes, the unit GitHub measures: a status emoji is 4 bytes but 2 UTF-16 units.
import { describe, expect, it } from 'vitest'
import { COMMENT_BYTES, JOB_SUMMARY_BYTES, truncateUtf8, utf8Length } from '../../src/domain/limits.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { row } from '../helpers/results.js'

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

describe('utf8Length and truncateUtf8', () => {
  it('count what Buffer.byteLength counts: 1, 2, 3 and 4-byte characters and a lone surrogate', () => {
    for (const text of [
      '',
      'abc',
      '\u007f',
      '\u0080',
      '\u07ff',
      '\u0800',
      '\ud7ff',
      '\ue000',
      'é',
      '€',
      '🔴',
      'a🔴é€',
      '▼ worse',
      '\ud800',
      'x\udc00y',
      '\udbff\udfff',
      'a\ud800',
      '🔴'.repeat(1000)
    ])
      expect(utf8Length(text)).toBe(bytes(text))
  })
  it('cut at the byte budget without splitting an emoji', () => {
    expect(truncateUtf8('a🔴b', 4)).toBe('a')
    expect(truncateUtf8('a🔴b', 5)).toBe('a🔴')
    expect(truncateUtf8('a🔴b', 6)).toBe('a🔴b')
    expect(truncateUtf8('€€', 5)).toBe('€')
  })
  it('hold the limits GitHub documents', () => {
    expect(JOB_SUMMARY_BYTES).toBe(1_048_576)
    expect(COMMENT_BYTES).toBe(65_536)
  })
})

describe('renderMarkdown budget', () => {
  const regressed = row({
    id: 'metric',
    status: 'regressed',
    base: 0.275,
    head: 0.296,
    delta: 0.021,
    relDelta: 0.0763636,
    gates: [{ rule: 'max-regression', limit: '2%', ok: false, detail: 'worsened by 0.021 > allowed 0.0055' }]
  })
  const many: Comparison = {
    schema: 'interp-gate/comparison@1',
    base: null,
    head: { suite: 's', commit: 'a'.repeat(40), ref: 'refs/heads/main' },
    verdict: 'fail',
    rows: Array.from({ length: 300 }, (_, i) => ({ ...regressed, id: `m🔴-${String(i).padStart(3, '0')}` }))
  }

  it('trims a body that fits in UTF-16 units but not in bytes', () => {
    const full = renderMarkdown(many, { maxBytes: 10_000_000 })
    // the 🔴 status marks and ids make the body longer in bytes than in units
    expect(bytes(full)).toBeGreaterThan(full.length)
    const budget = full.length
    const trimmed = renderMarkdown(many, { maxBytes: budget })
    expect(trimmed).not.toBe(full)
    expect(bytes(trimmed)).toBeLessThanOrEqual(budget)
  })
  it('keeps a body that fits as it is', () => {
    const full = renderMarkdown(many, { maxBytes: 10_000_000 })
    expect(renderMarkdown(many, { maxBytes: bytes(full) })).toBe(full)
  })
})
