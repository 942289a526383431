import { describe, expect, it } from 'vitest'
import { compareSamples, comparePaired, pairSamples, type Aggregate, type CompareOptions } from '../../src/stats/index.js'
import { f64 } from './fixtures.js'

const opts: CompareOptions = { resamples: 500, confidence: 0.95, seed: 0, direction: 'higher' }
const mean: Aggregate = (cols, idx) => {
  const rows = idx ?? Array.from(cols.x, (_, i) => i)
  let s = 0
  for (let k = 0; k < rows.length; k++) s += cols.x[rows[k]]
  return s / rows.length
}

describe('pairSamples', () => {
  it('pairs by id: the intersection in base order, and the ids only on one side', () => {
    const p = pairSamples({ value: 0, scores: f64([1, 2, 3, 4]), ids: ['a', 'b', 'c', 'd'] }, { value: 0, scores: f64([30, 10, 50]), ids: ['c', 'a', 'e'] })
    expect(p).toEqual({
      ok: true,
      kind: 'scores',
      by: 'ids',
      baseRows: Int32Array.of(0, 2),
      headRows: Int32Array.of(1, 0),
      onlyBase: ['b', 'd'],
      onlyHead: ['e']
    })
  })

  it('the same ids in the same order pair row i with row i; a repeat on either side still refuses', () => {
    const ids = ['x', 'y', 'z']
    const p = pairSamples({ value: 0, scores: f64([1, 2, 3]), ids }, { value: 0, scores: f64([4, 5, 6]), ids: [...ids] })
    expect(p).toEqual({ ok: true, kind: 'scores', by: 'ids', baseRows: Int32Array.of(0, 1, 2), headRows: Int32Array.of(0, 1, 2), onlyBase: [], onlyHead: [] })
    const repeated = ['x', 'y', 'x']
    for (let time = 0; time < 2; time++) {
      // asked twice about the same arrays: the remembered duplicate check gives the same answer
      const q = pairSamples({ value: 0, scores: f64([1, 2, 3]), ids: repeated }, { value: 0, scores: f64([4, 5, 6]), ids: repeated })
      expect(q.ok === false && q.reason).toBe('the base run repeats example id "x"')
    }
    const headOnly = pairSamples({ value: 0, scores: f64([1, 2, 3]), ids }, { value: 0, scores: f64([4, 5, 6]), ids: ['x', 'z', 'z'] })
    expect(headOnly.ok === false && headOnly.reason).toBe('the head run repeats example id "z"')
  })

  it('pairs by position without ids when the counts match', () => {
    const p = pairSamples({ value: 0, scores: f64([1, 2]) }, { value: 0, scores: f64([3, 4]) })
    expect(p).toMatchObject({ ok: true, by: 'position', baseRows: Int32Array.of(0, 1), headRows: Int32Array.of(0, 1) })
  })

  it.each([
    ['different counts without ids', { scores: f64([1, 2]) }, { scores: f64([1]) }, /2 and 1 examples/],
    ['ids on one side only', { scores: f64([1]), ids: ['a'] }, { scores: f64([1]) }, /only the base run/],
    ['no id in common', { scores: f64([1]), ids: ['a'] }, { scores: f64([1]), ids: ['b'] }, /no example id in common/],
    ['a repeated id', { scores: f64([1, 2]), ids: ['a', 'a'] }, { scores: f64([1, 2]), ids: ['a', 'b'] }, /repeats example id "a"/],
    ['ids not parallel to scores', { scores: f64([1, 2]), ids: ['a'] }, { scores: f64([1]), ids: ['a'] }, /1 ids for 2 examples/],
    ['no per-example data', { scores: f64([1]) }, {}, /no per-example scores/]
  ])('cannot pair: %s', (_, b, h, reason) => {
    const p = pairSamples({ value: 0, ...b }, { value: 0, ...h })
    expect(p.ok).toBe(false)
    expect(p.ok === false && p.reason).toMatch(reason)
    expect(comparePaired({ value: 0, ...b }, { value: 0, ...h }, opts)).toBeNull()
  })
})

describe('comparePaired', () => {
  const base = { value: 0, scores: f64([0.5, 0.9, 0.4, Number.NaN, 0.7, 0.2, 0.6]), ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }
  const head = { value: 0, scores: f64([0.8, 0.5, Number.NaN, 0.3, 0.7, 0.6, 0.45, 0.1]), ids: ['g', 'b', 'c', 'd', 'e', 'f', 'a', 'z'] }

  it('drops pairs with a NaN side, counts worse / better / unchanged and lists the worst', () => {
    const r = comparePaired(base, head, opts)!
    // kept pairs (base, head): a 0.5→0.45, b 0.9→0.5, e 0.7→0.7, f 0.2→0.6, g 0.6→0.8; c and d have a NaN
    expect(r.paired).toBe(true)
    expect(r.pairedBy).toBe('ids')
    expect(r.n).toBe(5)
    expect(r.dropped).toBe(2)
    expect([r.worse, r.better, r.unchanged]).toEqual([2, 2, 1])
    expect(r.onlyHead).toEqual(['z'])
    expect(r.onlyBase).toEqual([])
    expect(r.baseValue).toBeCloseTo((0.5 + 0.9 + 0.7 + 0.2 + 0.6) / 5, 15)
    expect(r.headValue).toBeCloseTo((0.45 + 0.5 + 0.7 + 0.6 + 0.8) / 5, 15)
    expect(r.delta).toBeCloseTo(0.15 / 5, 14)
    expect(r.topWorse.map((c) => c.id)).toEqual(['b', 'a'])
    expect(r.topWorse[0]).toEqual({ id: 'b', base: 0.9, head: 0.5, delta: 0.5 - 0.9 })
    // exact sign-flip over 2^5 vectors; "worse" for higher-is-better is the lower tail
    expect(r.test).toBe('sign-flip-exact')
  })

  it('turns worse into better when lower is better', () => {
    const r = comparePaired(base, head, { ...opts, direction: 'lower' })!
    expect([r.worse, r.better]).toEqual([2, 2])
    expect(r.topWorse.map((c) => c.id)).toEqual(['f', 'g'])
  })

  it('keeps at most 5 worsenings, largest first, ties in base order, ids = row numbers without ids', () => {
    const b = f64([1, 1, 1, 1, 1, 1, 1, 1])
    const h = f64([0.9, 0.5, 0.9, 0.2, 0.8, 0.7, 1.5, 0.6])
    const r = comparePaired({ value: 1, scores: b }, { value: 1, scores: h }, opts)!
    expect(r.pairedBy).toBe('position')
    expect(r.topWorse.map((c) => c.id)).toEqual(['3', '1', '7', '5', '4'])
  })

  it('gives null CI and p-values with no usable pair, and a degenerate CI with one', () => {
    const none = comparePaired({ value: 0, scores: f64([Number.NaN]) }, { value: 0, scores: f64([1]) }, opts)!
    expect([none.n, none.dropped, none.ci, none.pValue, none.pWorse, none.test]).toEqual([0, 1, null, null, null, null])
    const one = comparePaired({ value: 0, scores: f64([0.2]) }, { value: 0, scores: f64([0.5]) }, opts)!
    expect(one.ci).toEqual({ level: 0.95, low: 0.3, high: 0.3, method: 'bootstrap' })
  })

  it('is bit-for-bit deterministic for the same seed (Monte Carlo path too)', () => {
    const b = f64(Array.from({ length: 60 }, (_, i) => Math.sin(i)))
    const h = f64(Array.from({ length: 60 }, (_, i) => Math.sin(i) + 0.1 * Math.cos(3 * i)))
    const run = (seed: number) => comparePaired({ value: 0, scores: b }, { value: 0, scores: h }, { ...opts, seed })
    expect(run(1)!.test).toBe('sign-flip-monte-carlo')
    expect(run(1)).toEqual(run(1))
    expect(run(1)!.ci).not.toEqual(run(2)!.ci)
  })

  it('compares an aggregate over columns, dropping rows with NaN in any column', () => {
    const b = { value: 0, columns: { x: f64([1, 2, 3, Number.NaN]) } }
    const h = { value: 0, columns: { x: f64([2, 2, 5, 1]) } }
    const r = comparePaired(b, h, { ...opts, aggregate: mean })!
    expect([r.n, r.dropped, r.baseValue, r.headValue, r.delta]).toEqual([3, 1, 2, 3, 1])
    expect([r.worse, r.better, r.unchanged, r.topWorse]).toEqual([null, null, null, []])
    // 2^3 = 8 <= 500 resamples: exact over all swaps; T = 1 is the largest of the swap sums (1, 0, 2 flipped)
    expect(r.test).toBe('swap-exact')
    expect(r.pWorse).toBe(1)
    expect(r.pValue).toBe(0.5)
  })
})

describe('comparePaired with an aggregate undefined on the data', () => {
  it('reports the values but no CI or test', () => {
    const undefinedAggregate: Aggregate = () => Number.NaN
    const r = comparePaired({ value: 0, columns: { x: f64([1, 2]) } }, { value: 0, columns: { x: f64([1, 3]) } }, { ...opts, aggregate: undefinedAggregate })!
    expect([r.n, r.ci, r.pValue, r.pWorse, r.test]).toEqual([2, null, null, null, null])
    expect(r.delta).toBeNaN()
  })
})

describe('compareSamples', () => {
  it('falls back to an unpaired comparison and says why', () => {
    const r = compareSamples({ value: 0, scores: f64([1, 2, 3]) }, { value: 0, scores: f64([1, 2]) }, opts)
    expect(r.paired).toBe(false)
    expect(r.paired === false && r.reason).toMatch(/3 and 2 examples/)
  })

  it('pairs when it can', () => {
    expect(compareSamples({ value: 0, scores: f64([1, 2]) }, { value: 0, scores: f64([1, 3]) }, opts).paired).toBe(true)
  })
})
