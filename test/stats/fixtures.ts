import { readFileSync } from 'node:fs'

/** A JSON fixture written by scripts/reference/stats_fixtures.py (numpy / scipy reference values). */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T
}

export const f64 = (x: number[]): Float64Array => Float64Array.from(x)
