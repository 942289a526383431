// Worker thread entry (dist/worker.js): bootstrap CIs of a shared job list, rows of a row-wise pass, or blocks the main
// thread reads into shared memory; then exits.
import { workerData } from 'node:worker_threads'
import { computeRows } from './engine/blockwise.js'
import { runSharedCiJobs } from './engine/parallel-bootstrap.js'
import { serveBlocks } from './engine/shared-blocks.js'
import { createInputReader } from './inputs/index.js'

if (workerData.kind === 'rows') {
  const { plan, inputs, out, status } = workerData
  const flags = new Int32Array(status)
  try {
    const scores = computeRows(createInputReader(inputs), plan)
    const view = new Float64Array(out)
    scores.forEach((s, k) => view.set(s, k * (plan.to - plan.from)))
    Atomics.store(flags, 0, 1)
  } catch {
    // The main thread recomputes these rows itself and reports whatever went wrong, located.
    Atomics.store(flags, 0, 2)
  }
  Atomics.notify(flags, 0)
} else if (workerData.kind === 'blocks') {
  const flags = new Int32Array(workerData.status)
  try {
    serveBlocks(workerData.plan)
    Atomics.store(flags, 0, 1)
  } catch {
    // Blocks it took and did not finish are computed by the main thread, which reports any error, located.
    Atomics.store(flags, 0, 2)
  }
  Atomics.notify(flags, 0)
} else {
  runSharedCiJobs(workerData.shared)
}
