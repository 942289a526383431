import { eraser } from './eraser.js'
import { openxai } from './openxai.js'
import { saebench } from './saebench.js'
import { saelens } from './saelens.js'
import { captum, quantus } from './scores.js'
import type { Adapter } from './adapter.js'

export type { Adapter } from './adapter.js'

/** Every adapter, by the name a config's `adapter:` gives. */
export const ADAPTERS: readonly Adapter[] = [saebench, saelens, eraser, openxai, quantus, captum]

export function findAdapter(name: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.name === name)
}
