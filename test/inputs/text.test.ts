import { describe, expect, test } from 'vitest'
import { parseCell, readCsv } from '../../src/inputs/csv.js'
import { readJson } from '../../src/inputs/json.js'
import { readJsonLines } from '../../src/inputs/jsonl.js'
import { expectArray, expectedWhere, fixture } from './helpers.js'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

function split(ref: string): [string, string | undefined] {
  const hash = ref.indexOf('#')
  return hash < 0 ? [ref, undefined] : [ref.slice(0, hash), ref.slice(hash + 1)]
}

describe('json', () => {
  test.each(expectedWhere(/\.json(#|$)/))('%s matches Python', (ref, expected) => {
    const [file, pointer] = split(ref)
    const array = readJson(fixture(file), pointer, file)
    expectArray(array, expected)
    expect(array.source).toBe(ref)
  })

  test('ragged arrays name where they are ragged', () => {
    expect(() => readJson(fixture('data.json'), '/ragged', 'm.json')).toThrow(
      'm.json#/ragged: ragged array: #/ragged/2 has 1 elements, expected 2 like the first'
    )
    expect(() => readJson(bytes('[[1, 2], 3]'), '', 'm.json')).toThrow('m.json: ragged array: #/1 is a number, expected an array of 2 like the first')
    expect(() => readJson(bytes('[1, [2]]'), '', 'm.json')).toThrow('m.json: ragged array: #/1 is an array, expected a number like the first')
  })

  test('a missing key lists the keys at the level where it failed', () => {
    expect(() => readJson(fixture('data.json'), '/nested/a~1b/n~0m', 'm.json')).toThrow(
      'm.json#/nested/a~1b/n~0m: no key "n~m" at #/nested/a~1b (did you mean "m~n"?); keys there: "m~n"'
    )
    expect(() => readJson(fixture('data.json'), '/nested/a~1b/m~n', 'm.json')).toThrow('m.json#/nested/a~1b/m~n: in a JSON pointer "~" is written ~0')
    expect(() => readJson(fixture('data.json'), '/scroes', 'm.json')).toThrow(
      'm.json#/scroes: no key "scroes" at the top level (did you mean "scores"?); keys there: "scores", "value",'
    )
    expect(() => readJson(fixture('data.json'), '/matrix/2', 'm.json')).toThrow('m.json#/matrix/2: no index "2" in the array at #/matrix (it has 2 elements)')
    expect(() => readJson(fixture('data.json'), '/value/x', 'm.json')).toThrow('m.json#/value/x: #/value is a number, there is no "x" inside it')
  })

  test('objects, mixed values and pointers without a slash are refused with a hint', () => {
    expect(() => readJson(fixture('data.json'), '/runs', 'm.json')).toThrow(
      'm.json#/runs: #/runs/0 is an object with keys "score"; point at a number or an array inside it (e.g. #/runs/0/score)'
    )
    expect(() => readJson(bytes('[1, "a"]'), '', 'm.json')).toThrow('m.json: mixes numbers (#/0) and text (#/1)')
    expect(() => readJson(fixture('data.json'), 'scores', 'm.json')).toThrow('m.json: a JSON pointer starts with "/": write m.json#/scores')
  })

  test('invalid JSON says where', () => {
    expect(() => readJson(bytes('{"a": [1,\n 2'), '', 'm.json')).toThrow(/^m\.json: is not valid JSON \(.* at line 2, column 3\)$/)
    expect(() => readJson(bytes('{"a": x}'), '', 'm.json')).toThrow(/^m\.json: is not valid JSON \(Unexpected token/)
  })

  test('NaN inside strings is left alone', () => {
    expect(readJson(fixture('python_nan.json'), '/label', 'p.json').strings).toEqual(['NaN Infinity'])
  })
})

describe('jsonl', () => {
  test.each(expectedWhere(/\.jsonl#/))('%s matches Python', (ref, expected) => {
    const [file, member] = split(ref)
    expectArray(readJsonLines(fixture(file), member, file), expected)
  })

  test('a line that is not JSON names its line number', () => {
    expect(() => readJsonLines(fixture('bad.jsonl'), 'score', 'eval-out/s.jsonl')).toThrow(/^eval-out\/s\.jsonl: line 3 is not valid JSON/)
  })

  test('a missing key names the line (blank lines count)', () => {
    expect(() => readJsonLines(fixture('missing_key.jsonl'), 'score', 's.jsonl')).toThrow(
      's.jsonl#score: line 3 has no key "score" (did you mean "scores"?); keys there: "scores"'
    )
  })

  test('rows of different lengths name the line', () => {
    expect(() => readJsonLines(fixture('ragged.jsonl'), 'probs', 's.jsonl')).toThrow(
      's.jsonl#probs: ragged array: line 2 has 1 elements, expected 2 like the first'
    )
  })

  test('objects need a key; plain values do not', () => {
    expect(() => readJsonLines(fixture('data.jsonl'), undefined, 's.jsonl')).toThrow('s.jsonl: name a key of each line, e.g. s.jsonl#id')
    expect(Array.from(readJsonLines(bytes('1\n2\r\n\n3\n'), undefined, 's.jsonl').data)).toEqual([1, 2, 3])
    expect(readJsonLines(bytes(''), 'x', 's.jsonl').shape).toEqual([0])
  })
})

describe('csv', () => {
  test.each(expectedWhere(/\.csv(#|$)/))('%s matches Python', (ref, expected) => {
    const [file, column] = split(ref)
    expectArray(readCsv(fixture(file), column, file), expected)
  })

  test('an unknown column lists the columns with a did-you-mean', () => {
    expect(() => readCsv(fixture('data.csv'), 'scroe', 'eval-out/t.csv')).toThrow(
      'eval-out/t.csv: no column "scroe" (did you mean "score"?); columns: "id", "score", "label", "note", "flag"'
    )
  })

  test('non-numeric text in a numeric column names row and line', () => {
    expect(() => readCsv(fixture('mixed.csv'), 'value', 't.csv')).toThrow('t.csv#value: row 3 (line 4): "abc" is not a number, but the column holds numbers')
  })

  test('line numbers count newlines inside quoted fields', () => {
    const text = 'a,b\n"x\ny",1\nz,oops\nw,2\nv,3\n'
    expect(() => readCsv(bytes(text), 'b', 't.csv')).toThrow('t.csv#b: row 2 (line 4): "oops" is not a number')
    expect(() => readCsv(bytes('a,b\n1,2,3\n'), 'a', 't.csv')).toThrow('t.csv: line 2 has 3 fields, the header has 2')
    expect(() => readCsv(bytes('a\n"open\n'), 'a', 't.csv')).toThrow('t.csv: line 2: a quoted field is never closed')
  })

  test('ids keep their text in text mode', () => {
    expect(readCsv(bytes('id\n007\n8\n'), 'id', 't.csv', { text: true }).strings).toEqual(['007', '8'])
    expect(Array.from(readCsv(bytes('id\n007\n8\n'), 'id', 't.csv').data)).toEqual([7, 8])
  })

  test('numbers are parsed strictly', () => {
    expect(parseCell('1e3')).toBe(1000)
    expect(parseCell(' -.5 ')).toBe(-0.5)
    expect(parseCell('')).toBeNaN()
    expect(parseCell('NaN')).toBeNaN()
    expect(parseCell('-inf')).toBe(-Infinity)
    for (const text of ['0x10', '1_000', '1,5', 'Infinityx', '--1', '.']) expect(parseCell(text)).toBeUndefined()
  })
})
