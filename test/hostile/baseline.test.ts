import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseResults } from '../../src/results/io.js'
import { cli, expectOneCleanMessage, quickstart } from './helpers.js'

/** The quickstart baseline, tampered with by `edit`, written to tampered.json. */
function tampered(ws: string, edit: (r: any) => void): string {
  const results = JSON.parse(readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
  edit(results)
  // "__DEEP__" stands for a value too deep to build as an object here (JSON.stringify would overflow the stack).
  writeFileSync(join(ws, 'tampered.json'), JSON.stringify(results).replace('"__DEEP__"', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`))
  return 'tampered.json'
}

describe('a baseline file is validated, not trusted', () => {
  const cases: [string, (r: any) => void, RegExp][] = [
    ['negative n', (r) => (r.metrics[0].n = -5), /\.metrics\[0\]\.n: Too small: expected number to be >=0/],
    ['ci.level outside (0, 1)', (r) => (r.metrics[1].ci.level = 5), /\.metrics\[1\]\.ci\.level: Too big: expected number to be <1/],
    ['duplicate metric ids', (r) => (r.metrics[2].id = r.metrics[1].id), /\.metrics\[2\]\.id: duplicate metric id "ig-deletion"/],
    [
      'per-example data that is not whole float64s',
      (r) => (r.metrics[1].examples.scores = 'AAAA'),
      /\.metrics\[1\]\.examples\.scores: expected base64 of whole float64 values/
    ],
    ['per-example data that is not base64', (r) => (r.metrics[1].examples.scores = '!!!!'), /\.metrics\[1\]\.examples\.scores: expected base64/],
    ['deeply nested params', (r) => (r.metrics[0].params = { k: '__DEEP__' }), /\.metrics\[0\]\.params: nested deeper than 16 levels/]
  ]
  for (const [name, edit, message] of cases) {
    it(`${name}: exit 2 naming the file and the key`, async () => {
      const ws = quickstart()
      const file = tampered(ws, edit)
      const { code, err } = await cli(['run', '--baseline', file, '--out', 'o'], ws)
      expect(code).toBe(2)
      expect(err).toMatch(/^interp-gate: tampered\.json: not an interp-gate results file \(/)
      expect(err).toMatch(message)
      expectOneCleanMessage(err)
    })
  }

  it("another suite's baseline is refused by run and by compare", async () => {
    const ws = quickstart()
    const file = tampered(ws, (r) => (r.suite = 'other'))
    const run = await cli(['run', '--baseline', file, '--out', 'o'], ws)
    expect(run).toMatchObject({
      code: 2,
      err: 'interp-gate: baseline file tampered.json: is of suite "other", but interp-gate.yml is suite "explainers"; use that suite\'s baseline\n'
    })
    const cmp = await cli(['compare', file, 'baseline/results.json'], ws)
    expect(cmp.code).toBe(2)
    expect(cmp.err).toBe(
      'interp-gate: tampered.json: the baseline is of suite "other", baseline/results.json is of suite "explainers"; compare results of the same suite (`suite:` in the config)\n'
    )
  })

  it('a history folder with a tampered file is exit 2 naming that file', async () => {
    const ws = quickstart()
    tampered(ws, (r) => (r.metrics[0].nanCount = -1))
    const { mkdirSync, renameSync } = await import('node:fs')
    mkdirSync(join(ws, 'hist'))
    renameSync(join(ws, 'tampered.json'), join(ws, 'hist', 'old.json'))
    const { code, err } = await cli(['run', '--history', 'hist', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(/^interp-gate: hist\/old\.json: not an interp-gate results file \(\.metrics\[0\]\.nanCount: Too small/)
  })

  it('a valid baseline still parses (the checks refuse only what is wrong)', () => {
    const ws = quickstart()
    expect(parseResults(readFileSync(join(ws, 'baseline/results.json'), 'utf8'), 'b.json').metrics.length).toBe(7)
  })
})

describe('a results file that is not JSON', () => {
  it('is named without echoing its contents (a symlinked secret must not reach the log)', async () => {
    const ws = quickstart()
    writeFileSync(join(ws, 'secret.json'), 'TOKEN=ghp_abcdef123456')
    const { code, err } = await cli(['run', '--baseline', 'secret.json', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toBe('interp-gate: secret.json: not valid JSON (Unexpected character); expected a results.json written by interp-gate\n')
  })
})
