/**
 * Operating characteristics of the slice gate by simulation, through compare() (seeded, so the numbers are fixed):
 * 10 groups with no change keep the family-wise false-alarm rate ≤ α (Holm across the groups), and one group that
 * regresses while the others improve, the mean barely moving, is caught with power ≥ 0.8.
 */
import { describe, expect, it } from 'vitest'
import { compare } from '../../src/compare/comparison.js'
import { defaultsSchema } from '../../src/config/config-schema.js'
import { compactLabels } from '../../src/engine/slice-labels.js'
import { createRng, type Rng } from '../../src/stats/index.js'
import { metric, results } from '../helpers/results.js'

const GROUPS = 10
const PER_GROUP = 30
const ALPHA = 0.05
const labels = Array.from({ length: GROUPS * PER_GROUP }, (_, i) => `g${i % GROUPS}`)
const slice = compactLabels('group', labels)
// 400 sign flips: the smallest Monte Carlo p is 1/401, below α/10 = 0.005, the first step of Holm over 10 groups.
const defaults = { ...defaultsSchema.parse({}), resamples: 400 }

function normal(rng: Rng): number {
  const u = 1 - rng.float()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float())
}

/**
 * Scores on a 0–1 scale: example difficulty (sd 0.15) is shared by base and head, run noise (sd 0.05) is not, so a
 * paired difference has sd 0.07; `shift(group)` moves the head of that group.
 */
function simulate(seed: number, shift: (group: number) => number) {
  const rng = createRng(seed)
  const base: number[] = []
  const head: number[] = []
  labels.forEach((_, i) => {
    const mu = 0.6 + 0.15 * normal(rng)
    base.push(mu + 0.05 * normal(rng))
    head.push(mu + 0.05 * normal(rng) + shift(i % GROUPS))
  })
  const gate = { gate: { 'max-regression': 0.01, significance: ALPHA }, severity: 'error' as const }
  const c = compare({
    base: { ...results([metric('m', { scores: base })]), slices: [slice] },
    head: { ...results([metric('m', { scores: head })]), slices: [slice] },
    gates: { m: gate },
    defaults: { ...defaults, seed }
  })
  return c.rows[0]
}

// A rate "≤ α" measured on a finite number of seeds: the count may not exceed the 95% quantile of Binomial(runs, α)
// (scipy.stats.binom.ppf(0.95, 200, 0.05) = 15, ppf(0.95, 100, 0.05) = 9): what a test of size exactly α would show.
const BINOMIAL_95 = { 200: 15, 100: 9 }

describe('slice gate by simulation (10 groups of 30)', () => {
  it('no change in any group: family-wise false alarms ≤ α over 200 seeds; without Holm far above', () => {
    let alarms = 0
    let unadjusted = 0
    const runs = 200
    for (let seed = 1; seed <= runs; seed++) {
      const row = simulate(seed, () => 0)
      if (row.slices!.some((s) => s.status === 'regressed')) alarms++
      // raw p(worse) < α in any of the 10 groups: 1 − 0.95¹⁰ ≈ 0.40 of the runs for independent groups
      if (row.slices!.some((s) => s.pWorse !== null && s.pWorse < ALPHA)) unadjusted++
    }
    expect(alarms).toBeLessThanOrEqual(BINOMIAL_95[runs])
    expect(unadjusted / runs).toBeGreaterThan(0.3)
  })

  it('group 3 loses 0.05 while the other nine gain 0.01: caught (metric regressed, group named) with power ≥ 0.8', () => {
    let caught = 0
    let falseAlarms = 0
    const runs = 100
    for (let seed = 1001; seed < 1001 + runs; seed++) {
      // mean change (−0.05 + 9 · 0.01)/10 = +0.004: the mean alone says "improved"
      const row = simulate(seed, (g) => (g === 3 ? -0.05 : 0.01))
      const regressed = row.slices!.filter((s) => s.status === 'regressed').map((s) => s.group)
      if (row.status === 'regressed' && regressed.includes('g3')) caught++
      if (regressed.some((g) => g !== 'g3')) falseAlarms++
    }
    expect(caught / runs).toBeGreaterThanOrEqual(0.8)
    // the nine improving groups are true nulls of "worse": Holm keeps their family-wise rate ≤ α as well
    expect(falseAlarms).toBeLessThanOrEqual(BINOMIAL_95[runs])
  })
})
