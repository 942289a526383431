import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { row } from '../helpers/results.js'

function comparison(method: 'bootstrap' | 'normal'): Comparison {
  return {
    schema: 'interp-gate/comparison@1',
    base: { suite: 's', commit: null, ref: null },
    head: { suite: 's', commit: null, ref: null },
    verdict: 'pass',
    rows: [
      row({
        id: 'm',
        status: 'pass',
        base: 0.5,
        head: 0.51,
        delta: 0.01,
        relDelta: 0.02,
        ci: { level: 0.95, low: 0.005, high: 0.015, method },
        pValue: 0.2,
        paired: true
      })
    ]
  }
}

describe('report: the CI method', () => {
  it('marks a normal-approximation CI and explains it in the footer, with the budget', () => {
    const md = renderMarkdown(comparison('normal'))
    expect(md).toContain('| [+0.005, +0.015] normal |')
    expect(md).toContain('| `m`    | p=0.200 | paired   |')
    expect(md).toContain('CI marked normal: the normal approximation')
    expect(md).toContain('passes 20,000,000')
  })

  it('says nothing more for a bootstrap CI', () => {
    const md = renderMarkdown(comparison('bootstrap'))
    expect(md).toContain('| [+0.005, +0.015] |')
    expect(md).not.toContain('normal')
  })
})
