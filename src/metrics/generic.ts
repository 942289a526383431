import { z } from 'zod'
import type { MetricDefinition } from './definition.js'

export const mean: MetricDefinition<Record<string, never>> = {
  name: 'mean',
  family: 'generic',
  title: 'Mean of per-example scores',
  direction: 'higher',
  inputs: [{ name: 'scores', shapes: [['N']], description: 'per-example scores computed elsewhere (e.g. with Quantus)' }],
  rowwise: true,
  params: z.object({}).strict(),
  compute({ scores }) {
    return { scores: Float64Array.from(scores.data) }
  },
  doc: {
    summary: 'The mean of a per-example score array computed by another tool; set `direction` to say which way is better.',
    formula: 'mean = (1/n)·Σᵢ sᵢ over the finite sᵢ',
    range: 'the range of the scores',
    edgeCases: ['NaN and ±Inf scores are excluded from the mean and counted in nanCount.'],
    reference: 'numpy.nanmean.'
  }
}

export const value: MetricDefinition<Record<string, never>> = {
  name: 'value',
  family: 'generic',
  title: 'Scalar value',
  direction: 'higher',
  inputs: [{ name: 'value', shapes: [[], ['1']], description: 'one number, e.g. a JSON pointer to a field of a metrics file' }],
  params: z.object({}).strict(),
  compute({ value: v }) {
    return { value: v.data[0] }
  },
  doc: {
    summary: 'One number computed elsewhere; compared by its point value (no per-example data, no confidence interval).',
    formula: 'value = the scalar as read',
    range: 'any',
    edgeCases: ['A non-finite value is status error.'],
    reference: 'None: a pass-through for numbers other tools compute.'
  }
}

export const definitions = [mean, value]
