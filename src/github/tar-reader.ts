import { gunzipSync } from 'node:zlib'

/** GitHub's branch tarballs: gzip'd ustar with a pax global header; files sit under one "<owner>-<repo>-<sha>/" folder. */
class TarError extends Error {
  override name = 'TarError'
}

const text = (b: Uint8Array, from: number, length: number) => {
  const slice = b.subarray(from, from + length)
  const end = slice.indexOf(0)
  return Buffer.from(end < 0 ? slice : slice.subarray(0, end)).toString('utf8')
}

function paxPath(body: Uint8Array): string | undefined {
  // Records: "<length> <key>=<value>\n"
  const records = Buffer.from(body).toString('utf8')
  for (const line of records.split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(line)
    if (m) return m[1]
  }
  return undefined
}

/** Regular files of a .tar.gz, path → bytes, with the first path component removed; `maxBytes` caps the unzipped size. */
export function readTarball(gz: Uint8Array, maxBytes: number): Map<string, Uint8Array> {
  let tar: Uint8Array
  try {
    tar = gunzipSync(gz, { maxOutputLength: maxBytes })
  } catch (error) {
    throw new TarError(`the branch archive is not a gzip file or is larger than ${maxBytes} bytes (${(error as Error).message})`)
  }
  const files = new Map<string, Uint8Array>()
  let nextPath: string | undefined
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512)
    if (header.every((b) => b === 0)) break
    const size = parseInt(text(header, 124, 12).trim() || '0', 8)
    if (!Number.isFinite(size) || size < 0 || at + 512 + size > tar.length) throw new TarError('the branch archive is truncated or malformed')
    const type = String.fromCharCode(header[156] || 48)
    const body = tar.subarray(at + 512, at + 512 + size)
    const prefix = text(header, 345, 155)
    const name = nextPath ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100))
    if (type === 'x') nextPath = paxPath(body)
    else if (type === 'L') nextPath = text(body, 0, body.length)
    else {
      nextPath = undefined
      if (type === '0') files.set(name.split('/').slice(1).join('/'), body)
    }
    at += 512 + Math.ceil(size / 512) * 512
  }
  return files
}
