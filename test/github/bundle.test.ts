import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { CAPS, isSafePath, parseContext, parseUntrustedComparison, stageBundle, unzipBundle } from '../../src/github/bundle.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { results } from '../helpers/results.js'
import { zipFiles } from '../e2e/github-env.js'

const sha = 'a'.repeat(40)
const context = { format: 1 as const, headSha: sha, baseSha: null, suite: 'explainers' }
const comparison: Comparison = {
  schema: 'interp-gate/comparison@1',
  base: null,
  head: { suite: 'explainers', commit: sha, ref: 'refs/pull/2/merge' },
  verdict: 'pass',
  rows: [
    {
      id: 'acc',
      metric: 'accuracy',
      direction: 'higher',
      status: 'new',
      base: null,
      head: 0.9,
      delta: null,
      relDelta: null,
      ci: null,
      pValue: null,
      paired: null,
      gates: [],
      severity: 'error'
    }
  ]
}

describe('unzipBundle: only the wanted files, within caps', () => {
  it('reads the wanted files and ignores the rest', () => {
    const files = unzipBundle(zipFiles({ 'context.json': '{}', 'comparison.json': '[]', 'evil.sh': 'rm -rf /' }), ['context.json', 'comparison.json'])
    expect([...files.keys()].sort()).toEqual(['comparison.json', 'context.json'])
  })

  it('refuses a file whose declared size is over its cap, without inflating it (zip bomb)', () => {
    const big = zipSync({ 'context.json': new Uint8Array(CAPS['context.json'] + 1) }, { level: 9 })
    expect(big.length).toBeLessThan(1000)
    expect(() => unzipBundle(big, ['context.json'])).toThrow(`artifact files over the size cap: context.json (${CAPS['context.json'] + 1} bytes)`)
  })

  it('refuses what is not a zip and text that is not UTF-8', () => {
    expect(() => unzipBundle(strToU8('not a zip'), ['context.json'])).toThrow(/not a readable zip/)
    expect(() => unzipBundle(zipSync({ 'context.json': new Uint8Array([0xff, 0xfe, 0x00]) }), ['context.json'])).toThrow('context.json is not UTF-8 text')
  })
})

describe('parseContext', () => {
  it('accepts what a PR run writes', () => {
    expect(parseContext(JSON.stringify({ ...context, configPath: 'a/interp-gate.yml', sources: { acc: 'src/x.py' } }))).toMatchObject(context)
  })

  it.each([
    ['an unknown key (a PR number)', { ...context, pullRequest: 3 }],
    ['another format', { ...context, format: 2 }],
    ['a short sha', { ...context, headSha: 'abc' }],
    ['a suite with markup', { ...context, suite: '<b>' }],
    ['an absolute source path', { ...context, sources: { acc: '/etc/passwd' } }],
    ['a source path leaving the repository', { ...context, sources: { acc: 'a/../../x' } }]
  ])('refuses %s', (_what, value) => {
    expect(() => parseContext(JSON.stringify(value))).toThrow(/^context\.json: not an interp-gate context/)
  })

  it('isSafePath accepts ordinary repository paths only', () => {
    expect(['src/explainers/ig.py', 'a b/c-d_e.yml', '.github/x.yml'].map(isSafePath)).toEqual([true, true, true])
    expect(['/abs', '../x', 'a/../b', 'a\nb', 'C:\\x'].map(isSafePath)).toEqual([false, false, false, false, false])
  })
})

describe('parseUntrustedComparison', () => {
  it('accepts our own output', () => {
    expect(parseUntrustedComparison(JSON.stringify(comparison)).rows[0].id).toBe('acc')
  })

  it.each([
    ['a metric id with markup', { ...comparison, rows: [{ ...comparison.rows[0], id: 'a|b' }] }, 'a metric id or name has unexpected characters'],
    ['a commit that is not a sha', { ...comparison, head: { ...comparison.head, commit: 'HEAD`' } }, 'commit is not a sha'],
    ['too many rows', { ...comparison, rows: Array.from({ length: 2001 }, () => comparison.rows[0]) }, '2001 rows (at most 2000)']
  ])('refuses %s', (_what, value, message) => {
    expect(() => parseUntrustedComparison(JSON.stringify(value))).toThrow(message)
  })

  it('derives the verdict from the rows: a forged "pass" next to a failed row is a fail', () => {
    const forged = { ...comparison, verdict: 'pass', rows: [{ ...comparison.rows[0], status: 'regressed', severity: 'error' }] }
    expect(parseUntrustedComparison(JSON.stringify(forged)).verdict).toBe('fail')
  })

  it('refuses what is not a comparison', () => {
    expect(() => parseUntrustedComparison('{"schema": "x"}')).toThrow(/^comparison\.json: not an interp-gate comparison \(schema: /)
    expect(() => parseUntrustedComparison('{')).toThrow(/^comparison\.json: not valid JSON/)
  })
})

describe('stageBundle', () => {
  it('writes results.json at the root, plus the PR files when given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage-'))
    const files = stageBundle(dir, { results: results([]), comparison, report: 'r', context: { ...context, baseSha: sha } })
    expect(files.map((f) => basename(f))).toEqual(['results.json', 'comparison.json', 'report.md', 'context.json'])
    expect(JSON.parse(readFileSync(join(dir, 'context.json'), 'utf8'))).toEqual({ ...context, baseSha: sha })
    expect(stageBundle(mkdtempSync(join(tmpdir(), 'stage-')), { results: results([]) }).map((f) => basename(f))).toEqual(['results.json'])
  })
})
