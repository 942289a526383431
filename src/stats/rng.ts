import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator'

/** Seeded random numbers; only 32-bit integer arithmetic, so every Node version gives the same stream. */
export interface Rng {
  /** Uniform integer in [0, n), 1 <= n <= 2^32 (pure-rand uniformInt rejection rule). */
  int(n: number): number
  /** Uniform float in [0, 1) with 53 random bits. */
  float(): number
  /** 32 uniform random bits as an unsigned integer. */
  uint32(): number
  /** An independent stream 2^64 steps ahead; this stream is left unchanged. */
  fork(): Rng
  /** Fills `out` with int(n) draws: the same numbers as out.length calls of int(n), several times faster. */
  fillInt(n: number, out: Int32Array): void
  /** Σ x[int(n)] over n = x.length draws (one bootstrap resample's sum), the same draws as fillInt without storing them. */
  sumOfDraws(x: Float64Array): number
}

/** Golden-ratio increment + murmur3 fmix32 finaliser: spreads a small seed over all 32 bits. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) | 0
}

function checkN(n: number): void {
  if (!(n >= 1 && n <= 0x100000000 && Math.floor(n) === n)) {
    throw new RangeError(`rng.int(n) needs an integer 1 <= n <= 2^32, got ${n}`)
  }
}

/**
 * int(n) draws with xoroshiro128+'s step inlined on local state (pure-rand's XoroShiro128Plus.next, same
 * order of state words), so the bootstrap avoids a method call per draw. Each draw goes to out[i] or, without
 * out, is added up as x[draw]; returns the advanced state and that sum.
 */
function drawFromState(state: readonly number[], n: number, count: number, out: Int32Array | null, x: Float64Array | null): [number[], number] {
  let [s01, s00, s11, s10] = state
  const limit = Math.floor(0x100000000 / n) * n
  const inverse = 1 / n
  let sum = 0
  for (let i = 0; i < count; i++) {
    let v: number
    do {
      v = ((s00 + s10) | 0) + 0x80000000
      const a0 = s10 ^ s00
      const a1 = s11 ^ s01
      const t00 = s00
      const t01 = s01
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16)
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16))
      s10 = (a1 << 5) ^ (a0 >>> 27)
      s11 = (a0 << 5) ^ (a1 >>> 27)
    } while (v >= limit)
    // v % n without fmod (the slowest step): the quotient from a multiply by 1/n. Its rounding error stays below
    // 1/n for v < 2^32, so it is one too small only at an exact multiple of n, never one too large.
    let r = v - Math.floor(v * inverse) * n
    if (r >= n) r -= n
    if (out) out[i] = r
    else sum += x![r]
  }
  return [[s01, s00, s11, s10], sum]
}

function wrap(initial: JumpableRandomGenerator): Rng {
  let gen = initial
  // The bootstrap calls int(n) with the same n millions of times: validate n and derive the limit once per n.
  let lastN = -1
  let limit = 0
  return {
    int(n: number): number {
      if (n !== lastN) {
        checkN(n)
        lastN = n
        // pure-rand's uniformInt rejection rule (the largest multiple of n up to 2^32), inlined: it is the hot loop of every bootstrap
        limit = Math.floor(0x100000000 / n) * n
      }
      let v = gen.next() + 0x80000000
      while (v >= limit) v = gen.next() + 0x80000000
      return v % n
    },
    float: () => uniformFloat64(gen),
    uint32: () => gen.next() >>> 0,
    fork(): Rng {
      const other = gen.clone()
      other.jump()
      return wrap(other)
    },
    fillInt(n: number, out: Int32Array): void {
      checkN(n)
      gen = xoroshiro128plusFromState(drawFromState(gen.getState(), n, out.length, out, null)[0])
    },
    sumOfDraws(x: Float64Array): number {
      const n = x.length
      checkN(n)
      const [state, sum] = drawFromState(gen.getState(), n, n, null, x)
      gen = xoroshiro128plusFromState(state)
      return sum
    }
  }
}

/** A generator for `seed` (any safe integer). xoroshiro128+ seeded through a mixer, since its plain seeding emits a constant first value. */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`)
  const lo = Number(BigInt.asUintN(32, BigInt(seed))) | 0
  const hi = Number(BigInt.asIntN(32, BigInt(seed) >> 32n)) | 0
  const s0 = mix32(lo)
  const s1 = mix32(s0 ^ hi)
  const s2 = mix32(s1 ^ 0x6a09e667)
  const s3 = mix32(s2 ^ 0x3c6ef372)
  // never all zero (a state xoroshiro could not leave): s0 = s1 = 0 gives s2 = mix32(0x6a09e667) = 0xe3d69b94
  return wrap(xoroshiro128plusFromState([s0, s1, s2, s3]))
}

/**
 * A per-metric seed from the suite seed and the metric id (FNV-1a), so metrics draw independent resamples and
 * sign flips while every run with the same seed stays reproducible.
 */
export function seedFor(seed: number, key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  const high = Math.floor(seed / 0x100000000)
  return high * 0x100000000 + ((seed ^ h) >>> 0)
}
