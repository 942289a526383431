import { spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/run-action.js'
import { cli, emptyWorkspace, expectOneCleanMessage, quickstart } from './helpers.js'

describe('the output folder', () => {
  it('a symlink inside it is refused, and its target is left alone', async () => {
    const ws = quickstart()
    const elsewhere = emptyWorkspace()
    writeFileSync(join(elsewhere, 'precious'), 'keep me')
    mkdirSync(join(ws, 'o'))
    symlinkSync(join(elsewhere, 'precious'), join(ws, 'o', 'results.json'))
    const { code, err } = await cli(['run', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(/^interp-gate: .*o\/results\.json: is a symlink; outputs are written only as regular files/)
    expect(readFileSync(join(elsewhere, 'precious'), 'utf8')).toBe('keep me')
    expect(existsSync(join(ws, 'o', 'report.md'))).toBe(false)
  })

  it('--out itself, or a folder on the way to it, being a symlink is refused', async () => {
    const ws = quickstart()
    const elsewhere = emptyWorkspace()
    symlinkSync(elsewhere, join(ws, 'link'))
    for (const out of ['link', 'link/sub']) {
      const { code, err } = await cli(['run', '--out', out], ws)
      expect(code).toBe(2)
      expect(err).toMatch(/is a symlink; outputs are not written through symlinks, give a real folder with --out\n$/)
    }
    expect(readdirSync(elsewhere)).toEqual([])
  })

  it('--out naming a file is one clear message', async () => {
    const ws = quickstart()
    writeFileSync(join(ws, 'report.txt'), 'x')
    const { code, err } = await cli(['run', '--out', 'report.txt'], ws)
    expect({ code, err }).toEqual({ code: 2, err: 'interp-gate: report.txt: is a file, not a folder; give a folder with --out (it is created when missing)\n' })
    const cmp = await cli(['compare', 'baseline/results.json', 'baseline/results.json', '--out', 'report.txt/x'], ws)
    expect(cmp.code).toBe(2)
    expectOneCleanMessage(cmp.err)
  })

  it('a run without a baseline removes the previous comparison.json', async () => {
    const ws = quickstart()
    expect((await cli(['run', '--baseline', 'baseline/results.json', '--out', 'o'], ws)).code).toBe(1)
    expect(JSON.parse(readFileSync(join(ws, 'o/comparison.json'), 'utf8')).verdict).toBe('fail')
    expect((await cli(['run', '--out', 'o'], ws)).code).toBe(0)
    expect(existsSync(join(ws, 'o/comparison.json'))).toBe(false)
    expect(readdirSync(join(ws, 'o')).sort()).toEqual(['report.md', 'results.json'])
  })
})

/** output-folder.ts as plain JS for a child process (it imports only node: modules), so the test kills real code. */
function childModule(dir: string): string {
  const source = readFileSync(join(ROOT, 'src/results/output-folder.ts'), 'utf8')
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
  writeFileSync(join(dir, 'output-folder.mjs'), js)
  // Writes A then B (2 MiB each) over and over until killed.
  writeFileSync(
    join(dir, 'writer.mjs'),
    `import { writeOutputs } from './output-folder.mjs'
const [folder, tag] = process.argv.slice(2)
const texts = ['A', 'B'].map((c) => tag + c.repeat(2 * 2 ** 20))
for (let i = 0; ; i++) writeOutputs(folder, { 'results.json': texts[i % 2], 'report.md': texts[(i + 1) % 2] })
`
  )
  return join(dir, 'writer.mjs')
}

describe('kills and concurrent runs', { timeout: 30_000 }, () => {
  it('a writer killed mid-write leaves each output whole (old or new), never torn; two writers at once also', async () => {
    const dir = emptyWorkspace()
    const writer = childModule(dir)
    const folder = join(dir, 'out')
    mkdirSync(folder)
    for (let round = 0; round < 6; round++) {
      const children = [
        spawn(process.execPath, [writer, folder, 'x'], { stdio: 'inherit' }),
        ...(round % 2 ? [spawn(process.execPath, [writer, folder, 'y'], { stdio: 'inherit' })] : [])
      ]
      // Kill at a different moment each round, once the writers are surely writing.
      for (let waited = 0; !existsSync(join(folder, 'report.md')) && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20))
      await new Promise((r) => setTimeout(r, 13 + 29 * round))
      for (const child of children) child.kill('SIGKILL')
      await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))))
      for (const name of ['results.json', 'report.md']) {
        if (!existsSync(join(folder, name))) continue
        const text = readFileSync(join(folder, name), 'utf8')
        expect(text.length).toBe(1 + 2 * 2 ** 20)
        expect(text.slice(1) === 'A'.repeat(2 * 2 ** 20) || text.slice(1) === 'B'.repeat(2 * 2 ** 20)).toBe(true)
        expect(lstatSync(join(folder, name)).isFile()).toBe(true)
      }
    }
    expect(existsSync(join(folder, 'results.json'))).toBe(true)
  })
})
