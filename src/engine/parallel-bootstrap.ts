import { meanCI, overResampleBudget } from '../stats/large-sample.js'
import type { BootstrapOptions, Interval } from '../stats/stat-types.js'

/** One mean CI (bootstrap, or normal above the resampling budget) to compute: its scores and options (the seed makes the result independent of who computes it). */
export interface CiJob {
  scores: Float64Array
  options: BootstrapOptions
}

/** What a worker gets: every job's scores in one shared buffer, a shared job counter and shared results. */
export interface SharedCiJobs {
  scores: SharedArrayBuffer
  /** Start and end (in float64 elements) of each job's scores. */
  bounds: number[][]
  options: BootstrapOptions[]
  /** Int32: [next job to claim, jobs finished]. */
  counters: SharedArrayBuffer
  /** Float64: low, high and method (1: normal, 0: bootstrap) of each job. */
  results: SharedArrayBuffer
}

export function shareCiJobs(jobs: readonly CiJob[]): SharedCiJobs {
  const total = jobs.reduce((s, j) => s + j.scores.length, 0)
  const scores = new SharedArrayBuffer(8 * total)
  const view = new Float64Array(scores)
  const bounds: number[][] = []
  let at = 0
  for (const job of jobs) {
    view.set(job.scores, at)
    bounds.push([at, at + job.scores.length])
    at += job.scores.length
  }
  return { scores, bounds, options: jobs.map((j) => j.options), counters: new SharedArrayBuffer(8), results: new SharedArrayBuffer(24 * jobs.length) }
}

/** Claims jobs until none are left (main thread and workers alike); each CI lands in its own slot, so results never depend on who ran what. */
export function runSharedCiJobs(shared: SharedCiJobs): void {
  const counters = new Int32Array(shared.counters)
  const scores = new Float64Array(shared.scores)
  const results = new Float64Array(shared.results)
  for (;;) {
    const k = Atomics.add(counters, 0, 1)
    if (k >= shared.bounds.length) return
    const [start, end] = shared.bounds[k]
    try {
      const ci = meanCI(scores.subarray(start, end), shared.options[k])
      results[3 * k] = ci.low
      results[3 * k + 1] = ci.high
      results[3 * k + 2] = ci.method === 'normal' ? 1 : 0
    } catch {
      // Counted as done either way, so the waiting thread never hangs; NaN bounds read as "no CI".
      results[3 * k] = results[3 * k + 1] = NaN
    }
    Atomics.add(counters, 1, 1)
    Atomics.notify(counters, 1)
  }
}

/** Starts a worker on a shared job list (the entry decides how: new Worker(url, { workerData })) and returns how to end it. */
export type StartWorker = (shared: SharedCiJobs) => { terminate(): unknown }

/**
 * CIs of the means of several metrics, spread over `threads` threads (this one included) when a worker starter is
 * given; the same intervals as meanCI one by one, in any case.
 */
export function parallelMeanCIs(all: readonly CiJob[], threads: number, startWorker?: StartWorker): Interval[] {
  // A normal-approximation CI costs one pass: computed here, its scores are not copied into shared memory.
  const normal = all.map((job) => overResampleBudget(job.scores.length, job.options.resamples) && !hasNonFinite(job.scores))
  const jobs = all.filter((_, k) => !normal[k])
  const resampled = resampledMeanCIs(jobs, threads, startWorker)
  let next = 0
  return all.map((job, k) => (normal[k] ? meanCI(job.scores, job.options) : resampled[next++]))
}

function hasNonFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return true
  return false
}

function resampledMeanCIs(jobs: readonly CiJob[], threads: number, startWorker?: StartWorker): Interval[] {
  if (jobs.length === 0) return []
  const shared = shareCiJobs(jobs)
  const helpers = startWorker ? Math.min(threads - 1, jobs.length - 1) : 0
  const workers = Array.from({ length: Math.max(0, helpers) }, () => startWorker!(shared))
  try {
    runSharedCiJobs(shared)
    const counters = new Int32Array(shared.counters)
    // Blocks until the workers finish the jobs they claimed (Atomics.wait is allowed on Node's main thread).
    for (let done = Atomics.load(counters, 1); done < jobs.length; done = Atomics.load(counters, 1)) Atomics.wait(counters, 1, done, 1000)
  } finally {
    for (const w of workers) w.terminate()
  }
  const results = new Float64Array(shared.results)
  return jobs.map((job, k) => ({
    level: job.options.confidence,
    low: results[3 * k],
    high: results[3 * k + 1],
    method: results[3 * k + 2] === 1 ? ('normal' as const) : ('bootstrap' as const)
  }))
}
