import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runPipeline } from '../src/engine/pipeline.js'
import { ROOT } from './helpers/run-action.js'

/** A .npy v1.0 file of float64 values, written by hand (header padded to 64 bytes, as numpy does). */
function npy(values: number[], shape: number[] = [values.length]): Buffer {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`
  header = header.padEnd(64 - 10 - 1, ' ') + '\n'
  const head = Buffer.concat([Buffer.from([0x93]), Buffer.from('NUMPY'), Buffer.from([1, 0]), Buffer.from([header.length, 0]), Buffer.from(header, 'latin1')])
  const body = Buffer.alloc(values.length * 8)
  values.forEach((v, i) => body.writeDoubleLE(v, i * 8))
  return Buffer.concat([head, body])
}

describe('pipeline with a plugin metric', () => {
  it('loads the module from the repository, checks its inputs and computes it like a built-in', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-plugin-'))
    mkdirSync(join(ws, 'ci/metrics'), { recursive: true })
    cpSync(join(ROOT, 'test/fixtures/plugins/margin.mjs'), join(ws, 'ci/metrics/margin.mjs'))
    writeFileSync(join(ws, 'margins.npy'), npy([0.8, 0.3, 0.7, 0.1]))
    writeFileSync(
      join(ws, 'interp-gate.yml'),
      'version: 1\nmetrics:\n  - id: margin\n    metric: plugin\n    module: ./ci/metrics/margin.mjs\n    inputs: { scores: margins.npy }\n    params: { offset: -0.1 }\n    gate: { min: 0.5 }\n'
    )
    const result = await runPipeline({ workspace: ws, config: 'interp-gate.yml', baseline: null, outDir: 'out' })
    const [m] = result.results.metrics
    expect(m.error).toBeUndefined()
    // margins 0.8, 0.3, 0.7, 0.1 shifted by −0.1 → mean 0.375 < min 0.5
    expect(m.value).toBeCloseTo(0.375, 12)
    expect(m.family).toBe('plugin')
    expect(result.comparison.rows[0].status).toBe('failed')
  })

  it('runs the example of docs/plugins.md as written', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-plugin-'))
    const doc = readFileSync(join(ROOT, 'docs/plugins.md'), 'utf8')
    const code = /```js\n([\s\S]*?)```/.exec(doc)![1]
    const config = /```yaml\n# interp-gate.yml\n([\s\S]*?)```/.exec(doc)![1]
    mkdirSync(join(ws, 'ci/metrics'), { recursive: true })
    mkdirSync(join(ws, 'eval-out'))
    writeFileSync(join(ws, 'ci/metrics/margin.mjs'), code)
    writeFileSync(join(ws, 'interp-gate.yml'), `version: 1\n${config.replace('params: { offset: 0 }', 'params: { offset: 0.5 }')}`)
    writeFileSync(join(ws, 'eval-out/logits.npy'), npy([2, 1, 0, 0, 3, 1], [2, 3]))
    writeFileSync(join(ws, 'eval-out/labels.npy'), npy([0, 2]))
    const result = await runPipeline({ workspace: ws, config: 'interp-gate.yml', baseline: null, outDir: 'out' })
    // margins: 2 − 1 = 1 and 1 − 3 = −2, each + 0.5 → mean 0
    expect(result.results.metrics[0].error).toBeUndefined()
    expect(result.results.metrics[0].value).toBeCloseTo(0, 12)
  })

  it('refuses a plugin module outside the workspace', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'interp-gate-plugin-'))
    writeFileSync(join(ws, 'interp-gate.yml'), 'version: 1\nmetrics:\n  - id: m\n    metric: plugin\n    module: ../evil.mjs\n')
    await expect(runPipeline({ workspace: ws, config: 'interp-gate.yml', baseline: null, outDir: 'out' })).rejects.toThrow(
      /interp-gate\.yml:5:13 metrics\[0\]\.module: \.\.\/evil\.mjs: path leaves the workspace/
    )
  })
})
