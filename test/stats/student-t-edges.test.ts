import { describe, expect, it } from 'vitest'
import { studentTwoSidedP, welchTest } from '../../src/stats/student-t.js'

// Reference: 2 · scipy.stats.t.sf(t, df) (scipy 1.17), printed with repr in Python.
const SCIPY: [df: number, t: number, p: number][] = [
  [0.5, 0.1, 0.9463316211286064],
  [0.5, 1, 0.6022432216826441],
  [0.5, 2.07, 0.43841445945692226],
  [0.5, 3, 0.3673081559859434],
  [0.5, 10, 0.20267735277133117],
  [0.5, 50, 0.09070521280593274],
  [1, 0.1, 0.936548965138893],
  [1, 1, 0.5000000000000001],
  [1, 2.07, 0.2864978521608624],
  [1, 3, 0.20483276469913345],
  [1, 10, 0.06345103486110713],
  [1, 50, 0.012730698201945594],
  [2.5, 0.1, 0.9278065440624897],
  [2.5, 1, 0.40406102727827364],
  [2.5, 2.07, 0.14822546583893967],
  [2.5, 3, 0.07257609554903183],
  [2.5, 10, 0.0044414957673074235],
  [2.5, 50, 8.130495084958722e-5],
  [10, 0.1, 0.9223207185644082],
  [10, 1, 0.34089313230206],
  [10, 2.07, 0.0652837721882977],
  [10, 3, 0.01334365502256957],
  [10, 10, 1.5895531755964125e-6],
  [10, 50, 2.47431032930268e-13],
  [30, 0.1, 0.9210096117902712],
  [30, 1, 0.3253086154260302],
  [30, 2.07, 0.047156865844936204],
  [30, 3, 0.005389964065651945],
  [30, 10, 4.575251408229618e-11],
  [30, 50, 1.871541765922271e-30],
  [200, 0.1, 0.920444492504321],
  [200, 1, 0.3185188479097467],
  [200, 2.07, 0.0397370393711346],
  [200, 3, 0.003043047113905905],
  [200, 10, 2.3774831444207646e-19],
  [200, 50, 5.420575479782445e-115]
]

function relativeError(got: number, want: number): number {
  return Math.abs(got - want) / want
}

describe('studentTwoSidedP across degrees of freedom and tails', () => {
  it('matches scipy to 1e-12 relative, from df 0.5 to 200 and from p ≈ 1 to p ≈ 1e-115', () => {
    const worst = Math.max(...SCIPY.map(([df, t, p]) => relativeError(studentTwoSidedP(t, df), p)))
    expect(worst).toBeLessThan(1e-12)
  })

  it('is symmetric in the sign of t', () => {
    for (const [df, t] of SCIPY) expect(studentTwoSidedP(-t, df)).toBe(studentTwoSidedP(t, df))
  })

  it('below one degree of freedom (ln Γ of arguments under ½) still matches scipy', () => {
    // 2 · scipy.stats.t.sf(t, 0.2): t = 0.5 → 0.8347221785166044, t = 4 → 0.5694183886156199
    expect(relativeError(studentTwoSidedP(0.5, 0.2), 0.8347221785166044)).toBeLessThan(1e-12)
    expect(relativeError(studentTwoSidedP(4, 0.2), 0.5694183886156199)).toBeLessThan(1e-12)
  })

  it('is exactly 1 at t = 0 and exactly 0 once t² overflows', () => {
    expect(studentTwoSidedP(0, 7)).toBe(1)
    expect(studentTwoSidedP(1e200, 7)).toBe(0)
  })
})

describe('welchTest with a one-value first sample', () => {
  it('takes its degrees of freedom from the other sample alone (scipy gives NaN; by hand: df 2)', () => {
    // [5] against [1, 2, 3]: var 1 → se = √(1/3), t = 3/√(1/3) = 5.196152422706632, df = 2;
    // p = 2 · scipy.stats.t.sf(5.196152422706632, 2) = 0.03509871864598465
    const r = welchTest([5, 1, 2, 3], 0, 1, 1, 4)
    expect(Math.abs(r.t - 5.196152422706632)).toBeLessThan(1e-14)
    expect(Math.abs(r.df - 2)).toBeLessThan(1e-14)
    expect(Math.abs(r.p - 0.03509871864598465) / 0.03509871864598465).toBeLessThan(1e-12)
  })
})
