import { type UnzipFileInfo, unzipSync } from 'fflate'
import { didYouMean } from '../util/suggest.js'
import { fail, listText } from './errors.js'
import type { NDArray } from './ndarray.js'
import { parseNpy } from './npy.js'

/** Largest uncompressed member we inflate unless told otherwise: 1 GiB. */
export const DEFAULT_MAX_BYTES = 2 ** 30

export interface NpzOptions {
  /** Refuse members whose declared uncompressed size is larger (guards against zip bombs). */
  maxBytes?: number
}

/** Array names in an .npz archive as np.load spells them ("x" for "x.npy"), in archive order. */
export function listNpzMembers(bytes: Uint8Array, source = 'npz archive'): string[] {
  return zipEntries(bytes, source).map((entry) => memberName(entry.name))
}

/**
 * Reads one array of an .npz archive (np.savez or np.savez_compressed), inflating only that member.
 * `member` is "x" or "x.npy"; without one, an archive holding a single array yields it.
 */
export function readNpzMember(bytes: Uint8Array, member: string | undefined, source: string, opts: NpzOptions = {}): NDArray {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const entries = zipEntries(bytes, source)
  const names = entries.map((entry) => memberName(entry.name))
  let entry: UnzipFileInfo | undefined
  if (!member) {
    if (entries.length !== 1) fail(source, `name an array, e.g. ${source}#${names[0] ?? 'x'} (members: ${listText(names)})`)
    entry = entries[0]
  } else {
    entry = entries.find((e) => e.name === member || e.name === `${member}.npy`)
    if (!entry) fail(source, `no member "${member}"${didYouMean(member, names)}; members: ${listText(names)}`)
  }
  const display = `${source}#${member || memberName(entry.name)}`
  if (entry.originalSize > maxBytes) {
    fail(display, `member is ${entry.originalSize} bytes uncompressed, over the size limit of ${maxBytes} bytes`)
  }
  const wanted = entry.name
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === wanted })
  } catch (e) {
    return fail(display, `can't decompress the member (${(e as Error).message})`)
  }
  return parseNpy(files[wanted], display)
}

/** The central directory, read without inflating anything. */
function zipEntries(bytes: Uint8Array, source: string): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = []
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (!file.name.endsWith('/')) entries.push(file)
        return false
      }
    })
  } catch (e) {
    fail(source, `not a valid .npz (zip) archive (${(e as Error).message})`)
  }
  return entries
}

function memberName(name: string): string {
  return name.endsWith('.npy') ? name.slice(0, -4) : name
}
