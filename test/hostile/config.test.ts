import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config/load.js'
import { cli, expectOneCleanMessage, quickstart } from './helpers.js'

function configError(text: string): string {
  try {
    parseConfig(text, 'c.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

async function validate(text: string) {
  const ws = quickstart()
  writeFileSync(join(ws, 'c.yml'), text)
  const result = await cli(['validate', '--config', 'c.yml'], ws)
  expectOneCleanMessage(result.err)
  return result
}

describe('config mistakes a newcomer makes', () => {
  it('reports schema errors, unknown metric names and unknown inputs in one run, in file order', async () => {
    const text = [
      'version: 1',
      'metrics:',
      '  - id: a',
      '    metric: ginni',
      '    inputs: { attributions: x.npy }',
      '  - id: b',
      '    metric: gini',
      '    inputs: { attribution: x.npy }',
      '  - id: c',
      '    metric: gini',
      '    inputs: { attributions: x.npy }',
      '    gate: { min: high }',
      ''
    ].join('\n')
    const { code, err } = await validate(text)
    expect(code).toBe(2)
    expect(err.split('\n').filter(Boolean)).toEqual([
      'interp-gate: c.yml:4:13 metrics[0].metric: unknown metric "ginni" (did you mean "gini"?); `interp-gate metrics` lists them',
      'c.yml:8:15 metrics[1].inputs.attribution: metric "gini" has no input "attribution" (did you mean "attributions"?); its inputs are attributions',
      'c.yml:8:13 metrics[1].inputs: metric "gini" needs input "attributions" (attributions [N, F]; more dimensions are flattened per example)',
      'c.yml:12:18 metrics[2].gate.min: expected a number, got "high"'
    ])
  })

  it('a missing version says to add `version: 1`', () => {
    expect(configError('metrics:\n  - id: a\n    metric: gini\n')).toBe('c.yml:1:1: no `version:`; add `version: 1` as the first line')
  })

  it('a YAML syntax error is one message where the mistake is, not where the parser gave up', () => {
    const unclosed = 'version: 1\nmetrics:\n  - id: a\n    metric: gini\n    gate: { min: 0.5\n    inputs: { attributions: x.npy }\n  - id: b\n'
    expect(configError(unclosed)).toBe('c.yml:5:11: this "{" is never closed; add "}" before the line ends')
    const quote = 'version: 1\nmetrics:\n  - id: "a\n    metric: gini\n'
    expect(configError(quote)).toBe('c.yml:3:9: this " is never closed; close the quoted text on its line')
    expect(configError('version: 1\nmetrics:\n\t- id: a\n')).toBe('c.yml:3:1: Tabs are not allowed as indentation')
  })

  it('YAML alias bombs, unknown tags, duplicate keys and deep nesting are refused with one message', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
      'version: 1',
      'metrics: []',
      ''
    ].join('\n')
    const start = process.memoryUsage().heapUsed
    expect(configError(bomb)).toBe('c.yml: YAML aliases (*name) expand to more than 100 copies; write the values out')
    expect(process.memoryUsage().heapUsed - start).toBeLessThan(64 * 2 ** 20)
    expect(configError('version: 1\nmetrics:\n  - id: a\n    metric: !!js/function gini\n')).toBe('c.yml:4:13: Unresolved tag: tag:yaml.org,2002:js/function')
    expect(configError('version: 1\nversion: 1\nmetrics: []\n')).toBe('c.yml:2:1: Map keys must be unique')
    const deep = `version: 1\nmetrics: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`
    expect(configError(deep)).toMatch(/^c\.yml(:\d+:\d+)?: /)
    expect(configError(deep).split('\n')).toHaveLength(1)
  })

  it('a misspelt path under inputs: is reported once, at its own line', async () => {
    const ws = quickstart()
    const text =
      'version: 1\ninputs:\n  ig: eval-out/integrated_gradient.npz\nmetrics:\n' +
      ['deletion', 'insertion'].map((k) => `  - id: ${k}\n    metric: ${k}-auc\n    inputs: { curves: "ig#${k}_curves" }\n`).join('')
    writeFileSync(join(ws, 'typo.yml'), text)
    const { code, err } = await cli(['run', '--config', 'typo.yml', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toMatch(
      /^error: typo\.yml:3:7 inputs\.ig: eval-out\/integrated_gradient\.npz: file not found \(resolved to [^)]*\) \(did you mean "integrated_gradients\.npz"\?\)\n$/
    )
  })

  it('"sparsity" is refused, naming both metrics it could mean', async () => {
    const { code, err } = await validate('version: 1\nmetrics:\n  - id: s\n    metric: sparsity\n    inputs: { attributions: x.npy }\n')
    expect(code).toBe(2)
    expect(err).toContain(
      '"sparsity" is ambiguous: write `nonzero-fraction` (share of non-zero attributions, lower is sparser) or `gini` (Gini index, Quantus "Sparseness", higher is sparser)'
    )
  })
})

describe('input shapes', () => {
  it('transposed attributions: the message shows both shapes, not only the mask as the culprit', async () => {
    const ws = quickstart()
    const { execFileSync } = await import('node:child_process')
    execFileSync('python3', [
      '-c',
      `import numpy as np; np.save('${ws}/attr_t.npy', np.zeros((6, 4))); np.save('${ws}/mask.npy', np.zeros((4, 6), dtype=bool))`
    ])
    writeFileSync(
      join(ws, 't.yml'),
      'version: 1\nmetrics:\n  - id: r\n    metric: attribution-auroc\n    inputs: { attributions: attr_t.npy, mask: mask.npy }\n'
    )
    const { code, err } = await cli(['run', '--config', 't.yml', '--out', 'o'], ws)
    expect(code).toBe(2)
    expect(err).toContain(
      'input "mask" (mask.npy): expected shape [N, F...] with N=6, F=4, got [4, 6]; "attributions" (attr_t.npy) is [6, 4] (one of them may be transposed)'
    )
  })
})

describe('a missing config', () => {
  it('says to write one or point at it', async () => {
    const { code, err } = await cli(['validate', '--config', 'nope.yml'], quickstart())
    expect(code).toBe(2)
    expect(err).toMatch(
      /^interp-gate: nope\.yml: file not found \(resolved to .*nope\.yml\); write one \(README: "Configuration"\) or point at it with --config\n$/
    )
  })
})
