import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { createInputReader, readParquetInputs } from '../../src/inputs/index.js'

// eval.parquet: the columns of values.json (numpy's output, make_values.py) written by hyparquet-writer in row groups
// of 50 (make_parquet.mjs). pyarrow is not installable here, so the values are checked against numpy's JSON.
const DIR = fileURLToPath(new URL('../fixtures/parquet/', import.meta.url))
const VALUES = JSON.parse(readFileSync(`${DIR}values.json`, 'utf8')) as Record<string, unknown[]>

async function reader(refs: string[]) {
  const options = { workspace: DIR, aliases: { t: 'eval.parquet' } }
  return createInputReader({ ...options, parquet: await readParquetInputs(options, refs) })
}

describe('Parquet columns', () => {
  test('numeric columns of every physical type match numpy, null → NaN, across row groups', async () => {
    const r = await reader(['eval.parquet#score', 'eval.parquet#label', 'eval.parquet#flag', 'eval.parquet#big', 't#f32'])
    const score = r.read('eval.parquet#score')
    expect(score.shape).toEqual([120])
    expect(Array.from(score.data)).toEqual(VALUES.score.map((v) => (v === null ? NaN : v)))
    expect(Array.from(r.read('eval.parquet#label').data)).toEqual(VALUES.label)
    expect(Array.from(r.read('eval.parquet#flag').data)).toEqual(VALUES.flag.map((v) => (v ? 1 : 0)))
    expect(Array.from(r.read('eval.parquet#big').data)).toEqual(VALUES.big.map(Number))
    expect(Array.from(r.read('t#f32').data)).toEqual(VALUES.f32)
    expect(r.read('t#f32').source).toBe('eval.parquet#f32')
  })

  test('a text column reads as ids', async () => {
    const r = await reader(['eval.parquet#id'])
    expect(r.readIds('eval.parquet#id')).toEqual(VALUES.id)
  })

  test('a missing column lists the columns with a did-you-mean; no column named lists them too', async () => {
    const r = await reader(['eval.parquet#scores', 'eval.parquet'])
    expect(() => r.read('eval.parquet#scores')).toThrow(
      'eval.parquet: no column "scores" (did you mean "score"?); columns: "id", "score", "label", "flag", "big", "f32"'
    )
    expect(() => r.read('eval.parquet')).toThrow('eval.parquet: name a column, e.g. eval.parquet#id')
  })

  test('a broken file and a missing file: one message each', async () => {
    const r = await reader(['truncated.parquet#x', 'nope.parquet#x'])
    expect(() => r.read('truncated.parquet#x')).toThrow(/^truncated\.parquet: not a valid Parquet file \(/)
    expect(() => r.read('nope.parquet#x')).toThrow('nope.parquet: file not found')
  })

  test('the pipeline decodes Parquet inputs before the metrics run', async () => {
    const { loadConfig, computeResults, parquetColumnsOf } = await import('../../src/engine/pipeline.js')
    const { writeFileSync, mkdtempSync, cpSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const ws = mkdtempSync(join(tmpdir(), 'parquet-'))
    cpSync(`${DIR}eval.parquet`, join(ws, 'eval.parquet'))
    writeFileSync(
      join(ws, 'interp-gate.yml'),
      'version: 1\nmetrics:\n  - id: s\n    metric: mean\n    inputs: { scores: "eval.parquet#score" }\n    ids: "eval.parquet#id"\n'
    )
    const { loaded, bound } = await loadConfig(ws, 'interp-gate.yml')
    const { results } = computeResults(ws, loaded, bound, { parquet: await parquetColumnsOf(ws, loaded, bound) })
    const finite = VALUES.score.filter((v): v is number => v !== null)
    expect(results.metrics[0].value).toBeCloseTo(finite.reduce((a, b) => a + b, 0) / finite.length, 12)
    expect(results.metrics[0].nanCount).toBe(2)
    expect(results.metrics[0].examples?.ids).toEqual(VALUES.id)
  })
})

describe('Parquet reader on corrupted files', () => {
  test('flipped bytes end in an array or one InputError naming the file', async () => {
    const bytes = new Uint8Array(readFileSync(`${DIR}eval.parquet`))
    let seed = 777
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0), seed)
    let errors = 0
    for (let trial = 0; trial < 150; trial++) {
      const copy = bytes.slice()
      for (let k = 0; k < 1 + (trial % 3); k++) copy[next() % copy.length] = next() & 0xff
      const options = { workspace: DIR, readFile: () => copy }
      const prepared = await readParquetInputs(options, ['eval.parquet#score'])
      try {
        const array = createInputReader({ ...options, parquet: prepared }).read('eval.parquet#score')
        expect(array.data.length).toBe(array.shape.reduce((a, b) => a * b, 1))
      } catch (error) {
        expect((error as Error).name, (error as Error).stack).toBe('InputError')
        expect((error as Error).message.startsWith('eval.parquet')).toBe(true)
        errors++
      }
    }
    expect(errors).toBeGreaterThan(0)
  })
})
