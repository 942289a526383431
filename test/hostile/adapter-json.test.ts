import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ADAPTERS, findAdapter } from '../../src/adapters/index.js'
import { InputError } from '../../src/inputs/index.js'
import { cli, emptyWorkspace, expectOneCleanMessage } from './helpers.js'

const file = (path: string, text: string) => ({ path, relative: path.split('/').pop()!, bytes: new TextEncoder().encode(text) })
const quantus = (text: string) => findAdapter('quantus')!.read(file('q.json', text))

/** A workspace whose config has one quantus adapter entry over q.json (with extra entry keys). */
async function runQuantus(text: string, extra = '') {
  const ws = emptyWorkspace()
  mkdirSync(join(ws, 'scores'))
  writeFileSync(join(ws, 'scores', 'q.json'), text)
  writeFileSync(join(ws, 'interp-gate.yml'), `version: 1\nadapters:\n  - adapter: quantus\n    path: scores/q.json\n${extra}`)
  return cli(['validate'], ws).then(() => cli(['run', '--out', 'o'], ws))
}

describe('adapter JSON that is not what the library writes', { timeout: 30_000 }, () => {
  it('nested 100,000 deep: read without recursion, not an internal error', () => {
    const deep = `{"IG": {"Sparseness": [0.1, 0.2]}, "junk": ${'{"a": '.repeat(100_000)}1${'}'.repeat(100_000)}}`
    const metrics = quantus(deep)
    expect(metrics.find((m) => m.id.endsWith('Sparseness'))?.scores).toEqual(Float64Array.of(0.1, 0.2))
  })

  it('a number written as text is an error naming the file and key, not dropped without a word', async () => {
    expect(() => quantus('{"IG": {"Sparseness": "0.93"}}')).toThrow(
      new InputError('at IG.Sparseness: the number "0.93" is written as text; write it as a JSON number')
    )
    const { code, err } = await runQuantus('{"IG": {"Sparseness": ["0.1", "0.2"]}}')
    expect(code).toBe(2)
    expect(err).toContain('scores/q.json: at IG.Sparseness: the list\'s numbers are written as text ("0.1", …); write them as JSON numbers')
    expectOneCleanMessage(err)
  })

  it('a list mixing numbers and text names the key and the odd element', () => {
    expect(() => quantus('{"IG": {"Sparseness": [0.1, "n/a", 0.3]}}')).toThrow(
      'at IG.Sparseness: a list mixes numbers with a string ("n/a"); per-example scores are all numbers (null for NaN)'
    )
  })

  it('a file of only wrong types does not blame include/exclude when neither is set', async () => {
    const plain = await runQuantus('{"IG": {"Sparseness": true, "note": "fine"}}')
    expect(plain.code).toBe(2)
    expect(plain.err).toContain('scores/q.json: 1 file(s) read, no number or list of numbers found in them')
    expect(plain.err).not.toContain('include')
    const filtered = await runQuantus('{"IG": {"Sparseness": [0.1, 0.2]}}', '    include: ["nothing/*"]\n')
    expect(filtered.err).toContain('no metric left (check `include` / `exclude`)')
  })
})

/** Random JSON, deep nesting and numbers as text, as any adapter might be handed them. */
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `{"a": ${'['.repeat(depth)}1${']'.repeat(depth)}, "b": 0.5}`),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'{"k": '.repeat(depth)}"0.5"${'}'.repeat(depth)}`),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null)))))
    .map((v) => JSON.stringify(v))
)

describe('every adapter under hostile JSON', () => {
  it('returns metrics or throws one InputError, and holds no more numbers than the file has', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ADAPTERS), hostileJson, (adapter, text) => {
        try {
          const metrics = adapter.read(file('r/core/x_eval_results.json', text))
          // Memory bound: what an adapter keeps is numbers from the file, so never more of them than the text has characters.
          const kept = metrics.reduce((n, m) => n + (m.scores?.length ?? 1), 0)
          expect(kept).toBeLessThanOrEqual(text.length)
        } catch (error) {
          if (!(error instanceof InputError)) throw error
          expect(error.message.split('\n')).toHaveLength(1)
        }
      }),
      { numRuns: 300, seed: 17 }
    )
  })
})
