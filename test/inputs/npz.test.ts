import { zipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { InputError } from '../../src/inputs/index.js'
import { listNpzMembers, readNpzMember } from '../../src/inputs/npz.js'
import { EXPECTED, expectArray, expectedWhere, fixture } from './helpers.js'

describe('listNpzMembers', () => {
  test.each(Object.entries(EXPECTED.npz_members))('%s', (name, members) => {
    expect(listNpzMembers(fixture(name))).toEqual(members)
  })
})

describe('readNpzMember', () => {
  test.each(expectedWhere(/\.npz/))('%s matches numpy (stored and deflated members)', (ref, expected) => {
    const [file, member] = ref.split('#')
    const array = readNpzMember(fixture(file), member, `eval-out/${file}`)
    expectArray(array, expected)
    // Without a member, the single array's name is added so messages downstream say which array.
    expect(array.source).toBe(member ? `eval-out/${ref}` : `eval-out/${file}#only`)
  })

  test('"x" and "x.npy" name the same member', () => {
    const bytes = fixture('stored.npz')
    expect(readNpzMember(bytes, 'labels.npy', 'a.npz').data).toEqual(readNpzMember(bytes, 'labels', 'a.npz').data)
  })

  test('an unknown member lists the members with a did-you-mean', () => {
    expect(() => readNpzMember(fixture('stored.npz'), 'deletion_curve', 'eval-out/ig.npz')).toThrow(
      'eval-out/ig.npz: no member "deletion_curve" (did you mean "deletion_curves"?); members: "deletion_curves", "labels", "ids"'
    )
  })

  test('no member is fine for a single-array archive, an error otherwise', () => {
    expect(() => readNpzMember(fixture('stored.npz'), undefined, 'eval-out/ig.npz')).toThrow(
      'eval-out/ig.npz: name an array, e.g. eval-out/ig.npz#deletion_curves (members: "deletion_curves", "labels", "ids")'
    )
  })

  test('a member whose decoded array exceeds the memory budget is refused after its header, before allocating', () => {
    // big is 40 x 50 float64: 16000 bytes decoded.
    const read = () => readNpzMember(fixture('compressed.npz'), 'big', 'eval-out/c.npz', { maxBytes: 10_000 })
    expect(read).toThrow(InputError)
    expect(read).toThrow('eval-out/c.npz#big: decoding shape [40, 50] float64 takes 16000 bytes of memory, over the budget of 10000 bytes')
    expect(readNpzMember(fixture('compressed.npz'), 'deletion_curves', 'c.npz', { maxBytes: 10_000 }).shape).toEqual([3, 5])
  })

  test('a member that inflates past its declared size is cut at that size, then refused', () => {
    // Re-zip a 16128-byte member and lie in the central directory that it is 200 bytes.
    const dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2000,), }".padEnd(117) + '\n'
    const body = new Uint8Array(128 + 16000)
    body.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, 118, 0, ...new TextEncoder().encode(dict)])
    const zip = zipSync({ 'x.npy': [body, { level: 9 }] })
    const view = new DataView(zip.buffer)
    const central = zip.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50)
    view.setUint32(central + 24, 200, true)
    expect(() => readNpzMember(zip, 'x', 'bomb.npz', { maxBytes: 1000 })).toThrow('bomb.npz#x: data has 72 bytes, shape [2000] float64 needs 16000')
  })

  test('only the wanted member is inflated: a corrupt sibling does not matter', () => {
    const good = fixture('d1.npy')
    const zip = zipSync({ 'good.npy': [good, { level: 6 }], 'bad.npy': [new Uint8Array(5000).fill(7), { level: 6 }] })
    // Corrupt the deflate stream of bad.npy right after its local header (30 bytes + the name).
    const name = new TextEncoder().encode('bad.npy')
    const local = zip.findIndex((_, i) => name.every((b, j) => zip[i + 30 + j] === b) && zip[i] === 0x50 && zip[i + 1] === 0x4b)
    zip[local + 30 + name.length] = 0xff // block type 3 is invalid
    expect(() => readNpzMember(zip, 'bad', 'z.npz')).toThrow(/^z\.npz#bad: can't decompress the member/)
    expect(Array.from(readNpzMember(zip, 'good', 'z.npz').data)).toEqual([1, 2, 3])
  })

  test('not a zip archive', () => {
    expect(() => readNpzMember(fixture('d1.npy'), 'x', 'eval-out/x.npz')).toThrow(/^eval-out\/x\.npz: not a valid \.npz \(zip\) archive/)
  })

  test('a member that is not an array names the member', () => {
    const zip = zipSync({ 'notes.npy': new TextEncoder().encode('hello') })
    expect(() => readNpzMember(zip, 'notes', 'eval-out/x.npz')).toThrow('eval-out/x.npz#notes: not a .npy file (bad magic)')
  })
})
