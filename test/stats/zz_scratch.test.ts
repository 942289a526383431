import { it } from 'vitest'
import { createRng, comparePaired, signFlipTest, bootstrapMeanCI } from '../../src/stats/index.js'
it('perf', () => {
  const d = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i * 7.3))
  const h = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i * 7.3) + Math.cos(i))
  for (const label of ['warm', 'run']) {
    let t = performance.now()
    for (let k = 0; k < 100; k++) signFlipTest(d, 2000, createRng(k))
    const a = performance.now() - t; t = performance.now()
    for (let k = 0; k < 100; k++) bootstrapMeanCI(d, { resamples: 2000, confidence: 0.95, seed: k })
    const b = performance.now() - t; t = performance.now()
    for (let k = 0; k < 100; k++) comparePaired({ value: 0, scores: d }, { value: 0, scores: h }, { resamples: 2000, confidence: 0.95, seed: k, direction: 'higher' })
    const c = performance.now() - t
    console.log(label, 'signflip ms/call', a / 100, 'boot', b / 100, 'paired', c / 100)
  }
})
