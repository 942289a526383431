import { fail } from '../inputs/errors.js'
import type { Adapter, AdapterMetric, DirectionRule } from './adapter.js'
import { idPart, isObject, leafMetric, numericLeaves, readJsonObject, textField } from './walk.js'

// Field names from SAEBench's own output schema (sae_bench/evals/*/eval_output.py, exported as
// eval_output_schema_<eval_type>.json): eval_type_id, eval_config, eval_id, datetime_epoch_millis, eval_result_metrics
// (category → metric → number), eval_result_details, sae_bench_commit_hash, sae_lens_id, sae_lens_release_id,
// sae_lens_version, sae_cfg_dict. Core metric names from sae_bench/evals/core/main.py (run_evals).

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
  { pattern: /(^|\/)shrinkage\./, direction: 'context' },
  { pattern: /(^|\/)token_stats\./, direction: 'context' },
  { pattern: /(^|\/)misc\.frac_alive$/, direction: 'higher' },
  { pattern: /(^|\/)misc\.(\w*freq_over_\w+|average_max_(encoder|decoder)_cosine_sim)$/, direction: 'lower' },
  { pattern: /(^|\/)misc\./, direction: 'context' }
]

const SAEBENCH_DIRECTIONS: DirectionRule[] = [
  ...CORE_DIRECTIONS,
  // The LLM's own probe accuracy is the reference the SAE is measured against, not a property of the SAE.
  { pattern: /^sparse_probing\/llm\./, direction: 'context' },
  { pattern: /^sparse_probing\/sae\.\w*accuracy$/, direction: 'higher' },
  { pattern: /^absorption_first_letter\/mean\.mean_(absorption_fraction_score|full_absorption_score|absorption_score)$/, direction: 'lower' },
  { pattern: /^absorption_first_letter\/mean\.mean_num_split_features$/, direction: 'context' },
  { pattern: /^scr\/scr_metrics\.scr_(dir1|metric)_threshold_\d+$/, direction: 'higher' },
  { pattern: /^scr\/scr_metrics\.scr_dir2_threshold_\d+$/, direction: 'context' },
  { pattern: /^tpp\/tpp_metrics\.tpp_threshold_\d+_(total_metric|intended_diff_only)$/, direction: 'higher' },
  { pattern: /^tpp\/tpp_metrics\.tpp_threshold_\d+_unintended_diff_only$/, direction: 'lower' },
  { pattern: /^autointerp\/autointerp\.autointerp_score$/, direction: 'higher' },
  { pattern: /^autointerp\/autointerp\.autointerp_std_dev$/, direction: 'context' },
  { pattern: /^unlearning\/unlearning\.unlearning_score$/, direction: 'higher' },
  { pattern: /^ravel\/ravel\.(disentanglement_score|cause_score|isolation_score)$/, direction: 'higher' }
]

export const saebench: Adapter = {
  name: 'saebench',
  source: 'SAEBench (adamkarvonen/SAEBench): sae_bench/evals/*/eval_output.py field descriptions and the SAEBench paper (arXiv:2503.09532)',
  files: '**/*_eval_results.json',
  directions: SAEBENCH_DIRECTIONS,
  read(file) {
    const doc = readJsonObject(file)
    const evalType = doc.eval_type_id
    const categories = doc.eval_result_metrics
    if (typeof evalType !== 'string' || !isObject(categories)) {
      fail(file.path, 'not a SAEBench result: expected "eval_type_id" (a string) and "eval_result_metrics" (categories of metrics)')
    }
    // Custom SAEs have no SAE Lens id: the file name (<release>_<sae_id>_eval_results.json) names them instead.
    const stem = file.relative
      .split('/')
      .pop()!
      .replace(/_eval_results\.json$/, '')
      .replace(/\.json$/, '')
    const sae = typeof doc.sae_lens_id === 'string' && doc.sae_lens_id ? doc.sae_lens_id : stem
    const provenance = {
      file: file.path,
      library: 'SAEBench',
      ...textField(doc, 'eval_type_id'),
      ...textField(doc, 'sae_lens_release_id'),
      ...textField(doc, 'sae_lens_id'),
      ...textField(doc, 'sae_bench_commit_hash'),
      ...textField(doc, 'sae_lens_version'),
      ...textField(doc, 'eval_id'),
      ...textField(doc, 'datetime_epoch_millis')
    }
    const metrics: AdapterMetric[] = []
    for (const leaf of numericLeaves(categories)) {
      metrics.push(leafMetric(`${idPart(evalType)}/${idPart(sae)}/${idPart(leaf.key)}`, `${evalType}/${leaf.key}`, leaf, provenance))
    }
    return metrics
  }
}
