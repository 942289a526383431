import { normalCdf, normalQuantile } from './normal.js'
import { pairSamples } from './pairing.js'
import type { Sample } from './stat-types.js'
import { meanVar } from './student-t.js'

/** The power a gate is held to: a regression of the allowed size is caught 80% of the time. */
export const TARGET_POWER = 0.8

export interface GatePower {
  /** Smallest true regression the one-sided test detects with 80% power at this n; null without examples. */
  mde: number | null
  n: number
  /** Examples the allowed regression needs for 80% power; null when the allowed regression is 0 (no n suffices). */
  nNeeded: number | null
  /** Power at exactly the allowed regression; null without examples. */
  power: number | null
}

/**
 * Power of a one-sided paired test at level α, by the normal approximation of the mean difference (one-sample z test
 * on the per-example differences; Chow, Shao & Wang, Sample Size Calculations in Clinical Research, 2nd ed. 2008, §3.1):
 * mde = (z₁₋α + z₀.₈)·sd/√n, nNeeded = ⌈((z₁₋α + z₀.₈)·sd/allowed)²⌉, power = Φ(allowed·√n/sd − z₁₋α).
 */
export function gatePower(options: { sd: number; n: number; allowed: number; alpha: number }): GatePower {
  const { sd, n, allowed, alpha } = options
  const zAlpha = normalQuantile(1 - alpha)
  const z = zAlpha + normalQuantile(TARGET_POWER)
  if (n === 0) return { mde: null, n, nNeeded: nNeededFor(z, sd, allowed), power: null }
  // No spread: any regression at all shows in every example, so the allowed one is always caught (if it is > 0).
  if (sd === 0) return { mde: 0, n, nNeeded: allowed > 0 ? 1 : null, power: allowed > 0 ? 1 : alpha }
  return { mde: (z * sd) / Math.sqrt(n), n, nNeeded: nNeededFor(z, sd, allowed), power: normalCdf((allowed * Math.sqrt(n)) / sd - zAlpha) }
}

function nNeededFor(z: number, sd: number, allowed: number): number | null {
  if (!(allowed > 0)) return null
  return Math.max(1, Math.ceil(((z * sd) / allowed) ** 2))
}

/** Sample standard deviation (n − 1 in the denominator); 0 for fewer than two values. */
export function sampleSd(x: ArrayLike<number>): number {
  return Math.sqrt(meanVar(x, 0, x.length).variance)
}

/**
 * head − base per paired example with finite scores in both runs (the differences the paired test resamples), and the
 * base mean over those examples; null when the runs do not pair by scores.
 */
export function pairedDifferences(base: Sample, head: Sample): { differences: Float64Array; baseMean: number } | null {
  // Without an aggregate, pairSamples pairs by scores or not at all.
  const pairing = pairSamples(base, head)
  if (!pairing.ok) return null
  const bs = base.scores as Float64Array
  const hs = head.scores as Float64Array
  const out: number[] = []
  let baseSum = 0
  for (let k = 0; k < pairing.baseRows.length; k++) {
    const b = bs[pairing.baseRows[k]]
    const h = hs[pairing.headRows[k]]
    if (!Number.isFinite(b) || !Number.isFinite(h)) continue
    out.push(h - b)
    baseSum += b
  }
  return { differences: Float64Array.from(out), baseMean: out.length ? baseSum / out.length : Number.NaN }
}
