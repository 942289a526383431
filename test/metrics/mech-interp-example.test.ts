import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeResults, loadConfig } from '../../src/engine/pipeline.js'

const workspace = resolve(import.meta.dirname, '../../examples/mech-interp')

describe('examples/mech-interp', () => {
  it('binds every metric of its config and computes each from the committed artifacts', async () => {
    const { loaded, bound } = await loadConfig(workspace, 'interp-gate.yml', false)
    const { results, inputErrors } = computeResults(workspace, loaded, bound, { createdAt: '2026-01-01T00:00:00.000Z' })
    expect(inputErrors, JSON.stringify(results.metrics.filter((m) => m.error))).toBe(0)
    const values = Object.fromEntries(results.metrics.map((m) => [m.id, m.value]))
    expect(Object.keys(values)).toEqual([
      'ioi-logit-diff',
      'ioi-faithfulness',
      'ioi-cpr',
      'ioi-cmd',
      'ioi-edge-auroc',
      'sae-l0',
      'sae-explained-variance',
      'sae-cosine',
      'sae-ce-recovered',
      'sae-dead-latents'
    ])
    // The pull request's numbers, as generate.py designs them (checked against numpy when the example was made).
    expect(values['ioi-faithfulness']).toBeCloseTo(0.861, 3)
    expect(values['ioi-cpr']).toBeCloseTo(0.893, 3)
    expect(values['sae-explained-variance']).toBeCloseTo(0.857, 3)
    expect(values['sae-dead-latents']).toBeCloseTo(0.0625, 4)
    const ci = results.metrics.find((m) => m.id === 'sae-explained-variance')!.ci!
    expect(ci.low! < values['sae-explained-variance']! && values['sae-explained-variance']! < ci.high!).toBe(true)
  })
})
