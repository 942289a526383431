import { describe, expect, it } from 'vitest'
import { comparePairing } from '../../src/stats/paired.js'
import { comparePaired, pairSamples, type Sample } from '../../src/stats/index.js'
import { f64, ratioOfSums } from './fixtures.js'

const opts = { resamples: 200, confidence: 0.95, seed: 7, direction: 'higher' as const }

const ratio = ratioOfSums

describe('comparePaired by ids', () => {
  it('counts changes between rows of the same id, not of the same position', () => {
    // a: 1 -> 0 (worse), b: 2 -> 2, c: 3 -> 3.5 (better); by position it would be 2 worse, 1 better
    const r = comparePaired({ value: 2, scores: f64([1, 2, 3]), ids: ['a', 'b', 'c'] }, { value: 11 / 6, scores: f64([3.5, 0, 2]), ids: ['c', 'a', 'b'] }, opts)
    expect(r).toMatchObject({ pairedBy: 'ids', n: 3, worse: 1, better: 1, unchanged: 1 })
    expect(r?.topWorse).toEqual([{ id: 'a', base: 1, head: 0, delta: -1 }])
  })

  it('lists equal worsenings in base order, the first five only', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    // every example drops by 1 except g, which drops by 2
    const r = comparePaired({ value: 1, scores: f64([1, 1, 1, 1, 1, 1, 2]), ids }, { value: 0, scores: f64([0, 0, 0, 0, 0, 0, 0]), ids }, opts)
    expect(r?.topWorse.map((c) => c.id)).toEqual(['g', 'a', 'b', 'c', 'd'])
  })
})

describe('comparePaired by position', () => {
  it('drops a leading pair with a NaN score and averages the rest', () => {
    // kept pairs: 1 -> 2 and 3 -> 5
    const r = comparePaired({ value: 0, scores: f64([Number.NaN, 1, 3]) }, { value: 0, scores: f64([2, 2, 5]) }, opts)
    expect(r).toMatchObject({ pairedBy: 'position', n: 2, dropped: 1, baseValue: 2, headValue: 3.5, delta: 1.5, worse: 0, better: 2 })
  })
})

describe('comparePaired of binary scores above the resampling budget', () => {
  it("still uses McNemar's exact test", () => {
    // 2001 pairs x 10000 resamples > RESAMPLE_BUDGET; 5 worse, 1 better
    const n = 2001
    const base = new Float64Array(n).fill(1)
    const head = new Float64Array(n).fill(1)
    base[10] = 0
    for (let i = 0; i < 5; i++) head[i] = 0
    const r = comparePaired({ value: 0, scores: base }, { value: 0, scores: head }, { ...opts, resamples: 10_000, binary: true })
    expect(r).toMatchObject({ worse: 5, better: 1, test: 'mcnemar-exact' })
    // scipy.stats.binomtest(5, 6, 0.5, alternative='greater').pvalue = 7/64; two-sided binomtest(5, 6, 0.5) = 14/64
    expect(r?.pWorse).toBeCloseTo(7 / 64, 14)
    expect(r?.pValue).toBeCloseTo(14 / 64, 14)
  })
})

describe('comparePaired of an aggregate', () => {
  it('drops a pair with NaN in any one column', () => {
    const base: Sample = { value: 0, columns: { num: f64([1, Number.NaN, 3]), den: f64([2, 2, 2]) } }
    const head: Sample = { value: 0, columns: { num: f64([2, 2, 2]), den: f64([2, 2, 2]) } }
    const r = comparePaired(base, head, { ...opts, aggregate: ratio })
    // rows 0 and 2: base (1 + 3) / 4 = 1, head 4 / 4 = 1
    expect(r).toMatchObject({ n: 2, dropped: 1, baseValue: 1, headValue: 1, delta: 0 })
  })
})

describe('comparePairing preconditions', () => {
  it('needs the aggregate for a pairing of columns', () => {
    const base: Sample = { value: 0, columns: { num: f64([1, 2]), den: f64([1, 1]) } }
    const pairing = pairSamples(base, base, { aggregate: ratio })
    if (!pairing.ok) throw new Error('expected a pairing')
    expect(() => comparePairing(base, base, pairing, opts)).toThrow('a pairing of columns needs opts.aggregate')
  })

  it('needs scores on both runs for a pairing of scores', () => {
    const base: Sample = { value: 0, scores: f64([1, 2]) }
    const pairing = pairSamples(base, base)
    if (!pairing.ok) throw new Error('expected a pairing')
    expect(() => comparePairing(base, { value: 0 }, pairing, opts)).toThrow('a pairing of scores needs scores on both runs')
    expect(() => comparePairing({ value: 0 }, base, pairing, opts)).toThrow('a pairing of scores needs scores on both runs')
  })
})
