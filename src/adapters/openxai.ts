import { fail } from '../inputs/errors.js'
import { parseNpy } from '../inputs/npy.js'
import type { Adapter } from './adapter.js'
import { idPart } from './walk.js'

// OpenXAI's evaluate_metrics.py saves each metric's per-example scores with
// np.save(f'metric_evals/{model_name}_{data_name}/{metric}_{method}_{n_test_samples}{param_str}.npy', score), where
// param_str = construct_param_string(params) = '_' + '_'.join(f'{k}_{v}') (openxai/experiment_utils.py).
const NAME = /^(PRA|RC|FA|RA|SA|SRA|PGI|PGU|RIS|RRS|ROS)_(.+?)_(\d+)(_.*)?\.npy$/

export const openxai: Adapter = {
  name: 'openxai',
  source:
    'OpenXAI (Agarwal et al., NeurIPS 2022 Datasets & Benchmarks; AI4LIFE-GROUP/OpenXAI openxai/evaluator.py): agreement with ground truth and PGI ↑, PGU and relative instability ↓',
  files: '**/*.npy',
  directions: [
    { pattern: /^(PRA|RC|FA|RA|SA|SRA|PGI)$/, direction: 'higher' },
    { pattern: /^(PGU|RIS|RRS|ROS)$/, direction: 'lower' }
  ],
  read(file) {
    const parts = file.path.split('/')
    const name = parts.pop()!
    const match = NAME.exec(name)
    if (!match) {
      fail(
        file.path,
        'not an OpenXAI metric_evals file: expected <metric>_<method>_<n_test_samples>[_<param>_<value>...].npy with metric one of PRA, RC, FA, RA, SA, SRA, PGI, PGU, RIS, RRS, ROS'
      )
    }
    const [, metric, method, n, params] = match
    const array = parseNpy(file.bytes, file.path)
    if (array.shape.length !== 1) fail(file.path, `expected one score per example (a 1-d array), got shape [${array.shape.join(', ')}]`)
    const folder = parts.pop() ?? ''
    const provenance = {
      file: file.path,
      library: 'OpenXAI',
      ...(folder ? { experiment: folder } : {}),
      metric,
      method,
      n_test_samples: n,
      ...(params ? { params: params.slice(1) } : {})
    }
    // Examples are the first n_test_samples rows of the test split: their position is their id.
    const ids = Array.from(array.data, (_, i) => String(i))
    const id = `${folder ? `${idPart(folder)}/` : ''}${metric}/${idPart(method)}${params ? idPart(params) : ''}`
    return [{ id, key: metric, scores: Float64Array.from(array.data), ids, provenance }]
  }
}
