import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogueJson, renderCatalogueMarkdown, renderCatalogueText } from '../../src/metrics/docs.js'
import { builtinMetrics } from '../../src/metrics/registry.js'
import { randomizationSimilarity } from '../../src/metrics/robustness.js'
import { saeL0 } from '../../src/metrics/sae.js'

const docsPath = resolve(import.meta.dirname, '../../docs/metrics.md')

describe('docs/metrics.md', () => {
  it('is the catalogue rendered from the registry (stale: `npm run docs`, or `npx vitest run -u`)', async () => {
    await expect(renderCatalogueMarkdown(builtinMetrics)).toMatchFileSnapshot(docsPath)
  })
})

describe('renderCatalogueMarkdown', () => {
  const markdown = renderCatalogueMarkdown(builtinMetrics)

  it('says it is generated and is deterministic', () => {
    expect(markdown.startsWith('# Metric catalogue\n\n<!-- Generated from the metric registry by `npm run docs`')).toBe(true)
    expect(renderCatalogueMarkdown(builtinMetrics)).toBe(markdown)
    expect(markdown.endsWith('\n')).toBe(true)
  })

  it('lists every metric in the contents and gives each a section', () => {
    for (const def of builtinMetrics) {
      expect(markdown).toContain(`| [${def.name}](#${def.name}) `)
      expect(markdown).toContain(`\n### ${def.name}\n\n**${def.title}.** ${def.doc.summary}`)
    }
  })

  it('derives the params table from the zod schema, escaping pipes in cells', () => {
    const section = renderCatalogueMarkdown([randomizationSimilarity])
    expect(section).toContain('| `abs` | boolean | `true`  |             | rank \\|a\\| (Quantus MPRT default); false ranks signed attributions |')
    expect(section).toContain('- Name: `randomization-similarity`, `mprt` (alias)')
    expect(section).toContain('| `attributions`        | [N, F...] |')
    expect(renderCatalogueMarkdown([saeL0])).toContain('| `eps` | number | `0`     | ≥ 0         |')
  })

  it('writes "None." for metrics without params and states every documented difference', () => {
    expect(markdown).toContain('**Params**\n\nNone.')
    for (const def of builtinMetrics.filter((d) => d.doc.differences)) expect(markdown).toContain(`**Differences from the reference.** ${def.doc.differences}`)
  })
})

describe('every built-in metric', () => {
  it('documents summary, formula, range, edge cases and reference', () => {
    for (const def of builtinMetrics) {
      expect(def.name, def.name).toMatch(/^[a-z0-9-]+$/)
      for (const key of ['summary', 'formula', 'range', 'reference'] as const) expect(def.doc[key].length, `${def.name}.doc.${key}`).toBeGreaterThan(0)
      expect(def.doc.edgeCases.length, `${def.name}.doc.edgeCases`).toBeGreaterThan(0)
      expect(
        def.inputs.every((i) => i.description.length > 0),
        `${def.name} inputs`
      ).toBe(true)
    }
  })
})

describe('renderCatalogueText / catalogueJson', () => {
  it('prints an aligned table with one line per metric', () => {
    const lines = renderCatalogueText(builtinMetrics).split('\n')
    expect(lines[0]).toMatch(/^NAME +FAMILY +DIRECTION +INPUTS$/)
    expect(lines).toHaveLength(builtinMetrics.length + 1)
    const column = lines[0].indexOf('FAMILY')
    for (const [i, def] of builtinMetrics.entries()) {
      expect(lines[i + 1].startsWith(def.name)).toBe(true)
      expect(lines[i + 1].slice(column).startsWith(def.family)).toBe(true)
    }
    expect(lines.find((l) => l.startsWith('local-lipschitz '))).toContain(
      'attributions [N, F...], perturbed_attributions [N, S, F...], x [N, D...], x_perturbed [N, S, D...]'
    )
  })

  it('gives name, aliases, family, title, direction, inputs, params schema and binary per metric', () => {
    const entries = catalogueJson(builtinMetrics)
    expect(entries.map((e) => e.name)).toEqual(builtinMetrics.map((d) => d.name))
    const mprt = entries.find((e) => e.name === 'randomization-similarity')!
    expect(mprt).toEqual({
      name: 'randomization-similarity',
      aliases: ['mprt'],
      family: 'robustness',
      title: 'Model-randomisation similarity (MPRT)',
      direction: 'lower',
      inputs: [
        { name: 'attributions', shapes: [['N', 'F...']], description: randomizationSimilarity.inputs[0].description, optional: false },
        { name: 'random_attributions', shapes: [['N', 'F...']], description: randomizationSimilarity.inputs[1].description, optional: false }
      ],
      params: {
        type: 'object',
        properties: { abs: { type: 'boolean', default: true, description: 'rank |a| (Quantus MPRT default); false ranks signed attributions' } },
        additionalProperties: false
      },
      binary: false
    })
    expect(JSON.parse(JSON.stringify(entries))).toEqual(entries)
  })
})
