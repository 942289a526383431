import { describe, expect, it } from 'vitest'
import {
  bootstrapCI,
  bootstrapColumnsCI,
  bootstrapMeanCI,
  comparePaired,
  compareUnpaired,
  percentileInterval,
  sampleCI,
  type Aggregate
} from '../../src/stats/index.js'
import { f64, fixture } from './fixtures.js'

interface Q {
  low: number
  high: number
  sd: number
}
interface Cols {
  num: number[]
  den: number[]
}
interface Fixture {
  mean: { x: number[]; ci: Record<string, Q> }
  pairs: { base: number[]; head: number[]; paired: Q; unpaired: Q }
  ratio: { base: Cols; head: Cols; single: Q; paired: Q }
}
const fx = fixture<Fixture>('bootstrap.json')
const R = 20_000

/**
 * The reference is the bootstrap distribution's own quantile (10^6 numpy resamples). With 20 000 resamples
 * the 2.5% quantile's Monte Carlo standard error is about 0.02 bootstrap sd; allow 0.1 sd (5 standard errors).
 */
function expectInterval(ci: { low: number; high: number } | null, ref: Q): void {
  expect(ci).not.toBeNull()
  expect(Math.abs(ci!.low - ref.low)).toBeLessThan(0.1 * ref.sd)
  expect(Math.abs(ci!.high - ref.high)).toBeLessThan(0.1 * ref.sd)
}

const ratio: Aggregate = (cols, idx) => {
  let num = 0
  let den = 0
  const rows = idx ?? Array.from(cols.num, (_, i) => i)
  for (let k = 0; k < rows.length; k++) {
    num += cols.num[rows[k]]
    den += cols.den[rows[k]]
  }
  return num / den
}
const columns = (c: Cols) => ({ num: f64(c.num), den: f64(c.den) })

describe('bootstrapMeanCI', () => {
  it.each(['0.9', '0.95'])('matches the quantiles of a 10^6-resample numpy bootstrap (confidence %s)', (level) => {
    const ci = bootstrapMeanCI(f64(fx.mean.x), { resamples: R, confidence: Number(level), seed: 1 })
    expect(ci.level).toBe(Number(level))
    expectInterval(ci, fx.mean.ci[level])
  })

  it('ignores NaN scores', () => {
    const opts = { resamples: 500, confidence: 0.95, seed: 2 }
    expect(bootstrapMeanCI(f64([...fx.mean.x, Number.NaN]), opts)).toEqual(bootstrapMeanCI(f64(fx.mean.x), opts))
  })

  it('gives NaN bounds for n = 0 and a degenerate interval for n = 1', () => {
    const opts = { resamples: 100, confidence: 0.95, seed: 0 }
    const empty = bootstrapMeanCI(f64([Number.NaN]), opts)
    expect(empty.low).toBeNaN()
    expect(empty.high).toBeNaN()
    expect(bootstrapMeanCI(f64([0.42, Number.NaN]), opts)).toEqual({ level: 0.95, low: 0.42, high: 0.42 })
  })

  it('is bit-for-bit deterministic for a seed, and the seed matters', () => {
    const x = f64(fx.mean.x)
    const opts = { resamples: 1000, confidence: 0.95, seed: 7 }
    expect(bootstrapMeanCI(x, opts)).toEqual(bootstrapMeanCI(x, opts))
    expect(bootstrapMeanCI(x, opts)).not.toEqual(bootstrapMeanCI(x, { ...opts, seed: 8 }))
  })

  it('rejects unusable options', () => {
    expect(() => bootstrapMeanCI(f64([1, 2]), { resamples: 0, confidence: 0.95, seed: 0 })).toThrow(/resamples/)
    expect(() => bootstrapMeanCI(f64([1, 2]), { resamples: 10, confidence: 1, seed: 0 })).toThrow(/confidence/)
  })
})

describe('generic bootstrap (columns + aggregate)', () => {
  it('matches numpy for a ratio of means', () => {
    const opts = { resamples: R, confidence: 0.95, seed: 3 }
    expectInterval(bootstrapColumnsCI(columns(fx.ratio.base), ratio, opts), fx.ratio.single)
    expectInterval(sampleCI({ value: NaN, columns: columns(fx.ratio.base) }, { ...opts, aggregate: ratio }), fx.ratio.single)
  })

  it('handles n = 0 and n = 1 and ignores resamples where the statistic is undefined', () => {
    const opts = { resamples: 100, confidence: 0.9, seed: 0 }
    expect(bootstrapCI(0, () => 1, opts).low).toBeNaN()
    expect(bootstrapCI(1, () => 5, opts)).toEqual({ level: 0.9, low: 5, high: 5 })
    expect(percentileInterval([Number.NaN, 1, 2, 3, Number.NaN], 0.5)).toEqual({ level: 0.5, low: 1.5, high: 2.5 })
  })

  it('returns null for a run without per-example data', () => {
    expect(sampleCI({ value: 0.3 }, { resamples: 100, confidence: 0.95, seed: 0 })).toBeNull()
  })
})

describe('comparison CIs against numpy', () => {
  const base = { value: NaN, scores: f64(fx.pairs.base) }
  const head = { value: NaN, scores: f64(fx.pairs.head) }
  const opts = { resamples: R, confidence: 0.95, seed: 4, direction: 'higher' as const }

  it('paired: the same resampled examples for both arms', () => {
    expectInterval(comparePaired(base, head, opts)!.ci, fx.pairs.paired)
  })

  it('unpaired: independent resamples of each run', () => {
    expectInterval(compareUnpaired(base, head, opts).ci, fx.pairs.unpaired)
  })

  it('paired ratio of means: the aggregate recomputed on each arm', () => {
    const r = comparePaired({ value: NaN, columns: columns(fx.ratio.base) }, { value: NaN, columns: columns(fx.ratio.head) }, { ...opts, aggregate: ratio })!
    expect(r.test).toBe('swap-monte-carlo')
    expectInterval(r.ci, fx.ratio.paired)
  })
})
