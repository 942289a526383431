import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { ADAPTERS, findAdapter } from '../../src/adapters/index.js'

const file = (path: string, text: string) => ({ path, relative: path.split('/').pop()!, bytes: new TextEncoder().encode(text) })
const read = (name: string, path: string, text: string) => () => findAdapter(name)!.read(file(path, text))

describe('a file an adapter cannot read: one message naming the file and what was expected', () => {
  test.each([
    [
      'saebench',
      'r/core/x_eval_results.json',
      '{"eval_type_id": 3}',
      'r/core/x_eval_results.json: not a SAEBench result: expected "eval_type_id" (a string) and "eval_result_metrics"'
    ],
    ['saebench', 'r/x_eval_results.json', '[1, 2]', 'r/x_eval_results.json: expected a JSON object at the top level, got a list'],
    ['saelens', 'e/run.json', '{"metrics": {}}', 'e/run.json: not a SAELens eval result: expected "unique_id" and "metrics"'],
    ['saelens', 'e/all_eval_results.json', '[{"unique_id": "a", "metrics": {}}, 5]', 'e/all_eval_results.json#/1: expected a SAELens eval result object'],
    ['eraser', 's.json', '{"accuracy": 0.9}', 's.json: not an ERASER score file: expected one of classification_scores, iou_scores'],
    ['eraser', 's.json', '{"iou_scores": [{"micro": {}}]}', 's.json#/iou_scores: expected a list of {threshold, micro, macro}'],
    ['quantus', 'q.json', '[0.1, 0.2]', 'q.json: expected a JSON object of {metric: scores}'],
    ['quantus', 'q.json', '{"Sparseness": [0.1, ', 'q.json: '],
    [
      'quantus',
      'q.json',
      '{"IG": {"PixelFlipping": [[0.9, 0.5, 0.1], [0.8, 0.6, 0.2]]}}',
      'q.json#/IG/PixelFlipping: holds one list per example (curves), not one score per example: ask the metric for per-example scores (Quantus: return_auc_per_sample=True)'
    ]
  ])('%s reading %s', (name, path, text, message) => {
    expect(read(name, path, text)).toThrow(message)
  })

  test('an OpenXAI file whose name does not follow evaluate_metrics.py', () => {
    expect(() => findAdapter('openxai')!.read({ path: 'metric_evals/ann_adult/scores.npy', relative: 'scores.npy', bytes: new Uint8Array() })).toThrow(
      'metric_evals/ann_adult/scores.npy: not an OpenXAI metric_evals file: expected <metric>_<method>_<n_test_samples>'
    )
  })
})

describe('docs/adapters.md', () => {
  const docs = readFileSync(fileURLToPath(new URL('../../docs/adapters.md', import.meta.url)), 'utf8')
  test.each(ADAPTERS.map((a) => [a.name]))('has a copy-paste config for %s', (name) => {
    expect(docs).toContain(`  - adapter: ${name}\n    path: `)
  })
})
