import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { compare } from '../../src/compare/comparison.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderTerminal } from '../../src/report/text.js'
import { ROOT } from '../helpers/run-action.js'
import { metric, results } from '../helpers/results.js'

async function cli(argv: string[], cwd: string) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { SOURCE_DATE_EPOCH: '0' } })
  return { code, out, err }
}

const DEFAULTS = { confidence: 0.95, resamples: 200, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100_000, 'min-slice-size': 20 } as const

describe('a shard gates nothing until merge', () => {
  let ws: string
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'interp-gate-shard-run-'))
    cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
    // The quickstart's accuracy is 157/200 = 0.785 (examples/quickstart/data): a min of 0.9 breaks on the whole set.
    const config = readFileSync(join(ws, 'interp-gate.yml'), 'utf8')
    expect(config).toContain('gate: { min: 0.75 }')
    writeFileSync(join(ws, 'interp-gate.yml'), config.replace('gate: { min: 0.75 }', 'gate: { min: 0.9 }'))
  })

  it('run --shard 1/2: banner instead of a verdict, no ✗ marks, exit 0; the same run unsharded fails', async () => {
    const whole = await cli(['run', '--out', 'whole'], ws)
    expect(whole.code).toBe(1)
    expect(whole.out).toContain('✗ min 0.9')
    expect(whole.out).toContain('verdict: FAIL')

    const shard = await cli(['run', '--shard', '1/2', '--out', 'shard1'], ws)
    expect(shard.code).toBe(0)
    expect(shard.out).toContain('shard 1/2 — not gated until merge')
    expect(shard.out).not.toMatch(/verdict|✗|❌|failed/)
    const report = readFileSync(join(ws, 'shard1/report.md'), 'utf8')
    expect(report.split('\n')[0]).toBe('### 🧩 interp-gate: shard 1/2 — not gated until merge — suite `explainers`')
    expect(report).not.toMatch(/✗|❌|failed|passed/)
    expect(report).toContain('No baseline: a shard is compared after interp-gate merge')
  })

  it('run --shard with a broken input still exits 2', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'interp-gate-shard-broken-'))
    cpSync(ws, broken, { recursive: true })
    writeFileSync(join(broken, 'eval-out/labels.npy'), 'not an array file')
    const { code, err } = await cli(['run', '--shard', '2/2', '--out', 'o'], broken)
    expect(code).toBe(2)
    expect(err).toContain('eval-out/labels.npy')
  })

  it('compare: a shard ignores the gates its results recorded and the config gives', () => {
    const head = { ...results([metric('acc', { value: 0.5, gate: { min: 0.9 }, severity: 'error' })]), shard: { index: 2, count: 3 } }
    const c = compare({ head, base: null, gates: { acc: { gate: { min: 0.9 }, severity: 'error' } }, defaults: DEFAULTS })
    expect(c.shard).toEqual({ index: 2, count: 3 })
    expect(c.rows[0].gates).toEqual([])
    expect(c.rows[0].status).toBe('new')
    expect(c.verdict).toBe('pass')
    expect(renderTerminal(c).split('\n').at(-1)).toBe('shard 2/3 — not gated until merge')
    expect(renderMarkdown(c)).toContain('### 🧩 interp-gate: shard 2/3 — not gated until merge')
    // Without the shard marker the same values fail: the test above can tell the difference.
    const unsharded = compare({ head: results(head.metrics), base: null, gates: {}, defaults: DEFAULTS })
    expect(unsharded.verdict).toBe('fail')
  })
})
