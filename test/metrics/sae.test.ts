import { describe, expect, it } from 'vitest'
import { ceLossRecovered, cosineSimilarity, deadFraction, explainedVariance, klRecovered, saeL0 } from '../../src/metrics/sae.js'
import { aggregateOf, arr, run, scores, shaped } from './metric-helpers.js'

describe('sae-l0', () => {
  it('counts latents with |z| > eps per token; a NaN gives NaN', () => {
    const latents = arr([
      [0, 1, -2],
      [0, 0, 0],
      [0.05, null, 0]
    ])
    expect(scores(saeL0, { latents })).toEqual([2, 0, NaN])
    expect(
      scores(
        saeL0,
        {
          latents: arr([
            [0, 1, -2],
            [0.05, 0.5, 0.6]
          ])
        },
        { eps: 0.5 }
      )
    ).toEqual([2, 1])
  })
  it('validates shape and params', () => {
    expect(() => run(saeL0, { latents: arr([1, 2]) })).toThrow(/expected shape \[T, D\]/)
    expect(() => run(saeL0, { latents: arr([[1]]) }, { eps: -1 })).toThrow()
    expect(() => run(saeL0, { latents: arr([[1]]) }, { threshold: 0 })).toThrow()
  })
})

describe('dead-fraction', () => {
  it('is the share of latents never active on any token (value only)', () => {
    const latents = arr([
      [0, 1, 0, 0],
      [0, 0, 2, 0]
    ])
    const out = run(deadFraction, { latents })
    expect(out).toEqual({ value: 0.5 })
    expect(run(deadFraction, { latents }, { eps: 1.5 }).value).toBe(0.75)
    expect(run(deadFraction, { latents: arr([[0, 0]]) }).value).toBe(1)
  })
  it('rejects NaN and empty arrays', () => {
    expect(() => run(deadFraction, { latents: arr([[0, null]]) })).toThrow(/holds NaN/)
    expect(() => run(deadFraction, { latents: shaped([], [0, 3]) })).toThrow(/is empty/)
  })
})

describe('explained-variance', () => {
  // x̄ = (2, 1); Σ(x − x̄)² = 4; Σ‖x − x̂‖² = 2 → 1 − 2/4.
  const inputs = {
    x: arr([
      [1, 0],
      [3, 2]
    ]),
    x_hat: arr([
      [1, 1],
      [2, 2]
    ])
  }
  it('is 1 − SSE / total variance about the per-dimension mean', () => {
    expect(run(explainedVariance, inputs).value).toBe(0.5)
    expect(run(explainedVariance, { x: inputs.x, x_hat: inputs.x }).value).toBe(1)
    // Predicting the mean explains nothing (SAELens before the #659 fix reported ≈ 1 here for large means).
    expect(
      run(explainedVariance, {
        x: inputs.x,
        x_hat: arr([
          [2, 1],
          [2, 1]
        ])
      }).value
    ).toBe(0)
  })
  it('recomputes x̄ on each resample: rows (0, 0, 1) → 1 − 3 / (16/3) = 7/16', () => {
    expect(aggregateOf(explainedVariance, inputs, [0, 0, 1])).toBeCloseTo(7 / 16, 14)
    expect(aggregateOf(explainedVariance, inputs, [1, 1])).toBeNaN()
    expect(aggregateOf(explainedVariance, inputs)).toBe(0.5)
  })
  it('keeps the full-data x̄ on resamples with resample_mean: false (two columns)', () => {
    const fixed = { resample_mean: false }
    expect(run(explainedVariance, inputs, fixed).value).toBe(0.5)
    expect(Object.keys(run(explainedVariance, inputs, fixed).columns!).sort()).toEqual(['css', 'sse'])
    expect(Object.keys(run(explainedVariance, inputs).columns!).sort()).toEqual(['c:0', 'c:1', 'css', 'sse'])
    // x̄ stays (2, 1): Σ‖x_t − x̄‖² over rows (0, 0, 1) = 2 + 2 + 2, SSE = 3.
    expect(aggregateOf(explainedVariance, inputs, [0, 0, 1], fixed)).toBe(0.5)
    expect(() => run(explainedVariance, inputs, { resample_mean: 'yes' })).toThrow()
  })
  it('is exact for activations with a large mean offset', () => {
    const shifted = {
      x: arr([
        [1e6 + 1, 1e6],
        [1e6 + 3, 1e6 + 2]
      ]),
      x_hat: arr([
        [1e6 + 1, 1e6 + 1],
        [1e6 + 2, 1e6 + 2]
      ])
    }
    expect(run(explainedVariance, shifted).value).toBe(0.5)
    expect(aggregateOf(explainedVariance, shifted, [0, 0, 1])).toBeCloseTo(7 / 16, 12)
  })
  it('leaves out tokens with a NaN; zero variance is an error', () => {
    expect(
      run(explainedVariance, {
        x: arr([
          [1, 0],
          [3, 2],
          [null, 0]
        ]),
        x_hat: arr([
          [1, 1],
          [2, 2],
          [0, 0]
        ])
      }).value
    ).toBe(0.5)
    expect(() =>
      run(explainedVariance, {
        x: arr([
          [1, 1],
          [1, 1]
        ]),
        x_hat: arr([
          [1, 1],
          [1, 0]
        ])
      })
    ).toThrow(/zero variance/)
    expect(() =>
      run(explainedVariance, {
        x: inputs.x,
        x_hat: arr([
          [1, 1, 1],
          [2, 2, 2]
        ])
      })
    ).toThrow(/input "x_hat".*M=2/)
  })
})

describe('cosine-similarity', () => {
  it('is the per-token cosine; a zero vector gives NaN', () => {
    const x = arr([
      [1, 0],
      [1, 1],
      [0, 0],
      [3, 4]
    ])
    const xHat = arr([
      [0, 1],
      [2, 2],
      [1, 1],
      [4, 3]
    ])
    const cosines = scores(cosineSimilarity, { x, x_hat: xHat })
    expect(cosines.slice(0, 3)).toEqual([0, 1, NaN])
    expect(cosines[3]).toBeCloseTo(24 / 25, 15)
    expect(scores(cosineSimilarity, { x: arr([[1, 1]]), x_hat: arr([[0, 0]]) })).toEqual([NaN])
  })
})

describe('ce-loss-recovered', () => {
  // Means 2, 2.5, 5 → (5 − 2.5) / (5 − 2).
  const inputs = { ce_clean: arr([2, 2]), ce_sae: arr([2.5, 2.5]), ce_ablated: arr([4, 6]) }
  it('is a ratio of means with an exact aggregate', () => {
    expect(run(ceLossRecovered, inputs).value).toBeCloseTo(2.5 / 3, 15)
    expect(aggregateOf(ceLossRecovered, inputs, [0, 0])).toBe(0.75)
  })
  it('is an error when mean ce_ablated equals mean ce_clean', () => {
    expect(() => run(ceLossRecovered, { ce_clean: arr([2, 4]), ce_sae: arr([3, 3]), ce_ablated: arr([4, 2]) })).toThrow(/mean ce_ablated equals mean ce_clean/)
  })
})

describe('kl-recovered', () => {
  const inputs = { kl_sae: arr([0.1, 0.5]), kl_ablated: arr([1, 3]) }
  it('is 1 − mean KL_sae / mean KL_abl with an exact aggregate', () => {
    expect(run(klRecovered, inputs).value).toBeCloseTo(0.85, 15)
    expect(aggregateOf(klRecovered, inputs, [0])).toBeCloseTo(0.9, 15)
    expect(aggregateOf(klRecovered, inputs, [1, 1])).toBeCloseTo(1 - 0.5 / 3, 15)
  })
  it('is an error when mean KL_abl is 0; drops rows with a NaN', () => {
    expect(() => run(klRecovered, { kl_sae: arr([0.1]), kl_ablated: arr([0]) })).toThrow(/mean kl_ablated is 0/)
    expect(run(klRecovered, { kl_sae: arr([0.1, 0.5, null]), kl_ablated: arr([1, 3, 9]) }).value).toBeCloseTo(0.85, 15)
  })
})
