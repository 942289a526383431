import { describe, expect, test } from 'vitest'
import { provenanceBlock } from '../../src/report/provenance.js'

describe('provenanceBlock', () => {
  test('one row per file: library, file, metric count and every other field as a code span', () => {
    const block = provenanceBlock([
      { adapter: 'saebench', library: 'SAEBench', file: 'r/core/a.json', metrics: '9', sae_bench_commit_hash: 'a1b2c3d', sae_lens_version: '5.4.2' }
    ])
    const lines = block.split('\n')
    expect(lines[0]).toBe('<details><summary>Sources: 1 result file read by adapters</summary>')
    expect(lines[2]).toMatch(/^\| Library +\| File +\| Metrics +\| Details +\|$/)
    expect(lines[4]).toMatch(/^\| SAEBench \| `r\/core\/a\.json` \| 9 +\| `sae_bench_commit_hash: a1b2c3d`, `sae_lens_version: 5\.4\.2` \|$/)
    expect(lines.at(-1)).toBe('</details>')
  })

  test('many files: the first 30 are listed and the rest counted', () => {
    const block = provenanceBlock(Array.from({ length: 32 }, (_, i) => ({ library: 'OpenXAI', file: `m/${i}.npy`, metrics: '1' })))
    expect(block).toContain('Sources: 32 result files read by adapters')
    expect(block).toContain('`m/29.npy`')
    expect(block).not.toContain('`m/30.npy`')
    expect(block).toContain('_2 more file(s): see `provenance` in results.json._')
  })

  test('text from the files is escaped: no markdown or HTML injection through a field', () => {
    const block = provenanceBlock([{ library: '<img src=x>', file: 'a`b|c.json', metrics: '1', note: '</details>' }])
    expect(block).not.toMatch(/(^|[^\\])<img/)
    expect(block).toContain('| \\<img src=x\\> |')
    expect(block).toContain("`a'b\\|c.json`")
    // Inside a code span HTML is inert text: the only closing tag outside one is the block's own.
    expect(block.replace(/`[^`]*`/g, '').match(/<\/details>/g)?.length).toBe(1)
  })
})
