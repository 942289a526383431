import { z } from 'zod'
import { type NDArray, row, rows } from '../domain/ndarray.js'
import { mannWhitneyAuc, pairedMeans, trapezoid } from './linalg.js'
import { type MetricDefinition, MetricInputError } from './definition.js'

/** Checks that `ids` holds integer class ids in [0, c) (NaN allowed: that example becomes NaN). */
function checkIds(ids: NDArray, name: string, c: number): void {
  for (let i = 0; i < ids.data.length; i++) {
    const v = ids.data[i]
    if (Number.isNaN(v)) continue
    if (!Number.isInteger(v) || v < 0 || v >= c) {
      throw new MetricInputError(`input "${name}" (${ids.source}) at [${i}] is ${v}; expected a class id in 0..${c - 1}`)
    }
  }
}

export const logitDiff: MetricDefinition<Record<string, never>> = {
  name: 'logit-diff',
  family: 'circuits',
  title: 'Logit difference',
  direction: 'higher',
  inputs: [
    { name: 'logits', shapes: [['N', 'C']], description: 'model (or circuit) logits at the answer position [N, C]' },
    { name: 'correct', shapes: [['N']], description: 'id of the correct answer per example (e.g. the indirect object) [N]' },
    { name: 'incorrect', shapes: [['N']], description: 'id of the competing answer per example (e.g. the subject) [N]' }
  ],
  params: z.object({}).strict(),
  compute({ logits, correct, incorrect }) {
    const c = logits.shape[1]
    checkIds(correct, 'correct', c)
    checkIds(incorrect, 'incorrect', c)
    const scores = new Float64Array(rows(logits))
    for (let i = 0; i < scores.length; i++) {
      const l = row(logits, i)
      scores[i] = Number.isNaN(correct.data[i]) || Number.isNaN(incorrect.data[i]) ? NaN : l[correct.data[i]] - l[incorrect.data[i]]
    }
    return { scores }
  },
  doc: {
    summary: 'How much the model prefers the correct answer over the competing one, in logits.',
    formula: 'LDᵢ = logitsᵢ[correctᵢ] − logitsᵢ[incorrectᵢ], then the mean over examples',
    range: '(−∞, ∞)',
    edgeCases: [
      'A NaN id or logit makes that example NaN (excluded, counted).',
      'An id that is not an integer in 0..C−1 is an input error.',
      'correct = incorrect gives 0.'
    ],
    reference:
      'Wang et al. 2022, "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 small" (ICLR 2023), §3; ' +
      'TransformerLens demos (logits_to_ave_logit_diff).'
  }
}

/** Throws for the full data when a ratio of means has a zero denominator; a bootstrap resample gets NaN instead. */
function checkDenominator(value: number, n: number, what: string): number {
  if (n === 0) throw new MetricInputError('no example has finite values in every input')
  if (Number.isNaN(value)) throw new MetricInputError(`${what}: the normalisation is undefined (zero denominator)`)
  return value
}

function normalizedFaithfulnessOf(columns: Record<string, Float64Array>, indices?: ArrayLike<number>): { value: number; n: number } {
  const { means, n } = pairedMeans([columns.m_circuit, columns.m_full, columns.m_empty], indices)
  const [circuit, full, empty] = means
  return { value: full === empty ? NaN : (circuit - empty) / (full - empty), n }
}

export const normalizedFaithfulness: MetricDefinition<Record<string, never>> = {
  name: 'normalized-faithfulness',
  aliases: ['circuit-faithfulness'],
  family: 'circuits',
  title: 'Normalised circuit faithfulness',
  direction: 'higher',
  inputs: [
    { name: 'm_circuit', shapes: [['N']], description: 'task metric (e.g. logit difference) with only the circuit active [N]' },
    { name: 'm_full', shapes: [['N']], description: 'task metric of the full model [N]' },
    { name: 'm_empty', shapes: [['N']], description: 'task metric with everything ablated (the empty circuit) [N]' }
  ],
  params: z.object({}).strict(),
  compute({ m_circuit, m_full, m_empty }) {
    const columns = { m_circuit: Float64Array.from(m_circuit.data), m_full: Float64Array.from(m_full.data), m_empty: Float64Array.from(m_empty.data) }
    const { value, n } = normalizedFaithfulnessOf(columns)
    return { columns, value: checkDenominator(value, n, 'mean m_full equals mean m_empty') }
  },
  aggregate(columns, _params, indices) {
    return normalizedFaithfulnessOf(columns, indices).value
  },
  doc: {
    summary: 'Share of the full model’s task performance (above the empty circuit) that the circuit alone recovers.',
    formula: 'F = (m̄_C − m̄_∅) / (m̄_M − m̄_∅), with each mean over examples taken first',
    range: '(−∞, ∞); 1 = the circuit matches the full model, 0 = no better than the empty circuit',
    edgeCases: [
      'mean m_full = mean m_empty is an input error on the data (status error); on a bootstrap resample it is NaN.',
      'An example with a NaN in any of the three inputs is dropped from all three means.',
      'Means are taken before the ratio, so the confidence interval comes from resampling examples, not from per-example ratios.'
    ],
    reference:
      'Wang et al. 2022 (IOI, ICLR 2023) §4 faithfulness; Marks et al. 2024, "Sparse Feature Circuits" (ICLR 2025) §3; ' +
      'MIB (Mueller et al. 2025) MIB_circuit_track/evaluation.py evaluate_area_under_curve: (ablated − corrupted) / (baseline − corrupted).'
  }
}

/** Fractions and faithfulness sorted by fraction; validates the circuit-size grid. */
function sizeCurve(fractions: NDArray, faithfulness: NDArray): { x: number[]; y: number[] } {
  const order = Array.from(fractions.data.keys()).sort((i, j) => fractions.data[i] - fractions.data[j])
  const x = order.map((i) => fractions.data[i])
  const y = order.map((i) => faithfulness.data[i])
  if (x.length < 2) throw new MetricInputError(`input "fractions" (${fractions.source}) needs at least 2 circuit sizes, got ${x.length}`)
  for (let k = 0; k < x.length; k++) {
    if (!(x[k] >= 0 && x[k] <= 1)) throw new MetricInputError(`input "fractions" (${fractions.source}) holds ${x[k]}; expected fractions in [0, 1]`)
    if (k > 0 && x[k] === x[k - 1]) throw new MetricInputError(`input "fractions" (${fractions.source}) holds ${x[k]} twice; sizes must be distinct`)
    if (!Number.isFinite(y[k])) throw new MetricInputError(`input "faithfulness" (${faithfulness.source}) is ${y[k]} at fraction ${x[k]}`)
  }
  return { x, y }
}

const sizeInputs = [
  { name: 'fractions', shapes: [['K']], description: 'circuit sizes as fractions of all edges (or nodes) in [0, 1], e.g. MIB’s 0.001 … 1 [K]' },
  { name: 'faithfulness', shapes: [['K']], description: 'normalised faithfulness of the circuit of each size [K]' }
]

const sizeReference =
  'Mueller et al. 2025, "MIB: A Mechanistic Interpretability Benchmark" (ICML); MIB-circuit-track ' +
  'MIB_circuit_track/evaluation.py evaluate_area_under_curve (log_scale = False: area_under is CPR, area_from_1 is CMD), ' +
  'grid (.001, .002, .005, .01, .02, .05, .1, .2, .5, 1).'

const sizeDifferences =
  'MIB evaluates the faithfulness itself at its fixed grid; we take any grid you saved and integrate over it as given (no point ' +
  'is added at 0, so on MIB’s grid f ≡ 1 gives CPR = 0.999). MIB’s optional log-scale x axis is not offered.'

const sizeEdgeCases = [
  'Points are sorted by fraction first; a repeated fraction, a fraction outside [0, 1], fewer than 2 points or a non-finite faithfulness is an input error.',
  'The area spans [min fraction, max fraction] only: no point is added at 0 or 1.',
  'A single curve has no examples to resample: value only, no confidence interval and no paired test.'
]

export const cpr: MetricDefinition<Record<string, never>> = {
  name: 'cpr',
  family: 'circuits',
  title: 'Circuit performance ratio (MIB CPR)',
  direction: 'higher',
  inputs: sizeInputs,
  params: z.object({}).strict(),
  compute({ fractions, faithfulness }) {
    const { x, y } = sizeCurve(fractions, faithfulness)
    return { value: trapezoid(x, y) }
  },
  doc: {
    summary: 'Area under the faithfulness-vs-circuit-size curve: how much performance small circuits already recover.',
    formula: 'CPR = Σₖ (sₖ₊₁ − sₖ)·(fₖ + fₖ₊₁)/2 over the sizes s sorted ascending (trapezoid rule)',
    range: '(−∞, ∞); (max s − min s) when f ≡ 1, e.g. 0.999 on MIB’s grid',
    edgeCases: sizeEdgeCases,
    reference: sizeReference,
    differences: sizeDifferences
  }
}

export const cmd: MetricDefinition<Record<string, never>> = {
  name: 'cmd',
  family: 'circuits',
  title: 'Circuit–model distance (MIB CMD)',
  direction: 'lower',
  inputs: sizeInputs,
  params: z.object({}).strict(),
  compute({ fractions, faithfulness }) {
    const { x, y } = sizeCurve(fractions, faithfulness)
    return {
      value: trapezoid(
        x,
        y.map((f) => Math.abs(1 - f))
      )
    }
  },
  doc: {
    summary: 'Area between the faithfulness-vs-circuit-size curve and 1: how far circuits of each size are from behaving like the model.',
    formula: 'CMD = Σₖ (sₖ₊₁ − sₖ)·(|1 − fₖ| + |1 − fₖ₊₁|)/2 over the sizes s sorted ascending',
    range: '[0, ∞); 0 when f ≡ 1',
    edgeCases: sizeEdgeCases,
    reference: sizeReference,
    differences: sizeDifferences
  }
}

export const edgeAuroc: MetricDefinition<{ abs: boolean }> = {
  name: 'edge-auroc',
  family: 'circuits',
  title: 'Edge-recovery AUROC',
  direction: 'higher',
  inputs: [
    { name: 'edge_scores', shapes: [['E']], description: 'importance score per edge from the circuit-discovery method [E]' },
    { name: 'circuit', shapes: [['E']], description: 'ground-truth circuit membership per edge, bool or 0/1 [E]' }
  ],
  params: z
    .object({ abs: z.boolean().default(false).describe('rank edges by |score| (as MIB’s apply_topn(absolute=True)) rather than by signed score') })
    .strict(),
  compute({ edge_scores, circuit }, { abs }) {
    for (let i = 0; i < circuit.data.length; i++) {
      const v = circuit.data[i]
      if (v !== 0 && v !== 1) throw new MetricInputError(`input "circuit" (${circuit.source}) at [${i}] is ${v}; expected bool or 0/1`)
    }
    const columns = { edge_scores: abs ? edge_scores.data.map(Math.abs) : Float64Array.from(edge_scores.data), circuit: Float64Array.from(circuit.data) }
    const value = mannWhitneyAuc(columns.edge_scores, columns.circuit)
    if (Number.isNaN(value)) throw new MetricInputError('edge-auroc needs both circuit and non-circuit edges with finite scores')
    const dropped = columns.edge_scores.filter((v) => !Number.isFinite(v)).length
    return { columns, value, dropped }
  },
  aggregate(columns, _params, indices) {
    return mannWhitneyAuc(columns.edge_scores, columns.circuit, indices)
  },
  doc: {
    summary: 'Probability that a random circuit edge scores higher than a random non-circuit edge: how well edge scores recover a known circuit.',
    formula: 'AUC = (R₁ − n₁(n₁+1)/2) / (n₁·n₀), R₁ = sum of the average ranks of the n₁ circuit edges among all scored edges',
    range: '[0, 1]; 0.5 = chance',
    edgeCases: [
      'Tied scores count ½ (average ranks).',
      'Edges with a non-finite score are left out; all-circuit or no-circuit edges is an input error (NaN on a bootstrap resample).',
      'circuit values other than 0/1 are an input error.',
      'The confidence interval resamples edges.'
    ],
    reference:
      'Mann & Whitney 1947; sklearn.metrics.roc_auc_score (sklearn/metrics/_ranking.py); used for circuit recovery by Conmy et al. 2023 ' +
      '("Towards Automated Circuit Discovery", ACDC) and the MIB InterpBench track (Mueller et al. 2025).',
    differences: 'ACDC and MIB trace a ROC curve over a grid of thresholds; we use the exact rank statistic (all thresholds).'
  }
}

export const definitions = [logitDiff, normalizedFaithfulness, cpr, cmd, edgeAuroc]
