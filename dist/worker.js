import { C as serveBlocks, S as computeRows, _t as createInputReader, x as runSharedCiJobs } from "./chunks/shared.js";
import { workerData } from "node:worker_threads";
// src/worker.ts
if (workerData.kind === "rows") {
	const { plan, inputs, out, status } = workerData;
	const flags = new Int32Array(status);
	try {
		const scores = computeRows(createInputReader(inputs), plan);
		const view = new Float64Array(out);
		scores.forEach((s, k) => view.set(s, k * (plan.to - plan.from)));
		Atomics.store(flags, 0, 1);
	} catch {
		Atomics.store(flags, 0, 2);
	}
	Atomics.notify(flags, 0);
} else if (workerData.kind === "blocks") {
	const flags = new Int32Array(workerData.status);
	try {
		serveBlocks(workerData.plan);
		Atomics.store(flags, 0, 1);
	} catch {
		Atomics.store(flags, 0, 2);
	}
	Atomics.notify(flags, 0);
} else runSharedCiJobs(workerData.shared);
export {};
