import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CoreLike } from '../../src/action/core-inputs.js'
import { run } from '../../src/action/run-action.js'
import { cli, quickstart } from './helpers.js'

/** The action in process, without a token (nothing talks to GitHub); returns what it failed with. */
async function action(ws: string, inputs: Record<string, string>): Promise<string[]> {
  const failed: string[] = []
  const core: CoreLike = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: () => {},
    setFailed: (m) => void failed.push(String(m)),
    info: () => {},
    warning: () => {},
    error: () => {},
    notice: () => {},
    summary: { addRaw: () => ({ write: async () => {} }) }
  }
  await run({ core, env: { GITHUB_WORKSPACE: ws, RUNNER_TEMP: ws } })
  return failed
}

describe('a failed run leaves nothing of an earlier run in --out', { timeout: 30_000 }, () => {
  it('a config error (exit 2) after a good run removes its results.json, comparison.json and report.md', async () => {
    const ws = quickstart()
    expect((await cli(['run', '--baseline', 'baseline/results.json', '--out', 'o'], ws)).code).toBe(1)
    expect(readdirSync(join(ws, 'o')).sort()).toEqual(['comparison.json', 'report.md', 'results.json'])
    writeFileSync(join(ws, 'interp-gate.yml'), 'version: 1\nmetrics: 3\n')
    const { code } = await cli(['run', '--baseline', 'baseline/results.json', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(readdirSync(join(ws, 'o'))).toEqual([])
  })

  it('a broken baseline does too, and a failed compare --out removes its two files', async () => {
    const ws = quickstart()
    expect((await cli(['compare', 'baseline/results.json', 'baseline/results.json', '--out', 'c'], ws)).code).toBe(0)
    expect(readdirSync(join(ws, 'c')).sort()).toEqual(['comparison.json', 'report.md'])
    writeFileSync(join(ws, 'broken.json'), '{')
    expect((await cli(['compare', 'broken.json', 'baseline/results.json', '--out', 'c'], ws)).code).toBe(2)
    expect(readdirSync(join(ws, 'c'))).toEqual([])
    expect((await cli(['run', '--out', 'c'], ws)).code).toBe(0)
    expect((await cli(['run', '--baseline', 'broken.json', '--out', 'c'], ws)).code).toBe(2)
    expect(readdirSync(join(ws, 'c'))).toEqual([])
  })

  it("files that are not the run's outputs stay", async () => {
    const ws = quickstart()
    expect((await cli(['run', '--out', 'o'], ws)).code).toBe(0)
    writeFileSync(join(ws, 'o', 'notes.md'), 'mine')
    expect((await cli(['run', '--config', 'missing.yml', '--out', 'o'], ws)).code).toBe(2)
    expect(readdirSync(join(ws, 'o'))).toEqual(['notes.md'])
  })

  it("a killed run's 0-byte hidden temp file is removed by the next run; a live writer's is kept", async () => {
    const ws = quickstart()
    expect((await cli(['run', '--out', 'o'], ws)).code).toBe(0)
    // pid 2^22 + 1 is above Linux's pid_max limit, so no process can have it: a writer that is gone.
    const dead = '.0123456789ab.4194305.tmp'
    const live = `.ba9876543210.${process.ppid}.tmp`
    writeFileSync(join(ws, 'o', dead), '')
    writeFileSync(join(ws, 'o', live), '')
    expect((await cli(['run', '--out', 'o'], ws)).code).toBe(0)
    expect(existsSync(join(ws, 'o', dead))).toBe(false)
    expect(existsSync(join(ws, 'o', live))).toBe(true)
    // A failed run cleans them too.
    writeFileSync(join(ws, 'o', dead), '')
    expect((await cli(['run', '--config', 'missing.yml', '--out', 'o'], ws)).code).toBe(2)
    expect(readdirSync(join(ws, 'o'))).toEqual([live])
  })

  it('the action too: a failed check leaves no earlier results in its out folder for a later upload step', async () => {
    const ws = quickstart()
    const inputs = { baseline: 'baseline/results.json', out: 'o', 'fail-on': 'never' }
    expect(await action(ws, inputs)).toEqual([])
    expect(readdirSync(join(ws, 'o')).sort()).toEqual(['comparison.json', 'report.md', 'results.json'])
    writeFileSync(join(ws, 'interp-gate.yml'), 'version: 1\nmetrics: 3\n')
    const failed = await action(ws, inputs)
    expect(failed).toHaveLength(1)
    expect(readdirSync(join(ws, 'o'))).toEqual([])
  })
})
