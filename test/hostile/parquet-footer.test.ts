import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parquetMetadata } from 'hyparquet'
import { ByteWriter } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { readParquetColumn } from '../../src/inputs/parquet.js'
import { ROOT } from '../helpers/run-action.js'

/** eval.parquet (120 rows in groups of 50, see make_parquet.mjs) with its footer rewritten (hyparquet-writer's own thrift writer) after `edit`. */
async function lyingFooter(edit: (m: ReturnType<typeof parquetMetadata>) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/parquet/eval.parquet')))
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const metadata = parquetMetadata(buffer)
  const { writeMetadata } = await import(pathToFileURL(join(ROOT, 'node_modules/hyparquet-writer/src/metadata.js')).href)
  edit(metadata)
  const writer = new ByteWriter()
  writeMetadata(writer, metadata)
  writer.appendUint32(0x31524150) // "PAR1"
  const footer = new Uint8Array(writer.getBuffer())
  const body = bytes.subarray(0, bytes.length - 8 - metadata.metadata_length)
  const out = new Uint8Array(body.length + footer.length)
  out.set(body)
  out.set(footer, body.length)
  return out
}

describe('a Parquet footer that lies about its rows', () => {
  it('2^50 rows is refused by name before decoding, not "Invalid array length"', async () => {
    const file = await lyingFooter((m) => {
      m.row_groups[0].num_rows = 2n ** 50n
      m.num_rows = m.row_groups.reduce((sum, g) => sum + g.num_rows, 0n)
    })
    await expect(readParquetColumn(file, 'score', 'eval.parquet')).rejects.toThrow(
      `eval.parquet#score: the file's footer claims ${2n ** 50n + 70n} rows, over the 268435456 rows a column may have here; if the file is real, save the column as .npy`
    )
  })

  it('a total that disagrees with the row groups is a damaged file', async () => {
    const file = await lyingFooter((m) => (m.num_rows = 7n))
    await expect(readParquetColumn(file, 'score', 'eval.parquet')).rejects.toThrow(
      "eval.parquet#score: the file's footer says 7 rows but its row groups hold 120; the file is damaged, write it again"
    )
  })

  it('the rewritten footer itself is sound: the honest count still reads', async () => {
    const file = await lyingFooter(() => {})
    expect((await readParquetColumn(file, 'score', 'eval.parquet')).shape).toEqual([120])
  })
})
