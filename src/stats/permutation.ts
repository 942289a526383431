import type { Rng } from './rng.js'
import type { Aggregate } from './stat-types.js'

/** Largest n for which the sign-flip test enumerates all 2^n sign vectors. */
const EXACT_MAX_N = 20

export interface PermutationResult {
  /** Observed statistic (mean difference, or difference of aggregates). */
  statistic: number
  /** P(T* <= T), P(T* >= T) and 2 · min of both capped at 1, as scipy.stats.permutation_test defines them. */
  pLess: number
  pGreater: number
  pTwoSided: number
  exact: boolean
  /** Sign vectors / permutations evaluated (2^n when exact). */
  permutations: number
}

/** Tallies of the null distribution against the observed value, with scipy's tie tolerance. */
class Tally {
  less = 0
  greater = 0
  total = 0
  private readonly gamma: number
  constructor(private readonly observed: number) {
    // scipy treats values within 100 ulps (relative) as ties, so rounding noise never decides a p-value
    this.gamma = Math.abs(observed) * 100 * Number.EPSILON
  }
  /** NaN (an aggregate undefined on a rearrangement) fails both comparisons: counted, never extreme (conservative). */
  add(value: number): void {
    if (value <= this.observed + this.gamma) this.less++
    if (value >= this.observed - this.gamma) this.greater++
    this.total++
  }
  result(statistic: number, exact: boolean): PermutationResult {
    // Monte Carlo counts the observed arrangement once more, so p is never 0 (Phipson & Smyth 2010)
    const adj = exact ? 0 : 1
    const pLess = (this.less + adj) / (this.total + adj)
    const pGreater = (this.greater + adj) / (this.total + adj)
    const pTwoSided = Math.min(1, 2 * Math.min(pLess, pGreater))
    return { statistic, pLess, pGreater, pTwoSided, exact, permutations: this.total }
  }
}

/**
 * Calls `visit` with every one of the 2^n flip vectors (exact) or with `resamples` random ones;
 * flips[i] = 1 means example i is flipped. The buffer is reused.
 */
function forEachFlip(n: number, exact: boolean, resamples: number, rng: Rng, visit: (flips: Uint8Array) => void): void {
  const flips = new Uint8Array(n)
  if (exact) {
    const count = 2 ** n
    for (let mask = 0; mask < count; mask++) {
      for (let i = 0; i < n; i++) flips[i] = (mask >>> i) & 1
      visit(flips)
    }
    return
  }
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i += 32) {
      const bits = rng.uint32()
      const end = Math.min(32, n - i)
      for (let b = 0; b < end; b++) flips[i + b] = (bits >>> b) & 1
    }
    visit(flips)
  }
}

/**
 * Sign-flip permutation test of mean(d) = 0 for paired differences d: exact over all 2^n sign vectors
 * when n <= EXACT_MAX_N (equals scipy.stats.permutation_test((d,), mean, permutation_type='samples')),
 * otherwise `resamples` random sign vectors.
 */
export function signFlipTest(d: Float64Array, resamples: number, rng: Rng): PermutationResult {
  const n = d.length
  let observed = 0
  for (let i = 0; i < n; i++) observed += d[i]
  // the tally works on sums: the same ordering as means, without n divisions per vector
  const tally = new Tally(observed)
  const exact = n <= EXACT_MAX_N
  if (exact) {
    forEachFlip(n, true, 0, rng, (flips) => {
      let sum = 0
      for (let i = 0; i < n; i++) sum += flips[i] ? -d[i] : d[i]
      tally.add(sum)
    })
  } else {
    // the same sign vectors forEachFlip would draw, without the buffer: this loop dominates large comparisons
    for (let r = 0; r < resamples; r++) {
      let sum = 0
      for (let i = 0; i < n; i += 32) {
        const bits = rng.uint32()
        const end = Math.min(32, n - i)
        for (let b = 0; b < end; b++) sum += (bits >>> b) & 1 ? -d[i + b] : d[i + b]
      }
      tally.add(sum)
    }
  }
  return tally.result(n === 0 ? NaN : observed / n, exact)
}

/**
 * Paired permutation test for a non-decomposable metric: each example's base and head rows swap arms at
 * random and the aggregate is recomputed on both arms. `combined` holds the n base rows, then the n head rows.
 * Exact over all 2^n swaps when that is no more work than `resamples` random ones.
 */
export function swapTest(combined: Record<string, Float64Array>, n: number, aggregate: Aggregate, resamples: number, rng: Rng): PermutationResult {
  const baseArm = new Int32Array(n)
  const headArm = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    baseArm[i] = i
    headArm[i] = n + i
  }
  const observed = aggregate(combined, headArm) - aggregate(combined, baseArm)
  const tally = new Tally(observed)
  const exact = n <= 30 && 2 ** n <= resamples
  forEachFlip(n, exact, resamples, rng, (flips) => {
    for (let i = 0; i < n; i++) {
      baseArm[i] = flips[i] ? n + i : i
      headArm[i] = flips[i] ? i : n + i
    }
    tally.add(aggregate(combined, headArm) - aggregate(combined, baseArm))
  })
  return tally.result(observed, exact)
}

/** Shuffles `perm` in place (Fisher–Yates); any starting order gives a uniform permutation. */
function shuffle(perm: Int32Array, rng: Rng): void {
  for (let i = perm.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = perm[i]
    perm[i] = perm[j]
    perm[j] = t
  }
}

/**
 * Unpaired permutation test of mean(head) − mean(base): pooled finite values are relabelled at random,
 * `resamples` times (Monte Carlo).
 */
export function pooledMeanTest(base: Float64Array, head: Float64Array, resamples: number, rng: Rng): PermutationResult {
  const nA = base.length
  const nB = head.length
  const pooled = new Float64Array(nA + nB)
  pooled.set(base)
  pooled.set(head, nA)
  let total = 0
  for (let i = 0; i < pooled.length; i++) total += pooled[i]
  let sumA = 0
  for (let i = 0; i < nA; i++) sumA += base[i]
  const observed = (total - sumA) / nB - sumA / nA
  const tally = new Tally(observed)
  const N = nA + nB
  for (let r = 0; r < resamples; r++) {
    // a partial Fisher–Yates draws a uniform random subset of nA values into the front of the array
    let sum = 0
    for (let i = 0; i < nA; i++) {
      const j = i + rng.int(N - i)
      const t = pooled[i]
      pooled[i] = pooled[j]
      pooled[j] = t
      sum += pooled[i]
    }
    tally.add((total - sum) / nB - sum / nA)
  }
  return tally.result(observed, false)
}

/** Unpaired permutation test of aggregate(head) − aggregate(base); `combined` holds nA base rows then the head rows. */
export function pooledAggregateTest(
  combined: Record<string, Float64Array>,
  nA: number,
  nB: number,
  aggregate: Aggregate,
  resamples: number,
  rng: Rng
): PermutationResult {
  const perm = Int32Array.from({ length: nA + nB }, (_, i) => i)
  const observed = aggregate(combined, perm.subarray(nA)) - aggregate(combined, perm.subarray(0, nA))
  const tally = new Tally(observed)
  for (let r = 0; r < resamples; r++) {
    shuffle(perm, rng)
    tally.add(aggregate(combined, perm.subarray(nA)) - aggregate(combined, perm.subarray(0, nA)))
  }
  return tally.result(observed, false)
}
