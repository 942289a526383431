import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createInputReader, InputError } from '../../src/inputs/index.js'
import { MAX_TEXT_BYTES } from '../../src/domain/limits.js'
import { openRegularFile, readRegularFile } from '../../src/inputs/files.js'
import { cli, emptyWorkspace, expectOneCleanMessage, quickstart } from './helpers.js'

const fifo = (path: string) => execFileSync('mkfifo', [path])

// Each test would hang forever on a FIFO if the file type were not checked before reading: the timeout is the assertion.
describe('FIFOs and devices are refused before a byte is read', { timeout: 10_000 }, () => {
  it('as an input array', () => {
    const ws = emptyWorkspace()
    fifo(join(ws, 'scores.json'))
    const read = () => createInputReader({ workspace: ws }).read('scores.json')
    expect(read).toThrow(InputError)
    expect(read).toThrow('scores.json: is a FIFO (named pipe), not a regular file; write the data to a file and point at that')
  })

  it('as the config, the --baseline and a --history file', async () => {
    const ws = quickstart()
    fifo(join(ws, 'pipe.yml'))
    const config = await cli(['validate', '--config', 'pipe.yml'], ws)
    expect(config).toMatchObject({
      code: 2,
      err: 'interp-gate: pipe.yml: is a FIFO (named pipe), not a regular file; write the data to a file and point at that\n'
    })
    fifo(join(ws, 'base.json'))
    const baseline = await cli(['run', '--baseline', 'base.json', '--out', 'o'], ws)
    expect(baseline.code).toBe(2)
    expect(baseline.err).toBe('interp-gate: base.json: is a FIFO (named pipe), not a regular file; write the data to a file and point at that\n')
    mkdirSync(join(ws, 'hist'))
    fifo(join(ws, 'hist', 'run1.json'))
    const history = await cli(['run', '--history', 'hist', '--out', 'o'], ws)
    expect(history.code).toBe(2)
    expect(history.err).toMatch(/^interp-gate: hist\/run1\.json: is a FIFO \(named pipe\), not a regular file/)
  })

  it('a character device: /dev/zero never ends, /dev/null says size 0', async () => {
    expect(() => readRegularFile('/dev/zero', '/dev/zero', 100)).toThrow('/dev/zero: is a character device, not a regular file')
    expect(() => openRegularFile('/dev/null', 'dev-null')).toThrow('dev-null: is a character device')
    const ws = quickstart()
    const { code, err } = await cli(['compare', '/dev/zero', 'baseline/results.json'], ws)
    expect(code).toBe(2)
    expect(err).toBe('interp-gate: /dev/zero: is a character device, not a regular file; write the data to a file and point at that\n')
  })
})

describe('symlinks and sizes', () => {
  it('an input symlinked out of the workspace is refused', () => {
    const ws = emptyWorkspace()
    symlinkSync('/etc/hostname', join(ws, 'x.json'))
    expect(() => createInputReader({ workspace: ws }).read('x.json')).toThrow(/x\.json: path leaves the workspace \(a symlink resolves to/)
  })

  it('a text input too big for one string names the file and what to do, without reading it', () => {
    const ws = emptyWorkspace()
    // A sparse file: 600 MiB on paper, no blocks on disk; refused from fstat alone.
    const fd = openSync(join(ws, 'huge.jsonl'), 'w')
    ftruncateSync(fd, 600 * 2 ** 20)
    closeSync(fd)
    const start = process.memoryUsage().rss
    expect(() => createInputReader({ workspace: ws }).read('huge.jsonl#score')).toThrow(
      `huge.jsonl: file is ${600 * 2 ** 20} bytes, over the size limit of ${MAX_TEXT_BYTES} bytes (text files are read as one string, which JavaScript caps near 512 MiB; write large arrays as .npy or .npz instead)`
    )
    expect(process.memoryUsage().rss - start).toBeLessThan(64 * 2 ** 20)
  })

  it('a missing --baseline says where a baseline comes from', async () => {
    const ws = quickstart()
    const { code, err } = await cli(['run', '--baseline', 'nope/results.json', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(
      /^interp-gate: --baseline nope\/results\.json: file not found \(resolved to .*\)\. A baseline is the results\.json of a run on the base branch: run `interp-gate run --out DIR` on it/
    )
    expectOneCleanMessage(err)
  })

  it('a config is at most 1 MiB', async () => {
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 'big.yml'), `version: 1\n# ${'x'.repeat(2 ** 20)}\n`)
    const { code, err } = await cli(['validate', '--config', 'big.yml'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(/^interp-gate: big\.yml: file is \d+ bytes, over the size limit of 1048576 bytes\n$/)
  })
})

describe('the input size limit can be changed', () => {
  it('--max-input-bytes and INTERP_GATE_MAX_INPUT_BYTES; a bad value is a usage error', async () => {
    const ws = quickstart()
    const low = await cli(['run', '--out', 'o', '--max-input-bytes', '100'], ws)
    expect(low.code).toBe(2)
    // .npy/.npz are streamed without a size limit; the limit is on files read whole (here the CSV and JSON inputs).
    expect(low.err).toMatch(/eval-out\/(quantus_scores\.csv|run\.json): file is \d+ bytes, over the size limit of 100 bytes/)
    expect(low.err).not.toMatch(/\.npy:/)
    const env = await cli(['run', '--out', 'o'], ws, { INTERP_GATE_MAX_INPUT_BYTES: '100' })
    expect(env.err).toMatch(/over the size limit of 100 bytes/)
    expect((await cli(['run', '--out', 'o', '--max-input-bytes', '4294967296'], ws)).code).toBe(0)
    const bad = await cli(['run', '--out', 'o', '--max-input-bytes', '1GiB'], ws)
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--max-input-bytes / INTERP_GATE_MAX_INPUT_BYTES must be a whole number of bytes (e.g. 4294967296 for 4 GiB), got "1GiB"')
  })
})

describe('a plugin module that is a FIFO', { timeout: 10_000 }, () => {
  it('is refused instead of hanging import()', async () => {
    const ws = emptyWorkspace()
    fifo(join(ws, 'm.mjs'))
    writeFileSync(join(ws, 'c.yml'), 'version: 1\nmetrics:\n  - id: p\n    metric: plugin\n    module: m.mjs\n')
    const { code, err } = await cli(['validate', '--config', 'c.yml'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(/^interp-gate: c\.yml:5:13 metrics\[0\]\.module: .*m\.mjs: the plugin module is not a regular file\n$/)
  })
})
