import { createHash } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { InputError, readRegularFile } from '../inputs/index.js'
import type { MetricResult, Results } from './results-schema.js'
import { MAX_SIDECAR_BYTES } from '../domain/limits.js'

/**
 * Per-example arrays longer than max-examples travel beside results.json in one binary file: little-endian float64,
 * the arrays one after another, named and checksummed (sha256) in results.json's `sidecar`, each array located by
 * `examples.scoresAt` / `columnsAt` ({offset, count} in float64 values). In memory, between computing and writing or
 * after reading, the arrays are attached to their `examples` object (it survives the shallow copies results go through).
 */
export type ExampleArrays = { scores?: Float64Array; columns?: Record<string, Float64Array> }
type Examples = NonNullable<MetricResult['examples']>

const attached = new WeakMap<Examples, ExampleArrays>()

/** The sidecar's name beside a results file: results.json → results.scores.bin. */
export function sidecarName(resultsName: string): string {
  return `${basename(resultsName).replace(/\.json$/, '')}.scores.bin`
}

/** Examples whose arrays stay in memory until the results are written (then they go to the sidecar). */
export function examplesWithArrays(ids: string[] | undefined, arrays: ExampleArrays): Examples {
  const examples: Examples = ids ? { ids } : {}
  attached.set(examples, arrays)
  return examples
}

export function attachedArrays(examples: Examples): ExampleArrays | undefined {
  return attached.get(examples)
}

/** What to write for a results file: its JSON-ready object, and the sidecar's bytes when any array goes there. */
export function splitSidecar(results: Results, name: string): { results: Results; sidecar: Uint8Array | null } {
  const arrays: Float64Array[] = []
  let offset = 0
  const place = (values: Float64Array) => {
    arrays.push(values)
    const at = { offset, count: values.length }
    offset += values.length
    return at
  }
  const metrics = results.metrics.map((m) => {
    const held = m.examples && attached.get(m.examples)
    if (!m.examples || !held) return m
    const examples: Examples = { ...m.examples }
    if (held.scores) examples.scoresAt = place(held.scores)
    // Columns in key order, so the same results give the same bytes however they were put together (determinism).
    if (held.columns)
      examples.columnsAt = Object.fromEntries(
        Object.keys(held.columns)
          .sort()
          .map((k) => [k, place(held.columns![k])])
      )
    return { ...m, examples }
  })
  if (arrays.length === 0) {
    const { sidecar: _, ...rest } = results
    return { results: rest, sidecar: null }
  }
  const bytes = new Uint8Array(offset * 8)
  const all = new Float64Array(bytes.buffer)
  let at = 0
  for (const values of arrays) {
    all.set(values, at)
    at += values.length
  }
  if (!LITTLE_ENDIAN) littleEndianInPlace(bytes)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return { results: { ...results, metrics, sidecar: { file: sidecarName(name), bytes: bytes.length, sha256 } }, sidecar: bytes }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

function littleEndianInPlace(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse()
}

/** Thrown for a sidecar that is missing, of another size or checksum, or does not hold what results.json locates in it. */
export class SidecarError extends Error {
  override name = 'SidecarError'
}

/**
 * Checks a sidecar's bytes against results.json (size, sha256, every array inside it) and attaches the arrays to their
 * metrics; `display` names the sidecar in messages.
 */
export function attachSidecar(results: Results, bytes: Uint8Array, display: string): Results {
  const ref = results.sidecar
  if (!ref) return results
  if (bytes.length !== ref.bytes)
    throw new SidecarError(`${display}: ${bytes.length} bytes, but results.json says ${ref.bytes}: the files do not belong together`)
  const sha = createHash('sha256').update(bytes).digest('hex')
  if (sha !== ref.sha256) throw new SidecarError(`${display}: sha256 ${sha} differs from results.json's ${ref.sha256}: the file is damaged or from another run`)
  // Aligned, little-endian float64 values (a copy only when the read buffer is unaligned or the host big-endian).
  let data: Float64Array
  if (bytes.byteOffset % 8 === 0 && LITTLE_ENDIAN) data = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8)
  else {
    const copy = bytes.slice()
    if (!LITTLE_ENDIAN) littleEndianInPlace(copy)
    data = new Float64Array(copy.buffer)
  }
  const view = (where: { offset: number; count: number }, what: string) => {
    if (where.offset + where.count > data.length)
      throw new SidecarError(`${display}: ${what} lies at values ${where.offset}–${where.offset + where.count} but the file holds ${data.length}`)
    return data.subarray(where.offset, where.offset + where.count)
  }
  const metrics = results.metrics.map((m) => {
    const ex = m.examples
    if (!ex || (!ex.scoresAt && !ex.columnsAt)) return m
    const arrays: ExampleArrays = {}
    if (ex.scoresAt) arrays.scores = view(ex.scoresAt, `metric "${m.id}" scores`)
    if (ex.columnsAt) arrays.columns = Object.fromEntries(Object.entries(ex.columnsAt).map(([k, at]) => [k, view(at, `metric "${m.id}" column "${k}"`)]))
    const examples = { ...ex }
    attached.set(examples, arrays)
    return { ...m, examples }
  })
  return { ...results, metrics }
}

/** Reads and attaches the sidecar a results file names, from the folder the results file is in. */
export function readSidecarBeside(results: Results, resultsPath: string, display: string): Results {
  if (!results.sidecar) return results
  const where = join(dirname(display), results.sidecar.file)
  try {
    const bytes = readRegularFile(join(dirname(resultsPath), results.sidecar.file), where, MAX_SIDECAR_BYTES)
    return attachSidecar(results, bytes, where)
  } catch (error) {
    if (error instanceof InputError) throw new SidecarError(`${error.message} (the per-example scores ${display} refers to; keep it beside results.json)`)
    throw error
  }
}
