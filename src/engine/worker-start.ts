import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Parallel } from '../pipeline.js'

/**
 * Worker threads for an entry bundled beside dist/bootstrap-worker.js (`entry` is the entry's import.meta.url);
 * undefined when the script is absent (running from sources) or the machine has one core.
 */
export function bundledParallel(entry: string): Parallel | undefined {
  const script = new URL('./bootstrap-worker.js', entry)
  const threads = availableParallelism()
  if (threads < 2 || !existsSync(fileURLToPath(script))) return undefined
  return { threads, startWorker: (shared) => new Worker(script, { workerData: shared }) }
}
