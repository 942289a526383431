import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createInputReader, InputError } from '../../src/inputs/index.js'
import { parseDescr } from '../../src/inputs/npy.js'
import { ROOT } from '../helpers/run-action.js'
import { cli, emptyWorkspace, expectOneCleanMessage, quickstart } from './helpers.js'

/** An .npy file (format 1.0) with the given descr and raw data bytes, built by hand. */
function npyBytes(descr: string, shape: number[], data: Uint8Array): Buffer {
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`
  const padded = dict.padEnd(Math.ceil((10 + dict.length + 1) / 64) * 64 - 10 - 1, ' ') + '\n'
  const head = Buffer.alloc(10)
  head.write('\x93NUMPY', 0, 'latin1')
  head[6] = 1
  head.writeUInt16LE(padded.length, 8)
  return Buffer.concat([head, Buffer.from(padded, 'latin1'), data])
}

/** np.dtype(descr) for a grid of type strings, from numpy 2.4.6 (test/fixtures/npy-descr/make.py). */
const NUMPY: Record<string, [string, number] | null> = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/npy-descr/numpy-2.4.6.json'), 'utf8'))
const READABLE = /^(bool|u?int(8|16|32|64)|float(16|32|64)|bytes\d*|str\d*)$/
// numpy reads these with the size of the platform that runs it; the file does not say which that was.
const PLATFORM_SIZED = /^[<>|]?[lLpP]$/

describe('numpy dtypes are read as numpy reads them, or refused by name', () => {
  it(`every type string of the grid (${Object.keys(NUMPY).length}) agrees with np.dtype`, () => {
    const wrong: string[] = []
    for (const [descr, expected] of Object.entries(NUMPY)) {
      const readable = expected !== null && READABLE.test(expected[0]) && !PLATFORM_SIZED.test(descr)
      try {
        const got = parseDescr(descr, 'x.npy')
        const name = expected?.[0].replace(/^(bytes|str)\d+$/, '$1')
        if (!readable || got.name !== name || got.itemsize !== expected?.[1]) wrong.push(`${descr}: read as ${got.name}/${got.itemsize}, numpy ${expected}`)
      } catch (error) {
        if (!(error instanceof InputError) || !error.message.includes(`'${descr}'`)) wrong.push(`${descr}: ${(error as Error).message}`)
        else if (readable) wrong.push(`${descr}: refused, numpy reads it as ${expected?.[0]}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it("'|b' is int8 (mean 4.5 of 1..8), '|b1' is bool, '<f' float32", () => {
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 'b.npy'), npyBytes('|b', [8], Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])))
    writeFileSync(join(ws, 'b1.npy'), npyBytes('|b1', [3], Uint8Array.from([0, 1, 0])))
    writeFileSync(join(ws, 'f.npy'), npyBytes('<f', [2], new Uint8Array(Float32Array.from([0.5, -2.25]).buffer)))
    const reader = createInputReader({ workspace: ws })
    expect(Array.from(reader.read('b.npy').data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(reader.read('b.npy').dtype).toBe('int8')
    expect(Array.from(reader.read('b1.npy').data)).toEqual([0, 1, 0])
    expect(reader.read('b1.npy').dtype).toBe('bool')
    expect(Array.from(reader.read('f.npy').data)).toEqual([0.5, -2.25])
  })

  it('complex, long double and platform-sized codes are refused by name with what to save', () => {
    expect(() => parseDescr('<c16', 'x.npy')).toThrow("x.npy: unsupported dtype '<c16': complex128; save a real array")
    expect(() => parseDescr('<D', 'x.npy')).toThrow("x.npy: unsupported dtype '<D': complex128; save a real array")
    expect(() => parseDescr('<g', 'x.npy')).toThrow("x.npy: unsupported dtype '<g': long double; save arr.astype(np.float64)")
    expect(() => parseDescr('<l', 'x.npy')).toThrow("x.npy: unsupported dtype '<l': C long, whose size depends on the platform")
    expect(() => parseDescr('<i3', 'x.npy')).toThrow("x.npy: unsupported dtype '<i3': numpy has no integer of that size")
    expect(() => parseDescr('<u', 'x.npy')).toThrow("x.npy: unsupported dtype '<u': not a numpy type string")
  })
})

describe('empty arrays are refused with a message that says what is empty', () => {
  it('[N, 0] attributions: an empty feature axis, not gini 0', async () => {
    const ws = quickstart()
    writeFileSync(join(ws, 'eval-out/attr.npy'), npyBytes('<f8', [50, 0], new Uint8Array(0)))
    const reader = createInputReader({ workspace: ws })
    expect(() => reader.read('eval-out/attr.npy')).toThrow(
      'eval-out/attr.npy: shape [50, 0] has an empty axis 1: every example has no values there; save the array with its features'
    )
    expect(() => reader.openRows('eval-out/attr.npy')).toThrow('eval-out/attr.npy: shape [50, 0] has an empty axis 1')
  })

  it('a file with no rows says so (not "no finite value"), in .npy and JSON alike', async () => {
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 'scores.npy'), npyBytes('<f8', [0], new Uint8Array(0)))
    writeFileSync(join(ws, 'scores.json'), '{"scores": []}')
    writeFileSync(join(ws, 'interp-gate.yml'), 'version: 1\nmetrics:\n  - id: s\n    metric: mean\n    inputs: { scores: scores.npy }\n')
    const { code, err } = await cli(['run', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toContain('scores.npy: has no rows (shape [0]); the step that writes it saved an empty array')
    expect(err).not.toContain('no finite value')
    expectOneCleanMessage(err)
    expect(() => createInputReader({ workspace: ws }).read('scores.json#/scores')).toThrow('has no rows (shape [0])')
  })
})

describe('byte-string ids are compared as bytes', () => {
  it("distinct non-UTF-8 ids (b'\\xff', b'\\xfe') stay distinct; equal bytes are still duplicates", () => {
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 'ids.npy'), npyBytes('|S2', [3], Uint8Array.from([0xff, 0x41, 0xfe, 0x41, 0x41, 0x41])))
    writeFileSync(join(ws, 'dup.npy'), npyBytes('|S1', [2], Uint8Array.from([0xff, 0xff])))
    const reader = createInputReader({ workspace: ws })
    const ids = reader.readIds('ids.npy')
    expect(new Set(ids).size).toBe(3)
    expect(ids[2]).toBe('AA')
    expect(() => reader.readIds('dup.npy')).toThrow(/dup\.npy: duplicate id .* \(elements 0 and 1\)/)
  })
})
