import { describe, expect, it } from 'vitest'
import { avgSensitivity, localLipschitz, maxSensitivity, randomizationSimilarity } from '../../src/metrics/robustness.js'
import { MetricInputError } from '../../src/metrics/definition.js'
import { arr, run, scores, shaped } from './metric-helpers.js'

// Example 0: a = (3, 4), ‖a‖ = 5; distances 0, 5, 5, 1 → ratios 0, 1, 1, 0.2.
const attributions = arr([
  [3, 4],
  [0, 0],
  [1, 0]
])
const perturbed = arr([
  [
    [3, 4],
    [0, 0],
    [6, 8],
    [3, 5]
  ],
  [
    [1, 1],
    [1, 1],
    [1, 1],
    [1, 1]
  ],
  [
    [1, 0],
    [null, 0],
    [1, 0],
    [1, 0]
  ]
])

describe('max-sensitivity / avg-sensitivity', () => {
  it('takes the max / mean relative distance; a zero attribution and a NaN give NaN', () => {
    expect(scores(maxSensitivity, { attributions, perturbed_attributions: perturbed })).toEqual([1, NaN, NaN])
    const avg = scores(avgSensitivity, { attributions, perturbed_attributions: perturbed })
    expect(avg[0]).toBeCloseTo(0.55, 15)
    expect(avg.slice(1)).toEqual([NaN, NaN])
  })

  it('flattens trailing dimensions: [N, 2, 2] attributions with [N, S, 2, 2] or [N, S, 4] perturbations', () => {
    const a = arr([
      [
        [1, 0],
        [0, 0]
      ]
    ])
    const p4 = arr([
      [
        [1, 0, 0, 2],
        [0, 0, 0, 0]
      ]
    ])
    const p22 = arr([
      [
        [
          [1, 0],
          [0, 2]
        ],
        [
          [0, 0],
          [0, 0]
        ]
      ]
    ])
    expect(scores(maxSensitivity, { attributions: a, perturbed_attributions: p4 })).toEqual([2])
    expect(scores(maxSensitivity, { attributions: a, perturbed_attributions: p22 })).toEqual([2])
    expect(scores(avgSensitivity, { attributions: a, perturbed_attributions: p22 })).toEqual([1.5])
  })

  it('rejects mismatched shapes and zero samples', () => {
    const a = arr([
      [
        [1, 0],
        [0, 0]
      ]
    ])
    expect(() => run(maxSensitivity, { attributions: a, perturbed_attributions: arr([[[1, 0, 0]]], 'p.npy') })).toThrow(
      /input "perturbed_attributions" \(p\.npy\): expected shape \[N, S, F\.\.\.\] with N=1, F=4, got \[1, 1, 3\]/
    )
    expect(() => run(maxSensitivity, { attributions: arr([[1, 2]]), perturbed_attributions: arr([[1, 2]]) })).toThrow(MetricInputError)
    expect(() => run(maxSensitivity, { attributions: arr([[1, 2]]), perturbed_attributions: shaped([], [1, 0, 2]) })).toThrow(/no perturbed samples/)
    expect(() => run(maxSensitivity, { attributions }, {})).toThrow(/input "perturbed_attributions" is required/)
  })

  it('takes no params', () => {
    expect(() => run(maxSensitivity, { attributions, perturbed_attributions: perturbed }, { norm: 'l1' })).toThrow()
  })
})

describe('local-lipschitz', () => {
  // Sample 0: ‖Δa‖ = 1, ‖Δx‖ = 2 → 0.5; sample 1: x unchanged → skipped; sample 2: 1 / 1 = 1.
  const inputs = {
    attributions: arr([
      [1, 0],
      [1, 0],
      [1, 0]
    ]),
    perturbed_attributions: arr([
      [
        [0, 0],
        [1, 3],
        [1, 1]
      ],
      [
        [0, 0],
        [0, 0],
        [0, 0]
      ],
      [
        [0, 0],
        [null, 0],
        [1, 1]
      ]
    ]),
    x: arr([
      [0, 0, 0],
      [1, 1, 1],
      [0, 0, 0]
    ]),
    x_perturbed: arr([
      [
        [0, 0, 2],
        [0, 0, 0],
        [1, 0, 0]
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1]
      ],
      [
        [0, 0, 2],
        [0, 0, 1],
        [1, 0, 0]
      ]
    ])
  }

  it('is the max ratio over samples with x′ ≠ x; all skipped → NaN; a NaN → NaN', () => {
    expect(scores(localLipschitz, inputs)).toEqual([1, NaN, NaN])
  })

  it('lets x have its own size but S must agree', () => {
    expect(() => run(localLipschitz, { ...inputs, x_perturbed: arr([[[0, 0, 2]], [[0, 0, 2]], [[0, 0, 2]]]) })).toThrow(/input "x_perturbed".*S=3/)
  })

  it('is found by its alias name', async () => {
    const { findMetric } = await import('../../src/metrics/registry.js')
    expect(findMetric('local-lipschitz-estimate')).toBe(localLipschitz)
  })
})

describe('randomization-similarity', () => {
  it('ranks |a| against |a_random| by default, signed values with abs: false', () => {
    const inputs = { attributions: arr([[1, -3, 2]]), random_attributions: arr([[0.5, 4, -1]]) }
    expect(scores(randomizationSimilarity, inputs)).toEqual([1])
    // Signed ranks (2, 1, 3) vs (2, 3, 1): Σd² = 8, ρ = 1 − 6·8 / (3·8) = −1.
    expect(scores(randomizationSimilarity, inputs, { abs: false })[0]).toBeCloseTo(-1, 15)
  })

  it('gives ties average ranks: ρ = 4.5 / √(4.5·5) = 3/√10', () => {
    const inputs = { attributions: arr([[1, 1, 2, 3]]), random_attributions: arr([[1, 2, 3, 4]]) }
    expect(scores(randomizationSimilarity, inputs)[0]).toBeCloseTo(3 / Math.sqrt(10), 14)
  })

  it('is NaN for a constant row (after |·| when abs is on) and for a NaN', () => {
    const inputs = {
      attributions: arr([
        [1, -1, 1],
        [2, 2, 2],
        [1, 2, null]
      ]),
      random_attributions: arr([
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3]
      ])
    }
    expect(scores(randomizationSimilarity, inputs)).toEqual([NaN, NaN, NaN])
    expect(scores(randomizationSimilarity, inputs, { abs: false }).map((v) => Number.isNaN(v))).toEqual([false, true, true])
  })

  it('validates params', () => {
    const inputs = { attributions: arr([[1, 2]]), random_attributions: arr([[1, 2]]) }
    expect(() => run(randomizationSimilarity, inputs, { abs: 'yes' })).toThrow()
    expect(() => run(randomizationSimilarity, inputs, { method: 'kendall' })).toThrow()
    expect(() => run(randomizationSimilarity, { attributions: arr([[1, 2]]), random_attributions: arr([[1, 2, 3]]) })).toThrow(MetricInputError)
  })
})
