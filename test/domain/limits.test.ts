import { describe, expect, it } from 'vitest'
import { MAX_TEXT_BYTES, truncateUtf8, utf8Length } from '../../src/domain/limits.js'

// The reference is Node's own UTF-8 encoder (Buffer.byteLength), which writes a lone surrogate as U+FFFD (3 bytes).
const encoded = (s: string) => Buffer.byteLength(s, 'utf8')

describe('utf8Length', () => {
  it.each([
    ['ASCII up to U+007F: 1 byte', 'a\u007f'],
    ['U+0080 and U+07FF: 2 bytes', '\u0080\u07ff'],
    ['U+0800 and U+FFFF: 3 bytes', '\u0800\uffff'],
    ['a surrogate pair (emoji): 4 bytes', '😀'],
    ['the lowest and highest pairs: 4 bytes each', '\ud800\udc00\udbff\udfff'],
    ['a lone high surrogate at the end: 3 bytes', 'a\ud83d'],
    ['a high surrogate before a non-surrogate: 3 + 1', '\ud83dx'],
    ['a lone low surrogate: 3 bytes', '\ude00a'],
    ['a low surrogate before a high one is no pair', '\udc00\ud800\u0800'],
    ['a 3-byte character before a low surrogate is no pair', '\u0800\udc00'],
    ['two low surrogates are no pair', '\udc00\udc00']
  ])('%s', (_, text) => {
    expect(utf8Length(text)).toBe(encoded(text))
  })
})

describe('truncateUtf8', () => {
  it('returns the text unchanged when it fits exactly', () => {
    expect(truncateUtf8('héllo', 6)).toBe('héllo')
  })

  it('keeps the longest prefix within the bytes (ASCII)', () => {
    expect(truncateUtf8('abc', 2)).toBe('ab')
    expect(truncateUtf8('ab', 1)).toBe('a')
  })

  it('never cuts a 2-byte character in half', () => {
    expect(truncateUtf8('aé', 2)).toBe('a')
  })

  it('never splits a surrogate pair: an emoji goes whole or not at all', () => {
    expect(truncateUtf8('😀', 2)).toBe('')
    expect(truncateUtf8('😀', 3)).toBe('')
    expect(truncateUtf8('a😀', 4)).toBe('a')
    expect(truncateUtf8('a😀b', 5)).toBe('a😀')
  })

  it('keeps a lone surrogate as one 3-byte unit', () => {
    expect(truncateUtf8('\udc00\ud800\udc00', 6)).toBe('\udc00')
    expect(truncateUtf8('\ud83dab', 4)).toBe('\ud83da')
    expect(truncateUtf8('\ud83dab', 3)).toBe('\ud83d')
    expect(truncateUtf8('a\udc00', 1)).toBe('a')
  })
})

it('the text-file limit is V8’s longest string, 2^29 − 24 = 536,870,888 UTF-16 units', () => {
  expect(MAX_TEXT_BYTES).toBe(536_870_888)
})
