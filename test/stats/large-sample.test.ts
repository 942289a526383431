import { describe, expect, it } from 'vitest'
import { compareSamples, meanCI, normalMeanCI, overResampleBudget, RESAMPLE_BUDGET, signFlipNormal } from '../../src/stats/index.js'

// Reference values: numpy 2.4 / scipy 1.17 on the same formulas (x.std(ddof=0), stats.norm.ppf / cdf / sf).
const n = 30_000
const x = Float64Array.from({ length: n }, (_, i) => (((i * 7919) % 1000) / 1000) ** 2)
const head = Float64Array.from(x, (v, i) => v + 0.01 * Math.sin(i) + 0.00005)
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('resampling budget', () => {
  it('crosses over at n × resamples = RESAMPLE_BUDGET', () => {
    expect(RESAMPLE_BUDGET).toBe(20_000_000)
    expect(overResampleBudget(10_000, 2000)).toBe(false)
    expect(overResampleBudget(10_001, 2000)).toBe(true)
  })
})

describe('normalMeanCI', () => {
  it('has no bounds without values, still naming its method', () => {
    const ci = normalMeanCI(new Float64Array(0), 0.95)
    expect(ci).toMatchObject({ level: 0.95, method: 'normal' })
    expect(ci.low).toBeNaN()
    expect(ci.high).toBeNaN()
  })

  it('is mean ± z·sd/√n with the plug-in sd (numpy)', () => {
    const ci = normalMeanCI(x, 0.95)
    expect(ci.method).toBe('normal')
    expect(rel(ci.low, 0.3294629280550626)).toBeLessThan(1e-12)
    expect(rel(ci.high, 0.3362040719449373)).toBeLessThan(1e-12)
  })

  it('meanCI picks it over the budget and the bootstrap under it', () => {
    expect(meanCI(x, { resamples: 2000, confidence: 0.95, seed: 0 }).method).toBe('normal')
    const small = meanCI(x.subarray(0, 100), { resamples: 2000, confidence: 0.95, seed: 0 })
    expect(small.method).toBe('bootstrap')
  })

  it('ignores NaN scores as the bootstrap does', () => {
    const withNaN = new Float64Array(n + 1)
    withNaN.set(x)
    withNaN[n] = NaN
    const ci = meanCI(withNaN, { resamples: 2000, confidence: 0.95, seed: 0 })
    expect(rel(ci.low, 0.3294629280550626)).toBeLessThan(1e-12)
  })
})

describe('signFlipNormal', () => {
  it('is the normal limit z = Σd/√Σd² (scipy.stats.norm)', () => {
    const d = Float64Array.from(head, (v, i) => v - x[i])
    const t = signFlipNormal(d)
    expect(rel(t.pLess, 0.892501141864166)).toBeLessThan(1e-9)
    expect(rel(t.pGreater, 0.1074988581358341)).toBeLessThan(1e-9)
    expect(rel(t.pTwoSided, 0.2149977162716682)).toBeLessThan(1e-9)
  })

  it('gives p = 1 when nothing changed', () => {
    expect(signFlipNormal(new Float64Array(5))).toEqual({ pLess: 1, pGreater: 1, pTwoSided: 1 })
  })
})

describe('paired comparison over the budget', () => {
  it('uses the normal CI and test, and lists the worst examples without sorting all', () => {
    const c = compareSamples({ value: 0, scores: x }, { value: 0, scores: head }, { resamples: 2000, confidence: 0.95, seed: 0, direction: 'lower' })
    if (!c.paired) throw new Error('expected paired')
    expect(c.test).toBe('sign-flip-normal')
    expect(c.ci?.method).toBe('normal')
    expect(rel(c.ci!.low, -2.9393106812240335e-5)).toBeLessThan(1e-9)
    expect(rel(c.ci!.high, 0.00013063474351273914)).toBeLessThan(1e-9)
    expect(rel(c.pWorse!, 0.1074988581358341)).toBeLessThan(1e-9)
    // numpy: np.argsort(-d, kind='stable')[:5]
    expect(c.topWorse.map((w) => Number(w.id))).toEqual([29809, 29099, 28389, 27679, 26969])
    const higher = compareSamples({ value: 0, scores: x }, { value: 0, scores: head }, { resamples: 2000, confidence: 0.95, seed: 0, direction: 'higher' })
    if (!higher.paired) throw new Error('expected paired')
    // numpy: np.argsort(d, kind='stable')[:5]
    expect(higher.topWorse.map((w) => Number(w.id))).toEqual([29454, 28744, 28034, 27324, 26614])
    expect(higher.pWorse! + c.pWorse!).toBeCloseTo(1, 12)
  })

  it('keeps the bootstrap and the permutation test under it', () => {
    const c = compareSamples(
      { value: 0, scores: x.subarray(0, 500) },
      { value: 0, scores: head.subarray(0, 500) },
      { resamples: 2000, confidence: 0.95, seed: 0, direction: 'lower' }
    )
    expect(c.test).toBe('sign-flip-monte-carlo')
    expect(c.ci?.method).toBe('bootstrap')
  })

  it('compares unpaired runs with Welch’s normal approximation (numpy, ddof=1)', () => {
    const c = compareSamples(
      { value: 0, scores: x, ids: Array.from(x, (_, i) => `a${i}`) },
      { value: 0, scores: head, ids: Array.from(x, (_, i) => `b${i}`) },
      {
        resamples: 2000,
        confidence: 0.95,
        seed: 0,
        direction: 'lower'
      }
    )
    expect(c.paired).toBe(false)
    expect(c.test).toBe('welch-normal')
    expect(c.ci?.method).toBe('normal')
    expect(rel(c.ci!.low, -0.004716822585693194)).toBeLessThan(1e-9)
    expect(rel(c.ci!.high, 0.00481806422239375)).toBeLessThan(1e-9)
    expect(rel(c.pWorse!, 0.49169823520184214)).toBeLessThan(1e-9)
  })
})
