import { defineConfig } from 'vitest/config'

// The unit tests Stryker runs against each mutant: in-process and independent of the terminal. Tests that spawn the CLI
// or the bundle cannot report per-test coverage of the mutated files, so they would only slow the dry run; the shard
// tests run the whole CLI, whose progress output differs under Stryker's runner.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    css: { include: [/uPlot\.min\.css/] },
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/e2e/**',
      'test/cli/**',
      'test/release/**',
      'test/github/**',
      'test/engine/shards.test.ts',
      'test/history/folder-store.test.ts',
      'test/hostile/{cli,config,output,paths}.test.ts',
      // drives Chromium: seconds per test, and what it checks is the page, not the numbers
      'test/report/dashboard.test.ts',
      // compute in describe bodies (Stryker counts that as static coverage, which makes every mutant it reaches run
      // every test): the false-alarm simulation and the adapters' library files, neither about the gate's arithmetic
      'test/stats/simulation.test.ts',
      'test/adapters/**'
    ]
  }
})
