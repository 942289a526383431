import { z } from 'zod'
import { classIds } from './math.js'
import type { MetricDefinition } from './types.js'

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
    edgeCases: [
      'argmax ties go to the lowest class index, as numpy.argmax.',
      'A NaN prediction or label makes that example NaN (excluded, counted).'
    ],
    reference: 'sklearn.metrics.accuracy_score (sklearn/metrics/_classification.py).'
  }
}

export const definitions = [accuracy]
