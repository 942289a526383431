import { z } from 'zod'
import { absolute, perRow } from './math.js'
import type { InputSpec, MetricDefinition } from './types.js'

const attributionsSpec: InputSpec = {
  name: 'attributions',
  shapes: [['N', 'F...']],
  description: 'attributions [N, F]; more dimensions are flattened per example'
}

export const nonzeroFraction: MetricDefinition<{ eps: number }> = {
  name: 'nonzero-fraction',
  aliases: ['sparsity'],
  family: 'sparsity',
  title: 'Non-zero fraction',
  direction: 'lower',
  inputs: [attributionsSpec],
  params: z.object({ eps: z.number().nonnegative().default(0) }).strict(),
  compute({ attributions }, { eps }) {
    return {
      scores: perRow(attributions, (a) => {
        let count = 0
        for (let j = 0; j < a.length; j++) {
          if (Number.isNaN(a[j])) return NaN
          if (Math.abs(a[j]) > eps) count++
        }
        return count / a.length
      })
    }
  },
  doc: {
    summary: 'Share of features whose attribution magnitude exceeds eps; lower means a sparser explanation.',
    formula: 'nzᵢ = (1/F)·Σⱼ 1[|aᵢⱼ| > eps], then the mean over examples',
    range: '[0, 1]',
    edgeCases: ['A NaN attribution makes that example NaN (excluded, counted).', 'eps defaults to 0: exact zeros only.'],
    reference: 'The L0 "sparsity" of an attribution map (e.g. Chalasani et al. 2020 §5); numpy: (np.abs(a) > eps).mean(axis=1).'
  }
}

/** Gini index of one row's magnitudes: sorted ascending, Σᵢ (2i − F − 1)·a₍ᵢ₎ / (F·Σa); all-zero → 0. */
export function giniIndex(values: ArrayLike<number>): number {
  const a = absolute(values).sort()
  const f = a.length
  let total = 0
  let weighted = 0
  for (let i = 0; i < f; i++) {
    total += a[i]
    weighted += (2 * (i + 1) - f - 1) * a[i]
  }
  if (Number.isNaN(total)) return NaN
  return total === 0 ? 0 : weighted / (f * total)
}

export const gini: MetricDefinition<Record<string, never>> = {
  name: 'gini',
  family: 'sparsity',
  title: 'Gini index (Sparseness)',
  direction: 'higher',
  inputs: [attributionsSpec],
  params: z.object({}).strict(),
  compute({ attributions }) {
    return { scores: perRow(attributions, giniIndex) }
  },
  doc: {
    summary: 'Gini index of the attribution magnitudes: 0 when spread evenly, near 1 when concentrated on few features.',
    formula: 'a = sort↑(|aᵢ|); Gᵢ = Σⱼ₌₁..F (2j − F − 1)·a₍ⱼ₎ / (F·Σⱼ a₍ⱼ₎), then the mean over examples',
    range: '[0, 1 − 1/F]',
    edgeCases: ['An all-zero attribution row scores 0.', 'A NaN attribution makes that example NaN (excluded, counted).'],
    reference:
      'Chalasani et al. 2020, "Concise Explanations of Neural Networks using Adversarial Training" (ICML); ' +
      'Quantus quantus/metrics/complexity/sparseness.py (Sparseness).',
    differences: 'Quantus adds 1e-7 to every |a| before sorting; we use the magnitudes as given, so values differ by O(1e-7) and an all-zero row is defined as 0 rather than through the offset.'
  }
}

export const definitions = [nonzeroFraction, gini]
