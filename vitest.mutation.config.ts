import { defineConfig } from 'vitest/config'

// The tests Stryker runs against each mutant: the fast, in-process unit tests of the mutated layers and of the layers
// that decide with them (config, report). The pipeline, CLI, action and e2e tests are left out: they take seconds each,
// and most spawn processes whose coverage Stryker cannot see. Scores are therefore a lower bound on the whole suite's.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    include: [
      'test/compare/**/*.test.ts',
      'test/stats/**/*.test.ts',
      'test/domain/**/*.test.ts',
      'test/history/change-points*.test.ts',
      'test/config/**/*.test.ts',
      'test/report/{report,budget,footer,trend}.test.ts',
      'test/schema.test.ts'
    ],
    // The false-alarm simulations (stats, and slices' 10 groups × 200 seeds) take seconds to minutes each and pass their
    // 30 s limit under Stryker's instrumentation; they check calibration, which the exact tests pin more directly.
    exclude: ['test/stats/simulation.test.ts', 'test/compare/slices-simulation.test.ts']
  }
})
