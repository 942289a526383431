import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { InputError, createInputReader } from '../../src/inputs/index.js'
import { EXPECTED, FIXTURES, expectArray } from './helpers.js'

/** A reader over the fixtures folder that counts file reads. */
function countingReader(aliases: Record<string, string> = {}) {
  const reads: string[] = []
  const reader = createInputReader({
    workspace: FIXTURES,
    aliases,
    readFile: (file) => {
      reads.push(path.basename(file))
      return readFileSync(file)
    }
  })
  return { reader, reads }
}

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return e as InputError
  }
  throw new Error('no error')
}

describe('createInputReader', () => {
  test.each(Object.entries(EXPECTED.arrays))('%s', (ref, expected) => {
    const read = () => createInputReader({ workspace: FIXTURES }).read(ref)
    // An array with no elements gives a metric nothing to measure: refused, saying which axis is empty.
    if (expected.shape.includes(0)) expect(read).toThrow(expected.shape[0] === 0 ? /: has no rows \(shape \[0/ : /: shape \[.*\] has an empty axis/)
    else expectArray(read(), expected)
  })

  test('several members of one npz read the file once', () => {
    const { reader, reads } = countingReader()
    reader.read('stored.npz#deletion_curves')
    reader.read('stored.npz#labels')
    reader.read('stored.npz#deletion_curves')
    reader.readIds('stored.npz#ids')
    reader.read('data.json#/scores')
    reader.read('data.json#/matrix')
    expect(reads).toEqual(['stored.npz', 'data.json'])
  })

  test('aliases, with and without their own member', () => {
    const { reader, reads } = countingReader({ ig: 'stored.npz', curves: 'stored.npz#deletion_curves', scores: 'data.json#/scores' })
    expectArray(reader.read('ig#labels'), EXPECTED.arrays['stored.npz#labels'])
    expectArray(reader.read('curves'), EXPECTED.arrays['stored.npz#deletion_curves'])
    expectArray(reader.read('scores'), EXPECTED.arrays['data.json#/scores'])
    expect(reader.read('curves').source).toBe('stored.npz#deletion_curves')
    expect(reads).toEqual(['stored.npz', 'data.json'])
    expect(() => reader.read('curves#labels')).toThrow('alias "curves" already names a member')
  })

  test('readIds: integers printed, text as is, csv cells as text', () => {
    const reader = createInputReader({ workspace: FIXTURES })
    expect(reader.readIds('ids.npy')).toEqual(['30', '10', '20'])
    expect(reader.readIds('stored.npz#ids')).toEqual(['b', 'a', 'c'])
    expect(reader.readIds('data.csv#id')).toEqual(['ex,1', 'ex-2', 'ex-3', 'ex-4', 'ex-5', 'ex-6'])
    expect(reader.readIds('data.jsonl#id')).toEqual(['ex-1', 'ex-2', 'ex-3'])
    expect(reader.readIds('d1.npy')).toEqual(['1', '2', '3'])
  })

  test('readIds errors: duplicates, non-integers, wrong rank', () => {
    const reader = createInputReader({ workspace: FIXTURES })
    expect(() => reader.readIds('dup_ids.npy')).toThrow('dup_ids.npy: duplicate id "b" (elements 1 and 3); ids must be unique to pair examples')
    expect(() => reader.readIds('f32.npy')).toThrow('f32.npy: ids must be integers or strings; element 0 is 1.5')
    expect(() => reader.readIds('f64.npy')).toThrow('f64.npy: ids must be a 1-d array, got shape [2, 3]')
  })

  test('unsupported extensions list the supported ones', () => {
    const reader = createInputReader({ workspace: FIXTURES, aliases: { ig: 'stored.npz' } })
    expect(() => reader.read('eval-out/x.txt')).toThrow('eval-out/x.txt: unsupported file type ".txt"; supported: .npy .npz .json .jsonl .ndjson .csv')
    expect(() => reader.read('igg#labels')).toThrow('igg: unsupported file type "(no extension)" (did you mean "ig"?); supported:')
  })

  test('a .npy takes no member', () => {
    expect(() => createInputReader({ workspace: FIXTURES }).read('d1.npy#x')).toThrow('d1.npy: a .npy file holds a single array; drop "#x"')
  })

  test('errors carry the file as the user wrote it', () => {
    const error = inputError(() => createInputReader({ workspace: FIXTURES }).read('stored.npz#nope'))
    expect(error.file).toBe('stored.npz')
    expect(error.message).toMatch(/^stored\.npz: no member "nope"/)
  })

  test('memoryBudget caps decoded arrays (checked on the header, before allocating); maxBytes no longer caps .npy files', () => {
    expect(createInputReader({ workspace: FIXTURES, maxBytes: 150 }).read('f64.npy').shape).toEqual([2, 3])
    // big is 40 x 50 float64: 16000 bytes decoded.
    expect(() => createInputReader({ workspace: FIXTURES, memoryBudget: 1000 }).read('compressed.npz#big')).toThrow(
      'compressed.npz#big: decoding shape [40, 50] float64 takes 16000 bytes of memory, over the budget of 1000 bytes'
    )
  })
})

describe('createInputReader on a workspace', () => {
  let workspace: string
  beforeAll(() => {
    workspace = realpathSync(mkdtempSync(path.join(tmpdir(), 'interp-gate-reader-')))
    mkdirSync(path.join(workspace, 'eval-out'))
    copyFileSync(path.join(FIXTURES, 'stored.npz'), path.join(workspace, 'eval-out', 'ig.npz'))
    copyFileSync(path.join(FIXTURES, 'data.jsonl'), path.join(workspace, 'eval-out', 'rows.ndjson'))
  })
  afterAll(() => rmSync(workspace, { recursive: true, force: true }))

  test('missing files say where they were looked for, with a did-you-mean', () => {
    const reader = createInputReader({ workspace })
    expect(() => reader.read('eval-out/ig.npz#labels')).not.toThrow()
    expect(() => reader.read('eval-out/gi.npz#labels')).toThrow(
      `eval-out/gi.npz: file not found (resolved to ${path.join(workspace, 'eval-out', 'gi.npz')}) (did you mean "ig.npz"?)`
    )
    expect(() => reader.read('out/ig.npz')).toThrow(/^out\/ig\.npz: file not found .*; the folder .* does not exist either/)
    expect(() => reader.read('eval-out.npz')).toThrow('eval-out.npz: file not found')
  })

  test('a directory is not a file', () => {
    mkdirSync(path.join(workspace, 'dir.npy'), { recursive: true })
    expect(() => createInputReader({ workspace }).read('dir.npy')).toThrow('dir.npy: is a directory, not a file')
  })

  test('.ndjson reads as JSON Lines', () => {
    expectArray(createInputReader({ workspace }).read('eval-out/rows.ndjson#score'), EXPECTED.arrays['data.jsonl#score'])
  })

  test('paths may not leave the workspace', () => {
    const reader = createInputReader({ workspace })
    expect(() => reader.read('eval-out/../../etc/passwd.npy')).toThrow(/^eval-out\/\.\.\/\.\.\/etc\/passwd\.npy: path leaves the workspace/)
    expect(() => reader.read('/etc/hosts.csv')).toThrow(/^\/etc\/hosts\.csv: path leaves the workspace/)
  })
})
