import { describe, expect, it } from 'vitest'
import { bindMetrics } from '../../src/engine/bind.js'
import { ConfigError, parseConfig } from '../../src/config/load.js'

const ok = `version: 1
suite: explainers
metrics:
  - id: acc
    metric: accuracy
    inputs: { predictions: p.npy, labels: l.npy }
`

function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

async function bindError(text: string): Promise<string> {
  try {
    await bindMetrics(parseConfig(text, 'interp-gate.yml'))
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('parseConfig', () => {
  it('applies defaults', () => {
    const { config } = parseConfig(ok, 'interp-gate.yml')
    expect(config.defaults).toEqual({
      confidence: 0.95,
      resamples: 2000,
      seed: 0,
      severity: 'error',
      correction: 'holm',
      'max-examples': 100000,
      'min-slice-size': 20
    })
    expect(config.metrics[0].gate).toEqual({})
    expect(config.suite).toBe('explainers')
  })

  it('names file, line, column and key of a wrong type', () => {
    const text = `${ok}    gate:\n      min: high\n`
    expect(errorOf(() => parseConfig(text, 'interp-gate.yml'))).toBe('interp-gate.yml:8:12 metrics[0].gate.min: expected a number, got "high"')
  })

  it('rejects unknown keys with a did-you-mean hint at the key', () => {
    const text = `${ok}    gate: { max-regresion: 0.1 }\n`
    expect(errorOf(() => parseConfig(text, 'interp-gate.yml'))).toBe(
      'interp-gate.yml:7:13 metrics[0].gate.max-regresion: unknown key "max-regresion" (did you mean "max-regression"?); expected one of min, max, max-regression, max-dropped, significance, history'
    )
  })

  it('rejects an unknown top-level key', () => {
    const text = `${ok}defautls: { seed: 1 }\n`
    expect(errorOf(() => parseConfig(text, 'c.yml'))).toMatch(/^c\.yml:7:1 defautls: unknown key "defautls" \(did you mean "defaults"\?\)/)
  })

  it('checks margins, enums and the version', () => {
    expect(errorOf(() => parseConfig(`${ok}    gate: { max-regression: "2 percent" }\n`, 'c.yml'))).toBe(
      'c.yml:7:29 metrics[0].gate.max-regression: expected a number or a percentage such as "2%", got "2 percent"'
    )
    expect(errorOf(() => parseConfig(`${ok}    severity: fatal\n`, 'c.yml'))).toBe(
      'c.yml:7:15 metrics[0].severity: expected one of "error", "warning", "notice", got "fatal"'
    )
    expect(errorOf(() => parseConfig(ok.replace('version: 1', 'version: 2'), 'c.yml'))).toBe('c.yml:1:10 version: expected 1 (the only config version), got 2')
  })

  it('reports a missing required key at its parent', () => {
    const text = 'version: 1\nmetrics:\n  - metric: accuracy\n'
    expect(errorOf(() => parseConfig(text, 'c.yml'))).toBe('c.yml:3:5 metrics[0].id: required (a string)')
  })

  it('rejects duplicate ids and bad ids', () => {
    const dup = `${ok}  - id: acc\n    metric: accuracy\n    inputs: { predictions: p.npy, labels: l.npy }\n`
    expect(errorOf(() => parseConfig(dup, 'c.yml'))).toBe('c.yml:7:9 metrics[1].id: duplicate id "acc" (also metrics[0])')
    expect(errorOf(() => parseConfig(ok.replace('id: acc', 'id: Acc Top'), 'c.yml'))).toBe(
      'c.yml:4:9 metrics[0].id: expected lower-case letters, digits, ".", "_" or "-", got "Acc Top"'
    )
  })

  it('reports YAML syntax errors with a position', () => {
    expect(errorOf(() => parseConfig('version: 1\nmetrics: [\n', 'c.yml'))).toMatch(/^c\.yml:\d+:\d+: /)
  })

  it('reports every problem at once', () => {
    const text = `${ok}    severity: fatal\n    gate: { min: x }\n`
    expect(errorOf(() => parseConfig(text, 'c.yml')).split('\n')).toHaveLength(2)
  })
})

describe('bindMetrics', () => {
  it('suggests the closest metric name', async () => {
    expect(await bindError(ok.replace('metric: accuracy', 'metric: acuracy'))).toBe(
      'interp-gate.yml:5:13 metrics[0].metric: unknown metric "acuracy" (did you mean "accuracy"?); `interp-gate metrics` lists them'
    )
  })

  it('checks input names against the metric', async () => {
    expect(await bindError(ok.replace('labels: l.npy', 'label: l.npy'))).toBe(
      [
        'interp-gate.yml:6:35 metrics[0].inputs.label: metric "accuracy" has no input "label" (did you mean "labels"?); its inputs are predictions, labels',
        'interp-gate.yml:6:13 metrics[0].inputs: metric "accuracy" needs input "labels" (true class ids [N])'
      ].join('\n')
    )
  })

  it('validates params with the metric schema', async () => {
    const text = 'version: 1\nmetrics:\n  - id: nz\n    metric: nonzero-fraction\n    inputs: { attributions: a.npy }\n    params: { eps: -1, epz: 2 }\n'
    expect((await bindError(text)).split('\n')).toEqual([
      'interp-gate.yml:6:20 metrics[0].params.eps: Too small: expected number to be >=0, got -1',
      'interp-gate.yml:6:24 metrics[0].params.epz: unknown key "epz" (did you mean "eps"?); expected one of eps'
    ])
  })

  it('applies param defaults and direction overrides', async () => {
    const text =
      'version: 1\ndefaults: { severity: warning }\nmetrics:\n  - id: nz\n    metric: nonzero-fraction\n    inputs: { attributions: a.npy }\n    direction: higher\n'
    const [b] = await bindMetrics(parseConfig(text, 'c.yml'))
    expect(b.definition.name).toBe('nonzero-fraction')
    expect(b.params).toEqual({ eps: 0 })
    expect(b.direction).toBe('higher')
    expect(b.severity).toBe('warning')
  })

  it('needs a module for plugins and refuses plugins where code must not run', async () => {
    const text = 'version: 1\nmetrics:\n  - id: mine\n    metric: plugin\n'
    expect(await bindError(text)).toBe('interp-gate.yml:4:13 metrics[0].metric: metric "plugin" needs `module: ./path/to/metric.mjs`')
    expect(await bindError(`${text}    module: ./m.mjs\n`)).toMatch(/metrics\[0\]\.module: plugin metrics are not loaded here/)
  })
})

describe('slices in the config', () => {
  const sliced = (slices: string) => `${ok}slices:\n${slices}`

  it('reads slices with and without ids, and min-slice-size', () => {
    const text = sliced('  - { id: class, by: "eval.npz#class", ids: "eval.npz#ids" }\n  - { id: template, by: t.npy }\n').replace(
      'suite: explainers',
      'suite: explainers\ndefaults: { min-slice-size: 5 }'
    )
    const { config } = parseConfig(text, 'interp-gate.yml')
    expect(config.slices).toEqual([
      { id: 'class', by: 'eval.npz#class', ids: 'eval.npz#ids' },
      { id: 'template', by: 't.npy' }
    ])
    expect(config.defaults['min-slice-size']).toBe(5)
  })

  it('names line, column and key of a bad slice', () => {
    expect(errorOf(() => parseConfig(sliced('  - { id: class }\n'), 'c.yml'))).toBe('c.yml:8:5 slices[0].by: required (a string)')
    expect(errorOf(() => parseConfig(sliced('  - { id: Class, by: l.npy }\n'), 'c.yml'))).toBe(
      'c.yml:8:11 slices[0].id: expected lower-case letters, digits, ".", "_" or "-", got "Class"'
    )
    expect(errorOf(() => parseConfig(sliced('  - { id: class, by: l.npy, id: x }\n'), 'c.yml'))).toMatch(/^c\.yml:8:\d+: Map keys must be unique/)
    expect(errorOf(() => parseConfig(sliced('  - { id: class, by: l.npy, group: x }\n'), 'c.yml'))).toBe(
      'c.yml:8:29 slices[0].group: unknown key "group"; expected one of id, by, ids'
    )
    expect(errorOf(() => parseConfig(sliced('  - { id: class, by: l.npy }\n  - { id: class, by: m.npy }\n'), 'c.yml'))).toBe(
      'c.yml:9:11 slices[1].id: duplicate slice id "class" (also slices[0]); give each slice its own id'
    )
    expect(errorOf(() => parseConfig(`${ok}defaults: { min-slice-size: 0 }\n`, 'c.yml'))).toMatch(/^c\.yml:7:29 defaults\.min-slice-size: /)
  })
})
