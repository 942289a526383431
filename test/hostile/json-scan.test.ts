import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createInputReader, InputError } from '../../src/inputs/index.js'
import { resolvePointer } from '../../src/inputs/json.js'
import { JSON_SCAN_BYTES } from '../../src/domain/limits.js'
import { type ReadChunk, scanJsonPointer } from '../../src/inputs/json-stream.js'
import { emptyWorkspace } from './helpers.js'

/** Serves `text` as UTF-8 in pieces of the given sizes (cycled): every token boundary meets a chunk boundary somewhere. */
function pieces(text: string, sizes: number[]): ReadChunk {
  const bytes = Buffer.from(text, 'utf8')
  let at = 0
  let k = 0
  return (into) => {
    const n = Math.min(into.length, sizes[k++ % sizes.length], bytes.length - at)
    into.set(bytes.subarray(at, at + n))
    at += n
    return n
  }
}

const outcome = (run: () => unknown) => {
  try {
    return { value: run() }
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return { error: error.message }
  }
}

/** Pointer tokens into `doc`: a path that exists, then maybe one step that does not. */
function pathsOf(doc: unknown): fc.Arbitrary<string[]> {
  const all: string[][] = [[]]
  const stack: [unknown, string[]][] = [[doc, []]]
  while (stack.length) {
    const [v, p] = stack.pop()!
    if (v !== null && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) {
        all.push([...p, k])
        if (all.length < 200) stack.push([child, [...p, k]])
      }
  }
  return fc.tuple(fc.constantFrom(...all), fc.option(fc.constantFrom('zz', '0', '7', 'a'), { nil: undefined })).map(([p, extra]) => (extra ? [...p, extra] : p))
}

describe('JSON members are read without building the document', () => {
  it('the scan gives what JSON.parse + the pointer give (value or the same message), over any chunking', () => {
    fc.assert(
      fc.property(
        fc
          .jsonValue({ maxDepth: 5 })
          .chain((doc) => fc.tuple(fc.constant(doc), pathsOf(doc), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), fc.boolean())),
        ([doc, tokens, sizes, pretty]) => {
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined)
          const display = 'f.json#/x'
          const expected = outcome(() => resolvePointer(JSON.parse(text), tokens, display))
          const got = outcome(() => scanJsonPointer(pieces(text, sizes), tokens, display, 'f.json'))
          expect(got).toEqual(expected)
        }
      ),
      { numRuns: 300, seed: 17 }
    )
  })

  it('Python NaN / Infinity inside the member read as numbers; a sibling nested 100,000 deep is skipped, not a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const text = `{"junk": ${deep}, "scores": [1, NaN, -Infinity, 2.5e0]}`
    expect(scanJsonPointer(pieces(text, [4096]), ['scores'], 'f.json#/scores', 'f.json')).toEqual([1, null, -Infinity, 2.5])
  })

  it('broken JSON around the member is refused with the byte where it breaks', () => {
    expect(() => scanJsonPointer(pieces('{"a": [1, 2}, "b": 1}', [3]), ['b'], 'f.json#/b', 'f.json')).toThrow(
      'f.json: is not valid JSON (a closing bracket that does not match at byte 11, found "}")'
    )
    expect(() => scanJsonPointer(pieces('{"a": "never ends', [5]), ['b'], 'f.json#/b', 'f.json')).toThrow('f.json: is not valid JSON (a string that never ends')
    expect(() => scanJsonPointer(pieces('{"b": 1} {"b": 2}', [4]), ['b'], 'f.json#/b', 'f.json')).toThrow(
      'f.json: is not valid JSON (the end of the file after the document at byte 9, found "{")'
    )
  })

  it('a key on the path given twice is refused (JSON.parse would quietly take the last)', () => {
    expect(() => scanJsonPointer(pieces('{"m": {"auc": 0.1, "auc": 0.9}}', [6]), ['m', 'auc'], 'f.json#/m/auc', 'f.json')).toThrow(
      'f.json#/m/auc: the key "auc" appears twice at #/m; keep one (JSON readers disagree on which wins)'
    )
  })

  it(`a .json input of ${JSON_SCAN_BYTES / 2 ** 20} MiB or more is scanned: the member, misses and shapes read as for a small file`, () => {
    const ws = emptyWorkspace()
    const fd = openSync(join(ws, 'big.json'), 'w')
    writeSync(fd, '{"padding": [')
    const row = `${Array(1000).fill('0.123456789').join(', ')}`
    const rows = Math.ceil(JSON_SCAN_BYTES / row.length) + 1
    for (let i = 0; i < rows; i++) writeSync(fd, `${i ? ', ' : ''}${row}`)
    writeSync(fd, '], "metrics": {"auc": [0.5, 0.75], "n": 2}}')
    closeSync(fd)
    const reader = createInputReader({ workspace: ws })
    expect(Array.from(reader.read('big.json#/metrics/auc').data)).toEqual([0.5, 0.75])
    expect(() => reader.read('big.json#/metrics/acu')).toThrow('big.json#/metrics/acu: no key "acu" at #/metrics (did you mean "auc"?); keys there: "auc", "n"')
  })
})
