// Pure statistics for interp-gate: seeded RNG, bootstrap CIs, paired and unpaired comparisons, Holm, IQR fence.
export type {
  Aggregate,
  Alternative,
  BootstrapOptions,
  CiMethod,
  CompareOptions,
  SampleComparison,
  ExampleChange,
  Interval,
  PairedComparison,
  Sample,
  TestName,
  UnpairedComparison
} from './stat-types.js'
export { createRng, type Rng, seedFor } from './rng.js'
export { finiteValues, quantileSorted } from './quantile.js'
export { bootstrapCI, bootstrapColumnsCI, bootstrapMeanCI, percentileInterval, sampleCI } from './bootstrap.js'
export { signFlipTest, swapTest, pooledMeanTest } from './permutation.js'
export { binomialHalfCdf, mcnemarExact } from './mcnemar.js'
export { holm } from './multiple.js'
export { iqrFence, IQR_MIN_HISTORY } from './iqr.js'
export { pairSamples } from './pairing.js'
export { comparePaired } from './paired.js'
export { compareUnpaired } from './unpaired.js'
export { compareSamples } from './compare.js'
export { normalCdf, normalQuantile } from './normal.js'
export { meanCI, normalMeanCI, overResampleBudget, RESAMPLE_BUDGET, signFlipNormal } from './large-sample.js'
export { compareSummaries, type Summary, type SummaryComparison } from './summary.js'
export { gatePower, type GatePower, pairedDifferences, sampleSd, TARGET_POWER } from './power.js'
