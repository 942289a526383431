import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bindMetrics } from '../../src/engine/bind.js'
import { ConfigError, parseConfig } from '../../src/config/load.js'
import {
  InputError,
  parseCsv,
  parseJsonDocument,
  parseJsonLines,
  parseNpy,
  readNpzMember,
  selectCsv,
  selectJson,
  selectJsonLines
} from '../../src/inputs/index.js'
import { ROOT } from '../helpers/run-action.js'

const seed = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/hostile', name)))

/** Every reader ends in a value or an InputError naming its source: never another exception, never a hang. */
const readers: Record<string, { source: string; read: (bytes: Uint8Array) => unknown }> = {
  npy: { source: 'x.npy', read: (b) => parseNpy(b, 'x.npy') },
  npz: { source: 'x.npz', read: (b) => readNpzMember(b, 'a', 'x.npz', { maxBytes: 2 ** 24 }) },
  json: { source: 'x.json', read: (b) => selectJson(parseJsonDocument(b, 'x.json'), '/a', 'x.json') },
  jsonl: { source: 'x.jsonl', read: (b) => selectJsonLines(parseJsonLines(b, 'x.jsonl'), 'a', 'x.jsonl') },
  csv: { source: 'x.csv', read: (b) => selectCsv(parseCsv(b, 'x.csv'), 'a', 'x.csv') }
}

const seeds: Record<string, Uint8Array> = {
  npy: seed('seed.npy'),
  npz: seed('seed.npz'),
  json: new TextEncoder().encode('{"a": [[1, 2.5], [NaN, -Infinity]], "b": "x"}'),
  jsonl: new TextEncoder().encode('{"a": 1}\n{"a": [2]}\n{"a": null}\n'),
  csv: new TextEncoder().encode('a,b\n1,"x, y"\n2.5,z\nnan,"q""r"\n')
}

function outcome(name: string, bytes: Uint8Array): void {
  const { source, read } = readers[name]
  try {
    read(bytes)
  } catch (error) {
    if (!(error instanceof InputError)) throw new Error(`${name}: ${(error as Error).name}: ${(error as Error).message}`)
    expect(error.message.startsWith(`${source}`)).toBe(true)
  }
}

/** Memory the process holds beyond the start: the budget every hostile file has to stay within. */
const BUDGET = 256 * 2 ** 20
const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers

/** Flips, overwrites or inserts a few bytes at random places. */
const mutated = (base: Uint8Array) =>
  fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), insert: fc.boolean() }), { minLength: 1, maxLength: 8 }).map((edits) => {
    let out = Array.from(base)
    for (const { at, byte, insert } of edits) {
      const i = at % (out.length + 1)
      out = insert ? [...out.slice(0, i), byte, ...out.slice(i)] : out.map((b, j) => (j === i ? byte : b))
    }
    return Uint8Array.from(out)
  })

describe.each(Object.keys(readers))('%s reader under hostile bytes', (name) => {
  const start = held()

  it('random bytes: a value or an InputError naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => outcome(name, bytes)),
      { numRuns: 300 }
    )
    expect(held() - start).toBeLessThan(BUDGET)
  })

  it('every truncation of a valid file', () => {
    const full = seeds[name]
    for (let n = 0; n < full.length; n++) outcome(name, full.subarray(0, n))
    expect(held() - start).toBeLessThan(BUDGET)
  })

  it('a valid file with a few bytes changed (lying headers, flipped lengths, broken quotes)', () => {
    fc.assert(
      fc.property(mutated(seeds[name]), (bytes) => outcome(name, bytes)),
      { numRuns: 300 }
    )
    expect(held() - start).toBeLessThan(BUDGET)
  })
})

describe('npy headers that lie about the shape', () => {
  it('a claimed shape far beyond the data is refused within the memory budget', () => {
    const start = held()
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('<f8', '<i8', '|b1', '<f2', '|S0', '<U3'),
        (shape, descr) => {
          let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')},), }`
          header = header.padEnd(Math.ceil((header.length + 11) / 64) * 64 - 11, ' ') + '\n'
          const bytes = new Uint8Array([
            0x93,
            ...new TextEncoder().encode('NUMPY'),
            1,
            0,
            header.length & 255,
            header.length >> 8,
            ...new TextEncoder().encode(header),
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0
          ])
          outcome('npy', bytes)
        }
      ),
      { numRuns: 200 }
    )
    expect(held() - start).toBeLessThan(BUDGET)
  })
})

describe('config loader under hostile text', () => {
  const valid =
    'version: 1\nsuite: s\ninputs:\n  a: x.npy\nmetrics:\n  - id: g\n    metric: gini\n    inputs: { attributions: a }\n    gate: { min: 0.1, max-regression: "2%" }\n'

  async function loads(text: string): Promise<void> {
    try {
      await bindMetrics(parseConfig(text, 'c.yml'))
    } catch (error) {
      if (!(error instanceof ConfigError)) throw new Error(`${(error as Error).name}: ${(error as Error).message}`)
      // Located: every line of the message starts with the file.
      for (const line of error.message.split('\n')) expect(line.startsWith('c.yml')).toBe(true)
    }
  }

  it('random text, YAML-ish token soup, truncations and edits: a config or a located ConfigError', async () => {
    const tokens = fc.constantFrom(
      'version:',
      ' 1',
      '\n',
      '  ',
      '- ',
      'metrics:',
      'id: ',
      'metric: ',
      'gini',
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      '&a ',
      '*a',
      '!!str ',
      '#',
      ':',
      ',',
      'inputs:',
      'gate:',
      ' min: ',
      'x',
      '\t',
      '<<: ',
      '? ',
      '|',
      '>'
    )
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), loads), { numRuns: 200 })
    await fc.assert(
      fc.asyncProperty(
        fc.array(tokens, { maxLength: 60 }).map((t) => t.join('')),
        loads
      ),
      { numRuns: 300 }
    )
    for (let n = 0; n < valid.length; n++) await loads(valid.slice(0, n))
    await fc.assert(
      fc.asyncProperty(
        mutated(new TextEncoder().encode(valid)).map((b) => new TextDecoder().decode(b)),
        loads
      ),
      { numRuns: 300 }
    )
  })
})
