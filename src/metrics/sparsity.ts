import { z } from 'zod'
import { absolute, hasNaN, kParam, perRow, resolveK, rowSize } from './math.js'
import { magnitudeEntropyOnePass, topKMassOfRow } from './selection.js'
import type { InputSpec, MetricDefinition } from './definition.js'

const attributionsSpec: InputSpec = {
  name: 'attributions',
  shapes: [['N', 'F...']],
  description: 'attributions [N, F]; more dimensions are flattened per example'
}

export const nonzeroFraction: MetricDefinition<{ eps: number }> = {
  name: 'nonzero-fraction',
  family: 'sparsity',
  title: 'Non-zero fraction',
  direction: 'lower',
  inputs: [attributionsSpec],
  rowwise: true,
  params: z.object({ eps: z.number().nonnegative().default(0).describe('count features with |a| above this') }).strict(),
  compute({ attributions }, { eps }) {
    return { scores: perRow(attributions, (a) => nonzeroFractionOfRow(a, eps)) }
  },
  computeRowsFloat32: (rows, rowSize, { eps }) => nonzeroFractionOfFloat32Rows(rows, rowSize, eps),
  doc: {
    summary: 'Share of features whose attribution magnitude exceeds eps; lower means a sparser explanation.',
    formula: 'nzᵢ = (1/F)·Σⱼ 1[|aᵢⱼ| > eps], then the mean over examples',
    range: '[0, 1]',
    edgeCases: ['A NaN attribution makes that example NaN (excluded, counted).', 'eps defaults to 0: exact zeros only.'],
    reference: 'The L0 "sparsity" of an attribution map (e.g. Chalasani et al. 2020 §5); numpy: (np.abs(a) > eps).mean(axis=1).'
  }
}

/** Share of a row's magnitudes above eps; NaN when one is NaN. */
function nonzeroFractionOfRow(a: ArrayLike<number>, eps: number): number {
  // Branch-free: whether an attribution is zero is a coin flip the CPU cannot predict.
  let count = 0
  let nan = 0
  for (let j = 0; j < a.length; j++) {
    const v = Math.abs(a[j])
    // biome-ignore lint/suspicious/noSelfCompare: a branch-free NaN test in the hot loop
    nan |= ((v !== v) as unknown as number) | 0
    count += ((v > eps) as unknown as number) | 0
  }
  return nan ? NaN : count / a.length
}

const FLOAT32_SCRATCH = new Float32Array(1)
const FLOAT32_SCRATCH_BITS = new Uint32Array(FLOAT32_SCRATCH.buffer)

/**
 * The bit pattern of the largest float32 value at most x (x ≥ 0). Bit patterns of non-negative float32 values order
 * as the values do, so for a float32 magnitude with bit pattern b (not NaN): |a| > x exactly when b > this.
 */
export function float32BitsAtMost(x: number): number {
  FLOAT32_SCRATCH[0] = x // rounds to the nearest float32, which may lie above x
  return FLOAT32_SCRATCH[0] > x ? FLOAT32_SCRATCH_BITS[0] - 1 : FLOAT32_SCRATCH_BITS[0]
}

/** Sign bit cleared: the bit pattern of |a|. */
const MAGNITUDE = 0x7fffffff

/**
 * nonzeroFractionOfRow over a block of float32 rows, on their bit patterns: |a| > eps is an integer comparison with
 * float32BitsAtMost(eps), a NaN is a magnitude above +Infinity's pattern. The same counts, without a float per value.
 */
function nonzeroFractionOfFloat32Rows(rows: Float32Array, rowSize: number, eps: number): Float64Array {
  const bits = new Uint32Array(rows.buffer, rows.byteOffset, rows.length)
  const above = float32BitsAtMost(eps)
  const n = rowSize === 0 ? 0 : rows.length / rowSize
  const out = new Float64Array(n)
  for (let i = 0, at = 0; i < n; i++) {
    let count = 0
    let nan = 0
    for (const end = at + rowSize; at < end; at++) {
      const b = bits[at] & MAGNITUDE
      count += ((b > above) as unknown as number) | 0
      nan |= ((b > INFINITY_BITS) as unknown as number) | 0
    }
    out[i] = nan ? NaN : count / rowSize
  }
  return out
}

// Reused across rows: the Gini index sorts one row at a time and keeps nothing.
let giniScratch = new Float64Array(0)
let giniBits = new Uint32Array(0)
let giniSwap = new Uint32Array(0)
// float32 views of the same two buffers (made once, not per row)
let giniBitFloats = new Float32Array(0)
let giniSwapFloats = new Float32Array(0)
const RADIX = 2048 // 11-bit digits: three passes cover 32 bits
const giniCounts = new Uint32Array(3 * RADIX)

/**
 * Sorts non-negative float32 bit patterns ascending (for them the unsigned integer order is the numeric order):
 * an LSD radix sort, several times faster than a comparison sort on a row of a few thousand.
 */
function radixSortBits(keys: Uint32Array, swap: Uint32Array, m = keys.length): Uint32Array {
  giniCounts.fill(0)
  for (let i = 0; i < m; i++) {
    const k = keys[i]
    giniCounts[k & 2047]++
    giniCounts[RADIX + ((k >>> 11) & 2047)]++
    giniCounts[2 * RADIX + (k >>> 22)]++
  }
  let from = keys
  let to = swap
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * RADIX
    let sum = 0
    for (let d = 0; d < RADIX; d++) {
      const c = giniCounts[base + d]
      giniCounts[base + d] = sum
      sum += c
    }
    const shift = 11 * pass
    for (let i = 0; i < m; i++) {
      const k = from[i]
      to[giniCounts[base + ((k >>> shift) & 2047)]++] = k
    }
    const t = from
    from = to
    to = t
  }
  return from
}

const BUCKETS = 4096
const bucketStarts = new Int32Array(BUCKETS)
/** Above this many keys in one bucket the insertion sort could go quadratic: the caller radix-sorts instead. */
const MAX_BUCKET = 64

/**
 * Sorts non-negative float32 bit patterns ascending into `out`: one counting pass into 4,096 buckets spread over the
 * row's own key range (keys are monotone in the value, so buckets are ordered), then an insertion sort that only moves
 * keys within their bucket. Fewer passes than the radix sort on rows of a few thousand. Returns false, with `out`
 * unspecified, when some bucket holds more than 64 keys (a narrow cluster or many ties): radix-sort those rows.
 */
export function bucketSortBits(keys: Uint32Array, out: Uint32Array, m = keys.length): boolean {
  if (m === 0) return true
  let lo = keys[0]
  let hi = lo
  for (let i = 1; i < m; i++) {
    const k = keys[i]
    lo = k < lo ? k : lo
    hi = k > hi ? k : hi
  }
  const range = hi - lo
  let shift = 0
  while (range >>> shift >= BUCKETS) shift++
  const used = (range >>> shift) + 1
  bucketStarts.fill(0, 0, used)
  for (let i = 0; i < m; i++) bucketStarts[(keys[i] - lo) >>> shift]++
  let sum = 0
  let most = 0
  for (let d = 0; d < used; d++) {
    const c = bucketStarts[d]
    bucketStarts[d] = sum
    sum += c
    most = c > most ? c : most
  }
  if (most > MAX_BUCKET) return false
  for (let i = 0; i < m; i++) {
    const k = keys[i]
    out[bucketStarts[(k - lo) >>> shift]++] = k
  }
  for (let i = 1; i < m; i++) {
    const k = out[i]
    let j = i - 1
    if (out[j] <= k) continue
    while (j >= 0 && out[j] > k) {
      out[j + 1] = out[j]
      j--
    }
    out[j + 1] = k
  }
  return true
}

/** Σ (2·(zeros + i + 1) − F − 1)·s_i / (F·Σ s) over the sorted non-zero magnitudes s; an all-zero row → 0. */
function giniOfSorted(sorted: Float32Array | Float64Array, f: number, m = sorted.length): number {
  const zeros = f - m
  let total = 0
  let weighted = 0
  for (let i = 0; i < m; i++) {
    total += sorted[i]
    weighted += (2 * (zeros + i + 1) - f - 1) * sorted[i]
  }
  return total === 0 ? 0 : weighted / (f * total)
}

/** +Infinity's float32 bit pattern: NaN's lie above it. */
const INFINITY_BITS = 0x7f800000

/**
 * Gini index of one row's magnitudes: sorted ascending, Σᵢ (2i − F − 1)·a₍ᵢ₎ / (F·Σa); all-zero → 0.
 * Zeros sort first and add nothing but their count to the ranks, so only the non-zero magnitudes are sorted: as
 * float32 bit patterns (bucket or radix sort) when every one is a float32 value, which sorts them exactly as numbers;
 * otherwise as float64 with a comparison sort. `float32Values` (the row came from a float16/float32 file) skips the
 * per-value check that they are.
 */
export function giniIndex(values: ArrayLike<number>, float32Values = false): number {
  const f = values.length
  sizeGiniScratch(f)
  // Branch-free compaction (each value is written, the end advances past non-zeros only): zeros are unpredictable.
  // A NaN is kept (it is not 0): as float64 it makes the row "wide"; as a float32 key it lies above +Infinity's.
  const floats = giniBitFloats
  let m = 0
  let wide = 0
  if (float32Values) {
    for (let j = 0; j < f; j++) {
      const a = Math.abs(values[j])
      floats[m] = a
      m += ((a !== 0) as unknown as number) | 0
    }
  } else {
    for (let j = 0; j < f; j++) {
      const a = Math.abs(values[j])
      const narrow = Math.fround(a)
      floats[m] = narrow
      m += ((a !== 0) as unknown as number) | 0
      wide |= ((narrow !== a) as unknown as number) | 0
    }
  }
  if (wide || m < 64) return giniOfFloat64(values)
  let top = 0
  for (let i = 0; i < m; i++) top = giniBits[i] > top ? giniBits[i] : top
  return giniOfBits(f, m, top)
}

/** Makes the scratch buffers hold a row of f values. */
function sizeGiniScratch(f: number): void {
  if (giniScratch.length >= f) return
  giniScratch = new Float64Array(f)
  giniBits = new Uint32Array(f)
  giniSwap = new Uint32Array(f)
  giniBitFloats = new Float32Array(giniBits.buffer)
  giniSwapFloats = new Float32Array(giniSwap.buffer)
}

/** The Gini index of a row of f values whose m non-zero magnitudes are float32 bit patterns in giniBits[0, m), the largest `top`. */
function giniOfBits(f: number, m: number, top: number): number {
  if (top > INFINITY_BITS) return NaN
  // The radix sort ends in its swap buffer after an odd number of passes, in the keys after an even one.
  const inSwap = bucketSortBits(giniBits, giniSwap, m) || radixSortBits(giniBits, giniSwap, m) === giniSwap
  return giniOfSorted(inSwap ? giniSwapFloats : giniBitFloats, f, m)
}

/**
 * giniIndex of each row of a block of float32 rows, compacting the magnitudes' bit patterns with integer operations
 * (the sign bit cleared; a NaN's pattern lies above +Infinity's) instead of taking and storing each value as a float.
 * The same keys, the same sort, the same sums: bit-for-bit giniIndex(row, true).
 */
function giniOfFloat32Rows(rows: Float32Array, rowSize: number): Float64Array {
  const bits = new Uint32Array(rows.buffer, rows.byteOffset, rows.length)
  const n = rowSize === 0 ? 0 : rows.length / rowSize
  const out = new Float64Array(n)
  sizeGiniScratch(rowSize)
  const keys = giniBits
  for (let i = 0, at = 0; i < n; i++) {
    const from = at
    let m = 0
    let top = 0
    for (const end = at + rowSize; at < end; at++) {
      const b = bits[at] & MAGNITUDE
      keys[m] = b
      m += ((b !== 0) as unknown as number) | 0
      top = b > top ? b : top
    }
    out[i] = m < 64 ? giniOfFloat64(rows.subarray(from, at)) : giniOfBits(rowSize, m, top)
  }
  return out
}

/** The Gini index with a float64 comparison sort of the non-zero magnitudes (short or non-float32 rows); NaN in, NaN out. */
function giniOfFloat64(values: ArrayLike<number>): number {
  let k = 0
  let nan = 0
  for (let j = 0; j < values.length; j++) {
    const a = Math.abs(values[j])
    giniScratch[k] = a
    k += ((a !== 0) as unknown as number) | 0
    // biome-ignore lint/suspicious/noSelfCompare: a branch-free NaN test
    nan |= ((a !== a) as unknown as number) | 0
  }
  return nan ? NaN : giniOfSorted(giniScratch.subarray(0, k).sort(), values.length)
}

export const gini: MetricDefinition<Record<string, never>> = {
  name: 'gini',
  family: 'sparsity',
  title: 'Gini index (Sparseness)',
  direction: 'higher',
  inputs: [attributionsSpec],
  rowwise: true,
  params: z.object({}).strict(),
  compute({ attributions }) {
    // A float16/float32 file's values are float32 values: no need to check each one.
    const float32Values = attributions.dtype === 'float32' || attributions.dtype === 'float16'
    return { scores: perRow(attributions, (values) => giniIndex(values, float32Values)) }
  },
  computeRowsFloat32: giniOfFloat32Rows,
  doc: {
    summary: 'Gini index of the attribution magnitudes: 0 when spread evenly, near 1 when concentrated on few features.',
    formula: 'a = sort↑(|aᵢ|); Gᵢ = Σⱼ₌₁..F (2j − F − 1)·a₍ⱼ₎ / (F·Σⱼ a₍ⱼ₎), then the mean over examples',
    range: '[0, 1 − 1/F]',
    edgeCases: ['An all-zero attribution row scores 0.', 'A NaN attribution makes that example NaN (excluded, counted).'],
    reference:
      'Chalasani et al. 2020, "Concise Explanations of Neural Networks using Adversarial Training" (ICML); ' +
      'Quantus quantus/metrics/complexity/sparseness.py (Sparseness).',
    differences:
      'Quantus adds 1e-7 to every |a| before sorting; we use the magnitudes as given, so values differ by O(1e-7) and an all-zero row is defined as 0 rather than through the offset.'
  }
}

/** Shannon entropy (nats) of p = |a| / Σ|a|, with 0·ln 0 = 0; NaN for an all-zero row (one pass: selection.ts). */
const magnitudeEntropy = magnitudeEntropyOnePass

export const entropy: MetricDefinition<Record<string, never>> = {
  name: 'entropy',
  family: 'sparsity',
  title: 'Entropy (Complexity)',
  direction: 'lower',
  inputs: [attributionsSpec],
  rowwise: true,
  params: z.object({}).strict(),
  compute({ attributions }) {
    return { scores: perRow(attributions, magnitudeEntropy) }
  },
  doc: {
    summary: 'Shannon entropy of the attribution magnitudes as a distribution over features; lower means a less complex explanation.',
    formula: 'pⱼ = |aᵢⱼ| / Σₖ |aᵢₖ|; Hᵢ = −Σⱼ pⱼ·ln pⱼ (nats), then the mean over examples',
    range: '[0, ln F]',
    edgeCases: [
      'Zero attributions contribute 0 (0·ln 0 = 0, as scipy.stats.entropy).',
      'An all-zero attribution row has no distribution: NaN (excluded, counted).',
      'A NaN attribution makes that example NaN (excluded, counted).'
    ],
    reference:
      'Bhatt et al. 2020, "Evaluating and Aggregating Feature-based Model Explanations" (IJCAI); ' +
      'Quantus quantus/metrics/complexity/complexity.py (Complexity).',
    differences:
      'Quantus takes −Σ p·ln(p + 1e-12); we use the exact entropy with 0·ln 0 = 0 (differences of order F·1e-12). Its max-normalisation does not change p.'
  }
}

export const effectiveComplexity: MetricDefinition<{ eps: number }> = {
  name: 'effective-complexity',
  family: 'sparsity',
  title: 'Effective complexity',
  direction: 'lower',
  inputs: [attributionsSpec],
  rowwise: true,
  params: z.object({ eps: z.number().nonnegative().default(1e-5).describe('count features with |a| / max|a| above this') }).strict(),
  compute({ attributions }, { eps }) {
    return {
      scores: perRow(attributions, (values) => {
        const a = absolute(values)
        if (hasNaN(a)) return NaN
        const max = a.reduce((m, v) => Math.max(m, v), 0)
        if (max === 0) return 0
        let count = 0
        for (let j = 0; j < a.length; j++) if (a[j] / max > eps) count++
        return count
      })
    }
  },
  doc: {
    summary: 'Number of features whose attribution magnitude, relative to the largest one, exceeds eps; lower is simpler.',
    formula: 'ECᵢ = Σⱼ 1[|aᵢⱼ| / maxₖ |aᵢₖ| > eps] (eps = 1e-5 by default), then the mean over examples',
    range: '[0, F]',
    edgeCases: ['An all-zero attribution row scores 0.', 'A NaN attribution makes that example NaN (excluded, counted).'],
    reference:
      'Nguyen & Martínez 2020, "On quantitative aspects of model interpretability" (arXiv:2007.07584); ' +
      'Quantus quantus/metrics/complexity/effective_complexity.py (EffectiveComplexity).',
    differences:
      'Quantus divides by the largest |a| of the whole batch (normalise_by_max over all axes), so a score depends on the batch; ' +
      'we divide by the example’s own largest |a|.'
  }
}

export const topKMass: MetricDefinition<{ k: number }> = {
  name: 'top-k-mass',
  family: 'sparsity',
  title: 'Top-k attribution mass',
  direction: 'higher',
  inputs: [attributionsSpec],
  rowwise: true,
  params: z.object({ k: kParam }).strict(),
  compute({ attributions }, { k }) {
    const count = resolveK(k, rowSize(attributions))
    return {
      scores: perRow(attributions, (values) => topKMassOfRow(values, count))
    }
  },
  doc: {
    summary: 'Share of the total attribution magnitude held by the k largest-magnitude features; higher is more concentrated.',
    formula: 'massᵢ = Σ_{j ∈ top-k |aᵢ|} |aᵢⱼ| / Σⱼ |aᵢⱼ|, then the mean over examples',
    range: '[k/F, 1]',
    edgeCases: [
      'k in (0, 1) selects ceil(k·F) features (k·F rounded to 12 digits first, so 0.3·10 is 3); a whole k ≥ 1 selects k; default 0.1.',
      'k selecting more than F features is an input error.',
      'Ties at the cut do not matter: tied features have equal magnitude.',
      'An all-zero attribution row is NaN (excluded, counted); so is a row with a NaN.'
    ],
    reference:
      'The "top-k mass" concentration of an attribution map; numpy: np.sort(|a|)[::-1][:k].sum() / |a|.sum() (no library reference). ' +
      'Computed by selection (quickselect on the non-zero magnitudes, as np.partition), not a full sort.'
  }
}

export const definitions = [nonzeroFraction, gini, entropy, effectiveComplexity, topKMass]
