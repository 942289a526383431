// The footer names the test behind each row's p: never "sign-flip" for a Welch or swap-test row.
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { Comparison, Row } from '../../src/results/results-schema.js'
import { row } from '../helpers/results.js'

const comparison = (rows: Row[]): Comparison => ({
  schema: 'interp-gate/comparison@1',
  base: { suite: 's', commit: 'b'.repeat(40), ref: 'refs/heads/main' },
  head: { suite: 's', commit: 'a'.repeat(40), ref: 'refs/pull/1/merge' },
  verdict: 'pass',
  rows
})
const compared = (id: string, test: Row['test']): Row =>
  row({ id, status: 'pass', base: 0.5, head: 0.5, delta: 0, relDelta: 0, pValue: 1, paired: test !== 'welch-normal', ...(test ? { test } : {}) })
const footer = (rows: Row[]) => renderMarkdown(comparison(rows)).split('<sub>')[1]

describe('report footer: the test behind p', () => {
  it('says it once when every row used the same test', () => {
    expect(footer([compared('a', 'mcnemar-exact'), compared('b', 'mcnemar-exact')])).toContain(
      'p: McNemar’s exact test of the examples that changed (0/1 scores), two-sided.'
    )
  })
  it('names the rows of each test when they differ', () => {
    const text = footer([compared('paired', 'sign-flip-exact'), compared('big', 'welch-normal'), compared('ratio', 'swap-monte-carlo')])
    expect(text).toContain(
      'p, two-sided: paired sign-flip permutation test of the per-example differences (every sign pattern) for `paired`; unpaired Welch test, normal approximation from n, mean and sd for `big`; paired permutation test swapping base and head per example, of the aggregate (random swaps) for `ratio`.'
    )
    expect(text).not.toContain('McNemar')
  })
  it('counts the rows beyond eight', () => {
    const rows = Array.from({ length: 10 }, (_, i) => compared(`w${i}`, 'welch-normal'))
    expect(footer([...rows, compared('p', 'sign-flip-exact')])).toContain('for `w0`, `w1`, `w2`, `w3`, `w4`, `w5`, `w6`, `w7` and 2 more;')
  })
  it('says nothing about p when no row has a test (scalar metrics)', () => {
    expect(footer([compared('v', undefined)])).not.toMatch(/\bp: |p, two-sided/)
  })
})
