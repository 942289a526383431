// Bundles the action entry and the CLI into dist/ as ESM; the e2e tests build the same bundle into build/ (bundleConfig).
import { defineConfig, type InputOptions, type OutputOptions } from 'rolldown'

export function bundleConfig(dir: string): InputOptions & { output: OutputOptions } {
  return {
    input: { index: 'src/index.ts', cli: 'src/cli.ts' },
    platform: 'node',
    tsconfig: 'tsconfig.build.json',
    logLevel: 'warn',
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
