import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/stats/index.js'
import { fixture } from './fixtures.js'

interface RngCase {
  seed: number
  uint32: number[]
  int10: number[]
  int1000003: number[]
  float: number[]
  forkUint32: number[]
}
const { cases } = fixture<{ cases: RngCase[] }>('rng.json')

describe('createRng', () => {
  it.each(cases)('matches a textbook 64-bit xoroshiro128+ in Python (seed $seed)', (c) => {
    const rng = createRng(c.seed)
    const fork = rng.fork()
    expect(Array.from({ length: 6 }, () => rng.uint32())).toEqual(c.uint32)
    expect(Array.from({ length: 6 }, () => rng.int(10))).toEqual(c.int10)
    expect(Array.from({ length: 4 }, () => rng.int(1000003))).toEqual(c.int1000003)
    expect(Array.from({ length: 3 }, () => rng.float())).toEqual(c.float)
    expect(Array.from({ length: 4 }, () => fork.uint32())).toEqual(c.forkUint32)
  })

  it('gives the same stream for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const r = createRng(seed)
      return Array.from({ length: 50 }, () => r.int(1000))
    }
    expect(draw(3)).toEqual(draw(3))
    expect(draw(3)).not.toEqual(draw(4))
  })

  it('draws int(n) uniformly in [0, n) and float() in [0, 1)', () => {
    const rng = createRng(11)
    const counts = new Array(7).fill(0)
    for (let i = 0; i < 70_000; i++) counts[rng.int(7)]++
    // chi-square with 6 degrees of freedom: 22.5 is its 99.9% quantile
    const chi2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0)
    expect(chi2).toBeLessThan(22.5)
    for (let i = 0; i < 1000; i++) {
      const u = rng.float()
      expect(u >= 0 && u < 1).toBe(true)
    }
    expect(createRng(1).int(1)).toBe(0)
  })

  it.each([1, 2, 7, 1000003, 2 ** 31 - 1, 2 ** 32])('fillInt(%d) draws the same numbers as repeated int() and leaves the stream where they would', (n) => {
    const a = createRng(9)
    const b = createRng(9)
    const bulk = new Int32Array(257)
    a.fillInt(n, bulk)
    const one = Array.from({ length: 257 }, () => b.int(n))
    expect(Array.from(bulk, (v) => v >>> 0)).toEqual(one)
    expect(a.uint32()).toBe(b.uint32())
  })

  it('leaves the parent stream unchanged when forking', () => {
    const a = createRng(5)
    const b = createRng(5)
    a.fork()
    expect(a.uint32()).toBe(b.uint32())
  })

  it('rejects non-integer seeds and bad ranges', () => {
    expect(() => createRng(1.5)).toThrow(/seed/)
    expect(() => createRng(Number.NaN)).toThrow(/seed/)
    expect(() => createRng(0).int(0)).toThrow(/1 <= n/)
  })
})

describe('seedFor', () => {
  it('gives each metric its own reproducible stream and stays a safe integer', async () => {
    const { seedFor } = await import('../../src/stats/rng.js')
    // FNV-1a of "a" is 0xe40c292c (reference value of the FNV spec's test suite)
    expect(seedFor(0, 'a')).toBe(0xe40c292c)
    expect(seedFor(0, 'a')).not.toBe(seedFor(0, 'b'))
    expect(seedFor(7, 'a')).toBe(seedFor(7, 'a'))
    expect(Number.isSafeInteger(seedFor(Number.MAX_SAFE_INTEGER, 'metric-id'))).toBe(true)
  })
})

describe('fillInt on awkward ranges', () => {
  // Quotients that land next to a whole number are where a multiply by 1/n rounds the wrong way.
  it.each([3, 49, 1000003, 2 ** 31 - 1, 0x7ffffffe, 65537 * 3])('equals int(%d) draw for draw over 20,000 draws', (n) => {
    const a = createRng(n)
    const b = createRng(n)
    const bulk = new Int32Array(20_000)
    a.fillInt(n, bulk)
    for (let i = 0; i < bulk.length; i++) if (bulk[i] !== b.int(n)) throw new Error(`draw ${i} differs`)
  })
})

describe('sumOfDraws', () => {
  it('adds up x at the same draws as int(x.length), in the same order, and leaves the stream where they would', () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => Math.sin(i) * 1e3)
    const a = createRng(21)
    const b = createRng(21)
    for (let r = 0; r < 3; r++) {
      let sum = 0
      for (let i = 0; i < x.length; i++) sum += x[b.int(x.length)]
      expect(a.sumOfDraws(x)).toBe(sum)
    }
    expect(a.uint32()).toBe(b.uint32())
  })
})
