import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'

async function cli(argv: string[], cwd: string) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { SOURCE_DATE_EPOCH: '0' } })
  return { code, out, err }
}

// Per-example deletion AUCs of 10 examples, lower is better; the last ones are the hardest.
const SCORES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
const IDS = SCORES.map((_, i) => `e${i}`)

function config(gate: string, extra = ''): string {
  return `version: 1\nsuite: drops\nmetrics:\n  - id: del\n    metric: mean\n    inputs: { scores: "eval.json#/scores" }\n    ids: "eval.json#/ids"\n    direction: lower\n    gate: ${gate}\n${extra}`
}

/** Writes the eval arrays (NaN as Python's json.dump writes it) and the config. */
function setup(ws: string, scores: (number | 'NaN')[], ids: string[], cfg: string) {
  writeFileSync(join(ws, 'eval.json'), `{"scores": [${scores.join(', ')}], "ids": ${JSON.stringify(ids)}}`)
  writeFileSync(join(ws, 'interp-gate.yml'), cfg)
}

describe('CLI: examples the head loses', () => {
  let ws: string
  beforeEach(async () => {
    ws = mkdtempSync(join(tmpdir(), 'interp-gate-drops-'))
    setup(ws, SCORES, IDS, config('{ max-regression: 0.05 }'))
    expect((await cli(['run', '--out', 'base'], ws)).code).toBe(0)
  })

  const hide = (): (number | 'NaN')[] => [...SCORES.slice(0, 7), 'NaN', 'NaN', 'NaN']

  it('NaN on the 3 hardest examples: exit 1, coverage 7/10 in the table and a note in the terminal', async () => {
    setup(ws, hide(), IDS, config('{ max-regression: 0.05 }'))
    const { code, out } = await cli(['run', '--baseline', 'base/results.json', '--out', 'head'], ws)
    expect(code).toBe(1)
    // Δ over the 7 paired examples is 0: Base and Head are the paired means (0.1..0.7 → 0.4 both); the full-run base
    // mean (0.55) is in the one coverage note
    expect(out).toMatch(
      /\| 🔴 regressed \| del +\| 0\.4 +\| 0\.4 +\| 0 \(0%\) +\| \[0, 0\] +\| p=1\.000 +\| 7\/10 \(−3\) +\| ✓ max-regression 0\.05, ✗ max-dropped 0 \|/
    )
    expect(out).toContain(
      '  del: 7/10 examples paired: this run lost 3 (missing, or NaN where the baseline had a value); full run: base 0.55 (10 examples), head 0.4 (7)\n'
    )
    expect(out).toContain('  del: ✗ max-dropped 0: lost 3 of 10 baseline examples > allowed 0\n')
    expect(out).toContain('verdict: FAIL')
    const report = readFileSync(join(ws, 'head/report.md'), 'utf8')
    expect(report).toContain('- `del`: 7/10 examples paired: this run lost 3 \\(missing, or NaN where the baseline had a value\\); full run: base 0.55')
    expect(report).toContain('| 🔴 regressed | `del`  | 0.4  | 0.4  |')
    const row = JSON.parse(readFileSync(join(ws, 'head/comparison.json'), 'utf8')).rows[0]
    expect(row.coverage).toEqual({ base: 10, head: 7, paired: 7, lost: 3, headOnly: 0, exact: true })
  })

  it('dropping the 3 hardest ids: exit 1 the same way', async () => {
    setup(ws, SCORES.slice(0, 7), IDS.slice(0, 7), config('{ max-regression: 0.05 }'))
    const { code, out } = await cli(['run', '--baseline', 'base/results.json', '--out', 'head'], ws)
    expect(code).toBe(1)
    expect(out).toContain('7/10 (−3)')
  })

  it('max-dropped in the PR alone does not loosen the baseline gate; once merged it does', async () => {
    setup(ws, hide(), IDS, config('{ max-regression: 0.05, max-dropped: 3 }'))
    const pr = await cli(['run', '--baseline', 'base/results.json', '--out', 'head'], ws)
    expect(pr.code).toBe(1)
    expect(pr.out).toContain('✗ max-dropped 0 (base), ✓ max-dropped 3 (PR)')
    // The merged config is the new baseline: then 3 lost examples are allowed
    setup(ws, SCORES, IDS, config('{ max-regression: 0.05, max-dropped: 3 }'))
    await cli(['run', '--out', 'merged'], ws)
    setup(ws, hide(), IDS, config('{ max-regression: 0.05, max-dropped: 3 }'))
    const after = await cli(['run', '--baseline', 'merged/results.json', '--out', 'head2'], ws)
    expect(after.code).toBe(0)
    expect(after.out).toContain('verdict: PASS')
  })

  it('accept turns the loss into accepted (exit 0, warn) and results.json records the entry', async () => {
    setup(ws, hide(), IDS, config('{ max-regression: 0.05 }', 'accept:\n  - metric: del\n    reason: saturated images are skipped on purpose\n'))
    const { code, out } = await cli(['run', '--baseline', 'base/results.json', '--out', 'head'], ws)
    expect(code).toBe(0)
    expect(out).toMatch(/\| 🟡 accepted \| del /)
    expect(out).toContain('  del: regression accepted by this change: saturated images are skipped on purpose\n')
    expect(out).toContain('verdict: PASS (with warnings)')
    expect(JSON.parse(readFileSync(join(ws, 'head/results.json'), 'utf8')).accept).toEqual([
      { metric: 'del', reason: 'saturated images are skipped on purpose' }
    ])
    // Merged: that run is the next baseline, and the same entry is stale there
    const next = await cli(['run', '--baseline', 'head/results.json', '--out', 'next'], ws)
    expect(next.code).toBe(0)
    expect(next.out).toContain(
      'del: accept entry "saturated images are skipped on purpose" is already in the baseline, so it accepts nothing now: remove it from accept'
    )
  })

  it('an accept entry naming an unknown metric is exit 2 with file, line and key', async () => {
    setup(ws, SCORES, IDS, config('{ max-regression: 0.05 }', 'accept:\n  - metric: dell\n    reason: typo\n'))
    const { code, err } = await cli(['run', '--baseline', 'base/results.json', '--out', 'head'], ws)
    expect(code).toBe(2)
    expect(err).toBe(
      'interp-gate: interp-gate.yml:11:13 accept[0].metric: accept names metric "dell", which is not in metrics (did you mean "del"?); use one of the metric ids\n'
    )
  })

  it('a PR that adds a stricter bound fails on it at once (exit 1), marked as the PR gate', async () => {
    setup(ws, SCORES, IDS, config('{ max-regression: 0.05, max: 0.5 }'))
    const { code, out } = await cli(['run', '--baseline', 'base/results.json', '--out', 'head'], ws)
    expect(code).toBe(1) // mean 0.55 > 0.5
    expect(out).toContain('✗ max 0.5 (PR)')
    expect(out).toContain('del: this PR changes the gate of del from {max-regression: 0.05} to {max: 0.5, max-regression: 0.05}: both apply')
  })
})
