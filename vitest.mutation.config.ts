import { defineConfig } from 'vitest/config'

// The unit tests Stryker runs against each mutant: in-process only. Tests that spawn the CLI or the bundle cannot see
// Stryker's instrumented sandbox files through per-test coverage, so they only slow the dry run.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    css: { include: [/uPlot\.min\.css/] },
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/cli/**', 'test/release/**', 'test/github/**', 'test/hostile/cli.test.ts']
  }
})
