import { type RandomAccess, bytesAccess } from './byte-source.js'
import { didYouMean } from '../util/suggest.js'
import { fail, listText } from './errors.js'
import type { NDArray } from '../domain/ndarray.js'
import { DEFAULT_MEMORY_BUDGET } from '../domain/limits.js'
import { readNpyArray } from './npy.js'
import { type MemberStream, type ZipEntry, memberSource, zipDirectory } from './zip.js'

export interface NpzOptions {
  /** Memory budget of the decoded array, checked against the member's header before allocating. */
  maxBytes?: number
}

/** Array names in an .npz archive as np.load spells them ("x" for "x.npy"), in archive order. */
export function listNpzMembers(bytes: Uint8Array | RandomAccess, source = 'npz archive'): string[] {
  return zipDirectory(accessOf(bytes), source).map((entry) => memberName(entry.name))
}

/**
 * Reads one array of an .npz archive (np.savez or np.savez_compressed), inflating only that member, as a stream.
 * `member` is "x" or "x.npy"; without one, an archive holding a single array yields it.
 */
export function readNpzMember(bytes: Uint8Array | RandomAccess, member: string | undefined, source: string, opts: NpzOptions = {}): NDArray {
  const { stream, display } = openNpzMember(accessOf(bytes), member, source)
  return readNpyArray(stream, display, opts.maxBytes ?? DEFAULT_MEMORY_BUDGET)
}

/** The member's .npy bytes as a checked forward stream (size and CRC-32 verified as it ends), and its display name. */
export function openNpzMember(access: RandomAccess, member: string | undefined, source: string): { stream: MemberStream; display: string } {
  const entries = zipDirectory(access, source)
  const names = entries.map((entry) => memberName(entry.name))
  let entry: ZipEntry | undefined
  if (!member) {
    if (entries.length !== 1) fail(source, `name an array, e.g. ${source}#${names[0] ?? 'x'} (members: ${listText(names)})`)
    entry = entries[0]
  } else {
    entry = entries.find((e) => e.name === member || e.name === `${member}.npy`)
    if (!entry) fail(source, `no member ${JSON.stringify(member)}${didYouMean(member, names)}; members: ${listText(names)}`)
  }
  const display = `${source}#${member || memberName(entry.name)}`
  return { stream: memberSource(access, entry, display), display }
}

function accessOf(bytes: Uint8Array | RandomAccess): RandomAccess {
  return bytes instanceof Uint8Array ? bytesAccess(bytes) : bytes
}

function memberName(name: string): string {
  return name.endsWith('.npy') ? name.slice(0, -4) : name
}
