import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPluginMetric, PluginError } from '../../src/metrics/plugin.js'
import { arr, run } from './metric-helpers.js'

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/plugins', name)

describe('loadPluginMetric', () => {
  it('loads a `metric` export with a Standard Schema for params, with defaults for family, title and doc', async () => {
    const def = await loadPluginMetric(fixture('margin.mjs'))
    expect(def).toMatchObject({ name: 'margin', family: 'plugin', title: 'margin', direction: 'higher' })
    expect(def.doc.summary).toBe('Plugin metric from margin.mjs.')
    expect(def.params.parse({})).toEqual({ offset: 0 })
    const out = run(def, { scores: arr([1, 2]) }, { offset: 0.5 })
    expect(out.scores).toBeInstanceOf(Float64Array)
    expect([...out.scores!]).toEqual([1.5, 2.5])
  })

  it('reports the plugin schema’s issues with their paths', async () => {
    const def = await loadPluginMetric(fixture('margin.mjs'))
    const parsed = def.params.safeParse({ offset: 'x' })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues).toMatchObject([{ message: 'offset must be a number', path: ['offset'] }])
    expect(def.params.safeParse({ other: 1 }).error!.issues[0].message).toBe('unknown param "other"')
  })

  it('loads a default export with zod params, columns and aggregate', async () => {
    const def = await loadPluginMetric(fixture('ratio.mjs'))
    expect(def).toMatchObject({ name: 'ratio-of-sums', family: 'generic', title: 'Ratio of sums', direction: 'lower' })
    expect(def.doc).toMatchObject({ summary: 'Σ num / Σ den, times scale.', edgeCases: [] })
    expect(def.params.parse({})).toEqual({ scale: 1 })
    expect(() => def.params.parse({ scale: -1 })).toThrow()
    const out = run(def, { num: arr([1, 3]), den: arr([2, 2]) }, { scale: 2 })
    expect(out.value).toBe(2)
    expect(def.aggregate!(out.columns!, { scale: 2 }, [0, 0])).toBe(1)
  })

  it('treats absent params as no params', async () => {
    const def = await loadPluginMetric(fixture('bad-output.mjs'))
    expect(def.params.parse({})).toEqual({})
    expect(def.params.safeParse({ x: 1 }).success).toBe(false)
  })

  it('names the file and every problem of an invalid definition', async () => {
    const file = fixture('invalid.mjs')
    const error = (await loadPluginMetric(file).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(PluginError)
    expect(error.message).toContain(`${file}: invalid metric definition`)
    expect(error.message).toMatch(/name: metric names are \[a-z0-9-\]\+/)
    expect(error.message).toMatch(/direction: /)
    expect(error.message).toMatch(/compute: expected a function/)
    expect(error.message).toMatch(/inputs\.0\.shapes\.0\.0: a dimension is/)
  })

  it('explains a missing file, a missing export and a syntax error', async () => {
    await expect(loadPluginMetric(fixture('nope.mjs'))).rejects.toThrow(/nope\.mjs: plugin module not found/)
    await expect(loadPluginMetric(fixture('no-export.mjs'))).rejects.toThrow(
      /no-export\.mjs: the module must export the metric definition as default or as `metric`/
    )
    await expect(loadPluginMetric(fixture('broken-syntax.mjs'))).rejects.toThrow(/broken-syntax\.mjs: cannot import the plugin module \(\w*Error: /)
  })

  it('checks what compute() returns', async () => {
    const def = await loadPluginMetric(fixture('bad-output.mjs'))
    expect(() => run(def, { scores: arr([1]) })).toThrow(/bad-output\.mjs: compute\(\) must return \{ scores \}/)
  })
})
