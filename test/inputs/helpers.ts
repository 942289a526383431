import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { NDArray } from '../../src/domain/ndarray.js'

/** Fixtures written by test/fixtures/inputs/make_fixtures.py (numpy), with the values numpy computed. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/inputs/', import.meta.url))

export interface ExpectedArray {
  shape: number[]
  dtype: string
  values?: (number | string)[]
  strings?: string[]
}

export const EXPECTED = JSON.parse(readFileSync(`${FIXTURES}expected.json`, 'utf8')) as {
  arrays: Record<string, ExpectedArray>
  npz_members: Record<string, string[]>
}

export function fixture(name: string): Uint8Array {
  return readFileSync(`${FIXTURES}${name}`)
}

/** Expected entries whose reference matches a pattern, as [reference, expected] pairs for test.each. */
export function expectedWhere(pattern: RegExp): [string, ExpectedArray][] {
  return Object.entries(EXPECTED.arrays).filter(([ref]) => pattern.test(ref))
}

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity }

/** Asserts shape, dtype and every value (NaN equals NaN, -0 differs from 0). */
export function expectArray(actual: NDArray, expected: ExpectedArray): void {
  expect(actual.shape).toEqual(expected.shape)
  expect(actual.dtype).toBe(expected.dtype)
  if (expected.strings) {
    expect(actual.strings).toEqual(expected.strings)
    expect(actual.data.length).toBe(expected.strings.length)
    expect(Array.from(actual.data).every(Number.isNaN)).toBe(true)
    return
  }
  expect(actual.strings).toBeUndefined()
  const values = expected.values!.map((v) => (typeof v === 'string' ? SPECIAL[v] : v))
  expect(Array.from(actual.data)).toEqual(values)
}
