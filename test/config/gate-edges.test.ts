// Config edges a gate depends on: a blank accept reason and significance levels outside (0, 1) are refused by name.
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config/load.js'
import { isGated, stricterSeverity } from '../../src/domain/policy.js'

const config = (extra: string) => `version: 1
metrics:
  - id: acc
    metric: accuracy
    inputs: { predictions: p.npy, labels: l.npy }
${extra}`

function errorOf(text: string): string {
  try {
    parseConfig(text, 'c.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('accept entries', () => {
  it('refuses a blank reason, naming the key', () => {
    expect(errorOf(config('accept:\n  - { metric: acc, reason: "   " }\n'))).toMatch(/^c\.yml:\d+:\d+ accept\[0\]\.reason: expected a reason/)
    expect(errorOf(config('accept:\n  - { metric: acc, reason: "" }\n'))).toMatch(/accept\[0\]\.reason: expected a reason/)
  })
  it('keeps a reason with text, trimmed', () => {
    expect(parseConfig(config('accept:\n  - { metric: acc, reason: " slower but simpler " }\n'), 'c.yml').config.accept).toEqual([
      { metric: 'acc', reason: 'slower but simpler' }
    ])
  })
})

describe('significance', () => {
  it('takes α strictly between 0 and 1', () => {
    expect(errorOf(config('    gate: { significance: 0 }\n'))).toMatch(/metrics\[0\]\.gate\.significance/)
    expect(errorOf(config('    gate: { significance: 1 }\n'))).toMatch(/metrics\[0\]\.gate\.significance/)
    expect(() => parseConfig(config('    gate: { significance: 0.05 }\n'), 'c.yml')).not.toThrow()
  })
  it('refuses a negative max-regression or max-dropped', () => {
    expect(errorOf(config('    gate: { max-regression: -0.01 }\n'))).toMatch(/metrics\[0\]\.gate\.max-regression/)
    expect(errorOf(config('    gate: { max-dropped: -1 }\n'))).toMatch(/metrics\[0\]\.gate\.max-dropped/)
    expect(errorOf(config('    gate: { max-dropped: 1.5 }\n'))).toMatch(/metrics\[0\]\.gate\.max-dropped/)
  })
})

describe('gate vocabulary', () => {
  it('calls a gate with any key set gated, and none without', () => {
    expect(isGated(undefined)).toBe(false)
    expect(isGated({})).toBe(false)
    expect(isGated({ min: undefined })).toBe(false)
    expect(isGated({ min: 0 })).toBe(true)
    expect(isGated({ history: 'iqr' })).toBe(true)
  })
  it('takes the stricter severity either way round', () => {
    expect(stricterSeverity('warning', 'error')).toBe('error')
    expect(stricterSeverity('error', 'notice')).toBe('error')
    expect(stricterSeverity('notice', 'warning')).toBe('warning')
    expect(stricterSeverity('notice', 'notice')).toBe('notice')
  })
})
