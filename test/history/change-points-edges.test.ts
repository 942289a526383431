import { describe, expect, it } from 'vitest'
import { changesConfirmedBy, detectChangePoints, eDivisiveQ, seriesChanges } from '../../src/history/change-points.js'
import type { MetricSeries } from '../../src/history/series.js'
import { welchTest } from '../../src/stats/student-t.js'

// Expected values: by hand for the noise-free series (a split of two constant sides has Welch p = 0), and from the
// numpy/scipy re-implementation in scripts/reference/change_points.py (`qhat`, `detect`) for the others.

describe('eDivisiveQ on a sub-range', () => {
  it('equals Q-hat of the slice x[from, to), indexed from the start of the range', () => {
    const x = [0.3, 0.1, 0.4, 0.1, 0.5, 0.9, 0.2, 0.6, 0.8, 0.05]
    // numpy qhat(x[2:8]) = [None, None, 0.0444…, −0.0666…, −0.2888…, None, None]
    const q = eDivisiveQ(x, 2, 8)
    expect(q).toHaveLength(7)
    for (const m of [0, 1, 5, 6]) expect(q[m]).toBeNaN()
    expect(q[2]).toBeCloseTo(0.044444444444444, 12)
    expect(q[3]).toBeCloseTo(-0.066666666666667, 12)
    expect(q[4]).toBeCloseTo(-0.288888888888889, 12)
  })
})

describe('detectChangePoints edges', () => {
  it('finds the second step inside the right-hand segment after the first split (three levels)', () => {
    // Q-hat peaks at 3 (numpy: 40.21 against 24.36 at 4), so the 10 → 11 step is found in the segment [3, 11).
    expect(detectChangePoints([1, 1, 1, 10, 10, 10, 10, 11, 11, 11, 11])).toEqual([
      { index: 3, before: 1, after: 10, relative: 9, pValue: 0 },
      { index: 7, before: 10, after: 11, relative: 0.1, pValue: 0 }
    ])
  })

  it('splits a series of exactly 2 · minSegment points', () => {
    expect(detectChangePoints([1, 1, 1, 9, 9, 9]).map((c) => c.index)).toEqual([3])
    expect(detectChangePoints([1, 1, 9, 9], { minSegment: 2 }).map((c) => c.index)).toEqual([2])
    expect(detectChangePoints([1, 1, 9], { minSegment: 2 })).toEqual([])
  })

  it('a level moving away from 0 counts (no relative size), with relative null', () => {
    expect(detectChangePoints([0, 0, 0, 0, 5, 5, 5, 5])).toEqual([{ index: 4, before: 0, after: 5, relative: null, pValue: 0 }])
  })

  it('a shift of exactly minMagnitude counts', () => {
    expect(detectChangePoints([2, 2, 2, 2, 3, 3, 3], { minMagnitude: 0.5 }).map((c) => c.index)).toEqual([4])
    expect(detectChangePoints([2, 2, 2, 2, 3, 3, 3], { minMagnitude: 0.51 })).toEqual([])
  })

  it('a p-value equal to the significance does not count (the split must be below it)', () => {
    const x = [1.0, 1.2, 0.9, 1.1, 2.0, 2.3, 1.9, 2.2]
    const { p } = welchTest(x, 0, 4, 4, 8)
    expect(detectChangePoints(x, { significance: p })).toEqual([])
    expect(detectChangePoints(x, { significance: p * 1.000001 }).map((c) => c.index)).toEqual([4])
  })

  it('drops the split candidates that fail against their neighbouring change points, weakest first', () => {
    // Binary segmentation proposes 3, 6 and 9; re-tested between neighbours, 3 and 6 fail and only 9 is left (numpy).
    const found = detectChangePoints([1.9, 2.0, 2.1, 1.1, 0.9, 1.1, 2.9, 2.9, 2.9, 4.0, 4.1, 4.1, 4.0])
    expect(found.map((c) => c.index)).toEqual([9])
    expect(found[0].before).toBeCloseTo(1.9777777777777774, 12)
    expect(found[0].after).toBeCloseTo(4.05, 12)
    expect(found[0].pValue / 5.532399039991488e-5).toBeCloseTo(1, 6)
  })

  it('keeps the stronger of two proposals when one fails the re-test', () => {
    // Proposed 5, 8 and 11; only 5 survives pruning (numpy).
    const found = detectChangePoints([1.0, 0.9, 1.0, 0.9, 1.1, 3.9, 3.9, 3.9, 3.0, 3.0, 3.0, 2.1, 1.9, 2.0])
    expect(found.map((c) => c.index)).toEqual([5])
    expect(found[0].before).toBeCloseTo(0.98, 12)
    expect(found[0].after).toBeCloseTo(2.966666666666667, 12)
    expect(found[0].pValue / 8.022113888550079e-5).toBeCloseTo(1, 6)
  })

  it('drops the failing proposal with the largest p first, not the first in order', () => {
    // Dropping the first failing one instead leaves nothing (numpy re-implementation with either rule).
    const found = detectChangePoints([3.1, 3.0, 3.0, 4.0, 3.9, 4.1, 5.0, 5.0, 5.0, 5.1, 5.0, 5.1, 5.1, 5.0, 5.1, 5.1, 5.1, 5.1])
    expect(found.map((c) => c.index)).toEqual([3])
    expect(found[0].before).toBeCloseTo(3.033333333333333, 12)
    expect(found[0].after).toBeCloseTo(4.846666666666667, 12)
    expect(found[0].pValue / 7.996712622255662e-11).toBeCloseTo(1, 6)
  })

  it('never splits off fewer than minSegment points, however clean the step', () => {
    // A 1 → 5 step two points from the end: every allowed split (3, 4, 5) mixes the levels, Welch p ≈ 0.18 at best.
    expect(detectChangePoints([1, 1, 1, 1, 1, 1, 5, 5])).toEqual([])
  })

  it.each([
    ['significance 0', { significance: 0 }],
    ['significance 1', { significance: 1 }],
    ['a negative minMagnitude', { minMagnitude: -0.1 }],
    ['a NaN minMagnitude', { minMagnitude: Number.NaN }],
    ['minSegment 1', { minSegment: 1 }],
    ['a fractional minSegment', { minSegment: 2.5 }]
  ])('rejects %s', (_, options) => {
    expect(() => detectChangePoints([1, 2, 3], options)).toThrow(RangeError)
  })

  it('accepts the edges: minMagnitude 0 and minSegment 2', () => {
    expect(detectChangePoints([1, 1, 2, 2], { minMagnitude: 0, minSegment: 2 }).map((c) => c.index)).toEqual([2])
  })
})

const point = (commit: string, value: number) => ({ commit, date: `2026-12-0${commit.slice(1)}`, runId: null, value, low: null, high: null, n: 1 })
const series = (id: string, values: number[]): MetricSeries => ({
  id,
  suite: 's',
  metric: id,
  family: 'f',
  direction: 'higher',
  points: values.map((v, i) => point(`c${i}`, v))
})

describe('seriesChanges', () => {
  it('names each change by the commit and date of the first point of the new level', () => {
    expect(seriesChanges(series('m', [1, 1, 1, 5, 5, 5]).points)).toEqual([
      { commit: 'c3', date: '2026-12-03', index: 3, before: 1, after: 5, relative: 4, pValue: 0 }
    ])
  })
})

describe('changesConfirmedBy', () => {
  it('reports a change that the new entry completes (too few points on the new level without it)', () => {
    expect(changesConfirmedBy([series('m', [1, 1, 1, 5, 5, 5])], 'c5')).toEqual([
      { id: 'm', commit: 'c3', date: '2026-12-03', index: 3, before: 1, after: 5, relative: 4, pValue: 0 }
    ])
  })

  it('does not report a change already there without the new entry', () => {
    expect(changesConfirmedBy([series('m', [1, 1, 1, 5, 5, 5, 5])], 'c6')).toEqual([])
  })

  it('ignores series whose newest point is another commit, and empty series', () => {
    expect(changesConfirmedBy([series('m', [1, 1, 1, 5, 5, 5]), series('e', [])], 'c4')).toEqual([])
    expect(changesConfirmedBy([series('e', []), series('m', [1, 1, 1, 5, 5, 5])], 'c5').map((c) => c.id)).toEqual(['m'])
  })
})
