import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { main } from '../../src/cli/main.js'
import { createInputReader, InputError } from '../../src/inputs/index.js'
import { listNpzMembers, readNpzMember } from '../../src/inputs/npz.js'
import { parseNpy } from '../../src/inputs/npy.js'
import { FIXTURES } from './helpers.js'

/** Fixtures and numpy's own answers: test/fixtures/inputs/make_hostile.py. */
const DIR = path.join(FIXTURES, 'hostile')
const numpy = JSON.parse(readFileSync(path.join(DIR, 'hostile.json'), 'utf8'))
const file = (name: string) => readFileSync(path.join(DIR, name))
const reader = (options = {}) => createInputReader({ workspace: DIR, ...options })

function thrown(read: () => unknown): InputError {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('.npy headers', () => {
  test('a header longer than 10,000 bytes is refused, as np.load does, before it is read', () => {
    expect(numpy.long_header_error).toMatch(/Header info length \(20000\) is large/)
    expect(thrown(() => reader().read('long_header.npy')).message).toBe(
      "long_header.npy: header is 20000 bytes, over numpy's limit of 10000 (np.load refuses it too); save the array again with np.save"
    )
    // A 50 MB header length claimed by a 12-byte file: refused on the length alone.
    const claim = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0, 0x80, 0xf0, 0xfa, 0x02)
    expect(() => parseNpy(claim, 'x.npy')).toThrow("x.npy: header is 50000000 bytes, over numpy's limit")
  })

  test('a 128-byte file claiming 10^9 |S0 elements is refused by the memory budget, not decoded', () => {
    expect(file('s0_billion.npy').length).toBe(128)
    expect(thrown(() => reader().read('s0_billion.npy')).message).toBe(
      's0_billion.npy: decoding shape [1000000000] bytes takes 48000000000 bytes of memory, over the budget of 2147483648 bytes; ' +
        'metrics that read arrays row by row have no such limit; raise it with INTERP_GATE_MEMORY_BUDGET=<bytes>'
    )
  })

  test('a header claiming more data than the file holds is refused before anything is allocated', () => {
    expect(numpy.lying_error).toMatch(/Expected \(100000000, 3\) = 300000000 elements, could only read 4/)
    expect(thrown(() => reader().read('lying.npy')).message).toBe('lying.npy: data has 32 bytes, shape [100000000, 3] float64 needs 2400000000')
    expect(thrown(() => reader().openRows('lying.npy')).message).toBe('lying.npy: data has 32 bytes, shape [100000000, 3] float64 needs 2400000000')
  })

  test.each(['rows_be_f4', 'rows_be_f8'])('big-endian %s reads as numpy, whole and row by row', (name) => {
    expect(Array.from(reader().read(`${name}.npy`).data)).toEqual(numpy[name])
    const rows = reader().openRows(`${name}.npy`)!
    const out = new Float64Array(3 * 5)
    const got: number[] = []
    for (const count of [3, 3, 2]) {
      rows.rows.next(count, out)
      got.push(...out.subarray(0, count * 5))
    }
    rows.rows.finish()
    rows.close()
    expect(got).toEqual(numpy[name])
  })
})

describe('int64 ids beyond 2^53', () => {
  test.each(['ids_int64_big.npy', 'ids_int64_big_be.npy'])('%s keeps every id exact, so 2^53 and 2^53 + 1 stay distinct', (name) => {
    expect(reader().readIds(name)).toEqual(numpy.ids_int64_big)
  })

  test('uint64 too', () => {
    expect(reader().readIds('ids_uint64_big.npy')).toEqual(numpy.ids_uint64_big)
  })

  test('end to end: results.json carries the exact ids, and runs pair on them', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'interp-gate-ids-'))
    writeFileSync(path.join(workspace, 'ids.npy'), file('ids_int64_big.npy'))
    // five per-example scores, as np.save(np.arange(5.0)) writes them
    const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }".padEnd(117) + '\n'
    const scores = new Uint8Array(128 + 40)
    scores.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0, ...new TextEncoder().encode(header)])
    scores.set(new Uint8Array(Float64Array.of(0, 1, 2, 3, 4).buffer), 128)
    writeFileSync(path.join(workspace, 'scores.npy'), scores)
    writeFileSync(path.join(workspace, 'interp-gate.yml'), 'version: 1\nmetrics:\n  - { id: s, metric: mean, ids: ids.npy, inputs: { scores: scores.npy } }\n')
    const io = { out: () => {}, err: () => {}, cwd: workspace, env: {} }
    expect(await main(['run', '--out', 'a', '--quiet'], io)).toBe(0)
    const results = JSON.parse(readFileSync(path.join(workspace, 'a/results.json'), 'utf8'))
    expect(results.metrics[0].examples.ids).toEqual(numpy.ids_int64_big)
    expect(await main(['run', '--out', 'b', '--quiet', '--baseline', 'a/results.json'], io)).toBe(0)
    const comparison = JSON.parse(readFileSync(path.join(workspace, 'b/comparison.json'), 'utf8'))
    expect(comparison.rows[0].paired).toBe(true)
    expect(comparison.rows[0].n).toBe(5)
  })
})

describe('.npz archives', () => {
  test('zip64 members read as numpy reads them', () => {
    expect(Array.from(readNpzMember(file('zip64.npz'), 'a', 'z.npz').data)).toEqual(numpy.zip64.a)
    expect(Array.from(readNpzMember(file('zip64.npz'), 'b', 'z.npz').data)).toEqual(numpy.zip64.b)
  })

  test('two members of one name are refused (np.load would silently pick one)', () => {
    expect(numpy.duplicate_names).toEqual(['x.npy', 'x.npy'])
    expect(thrown(() => reader().read('duplicate.npz#x')).message).toBe(
      'duplicate.npz: the archive holds two members named "x.npy"; re-create it with np.savez (one array per name)'
    )
  })

  test('odd member names are read by their name and quoted in messages (a newline cannot start a workflow command)', () => {
    const bytes = file('odd_names.npz')
    for (const [name, values] of Object.entries(numpy.odd_names as Record<string, number[]>)) {
      expect(Array.from(readNpzMember(bytes, name.slice(0, -4), 'o.npz').data)).toEqual(values)
    }
    expect(listNpzMembers(bytes)).toEqual(Object.keys(numpy.odd_names).map((n) => n.slice(0, -4)))
    const message = thrown(() => readNpzMember(bytes, 'nope', 'o.npz')).message
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toContain('"line\\n::error::pwned"')
  })

  test('a corrupted byte is refused with numpy\'s "Bad CRC-32", whole and row by row', () => {
    expect(numpy.crc_error).toBe("Bad CRC-32 for file 'x.npy'")
    const expected = 'crc_stored.npz#x: Bad CRC-32: the member is corrupt; re-create the archive'
    expect(thrown(() => reader().read('crc_stored.npz#x')).message).toBe(expected)
    const rows = reader().openRows('crc_stored.npz#x')!
    rows.rows.next(64, new Float64Array(64))
    expect(thrown(() => rows.rows.finish()).message).toBe(expected)
    rows.close()
  })

  test('a member inflating to 64 MiB from 64 KiB is refused by the budget from its header, before inflating the rest', () => {
    expect(numpy.inflates_big_bytes).toBeLessThan(70_000)
    expect(thrown(() => reader({ memoryBudget: 2 ** 20 }).read('inflates_big.npz#big')).message).toBe(
      'inflates_big.npz#big: decoding shape [67108864] uint8 takes 536870912 bytes of memory, over the budget of 1048576 bytes; ' +
        'metrics that read arrays row by row have no such limit; raise it with INTERP_GATE_MEMORY_BUDGET=<bytes>'
    )
  })

  test('row by row, the same member streams in bounded steps and checks its CRC at the end', () => {
    const rows = reader().openRows('inflates_big.npz#big')!
    const out = new Float64Array(1 << 20)
    let sum = 0
    for (let done = 0; done < 64; done++) {
      rows.rows.next(1 << 20, out)
      for (let i = 0; i < out.length; i += 4096) sum += out[i]
    }
    rows.rows.finish()
    rows.close()
    expect(sum).toBe(0)
  })
})

describe('the CLI on hostile arrays', () => {
  test.each([
    ['s0_billion.npy', 's0_billion.npy: decoding shape [1000000000] bytes'],
    ['lying.npy', 'lying.npy: data has 32 bytes'],
    ['long_header.npy', "long_header.npy: header is 20000 bytes, over numpy's limit"],
    ['crc_stored.npz#x', 'crc_stored.npz#x: Bad CRC-32']
  ])('%s: exit 2 with one located message', async (ref, text) => {
    const errors: string[] = []
    const config = `version: 1\nmetrics:\n  - { id: m, metric: mean, inputs: { scores: "${ref}" } }\n`
    const workspace = mkdtempSync(path.join(tmpdir(), 'interp-gate-hostile-'))
    for (const name of ['s0_billion.npy', 'lying.npy', 'long_header.npy', 'crc_stored.npz']) writeFileSync(path.join(workspace, name), file(name))
    writeFileSync(path.join(workspace, 'interp-gate.yml'), config)
    const code = await main(['run', '--quiet'], { out: () => {}, err: (t) => errors.push(t), cwd: workspace, env: {} })
    expect(code).toBe(2)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^error: interp-gate\.yml:3:\d+ metrics\[0\]\.inputs: metric "m" \(mean\): /)
    expect(errors[0]).toContain(text)
    expect(errors[0]).not.toMatch(/\n./)
  })
})
