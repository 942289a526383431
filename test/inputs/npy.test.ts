import { describe, expect, test } from 'vitest'
import { InputError } from '../../src/inputs/index.js'
import { float16, parseNpy } from '../../src/inputs/npy.js'
import { expectArray, expectedWhere, fixture } from './helpers.js'

const NPY = expectedWhere(/^[^#]*\.npy$/)

describe('parseNpy', () => {
  test('the fixtures cover every readable dtype, byte order and layout', () => {
    const names = NPY.map(([name]) => name)
    for (const name of ['f16.npy', 'be_f2.npy', 'be_f8.npy', 'be_i4.npy', 'fortran_3d.npy', 'uint64.npy', 'bool.npy', 'v2.npy', 'v3.npy']) {
      expect(names).toContain(name)
    }
    expect(NPY.length).toBeGreaterThan(35)
  })

  test.each(NPY)('%s matches numpy', (name, expected) => {
    const array = parseNpy(fixture(name), `eval-out/${name}`)
    expectArray(array, expected)
    expect(array.source).toBe(`eval-out/${name}`)
  })

  test.each(NPY)('%s reads the same from an unaligned buffer', (name, expected) => {
    const bytes = fixture(name)
    const shifted = new Uint8Array(bytes.length + 3).subarray(3)
    shifted.set(bytes)
    expectArray(parseNpy(shifted, name), expected)
  })

  test('int64 beyond 2^53 rounds to the nearest float64', () => {
    const data = parseNpy(fixture('int64_big.npy'), 'x.npy').data
    expect(data[1]).toBe(2 ** 53) // 2^53 + 1 is not representable
    expect(data[3]).toBe(12345678901234568)
  })
})

describe('float16', () => {
  // Bit patterns from the IEEE 754 binary16 definition.
  test.each([
    [0x0000, 0],
    [0x8000, -0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x0400, 2 ** -14],
    [0x3555, 0.333251953125],
    [0x7c00, Infinity],
    [0xfc00, -Infinity]
  ])('0x%s', (bits, value) => {
    expect(float16(bits)).toBe(value)
  })

  test('NaN payloads are NaN', () => {
    expect(float16(0x7e00)).toBeNaN()
    expect(float16(0xfc01)).toBeNaN()
  })
})

describe('parseNpy errors name the file and say what to do', () => {
  const error = (name: string): InputError => {
    try {
      parseNpy(fixture(name), `eval-out/${name}`)
    } catch (e) {
      expect(e).toBeInstanceOf(InputError)
      return e as InputError
    }
    throw new Error(`${name} was read`)
  }

  test('object arrays', () => {
    expect(error('object.npy').message).toBe(
      "eval-out/object.npy: unsupported dtype '|O': object arrays (pickled Python objects) can't be read; save a numeric or string array (np.save(..., arr.astype(np.float64)))"
    )
  })

  test('structured, complex and datetime dtypes', () => {
    expect(error('structured.npy').message).toMatch(/^eval-out\/structured\.npy: unsupported dtype: a structured \(record\) array with fields "a", "b"/)
    expect(error('complex.npy').message).toMatch(/^eval-out\/complex\.npy: unsupported dtype '<c16': complex128/)
    expect(error('datetime.npy').message).toMatch(/^eval-out\/datetime\.npy: unsupported dtype '<M8\[D\]': datetime64/)
  })

  test('bad magic', () => {
    expect(error('bad_magic.npy').message).toBe('eval-out/bad_magic.npy: not a .npy file (bad magic)')
    expect(() => parseNpy(fixture('stored.npz'), 'a.npy')).toThrow('a.npy: not a .npy file (bad magic); it looks like a zip archive (.npz)')
  })

  test('corrupt header', () => {
    expect(error('corrupt_header.npy').message).toMatch(/^eval-out\/corrupt_header\.npy: header is not a valid dict/)
  })

  test('header longer than the file', () => {
    expect(error('header_truncated.npy').message).toMatch(/^eval-out\/header_truncated\.npy: header is truncated/)
  })

  test('truncated data', () => {
    expect(error('truncated.npy').message).toBe('eval-out/truncated.npy: data has 60 bytes, shape [10] float64 needs 80')
  })

  test('extra data', () => {
    const bytes = fixture('d1.npy')
    const longer = new Uint8Array(bytes.length + 8)
    longer.set(bytes)
    expect(() => parseNpy(longer, 'd1.npy')).toThrow('d1.npy: data has 32 bytes, shape [3] float64 needs 24 (extra bytes')
  })

  test('unknown format version', () => {
    const bytes = fixture('d1.npy').slice()
    bytes[6] = 4
    expect(() => parseNpy(bytes, 'd1.npy')).toThrow('d1.npy: unsupported .npy format version 4.0')
  })
})
