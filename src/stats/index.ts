// Pure statistics for interp-gate: seeded RNG, bootstrap CIs, paired and unpaired comparisons, Holm, IQR fence.
export type {
  Aggregate,
  CompareOptions,
  Interval,
  Sample
} from './stat-types.js'
export { createRng, type Rng, seedFor } from './rng.js'
export { finiteValues, quantileSorted } from './quantile.js'
export { bootstrapCI, bootstrapColumnsCI, bootstrapMeanCI, percentileInterval, sampleCI } from './bootstrap.js'
export { signFlipTest, swapTest, pooledMeanTest } from './permutation.js'
export { binomialHalfCdf, mcnemarExact } from './mcnemar.js'
export { holm } from './multiple.js'
export { iqrFence, IQR_MIN_HISTORY } from './iqr.js'
export { firstDuplicate, pairSamples, sameIds } from './pairing.js'
export { comparePaired } from './paired.js'
export { compareUnpaired } from './unpaired.js'
export { compareSamples } from './compare.js'
export { meanCI, normalMeanCI, overResampleBudget, RESAMPLE_BUDGET, signFlipNormal } from './large-sample.js'
export { compareSummaries } from './summary.js'
export { gatePower, pairedDifferences, sampleSd, TARGET_POWER } from './power.js'
