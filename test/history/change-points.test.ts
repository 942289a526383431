import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectChangePoints, eDivisiveQ } from '../../src/history/change-points.js'
import { studentTwoSidedP, welchTest } from '../../src/stats/student-t.js'

/** Written by scripts/reference/change_points.py (numpy / scipy, independent of the TypeScript). */
interface Expected {
  index: number
  before: number
  after: number
  pValue: number
}
interface Reference {
  qhat: { x: number[]; q: (number | null)[] }[]
  welch: { a: number[]; b: number[]; t: number; p: number }[]
  studentT: { t: number; df: number; p: number }[]
  series: { name: string; values: number[]; stepAt: number[]; expected: Expected[] }[]
}
const ref: Reference = JSON.parse(readFileSync(new URL('../fixtures/history/change_points.json', import.meta.url), 'utf8'))

describe('eDivisiveQ', () => {
  it.each(ref.qhat.map((c, i) => [i, c] as const))('equals Q-hat from the full distance matrix (case %i)', (_, c) => {
    const q = eDivisiveQ(c.x, 0, c.x.length)
    c.q.forEach((want, tau) => {
      if (want === null) expect(q[tau]).toBeNaN()
      else expect(q[tau]).toBeCloseTo(want, 10)
    })
  })

  it('peaks at the step of a noise-free series (by hand: [1,1,1,5,5,5,5] splits at 3)', () => {
    const q = eDivisiveQ([1, 1, 1, 5, 5, 5, 5], 0, 7)
    // τ = 3: m = 3, n = 4, Ê = 2·(12·4)/12 − 0 − 0 = 8, Q̂ = (12/7)·8
    expect(q[3]).toBeCloseTo((12 / 7) * 8, 12)
    expect(Math.max(...[...q].filter(Number.isFinite))).toBe(q[3])
  })
})

describe('Student t and Welch', () => {
  it.each(ref.studentT.map((c) => [c.t, c.df, c.p] as const))('two-sided p of t=%f, df=%f equals scipy', (t, df, p) => {
    expect(studentTwoSidedP(t, df)).toBeCloseTo(p, 12)
  })

  it.each(ref.welch.map((c, i) => [i, c] as const))('welchTest equals scipy ttest_ind(equal_var=False) (case %i)', (_, c) => {
    const x = [...c.a, ...c.b]
    const r = welchTest(x, 0, c.a.length, c.a.length, x.length)
    expect(r.t).toBeCloseTo(c.t, 10)
    expect(r.p).toBeCloseTo(c.p, 10)
  })
})

describe('detectChangePoints', () => {
  it.each(ref.series.map((c) => [c.name, c] as const))('%s: same change points as the numpy re-implementation', (_, c) => {
    const found = detectChangePoints(c.values)
    expect(found.map((f) => f.index)).toEqual(c.expected.map((e) => e.index))
    // The synthetic steps are where the series was built to change.
    expect(found.map((f) => f.index)).toEqual(c.stepAt)
    found.forEach((f, k) => {
      const e: Expected = c.expected[k]
      expect(f.before).toBeCloseTo(e.before, 12)
      expect(f.after).toBeCloseTo(e.after, 12)
      expect(f.pValue / Math.max(e.pValue, 1e-300)).toBeCloseTo(1, 6)
    })
  })

  it('finds nothing in a series too short to split (fewer than 2 · minSegment points)', () => {
    expect(detectChangePoints([1, 1, 1, 9, 9])).toEqual([])
  })

  it('finds a noise-free step exactly, with the levels before and after (by hand)', () => {
    expect(detectChangePoints([2, 2, 2, 2, 3, 3, 3])).toEqual([{ index: 4, before: 2, after: 3, relative: 0.5, pValue: 0 }])
  })

  it('ignores a real but tiny shift below the minimum magnitude', () => {
    const x = [100, 100, 100, 100, 100.5, 100.5, 100.5, 100.5]
    expect(detectChangePoints(x)).toEqual([])
    expect(detectChangePoints(x, { minMagnitude: 0.001 }).map((c) => c.index)).toEqual([4])
  })

  it('rejects nonsensical options', () => {
    expect(() => detectChangePoints([1, 2, 3], { significance: 2 })).toThrow(/significance/)
  })
})
