import type { Direction } from '../domain/policy.js'

/** The one-sided p of "head is worse": the lower tail of Δ when higher is better, the upper tail when lower is. */
export function worseTail(direction: Direction, p: { pLess: number; pGreater: number }): number {
  return direction === 'higher' ? p.pLess : p.pGreater
}
