import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { main } from '../../src/cli/main.js'
import { FIXTURES } from '../inputs/helpers.js'

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'interp-gate-progress-'))
  copyFileSync(path.join(FIXTURES, 'hostile', 'rows_be_f8.npy'), path.join(dir, 'a.npy'))
  writeFileSync(path.join(dir, 'interp-gate.yml'), 'version: 1\nmetrics:\n  - { id: g, metric: gini, inputs: { attributions: a.npy } }\n')
  return dir
}

/** A clock that moves 3 s per reading, so every progress call is past the quiet time and the interval. */
function slowClock(): () => number {
  let t = 0
  return () => (t += 3000)
}

async function run(args: string[], env: Record<string, string>, errIsTTY = false) {
  const err: string[] = []
  const code = await main(['run', ...args], { out: () => {}, err: (t) => err.push(t), cwd: workspace(), env, errIsTTY, now: slowClock() })
  return { code, err: err.join('') }
}

describe('run progress', () => {
  test('in GitHub Actions: plain lines inside one collapsed group per phase, on stderr', async () => {
    const { code, err } = await run([], { GITHUB_ACTIONS: 'true' })
    expect(code).toBe(0)
    expect(err).toContain('::group::interp-gate: reading arrays row by row\ninterp-gate: g [')
    expect(err).toContain('8/8 rows')
    expect(err).toContain('::group::interp-gate: computing values and confidence intervals\n')
    expect(err.match(/::group::/g)).toHaveLength(2)
    expect(err.match(/::endgroup::/g)).toHaveLength(2)
  })

  test('on a terminal: a bar redrawn in place', async () => {
    const { err } = await run([], {}, true)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the bar is redrawn with CR and ESC[K
    expect(err).toMatch(/^\rg \[#+\] 8\/8 rows [\d.]+ s\x1b\[K\n/)
  })

  test('--quiet prints nothing', async () => {
    expect((await run(['--quiet'], { GITHUB_ACTIONS: 'true' })).err).toBe('')
  })

  test('a bad INTERP_GATE_MEMORY_BUDGET is a usage error', async () => {
    const { code, err } = await run(['--quiet'], { INTERP_GATE_MEMORY_BUDGET: '2GB' })
    expect(code).toBe(2)
    expect(err).toContain('INTERP_GATE_MEMORY_BUDGET must be a whole number of bytes, got "2GB"')
  })

  test('INTERP_GATE_MEMORY_BUDGET bounds arrays decoded whole', async () => {
    const dir = workspace()
    const err: string[] = []
    // metric value reads its input whole: a.npy is 8 × 5 float64, 320 bytes decoded, over a budget of 100
    writeFileSync(path.join(dir, 'interp-gate.yml'), 'version: 1\nmetrics:\n  - { id: m, metric: value, inputs: { value: a.npy } }\n')
    const code = await main(['run', '--quiet'], { out: () => {}, err: (t) => err.push(t), cwd: dir, env: { INTERP_GATE_MEMORY_BUDGET: '100' } })
    expect(code).toBe(2)
    expect(err.join('')).toContain('a.npy: decoding shape [8, 5] float64 takes 320 bytes of memory, over the budget of 100 bytes')
  })
})
