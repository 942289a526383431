import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBundleResults, stageBundle } from '../../src/github/bundle.js'
import { decodeExamples, readResultsFile, ResultsError, serializeJson } from '../../src/results/io.js'
import { attachSidecar, examplesWithArrays, sidecarName, splitSidecar } from '../../src/results/sidecar.js'
import { metric, results } from '../helpers/results.js'

const scores = Float64Array.of(0.5, -1.25, Number.NaN, 3e-300)
const label = Float64Array.of(1, 0, 1, 1)
const score = Float64Array.of(0.9, 0.2, 0.7, 0.4)

function withArrays() {
  const a = metric('a')
  a.examples = examplesWithArrays(['x', 'y', 'z', 'w'], { scores })
  const b = metric('b')
  // Keys given out of order: the file places them sorted, so the bytes do not depend on construction order.
  b.examples = examplesWithArrays(undefined, { columns: { score, label } })
  return results([a, metric('small', { scores: [1, 2] }), b])
}

function write(dir: string) {
  const { results: json, sidecar } = splitSidecar(withArrays(), 'results.json')
  writeFileSync(join(dir, 'results.json'), serializeJson(json))
  writeFileSync(join(dir, sidecarName('results.json')), sidecar!)
  return { json, sidecar: sidecar! }
}

describe('per-example sidecar', () => {
  it('writes the arrays one after another as little-endian float64, located, sized and checksummed in results.json', () => {
    const { results: json, sidecar } = splitSidecar(withArrays(), 'results.json')
    // Expected bytes built independently: DataView writes little-endian float64 one by one.
    const expected = new Uint8Array(12 * 8)
    const view = new DataView(expected.buffer)
    ;[...scores, ...label, ...score].forEach((v, i) => view.setFloat64(8 * i, v, true))
    expect(sidecar).toEqual(expected)
    expect(json.sidecar).toEqual({ file: 'results.scores.bin', bytes: 96, sha256: createHash('sha256').update(expected).digest('hex') })
    expect(json.metrics[0].examples).toEqual({ ids: ['x', 'y', 'z', 'w'], scoresAt: { offset: 0, count: 4 } })
    expect(json.metrics[2].examples).toEqual({ columnsAt: { label: { offset: 4, count: 4 }, score: { offset: 8, count: 4 } } })
    // Small arrays stay inline, as before.
    expect(json.metrics[1].examples?.scores).toBeTypeOf('string')
  })

  it('writes no sidecar (and names none) when every array is inline', () => {
    const split = splitSidecar(results([metric('small', { scores: [1, 2] })]), 'results.json')
    expect(split.sidecar).toBeNull()
    expect(split.results.sidecar).toBeUndefined()
  })

  it('is read back beside results.json: the comparison gets the same arrays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-sidecar-'))
    try {
      write(dir)
      const read = readResultsFile(join(dir, 'results.json'), 'out/results.json')
      const a = decodeExamples(read.metrics[0])!
      expect(a.ids).toEqual(['x', 'y', 'z', 'w'])
      expect(Array.from(a.scores!)).toEqual(Array.from(scores))
      expect(decodeExamples(read.metrics[2])!.columns).toEqual({ label, score })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a missing, damaged or short sidecar, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-sidecar-'))
    try {
      const { sidecar } = write(dir)
      const damaged = sidecar.slice()
      damaged[3] ^= 1
      writeFileSync(join(dir, 'results.scores.bin'), damaged)
      expect(() => readResultsFile(join(dir, 'results.json'), 'out/results.json')).toThrow(
        /^out\/results\.scores\.bin: sha256 [0-9a-f]{64} differs from results\.json's [0-9a-f]{64}: the file is damaged or from another run$/
      )
      writeFileSync(join(dir, 'results.scores.bin'), sidecar.subarray(0, 88))
      expect(() => readResultsFile(join(dir, 'results.json'), 'out/results.json')).toThrow(/88 bytes, but results\.json says 96/)
      rmSync(join(dir, 'results.scores.bin'))
      expect(() => readResultsFile(join(dir, 'results.json'), 'out/results.json')).toThrow(ResultsError)
      expect(() => readResultsFile(join(dir, 'results.json'), 'out/results.json')).toThrow(/results\.scores\.bin.*keep it beside results\.json/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a results.json that places an array beyond the sidecar’s end', () => {
    const { results: json, sidecar } = splitSidecar(withArrays(), 'results.json')
    json.metrics[0].examples!.scoresAt = { offset: 10, count: 4 }
    expect(() => attachSidecar(json, sidecar!, 'results.scores.bin')).toThrow(/values 10–14 but the file holds 12/)
  })

  it('a sidecar file name with a path in it is not a results file', () => {
    const { results: json } = splitSidecar(withArrays(), 'results.json')
    const text = serializeJson({ ...json, sidecar: { ...json.sidecar, file: '../secret.bin' } })
    expect(() => parseBundleResults(text, new Uint8Array(96))).toThrow(/sidecar\.file/)
  })

  it('travels in the artifact bundle and is checked when the bundle is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-sidecar-'))
    try {
      const files = stageBundle(dir, { results: withArrays() })
      expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['results.json', 'results.scores.bin'])
      const read = parseBundleResults(readFileSync(files[0], 'utf8'), readFileSync(files[1]))
      expect(Array.from(decodeExamples(read.metrics[0])!.scores!)).toEqual(Array.from(scores))
      expect(() => parseBundleResults(readFileSync(files[0], 'utf8'))).toThrow(/names results\.scores\.bin but the artifact has no such file/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
