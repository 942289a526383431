import { readFileSync } from 'node:fs'
import type { Aggregate } from '../../src/stats/index.js'

/** A JSON fixture written by scripts/reference/stats_fixtures.py (numpy / scipy reference values). */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T
}

export const f64 = (x: number[]): Float64Array => Float64Array.from(x)

/** sum(num) / sum(den) over the rows: a ratio-of-means aggregate written by hand. */
export const ratioOfSums: Aggregate = (c, idx) => {
  const rows = idx ?? Array.from(c.num, (_, i) => i)
  let num = 0
  let den = 0
  for (let i = 0; i < rows.length; i++) {
    num += c.num[rows[i]]
    den += c.den[rows[i]]
  }
  return num / den
}
