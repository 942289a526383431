import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Parallel } from './pipeline.js'

/**
 * Worker threads for an entry bundled beside dist/worker.js (`entry` is the entry's import.meta.url);
 * undefined when the script is absent (running from sources) or the machine has one core.
 */
export function bundledParallel(entry: string): Parallel | undefined {
  const script = new URL('./worker.js', entry)
  const threads = availableParallelism()
  if (threads < 2 || !existsSync(fileURLToPath(script))) return undefined
  return {
    threads,
    startWorker: (shared) => new Worker(script, { workerData: { kind: 'ci', shared } }),
    startRows(plan, inputs) {
      const rows = plan.to - plan.from
      const out = new SharedArrayBuffer(8 * rows * plan.jobs.length)
      const status = new SharedArrayBuffer(4)
      const worker = new Worker(script, { workerData: { kind: 'rows', plan, inputs, out, status } })
      return () => {
        const flags = new Int32Array(status)
        // Blocks this thread until the worker is done (Atomics.wait is allowed on Node's main thread).
        while (Atomics.load(flags, 0) === 0) Atomics.wait(flags, 0, 0, 1000)
        void worker.terminate()
        if (Atomics.load(flags, 0) !== 1) return undefined
        return plan.jobs.map((_, k) => new Float64Array(out, 8 * k * rows, rows))
      }
    },
    startBlocks(plan) {
      const status = new SharedArrayBuffer(4)
      const worker = new Worker(script, { workerData: { kind: 'blocks', plan, status } })
      return () => {
        const flags = new Int32Array(status)
        while (Atomics.load(flags, 0) === 0) Atomics.wait(flags, 0, 0, 1000)
        void worker.terminate()
        return Atomics.load(flags, 0) === 1
      }
    }
  }
}
