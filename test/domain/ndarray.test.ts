import { describe, expect, it } from 'vitest'
import { makeArray, makeStrings, product, row, rowSize, rows, shapeText } from '../../src/domain/ndarray.js'

// Values by hand: a [3, 2] array holds 0..5 in C order, so row 1 is [2, 3].
describe('ndarray', () => {
  it('makeArray keeps data, shape, dtype and source as given', () => {
    const data = new Float64Array([1, 2])
    expect(makeArray(data, [2], 'float32', 'a.npy')).toEqual({ data, shape: [2], dtype: 'float32', source: 'a.npy' })
  })

  it('a scalar has no rows; otherwise rows is the first dimension', () => {
    expect(rows(makeArray(new Float64Array([7]), [], 'float64', 's'))).toBe(0)
    expect(rows(makeArray(new Float64Array(6), [3, 2], 'float64', 's'))).toBe(3)
  })

  it('rowSize is the product of the dimensions after the first (1 for a vector)', () => {
    expect(rowSize(makeArray(new Float64Array(24), [4, 2, 3], 'float64', 's'))).toBe(6)
    expect(rowSize(makeArray(new Float64Array(5), [5], 'float64', 's'))).toBe(1)
  })

  it('row i is the i-th block of rowSize values in C order', () => {
    const a = makeArray(new Float64Array([0, 1, 2, 3, 4, 5]), [3, 2], 'float64', 's')
    expect([...row(a, 0)]).toEqual([0, 1])
    expect([...row(a, 1)]).toEqual([2, 3])
    expect([...row(a, 2)]).toEqual([4, 5])
  })

  it('product multiplies every dimension; a scalar shape has one element', () => {
    expect(product([2, 3, 4])).toBe(24)
    expect(product([])).toBe(1)
    expect(product([5, 0])).toBe(0)
  })

  it('makeStrings keeps the strings and fills data with NaN, one per string', () => {
    const a = makeStrings(['x', 'y', 'z'], [3], 'str', 'ids.json')
    expect(a.strings).toEqual(['x', 'y', 'z'])
    expect(a.shape).toEqual([3])
    expect(a.dtype).toBe('str')
    expect(a.source).toBe('ids.json')
    expect(a.data).toHaveLength(3)
    expect([...a.data].every(Number.isNaN)).toBe(true)
  })

  it('shapeText writes a shape for messages as a bracketed, comma-separated list', () => {
    expect(shapeText([3, 2])).toBe('[3, 2]')
    expect(shapeText([])).toBe('[]')
  })
})
