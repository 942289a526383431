// Worker thread entry (dist/bootstrap-worker.js): computes bootstrap CIs of a shared job list, then exits.
import { workerData } from 'node:worker_threads'
import { runSharedCiJobs } from './engine/parallel-bootstrap.js'

runSharedCiJobs(workerData)
