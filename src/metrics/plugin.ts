import { existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import type { Family, MetricDefinition, MetricDoc, MetricOutput, ShardSupport } from './definition.js'

/** A plugin module that cannot be imported or does not export a valid metric; the message names the file. */
export class PluginError extends Error {
  override name = 'PluginError'
}

const families = ['task', 'faithfulness', 'sparsity', 'localisation', 'agreement', 'robustness', 'circuits', 'sae', 'generic', 'plugin'] as const
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: 'expected a function' })

const inputSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'input names are [a-z][a-z0-9_]*'),
    shapes: z
      .array(z.array(z.string().regex(/^([A-Za-z][A-Za-z0-9+]*|\d+)(\.\.\.)?$/, 'a dimension is a name, a digit string, or a name ending in "..."')))
      .min(1),
    description: z.string().default(''),
    optional: z.boolean().optional()
  })
  .strict()

const docSchema = z
  .object({
    summary: z.string(),
    formula: z.string().default(''),
    range: z.string().default(''),
    edgeCases: z.array(z.string()).default([]),
    reference: z.string().default(''),
    differences: z.string().optional()
  })
  .strict()

const definitionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/, 'metric names are [a-z0-9-]+'),
    aliases: z.array(z.string()).optional(),
    family: z.enum(families).default('plugin'),
    title: z.string().optional(),
    direction: z.enum(['higher', 'lower']),
    inputs: z.array(inputSchema).min(1),
    params: z.unknown().optional(),
    binary: z.boolean().optional(),
    compute: fn,
    aggregate: fn.optional(),
    shards: z.object({ state: fn, merge: fn }).strict().optional(),
    doc: docSchema.optional()
  })
  .strict()

interface StandardIssue {
  message: string
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>
}
type StandardResult = { value: unknown; issues?: undefined } | { issues: readonly StandardIssue[] }
interface StandardLike {
  '~standard': { validate(value: unknown): StandardResult | Promise<StandardResult> }
}
interface SafeParseLike {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues?: readonly StandardIssue[]; message?: string } }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The plugin's params schema as a zod schema the config binder can run (zod of any copy, or any Standard Schema). */
function paramsSchema(params: unknown, file: string): z.ZodType {
  if (params === undefined) return z.object({}).strict()
  if (params instanceof z.ZodType) return params
  const standard = isObject(params) && isObject(params['~standard']) && typeof params['~standard'].validate === 'function'
  const safeParse = isObject(params) && typeof params.safeParse === 'function'
  if (!standard && !safeParse) throw new PluginError(`${file}: "params" must be a zod schema or a Standard Schema (with ~standard.validate or safeParse)`)
  return z.unknown().transform((value, ctx) => {
    let issues: readonly StandardIssue[] | undefined
    let data: unknown
    if (standard) {
      const result = (params as unknown as StandardLike)['~standard'].validate(value)
      // The config binder is synchronous; an async schema is the plugin's bug.
      if (result instanceof Promise) issues = [{ message: `${file}: the params schema validates asynchronously; interp-gate needs a synchronous schema` }]
      else if (result.issues) issues = result.issues
      else data = result.value
    } else {
      const result = (params as unknown as SafeParseLike).safeParse(value)
      if (result.success) data = result.data
      else issues = result.error?.issues ?? [{ message: result.error?.message ?? 'invalid params' }]
    }
    for (const issue of issues ?? []) {
      const path = (issue.path ?? []).map((p) => (isObject(p) ? p.key : p)).filter((p): p is string | number => typeof p !== 'symbol')
      ctx.addIssue({ code: 'custom', message: issue.message, path })
    }
    return issues?.length ? z.NEVER : data
  })
}

const toFloat64 = (v: unknown, what: string, file: string, fn: string): Float64Array => {
  if (v instanceof Float64Array) return v
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Float64Array.from(v as ArrayLike<number>, (x) => (x === null ? NaN : Number(x)))
  throw new PluginError(`${file}: ${fn} returned ${what} that is not an array of numbers`)
}

/** Checks what a plugin's compute() (or shards.merge()) returned, so that a wrong return names the plugin, not a pipeline internal. */
function checkedOutput(out: unknown, def: MetricDefinition, file: string, fn: string): MetricOutput {
  if (!isObject(out)) throw new PluginError(`${file}: ${fn} must return { scores } or { columns, value } or { value }, got ${typeof out}`)
  const result: MetricOutput = {}
  if (out.scores !== undefined) result.scores = toFloat64(out.scores, 'scores', file, fn)
  if (out.columns !== undefined) {
    if (!isObject(out.columns)) throw new PluginError(`${file}: ${fn} returned columns that are not an object of arrays`)
    if (!def.aggregate) throw new PluginError(`${file}: ${fn} returned columns, so the metric must export aggregate(columns, params, indices)`)
    result.columns = Object.fromEntries(Object.entries(out.columns).map(([k, v]) => [k, toFloat64(v, `column "${k}"`, file, fn)]))
  }
  if (out.value !== undefined) {
    if (typeof out.value !== 'number') throw new PluginError(`${file}: ${fn} returned a value that is not a number`)
    result.value = out.value
  }
  if (!result.scores && !result.columns && result.value === undefined) throw new PluginError(`${file}: ${fn} returned none of scores, columns or value`)
  return result
}

function checkedCompute(def: MetricDefinition, file: string): MetricDefinition['compute'] {
  const compute = def.compute
  return (inputs, params) => checkedOutput(compute(inputs, params), def, file, 'compute()')
}

/** A plugin's `shards: { state, merge }`, bound to its export, with state and merged output checked like compute(). */
function checkedShards(shards: { state: unknown; merge: unknown }, exported: object, def: MetricDefinition, file: string): ShardSupport {
  const state = (shards.state as ShardSupport['state']).bind(exported)
  const merge = (shards.merge as ShardSupport['merge']).bind(exported)
  return {
    state(inputs, params, output) {
      const out: unknown = state(inputs, params, output)
      if (!isObject(out)) throw new PluginError(`${file}: shards.state() must return an object of arrays, got ${typeof out}`)
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, toFloat64(v, `state "${k}"`, file, 'shards.state()')]))
    },
    merge: (parts, params) => checkedOutput(merge(parts, params), def, file, 'shards.merge()')
  }
}

/**
 * Imports a user's metric module (`metric: plugin`, `module: ./ci/metrics/my-metric.mjs`) and checks that its default
 * export (or its `metric` export) has the shape of a built-in MetricDefinition. `family` defaults to "plugin", `title`
 * to the name, `params` to no params, `doc` to a one-line summary naming the module. Throws PluginError naming the file.
 */
export async function loadPluginMetric(file: string): Promise<MetricDefinition> {
  if (!existsSync(file)) throw new PluginError(`${file}: plugin module not found`)
  // import() of a FIFO or a device would wait forever.
  const stats = statSync(file)
  if (!stats.isFile()) throw new PluginError(`${file}: the plugin module is not a regular file`)
  let mod: Record<string, unknown>
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  } catch (error) {
    const e = error as Error
    throw new PluginError(`${file}: cannot import the plugin module (${e.name}: ${e.message.split('\n')[0]})`)
  }
  const exported = mod.default ?? mod.metric
  if (exported === undefined) throw new PluginError(`${file}: the module must export the metric definition as default or as \`metric\``)
  const parsed = definitionSchema.safeParse(exported)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(definition)'}: ${i.message}`)
    throw new PluginError(`${file}: invalid metric definition:\n  ${problems.join('\n  ')}`)
  }
  const d = parsed.data
  const names = d.inputs.map((i) => i.name)
  const repeated = names.find((n, i) => names.indexOf(n) !== i)
  if (repeated) throw new PluginError(`${file}: input "${repeated}" is declared twice`)
  const doc: MetricDoc = d.doc ?? {
    summary: `Plugin metric from ${basename(file)}.`,
    formula: '',
    range: '',
    edgeCases: [],
    reference: `the plugin module ${basename(file)}`
  }
  const def: MetricDefinition = {
    name: d.name,
    ...(d.aliases ? { aliases: d.aliases } : {}),
    family: d.family as Family,
    title: d.title ?? d.name,
    direction: d.direction,
    inputs: d.inputs,
    params: paramsSchema(d.params, file),
    ...(d.binary ? { binary: true } : {}),
    // Bound to the exported object, so a plugin's methods may call each other through `this`.
    compute: (d.compute as MetricDefinition['compute']).bind(exported),
    ...(d.aggregate ? { aggregate: (d.aggregate as NonNullable<MetricDefinition['aggregate']>).bind(exported) } : {}),
    doc
  }
  def.compute = checkedCompute(def, file)
  if (d.shards) def.shards = checkedShards(d.shards, exported as object, def, file)
  return def
}
