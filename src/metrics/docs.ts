import { markdownTable } from 'markdown-table'
import { z } from 'zod'
import type { Direction } from '../domain/policy.js'
import { specText } from './shapes.js'
import type { Family, InputSpec, MetricDefinition } from './definition.js'

const familyTitles: Record<Family, string> = {
  task: 'Task',
  faithfulness: 'Faithfulness',
  sparsity: 'Sparsity',
  localisation: 'Localisation',
  agreement: 'Agreement',
  robustness: 'Robustness and sanity-check',
  circuits: 'Circuits',
  sae: 'Sparse-autoencoder',
  generic: 'Generic',
  plugin: 'Plugin'
}

interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  items?: JsonSchema
  default?: unknown
  description?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
}

/** JSON Schema of a metric's params (input side: defaults are optional); {} when the schema cannot be represented. */
function paramsJsonSchema(def: MetricDefinition): JsonSchema {
  try {
    const schema = z.toJSONSchema(def.params as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema & { $schema?: string }
    delete schema.$schema
    return schema
  } catch {
    return {}
  }
}

function shapesText(spec: InputSpec): string {
  return spec.shapes.map(specText).join(' or ')
}

function inputsText(def: MetricDefinition): string {
  return def.inputs.map((i) => `${i.name}${i.optional ? '?' : ''} ${shapesText(i)}`).join(', ')
}

/** Families in the order they first appear, each with its metrics in catalogue order. */
function byFamily(defs: readonly MetricDefinition[]): [Family, MetricDefinition[]][] {
  const groups = new Map<Family, MetricDefinition[]>()
  for (const def of defs) groups.set(def.family, [...(groups.get(def.family) ?? []), def])
  return [...groups]
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')

function typeText(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(', ')
  if (s.const !== undefined) return JSON.stringify(s.const)
  if (s.anyOf) return s.anyOf.map(typeText).join(' or ')
  if (s.type === 'array') return `${s.items ? typeText(s.items) : 'any'}[]`
  if (Array.isArray(s.type)) return s.type.join(' or ')
  return s.type ?? 'any'
}

function constraintsText(s: JsonSchema): string {
  const parts: string[] = []
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`)
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`)
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`)
  if (s.exclusiveMaximum !== undefined) parts.push(`< ${s.exclusiveMaximum}`)
  return parts.join(', ')
}

function paramsMarkdown(def: MetricDefinition): string {
  const schema = paramsJsonSchema(def)
  const properties = Object.entries(schema.properties ?? {})
  if (properties.length === 0) return schema.properties ? 'None.' : 'Validated by the metric’s own schema.'
  const required = new Set(schema.required ?? [])
  const rows = properties.map(([name, s]) => [
    `\`${name}\``,
    cell(typeText(s)),
    s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : required.has(name) ? 'required' : '—',
    cell(constraintsText(s)),
    cell(s.description ?? '')
  ])
  return markdownTable([['Param', 'Type', 'Default', 'Constraints', 'Description'], ...rows])
}

function metricMarkdown(def: MetricDefinition): string {
  const { doc } = def
  const names = [`\`${def.name}\``, ...(def.aliases ?? []).map((a) => `\`${a}\` (alias)`)].join(', ')
  const inputs = markdownTable([
    ['Input', 'Shape', 'Description'],
    ...def.inputs.map((i) => [`\`${i.name}\`${i.optional ? ' (optional)' : ''}`, cell(shapesText(i)), cell(i.description)])
  ])
  const lines = [
    `### ${def.name}`,
    '',
    `**${def.title}.** ${doc.summary}`,
    '',
    `- Name: ${names}`,
    `- Family: ${def.family}`,
    `- Direction: ${def.direction} is better`,
    `- Range: ${doc.range || '—'}`,
    ...(def.binary ? ['- Per-example outcomes are 0/1: paired comparisons use McNemar’s exact test'] : []),
    '',
    '**Inputs**',
    '',
    inputs,
    '',
    '**Params**',
    '',
    paramsMarkdown(def),
    '',
    '**Formula**',
    '',
    '```text',
    doc.formula || '—',
    '```',
    '',
    '**Edge cases**',
    '',
    ...(doc.edgeCases.length ? doc.edgeCases.map((e) => `- ${e}`) : ['- None documented.']),
    '',
    `**Reference.** ${doc.reference || '—'}`
  ]
  if (doc.differences) lines.push('', `**Differences from the reference.** ${doc.differences}`)
  return lines.join('\n')
}

/** docs/metrics.md: a generated header, a table of contents by family, then one section per metric. Deterministic. */
export function renderCatalogueMarkdown(defs: readonly MetricDefinition[]): string {
  const groups = byFamily(defs)
  const out: string[] = [
    '# Metric catalogue',
    '',
    '<!-- Generated from the metric registry by `npm run docs`; do not edit by hand. -->',
    '',
    'Every metric interp-gate computes. The `metric:` key of a config entry names one of them (or an alias); its `inputs:` map ' +
      'each input name below to an array reference. Shapes are symbolic: a letter (N examples, F features, …) must agree across ' +
      'the inputs of one metric, a digit is a fixed size, and a name ending in `...` stands for one or more trailing dimensions ' +
      'that are flattened (attributions [N, H, W] give F = H·W). `interp-gate metrics --json` prints the same catalogue as JSON.',
    '',
    '## Contents',
    ''
  ]
  for (const [family, list] of groups) {
    out.push(`**${familyTitles[family]}**`, '')
    out.push(markdownTable([['Metric', 'Direction', 'Inputs'], ...list.map((d) => [`[${d.name}](#${d.name})`, d.direction, cell(inputsText(d))])]), '')
  }
  for (const [family, list] of groups) {
    out.push(`## ${familyTitles[family]} metrics`, '')
    for (const def of list) out.push(metricMarkdown(def), '')
  }
  return `${out.join('\n').trimEnd()}\n`
}

/** The terminal table of `interp-gate metrics`: name, family, direction, inputs. */
export function renderCatalogueText(defs: readonly MetricDefinition[]): string {
  const rows = [['NAME', 'FAMILY', 'DIRECTION', 'INPUTS'], ...defs.map((d) => [d.name, d.family, d.direction, inputsText(d)])]
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)))
  return rows.map((r) => r.map((text, c) => (c < 3 ? text.padEnd(widths[c]) : text)).join('  ')).join('\n')
}

export interface CatalogueEntry {
  name: string
  aliases: string[]
  family: Family
  title: string
  direction: Direction
  inputs: { name: string; shapes: string[][]; description: string; optional: boolean }[]
  params: JsonSchema
  binary: boolean
}

/** The catalogue as plain data for `interp-gate metrics --json`. */
export function catalogueJson(defs: readonly MetricDefinition[]): CatalogueEntry[] {
  return defs.map((d) => ({
    name: d.name,
    aliases: [...(d.aliases ?? [])],
    family: d.family,
    title: d.title,
    direction: d.direction,
    inputs: d.inputs.map((i) => ({ name: i.name, shapes: i.shapes.map((s) => [...s]), description: i.description, optional: i.optional ?? false })),
    params: paramsJsonSchema(d),
    binary: d.binary ?? false
  }))
}

/** One metric for `interp-gate metrics NAME`: what it computes, its inputs with shapes, params with defaults, aliases. */
export function renderMetricText(def: MetricDefinition): string {
  const schema = paramsJsonSchema(def)
  const required = new Set(schema.required ?? [])
  const params = Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const fallback = s.default !== undefined ? `default ${JSON.stringify(s.default)}` : required.has(name) ? 'required' : 'optional'
    const constraints = constraintsText(s)
    return `  ${name}: ${typeText(s)}, ${fallback}${constraints ? `, ${constraints}` : ''}${s.description ? ` — ${s.description}` : ''}`
  })
  return [
    `${def.name} — ${def.title}`,
    def.doc.summary,
    '',
    `aliases:   ${def.aliases?.length ? def.aliases.join(', ') : '(none)'}`,
    `family:    ${def.family}`,
    `direction: ${def.direction} is better`,
    `range:     ${def.doc.range || '—'}`,
    `formula:   ${def.doc.formula || '—'}`,
    '',
    'inputs:',
    ...def.inputs.map((i) => `  ${i.name}${i.optional ? ' (optional)' : ''}: ${shapesText(i)} — ${i.description}`),
    '',
    'params:',
    ...(params.length ? params : ['  (none)'])
  ].join('\n')
}
