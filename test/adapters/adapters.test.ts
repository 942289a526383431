import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { compare } from '../../src/compare/comparison.js'
import { parseConfig } from '../../src/config/load.js'
import { computeResults, gateSpecs, loadConfig } from '../../src/engine/pipeline.js'
import { decodeFloat64 } from '../../src/results/encode.js'
import type { MetricResult } from '../../src/results/results-schema.js'

// Fixtures: test/fixtures/adapters/make_adapters.py writes each library's files with the field names of its own code:
// - SAEBench: sae_bench/evals/base_eval_output.py, eval_output_schema_meta_sae_decoder_variance.json (top-level fields),
//   sae_bench/evals/core/main.py run_evals() (core metric names), evals/absorption/eval_output.py (absorption);
// - SAELens: sae_lens/evals.py multiple_evals() / process_results() / replace_nans_with_negative_one();
// - ERASER: rationale_benchmark/metrics.py (partial_match_score, score_hard_rationale_predictions, score_soft_tokens,
//   score_classifications);
// - OpenXAI: evaluate_metrics.py (np.save of metric_evals/<model>_<data>/<metric>_<method>_<n><param_str>.npy) and
//   openxai/experiment_utils.py construct_param_string();
// - Quantus: quantus/evaluation.py evaluate() ({method: {metric: {call_kwarg_str: scores}}});
// - Captum: captum/metrics infidelity / sensitivity_max (one value per input), saved with np.save.
// expected.json holds the values numpy wrote (or numpy's nanmean of the lists) and the directions read off each library's docs.
const DIR = fileURLToPath(new URL('../fixtures/adapters/', import.meta.url))
interface Expected {
  value: number | null
  direction: 'higher' | 'lower'
  kind: 'value' | 'mean'
  n?: number
  nanCount?: number
  error?: boolean
}
const EXPECTED = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as Record<string, Expected>

async function run(config: string) {
  const { loaded, bound } = await loadConfig(DIR, config)
  const { results } = computeResults(DIR, loaded, bound, { createdAt: '2026-01-01T00:00:00Z' })
  return { loaded, bound, results, byId: new Map(results.metrics.map((m) => [m.id, m])) }
}

describe('adapters read each library’s result files', async () => {
  const { byId, results } = await run('interp-gate.yml')

  test.each(Object.entries(EXPECTED))('%s', (id, expected) => {
    const metric = byId.get(id) as MetricResult
    expect(metric, `metric ${id} was not emitted; emitted: ${[...byId.keys()].join(', ')}`).toBeDefined()
    expect(metric.direction).toBe(expected.direction)
    expect(metric.metric).toBe(expected.kind)
    if (expected.error) {
      expect(metric.value).toBeNull()
      expect(metric.error).toMatch(/no finite value \(head\/saelens\/eval_results\/gpt2.*\.json holds -1 here, which is how SAELens writes NaN\)$/)
      return
    }
    expect(metric.value).toBeCloseTo(expected.value!, 12)
    if (expected.kind === 'mean') {
      expect(metric.n).toBe(expected.n)
      expect(metric.nanCount).toBe(expected.nanCount)
      expect(metric.examples?.ids?.length).toBe(expected.n! + expected.nanCount!)
      expect(decodeFloat64(metric.examples!.scores!).length).toBe(expected.n! + expected.nanCount!)
    } else {
      expect(metric.ci).toBeNull()
    }
  })

  test('numbers that describe the run, not its quality, are not emitted', () => {
    const ids = [...byId.keys()]
    for (const context of [
      'token_stats',
      'kl_div_with_ablation',
      'ce_loss_without_sae',
      'shrinkage.',
      '.support',
      'aopc_points',
      'aopc_thresholds',
      '_entropy',
      'mean_num_split_features',
      'feature_metrics'
    ]) {
      expect(ids.filter((id) => id.includes(context))).toEqual([])
    }
  })

  test('SAELens: all_eval_results.json, which repeats the per-run files, is skipped in a folder', () => {
    expect(results.metrics.filter((m) => m.provenance?.file.endsWith('all_eval_results.json'))).toEqual([])
  })

  test('provenance keeps release, commit hash and library version', () => {
    const core = byId.get('saebench/core/layer_12/width_16k/average_l0_82/reconstruction_quality.explained_variance')!
    expect(core.provenance).toEqual({
      adapter: 'saebench',
      file: 'head/saebench/eval_results/core/gemma-scope-2b-pt-res_layer_12_width_16k_average_l0_82_eval_results.json',
      library: 'SAEBench',
      eval_type_id: 'core',
      sae_lens_release_id: 'gemma-scope-2b-pt-res',
      sae_lens_id: 'layer_12/width_16k/average_l0_82',
      sae_bench_commit_hash: 'a1b2c3d',
      sae_lens_version: '5.4.2',
      eval_id: '0c7f9b2e-0_82',
      datetime_epoch_millis: '1732000000000'
    })
    const lens = byId.get('saelens/gpt2-small-res-jb-blocks.8.hook_resid_pre/Skylion007/openwebtext@128/sparsity.l0')!
    expect(lens.provenance).toMatchObject({ library: 'SAELens', library_version: '4.4.1', git_hash: '9f8e7d6', sae_set: 'gpt2-small-res-jb' })
    const oxai = byId.get('openxai/ann_synthetic/PGI/grad_k_0.25_std_0.1')!
    expect(oxai.provenance).toMatchObject({ metric: 'PGI', method: 'grad', n_test_samples: '60', params: 'k_0.25_std_0.1', experiment: 'ann_synthetic' })
  })

  test('the entry’s gate applies to every metric it yields', () => {
    expect(byId.get('openxai/ann_synthetic/PGU/grad_k_0.25_std_0.1')!.gate).toEqual({ 'max-regression': 0, significance: 0.05 })
  })

  test('against the base branch’s files, the per-example regression is caught by the paired test and scalars compare as scalars', async () => {
    const base = await run('base.yml')
    const head = await run('interp-gate.yml')
    const comparison = compare({ head: head.results, base: base.results, gates: gateSpecs(head.loaded, head.bound), defaults: head.loaded.config.defaults })
    const pgi = comparison.rows.find((r) => r.id === 'openxai/ann_synthetic/PGI/grad_k_0.25_std_0.1')!
    expect(pgi.status).toBe('regressed')
    expect(pgi.paired).toBe(true)
    expect(pgi.pWorse).toBeLessThan(0.001)
    const ev = comparison.rows.find(
      (r) => r.id === 'saelens/gpt2-small-res-jb-blocks.8.hook_resid_pre/Skylion007/openwebtext@128/reconstruction_quality.explained_variance'
    )!
    expect(ev.paired).toBeNull()
    expect(ev.pValue).toBeNull()
    expect(comparison.verdict).toBe('fail')
  })

  test('the report lists each source file with its versions and commits', async () => {
    const { runPipeline } = await import('../../src/engine/pipeline.js')
    const out = mkdtempSync(join(tmpdir(), 'adapters-'))
    const { markdown, comparison } = await runPipeline({
      workspace: DIR,
      config: 'interp-gate.yml',
      baseline: null,
      outDir: relative(DIR, out),
      createdAt: '2026-01-01T00:00:00Z'
    })
    expect(comparison.provenance?.length).toBe(11)
    expect(markdown).toContain('<details><summary>Sources: 11 result files read by adapters</summary>')
    expect(markdown).toMatch(
      /\| SAEBench +\| `head\/saebench\/eval_results\/core\/gemma-scope-2b-pt-res_layer_12_width_16k_average_l0_41_eval_results.json` +\| 9 +\|.*`sae_bench_commit_hash: a1b2c3d`/
    )
    expect(markdown).toMatch(/SAELens .*\| 7 +\|.*`library_version: 4\.4\.1`, `git_hash: 9f8e7d6`/)
    rmSync(out, { recursive: true })
  })
})

describe('interp-gate compare on results files of an adapter config', () => {
  test('needs no library files: adapter gates come from the results', async () => {
    const { main } = await import('../../src/cli/main.js')
    const { writeFileSync, copyFileSync } = await import('node:fs')
    const ws = mkdtempSync(join(tmpdir(), 'adapters-compare-'))
    const base = await run('base.yml')
    const head = await run('interp-gate.yml')
    writeFileSync(join(ws, 'base.json'), JSON.stringify(base.results))
    writeFileSync(join(ws, 'head.json'), JSON.stringify(head.results))
    copyFileSync(join(DIR, 'interp-gate.yml'), join(ws, 'interp-gate.yml'))
    let out = ''
    const code = await main(['compare', 'base.json', 'head.json', '--config', 'interp-gate.yml', '--out', 'o'], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      cwd: ws,
      env: {}
    })
    expect(code, out).toBe(1)
    const comparison = JSON.parse(readFileSync(join(ws, 'o/comparison.json'), 'utf8'))
    const pgi = comparison.rows.find((r: { id: string }) => r.id === 'openxai/ann_synthetic/PGI/grad_k_0.25_std_0.1')
    expect(pgi.status).toBe('regressed')
    expect(pgi.gates.map((g: { rule: string }) => g.rule)).toEqual(['max-regression'])
    rmSync(ws, { recursive: true })
  })
})

describe('adapter config errors are one clear message each', () => {
  const load = (yaml: string) => parseConfig(yaml, 'interp-gate.yml')

  test('unknown adapter, with a did-you-mean', async () => {
    const [{ expandAdapters }, { ADAPTERS }] = await Promise.all([import('../../src/engine/expand-adapters.js'), import('../../src/adapters/index.js')])
    const loaded = load('version: 1\nadapters:\n  - adapter: saebenh\n    path: head/saebench\n')
    expect(() => expandAdapters(DIR, loaded, ADAPTERS)).toThrow(
      'interp-gate.yml:3:14 adapters[0].adapter: unknown adapter "saebenh" (did you mean "saebench"?)'
    )
  })

  test('a metric with no direction names itself and the two ways out', async () => {
    const [{ expandAdapters }, { ADAPTERS }] = await Promise.all([import('../../src/engine/expand-adapters.js'), import('../../src/adapters/index.js')])
    const loaded = load('version: 1\nadapters:\n  - adapter: quantus\n    path: head/captum\n')
    expect(() => expandAdapters(DIR, loaded, ADAPTERS)).toThrow(
      /quantus has no direction for 1 metric\(s\): quantus\/ig\/sensitivity_max; say which way is better with `directions:/
    )
    const fixed = load('version: 1\nadapters:\n  - adapter: quantus\n    path: head/captum\n    directions: { "**/sensitivity_max": higher }\n')
    expect(expandAdapters(DIR, fixed, ADAPTERS).map((b) => [b.entry.id, b.direction])).toEqual([
      ['quantus/ig/infidelity', 'lower'],
      ['quantus/ig/sensitivity_max', 'higher']
    ])
    const excluded = load('version: 1\nadapters:\n  - adapter: quantus\n    path: head/captum\n    exclude: ["**/sensitivity_max"]\n')
    expect(expandAdapters(DIR, excluded, ADAPTERS).map((b) => b.entry.id)).toEqual(['quantus/ig/infidelity'])
  })

  test('a file of another library says what was expected', async () => {
    const [{ expandAdapters }, { ADAPTERS }] = await Promise.all([import('../../src/engine/expand-adapters.js'), import('../../src/adapters/index.js')])
    const loaded = load('version: 1\nadapters:\n  - adapter: saebench\n    path: head/eraser/movies_bert.json\n')
    expect(() => expandAdapters(DIR, loaded, ADAPTERS)).toThrow(
      'interp-gate.yml:4:11 adapters[0].path: head/eraser/movies_bert.json: not a SAEBench result: expected "eval_type_id"'
    )
  })

  test('a missing folder and a path leaving the workspace are refused', async () => {
    const [{ expandAdapters }, { ADAPTERS }] = await Promise.all([import('../../src/engine/expand-adapters.js'), import('../../src/adapters/index.js')])
    expect(() => expandAdapters(DIR, load('version: 1\nadapters:\n  - adapter: saebench\n    path: nope\n'), ADAPTERS)).toThrow(
      'adapters[0].path: nope: not found'
    )
    expect(() => expandAdapters(DIR, load('version: 1\nadapters:\n  - adapter: openxai\n    path: head/saebench\n'), ADAPTERS)).toThrow(
      'adapters[0].path: head/saebench: no file matches (under a folder, openxai reads **/*.npy); is it the right folder and adapter?'
    )
    expect(() =>
      expandAdapters(DIR, load('version: 1\nadapters:\n  - adapter: captum\n    path: head/captum\n    include: ["nothing/**"]\n'), ADAPTERS)
    ).toThrow('adapters[0].path: head/captum: 2 file(s) read, no metric left (check `include` / `exclude`)')
    expect(() => expandAdapters(DIR, load('version: 1\nadapters:\n  - adapter: saebench\n    path: ../../../**/*.json\n'), ADAPTERS)).toThrow(
      'path leaves the workspace'
    )
  })

  test('an entry without metrics or adapters is refused', () => {
    expect(() => parseConfig('version: 1\n', 'interp-gate.yml')).toThrow('expected at least one metric (or an adapter entry)')
  })
})
