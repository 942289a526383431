import { z } from 'zod'
import { comparisonSchema, resultsSchema } from './results-schema.js'

/** docs/schema/*.json: the published JSON Schemas of results.json and comparison.json. */
export function schemaFiles(): Record<string, string> {
  const render = (schema: z.ZodType, id: string) => `${JSON.stringify({ $id: id, ...z.toJSONSchema(schema, { io: 'output' }) }, null, 2)}\n`
  return {
    'results.schema.json': render(resultsSchema, 'interp-gate/results@1'),
    'comparison.schema.json': render(comparisonSchema, 'interp-gate/comparison@1')
  }
}
