import { describe, expect, it } from 'vitest'
import { type Aggregate, pairSamples, sameIds } from '../../src/stats/index.js'
import { f64 } from './fixtures.js'

const sumX: Aggregate = (c, idx) => {
  let s = 0
  const rows = idx ?? Array.from(c.x, (_, i) => i)
  for (let i = 0; i < rows.length; i++) s += c.x[rows[i]]
  return s
}

describe('pairSamples: what is compared', () => {
  it('pairs scores when no aggregate is given, even with columns on both runs', () => {
    const p = pairSamples({ value: 0, scores: f64([1, 2]), columns: { x: f64([1, 2]) } }, { value: 0, scores: f64([3, 4]), columns: { y: f64([1, 2, 3]) } })
    expect(p.ok && p.kind).toBe('scores')
  })

  it('pairs scores when only the head run has columns for the aggregate', () => {
    const p = pairSamples({ value: 0, scores: f64([1, 2]) }, { value: 0, scores: f64([3, 4]), columns: { x: f64([1, 2]) } }, { aggregate: sumX })
    expect(p.ok && p.kind).toBe('scores')
  })

  it('pairs columns by the aggregate when both runs have them', () => {
    const p = pairSamples(
      { value: 0, scores: f64([1, 2, 3]), columns: { x: f64([1, 2]) } },
      { value: 0, scores: f64([1, 2, 3]), columns: { x: f64([3, 4]) } },
      { aggregate: sumX }
    )
    expect(p).toMatchObject({ ok: true, kind: 'aggregate', by: 'position' })
    expect(p.ok && Array.from(p.baseRows)).toEqual([0, 1])
  })

  it('refuses to pair columns of different names under an aggregate', () => {
    const p = pairSamples({ value: 0, columns: { x: f64([1]), a: f64([1]) } }, { value: 0, columns: { x: f64([1]), b: f64([1]) } }, { aggregate: sumX })
    expect(p).toEqual({ ok: false, reason: 'the runs have different per-example columns' })
  })

  it('matches column names whatever their order in the runs', () => {
    const p = pairSamples(
      { value: 0, columns: { x: f64([1, 2]), w: f64([1, 1]) } },
      { value: 0, columns: { w: f64([1, 1]), x: f64([2, 3]) } },
      { aggregate: sumX }
    )
    expect(p).toMatchObject({ ok: true, kind: 'aggregate', by: 'position' })
  })
})

describe('sameIds', () => {
  it('is true only for the same ids in the same order', () => {
    expect(sameIds(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(true)
    expect(sameIds([], [])).toBe(true)
    expect(sameIds(['a', 'b', 'c'], ['a', 'c', 'b'])).toBe(false)
    expect(sameIds(['a', 'b'], ['a', 'x'])).toBe(false)
  })

  it('is false for arrays of different lengths, also when one starts the other', () => {
    expect(sameIds(['a', 'b'], ['a', 'b', 'c'])).toBe(false)
    expect(sameIds(['a', 'b', 'c'], ['a', 'b'])).toBe(false)
    expect(sameIds([], ['a'])).toBe(false)
  })
})
