// Bundles the action entry and the CLI into dist/ as ESM, the way actions/typescript-action does.
import { readFileSync } from 'node:fs'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

/** `import text from 'x?raw'` inlines the file as a string (the dashboard's uPlot, CSS and page script), as vite does in tests. */
const raw = {
  name: 'raw',
  async resolveId(source, importer) {
    if (!source.endsWith('?raw')) return null
    const resolved = await this.resolve(source.slice(0, -4), importer, { skipSelf: true })
    return resolved ? `\0raw:${resolved.id}` : null
  },
  load(id) {
    return id.startsWith('\0raw:') ? `export default ${JSON.stringify(readFileSync(id.slice(5), 'utf8'))}` : null
  }
}

export default {
  input: { index: 'src/index.ts', cli: 'src/cli.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    // One chunk shared by the action and the CLI; a fixed name keeps diffs of dist/ readable.
    chunkFileNames: 'chunks/shared.js',
    banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
  },
  plugins: [
    raw,
    typescript({ tsconfig: './tsconfig.build.json' }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default'] }),
    commonjs(),
    json()
  ],
  onwarn(warning, warn) {
    // Dependencies (@actions/*, octokit, zod) use top-level `this`, circular imports and misplaced pure annotations: harmless.
    if (['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION'].includes(warning.code)) return
    warn(warning)
  }
}
