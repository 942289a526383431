import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { renderCodeQuality } from '../../src/report/codequality.js'

describe('renderCodeQuality', () => {
  const annotations = [
    { level: 'error' as const, title: 'interp-gate: accuracy failed', message: 'Gate min: 0.84 < 0.9.', file: 'interp-gate.yml', line: 12 },
    { level: 'warning' as const, title: 'interp-gate: old missing', message: 'in the baseline but not computed now.', file: 'interp-gate.yml' },
    { level: 'notice' as const, title: 'interp-gate: gini regressed', message: 'worse.', file: 'src/gini.py' }
  ]
  const issues = JSON.parse(renderCodeQuality(annotations, 'explainers'))

  it('one issue per annotation with GitLab’s fields; severity error → major, warning → minor, notice → info', () => {
    expect(issues.map((i: { severity: string }) => i.severity)).toEqual(['major', 'minor', 'info'])
    expect(issues[0]).toEqual({
      description: 'interp-gate: accuracy failed: Gate min: 0.84 < 0.9.',
      check_name: 'interp-gate/failed',
      fingerprint: createHash('sha256').update('explainers\0interp-gate: accuracy failed').digest('hex').slice(0, 32),
      severity: 'major',
      location: { path: 'interp-gate.yml', lines: { begin: 12 } }
    })
    // Without a line, GitLab still needs lines.begin: the first line.
    expect(issues[1].location).toEqual({ path: 'interp-gate.yml', lines: { begin: 1 } })
  })

  it('fingerprints are stable across numbers and differ across suites and metrics', () => {
    const again = JSON.parse(renderCodeQuality([{ ...annotations[0], message: 'Gate min: 0.5 < 0.9.', line: 30 }], 'explainers'))
    expect(again[0].fingerprint).toBe(issues[0].fingerprint)
    expect(JSON.parse(renderCodeQuality([annotations[0]], 'other'))[0].fingerprint).not.toBe(issues[0].fingerprint)
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(3)
  })

  it('no problems, an empty report', () => {
    expect(renderCodeQuality([], 's')).toBe('[]\n')
  })
})
