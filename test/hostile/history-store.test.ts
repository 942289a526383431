import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entryFromResults, HistoryError } from '../../src/history/entry.js'
import { FolderStore, serializeEntry } from '../../src/history/folder-store.js'
import { parseResults } from '../../src/results/io.js'
import { cli, emptyWorkspace, expectOneCleanMessage, quickstart } from './helpers.js'

const SECRET = 'TOP-SECRET-TOKEN-4711'

function secretFile(): string {
  const dir = emptyWorkspace()
  writeFileSync(join(dir, 'secret.json'), `{"token": "${SECRET}"`)
  return join(dir, 'secret.json')
}

describe('the history store is its own trust boundary', { timeout: 20_000 }, () => {
  it('history add refuses a suite folder that is a symlink out of the store, and writes nothing there', async () => {
    const ws = quickstart()
    const outside = emptyWorkspace()
    mkdirSync(join(ws, 'store'))
    symlinkSync(outside, join(ws, 'store', 'explainers'))
    const { code, err } = await cli(['history', 'add', 'baseline/results.json', '--store', 'store'], ws)
    expect(code).toBe(2)
    expect(err).toBe(
      'interp-gate: store/explainers: is a symlink; a history store holds only real folders and files, never links out of it (replace it with a folder)\n'
    )
    expect(readdirSync(outside)).toEqual([])
  })

  it('history add refuses an entry name that is already a symlink, and leaves its target alone', async () => {
    const ws = quickstart()
    const results = parseResults(readFileSync(join(ws, 'baseline/results.json'), 'utf8'), 'r')
    const target = secretFile()
    mkdirSync(join(ws, 'store', results.suite), { recursive: true })
    const name = `${results.commit}.json`
    symlinkSync(target, join(ws, 'store', results.suite, name))
    const { code, err } = await cli(['history', 'add', 'baseline/results.json', '--store', 'store'], ws)
    expect(code).toBe(2)
    expect(err).toContain(`store/${results.suite}/${name}: is a symlink; history entries are written only as regular files`)
    expect(readFileSync(target, 'utf8')).toBe(`{"token": "${SECRET}"`)
  })

  it('an entry that is a symlink is refused by history show, dashboard and run --history, and its content never quoted', async () => {
    const ws = quickstart()
    mkdirSync(join(ws, 'store', 'explainers'), { recursive: true })
    symlinkSync(secretFile(), join(ws, 'store', 'explainers', 'abc.json'))
    for (const argv of [
      ['history', 'show', '--store', 'store'],
      ['dashboard', '--store', 'store', '--out', 'site'],
      ['run', '--history', 'store', '--out', 'o']
    ]) {
      const { code, err } = await cli(argv, ws)
      expect(code).toBe(2)
      expect(err).toContain('store/explainers/abc.json: is a symlink; only regular files are read here')
      expect(err).not.toContain(SECRET)
      expectOneCleanMessage(err)
    }
  })

  it('a suite folder linked to a folder of entries elsewhere is refused on read too', async () => {
    const ws = quickstart()
    const outside = emptyWorkspace()
    const results = parseResults(readFileSync(join(ws, 'baseline/results.json'), 'utf8'), 'r')
    writeFileSync(join(outside, 'x.json'), serializeEntry(entryFromResults(results)))
    mkdirSync(join(ws, 'store'))
    symlinkSync(outside, join(ws, 'store', 'explainers'))
    const { code, err } = await cli(['history', 'show', '--store', 'store'], ws)
    expect({ code, err }).toEqual({
      code: 2,
      err: 'interp-gate: store/explainers: is a symlink; a history store holds only real folders and files, never links out of it (replace it with a folder)\n'
    })
  })

  it("a killed writer's 0-byte temp entry is removed by the next history add; a live writer's is kept", async () => {
    const ws = quickstart()
    mkdirSync(join(ws, 'store', 'explainers'), { recursive: true })
    // pid 2^22 + 1 is above Linux's largest possible pid: a writer that is gone.
    writeFileSync(join(ws, 'store', 'explainers', '.tmp-4194305-abc123'), '')
    writeFileSync(join(ws, 'store', 'explainers', `.tmp-${process.ppid}-def456`), '')
    expect((await cli(['history', 'add', 'baseline/results.json', '--store', 'store'], ws)).code).toBe(0)
    expect(readdirSync(join(ws, 'store', 'explainers')).filter((n) => n.startsWith('.'))).toEqual([`.tmp-${process.ppid}-def456`])
  })

  it('a broken entry in the store is named without quoting its text', async () => {
    const ws = quickstart()
    mkdirSync(join(ws, 'store', 'explainers'), { recursive: true })
    writeFileSync(join(ws, 'store', 'explainers', 'x.json'), `${SECRET} not json`)
    const { code, err } = await cli(['history', 'show', '--store', 'store'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(/^interp-gate: store\/explainers\/x\.json: not valid JSON \(/)
    expect(err).not.toContain(SECRET)
  })

  it('the dashboard site folder is checked as --out is: a symlinked site or index.html is refused', async () => {
    const ws = quickstart()
    const outside = emptyWorkspace()
    expect((await cli(['history', 'add', 'baseline/results.json', '--store', 'store'], ws)).code).toBe(0)
    symlinkSync(outside, join(ws, 'site'))
    const linked = await cli(['dashboard', '--store', 'store', '--out', 'site'], ws)
    expect(linked.code).toBe(2)
    expect(linked.err).toMatch(/site: the output folder is a symlink/)
    mkdirSync(join(ws, 'site2'))
    symlinkSync(join(outside, 'index.html'), join(ws, 'site2', 'index.html'))
    const inner = await cli(['dashboard', '--store', 'store', '--out', 'site2'], ws)
    expect(inner.code).toBe(2)
    expect(inner.err).toMatch(/site2\/index\.html: is a symlink/)
    expect(readdirSync(outside)).toEqual([])
  })
})

/** One node of a random store tree: what sits at a name. */
type Node =
  | { kind: 'entry' }
  | { kind: 'garbage' }
  | { kind: 'fifo' }
  | { kind: 'link-out' }
  | { kind: 'link-in' }
  | { kind: 'folder'; children: Record<string, Node> }

const leaf = fc.constantFrom<Node>({ kind: 'entry' }, { kind: 'garbage' }, { kind: 'fifo' }, { kind: 'link-out' }, { kind: 'link-in' })
const nameArb = fc.constantFrom('s', 't', 'a.json', 'b.json', 'c.json', 'notes.txt')
const tree = fc.dictionary(
  nameArb,
  fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.dictionary(nameArb, leaf, { maxKeys: 4 }).map((children): Node => ({ kind: 'folder', children })) }
  ),
  { maxKeys: 5 }
)

describe('a store of random trees (symlinks, FIFOs, files in place of folders)', { timeout: 60_000 }, () => {
  it('every list and add either works on real files inside the store or is one HistoryError; nothing outside is read or written', () => {
    const ws = quickstart()
    const entry = entryFromResults(parseResults(readFileSync(join(ws, 'baseline/results.json'), 'utf8'), 'r'))
    const outside = emptyWorkspace()
    writeFileSync(join(outside, 'secret.json'), serializeEntry({ ...entry, commit: SECRET }))
    let run = 0
    fc.assert(
      fc.property(tree, fc.constantFrom('s', 't', 'a.json'), (root, suite) => {
        const dir = join(ws, `store-${run++}`)
        const links: string[] = []
        const build = (folder: string, nodes: Record<string, Node>) => {
          mkdirSync(folder, { recursive: true })
          for (const [name, node] of Object.entries(nodes)) {
            const path = join(folder, name)
            if (node.kind === 'entry') writeFileSync(path, serializeEntry({ ...entry, suite: 's', commit: name }))
            else if (node.kind === 'garbage') writeFileSync(path, '{"oops": ')
            else if (node.kind === 'fifo') execFileSync('mkfifo', [path])
            else if (node.kind === 'link-out') symlinkSync(outside, path)
            else if (node.kind === 'link-in') symlinkSync(dir, path)
            else build(path, node.children)
            if (node.kind.startsWith('link')) links.push(path)
          }
        }
        build(dir, root)
        const store = new FolderStore(dir, 'store')
        for (const attempt of [() => store.listSync(), () => store.addSync({ ...entry, suite })]) {
          try {
            const result = attempt()
            if (Array.isArray(result)) for (const e of result) expect(e.commit).not.toBe(SECRET)
          } catch (error) {
            expect(error).toBeInstanceOf(HistoryError)
            expect((error as Error).message).not.toContain(SECRET)
            expect((error as Error).message.split('\n')).toHaveLength(1)
          }
        }
        // Nothing was written through a link: the outside folder still holds only its secret, links are still links.
        expect(readdirSync(outside)).toEqual(['secret.json'])
        for (const link of links) expect(lstatSync(link).isSymbolicLink()).toBe(true)
        // And no temporary file is left in any suite folder.
        if (existsSync(join(dir, suite)) && lstatSync(join(dir, suite)).isDirectory())
          expect(readdirSync(join(dir, suite)).filter((n) => n.startsWith('.'))).toEqual([])
      }),
      { numRuns: 60, seed: 17 }
    )
  })
})
