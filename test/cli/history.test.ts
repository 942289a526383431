import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { serializeJson } from '../../src/results/io.js'
import { metric, results } from '../helpers/results.js'

async function cli(argv: string[], cwd: string) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: {} })
  return { code, out, err }
}

const sha = (k: number) => k.toString(16).padStart(2, '0').repeat(20)
// 10 commits alternating 0.80 / 0.82 (mean 0.81), then 10 alternating 0.70 / 0.72 (mean 0.71): the step is commit 11.
const value = (k: number) => (k <= 10 ? (k % 2 ? 0.8 : 0.82) : k % 2 ? 0.7 : 0.72)

describe('interp-gate history', () => {
  let ws: string
  beforeAll(async () => {
    ws = mkdtempSync(join(tmpdir(), 'interp-gate-history-'))
    for (let k = 1; k <= 20; k++) {
      const r = {
        ...results(
          [metric('acc', { value: value(k), n: 50, ci: { level: 0.95, low: value(k) - 0.01, high: value(k) + 0.01 } }), metric('flat', { value: 0.5 })],
          sha(k)
        ),
        createdAt: '2030-01-01T00:00:00Z'
      }
      writeFileSync(join(ws, `r${k}.json`), serializeJson(r))
      // Dates come from --date (commit dates), not createdAt: all files share one createdAt.
      const { code, out } = await cli(
        ['history', 'add', `r${k}.json`, '--store', 'hist', '--date', new Date(Date.UTC(2026, 0, k)).toISOString(), '--run-id', String(500 + k)],
        ws
      )
      expect(code).toBe(0)
      expect(out).toBe(`added s @ ${sha(k)} (2 metric(s)) as hist/s/${sha(k)}.json\n`)
    }
  })

  it('show --json: points in commit order and the step named at the commit where the new level starts', async () => {
    const { code, out } = await cli(['history', 'show', '--store', 'hist', '--json'], ws)
    expect(code).toBe(0)
    const json = JSON.parse(out)
    expect(Object.keys(json.metrics)).toEqual(['acc', 'flat'])
    const acc = json.metrics.acc
    expect(acc.points.map((p: { commit: string }) => p.commit)).toEqual(Array.from({ length: 20 }, (_, i) => sha(i + 1)))
    expect(acc.points[0]).toMatchObject({ commit: sha(1), date: '2026-01-01T00:00:00.000Z', runId: 501, value: 0.8, low: 0.79, high: 0.81, n: 50 })
    expect(acc.changes).toHaveLength(1)
    expect(acc.changes[0].commit).toBe(sha(11))
    expect(acc.changes[0].before).toBeCloseTo(0.81, 12)
    expect(acc.changes[0].after).toBeCloseTo(0.71, 12)
    expect(json.metrics.flat.changes).toEqual([])
  })

  it('show --metric --last: the window, with changes inside it only', async () => {
    const last5 = JSON.parse((await cli(['history', 'show', '--store', 'hist', '--metric', 'acc', '--last', '5', '--json'], ws)).out)
    expect(Object.keys(last5.metrics)).toEqual(['acc'])
    expect(last5.metrics.acc.points.map((p: { value: number }) => p.value)).toEqual([0.72, 0.7, 0.72, 0.7, 0.72])
    expect(last5.metrics.acc.changes).toEqual([])
    const last12 = JSON.parse((await cli(['history', 'show', '--store', 'hist', '--metric', 'acc', '--last', '12', '--json'], ws)).out)
    expect(last12.metrics.acc.changes.map((c: { commit: string }) => c.commit)).toEqual([sha(11)])
  })

  it('show as text: a sparkline per metric and each change', async () => {
    const { out } = await cli(['history', 'show', '--store', 'hist', '--metric', 'acc'], ws)
    expect(out).toContain('acc  20 point(s)  ')
    expect(out).toMatch(/change at 0b0b0b0b0b0b 2026-01-11: 0\.81 → 0\.71 \(-12\.3%\), p=/)
  })

  it('answers --help at every level', async () => {
    for (const argv of [
      ['history', '--help'],
      ['history', 'add', '--help'],
      ['history', 'show', '-h']
    ]) {
      const { code, out } = await cli(argv, ws)
      expect(code).toBe(0)
      expect(out).toContain('interp-gate history add RESULTS.json --store DIR')
    }
  })

  it('bad input: one message, exit 2', async () => {
    const cases: [string[], string][] = [
      [['history'], 'interp-gate: history needs a subcommand: add or show; see interp-gate history --help\n'],
      [['history', 'show', '--store', 'hist', '--metric', 'nope'], 'interp-gate: no metric "nope" in hist; it has: acc, flat\n'],
      [['history', 'show', '--store', 'hist', '--last', '0'], 'interp-gate: --last must be a positive integer; got "0"\n'],
      [['history', 'show', '--store', 'nowhere'], 'interp-gate: nowhere: no such history folder (create it with `interp-gate history add`)\n'],
      [['history', 'add', 'r1.json', '--store', 'hist', '--date', 'soon'], 'interp-gate: date "soon" is not an ISO 8601 date (e.g. 2026-05-01T12:00:00Z)\n'],
      [['history', 'add', 'missing.json', '--store', 'hist'], `interp-gate: missing.json: file not found (resolved to ${join(ws, 'missing.json')})\n`],
      [['history', 'add', 'r1.json', '--store', 'hist', '--run-id', 'x'], 'interp-gate: --run-id must be a whole number; got "x"\n'],
      [['history', 'add', 'r1.json'], 'interp-gate: history add needs one results file and a store: interp-gate history add RESULTS.json --store DIR\n']
    ]
    for (const [argv, message] of cases) {
      const { code, err } = await cli(argv, ws)
      expect([code, err]).toEqual([2, message])
    }
  })
})

describe('history add keeps the store to one entry per branch commit', () => {
  const cases: [string, (r: ReturnType<typeof results>) => object, RegExp][] = [
    ['shard', (r) => ({ ...r, shard: { index: 1, count: 2 } }), /it is shard 1\/2 of a sharded run .*add the results of `interp-gate merge` instead/],
    ['pull', (r) => ({ ...r, ref: 'refs/pull/7/merge' }), /it is a pull request's run \(ref refs\/pull\/7\/merge\)/],
    ['nocommit', (r) => ({ ...r, commit: null }), /it records no commit/]
  ]

  it('refuses a shard, a pull request and a run without a commit, with the reason; --force adds them', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-history-hygiene-'))
    for (const [name, change, reason] of cases) {
      writeFileSync(join(ws, `${name}.json`), serializeJson(change(results([metric('acc', { value: 0.5 })], sha(1))) as ReturnType<typeof results>))
      const refused = await cli(['history', 'add', `${name}.json`, '--store', 'hist'], ws)
      expect(refused.code).toBe(2)
      expect(refused.err).toMatch(new RegExp(`^interp-gate: history add: not adding ${name}\\.json: `))
      expect(refused.err).toMatch(reason)
      expect(refused.err).toContain('--force adds it anyway')
      expect(existsSync(join(ws, 'hist'))).toBe(false)
    }
    for (const [name] of cases) {
      const forced = await cli(['history', 'add', `${name}.json`, '--store', `forced-${name}`, '--force'], ws)
      expect(forced.code).toBe(0)
      expect(readdirSync(join(ws, `forced-${name}`, 's'))).toHaveLength(1)
    }
  })

  it('adds a branch push run without --force', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-history-hygiene-'))
    writeFileSync(join(ws, 'push.json'), serializeJson(results([metric('acc', { value: 0.5 })], sha(2))))
    expect((await cli(['history', 'add', 'push.json', '--store', 'hist'], ws)).code).toBe(0)
    expect(readdirSync(join(ws, 'hist', 's'))).toEqual([`${sha(2)}.json`])
  })
})

describe('interp-gate history show: sparkline scale', () => {
  it('noise well inside the CI stays a ripple instead of filling the height', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-history-noise-'))
    // 0.501, 0.5, 0.501, … with CI ±0.05: the 0.001 wiggle is a hundredth of the CI width
    for (let k = 1; k <= 6; k++) {
      const v = k % 2 ? 0.501 : 0.5
      writeFileSync(
        join(ws, `r${k}.json`),
        serializeJson(results([metric('m', { value: v, n: 50, ci: { level: 0.95, low: v - 0.05, high: v + 0.05 } })], sha(k)))
      )
      expect((await cli(['history', 'add', `r${k}.json`, '--store', 'hist', '--date', new Date(Date.UTC(2026, 0, k)).toISOString()], ws)).code).toBe(0)
    }
    // scale widened to the median CI width 0.1 around 0.5005: 0.5 → (0.5 − 0.4505) / 0.1 = 0.495 → bar 3; 0.501 → 0.505 → bar 4
    expect((await cli(['history', 'show', '--store', 'hist'], ws)).out).toContain('m  6 point(s)  ▅▄▅▄▅▄ 0.501 → 0.5\n')
  })
})
