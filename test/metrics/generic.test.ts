import { describe, expect, it } from 'vitest'
import { mean, value } from '../../src/metrics/generic.js'
import { finiteMean } from '../../src/metrics/math.js'
import { arr, run, scores, shaped } from './metric-helpers.js'

describe('mean', () => {
  it('passes the scores through; NaN and ±Inf are left out of the mean', () => {
    const s = scores(mean, { scores: arr([1, null, 3]) })
    expect(s).toEqual([1, NaN, 3])
    expect(finiteMean(s)).toBe(2)
    expect(finiteMean(scores(mean, { scores: arr([1, Infinity, 3, -Infinity]) }))).toBe(2)
  })
  it('rejects a 2-d input', () => {
    expect(() => run(mean, { scores: arr([[1, 2]]) })).toThrow('input "scores" (test.npz#x): expected shape [N], got [1, 2]')
  })
})

describe('value', () => {
  it('reads a scalar or a one-element array', () => {
    expect(run(value, { value: shaped([0.8125], []) }).value).toBe(0.8125)
    expect(run(value, { value: arr([-3.5]) }).value).toBe(-3.5)
  })
  it('passes a non-finite value on (the pipeline reports status error)', () => {
    expect(run(value, { value: shaped([NaN], []) }).value).toBeNaN()
  })
  it('rejects more than one number', () => {
    expect(() => run(value, { value: arr([1, 2]) })).toThrow('input "value" (test.npz#x): expected shape [] or [1], got [2]')
  })
})
