import { workerData } from 'node:worker_threads';
import { r as runSharedCiJobs } from './chunks/shared.js';

// Worker thread entry (dist/bootstrap-worker.js): computes bootstrap CIs of a shared job list, then exits.
runSharedCiJobs(workerData);
