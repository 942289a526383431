import { z } from 'zod'
import { type NDArray, row, rows } from '../domain/ndarray.js'
import { l2Distance, l2Norm } from './linalg.js'
import { absolute, hasNaN, spearman } from './math.js'
import { type InputSpec, type MetricDefinition, MetricInputError } from './definition.js'

const attributionsSpec: InputSpec = {
  name: 'attributions',
  shapes: [['N', 'F...']],
  description: 'attributions of the original inputs [N, F]; more dimensions are flattened per example'
}
const perturbedSpec: InputSpec = {
  name: 'perturbed_attributions',
  shapes: [['N', 'S', 'F...']],
  description: 'attributions of S perturbed copies of each input [N, S, F] (trailing dimensions as in attributions)'
}

/** The S perturbed rows of example i, each a view of F values. */
function samplesOf(perturbed: NDArray, i: number, s: number, f: number): Float64Array[] {
  const base = i * s * f
  return Array.from({ length: s }, (_, k) => perturbed.data.subarray(base + k * f, base + (k + 1) * f))
}

function sampleCount(perturbed: NDArray, name: string): number {
  const s = perturbed.shape[1]
  if (s < 1) throw new MetricInputError(`input "${name}" (${perturbed.source}) holds no perturbed samples (S = 0)`)
  return s
}

function sensitivity(name: 'max-sensitivity' | 'avg-sensitivity'): MetricDefinition<Record<string, never>> {
  const max = name === 'max-sensitivity'
  return {
    name,
    family: 'robustness',
    title: max ? 'Max-Sensitivity' : 'Avg-Sensitivity',
    direction: 'lower',
    inputs: [attributionsSpec, perturbedSpec],
    params: z.object({}).strict(),
    compute({ attributions, perturbed_attributions: perturbed }) {
      const n = rows(attributions)
      const s = sampleCount(perturbed, 'perturbed_attributions')
      const f = attributions.data.length / Math.max(n, 1)
      const scores = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const a = row(attributions, i)
        const norm = l2Norm(a)
        // A zero explanation has no relative change to speak of; Captum's divide-by-1 would report the raw distance.
        if (!(norm > 0)) {
          scores[i] = NaN
          continue
        }
        let best = -Infinity
        let total = 0
        for (const p of samplesOf(perturbed, i, s, f)) {
          const d = l2Distance(a, p) / norm
          best = Number.isNaN(d) || Number.isNaN(best) ? NaN : Math.max(best, d)
          total += d
        }
        scores[i] = max ? best : total / s
      }
      return { scores }
    },
    doc: {
      summary: max
        ? 'Largest relative change of an explanation over S perturbations of its input; a robust explainer keeps it small.'
        : 'Mean relative change of an explanation over S perturbations of its input; a robust explainer keeps it small.',
      formula: `SENSᵢ = ${max ? 'max' : '(1/S)·Σ'}ₛ ‖aᵢ − a′ᵢₛ‖₂ / ‖aᵢ‖₂ (norms over the flattened attribution), then the mean over examples`,
      range: '[0, ∞)',
      edgeCases: [
        'An all-zero attribution (‖aᵢ‖ = 0) makes that example NaN (excluded, counted).',
        'A NaN anywhere in the example’s attribution or its perturbed attributions makes it NaN.',
        'S = 0 perturbed samples is an input error.',
        'The perturbation itself (noise type and radius) is the caller’s; interp-gate scores the attributions it is given.'
      ],
      reference:
        'Yeh et al. 2019, "On the (In)fidelity and Sensitivity of Explanations" (NeurIPS); Captum captum/metrics/_core/sensitivity.py ' +
        `(sensitivity_max); Quantus quantus/metrics/robustness/${max ? 'max_sensitivity.py (MaxSensitivity)' : 'avg_sensitivity.py (AvgSensitivity)'} ` +
        'with norm_numerator = norm_denominator = fro_norm, normalise = abs = False.',
      differences:
        'Captum replaces a zero ‖a‖ by 1 (reporting the raw distance) and Quantus divides by zero; we return NaN for that example. ' +
        'Quantus drops samples whose prediction changed (return_nan_when_prediction_changes) before the nanmax / nanmean; ' +
        'filter those samples before saving the arrays. Quantus releases before 0.6 divided by ‖x‖ of the input instead of ‖a‖.'
    }
  }
}

export const maxSensitivity = sensitivity('max-sensitivity')
export const avgSensitivity = sensitivity('avg-sensitivity')

export const localLipschitz: MetricDefinition<Record<string, never>> = {
  name: 'local-lipschitz',
  aliases: ['local-lipschitz-estimate'],
  family: 'robustness',
  title: 'Local Lipschitz estimate',
  direction: 'lower',
  inputs: [
    attributionsSpec,
    perturbedSpec,
    { name: 'x', shapes: [['N', 'D...']], description: 'the original inputs [N, D]; more dimensions are flattened per example' },
    {
      name: 'x_perturbed',
      shapes: [['N', 'S', 'D...']],
      description: 'the S perturbed inputs [N, S, D] the perturbed attributions were computed on, in the same order'
    }
  ],
  params: z.object({}).strict(),
  compute({ attributions, perturbed_attributions: perturbed, x, x_perturbed: xPerturbed }) {
    const n = rows(attributions)
    const s = sampleCount(perturbed, 'perturbed_attributions')
    const f = attributions.data.length / Math.max(n, 1)
    const d = x.data.length / Math.max(n, 1)
    const scores = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const a = row(attributions, i)
      const xi = row(x, i)
      const aSamples = samplesOf(perturbed, i, s, f)
      const xSamples = samplesOf(xPerturbed, i, s, d)
      if (hasNaN(a) || hasNaN(xi) || aSamples.some(hasNaN) || xSamples.some(hasNaN)) {
        scores[i] = NaN
        continue
      }
      let best = NaN
      for (let k = 0; k < s; k++) {
        const dx = l2Distance(xi, xSamples[k])
        // A sample equal to the input carries no Lipschitz information (0/0 or ∞); it is skipped, not counted.
        if (dx === 0) continue
        const ratio = l2Distance(a, aSamples[k]) / dx
        if (!(ratio <= best)) best = ratio
      }
      scores[i] = best
    }
    return { scores }
  },
  doc: {
    summary: 'Largest ratio of explanation change to input change over S perturbations; a robust explainer keeps it small.',
    formula: 'LLᵢ = maxₛ ‖aᵢ − a′ᵢₛ‖₂ / ‖xᵢ − x′ᵢₛ‖₂ over the samples with x′ᵢₛ ≠ xᵢ, on the arrays as given, then the mean over examples',
    range: '[0, ∞)',
    edgeCases: [
      'A perturbed input equal to its original (‖x − x′ₛ‖ = 0) is skipped; when every sample is skipped the example is NaN.',
      'A NaN anywhere in the example’s four arrays makes it NaN (excluded, counted).',
      'x may have another size than the attributions (e.g. token embeddings vs token attributions); S must agree.',
      'S = 0 perturbed samples is an input error.'
    ],
    reference:
      'Alvarez-Melis & Jaakkola 2018, "On the Robustness of Interpretability Methods" (ICML WHI); Quantus ' +
      'quantus/metrics/robustness/local_lipschitz_estimate.py (LocalLipschitzEstimate) with ' +
      'quantus/functions/similarity_func.py lipschitz_constant, norm_numerator = norm_denominator = distance_euclidean.',
    differences:
      'Quantus adds ε = 1e-10 to the denominator and only warns when a perturbation leaves x unchanged; we skip such samples ' +
      'instead of dividing by ε. Quantus normalises attributions by default (normalise_by_negative); we use the arrays as given, ' +
      'so normalise before saving if you want Quantus’ numbers.'
  }
}

export const randomizationSimilarity: MetricDefinition<{ abs: boolean }> = {
  name: 'randomization-similarity',
  aliases: ['mprt'],
  family: 'robustness',
  title: 'Model-randomisation similarity (MPRT)',
  direction: 'lower',
  inputs: [
    attributionsSpec,
    {
      name: 'random_attributions',
      shapes: [['N', 'F...']],
      description: 'attributions of the same inputs by a model with randomised parameters [N, F]'
    }
  ],
  params: z.object({ abs: z.boolean().default(true).describe('rank |a| (Quantus MPRT default); false ranks signed attributions') }).strict(),
  compute({ attributions, random_attributions: random }, { abs }) {
    const n = rows(attributions)
    const scores = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const a = row(attributions, i)
      const r = row(random, i)
      scores[i] = abs ? spearman(absolute(a), absolute(r)) : spearman(a, r)
    }
    return { scores }
  },
  doc: {
    summary: 'Rank correlation between an explanation and the explanation of a randomised model; an explainer that depends on the model keeps it low.',
    formula: 'ρᵢ = Spearman(|aᵢ|, |aᵢ^rand|) with average ranks for ties (abs: false drops the |·|), then the mean over examples',
    range: '[−1, 1]',
    edgeCases: [
      'A constant row (in either array, after |·|) has no ranking: that example is NaN (excluded, counted), as scipy.stats.spearmanr.',
      'A NaN in either row makes that example NaN.',
      'Ties get average ranks.'
    ],
    reference:
      'Adebayo et al. 2018, "Sanity Checks for Saliency Maps" (NeurIPS); Quantus quantus/metrics/randomisation/mprt.py ' +
      '(MPRT: similarity_func = correlation_spearman, abs = True) and quantus/functions/similarity_func.py; scipy.stats.spearmanr.',
    differences:
      'Quantus randomises layers one by one and reports a score per layer; we score one randomised model (usually the fully ' +
      'randomised one) given as random_attributions. Quantus also max-normalises attributions, which does not change ranks.'
  }
}

export const definitions = [maxSensitivity, avgSensitivity, localLipschitz, randomizationSimilarity]
