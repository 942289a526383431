import { z } from 'zod'
import { type NDArray, row, rowSize } from '../domain/ndarray.js'
import { absolute, denseRanks, hasNaN, kParam, pearson, perRow, resolveK, topKIndices } from './math.js'
import { type InputSpec, type MetricDefinition, MetricInputError } from './definition.js'

const inputs: InputSpec[] = [
  {
    name: 'attributions',
    shapes: [['N', 'F...']],
    description: 'attributions [N, F] (more dimensions are flattened per example)'
  },
  {
    name: 'reference',
    shapes: [['N', 'F...']],
    description: 'ground-truth attributions [N, F], already oriented per example (e.g. model weights signed for the explained class)'
  }
]

const openxaiPaper = 'Krishna et al. 2022, "OpenXAI: Towards a Transparent Evaluation of Model Explanations" (NeurIPS Datasets & Benchmarks)'
const openxaiFile = 'AI4LIFE-GROUP/OpenXAI openxai/metrics.py'
const orientedNote = 'OpenXAI takes one ground-truth vector and flips its sign by the predicted class; we take a per-example reference, already oriented.'
const nanCase = 'A NaN in either row makes that example NaN (excluded, counted).'

/** Dense ranks of −|values|: 1 for the largest magnitude, ties share a rank (rankdata(−|a|, method='dense')). */
function magnitudeRanks(values: Float64Array): Float64Array {
  return denseRanks(absolute(values).map((v) => -v))
}

/** The top-k features by |value| (ties to the lower index) with their dense magnitude ranks and signs. */
function topFeatures(values: Float64Array, k: number) {
  const ranks = magnitudeRanks(values)
  const idx = topKIndices(absolute(values), k)
  return Array.from(idx, (j) => ({ j, rank: ranks[j], sign: Math.sign(values[j]) }))
}

type Feature = ReturnType<typeof topFeatures>[number]

/** Scores each example from its attribution and reference rows; NaN rows score NaN. */
function perPair(attributions: NDArray, reference: NDArray, score: (a: Float64Array, r: Float64Array) => number): Float64Array {
  return perRow(attributions, (a, i) => {
    const r = row(reference, i)
    return hasNaN(a) || hasNaN(r) ? NaN : score(a, r)
  })
}

/** A top-k agreement: `match` says whether position t of the explanation's list agrees with the reference's list. */
function topKAgreement(spec: {
  name: string
  title: string
  summary: string
  formula: string
  openxai: string
  match: (t: number, a: Feature[], r: Feature[], rByFeature: Map<number, Feature>) => boolean
}): MetricDefinition<{ k: number }> {
  return {
    name: spec.name,
    family: 'agreement',
    title: spec.title,
    direction: 'higher',
    inputs,
    params: z.object({ k: kParam }).strict(),
    compute({ attributions, reference }, { k }) {
      const count = resolveK(k, rowSize(attributions))
      return {
        scores: perPair(attributions, reference, (a, r) => {
          const ta = topFeatures(a, count)
          const tr = topFeatures(r, count)
          // Indexed by feature so set membership stays O(k) for image-size k.
          const byFeature = new Map(tr.map((f) => [f.j, f]))
          let agree = 0
          for (let t = 0; t < count; t++) if (spec.match(t, ta, tr, byFeature)) agree++
          return agree / count
        })
      }
    },
    doc: {
      summary: spec.summary,
      formula: `${spec.formula}; top-k by |·|, rank = dense rank of −|·| (1 = largest); then the mean over examples`,
      range: '[0, 1]',
      edgeCases: [
        'k in (0, 1) selects ceil(k·F) features (k·F rounded to 12 digits first, so 0.3·10 is 3; OpenXAI’s np.ceil gives 4); a whole k ≥ 1 selects k; default 0.1; more than F is an input error.',
        'Ties in |·| at the cut go to the lower feature index (numpy argsort(−|a|, kind="stable")); tied features share a dense rank.',
        'sign(0) = 0, so a zero attribution agrees in sign only with a zero reference.',
        nanCase
      ],
      reference: `${openxaiPaper}; ${openxaiFile} eval_ground_truth_faithfulness(metric="${spec.openxai}").`,
      differences: `OpenXAI orders top-k ties with numpy’s default (unstable) argsort; we use the stable lower-index rule. ${orientedNote}`
    }
  }
}

export const featureAgreement = topKAgreement({
  name: 'feature-agreement',
  title: 'Feature agreement (FA)',
  summary: 'Share of the k most important features (by magnitude) that the explanation and the reference have in common.',
  formula: 'FAᵢ = |top-k(aᵢ) ∩ top-k(refᵢ)| / k',
  openxai: 'overlap',
  match: (t, a, _r, byFeature) => byFeature.has(a[t].j)
})

export const rankAgreement = topKAgreement({
  name: 'rank-agreement',
  title: 'Rank agreement (RA)',
  summary: 'Share of the top-k positions where the explanation and the reference put the same feature at the same rank.',
  formula: 'RAᵢ = (1/k)·Σₜ 1[feature and rank at position t agree]',
  openxai: 'rank',
  match: (t, a, r) => a[t].j === r[t].j && a[t].rank === r[t].rank
})

export const signAgreement = topKAgreement({
  name: 'sign-agreement',
  title: 'Sign agreement (SA)',
  summary: 'Share of the k most important features common to both top-k sets and carrying the same sign.',
  formula: 'SAᵢ = |{(j, sign aᵢⱼ) : j ∈ top-k(aᵢ)} ∩ {(j, sign refᵢⱼ) : j ∈ top-k(refᵢ)}| / k',
  openxai: 'sign',
  match: (t, a, _r, byFeature) => byFeature.get(a[t].j)?.sign === a[t].sign
})

export const signedRankAgreement = topKAgreement({
  name: 'signed-rank-agreement',
  title: 'Signed rank agreement (SRA)',
  summary: 'Share of the top-k positions where feature, rank and sign all agree between the explanation and the reference.',
  formula: 'SRAᵢ = (1/k)·Σₜ 1[feature, rank and sign at position t agree]',
  openxai: 'ranksign',
  match: (t, a, r) => a[t].j === r[t].j && a[t].rank === r[t].rank && a[t].sign === r[t].sign
})

function requireTwoFeatures(attributions: NDArray): void {
  const f = rowSize(attributions)
  if (f < 2) throw new MetricInputError(`input "attributions" needs at least 2 features per example, got ${f}`)
}

export const pairwiseRankAgreement: MetricDefinition<Record<string, never>> = {
  name: 'pairwise-rank-agreement',
  family: 'agreement',
  title: 'Pairwise rank agreement (PRA)',
  direction: 'higher',
  inputs,
  params: z.object({}).strict(),
  compute({ attributions, reference }) {
    requireTwoFeatures(attributions)
    return {
      scores: perPair(attributions, reference, (a, r) => {
        const ra = magnitudeRanks(a)
        const rr = magnitudeRanks(r)
        let same = 0
        for (let i = 0; i < ra.length; i++) {
          for (let j = i + 1; j < ra.length; j++) if (ra[i] < ra[j] === rr[i] < rr[j]) same++
        }
        return same / ((ra.length * (ra.length - 1)) / 2)
      })
    }
  },
  doc: {
    summary: 'Share of feature pairs whose relative importance (by magnitude) is the same in the explanation and the reference.',
    formula: 'PRAᵢ = Σ_{j<l} 1[(ρ(a)ⱼ < ρ(a)ₗ) = (ρ(ref)ⱼ < ρ(ref)ₗ)] / C(F, 2), ρ = dense rank of −|·|; then the mean',
    range: '[0, 1]',
    edgeCases: [
      'Each pair j < l is compared as "ρⱼ < ρₗ" (OpenXAI), so a tie on one side agrees with a tie or with l ranked ahead of j on the other.',
      'F < 2 has no pairs: an input error.',
      'Cost is O(F²) per example; meant for tabular-size F.',
      nanCase
    ],
    reference: `${openxaiPaper}; ${openxaiFile} pairwise_comp().`,
    differences: orientedNote
  }
}

export const rankCorrelation: MetricDefinition<Record<string, never>> = {
  name: 'rank-correlation',
  family: 'agreement',
  title: 'Rank correlation (RC)',
  direction: 'higher',
  inputs,
  params: z.object({}).strict(),
  compute({ attributions, reference }) {
    requireTwoFeatures(attributions)
    return { scores: perPair(attributions, reference, (a, r) => pearson(magnitudeRanks(a), magnitudeRanks(r))) }
  },
  doc: {
    summary: 'Correlation between the feature importance rankings (by magnitude) of the explanation and the reference.',
    formula: 'RCᵢ = Pearson_r(ρ(aᵢ), ρ(refᵢ)), ρ = dense rank of −|·| (1 = largest); then the mean over examples',
    range: '[−1, 1]',
    edgeCases: [
      'Pearson of dense ranks, as OpenXAI: with ties this differs from Spearman (which uses average ranks).',
      'A row whose magnitudes are all equal has constant ranks: NaN (excluded, counted).',
      'F < 2 is an input error.',
      nanCase
    ],
    reference: `${openxaiPaper}; ${openxaiFile} rankcorr() (scipy.stats.pearsonr of rankdata(−|a|, method="dense")).`,
    differences: orientedNote
  }
}

export const definitions = [featureAgreement, rankAgreement, signAgreement, signedRankAgreement, pairwiseRankAgreement, rankCorrelation]
