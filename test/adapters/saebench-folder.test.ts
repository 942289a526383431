import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { main } from '../../src/cli/main.js'

// A SAEBench output folder as its evals write it, from SAEBench's own recorded runs (fixtures/adapters/saebench-real/PROVENANCE.md).
const FOLDER = fileURLToPath(new URL('../fixtures/adapters/saebench-real/eval_results', import.meta.url))
const CONFIG = 'version: 1\nadapters:\n  - adapter: saebench\n    path: eval_results\n'
const CORE = 'core/sae_bench_pythia70m_sweep_gated_ctx128_0730_blocks.3.hook_resid_post__trainer_5_eval_results.json'

interface Row {
  id: string
  status: string
  base: number | null
  head: number | null
  notes?: string[]
  paired?: boolean | null
  n?: number
}

async function cli(ws: string, args: string[]) {
  let out = ''
  const code = await main(args, { out: (t) => (out += t), err: (t) => (out += t), cwd: ws, env: {} })
  return { code, out }
}

describe('a default SAEBench output folder with the plain config', () => {
  let ws: string
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'saebench-folder-'))
    cpSync(FOLDER, join(ws, 'eval_results'), { recursive: true })
    writeFileSync(join(ws, 'interp-gate.yml'), CONFIG)
  })
  afterAll(() => rmSync(ws, { recursive: true }))

  test('runs, and compares with itself as a pass', async () => {
    const base = await cli(ws, ['run', '--config', 'interp-gate.yml', '--out', 'base'])
    expect(base.code, base.out).toBe(0)
    const results = JSON.parse(readFileSync(join(ws, 'base/results.json'), 'utf8'))
    const ids: string[] = results.metrics.map((m: { id: string }) => m.id)
    // Every eval type of the folder, each SAE named by release and sae id; the two custom SAEs apart.
    for (const id of [
      'saebench/core/sae_bench_pythia70m_sweep_gated_ctx128_0730/blocks.3.hook_resid_post__trainer_5/misc_metrics.frac_alive',
      'saebench/sparse_probing/sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_10/sae.sae_top_1_test_accuracy',
      'saebench/absorption_first_letter/my_topk_sae_a/custom_sae/mean.mean_absorption_fraction_score',
      'saebench/absorption_first_letter/my_topk_sae_b/custom_sae/mean.mean_absorption_fraction_score',
      'saebench/absorption_first_letter/my_topk_sae_a/custom_sae/details.mean_absorption_fraction',
      'saebench/scr/sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_10/scr_metrics.scr_metric_threshold_10',
      'saebench/tpp/sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_10/tpp_metrics.tpp_threshold_10_unintended_diff_only',
      'saebench/ravel/sae_bench_gemma-2-2b_topk_width-2pow14_date-1109/blocks.5.hook_resid_post__trainer_2/ravel.disentanglement_score',
      'saebench/autointerp/sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_10/autointerp.autointerp_score',
      'saebench/unlearning/sae_bench_gemma-2-2b_topk_width-2pow14_date-1109/blocks.5.hook_resid_post__trainer_2/unlearning.unlearning_score',
      'saebench/mdl/sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_2/num_bins=16/description_length'
    ])
      expect(ids, id).toContain(id)
    const byId = new Map(results.metrics.map((m: { id: string }) => [m.id, m]))
    const absorption = byId.get('saebench/absorption_first_letter/my_topk_sae_a/custom_sae/details.mean_absorption_fraction') as {
      n: number
      examples: { ids: string[] }
    }
    // 26 letters in the recorded run's eval_result_details, paired by letter.
    expect(absorption.n).toBe(26)
    expect(absorption.examples.ids.slice(0, 3)).toEqual(['a', 'b', 'c'])
    // Context numbers are never metrics.
    expect(ids.filter((id) => /std_dev|token_stats|llm\.|num_split_features|within_threshold/.test(id))).toEqual([])
    const self = await cli(ws, ['run', '--config', 'interp-gate.yml', '--baseline', 'base/results.json', '--out', 'same'])
    expect(self.code, self.out).toBe(0)
    const comparison = JSON.parse(readFileSync(join(ws, 'same/comparison.json'), 'utf8'))
    // The -1 sentinels (core's NaN, sparse probing's skipped probe) and SCR/TPP thresholds not run are "not computed".
    const probe = comparison.rows.find((r: Row) => r.id.endsWith('/sae.sae_test_accuracy')) as Row
    expect(probe.head).toBeNull()
    expect(probe.status).toBe('error')
    expect(probe.notes?.join(' ')).toMatch(/not computed: SAEBench writes sae_test_accuracy = -1/)
    const kl = comparison.rows.find((r: Row) => r.id.endsWith('/model_behavior_preservation.kl_div_score')) as Row
    expect(kl.notes?.join(' ')).toMatch(/not computed: SAEBench's core eval writes NaN as -1/)
    expect(comparison.rows.filter((r: Row) => r.status === 'improved' || r.status === 'regressed')).toEqual([])
    const report = readFileSync(join(ws, 'same/report.md'), 'utf8')
    // Context numbers show in Sources.
    expect(report).toMatch(/my_topk_sae_a_custom_sae_eval_results\.json`.*`context mean\.std_dev_absorption_fraction_score: 0\.07461699212912758`/)
    expect(report).toMatch(/`context token_stats\.total_tokens_eval_reconstruction: 2560`/)
  })

  test('a worsened number fails the gate', async () => {
    writeFileSync(join(ws, 'gated.yml'), `${CONFIG}    gate: { max-regression: "1%" }\n`)
    await cli(ws, ['run', '--config', 'gated.yml', '--out', 'base2'])
    const file = join(ws, 'eval_results', CORE)
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    // explained_variance 0.9858 → 0.9: 8.7% worse, beyond the gate's 1%.
    doc.eval_result_metrics.reconstruction_quality.explained_variance = 0.9
    // The base wrote kl_div_score = -1 (not computed); the head computes it: not an improvement, a new number.
    doc.eval_result_metrics.model_behavior_preservation.kl_div_score = 0.98
    writeFileSync(file, JSON.stringify(doc))
    const head = await cli(ws, ['run', '--config', 'gated.yml', '--baseline', 'base2/results.json', '--out', 'head'])
    const comparison = JSON.parse(readFileSync(join(ws, 'head/comparison.json'), 'utf8'))
    const row = comparison.rows.find((r: Row) => r.id.endsWith('/reconstruction_quality.explained_variance')) as Row
    expect(row.base).toBeCloseTo(0.9858025908470154, 12)
    expect(row.head).toBe(0.9)
    expect(row.status).toBe('regressed')
    const kl = comparison.rows.find((r: Row) => r.id.endsWith('/model_behavior_preservation.kl_div_score')) as Row
    expect([kl.status, kl.base, kl.head]).toEqual(['new', null, 0.98])
    expect(kl.notes?.join(' ')).toMatch(/the baseline could not compute it: not computed: SAEBench's core eval writes NaN as -1/)
    expect(head.code, head.out).toBe(1)
  })
})
