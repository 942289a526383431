// Bundles the action entry and the CLI into dist/ as ESM, the way actions/typescript-action does.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

export default {
  input: { index: 'src/index.ts', cli: 'src/cli.ts', worker: 'src/worker.ts' },
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
