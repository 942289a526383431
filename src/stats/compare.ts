import { comparePairing } from './paired.js'
import { pairSamples } from './pairing.js'
import type { CompareOptions, Sample, SampleComparison } from './stat-types.js'
import { compareUnpaired } from './unpaired.js'

/** Paired comparison when the runs can be paired, otherwise the unpaired one, whose `reason` says why. */
export function compareSamples(base: Sample, head: Sample, opts: CompareOptions): SampleComparison {
  const pairing = pairSamples(base, head, opts)
  if (pairing.ok) return comparePairing(base, head, pairing, opts)
  return compareUnpaired(base, head, opts, pairing.reason)
}
