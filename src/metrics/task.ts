import { z } from 'zod'
import { mannWhitneyAuc, notNaN } from './linalg.js'
import { checkZeroOne, classIds, hasNaN, perRow } from './math.js'
import { type MetricDefinition, MetricInputError } from './definition.js'

const predictionsSpec = {
  name: 'predictions',
  shapes: [['N'], ['N', 'C']],
  description: 'predicted class ids [N], or class scores / logits / probabilities [N, C] (argmax taken)'
}
const labelsSpec = { name: 'labels', shapes: [['N']], description: 'true class ids [N]' }

export const accuracy: MetricDefinition<Record<string, never>> = {
  name: 'accuracy',
  family: 'task',
  title: 'Accuracy',
  direction: 'higher',
  inputs: [predictionsSpec, labelsSpec],
  rowwise: true,
  params: z.object({}).strict(),
  binary: true,
  compute({ predictions, labels }) {
    const predicted = classIds(predictions)
    const scores = new Float64Array(predicted.length)
    for (let i = 0; i < scores.length; i++) {
      scores[i] = Number.isNaN(predicted[i]) || Number.isNaN(labels.data[i]) ? NaN : predicted[i] === labels.data[i] ? 1 : 0
    }
    return { scores }
  },
  doc: {
    summary: 'Fraction of examples whose predicted class equals the label.',
    formula: 'acc = (1/N)·Σᵢ 1[ŷᵢ = yᵢ], ŷᵢ = argmax_c predictionsᵢ,c when predictions is [N, C]',
    range: '[0, 1]',
    edgeCases: ['argmax ties go to the lowest class index, as numpy.argmax.', 'A NaN prediction or label makes that example NaN (excluded, counted).'],
    reference: 'sklearn.metrics.accuracy_score (sklearn/metrics/_classification.py).'
  }
}

export const topKAccuracy: MetricDefinition<{ k: number }> = {
  name: 'top-k-accuracy',
  family: 'task',
  title: 'Top-k accuracy',
  direction: 'higher',
  inputs: [{ name: 'logits', shapes: [['N', 'C']], description: 'class scores [N, C]: logits or probabilities (only their order matters)' }, labelsSpec],
  params: z.object({ k: z.number().int().min(1).default(5).describe('a hit when the label is among the k largest scores; 1 ≤ k ≤ C') }).strict(),
  binary: true,
  compute({ logits, labels }, { k }) {
    const c = logits.shape[1]
    if (k > c) throw new MetricInputError(`k = ${k} exceeds the C = ${c} classes of input "logits"`)
    const scores = perRow(logits, (s, i) => {
      const label = labels.data[i]
      if (Number.isNaN(label) || hasNaN(s)) return NaN
      if (!Number.isInteger(label) || label < 0 || label >= c) {
        throw new MetricInputError(`input "labels" (${labels.source}): element ${i} is ${label}, not a class id in 0..${c - 1}`)
      }
      // Classes ranked ahead of the label: higher scores, and equal scores at a higher index (sklearn's order).
      let ahead = 0
      for (let j = 0; j < c; j++) if (s[j] > s[label] || (s[j] === s[label] && j > label)) ahead++
      return ahead < k ? 1 : 0
    })
    return { scores }
  },
  doc: {
    summary: 'Fraction of examples whose label is among the k classes with the largest scores.',
    formula: 'top-kᵢ = 1[#{c : s_c > s_yᵢ, or s_c = s_yᵢ and c > yᵢ} < k], then the mean over examples',
    range: '[0, 1]',
    edgeCases: [
      'Tied scores rank the higher class index first, as sklearn (stable argsort reversed), so a tie at the cut can exclude the label.',
      'k defaults to 5 and must not exceed C; k = C scores every example 1.',
      'A NaN score in the row or a NaN label makes that example NaN (excluded, counted).',
      'A label that is not a whole number in 0..C−1 is an input error.'
    ],
    reference: 'sklearn.metrics.top_k_accuracy_score (sklearn/metrics/_ranking.py): argsort(y_score, kind="mergesort")[:, ::-1][:, :k].',
    differences: 'sklearn thresholds column 1 at 0.5 (or 0) when there are two classes and k = 1; we always rank the C scores of each row.'
  }
}

/** Mann–Whitney AUC over the rows `indices` (all rows when omitted), skipping rows with a NaN score or label. */
// Same statistic as edge-auroc, with NaN rows left out but ±∞ scores kept (they still order).
const aurocOf = (columns: Record<string, Float64Array>, indices?: ArrayLike<number>) => mannWhitneyAuc(columns.score, columns.label, indices, notNaN)

export const auroc: MetricDefinition<Record<string, never>> = {
  name: 'auroc',
  family: 'task',
  title: 'ROC AUC',
  direction: 'higher',
  inputs: [
    { name: 'scores', shapes: [['N']], description: 'classifier scores for the positive class [N] (probabilities, logits or margins)' },
    { name: 'labels', shapes: [['N']], description: 'true binary labels [N], 0 or 1' }
  ],
  params: z.object({}).strict(),
  compute({ scores, labels }) {
    checkZeroOne(labels, 'labels', true)
    const columns = { score: Float64Array.from(scores.data), label: Float64Array.from(labels.data) }
    let dropped = 0
    for (let i = 0; i < columns.score.length; i++) if (Number.isNaN(columns.score[i]) || Number.isNaN(columns.label[i])) dropped++
    return { columns, value: aurocOf(columns), dropped }
  },
  aggregate(columns, _params, indices) {
    return aurocOf(columns, indices)
  },
  doc: {
    summary: 'Probability that a random positive example scores above a random negative one (ties count ½).',
    formula: 'AUC = (R₁ − n₁(n₁+1)/2) / (n₁·n₀), R₁ the sum of the positives’ average ranks among all scores (Mann–Whitney U / n₁n₀)',
    range: '[0, 1]; 0.5 is chance',
    edgeCases: [
      'Tied scores get average ranks, so a positive–negative tie counts ½ (as the trapezoid ROC of sklearn).',
      'A row with a NaN score or label is left out of the AUC.',
      'With only one class present (in the data or a bootstrap resample) the AUC is NaN.',
      'Labels other than 0/1 are an input error.',
      'Not decomposable per example: resamples recompute the AUC from the (score, label) columns.'
    ],
    reference: 'sklearn.metrics.roc_auc_score (sklearn/metrics/_ranking.py), binary case; equal to scipy.stats.mannwhitneyu U / (n₁·n₀).',
    differences: 'sklearn raises on NaN input and on a single class; we drop NaN rows and return NaN for a single class.'
  }
}

export const agreement: MetricDefinition<Record<string, never>> = {
  name: 'agreement',
  family: 'task',
  title: 'Prediction agreement',
  direction: 'higher',
  inputs: [
    predictionsSpec,
    { name: 'targets', shapes: [['N'], ['N', 'C']], description: 'class ids [N] or scores [N, C] (argmax taken) to agree with, e.g. the original model' }
  ],
  params: z.object({}).strict(),
  binary: true,
  compute({ predictions, targets }) {
    const a = classIds(predictions)
    const b = classIds(targets)
    const scores = new Float64Array(a.length)
    for (let i = 0; i < scores.length; i++) scores[i] = Number.isNaN(a[i]) || Number.isNaN(b[i]) ? NaN : a[i] === b[i] ? 1 : 0
    return { scores }
  },
  doc: {
    summary: 'Fraction of examples where two classifiers pick the same class: surrogate fidelity, interchange-intervention accuracy.',
    formula: 'agreeᵢ = 1[argmax predictionsᵢ = argmax targetsᵢ] (ids used as given when [N]), then the mean over examples',
    range: '[0, 1]',
    edgeCases: ['argmax ties go to the lowest class index, as numpy.argmax.', 'A NaN in either row makes that example NaN (excluded, counted).'],
    reference:
      'Fidelity of a surrogate (Ribeiro et al. 2016, LIME §3) and interchange-intervention accuracy (Geiger et al. 2021); ' +
      'numpy: (argmax(p, 1) == argmax(t, 1)).mean().'
  }
}

export const definitions = [accuracy, topKAccuracy, auroc, agreement]
