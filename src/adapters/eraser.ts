import { fail } from '../inputs/errors.js'
import type { Adapter, AdapterMetric } from './adapter.js'
import { eraserInstanceMetrics, runName } from './eraser-instances.js'
import { idPart, isObject, leafMetric, numericLeaves, readJsonObject } from './walk.js'

// Field names from ERASER's rationale_benchmark/metrics.py (jayded/eraserbenchmark@36467f1; lines in
// test/fixtures/adapters/library-facts.json): main() writes --score_file with iou_scores (:628, a list of {threshold,
// micro: {p, r, f1}, macro: {p, r, f1}} from partial_match_score), rationale_prf (:631) and token_prf (:635)
// ({instance_micro, instance_macro}: {p, r, f1}), token_soft_metrics (:643) and sentence_soft_metrics (:651) (both
// score_soft_tokens: {auprc, average_precision, roc_auc_score}) and classification_scores (:658, score_classifications:
// accuracy, prf = sklearn's classification_report, comprehensiveness, sufficiency, their _entropy, _kl, _aopc and
// _aopc_points, aopc_thresholds). The per-instance predictions (*.jsonl) are read by eraser-instances.ts.

export const eraser: Adapter = {
  name: 'eraser',
  source:
    'ERASER (DeYoung et al., ACL 2020; jayded/eraserbenchmark rationale_benchmark/metrics.py): comprehensiveness ↑ and sufficiency ↓ as defined in the paper',
  files: '**/*.{json,jsonl}',
  directions: [
    { pattern: /^classification_scores\.accuracy$/, direction: 'higher' },
    { pattern: /^classification_scores\.prf\..*\.support$/, direction: 'context' },
    { pattern: /^classification_scores\.prf\./, direction: 'higher' },
    { pattern: /^classification_scores\.comprehensiveness(_aopc|_kl)?$/, direction: 'higher' },
    { pattern: /^classification_scores\.sufficiency(_aopc|_kl)?$/, direction: 'lower' },
    // Entropy differences have no better end; aopc points and thresholds describe the curve, not per-example scores.
    { pattern: /^classification_scores\.(\w+_entropy|\w+_aopc_points|aopc_thresholds)$/, direction: 'context' },
    { pattern: /^iou_scores@[0-9.e-]+\.(micro|macro)\.(p|r|f1)$/, direction: 'higher' },
    { pattern: /^(rationale_prf|token_prf)\.\w+\.(p|r|f1)$/, direction: 'higher' },
    { pattern: /^(token|sentence)_soft_metrics\.(auprc|average_precision|roc_auc_score)$/, direction: 'higher' },
    { pattern: /^per_instance\.comprehensiveness(_aopc)?$/, direction: 'higher' },
    { pattern: /^per_instance\.sufficiency(_aopc)?$/, direction: 'lower' }
  ],
  read(file) {
    if (file.relative.endsWith('.jsonl')) return eraserInstanceMetrics(file, runName(file.relative), { file: file.path, library: 'ERASER' })
    const doc = readJsonObject(file)
    const known = ['classification_scores', 'iou_scores', 'rationale_prf', 'token_prf', 'token_soft_metrics', 'sentence_soft_metrics']
    if (!known.some((k) => k in doc))
      fail(file.path, `not an ERASER score file: expected one of ${known.join(', ')} (rationale_benchmark/metrics.py --score_file)`)
    const run = runName(file.relative)
    const provenance = { file: file.path, library: 'ERASER' }
    const metrics: AdapterMetric[] = []
    const { iou_scores: iou, ...rest } = doc
    for (const leaf of numericLeaves(rest)) metrics.push(leafMetric(`${run}/${idPart(leaf.key)}`, leaf.key, leaf, provenance))
    // One entry per IoU threshold: its key carries the threshold ("iou_scores@0.5.macro.f1").
    if (Array.isArray(iou)) {
      for (const entry of iou) {
        if (!isObject(entry) || typeof entry.threshold !== 'number') fail(`${file.path}#/iou_scores`, 'expected a list of {threshold, micro, macro}')
        const { threshold, ...scores } = entry
        for (const leaf of numericLeaves(scores, `iou_scores@${threshold}`)) metrics.push(leafMetric(`${run}/${idPart(leaf.key)}`, leaf.key, leaf, provenance))
      }
    }
    return metrics
  }
}
