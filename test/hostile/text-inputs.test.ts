import { describe, expect, it } from 'vitest'
import { parseCsv, parseJsonDocument, parseJsonLines, selectCsv, selectJson, selectJsonLines } from '../../src/inputs/index.js'

const utf8 = (s: string) => new TextEncoder().encode(s)
const utf16 = (s: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')])

describe('JSON, JSONL and CSV sweep', () => {
  it('arrays nested 100,000 deep are refused, not a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`
    expect(() => selectJson(parseJsonDocument(utf8(deep), 'd.json'), undefined, 'd.json')).toThrow(
      'd.json: arrays nest more than 64 levels deep; numpy arrays have at most 64 dimensions'
    )
    expect(() => selectJsonLines(parseJsonLines(utf8(`{"a": ${deep}}\n`), 'd.jsonl'), 'a', 'd.jsonl')).toThrow(
      'd.jsonl#a: arrays nest more than 64 levels deep'
    )
    // 64 levels is still an array (numpy allows it).
    const ok = selectJson(parseJsonDocument(utf8(`${'['.repeat(64)}1${']'.repeat(64)}`), 'ok.json'), undefined, 'ok.json')
    expect(ok.shape).toEqual(Array(64).fill(1))
  })

  it('UTF-16 files (Excel "Unicode text", PowerShell redirects) say to save as UTF-8 instead of misreading', () => {
    const message = 'is UTF-16 text; save it as UTF-8'
    expect(() => parseCsv(utf16('a\n1\n'), 'u.csv')).toThrow(`u.csv: ${message}`)
    expect(() => parseJsonDocument(utf16('[1, 2]'), 'u.json')).toThrow(`u.json: ${message}`)
    expect(() => parseJsonLines(utf16('1\n2\n'), 'u.jsonl')).toThrow(`u.jsonl: ${message}`)
    // A UTF-8 byte-order mark is fine.
    expect(selectCsv(parseCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a\n1\n')]), 'b.csv'), 'a', 'b.csv').data).toEqual(Float64Array.from([1]))
  })

  it('ragged rows name their line', () => {
    expect(() => parseCsv(utf8('a,b\n1,2\n3\n'), 'r.csv')).toThrow('r.csv: line 3 has 1 fields, the header has 2')
    expect(() => selectJson(parseJsonDocument(utf8('[[1, 2], [3]]'), 'r.json'), undefined, 'r.json')).toThrow(
      'r.json: ragged array: #/1 has 1 elements, expected 2 like the first'
    )
    expect(() => selectJsonLines(parseJsonLines(utf8('{"a": [1, 2]}\n{"a": [3]}\n'), 'r.jsonl'), 'a', 'r.jsonl')).toThrow(
      'r.jsonl#a: ragged array: line 2 has 1 elements, expected 2 like the first'
    )
  })
})
