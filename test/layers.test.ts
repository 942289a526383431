import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// README.md, "Layout": the layout is the architecture; each folder imports only the folders below it (top to bottom).
const LAYERS = [
  'action',
  'cli',
  'engine',
  'gitlab',
  'github',
  'history',
  'report',
  'compare',
  'results',
  'config',
  'metrics',
  'adapters',
  'inputs',
  'stats',
  'domain',
  'util'
]
const SRC = resolve(import.meta.dirname, '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  )
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0]

/** Relative imports and re-exports of one file, resolved to source files (`./x.js` is `./x.ts`). */
function importsOf(file: string): string[] {
  const specs = readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)
  return [...specs].map(([, spec]) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'))
}

/** Files that import themselves through a chain of imports (type-only imports too: they tie modules as much). */
function importCycles(): string[][] {
  const files = sourceFiles(SRC)
  const edges = new Map(files.map((f) => [f, importsOf(f).filter((g) => files.includes(g))]))
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (f: string) => {
    state.set(f, 'open')
    stack.push(f)
    for (const g of edges.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map((x) => relative(SRC, x)))
      else if (!state.has(g)) visit(g)
    }
    stack.pop()
    state.set(f, 'done')
  }
  for (const f of files) if (!state.has(f)) visit(f)
  return cycles
}

function upwardImports(): string[] {
  const found: string[] = []
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file)
    if (!LAYERS.includes(from)) continue
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
      const to = layerOf(resolve(dirname(file), spec))
      if (to !== from && LAYERS.includes(to) && LAYERS.indexOf(to) < LAYERS.indexOf(from)) found.push(`${relative(SRC, file)} imports ${to}/ (${spec})`)
    }
  }
  return found
}

describe('layers', () => {
  it('every source folder is a known layer (only the entries sit at the top: action, CLI, worker thread)', () => {
    const tops = readdirSync(SRC, { withFileTypes: true }).map((e) => e.name)
    expect(tops.filter((n) => !LAYERS.includes(n)).sort()).toEqual(['cli.ts', 'index.ts', 'worker.ts'])
  })

  it('no folder imports a folder above it', () => {
    expect(upwardImports()).toEqual([])
  })

  it('no file imports itself through other files (import cycles)', () => {
    expect(importCycles()).toEqual([])
  })
})
