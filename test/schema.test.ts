import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { historySchemaFiles } from '../src/history/entry.js'
import { schemaFiles } from '../src/results/json-schema.js'
import { ROOT } from './helpers/run-action.js'

describe('docs/schema', () => {
  it('is fresh (regenerate with `npm run docs`)', () => {
    for (const [name, text] of Object.entries({ ...schemaFiles(), ...historySchemaFiles() })) {
      expect(readFileSync(join(ROOT, 'docs/schema', name), 'utf8'), name).toBe(text)
    }
  })

  it('describes the shipped example files', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/schema/results.schema.json'), 'utf8'))
    const example = JSON.parse(readFileSync(join(ROOT, 'examples/quickstart/baseline/results.json'), 'utf8'))
    expect(schema.properties.schema.const).toBe(example.schema)
    expect(Object.keys(example).sort()).toEqual([...schema.required].sort())
  })
})
