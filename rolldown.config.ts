// Bundles the action entry and the CLI into dist/ as ESM; the e2e tests build the same bundle into build/ (bundleConfig).
import { readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { defineConfig, type InputOptions, type OutputOptions, type Plugin } from 'rolldown'

/** `import text from 'x?raw'` inlines the file as a string (the dashboard's uPlot, CSS and page script), as vite does in tests. */
const raw: Plugin = {
  name: 'raw',
  async resolveId(source, importer) {
    if (!source.endsWith('?raw')) return null
    const resolved = await this.resolve(source.slice(0, -4), importer, { skipSelf: true })
    // A path relative to the project: the id lands in a comment of dist/, which must not depend on the clone's folder.
    return resolved ? `\0raw:${relative(process.cwd(), resolved.id)}` : null
  },
  load(id) {
    // moduleType: the id may end in .css, which rolldown would otherwise load as a stylesheet.
    return id.startsWith('\0raw:') ? { code: `export default ${JSON.stringify(readFileSync(resolve(id.slice(5)), 'utf8'))}`, moduleType: 'js' } : null
  }
}

export function bundleConfig(dir: string): InputOptions & { output: OutputOptions } {
  return {
    input: { index: 'src/index.ts', cli: 'src/cli.ts', worker: 'src/worker.ts' },
    platform: 'node',
    tsconfig: 'tsconfig.build.json',
    logLevel: 'warn',
    plugins: [raw],
    output: {
      dir,
      format: 'es',
      entryFileNames: '[name].js',
      // What both entries use goes to one chunk with a fixed name, which keeps diffs of dist/ readable.
      chunkFileNames: 'chunks/[name].js',
      codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] },
      banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
    }
  }
}

export default defineConfig(bundleConfig('dist'))
