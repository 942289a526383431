import { describe, expect, it } from 'vitest'
import { entryFromResults } from '../../src/history/entry.js'
import { appendHistoryEntry, BranchStore, readHistoryBranch } from '../../src/github/history-branch.js'
import { readTarball } from '../../src/github/tar-reader.js'
import { FakeGitHub, tarball } from '../helpers/fake-github.js'
import { metric, results } from '../helpers/results.js'

const repo = { owner: 'o', repo: 'r', fullName: 'o/r' }
const target = { repo, branch: 'interp-gate-data' }
const sha = (k: number) => k.toString(16).padStart(2, '0').repeat(20)
const entry = (k: number, suite = 's') =>
  entryFromResults({ ...results([metric('m', { value: k })], sha(k)), suite, createdAt: new Date(Date.UTC(2026, 0, 1, k)).toISOString() }, { runId: 100 + k })
const fast = { backoffMs: 1, maxAttempts: 30 }

function history(fake: FakeGitHub): string[] {
  const chain: string[] = []
  for (let c = fake.git.refs.get('refs/heads/interp-gate-data'); c; c = fake.git.commits.get(c)!.parents[0]) {
    expect(fake.git.commits.get(c)!.parents.length).toBeLessThanOrEqual(1)
    chain.push(fake.git.commits.get(c)!.message)
  }
  return chain.reverse()
}

describe('history branch (Git Data API)', () => {
  it('creates the branch with a root commit holding one file per commit and suite', async () => {
    const fake = new FakeGitHub()
    const appended = await appendHistoryEntry(fake.api(), target, { entry: entry(1), keep: 1000, ...fast })
    expect(appended).toMatchObject({ attempts: 1, pruned: 0 })
    expect(Object.keys(fake.branchFiles('interp-gate-data'))).toEqual([`entries/s/${sha(1)}.json`])
    expect(history(fake)).toEqual([`interp-gate: s @ ${sha(1).slice(0, 12)}`])
    const read = await readHistoryBranch(fake.api(), target)
    expect(read.entries.map((e) => e.entry)).toEqual([entry(1)])
  })

  it('8 writers at once, with injected non-fast-forward answers, lose no entry and keep a linear history', async () => {
    const fake = new FakeGitHub()
    await appendHistoryEntry(fake.api(), target, { entry: entry(1), keep: 1000, ...fast })
    fake.nonFastForward = 6
    const logs: string[] = []
    const done = await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        appendHistoryEntry(fake.api(), target, { entry: entry(w + 2, w % 2 ? 'a' : 'b'), keep: 1000, ...fast, log: (m) => logs.push(m) })
      )
    )
    expect(fake.nonFastForward).toBe(0)
    expect(done.some((d) => d.attempts > 1)).toBe(true)
    expect(logs.length).toBeGreaterThanOrEqual(6)
    expect(history(fake)).toHaveLength(9)
    const files = Object.keys(fake.branchFiles('interp-gate-data')).sort()
    expect(files).toEqual([`entries/s/${sha(1)}.json`, ...[2, 3, 4, 5, 6, 7, 8, 9].map((k) => `entries/${(k - 2) % 2 ? 'a' : 'b'}/${sha(k)}.json`)].sort())
    const store = new BranchStore(fake.api(), target, { keep: 1000 })
    expect((await store.list('a')).map((e) => e.commit)).toEqual([3, 5, 7, 9].map(sha))
  })

  it('prunes the oldest entries of the suite beyond history-keep in the same commit, never another suite', async () => {
    const fake = new FakeGitHub()
    await appendHistoryEntry(fake.api(), target, { entry: entry(1, 'other'), keep: 3, ...fast })
    for (const k of [5, 2, 4, 3, 6]) await appendHistoryEntry(fake.api(), target, { entry: entry(k), keep: 3, ...fast })
    expect(Object.keys(fake.branchFiles('interp-gate-data')).sort()).toEqual(
      [`entries/other/${sha(1)}.json`, ...[4, 5, 6].map((k) => `entries/s/${sha(k)}.json`)].sort()
    )
    expect(history(fake).at(-1)).toBe(`interp-gate: s @ ${sha(6).slice(0, 12)} (pruned 1)`)
    expect(history(fake)).toHaveLength(6)
  })

  it('writes extra files (the dashboard) from the entries the commit holds', async () => {
    const fake = new FakeGitHub()
    await appendHistoryEntry(fake.api(), target, { entry: entry(1), keep: 10, ...fast })
    await appendHistoryEntry(fake.api(), target, {
      entry: entry(2),
      keep: 10,
      ...fast,
      extraFiles: (entries) => ({ 'index.html': entries.map((e) => e.commit).join(',') })
    })
    expect(fake.branchFiles('interp-gate-data')['index.html']).toBe(`${sha(1)},${sha(2)}`)
  })

  it('gives up after the bounded number of attempts, saying what to do', async () => {
    const fake = new FakeGitHub()
    await appendHistoryEntry(fake.api(), target, { entry: entry(1), keep: 10, ...fast })
    fake.nonFastForward = 100
    await expect(appendHistoryEntry(fake.api(), target, { entry: entry(2), keep: 10, backoffMs: 1, maxAttempts: 3 })).rejects.toThrow(
      'could not add to the history branch "interp-gate-data": it kept moving (3 attempts); re-run the job'
    )
  })

  it('a read-only token gets a message naming contents: write', async () => {
    const fake = new FakeGitHub()
    fake.fail({ method: 'POST', path: /git\/blobs$/, status: 403, message: 'Resource not accessible by integration' })
    await expect(appendHistoryEntry(fake.api(), target, { entry: entry(1), keep: 10, ...fast })).rejects.toThrow(
      /403 Resource not accessible by integration — the token needs `contents: write`/
    )
  })

  it('an absent branch reads as no entries', async () => {
    expect(await readHistoryBranch(new FakeGitHub().api(), target)).toEqual({ tip: null, entries: [] })
  })
})

describe('readTarball', () => {
  it('strips the root folder, skips the pax header and joins ustar prefix + name for long paths', () => {
    const long = `entries/${'x'.repeat(90)}/${'y'.repeat(60)}.json`
    const files = readTarball(
      tarball('o-r-abc1234', 'a'.repeat(40), [
        ['a.txt', Buffer.from('hello')],
        [long, Buffer.from('{}')]
      ]),
      1 << 20
    )
    expect([...files.keys()]).toEqual(['a.txt', long])
    expect(Buffer.from(files.get('a.txt')!).toString()).toBe('hello')
  })

  it('refuses an archive that unpacks beyond the cap', () => {
    expect(() => readTarball(tarball('r', 'a'.repeat(40), [['big', Buffer.alloc(100_000)]]), 10_000)).toThrow(/larger than 10000 bytes/)
  })
})

describe('history branch over HTTP with octokit', () => {
  it('writes and reads back through the real client (ref paths, tarball bytes), with retries on 422', async () => {
    const fake = await new FakeGitHub().start()
    try {
      const { createApi } = await import('../../src/github/clients.js')
      // The action's client (retry, throttle with its waits scaled down), pointed at the fake.
      const api = createApi('t', { info: () => {}, warning: () => {} }, { unitMs: 5 }, fake.url)
      const slashed = { repo, branch: 'metrics/interp-gate' }
      // The first entry in-process (octokit's throttle spaces writes 1 s apart, as GitHub asks), the second over HTTP.
      await appendHistoryEntry(fake.api(), slashed, { entry: entry(1), keep: 10, ...fast })
      fake.nonFastForward = 1
      const appended = await appendHistoryEntry(api, slashed, { entry: entry(2), keep: 10, ...fast })
      expect(appended.attempts).toBe(2)
      expect((await readHistoryBranch(api, slashed)).entries.map((e) => e.entry.commit)).toEqual([sha(1), sha(2)])
      expect(fake.requests.some((r) => r.method === 'PATCH' && /\/git\/refs\/heads(%2F|\/)metrics(%2F|\/)interp-gate$/.test(r.path))).toBe(true)
    } finally {
      await fake.stop()
    }
  })
})
