import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { createInputReader } from '../../src/inputs/index.js'
import { type ByteSource, bfloat16, parseSafetensorsHeader, readSafetensorsTensor } from '../../src/inputs/safetensors.js'
import { type ExpectedArray, expectArray } from './helpers.js'

// Fixtures written by hand with numpy in test/fixtures/safetensors/make_safetensors.py, following the format of
// huggingface/safetensors README.md ("Format") and safetensors/src/tensor.rs (MAX_HEADER_SIZE, offset validation).
const DIR = fileURLToPath(new URL('../fixtures/safetensors/', import.meta.url))
const EXPECTED = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as Record<string, ExpectedArray>
const reader = () => createInputReader({ workspace: DIR })

function recordingSource(name: string): { source: ByteSource; reads: [number, number][] } {
  const bytes = new Uint8Array(readFileSync(`${DIR}${name}`))
  const reads: [number, number][] = []
  return { reads, source: { size: bytes.length, read: (at, n) => (reads.push([at, n]), bytes.slice(at, at + n)) } }
}

describe('safetensors reader', () => {
  test('the fixtures cover every dtype we decode', () => {
    const names = Object.keys(EXPECTED).map((k) => k.split('#')[1])
    for (const dtype of ['f32', 'f64', 'f16', 'bf16', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'bool', 'scalar', 'empty'])
      expect(names).toContain(dtype)
  })

  test.each(Object.entries(EXPECTED))('%s matches numpy', (ref, expected) => {
    if (expected.shape.includes(0)) return expect(() => reader().read(ref)).toThrow(/has no rows|has an empty axis/)
    const array = reader().read(ref)
    expectArray(array, expected)
    expect(array.source).toBe(ref.includes('#') ? ref : `${ref}#scores`)
  })

  test.each(Object.entries(EXPECTED))('%s reads the same from an unaligned buffer', (ref, expected) => {
    const readFile = (absolute: string) => {
      const bytes = readFileSync(absolute)
      const shifted = new Uint8Array(bytes.length + 1).subarray(1)
      shifted.set(bytes)
      return shifted
    }
    const read = () => createInputReader({ workspace: DIR, readFile }).read(ref)
    if (expected.shape.includes(0)) expect(read).toThrow(/has no rows|has an empty axis/)
    else expectArray(read(), expected)
  })

  test('bfloat16 bits widen to the float32 with the same top half', () => {
    expect(bfloat16(0x3f80)).toBe(1)
    expect(bfloat16(0xc000)).toBe(-2)
    expect(bfloat16(0x7f80)).toBe(Infinity)
    expect(bfloat16(0x0001)).toBe(2 ** -133) // smallest subnormal: 2^-126 · 2^-7
  })

  test('reads the header and only the named tensor, never the whole file', () => {
    const { source, reads } = recordingSource('all_dtypes.safetensors')
    const header = parseSafetensorsHeader(source, 'all_dtypes.safetensors')
    expect(header.metadata).toEqual({ format: 'pt', note: 'fixture' })
    reads.length = 0
    const u16 = readSafetensorsTensor(source, header, 'u16', 'all_dtypes.safetensors', 2 ** 30)
    expect(Array.from(u16.data)).toEqual([0, 65535])
    const info = header.tensors.get('u16')!
    expect(reads).toEqual([[header.dataStart + info.begin, 4]])
  })

  test('a tensor over the size limit is refused before it is read', () => {
    const { source, reads } = recordingSource('all_dtypes.safetensors')
    const header = parseSafetensorsHeader(source, 'x.safetensors')
    reads.length = 0
    expect(() => readSafetensorsTensor(source, header, 'f32', 'x.safetensors', 16)).toThrow(
      'x.safetensors#f32: tensor is 48 bytes, over the size limit of 16 bytes'
    )
    expect(reads).toEqual([])
  })

  test.each([
    ['huge_header.safetensors', 'huge_header.safetensors: header length 1099511627776 is over the 100 MB limit'],
    ['truncated_header.safetensors', 'truncated_header.safetensors: header is truncated (declares 64 bytes, the file has 14'],
    ['not_json.safetensors', 'not_json.safetensors: header is not valid UTF-8 JSON'],
    ['list_header.safetensors', 'list_header.safetensors: header is not a JSON object'],
    ['tiny.safetensors', 'tiny.safetensors: not a .safetensors file (2 bytes'],
    ['shape_mismatch.safetensors', 'shape_mismatch.safetensors#x: data_offsets [0, 16] span 16 bytes, shape [5] F32 needs 20'],
    ['past_end.safetensors', 'past_end.safetensors#x: data_offsets end at 20, past the end of the data (16 bytes)'],
    ['extra_bytes.safetensors', 'extra_bytes.safetensors: the tensors cover 16 bytes of data but the file has 24'],
    ['gap.safetensors', 'gap.safetensors#b: data_offsets start at 12, expected 8'],
    ['bad_metadata.safetensors', 'bad_metadata.safetensors: header "__metadata__" must map strings to strings'],
    ['f8.safetensors#x', 'f8.safetensors#x: unsupported dtype "F8_E4M3": float8 has no numpy dtype; save t.float()']
  ])('%s is refused with one clear message', (ref, message) => {
    expect(() => reader().read(ref)).toThrow(message)
  })

  test('a missing tensor lists the tensors, with a did-you-mean', () => {
    expect(() => reader().read('all_dtypes.safetensors#f33')).toThrow(/no tensor "f33".*did you mean "f32"/)
    expect(() => reader().read('all_dtypes.safetensors')).toThrow('all_dtypes.safetensors: name a tensor, e.g. all_dtypes.safetensors#')
  })

  test('a missing file says so', () => {
    expect(() => reader().read('nope.safetensors#x')).toThrow('nope.safetensors: file not found')
  })

  test.each(['.pt', '.pth', '.pkl', '.pickle', '.ckpt'])('%s is refused with one line of Python to save it safely', (ext) => {
    const message = (() => {
      try {
        reader().read(`model${ext}#x`)
      } catch (e) {
        return (e as Error).message
      }
      return ''
    })()
    expect(message).toMatch(new RegExp(`^model\\${ext}: \\${ext} files are a (Python|PyTorch) pickle`))
    expect(message).toContain('safetensors.torch.save_file({"scores": t.contiguous()}, "out.safetensors")')
    expect(message).toContain('np.save("scores.npy", t.detach().cpu().numpy())')
  })
})

describe('safetensors reader on corrupted files', () => {
  // Deterministic fuzz: flip bytes of a valid file (header and data); every outcome is an array or one InputError.
  test('never throws anything but an InputError, never returns an array of the wrong size', () => {
    const bytes = new Uint8Array(readFileSync(`${DIR}all_dtypes.safetensors`))
    let seed = 12345
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0), seed)
    let errors = 0
    for (let trial = 0; trial < 400; trial++) {
      const copy = bytes.slice(0, trial % 7 === 0 ? next() % bytes.length : bytes.length)
      for (let k = 0; k < 1 + (trial % 4); k++) copy[next() % copy.length] = next() & 0xff
      const readFile = () => copy
      for (const name of ['f32', 'bf16', 'i64', 'bool']) {
        try {
          const array = createInputReader({ workspace: DIR, readFile }).read(`all_dtypes.safetensors#${name}`)
          expect(array.data.length).toBe(array.shape.reduce((a, b) => a * b, 1))
        } catch (error) {
          expect((error as Error).name, (error as Error).stack).toBe('InputError')
          expect((error as Error).message.startsWith('all_dtypes.safetensors')).toBe(true)
          errors++
        }
      }
    }
    expect(errors).toBeGreaterThan(100)
  })
})
