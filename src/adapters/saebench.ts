import { fail } from '../inputs/errors.js'
import type { Adapter, AdapterFile, AdapterMetric, DirectionRule } from './adapter.js'
import { idPart, isObject, readJsonObject, textField } from './walk.js'

// Field names and source lines: test/fixtures/adapters/library-facts.json, extracted by scripts/extract-library-facts.py
// from adamkarvonen/SAEBench at the commit it names (sae_bench/evals/*/eval_output.py, mdl/main.py, core/main.py).
const SAEBENCH = 'adamkarvonen/SAEBench'
const NAN_AS_MINUS_ONE = `not computed: SAEBench's core eval writes NaN as -1 (${SAEBENCH} sae_bench/evals/core/main.py:1187)`
const PROBE_SKIPPED = `not computed: SAEBench writes sae_test_accuracy = -1 when it skips the full-SAE probe (${SAEBENCH} sae_bench/evals/sparse_probing/main.py:201)`
const NULL_FIELD = 'not computed: SAEBench wrote null here (e.g. a threshold not in the run’s n_values)'

/** SAE reconstruction and downstream metrics of SAEBench's core eval, shared with SAELens's evals (same names). */
export const CORE_DIRECTIONS: DirectionRule[] = [
  { pattern: /(^|\/)model_behavior_preservation\.kl_div_score$/, direction: 'higher' },
  { pattern: /(^|\/)model_behavior_preservation\.kl_div_with_sae$/, direction: 'lower' },
  { pattern: /(^|\/)model_behavior_preservation\.kl_div_with_ablation$/, direction: 'context' },
  { pattern: /(^|\/)model_performance_preservation\.ce_loss_score$/, direction: 'higher' },
  { pattern: /(^|\/)model_performance_preservation\.ce_loss_with_sae$/, direction: 'lower' },
  { pattern: /(^|\/)model_performance_preservation\.ce_loss_(with_ablation|without_sae)$/, direction: 'context' },
  { pattern: /(^|\/)reconstruction_quality\.(explained_variance|explained_variance_legacy|cossim)$/, direction: 'higher' },
  { pattern: /(^|\/)reconstruction_quality\.mse$/, direction: 'lower' },
  // An SAE is judged at a given sparsity: fewer active latents for the same reconstruction is better.
  { pattern: /(^|\/)sparsity\.(l0|l1)$/, direction: 'lower' },
  // l2_ratio and relative_reconstruction_bias are best at 1, not at an end: no direction.
  { pattern: /(^|\/)shrinkage\.(l2_norm_in|l2_norm_out|l2_ratio|relative_reconstruction_bias)$/, direction: 'context' },
  { pattern: /(^|\/)token_stats\.total_tokens_eval_(reconstruction|sparsity_variance)$/, direction: 'context' },
  // MiscMetrics (core/eval_output.py): alive latents are better many; dense latents and near-duplicate latents few.
  { pattern: /(^|\/)misc_metrics\.frac_alive$/, direction: 'higher' },
  {
    pattern: /(^|\/)misc_metrics\.((normalized_)?freq_over_(1|10)_percent|average_max_(encoder|decoder)_cosine_sim)$/,
    direction: 'lower'
  }
]

const THRESHOLDS = '(2|5|10|20|50|100|500)'

const SAEBENCH_DIRECTIONS: DirectionRule[] = [
  ...CORE_DIRECTIONS,
  // Per-latent details (CoreFeatureMetric), paired by latent index: only the max cosine similarities have a better end.
  { pattern: /^core\/details\.max_(decoder|encoder)_cosine_sim$/, direction: 'lower' },
  {
    pattern: /^core\/details\.(feature_density|consistent_activation_heuristic|encoder_bias|encoder_norm|encoder_decoder_cosine_sim)$/,
    direction: 'context'
  },
  // The LLM's own probe accuracy is the reference the SAE is measured against, not a property of the SAE.
  { pattern: /^sparse_probing(_sae_probes)?\/(llm|details)\.llm_test_(accuracy|auc|f1)$/, direction: 'context' },
  { pattern: /^sparse_probing(_sae_probes)?\/(llm|details)\.llm_top_\d+_test_(accuracy|auc|f1)$/, direction: 'context' },
  { pattern: /^sparse_probing(_sae_probes)?\/(sae|details)\.sae(_top_\d+)?_test_(accuracy|auc|f1)$/, direction: 'higher' },
  { pattern: /^absorption_first_letter\/mean\.mean_(absorption_fraction_score|full_absorption_score)$/, direction: 'lower' },
  { pattern: /^absorption_first_letter\/mean\.(mean_num_split_features|std_dev_\w+)$/, direction: 'context' },
  { pattern: /^absorption_first_letter\/details\.(mean_absorption_fraction|full_absorption_rate)$/, direction: 'lower' },
  { pattern: /^absorption_first_letter\/details\.(num_full_absorption|num_probe_true_positives|num_split_features)$/, direction: 'context' },
  // scr_metric is scr_dir1 or scr_dir2, whichever SCR selects (scr_and_tpp/eval_output.py descriptions).
  { pattern: new RegExp(`^scr/(scr_metrics|details)\\.scr_(dir1|metric)_threshold_${THRESHOLDS}$`), direction: 'higher' },
  { pattern: new RegExp(`^scr/(scr_metrics|details)\\.scr_dir2_threshold_${THRESHOLDS}$`), direction: 'context' },
  { pattern: new RegExp(`^tpp/(tpp_metrics|details)\\.tpp_threshold_${THRESHOLDS}_(total_metric|intended_diff_only)$`), direction: 'higher' },
  { pattern: new RegExp(`^tpp/(tpp_metrics|details)\\.tpp_threshold_${THRESHOLDS}_unintended_diff_only$`), direction: 'lower' },
  { pattern: /^autointerp\/autointerp\.autointerp_score$/, direction: 'higher' },
  { pattern: /^autointerp\/autointerp\.autointerp_std_dev$/, direction: 'context' },
  { pattern: /^unlearning\/unlearning\.unlearning_score$/, direction: 'higher' },
  { pattern: /^ravel\/ravel\.(disentanglement_score|cause_score|isolation_score)$/, direction: 'higher' },
  // Minimum description length: shorter is better; mse_loss is the reconstruction error at that quantisation.
  { pattern: /^mdl\/eval_results\.(description_length|mse_loss)$/, direction: 'lower' },
  { pattern: /^mdl\/eval_results\.within_threshold$/, direction: 'context' },
  // SAEBench states no better end for the meta-structure eval's numbers (meta_structure/eval_output.py); older runs
  // wrote eval_type_id "meta_sae_decoder_variance" with category "meta_sae" (tests/acceptance/test_data/meta_structure).
  {
    pattern: /^meta_(structure|sae)_decoder_variance\/meta_(structure|sae)\.(decoder_fraction_variance_explained|train_time_seconds|final_reconstruction_mse)$/,
    direction: 'context'
  }
]

/** The string field naming each item of eval_result_details, per eval type; numbers under it become per-item scores. */
export const DETAIL_ID: Record<string, string> = {
  absorption_first_letter: 'first_letter',
  sparse_probing: 'dataset_name',
  sparse_probing_sae_probes: 'dataset_name',
  scr: 'dataset_name',
  tpp: 'dataset_name',
  core: 'index'
}

interface Output {
  doc: Record<string, unknown>
  where: string
  /** The {sae: output} key of a dict file, else the file name's stem. */
  name: string
}

export const saebench: Adapter = {
  name: 'saebench',
  source: `SAEBench (${SAEBENCH}): sae_bench/evals/*/eval_output.py fields; directions from their descriptions and the SAEBench paper (arXiv:2503.09532)`,
  files: '**/*_eval_results.json',
  directions: SAEBENCH_DIRECTIONS,
  read(file) {
    return outputs(file).flatMap((output) => outputMetrics(output, file))
  }
}

/** One output per file, or several in a {sae: output} dict (autointerp and unlearning write those). */
function outputs(file: AdapterFile): Output[] {
  const doc = readJsonObject(file)
  const stem = (file.relative.split('/').pop() ?? file.relative).replace(/(_eval_results)?\.json$/, '')
  if ('eval_type_id' in doc) return [{ doc, where: file.path, name: stem }]
  const entries = Object.entries(doc)
  if (entries.length && entries.every(([, v]) => isObject(v) && typeof v.eval_type_id === 'string'))
    return entries.map(([key, v]) => ({ doc: v as Record<string, unknown>, where: `${file.path}#/${key}`, name: key }))
  return fail(file.path, 'not a SAEBench result: expected "eval_type_id" and "eval_result_metrics", or {"<sae>": {...}} of them')
}

function outputMetrics({ doc, where, name }: Output, file: AdapterFile): AdapterMetric[] {
  const evalType = doc.eval_type_id
  if (typeof evalType !== 'string') fail(where, 'not a SAEBench result: expected "eval_type_id" (a string) and "eval_result_metrics" (categories of metrics)')
  const type = evalType.toLowerCase()
  // Identity from the file's own fields: every custom SAE is "custom_sae" (sae_bench_utils/general_utils.py:153), so
  // the release (the user's unique id for custom SAEs) comes first; files without either are named by their file name.
  const release = text(doc.sae_lens_release_id) ?? text(doc.sae_lens_release)
  const saeId = text(doc.sae_lens_id)
  const sae = release && saeId ? `${idPart(release)}/${idPart(saeId)}` : idPart(name)
  const provenance = {
    file: file.path,
    library: 'SAEBench',
    ...textField(doc, 'eval_type_id'),
    ...textField(doc, 'sae_lens_release_id'),
    ...textField(doc, 'sae_lens_release'),
    ...textField(doc, 'sae_lens_id'),
    ...textField(doc, 'sae_bench_commit_hash'),
    ...textField(doc, 'sae_bench_version'),
    ...textField(doc, 'sae_lens_version'),
    ...textField(doc, 'eval_id'),
    ...textField(doc, 'datetime_epoch_millis')
  }
  const metric = (field: string, key: string, value: unknown, at: string): AdapterMetric => {
    if (value !== null && typeof value !== 'number') fail(at, `expected a number (or null), got ${JSON.stringify(value)}`)
    const note = value === null ? NULL_FIELD : value === -1 ? sentinelNote(type, key) : undefined
    return {
      id: `${idPart(type)}/${sae}/${idPart(field)}`,
      key: `${type}/${key}`,
      value: value === null || note ? NaN : value,
      provenance,
      ...(note ? { note, notComputed: true } : {})
    }
  }
  if (type === 'mdl') return mdlMetrics(doc, where, metric)
  const categories = doc.eval_result_metrics
  if (!isObject(categories)) fail(where, 'not a SAEBench result: expected "eval_result_metrics" (categories of metrics)')
  const out: AdapterMetric[] = []
  for (const [category, fields] of Object.entries(categories)) {
    if (!isObject(fields)) fail(`${where}#/eval_result_metrics/${category}`, 'expected an object of {metric: number}')
    for (const [field, value] of Object.entries(fields)) {
      out.push(metric(`${category}.${field}`, `${category}.${field}`, value, `${where}#/eval_result_metrics/${category}/${field}`))
    }
  }
  return [...out, ...detailMetrics(doc, where, type, sae, provenance)]
}

/** −1 means "not computed" where SAEBench says so: anywhere in core (NaN → −1), and sparse probing's skipped full probe. */
function sentinelNote(type: string, key: string): string | undefined {
  if (type === 'core') return NAN_AS_MINUS_ONE
  if (type.startsWith('sparse_probing') && /(^|\.)sae_test_accuracy$/.test(key)) return PROBE_SKIPPED
  return undefined
}

type MetricOf = (field: string, key: string, value: unknown, at: string) => AdapterMetric

/** mdl/main.py writes its own layout: eval_results is a list of {num_bins, k, description_length, within_threshold, mse_loss}. */
function mdlMetrics(doc: Record<string, unknown>, where: string, metric: MetricOf): AdapterMetric[] {
  const results = doc.eval_results
  if (!Array.isArray(results)) fail(where, 'not a SAEBench mdl result: expected "eval_results" (a list of {num_bins, description_length, mse_loss})')
  return results.flatMap((entry, i) => {
    const at = `${where}#/eval_results/${i}`
    if (!isObject(entry) || typeof entry.num_bins !== 'number') fail(at, 'expected {num_bins, k, description_length, within_threshold, mse_loss}')
    const setting = `num_bins=${entry.num_bins}${typeof entry.k === 'number' ? `,k=${entry.k}` : ''}`
    return (['description_length', 'mse_loss'] as const).map((field) => metric(`${setting}/${field}`, `eval_results.${field}`, entry[field], `${at}/${field}`))
  })
}

/** Per-item results (absorption per letter, probing per dataset, ...) as per-example scores keyed by the item's name. */
function detailMetrics(doc: Record<string, unknown>, where: string, type: string, sae: string, provenance: Record<string, string>): AdapterMetric[] {
  const details = doc.eval_result_details
  const idField = DETAIL_ID[type]
  if (!idField || !Array.isArray(details) || details.length === 0) return []
  const columns = new Map<string, (number | null)[]>()
  const ids: string[] = []
  for (const [i, item] of details.entries()) {
    const at = `${where}#/eval_result_details/${i}`
    if (!isObject(item)) fail(at, 'expected an object per item')
    const id = item[idField]
    if (typeof id !== 'string' && typeof id !== 'number') fail(`${at}/${idField}`, `expected the item's ${idField}`)
    ids.push(String(id))
    for (const [field, value] of Object.entries(item)) {
      // sae-probes repeats its flat sae_top_<k>_test_* fields as {k: {metric: value}} (sparse_probing_sae_probes/eval_output.py:123).
      if (field === idField || (field === 'sae_metrics_by_k' && (value === null || isObject(value)))) continue
      if (value !== null && typeof value !== 'number') fail(`${at}/${field}`, `expected a number (or null), got ${JSON.stringify(value)}`)
      if (!columns.has(field)) columns.set(field, Array(details.length).fill(null))
      columns.get(field)![i] = value
    }
  }
  if (new Set(ids).size !== ids.length) fail(`${where}#/eval_result_details`, `two items have the same ${idField}: items can't be paired`)
  const out: AdapterMetric[] = []
  for (const [field, values] of columns) {
    const missing = (v: number | null) => v === null || (v === -1 && sentinelNote(type, field) !== undefined)
    // A field computed for no item was not computed at all: the scalar row already says so.
    if (values.every(missing)) continue
    const scores = Float64Array.from(values, (v) => (missing(v) ? NaN : (v as number)))
    const note = values.some((v) => v === -1 && missing(v)) ? sentinelNote(type, field) : undefined
    out.push({ id: `${idPart(type)}/${sae}/details.${idPart(field)}`, key: `${type}/details.${field}`, scores, ids, provenance, ...(note ? { note } : {}) })
  }
  return out
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}
