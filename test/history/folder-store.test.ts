import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { entryFromResults, HistoryError, parseEntry } from '../../src/history/entry.js'
import { FolderStore, serializeEntry } from '../../src/history/folder-store.js'
import { attachTrends, historyValues, metricSeries } from '../../src/history/series.js'
import { serializeJson } from '../../src/results/io.js'
import type { Comparison } from '../../src/results/results-schema.js'
import { ROOT } from '../helpers/run-action.js'
import { metric, results } from '../helpers/results.js'

const sha = (k: number) => k.toString(16).padStart(40, '0')
const run = (k: number, value: number | null, createdAt = `2026-01-${String(1 + (k % 28)).padStart(2, '0')}T00:00:00.000Z`) => ({
  ...results([metric('m', { value }), metric('k', { value: 1 })], sha(k)),
  createdAt
})

function child(store: string, files: string[]): Promise<number | null> {
  const p = spawn(process.execPath, ['--import', join(ROOT, 'test/helpers/ts-loader.mjs'), join(ROOT, 'test/history/add-entry-child.ts'), store, ...files], {
    cwd: ROOT,
    stdio: 'inherit'
  })
  return new Promise((done) => p.on('close', done))
}

describe('FolderStore', () => {
  it('4 processes adding to one store at once lose nothing and leave no temp file', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'interp-gate-store-'))
    const store = join(tmp, 'store')
    // Four writers are as many as the CI runner's cores can interleave; each loads the TypeScript sources, which costs.
    const groups = Array.from({ length: 4 }, (_, w) =>
      Array.from({ length: 16 }, (_, i) => {
        const k = w * 16 + i + 1
        const file = join(tmp, `r${k}.json`)
        writeFileSync(file, serializeJson({ ...run(k, k), createdAt: new Date(Date.UTC(2026, 0, 1) + k * 60_000).toISOString() }))
        return file
      })
    )
    expect(await Promise.all(groups.map((files) => child(store, files)))).toEqual(Array(4).fill(0))
    expect(readdirSync(join(store, 's')).filter((n) => n.startsWith('.'))).toEqual([])
    const entries = new FolderStore(store).listSync('s')
    // Oldest first by date: the value k was written at minute k.
    expect(entries.map((e) => e.metrics.m.value)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1))
  }, 60_000)

  it('orders by date (not by file name or insertion) and lets --date override createdAt', () => {
    const store = new FolderStore(mkdtempSync(join(tmpdir(), 'interp-gate-store-')))
    store.addSync(entryFromResults(run(1, 3, '2026-03-01T00:00:00Z')))
    store.addSync(entryFromResults(run(2, 1, '2026-01-01T00:00:00Z')))
    store.addSync(entryFromResults(run(3, 2, '2026-05-01T00:00:00Z'), { date: '2026-02-01T00:00:00Z' }))
    expect(store.listSync().map((e) => [e.commit, e.date])).toEqual([
      [sha(2), '2026-01-01T00:00:00.000Z'],
      [sha(3), '2026-02-01T00:00:00.000Z'],
      [sha(1), '2026-03-01T00:00:00.000Z']
    ])
  })

  it('re-adding the same commit and suite replaces its one file', () => {
    const store = new FolderStore(mkdtempSync(join(tmpdir(), 'interp-gate-store-')))
    store.addSync(entryFromResults(run(1, 3)))
    store.addSync(entryFromResults(run(1, 4)))
    expect(store.listSync().map((e) => e.metrics.m.value)).toEqual([4])
  })

  it('reads plain results.json files (a folder of downloaded artifacts) as entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interp-gate-store-'))
    writeFileSync(join(dir, 'a.json'), serializeJson(run(1, 3, '2026-03-01T00:00:00Z')))
    writeFileSync(join(dir, 'b.json'), serializeJson(run(2, 1, '2026-01-01T00:00:00Z')))
    expect(historyValues(new FolderStore(dir).listSync(), 's')).toEqual({ m: [1, 3], k: [1, 1] })
  })

  it('names the bad file and what is wrong with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interp-gate-store-'))
    mkdirSync(join(dir, 's'))
    writeFileSync(join(dir, 's', 'x.json'), '{"schema": "interp-gate/history-entry@1", "suite": "s"}')
    expect(() => new FolderStore(dir, 'hist').listSync()).toThrow(
      new HistoryError('hist/s/x.json: not an interp-gate history entry (.commit: Invalid input: expected string, received undefined)')
    )
    expect(() => new FolderStore(join(dir, 'nope'), 'nope').listSync()).toThrow(/nope: no such history folder/)
  })
})

describe('entries and series', () => {
  it('an entry keeps value, CI, n, coverage and bounds, and round-trips through its file', () => {
    const r = results([metric('m', { value: 0.5, n: 10, ci: { level: 0.95, low: 0.4, high: 0.6 }, gate: { min: 0.3 } })], sha(9))
    const comparison = { rows: [{ id: 'm', counts: { worse: 2, better: 3, unchanged: 1, onlyBase: 2, onlyHead: 0 } }] } as unknown as Comparison
    const entry = entryFromResults(r, { parent: sha(8), runId: 77, comparison })
    expect(entry.metrics.m).toEqual({
      metric: 'mean',
      family: 'generic',
      direction: 'higher',
      value: 0.5,
      ci: [0.4, 0.6],
      level: 0.95,
      n: 10,
      nanCount: 0,
      coverage: 0.75,
      gate: { min: 0.3 }
    })
    expect(parseEntry(serializeEntry(entry), 'x')).toEqual(entry)
    expect(() => entryFromResults(r, { date: 'yesterday' })).toThrow(/"yesterday" is not an ISO 8601 date/)
  })

  it('historyValues leaves out other suites and the commit being checked', () => {
    const entries = [run(1, 1), run(2, 2), { ...run(3, 3), suite: 'other' }].map((r) => entryFromResults(r))
    expect(historyValues(entries, 's', sha(2))).toEqual({ m: [1], k: [1] })
  })

  it('metricSeries skips null values and prefixes ids with the suite only when suites mix', () => {
    const one = metricSeries([run(1, 1), run(2, null)].map((r) => entryFromResults(r)))
    expect(one.map((s) => [s.id, s.points.length])).toEqual([
      ['k', 2],
      ['m', 1]
    ])
    const mixed = metricSeries([run(1, 1), { ...run(2, 2), suite: 'b' }].map((r) => entryFromResults(r)))
    expect(mixed.map((s) => s.id)).toEqual(['b/k', 'b/m', 's/k', 's/m'])
  })

  it('attachTrends gives rows their last 20 history values', () => {
    const entries = Array.from({ length: 25 }, (_, k) => entryFromResults(run(k, k, new Date(Date.UTC(2026, 0, 1 + k)).toISOString())))
    const comparison = { head: { suite: 's' }, rows: [{ id: 'm' }, { id: 'gone' }] } as unknown as Comparison
    attachTrends(comparison, entries, null)
    expect(comparison.rows[0].trend).toEqual(Array.from({ length: 20 }, (_, i) => i + 5))
    expect(comparison.rows[1].trend).toBeUndefined()
  })
})
