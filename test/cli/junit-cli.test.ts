import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validateXML } from 'xmllint-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { npy } from '../engine/shard-data.js'
import { ROOT } from '../helpers/run-action.js'

const XSD = readFileSync(join(ROOT, 'test/fixtures/junit/junit-10.xsd'), 'utf8')

async function cli(argv: string[], cwd: string) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { SOURCE_DATE_EPOCH: '1700000000' } })
  return { code, out, err }
}

/** testsuite counts as CI servers read them: failures = regressed + failed, errors = error, skipped = new + missing + incompatible. */
function expectedCounts(c: Comparison) {
  const count = (...statuses: string[]) => c.rows.filter((r) => statuses.includes(r.status)).length
  return { tests: c.rows.length, failures: count('regressed', 'failed'), errors: count('error'), skipped: count('new', 'missing', 'incompatible') }
}

function suiteCounts(xml: string) {
  const tag = /<testsuite [^>]*>/.exec(xml)![0]
  const attr = (name: string) => Number(new RegExp(` ${name}="(\\d+)"`).exec(tag)![1])
  return { tests: attr('tests'), failures: attr('failures'), errors: attr('errors'), skipped: attr('skipped') }
}

describe('--junit', () => {
  let ws: string
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'interp-gate-junit-'))
    cpSync(join(ROOT, 'examples/quickstart'), ws, { recursive: true, filter: (src) => !src.endsWith('/out') })
  })

  it('run --junit writes a schema-valid report whose counts match comparison.json', async () => {
    const { code, out } = await cli(['run', '--baseline', 'baseline/results.json', '--out', 'o', '--junit', 'reports/junit.xml'], ws)
    expect(code).toBe(1)
    expect(out).toContain(join(ws, 'reports/junit.xml'))
    const xml = readFileSync(join(ws, 'reports/junit.xml'), 'utf8')
    const validation = await validateXML({ xml: { fileName: 'junit.xml', contents: xml }, schema: { fileName: 'junit-10.xsd', contents: XSD } })
    expect(validation.errors).toEqual([])
    const comparison: Comparison = JSON.parse(readFileSync(join(ws, 'o/comparison.json'), 'utf8'))
    expect(suiteCounts(xml)).toEqual(expectedCounts(comparison))
    expect(suiteCounts(xml).failures).toBeGreaterThan(0)
    expect(xml).toContain('timestamp="2023-11-14T22:13:20.000Z"')
    expect(xml).toMatch(
      /<testcase classname="explainers" name="ig-deletion" time="0">\s*<failure type="regressed" message="ig-deletion regressed — gate max-regression/
    )
  })

  it('run --shard with --junit is a usage error (exit 2)', async () => {
    const { code, err } = await cli(['run', '--shard', '1/2', '--out', 's1', '--junit', 'j.xml'], ws)
    expect(code).toBe(2)
    expect(err).toContain('--shard and --junit')
  })

  it('a --junit path that names a folder is refused with exit 2', async () => {
    const { code, err } = await cli(['run', '--out', 'o2', '--junit', 'reports/'], ws)
    expect(code).toBe(2)
    expect(err).toContain('give a file name for the JUnit XML report')
  })

  it('merge --junit writes the merged comparison', async () => {
    // One mean metric over [0.5, 0.6, 0.7]: 0.6 breaks min 0.9, so the merged run has one failure.
    const dir = join(ws, 'sharded')
    mkdirSync(dir)
    writeFileSync(join(dir, 's.npy'), npy([0.5, 0.6, 0.7], [3]))
    writeFileSync(
      join(dir, 'interp-gate.yml'),
      'version: 1\nsuite: sharded\nmetrics:\n  - id: score\n    metric: mean\n    inputs: { scores: s.npy }\n    gate: { min: 0.9 }\n'
    )
    expect((await cli(['run', '-C', dir, '--shard', '1/1', '--out', 'shard1'], ws)).code).toBe(0)
    const merged = await cli(['merge', 'shard1/results.json', '-C', dir, '--out', 'm', '--junit', 'm/junit.xml'], ws)
    expect(merged.code).toBe(1)
    const xml = readFileSync(join(dir, 'm/junit.xml'), 'utf8')
    expect(suiteCounts(xml)).toEqual({ tests: 1, failures: 1, errors: 0, skipped: 0 })
    expect(xml).toContain('<failure type="failed" message="score breaks an absolute bound — gate min 0.9')
    expect(xml).toContain('head 0.6')
  })
})
