import { fail } from '../inputs/errors.js'
import { parseJsonLines } from '../inputs/jsonl.js'
import type { AdapterFile, AdapterMetric } from './adapter.js'
import { idPart, isObject } from './walk.js'

// ERASER's per-instance predictions (the --results JSONL rationale_benchmark/metrics.py scores; format in its main()
// docstring): one line per annotation_id with classification, classification_scores, and optionally
// comprehensiveness_classification_scores, sufficiency_classification_scores and thresholded_scores. Per instance,
// exactly as score_classifications averages them (jayded/eraserbenchmark@36467f1 rationale_benchmark/metrics.py):
//   comprehensiveness = classification_scores[c] - comprehensiveness_classification_scores[c]  (metrics.py:297)
//   sufficiency       = classification_scores[c] - sufficiency_classification_scores[c]        (metrics.py:304)
//   *_aopc            = mean over thresholded_scores of classification_scores[c] - score[key][c] (_instances_aopc,
//                       metrics.py:250-270; averaging per instance first gives the same mean, as its comment says)
// with c = the instance's classification.

type Instance = Record<string, unknown>

const MEASURES = [
  { name: 'comprehensiveness', key: 'comprehensiveness_classification_scores' },
  { name: 'sufficiency', key: 'sufficiency_classification_scores' }
] as const

/** Per-example comprehensiveness, sufficiency and their AOPC from an ERASER predictions file, ids = annotation_id. */
export function eraserInstanceMetrics(file: AdapterFile, run: string, provenance: Record<string, string>): AdapterMetric[] {
  const lines = parseJsonLines(file.bytes, file.path)
  if (lines.length === 0) fail(file.path, 'no instance: expected one JSON object per line with annotation_id and classification_scores')
  const ids: string[] = []
  const instances: { inst: Instance; where: string; kls: string; beta0: number }[] = []
  for (const { line, value } of lines) {
    const where = `${file.path}:${line}`
    if (!isObject(value) || typeof value.annotation_id !== 'string')
      fail(where, 'not an ERASER prediction: expected {"annotation_id", "classification", "classification_scores", ...}')
    const kls = value.classification
    if (typeof kls !== 'string') fail(`${where} (annotation ${value.annotation_id})`, 'expected "classification" (the predicted class, a string)')
    ids.push(value.annotation_id)
    instances.push({ inst: value, where: `${where} (annotation ${value.annotation_id})`, kls, beta0: classScore(value, 'classification_scores', kls, where) })
  }
  const dupe = ids.find((id, i) => ids.indexOf(id) !== i)
  if (dupe !== undefined) fail(file.path, `annotation_id "${dupe}" appears twice: examples can't be paired`)
  const out: AdapterMetric[] = []
  const metric = (name: string, scores: number[]): AdapterMetric => ({
    id: `${run}/per_instance.${name}`,
    key: `per_instance.${name}`,
    scores: Float64Array.from(scores),
    ids,
    provenance
  })
  for (const { name, key } of MEASURES) {
    if (instances.some(({ inst }) => key in inst))
      out.push(
        metric(
          name,
          instances.map(({ inst, kls, beta0, where }) => (key in inst ? beta0 - classScore(inst, key, kls, where) : NaN))
        )
      )
    if (instances.some(({ inst }) => Array.isArray(inst.thresholded_scores)))
      out.push(
        metric(
          `${name}_aopc`,
          instances.map((i) => aopc(i.inst, key, i.kls, i.beta0, i.where))
        )
      )
  }
  if (out.length === 0)
    fail(file.path, 'has neither comprehensiveness_classification_scores nor sufficiency_classification_scores: nothing to compare per example')
  return out
}

function classScore(inst: Instance, key: string, kls: string, where: string): number {
  const scores = inst[key]
  const value = isObject(scores) ? scores[kls] : undefined
  if (typeof value !== 'number') fail(`${where}`, `expected "${key}" to hold a number for the predicted class "${kls}"`)
  return value
}

function aopc(inst: Instance, key: string, kls: string, beta0: number, where: string): number {
  const thresholded = inst.thresholded_scores
  if (!Array.isArray(thresholded) || thresholded.length === 0) return NaN
  let sum = 0
  for (const [k, score] of thresholded.entries()) {
    if (!isObject(score)) fail(`${where} thresholded_scores[${k}]`, `expected {threshold, ${key}}`)
    sum += beta0 - classScore(score, key, kls, `${where} thresholded_scores[${k}]`)
  }
  return sum / thresholded.length
}

/** The run's name for a predictions file: its path without the extension. */
export function runName(relative: string): string {
  return idPart(relative.replace(/\.(jsonl|json)$/, ''))
}
