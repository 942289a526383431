// Mutation testing of the gate's pure core. `npm run mutate` (scripts/mutate.mjs) runs one scope at a time:
// MUTATE_SCOPE=compare|stats|domain|change-points picks the files, the incremental file and the report of that scope.
const SCOPES = {
  compare: ['src/compare/**/*.ts'],
  stats: ['src/stats/**/*.ts', '!src/stats/index.ts', '!src/stats/stat-types.ts'],
  domain: ['src/domain/**/*.ts'],
  'change-points': ['src/history/change-points.ts']
}
const scope = process.env.MUTATE_SCOPE ?? 'all'
if (scope !== 'all' && !SCOPES[scope]) throw new Error(`MUTATE_SCOPE=${scope}: expected one of ${Object.keys(SCOPES).join(', ')}`)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // The vitest runner measures coverage per test: a mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  mutate: scope === 'all' ? Object.values(SCOPES).flat() : SCOPES[scope],
  ignorePatterns: ['dist', 'build', 'bench/out', 'examples/*/out', 'coverage', 'reports', '.stryker-cache'],
  concurrency: 2,
  // Messages are pinned by tests where they matter; mutating every string literal would double the run on 2 cores.
  mutator: { excludedMutations: ['StringLiteral'] },
  // Kept out of git (results depend on the tests of the moment); CI restores it from its cache.
  incremental: true,
  incrementalFile: `.stryker-cache/${scope}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  timeoutMS: 10_000
}
