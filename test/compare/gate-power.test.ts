import { describe, expect, it } from 'vitest'
import { isTestedGate, powerOf, underpowered, underpoweredNote } from '../../src/compare/gate-power.js'
import type { Power } from '../../src/results/results-schema.js'
import type { Sample } from '../../src/stats/index.js'

const sample = (scores: number[], ids?: string[]): Sample => ({ value: Number.NaN, scores: Float64Array.from(scores), ...(ids ? { ids } : {}) })
const power = (fields: Partial<Power>): Power => ({ mde: 0.02, n: 30, nNeeded: 155, power: 0.5, allowed: 0.01, alpha: 0.05, ...fields })

describe('gate power', () => {
  it('only a gate with both max-regression and significance is a tested gate', () => {
    expect(isTestedGate(undefined)).toBe(false)
    expect(isTestedGate({})).toBe(false)
    expect(isTestedGate({ 'max-regression': 0.01 })).toBe(false)
    expect(isTestedGate({ min: 0.5, significance: 0.05 })).toBe(false)
    expect(isTestedGate({ 'max-regression': 0, significance: 0.05 })).toBe(true)
  })

  it('power at a relative margin: the allowed regression is that share of the paired base mean', () => {
    // differences all +0.25 (no spread); base mean 0.5, so 10% allows 0.05
    const p = powerOf({ 'max-regression': '10%', significance: 0.1 }, sample([0.25, 0.5, 0.75]), sample([0.5, 0.75, 1]))!
    expect(p).toEqual({ mde: 0, n: 3, nNeeded: 1, power: 1, allowed: expect.closeTo(0.05, 15), alpha: 0.1 })
  })

  it('no power for runs that do not pair, or without a finite pair of scores', () => {
    const gate = { 'max-regression': 0.01, significance: 0.05 }
    expect(powerOf(gate, sample([1, 2], ['a', 'b']), sample([1, 2], ['c', 'd']))).toBeUndefined()
    expect(powerOf(gate, sample([Number.NaN, 1]), sample([1, Number.NaN]))).toBeUndefined()
  })

  it('underpowered: power known and under 80% (exactly 80% is enough)', () => {
    expect(underpowered(undefined)).toBe(false)
    expect(underpowered(power({ power: null, mde: null, n: 0 }))).toBe(false)
    expect(underpowered(power({ power: 0.79 }))).toBe(true)
    expect(underpowered(power({ power: 0.8 }))).toBe(false)
    expect(underpowered(power({ power: 0.81 }))).toBe(false)
  })

  it('the note names the detectable regression and the n the allowed one needs, or that a margin of 0 never shows', () => {
    expect(underpoweredNote(power({ mde: 0.0227, allowed: 0.01, nNeeded: 155 }), ' (group a)')).toBe(
      'underpowered (group a): 30 examples detect regressions ≥ 0.0227 at 80% power (one-sided α=0.05); the allowed 0.01 needs about 155'
    )
    expect(underpoweredNote(power({ mde: 0.0227, allowed: 0, nNeeded: null, alpha: 0.1 }))).toBe(
      'underpowered: 30 examples detect regressions ≥ 0.0227 at 80% power (one-sided α=0.1); an allowed regression of 0 is never shown significant; allow a margin'
    )
  })
})
