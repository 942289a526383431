import { z } from 'zod'
import { perRow, unitTrapezoid } from './math.js'
import type { MetricDefinition } from './types.js'

function curveAuc(name: 'deletion-auc' | 'insertion-auc'): MetricDefinition<Record<string, never>> {
  const deletion = name === 'deletion-auc'
  return {
    name,
    family: 'faithfulness',
    title: deletion ? 'Deletion AUC' : 'Insertion AUC',
    direction: deletion ? 'lower' : 'higher',
    inputs: [
      {
        name: 'curves',
        shapes: [['N', 'K+1']],
        description: `model output (e.g. target-class probability) after ${deletion ? 'removing' : 'adding'} k/K of the features, most relevant first, k = 0..K`
      }
    ],
    params: z.object({}).strict(),
    compute({ curves }) {
      if (curves.shape[1] < 2) throw new Error(`input "curves" needs at least 2 points per curve (K ≥ 1), got ${curves.shape[1]}`)
      return { scores: perRow(curves, unitTrapezoid) }
    },
    doc: {
      summary: deletion
        ? 'How fast the model output falls as the most relevant features are deleted first; a faithful explanation makes it fall fast.'
        : 'How fast the model output rises as the most relevant features are inserted first into a blank input.',
      formula: 'AUC = (1/K)·(Σₖ₌₀..K yₖ − (y₀ + y_K)/2): the trapezoid rule on k/K ∈ [0, 1], per example, then the mean',
      range: 'the range of the curve values ([0, 1] for probabilities)',
      edgeCases: [
        'A curve with a NaN point is NaN for that example (excluded, counted).',
        'Curves need K ≥ 1 (two points); one point is an input error.'
      ],
      reference:
        'Petsiuk et al. 2018, "RISE: Randomized Input Sampling for Explanation of Black-box Models" (BMVC); ' +
        'eclique/RISE evaluation.py auc(): (arr.sum() − arr[0]/2 − arr[-1]/2) / (len(arr) − 1).'
    }
  }
}

export const deletionAuc = curveAuc('deletion-auc')
export const insertionAuc = curveAuc('insertion-auc')

export const definitions = [deletionAuc, insertionAuc]
