import { it } from 'vitest'
import { randomFillSync } from 'node:crypto'
import { createRng, signFlipTest } from '../../src/stats/index.js'

function normal(): number { const u = 1 - Math.random(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Math.random()) }
function refP(d: Float64Array, R: number): number {
  let S = 0; for (const v of d) S += v
  const buf = new Uint32Array(7 * R); randomFillSync(buf)
  let c = 0, k = 0
  for (let r = 0; r < R; r++) {
    let s = 0
    for (let i = 0; i < d.length; i += 32) { const bits = buf[k++]; const end = Math.min(32, d.length - i); for (let b = 0; b < end; b++) s += (bits >>> b) & 1 ? -d[i + b] : d[i + b] }
    if (s <= S + Math.abs(S) * 100 * Number.EPSILON) c++
  }
  return (c + 1) / (R + 1)
}
it('scratch', () => {
  const T = 4000, R = 1000
  let m05 = 0, m005 = 0, r05 = 0, r005 = 0, diff = 0
  for (let t = 0; t < T; t++) {
    const d = Float64Array.from({ length: 200 }, normal)
    const pm = signFlipTest(d, R, createRng(t).fork()).pLess
    const pr = refP(d, R)
    diff += pm - pr
    if (pm < 0.05) m05++
    if (pm < 0.005) m005++
    if (pr < 0.05) r05++
    if (pr < 0.005) r005++
  }
  console.log(JSON.stringify({ m05, r05, m005, r005, meanDiff: diff / T }))
}, 600_000)
