import { fail } from '../inputs/errors.js'
import { CORE_DIRECTIONS } from './saebench.js'
import type { Adapter, AdapterFile, AdapterMetric } from './adapter.js'
import { idPart, isObject, leafMetric, numericLeaves, textField } from './walk.js'
import { parseJsonDocument } from '../inputs/json.js'

// Field names from SAELens's sae_lens/evals.py: multiple_evals() builds {unique_id, sae_set, sae_id,
// eval_cfg: {context_size, dataset, library_version, git_hash, ...}, metrics: {category: {name: number}},
// feature_metrics, sae_cfg}; process_results() replaces NaN with -1 (replace_nans_with_negative_one) and writes one
// <unique_id>_<context_size>_<dataset>.json per run plus all_eval_results.json holding the list of them.

/** SAELens writes NaN as -1: read exactly -1 back as NaN (excluded, counted; a scalar becomes status error). */
function unNaN(value: number): number {
  return value === -1 ? NaN : value
}

function runMetrics(run: Record<string, unknown>, where: string, file: AdapterFile): AdapterMetric[] {
  const cfg = isObject(run.eval_cfg) ? run.eval_cfg : {}
  if (typeof run.unique_id !== 'string' || !isObject(run.metrics)) {
    fail(where, 'not a SAELens eval result: expected "unique_id" and "metrics" (categories of metrics), as sae_lens/evals.py writes')
  }
  const run_ = `${idPart(run.unique_id)}/${idPart(String(cfg.dataset ?? 'dataset'))}@${idPart(String(cfg.context_size ?? 'ctx'))}`
  const provenance = {
    file: file.path,
    library: 'SAELens',
    ...textField(run, 'sae_set'),
    ...textField(run, 'sae_id'),
    ...textField(cfg, 'dataset'),
    ...textField(cfg, 'context_size'),
    ...textField(cfg, 'library_version'),
    ...textField(cfg, 'git_hash')
  }
  return numericLeaves(run.metrics).map((leaf) => {
    const unNaNed = leaf.scores ? { scores: leaf.scores.map(unNaN) } : { value: unNaN(leaf.value!) }
    const metric = leafMetric(`${run_}/${idPart(leaf.key)}`, leaf.key, unNaNed, provenance)
    const nan = leaf.scores ? leaf.scores.includes(-1) : leaf.value === -1
    if (!nan) return metric
    const note = `${file.path} holds -1 here, which is how SAELens writes NaN (jbloomAus/SAELens sae_lens/evals.py:909)`
    // A scalar -1 is a metric SAELens could not compute: reported so and never gated; a -1 in a list is one NaN example.
    return leaf.scores ? { ...metric, note } : { ...metric, note: `not computed: ${note}`, notComputed: true }
  })
}

export const saelens: Adapter = {
  name: 'saelens',
  source: 'SAELens (jbloomAus/SAELens, now decoderesearch/SAELens): sae_lens/evals.py metric names; directions as for SAEBench core',
  files: '**/*.json',
  ignore: ['**/all_eval_results.json'],
  directions: CORE_DIRECTIONS,
  read(file) {
    const doc = parseJsonDocument(file.bytes, file.path)
    // all_eval_results.json holds the list of runs; the per-run files hold one.
    if (Array.isArray(doc))
      return doc.flatMap((run, i) =>
        isObject(run) ? runMetrics(run, `${file.path}#/${i}`, file) : fail(`${file.path}#/${i}`, 'expected a SAELens eval result object')
      )
    if (!isObject(doc)) return fail(file.path, 'expected a SAELens eval result object or a list of them')
    return runMetrics(doc, file.path, file)
  }
}
