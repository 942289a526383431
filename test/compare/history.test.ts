import { describe, expect, it } from 'vitest'
import { historyFromResults } from '../../src/results/history.js'
import { metric, results } from '../helpers/results.js'

describe('historyFromResults', () => {
  it('collects values per metric id, oldest first, skipping errors', () => {
    const run = (createdAt: string, v: number | null) => ({ ...results([metric('a', { value: v }), metric('b', { value: 1 })]), createdAt })
    const h = historyFromResults([run('2026-03-01T00:00:00Z', 3), run('2026-01-01T00:00:00Z', 1), run('2026-02-01T00:00:00Z', null)])
    expect(h).toEqual({ a: [1, 3], b: [1, 1, 1] })
  })
})
