import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createInputReader } from '../../src/inputs/index.js'
import { finiteMean } from '../../src/metrics/math.js'
import { runPipeline } from '../../src/engine/pipeline.js'
import { emptyWorkspace } from './helpers.js'

async function run(ws: string, yaml: string) {
  writeFileSync(join(ws, 'interp-gate.yml'), `version: 1\nmetrics:\n${yaml}`)
  return runPipeline({ workspace: ws, config: 'interp-gate.yml', baseline: null, outDir: 'out' })
}

describe('numerics', () => {
  it('the mean of ten 1e308 is 1e308, not an overflow to "no finite value"', async () => {
    // Exact by hand: (10 × 1e308) / 10; and (9 × 1e308 − 1e308) / 10 = 8e307 (Python's fractions agree).
    expect(finiteMean(new Float64Array(10).fill(1e308))).toBe(1e308)
    expect(finiteMean([...Array(9).fill(1e308), -1e308])).toBe(8e307)
    expect(finiteMean([1.5, 2.5, NaN])).toBe(2)
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 's.json'), JSON.stringify(Array(10).fill(1e308)))
    const { results } = await run(ws, '  - id: m\n    metric: mean\n    inputs: { scores: s.json }\n')
    expect(results.metrics[0]).toMatchObject({ value: 1e308, n: 10, nanCount: 0 })
    expect(results.metrics[0].error).toBeUndefined()
  })

  it('auroc counts a row dropped for its NaN in nanCount, not in n', async () => {
    // sklearn's roc_auc_score doc example is 0.75 on these four rows; the fifth has a NaN score and is left out.
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 'd.json'), JSON.stringify({ scores: [0.1, 0.4, 0.35, 0.8, null], labels: [0, 0, 1, 1, 1] }))
    const { results } = await run(ws, '  - id: a\n    metric: auroc\n    inputs: { scores: "d.json#/scores", labels: "d.json#/labels" }\n')
    expect(results.metrics[0]).toMatchObject({ value: 0.75, n: 4, nanCount: 1 })
  })

  it('integer ids beyond 2^53 in JSON are refused: 2^53 and 2^53 + 1 would read as one id', () => {
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 'ids.json'), '[9007199254740992, 9007199254740993]')
    expect(() => createInputReader({ workspace: ws }).readIds('ids.json')).toThrow(
      'ids.json: id at element 0 is beyond 2^53 − 1, where numbers lose digits and distinct ids collide; write the ids as strings (e.g. "9007199254740992")'
    )
    writeFileSync(join(ws, 'ok.json'), '[9007199254740991, 1]')
    expect(createInputReader({ workspace: ws }).readIds('ok.json')).toEqual(['9007199254740991', '1'])
  })

  it('ids beyond 2^53 in a CSV column stay exact text, so distinct ids stay distinct', () => {
    const ws = emptyWorkspace()
    writeFileSync(join(ws, 'ids.csv'), 'id,score\n9007199254740992,1\n9007199254740993,2\n')
    expect(createInputReader({ workspace: ws }).readIds('ids.csv#id')).toEqual(['9007199254740992', '9007199254740993'])
  })
})
