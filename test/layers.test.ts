import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// DESIGN.md: the layout is the architecture; each folder imports only the folders below it (top to bottom).
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
})
