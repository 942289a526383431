import { describe, expect, test } from 'vitest'
import { createProgress, progressBar, progressMode } from '../../src/report/progress.js'

function harness(mode: 'tty' | 'actions' | 'plain' | 'off', metrics = 2) {
  let t = 0
  const out: string[] = []
  const progress = createProgress({ mode, write: (s) => out.push(s), now: () => t, metrics, quietMs: 2000, intervalMs: 5000 })
  return { progress, out, at: (ms: number) => (t = ms) }
}

describe('progressMode', () => {
  test('--quiet wins; GitHub Actions gets log lines; otherwise a bar on a terminal, lines elsewhere', () => {
    expect(progressMode({ quiet: true, isTTY: true, env: { GITHUB_ACTIONS: 'true' } })).toBe('off')
    expect(progressMode({ isTTY: false, env: { GITHUB_ACTIONS: 'true' } })).toBe('actions')
    expect(progressMode({ isTTY: true, env: {} })).toBe('tty')
    expect(progressMode({ isTTY: false, env: {} })).toBe('plain')
  })
})

describe('progressBar', () => {
  test('fills in proportion to the rows done and shows the count and elapsed seconds', () => {
    expect(progressBar(5000, 20000, 3210, 'rows', 8)).toBe('[##------] 5,000/20,000 rows 3.2 s')
    expect(progressBar(20000, 20000, 0, 'rows', 4)).toBe('[####] 20,000/20,000 rows 0.0 s')
    expect(progressBar(0, 0, 0, 'rows', 2)).toBe('[##] 0/0 rows 0.0 s')
  })
})

describe('createProgress', () => {
  test('a run shorter than the quiet time prints nothing, in every mode', () => {
    for (const mode of ['tty', 'actions', 'plain'] as const) {
      const h = harness(mode)
      h.at(100)
      h.progress.rows(['gini'], 10, 20)
      h.at(1500)
      h.progress.rows(['gini'], 20, 20)
      h.progress.metric('gini')
      h.progress.finish()
      expect(h.out).toEqual([])
    }
  })

  test('plain mode prints a line at most every interval', () => {
    const h = harness('plain')
    for (const [ms, done] of [
      [2500, 1],
      [3000, 2],
      [7400, 3],
      [7600, 4]
    ]) {
      h.at(ms)
      h.progress.rows(['gini', 'nonzero'], done, 4)
    }
    expect(h.out).toEqual([
      'interp-gate: gini, nonzero [######------------------] 1/4 rows 2.5 s\n',
      // 7.4 s is within 5 s of the last line; 7.6 s is not
      'interp-gate: gini, nonzero [########################] 4/4 rows 7.6 s\n'
    ])
  })

  test('GitHub Actions: one collapsed group per phase, opened by its first line and closed when the phase ends', () => {
    const h = harness('actions')
    h.at(3000)
    h.progress.rows(['gini'], 2, 4)
    h.at(9000)
    h.progress.metric('gini')
    h.at(9100)
    h.progress.metric('nonzero')
    h.progress.finish()
    expect(h.out).toEqual([
      '::group::interp-gate: reading arrays row by row\n',
      'interp-gate: gini [############------------] 2/4 rows 3.0 s\n',
      '::endgroup::\n',
      '::group::interp-gate: computing values and confidence intervals\n',
      'interp-gate: computing values and confidence intervals: gini [------------------------] 0/2 metrics 9.0 s\n',
      '::endgroup::\n'
    ])
  })

  test('a terminal gets one bar redrawn in place, ended by a newline when the phase changes', () => {
    const h = harness('tty')
    h.at(2100)
    h.progress.rows(['gini'], 1, 2)
    h.at(2150)
    h.progress.rows(['gini'], 2, 2)
    h.at(2160)
    h.progress.metric('gini')
    h.progress.finish()
    expect(h.out).toEqual([
      '\rgini [############------------] 1/2 rows 2.1 s\x1b[K',
      '\rgini [########################] 2/2 rows 2.1 s\x1b[K',
      '\n',
      '\rcomputing values and confidence intervals: gini [------------------------] 0/2 metrics 2.2 s\x1b[K',
      '\n'
    ])
  })

  test('off prints nothing however long the run', () => {
    const h = harness('off')
    h.at(60_000)
    h.progress.rows(['gini'], 1, 2)
    h.progress.metric('gini')
    h.progress.finish()
    expect(h.out).toEqual([])
  })
})
