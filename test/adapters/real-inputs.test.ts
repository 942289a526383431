import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ADAPTERS } from '../../src/adapters/index.js'
import { parseConfig } from '../../src/config/load.js'
import { expandAdapters } from '../../src/engine/expand-adapters.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/adapters/', import.meta.url))
let ws: string
beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'real-inputs-'))
})
afterAll(() => rmSync(ws, { recursive: true }))

function put(file: string, content: string | object) {
  mkdirSync(dirname(join(ws, file)), { recursive: true })
  writeFileSync(join(ws, file), typeof content === 'string' ? content : JSON.stringify(content))
}
function expand(adapter: string, path: string, extra = '') {
  return expandAdapters(ws, parseConfig(`version: 1\nadapters:\n  - adapter: ${adapter}\n    path: ${path}\n${extra}`, 'interp-gate.yml'), ADAPTERS)
}
const byId = (bound: ReturnType<typeof expand>) => new Map(bound.map((b) => [b.entry.id, b]))
const scoresOf = (b: ReturnType<typeof expand>[number]) => Array.from(b.arrays.scores.data as Float64Array)

describe('ERASER: the score file’s every section, and per-example measures from the predictions file', () => {
  // fixtures/adapters/eraser/make_eraser.py writes both files following rationale_benchmark/metrics.py, and
  // expected.json with numpy's per-instance values of metrics.py:297, :304 and _instances_aopc.
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'eraser/expected.json'), 'utf8'))
  beforeAll(() => {
    for (const file of ['scores.json', 'predictions.jsonl']) cpSync(join(FIXTURES, 'eraser', file), join(ws, 'eraser', file))
  })

  test('every section of the score file has a direction, sentence_soft_metrics included', () => {
    const bound = byId(expand('eraser', 'eraser/scores.json'))
    expect(bound.get('eraser/scores/sentence_soft_metrics.auprc')?.direction).toBe('higher')
    expect(bound.get('eraser/scores/token_soft_metrics.roc_auc_score')?.direction).toBe('higher')
    expect(bound.get('eraser/scores/classification_scores.sufficiency_aopc')?.direction).toBe('lower')
    expect(bound.get('eraser/scores/iou_scores@0.5.macro.f1')?.direction).toBe('higher')
  })

  test('comprehensiveness and sufficiency per annotation_id, paired', () => {
    const bound = byId(expand('eraser', 'eraser'))
    for (const [name, direction] of [
      ['comprehensiveness', 'higher'],
      ['sufficiency', 'lower'],
      ['comprehensiveness_aopc', 'higher'],
      ['sufficiency_aopc', 'lower']
    ]) {
      const b = bound.get(`eraser/predictions/per_instance.${name}`)!
      expect(b.direction).toBe(direction)
      expect(b.ids).toEqual(expected.ids)
      const got = scoresOf(b)
      expect(got.length).toBe(expected[name].length)
      got.forEach((v, i) => expect(v).toBeCloseTo(expected[name][i], 12))
    }
    // The score file's mean is the mean of the per-instance values (ERASER's np.average).
    const scores = JSON.parse(readFileSync(join(ws, 'eraser/scores.json'), 'utf8'))
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(scoresOf(bound.get('eraser/predictions/per_instance.comprehensiveness')!))).toBeCloseTo(scores.classification_scores.comprehensiveness, 12)
  })

  test('a prediction without its class score names the line and the annotation', () => {
    put('bad/p.jsonl', '{"annotation_id": "a1", "classification": "POS", "classification_scores": {"NEG": 0.4}}\n')
    expect(() => expand('eraser', 'bad/p.jsonl')).toThrow('bad/p.jsonl:1: expected "classification_scores" to hold a number for the predicted class "POS"')
  })
})

describe('Quantus: both evaluate() shapes, clean ids, curves refused', () => {
  test('{method: {metric: scores}} (one call_kwargs) and {method: {metric: {call_kwarg: scores}}}', () => {
    put('q1/quantus.json', { Saliency: { RegionPerturbation: [0.1, 0.2], EfficientMPRT: [0.3, 0.4] } })
    put('q2/results.json', { Saliency: { Continuity: { patch_8: [0.5, 0.6], patch_16: [0.7, 0.8] } } })
    const one = byId(expand('quantus', 'q1/quantus.json'))
    // A file named after the library adds nothing to the id.
    expect([...one.keys()]).toEqual(['quantus/Saliency/RegionPerturbation', 'quantus/Saliency/EfficientMPRT'])
    expect(one.get('quantus/Saliency/RegionPerturbation')?.direction).toBe('lower')
    expect(one.get('quantus/Saliency/EfficientMPRT')?.direction).toBe('higher')
    const two = byId(expand('quantus', 'q2'))
    expect([...two.keys()]).toEqual(['quantus/results/Saliency/Continuity/patch_8', 'quantus/results/Saliency/Continuity/patch_16'])
    expect(two.get('quantus/results/Saliency/Continuity/patch_8')?.direction).toBe('lower')
  })

  test('per-example curves are refused, never flattened into examples', () => {
    put('q3/curves.json', {
      Saliency: {
        PixelFlipping: [
          [0.9, 0.5, 0.1],
          [0.8, 0.4, 0.2]
        ]
      }
    })
    expect(() => expand('quantus', 'q3')).toThrow(/q3\/curves\.json#\/Saliency\/PixelFlipping: holds one list per example \(curves\)/)
    // 2 examples × 3 curve steps flattened beside a 2-example metric: refused, not read as 6 examples.
    put('q4/flat.json', { Saliency: { PixelFlipping: [0.9, 0.5, 0.1, 0.8, 0.4, 0.2], Sparseness: [0.3, 0.4] } })
    expect(() => expand('quantus', 'q4')).toThrow('q4/flat.json: per-example lists of different lengths (Saliency.PixelFlipping: 6, Saliency.Sparseness: 2)')
  })
})

describe('SAEBench files from its own recorded runs and its layouts', () => {
  const REAL = join(FIXTURES, 'saebench-real/eval_results')

  test('meta_structure as recorded (eval_type_id "meta_sae_decoder_variance"): its numbers are context, nothing to gate', () => {
    // SAEBench's tests/acceptance/test_data/meta_structure/pythia70m_tr10_meta_structure.json, in short.
    put('meta/x_eval_results.json', {
      eval_type_id: 'meta_sae_decoder_variance',
      eval_result_metrics: { meta_sae: { decoder_fraction_variance_explained: 0.2434, train_time_seconds: 5.19, final_reconstruction_mse: 0.00146 } },
      sae_lens_id: 'blocks.4.hook_resid_post__trainer_10',
      sae_lens_release_id: 'sae_bench_pythia70m_sweep_standard_ctx128_0712'
    })
    expect(expand('saebench', 'meta')).toEqual([])
  })

  test('sparse probing (sae-probes) as its main.py builds it: per-dataset details paired, the by-k repeat skipped', () => {
    // sparse_probing_sae_probes/main.py: SaeProbesResultDetail(dataset_name, sae_metrics_by_k, **ds_metrics) per
    // dataset; SaeProbesMetricCategories(llm, sae) of the means.
    const detail = (name: string, acc: number) => ({
      dataset_name: name,
      sae_top_1_test_accuracy: acc,
      sae_top_1_test_auc: acc + 0.05,
      sae_metrics_by_k: { '1': { test_accuracy: acc, test_auc: acc + 0.05 } }
    })
    put('probes/r_s_eval_results.json', {
      eval_type_id: 'sparse_probing_sae_probes',
      eval_result_metrics: { llm: { llm_test_accuracy: null }, sae: { sae_top_1_test_accuracy: 0.7, sae_top_1_test_auc: 0.75 } },
      eval_result_details: [detail('100_news_fake', 0.6), detail('5_hist_fig_ismale', 0.8)],
      sae_metrics_by_k: { '1': { test_accuracy: 0.7 } },
      sae_lens_id: 's',
      sae_lens_release_id: 'r'
    })
    const bound = byId(expand('saebench', 'probes'))
    const details = bound.get('saebench/sparse_probing_sae_probes/r/s/details.sae_top_1_test_accuracy')!
    expect([details.direction, details.ids, scoresOf(details)]).toEqual(['higher', ['100_news_fake', '5_hist_fig_ismale'], [0.6, 0.8]])
    expect(bound.get('saebench/sparse_probing_sae_probes/r/s/sae.sae_top_1_test_auc')?.direction).toBe('higher')
    // The LLM baseline was not included: null is context here (the LLM's numbers are never gated).
    expect(bound.has('saebench/sparse_probing_sae_probes/r/s/llm.llm_test_accuracy')).toBe(false)
  })

  test('two files for the same SAE and eval name both files', () => {
    cpSync(join(REAL, 'ravel'), join(ws, 'dup/a'), { recursive: true })
    cpSync(join(REAL, 'ravel'), join(ws, 'dup/b'), { recursive: true })
    expect(() => expand('saebench', 'dup')).toThrow(
      /is in both dup\/a\/sae_bench_gemma-2-2b.*_eval_results\.json and dup\/b\/sae_bench_gemma-2-2b.*_eval_results\.json: two results for the same run/
    )
  })

  test('an undocumented number still stops the run', () => {
    put('unk/x_eval_results.json', {
      eval_type_id: 'core',
      eval_result_metrics: { misc_metrics: { frac_alive: 0.9, frac_undead: 0.1 } },
      sae_lens_id: 's',
      sae_lens_release_id: 'r'
    })
    expect(() => expand('saebench', 'unk')).toThrow(/saebench has no direction for 1 metric\(s\): saebench\/core\/r\/s\/misc_metrics\.frac_undead/)
  })

  test('a number written as text is an error naming its key', () => {
    put('str/x_eval_results.json', { eval_type_id: 'ravel', eval_result_metrics: { ravel: { cause_score: '0.5' } } })
    expect(() => expand('saebench', 'str')).toThrow('str/x_eval_results.json#/eval_result_metrics/ravel/cause_score: expected a number (or null), got "0.5"')
  })
})
