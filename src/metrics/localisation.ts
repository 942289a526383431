import { z } from 'zod'
import { type NDArray, row, rowSize } from '../domain/ndarray.js'
import { checkZeroOne, hasNaN, kParam, perRow, resolveK, rocAuc, topKIndices } from './math.js'
import type { InputSpec, MetricDefinition } from './definition.js'

const inputs: InputSpec[] = [
  {
    name: 'attributions',
    shapes: [['N', 'F...']],
    description: 'attributions [N, F] (more dimensions are flattened per example), signed as given'
  },
  {
    name: 'mask',
    shapes: [['N', 'F...']],
    description: 'ground-truth relevance mask [N, F] (bool or 0/1), same layout as the attributions'
  }
]

const emptyMaskCase = 'An empty mask has nothing to localise: NaN (excluded, counted).'
const nanCase = 'A NaN attribution makes that example NaN (excluded, counted).'
const maskValuesCase = 'Mask values other than 0/1 are an input error (Quantus casts them with astype(bool)).'
const signedNote = 'Attributions are used signed, as given (Quantus defaults abs=False); pass |a| to localise magnitudes.'

/** Scores each example from its attribution row and mask row; empty masks and NaN rows score NaN. */
function perExample(attributions: NDArray, mask: NDArray, score: (a: Float64Array, m: Float64Array, maskSize: number) => number): Float64Array {
  checkZeroOne(mask, 'mask')
  return perRow(attributions, (a, i) => {
    const m = row(mask, i)
    let maskSize = 0
    for (let j = 0; j < m.length; j++) maskSize += m[j]
    if (maskSize === 0 || hasNaN(a)) return NaN
    return score(a, m, maskSize)
  })
}

/** Share of the `count` largest attributions (ties to the lower index) that fall inside the mask. */
function topHits(a: Float64Array, m: Float64Array, count: number): number {
  let hits = 0
  for (const j of topKIndices(a, count)) hits += m[j]
  return hits / count
}

export const topKIntersection: MetricDefinition<{ k: number }> = {
  name: 'top-k-intersection',
  family: 'localisation',
  title: 'Top-k intersection',
  direction: 'higher',
  inputs,
  params: z.object({ k: kParam }).strict(),
  compute({ attributions, mask }, { k }) {
    const count = resolveK(k, rowSize(attributions))
    return { scores: perExample(attributions, mask, (a, m) => topHits(a, m, count)) }
  },
  doc: {
    summary: 'Share of the k highest-attributed features that lie inside the ground-truth mask.',
    formula: 'TKIᵢ = |top-k(aᵢ) ∩ maskᵢ| / k, then the mean over examples',
    range: '[0, 1]',
    edgeCases: [
      'k in (0, 1) selects ceil(k·F) features (k·F rounded to 12 digits first); a whole k ≥ 1 selects k; default 0.1; more than F is an input error.',
      'Ties at the cut go to the lower feature index (numpy argsort(−a, kind="stable")).',
      signedNote,
      emptyMaskCase,
      nanCase,
      maskValuesCase
    ],
    reference:
      'Theiner et al. 2021, "Interpretable Semantic Photo Geolocation" (WACV); Quantus quantus/metrics/localisation/top_k_intersection.py (TopKIntersection).',
    differences: 'Quantus breaks ties with numpy’s default (unstable) argsort; we use the stable lower-index rule. Its concept_influence option is not offered.'
  }
}

export const relevanceRankAccuracy: MetricDefinition<Record<string, never>> = {
  name: 'relevance-rank-accuracy',
  family: 'localisation',
  title: 'Relevance rank accuracy',
  direction: 'higher',
  inputs,
  params: z.object({}).strict(),
  compute({ attributions, mask }) {
    return { scores: perExample(attributions, mask, (a, m, size) => topHits(a, m, size)) }
  },
  doc: {
    summary: 'Share of the K highest-attributed features that lie inside the mask, K being the mask size.',
    formula: 'RRAᵢ = |top-K(aᵢ) ∩ maskᵢ| / K, K = |maskᵢ|, then the mean over examples',
    range: '[0, 1]',
    edgeCases: ['Ties at the cut go to the lower feature index (numpy argsort(−a, kind="stable")).', signedNote, emptyMaskCase, nanCase, maskValuesCase],
    reference:
      'Arras et al. 2022, "CLEVR-XAI: A benchmark dataset for the ground truth evaluation of neural network explanations" (Information Fusion); ' +
      'Quantus quantus/metrics/localisation/relevance_rank_accuracy.py (RelevanceRankAccuracy).',
    differences: 'Quantus breaks ties with numpy’s default (unstable) argsort; we use the stable lower-index rule.'
  }
}

export const relevanceMassAccuracy: MetricDefinition<Record<string, never>> = {
  name: 'relevance-mass-accuracy',
  family: 'localisation',
  title: 'Relevance mass accuracy',
  direction: 'higher',
  inputs,
  params: z.object({}).strict(),
  compute({ attributions, mask }) {
    return {
      scores: perExample(attributions, mask, (a, m) => {
        let within = 0
        let total = 0
        for (let j = 0; j < a.length; j++) {
          within += a[j] * m[j]
          total += a[j]
        }
        return total === 0 ? NaN : within / total
      })
    }
  },
  doc: {
    summary: 'Share of the total attribution that falls inside the mask.',
    formula: 'RMAᵢ = Σ_{j ∈ maskᵢ} aᵢⱼ / Σⱼ aᵢⱼ, then the mean over examples',
    range: '[0, 1] for non-negative attributions; unbounded for signed ones',
    edgeCases: ['Attributions summing to exactly 0 make the ratio undefined: NaN (excluded, counted).', signedNote, emptyMaskCase, nanCase, maskValuesCase],
    reference: 'Arras et al. 2022 (CLEVR-XAI, Information Fusion); Quantus quantus/metrics/localisation/relevance_mass_accuracy.py (RelevanceMassAccuracy).',
    differences: 'Quantus divides by a zero total anyway (inf or NaN with a warning); we score NaN.'
  }
}

export const pointingGame: MetricDefinition<Record<string, never>> = {
  name: 'pointing-game',
  family: 'localisation',
  title: 'Pointing game',
  direction: 'higher',
  inputs,
  params: z.object({}).strict(),
  binary: true,
  compute({ attributions, mask }) {
    return {
      scores: perExample(attributions, mask, (a, m) => {
        const max = a.reduce((best, v) => Math.max(best, v), -Infinity)
        for (let j = 0; j < a.length; j++) if (a[j] === max && m[j] === 1) return 1
        return 0
      })
    }
  },
  doc: {
    summary: 'Whether the highest attribution points inside the mask (1) or not (0); the mean is the hit rate.',
    formula: 'PGᵢ = 1[∃ j ∈ maskᵢ : aᵢⱼ = maxₖ aᵢₖ], then the mean over examples',
    range: '[0, 1]',
    edgeCases: [
      'When several features tie for the maximum, one of them inside the mask is a hit (as Quantus).',
      signedNote,
      emptyMaskCase,
      nanCase,
      maskValuesCase
    ],
    reference:
      'Zhang et al. 2018, "Top-Down Neural Attention by Excitation Backprop" (IJCV); Quantus quantus/metrics/localisation/pointing_game.py (PointingGame).',
    differences:
      'Quantus assigns NaN to a bool array for an empty mask, which stores True: a hit. We score an empty mask NaN. Its weighted option is not offered.'
  }
}

export const attributionAuroc: MetricDefinition<Record<string, never>> = {
  name: 'attribution-auroc',
  family: 'localisation',
  title: 'Attribution ROC AUC',
  direction: 'higher',
  inputs,
  params: z.object({}).strict(),
  compute({ attributions, mask }) {
    return { scores: perExample(attributions, mask, (a, m) => rocAuc(a, m)) }
  },
  doc: {
    summary: 'Per-example ROC AUC of the attributions as a detector of the mask: the chance a masked feature outranks an unmasked one.',
    formula: 'AUCᵢ = (R₁ − n₁(n₁+1)/2) / (n₁·n₀) over the F features, R₁ the masked features’ average-rank sum; then the mean',
    range: '[0, 1]; 0.5 is chance',
    edgeCases: [
      'Tied attributions count ½ (average ranks), as the trapezoid ROC of sklearn.',
      'A full mask has no negatives: NaN (excluded, counted).',
      signedNote,
      emptyMaskCase,
      nanCase,
      maskValuesCase
    ],
    reference: 'Fawcett 2006, "An introduction to ROC analysis"; Quantus quantus/metrics/localisation/auc.py (AUC: sklearn roc_curve + auc).'
  }
}

export const definitions = [topKIntersection, relevanceRankAccuracy, relevanceMassAccuracy, pointingGame, attributionAuroc]
