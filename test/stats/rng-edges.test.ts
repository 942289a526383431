import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/stats/rng.js'
import { fixture } from './fixtures.js'

const { limitEdge } = fixture<{ limitEdge: { seed: number; n: number; int: number[] } }>('rng.json')

describe('rejection at the largest multiple of n', () => {
  // the first offset draw of the seed equals floor(2^32 / n) · n: accepting it would favour 0 (Python reference)
  it('int(n) skips a draw equal to the limit', () => {
    const rng = createRng(limitEdge.seed)
    expect(Array.from({ length: 3 }, () => rng.int(limitEdge.n))).toEqual(limitEdge.int)
  })

  it('fillInt(n) skips it too', () => {
    const out = new Int32Array(3)
    createRng(limitEdge.seed).fillInt(limitEdge.n, out)
    expect(Array.from(out)).toEqual(limitEdge.int)
  })
})

describe('ranges outside 1 <= n <= 2^32 or not whole', () => {
  it.each([0, 0.5, 2.5, 2 ** 32 + 1, 2 ** 33, Number.NaN, Number.POSITIVE_INFINITY])('int(%d) throws', (n) => {
    expect(() => createRng(0).int(n)).toThrow(/1 <= n <= 2\^32/)
  })

  it.each([0, 2.5, 2 ** 32 + 1])('fillInt(%d) throws', (n) => {
    expect(() => createRng(0).fillInt(n, new Int32Array(2))).toThrow(/1 <= n <= 2\^32/)
  })

  it('sumOfDraws of no values throws', () => {
    expect(() => createRng(0).sumOfDraws(new Float64Array(0))).toThrow(/1 <= n <= 2\^32/)
  })

  it('still checks a new bad n after a good one', () => {
    const rng = createRng(0)
    expect(rng.int(10)).toBeLessThan(10)
    expect(() => rng.int(3.5)).toThrow(/1 <= n/)
  })
})
