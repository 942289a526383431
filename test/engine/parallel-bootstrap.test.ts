import { describe, expect, test } from 'vitest'
import { parallelMeanCIs, runSharedCiJobs, shareCiJobs } from '../../src/engine/parallel-bootstrap.js'
import { meanCI } from '../../src/stats/large-sample.js'

const jobs = [0, 1, 2, 3].map((k) => ({
  scores: Float64Array.from({ length: 50 + k * 7 }, (_, i) => ((i * 37 + k * 11) % 23) / 7 + (i === 3 && k === 2 ? NaN : 0)),
  options: { resamples: 300, confidence: 0.9, seed: 40 + k }
}))
// Over the resampling budget (n × resamples > 2·10⁷): a normal-approximation CI, whose method must survive the threads.
jobs.push({ scores: Float64Array.from({ length: 70_001 }, (_, i) => (i % 13) / 3), options: { resamples: 300, confidence: 0.9, seed: 7 } })

describe('parallelMeanCIs', () => {
  test('gives the same intervals and methods as meanCI one by one, whoever computes which job', () => {
    const expected = jobs.map((j) => meanCI(j.scores, j.options))
    expect(expected.map((ci) => ci.method)).toEqual(['bootstrap', 'bootstrap', 'bootstrap', 'bootstrap', 'normal'])
    expect(parallelMeanCIs(jobs, 1)).toEqual(expected)
    // A "worker" that runs synchronously as it starts claims every job before the main thread does.
    expect(parallelMeanCIs(jobs, 4, (shared) => (runSharedCiJobs(shared), { terminate: () => undefined }))).toEqual(expected)
  })

  test('a worker that never starts leaves all jobs to this thread; none at all gives none', () => {
    let terminated = 0
    const result = parallelMeanCIs(jobs, 3, () => ({ terminate: () => terminated++ }))
    expect(result).toEqual(jobs.map((j) => meanCI(j.scores, j.options)))
    expect(terminated).toBe(2)
    expect(parallelMeanCIs([], 4)).toEqual([])
  })

  test('a job that throws is counted as done with NaN bounds, so nobody waits for it', () => {
    const shared = shareCiJobs([{ scores: Float64Array.of(1, 2), options: { resamples: 0, confidence: 0.9, seed: 0 } }])
    runSharedCiJobs(shared)
    expect(Array.from(new Float64Array(shared.results))).toEqual([NaN, NaN, 0])
    expect(new Int32Array(shared.counters)[1]).toBe(1)
  })
})
