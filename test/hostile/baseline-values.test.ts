import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, expectOneCleanMessage, quickstart } from './helpers.js'

/** The quickstart baseline with metric `id` edited, written to tampered.json. */
function tamper(ws: string, id: string, edit: (m: any, r: any) => void): string {
  const results = JSON.parse(readFileSync(join(ws, 'baseline/results.json'), 'utf8'))
  edit(
    results.metrics.find((m: { id: string }) => m.id === id),
    results
  )
  writeFileSync(join(ws, 'tampered.json'), JSON.stringify(results))
  return 'tampered.json'
}

describe('a gated metric never loses its gate to a baseline without a value', { timeout: 30_000 }, () => {
  it('value: null on a max-regression metric is a broken baseline naming file and metric (exit 2), not `new`', async () => {
    const ws = quickstart()
    const file = tamper(ws, 'ig-deletion', (m) => (m.value = null))
    const { code, err, out } = await cli(['run', '--baseline', file, '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toBe(
      'interp-gate: baseline file tampered.json: metric "ig-deletion" has no value in the baseline (value is null, with no error recorded), ' +
        'but it is gated on max-regression and significance, which compares with that value; fix the metric on the base branch and use its new results as the baseline ' +
        '(a gated metric is never reported as new when its baseline entry exists)\n'
    )
    expect(out).not.toMatch(/\bnew\b/)
    expectOneCleanMessage(err)
  })

  it('a baseline whose run failed on that metric says so, and compare refuses it too', async () => {
    const ws = quickstart()
    const file = tamper(ws, 'ig-insertion', (m) => {
      m.value = null
      m.error = 'curves.npy: file not found'
    })
    const run = await cli(['run', '--baseline', file, '--out', 'o'], ws)
    expect(run.code).toBe(2)
    expect(run.err).toContain(
      'metric "ig-insertion" has no value in the baseline (its run failed: curves.npy: file not found), but it is gated on max-regression'
    )
    const cmp = await cli(['compare', file, 'baseline/results.json', '--config', 'interp-gate.yml'], ws)
    expect(cmp.code).toBe(2)
    expect(cmp.err).toMatch(/^interp-gate: baseline file tampered\.json: metric "ig-insertion" has no value/)
  })

  it('an ungated metric (min/max only bound the head) with a null baseline value is still compared as new', async () => {
    const ws = quickstart()
    const file = tamper(ws, 'accuracy', (m) => (m.value = null))
    const { code, out } = await cli(['run', '--baseline', file, '--out', 'o'], ws)
    expect(code).toBe(1) // the quickstart's deliberate regressions still fail; accuracy itself is `new`
    expect(JSON.parse(readFileSync(join(ws, 'o/comparison.json'), 'utf8')).rows.find((r: { id: string }) => r.id === 'accuracy').status).toBe('new')
    expect(out).toContain('accuracy')
  })

  it("a shard's results are refused as a baseline", async () => {
    const ws = quickstart()
    const file = tamper(ws, 'accuracy', (_m, r) => (r.shard = { index: 1, count: 2 }))
    const { code, err } = await cli(['run', '--baseline', file, '--out', 'o'], ws)
    expect({ code, err }).toEqual({
      code: 2,
      err: 'interp-gate: baseline file tampered.json: holds shard 1 of 2 only; merge the shards (`interp-gate merge`) and use the merged results.json as the baseline\n'
    })
  })

  it('ids and per-example values of different lengths name the side (base or head) and both arrays', async () => {
    const ws = quickstart()
    const file = tamper(ws, 'ig-deletion', (m) => (m.examples.ids = m.examples.ids.slice(0, 50)))
    const { code, err } = await cli(['run', '--baseline', file, '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(
      /^interp-gate: baseline file tampered\.json: metric "ig-deletion": examples\.ids has 50 ids but examples\.scores has \d+ per-example values; the file is damaged/
    )
  })
})
