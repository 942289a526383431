import { didYouMean } from '../util/suggest.js'
import * as agreement from './agreement.js'
import * as circuits from './circuits.js'
import * as faithfulness from './faithfulness.js'
import * as generic from './generic.js'
import * as localisation from './localisation.js'
import * as robustness from './robustness.js'
import * as sae from './sae.js'
import * as sparsity from './sparsity.js'
import * as task from './task.js'
import type { MetricDefinition } from './definition.js'

/** Every built-in metric, in catalogue order. A family file exports `definitions`; list it here once. */
export const builtinMetrics: readonly MetricDefinition[] = [
  ...task.definitions,
  ...faithfulness.definitions,
  ...sparsity.definitions,
  ...localisation.definitions,
  ...agreement.definitions,
  ...robustness.definitions,
  ...circuits.definitions,
  ...sae.definitions,
  ...generic.definitions
]

const byName = new Map<string, MetricDefinition>()
for (const def of builtinMetrics) {
  for (const key of [def.name, ...(def.aliases ?? [])]) {
    if (byName.has(key)) throw new Error(`metric name "${key}" is defined twice`)
    byName.set(key, def)
  }
}

export function findMetric(name: string): MetricDefinition | undefined {
  return byName.get(name)
}

/** Names that mean opposite things in different libraries: refused with both readings instead of guessed. */
const AMBIGUOUS: Record<string, string> = {
  sparsity:
    '"sparsity" is ambiguous: write `nonzero-fraction` (share of non-zero attributions, lower is sparser) or `gini` (Gini index, Quantus "Sparseness", higher is sparser)',
  sparseness:
    '"sparseness" is ambiguous: write `gini` (Gini index, Quantus "Sparseness", higher is sparser) or `nonzero-fraction` (share of non-zero attributions, lower is sparser)'
}

/** "unknown metric "x" (did you mean "y"?)" — the text config errors use. */
export function unknownMetricMessage(name: string): string {
  if (Object.hasOwn(AMBIGUOUS, name.toLowerCase())) return AMBIGUOUS[name.toLowerCase()]
  return `unknown metric ${JSON.stringify(name)}${didYouMean(name, byName.keys())}; \`interp-gate metrics\` lists them`
}
