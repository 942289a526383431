import { z } from 'zod'
import { type NDArray, row, shapeText } from '../domain/ndarray.js'
import { argmax, hasNaN, pearson, perRow, spearman, unitTrapezoid } from './math.js'
import { type InputSpec, type MetricDefinition, MetricInputError } from './definition.js'

const noParams = z.object({}).strict()

function curvesSpec(what: string): InputSpec {
  return {
    name: 'curves',
    shapes: [['N', 'K+1']],
    description: `model output (e.g. target-class probability) after ${what} k/K of the features, k = 0..K`
  }
}

function requireTwoPoints(a: NDArray, name: string, what: string): void {
  if (a.shape[1] < 2) throw new MetricInputError(`input "${name}" needs at least 2 ${what} per example, got ${a.shape[1]}`)
}

function curveAuc(name: 'deletion-auc' | 'insertion-auc'): MetricDefinition<Record<string, never>> {
  const deletion = name === 'deletion-auc'
  return {
    name,
    family: 'faithfulness',
    title: deletion ? 'Deletion AUC' : 'Insertion AUC',
    direction: deletion ? 'lower' : 'higher',
    inputs: [curvesSpec(deletion ? 'removing, most relevant first,' : 'adding, most relevant first,')],
    rowwise: true,
    params: noParams,
    compute({ curves }) {
      requireTwoPoints(curves, 'curves', 'points (K ≥ 1)')
      return { scores: perRow(curves, unitTrapezoid) }
    },
    doc: {
      summary: deletion
        ? 'How fast the model output falls as the most relevant features are deleted first; a faithful explanation makes it fall fast.'
        : 'How fast the model output rises as the most relevant features are inserted first into a blank input.',
      formula: 'AUC = (1/K)·(Σₖ₌₀..K yₖ − (y₀ + y_K)/2): the trapezoid rule on k/K ∈ [0, 1], per example, then the mean',
      range: 'the range of the curve values ([0, 1] for probabilities)',
      edgeCases: ['A curve with a NaN point is NaN for that example (excluded, counted).', 'Curves need K ≥ 1 (two points); one point is an input error.'],
      reference:
        'Petsiuk et al. 2018, "RISE: Randomized Input Sampling for Explanation of Black-box Models" (BMVC); ' +
        'eclique/RISE evaluation.py auc(): (arr.sum() − arr[0]/2 − arr[-1]/2) / (len(arr) − 1).'
    }
  }
}

export const deletionAuc = curveAuc('deletion-auc')
export const insertionAuc = curveAuc('insertion-auc')

/** AOPC of one curve: (1/(K+1))·Σₖ (y₀ − yₖ). */
function aopcOf(y: Float64Array): number {
  let drop = 0
  for (let k = 0; k < y.length; k++) drop += y[0] - y[k]
  return drop / y.length
}

const aopcDoc = {
  formula: 'AOPC = (1/(K+1))·Σₖ₌₀..K (y₀ − yₖ) per example, then the mean over examples',
  range: 'the range of y₀ − yₖ ([−1, 1] for probabilities)',
  reference:
    'Samek et al. 2017, "Evaluating the Visualization of What a Deep Neural Network Has Learned" (IEEE TNNLS), eq. 12; ' +
    'Quantus quantus/metrics/faithfulness/region_perturbation.py produces such curves.'
}

// One definition per order: the better direction flips with the order and a definition's direction is static.
export const aopc: MetricDefinition<{ order: 'morf' | 'lerf' }> = {
  name: 'aopc',
  family: 'faithfulness',
  title: 'AOPC (most relevant first)',
  direction: 'higher',
  inputs: [curvesSpec('removing, most relevant first (MoRF),')],
  rowwise: true,
  params: z
    .object({
      order: z.enum(['morf', 'lerf']).default('morf').describe('removal order of the curves; LeRF curves go to metric aopc-lerf')
    })
    .strict()
    .refine((p) => p.order === 'morf', {
      message: 'order "lerf" reverses the direction (lower is better): use metric "aopc-lerf" instead',
      path: ['order']
    }),
  compute({ curves }) {
    requireTwoPoints(curves, 'curves', 'points (K ≥ 1)')
    return { scores: perRow(curves, aopcOf) }
  },
  doc: {
    summary: 'Average drop of the model output as the most relevant features are removed first; a faithful explanation makes it large.',
    ...aopcDoc,
    edgeCases: [
      'Only order "morf" is accepted; LeRF curves go to metric aopc-lerf, whose direction is lower.',
      'A curve with a NaN point is NaN for that example (excluded, counted).',
      'Curves need K ≥ 1 (two points); one point is an input error.'
    ]
  }
}

export const aopcLerf: MetricDefinition<Record<string, never>> = {
  name: 'aopc-lerf',
  family: 'faithfulness',
  title: 'AOPC (least relevant first)',
  direction: 'lower',
  inputs: [curvesSpec('removing, least relevant first (LeRF),')],
  rowwise: true,
  params: noParams,
  compute({ curves }) {
    requireTwoPoints(curves, 'curves', 'points (K ≥ 1)')
    return { scores: perRow(curves, aopcOf) }
  },
  doc: {
    summary: 'Average drop of the model output as the least relevant features are removed first; a faithful explanation keeps it small.',
    ...aopcDoc,
    edgeCases: ['A curve with a NaN point is NaN for that example (excluded, counted).', 'Curves need K ≥ 1 (two points); one point is an input error.']
  }
}

const probsFullSpec: InputSpec = {
  name: 'probs_full',
  shapes: [['N', 'C'], ['N']],
  description: 'class probabilities on the full input [N, C] (ŷ = argmax), or the predicted-class probability [N]'
}

/** Requires `other` to have `extra` more dimensions than probs_full, so both are [N]-style or both [N, C]-style. */
function requireMatchingKind(full: NDArray, other: NDArray, name: string, extra: number): void {
  if (other.shape.length !== full.shape.length + extra) {
    throw new MetricInputError(
      `input "${name}" (${other.source}) has shape ${shapeText(other.shape)} but "probs_full" has ${shapeText(full.shape)}: ` +
        'give both as class probabilities ([N, C] style) or both as predicted-class probabilities ([N] style)'
    )
  }
}

/** Per example p_full[ŷ] − p_x[ŷ] averaged over the B rows of `other` (B = 1 for single-perturbation metrics). */
function predictedClassDrops(full: NDArray, other: NDArray, bins: number): Float64Array {
  const classes = full.shape.length === 2 ? full.shape[1] : 1
  return perRow(full, (p, i) => {
    const label = full.shape.length === 2 ? argmax(p) : 0
    if (Number.isNaN(label)) return NaN
    const x = row(other, i)
    let drop = 0
    for (let b = 0; b < bins; b++) drop += p[label] - x[b * classes + label]
    return drop / bins
  })
}

function eraserEdgeCases(otherName: string): string[] {
  return [
    'ŷ is the argmax of probs_full (ties to the lowest class, as numpy.argmax); with [N] inputs the given probabilities are used.',
    `probs_full and ${otherName} must both be [N, …, C]-style or both [N, …]-style; mixing is an input error.`,
    'A NaN in a value used (or anywhere in the probs_full row, for the argmax) makes that example NaN (excluded, counted).'
  ]
}

const eraserReference =
  'DeYoung et al. 2020, "ERASER: A Benchmark to Evaluate Rationalized NLP Models" (ACL) §4; jayded/eraserbenchmark ' + 'rationale_benchmark/metrics.py'

function erasMetric(name: 'comprehensiveness' | 'sufficiency'): MetricDefinition<Record<string, never>> {
  const comp = name === 'comprehensiveness'
  const other = comp ? 'probs_removed' : 'probs_kept'
  return {
    name,
    family: 'faithfulness',
    title: comp ? 'Comprehensiveness (ERASER)' : 'Sufficiency (ERASER)',
    direction: comp ? 'higher' : 'lower',
    inputs: [
      probsFullSpec,
      {
        name: other,
        shapes: [['N', 'C'], ['N']],
        description: `class probabilities [N, C] (or predicted-class probability [N]) with ${comp ? 'the rationale removed' : 'only the rationale kept'}`
      }
    ],
    params: noParams,
    compute(inputs) {
      requireMatchingKind(inputs.probs_full, inputs[other], other, 0)
      return { scores: predictedClassDrops(inputs.probs_full, inputs[other], 1) }
    },
    doc: {
      summary: comp
        ? 'Drop in the predicted-class probability when the rationale is removed; a faithful rationale makes it large.'
        : 'Drop in the predicted-class probability when only the rationale is kept; a sufficient rationale keeps it small.',
      formula: `${comp ? 'comp' : 'suff'}ᵢ = p_full,ᵢ[ŷᵢ] − p_${comp ? 'removed' : 'kept'},ᵢ[ŷᵢ], ŷᵢ = argmax p_full,ᵢ; then the mean over examples`,
      range: '[−1, 1] for probabilities',
      edgeCases: eraserEdgeCases(other),
      reference: `${eraserReference} score_classifications() (${name}_scores).`
    }
  }
}

export const comprehensiveness = erasMetric('comprehensiveness')
export const sufficiency = erasMetric('sufficiency')

function aopcErasMetric(name: 'aopc-comprehensiveness' | 'aopc-sufficiency'): MetricDefinition<Record<string, never>> {
  const comp = name === 'aopc-comprehensiveness'
  const other = comp ? 'bins_removed' : 'bins_kept'
  return {
    name,
    family: 'faithfulness',
    title: comp ? 'AOPC comprehensiveness (ERASER)' : 'AOPC sufficiency (ERASER)',
    direction: comp ? 'higher' : 'lower',
    inputs: [
      probsFullSpec,
      {
        name: other,
        shapes: [
          ['N', 'B', 'C'],
          ['N', 'B']
        ],
        description: `class probabilities [N, B, C] (or predicted-class probability [N, B]) with the top b-th bin of tokens (e.g. 1, 5, 10, 20, 50 %) ${comp ? 'removed' : 'kept'}`
      }
    ],
    params: noParams,
    compute(inputs) {
      const bins = inputs[other]
      requireMatchingKind(inputs.probs_full, bins, other, 1)
      if (bins.shape[1] < 1) throw new MetricInputError(`input "${other}" needs at least one bin (B ≥ 1)`)
      return { scores: predictedClassDrops(inputs.probs_full, bins, bins.shape[1]) }
    },
    doc: {
      summary: comp
        ? 'Comprehensiveness averaged over rationale sizes (bins of top tokens removed); higher is more faithful.'
        : 'Sufficiency averaged over rationale sizes (bins of top tokens kept); lower is more faithful.',
      formula: `AOPCᵢ = (1/B)·Σ_b (p_full,ᵢ[ŷᵢ] − p_b,ᵢ[ŷᵢ]), ŷᵢ = argmax p_full,ᵢ; then the mean over examples`,
      range: '[−1, 1] for probabilities',
      edgeCases: [...eraserEdgeCases(other), 'There is no k = 0 term: the mean runs over the B given bins only.'],
      reference: `${eraserReference} _instances_aopc() (np.average over the thresholds).`,
      differences: 'The ERASER paper writes a 1/(|B|+1) normaliser; we follow the benchmark code, which averages over the |B| bins.'
    }
  }
}

export const aopcComprehensiveness = aopcErasMetric('aopc-comprehensiveness')
export const aopcSufficiency = aopcErasMetric('aopc-sufficiency')

/** Per-example correlation of two [N, R] inputs; R ≥ 2 subsets are required. */
function rowCorrelation(x: NDArray, y: NDArray, xName: string, corr: (a: Float64Array, b: Float64Array) => number): Float64Array {
  requireTwoPoints(x, xName, 'subsets (R ≥ 2)')
  return perRow(x, (a, i) => corr(a, row(y, i)))
}

const subsetSumsSpec: InputSpec = {
  name: 'subset_sums',
  shapes: [['N', 'R']],
  description: 'sum of the attributions over each of R random feature subsets (Quantus atts / att_sums)'
}

export const faithfulnessCorrelation: MetricDefinition<Record<string, never>> = {
  name: 'faithfulness-correlation',
  family: 'faithfulness',
  title: 'Faithfulness correlation',
  direction: 'higher',
  inputs: [
    subsetSumsSpec,
    { name: 'output_drops', shapes: [['N', 'R']], description: 'model output drop f(x) − f(x with the subset replaced by the baseline) for each subset' }
  ],
  params: noParams,
  compute({ subset_sums, output_drops }) {
    return { scores: rowCorrelation(subset_sums, output_drops, 'subset_sums', pearson) }
  },
  doc: {
    summary: 'Pearson correlation, over random feature subsets, between the attribution mass of a subset and the output drop when it is removed.',
    formula: 'ρᵢ = Pearson_r(subset_sumsᵢ,·, output_dropsᵢ,·) over the R subsets, then the mean over examples',
    range: '[−1, 1]',
    edgeCases: [
      'A row whose values are all equal (in either input) has no correlation: NaN (excluded, counted); checked exactly, not via round-off.',
      'A NaN in either row makes that example NaN.',
      'R < 2 subsets is an input error.'
    ],
    reference:
      'Bhatt et al. 2020, "Evaluating and Aggregating Feature-based Model Explanations" (IJCAI); Quantus ' +
      'quantus/metrics/faithfulness/faithfulness_correlation.py (FaithfulnessCorrelation, similarity_func=correlation_pearson).'
  }
}

export const monotonicityCorrelation: MetricDefinition<Record<string, never>> = {
  name: 'monotonicity-correlation',
  family: 'faithfulness',
  title: 'Monotonicity correlation',
  direction: 'higher',
  inputs: [
    subsetSumsSpec,
    {
      name: 'output_variances',
      shapes: [['N', 'R']],
      description: 'variance (mean squared change) of the model output when each subset is perturbed (Quantus vars)'
    }
  ],
  params: noParams,
  compute({ subset_sums, output_variances }) {
    return { scores: rowCorrelation(subset_sums, output_variances, 'subset_sums', spearman) }
  },
  doc: {
    summary: 'Spearman rank correlation between the attribution of feature subsets and the output variance their perturbation causes.',
    formula: 'ρᵢ = Pearson_r(rank(subset_sumsᵢ,·), rank(output_variancesᵢ,·)) with average ranks for ties, then the mean',
    range: '[−1, 1]',
    edgeCases: [
      'Ties get average ranks, as scipy.stats.spearmanr.',
      'A row whose values are all equal (in either input) is NaN (excluded, counted).',
      'A NaN in either row makes that example NaN.',
      'R < 2 subsets is an input error.'
    ],
    reference:
      'Nguyen & Martínez 2020, "On quantitative aspects of model interpretability" (arXiv:2007.07584); Quantus ' +
      'quantus/metrics/faithfulness/monotonicity_correlation.py (MonotonicityCorrelation, similarity_func=correlation_spearman).'
  }
}

export const infidelity: MetricDefinition<{ normalize: boolean }> = {
  name: 'infidelity',
  family: 'faithfulness',
  title: 'Infidelity',
  direction: 'lower',
  inputs: [
    { name: 'dot_products', shapes: [['N', 'S']], description: 'perturbation · attribution, Σⱼ Iⱼ·aⱼ, for each of S perturbations' },
    { name: 'output_deltas', shapes: [['N', 'S']], description: 'model output change f(x) − f(x − I) for each perturbation' }
  ],
  params: z.object({ normalize: z.boolean().default(false).describe('scale I·a by the least-squares β first (Captum normalize)') }).strict(),
  compute({ dot_products, output_deltas }, { normalize }) {
    return {
      scores: perRow(dot_products, (ia, i) => {
        const df = row(output_deltas, i)
        if (hasNaN(ia) || hasNaN(df)) return NaN
        let beta = 1
        if (normalize) {
          let num = 0
          let den = 0
          for (let s = 0; s < ia.length; s++) {
            num += ia[s] * df[s]
            den += ia[s] * ia[s]
          }
          // Captum's safe_div divides by 1 when the denominator is 0 (num is then 0 too).
          beta = den === 0 ? num : num / den
        }
        let squares = 0
        for (let s = 0; s < ia.length; s++) squares += (beta * ia[s] - df[s]) ** 2
        return squares / ia.length
      })
    }
  },
  doc: {
    summary: 'Mean squared error between the attribution-predicted output change (I·a) and the actual change under random perturbations.',
    formula: 'INFDᵢ = (1/S)·Σₛ (β·Iₛ·a − Δfₛ)², β = 1, or with normalize β = Σₛ(Iₛ·a)Δfₛ / Σₛ(Iₛ·a)² (0 when the denominator is 0)',
    range: '[0, ∞)',
    edgeCases: [
      'With normalize and all Iₛ·a = 0, β is 0 (Captum safe_div) and the score is the mean of Δf².',
      'A NaN in either row makes that example NaN (excluded, counted).'
    ],
    reference: 'Yeh et al. 2019, "On the (In)fidelity and Sensitivity of Explanations" (NeurIPS); Captum captum/metrics/_core/infidelity.py (infidelity).',
    differences:
      'With normalize Captum evaluates β²Σ(I·a)² − 2βΣ(I·a)Δf + ΣΔf²; we sum (β·I·a − Δf)² directly, equal in exact arithmetic without the cancellation.'
  }
}

export const definitions = [
  deletionAuc,
  insertionAuc,
  aopc,
  aopcLerf,
  comprehensiveness,
  sufficiency,
  aopcComprehensiveness,
  aopcSufficiency,
  faithfulnessCorrelation,
  monotonicityCorrelation,
  infidelity
]
