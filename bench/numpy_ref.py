"""The bench suite written plainly in numpy: the yardstick of `npm run bench`. Prints values, timings and peak RSS."""
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

data = Path(sys.argv[1])
resamples = int(sys.argv[2])
t0 = time.perf_counter()
labels = np.load(data / "labels.npy")
logits = np.load(data / "logits.npy").astype(np.float64)
attributions = np.load(data / "attributions.npy", mmap_mode="r")
deletion = np.load(data / "deletion.npy").astype(np.float64)
insertion = np.load(data / "insertion.npy").astype(np.float64)
t_load = time.perf_counter()


def auc(curves):
    return (curves.sum(1) - curves[:, 0] / 2 - curves[:, -1] / 2) / (curves.shape[1] - 1)


scores = {}
scores["accuracy"] = (logits.argmax(1) == labels).astype(np.float64)
# As a user would write it: float32 magnitudes, sorted in row blocks (no float64 copy of the whole array).
N, F = attributions.shape
w = (2 * np.arange(1, F + 1) - F - 1).astype(np.float64)
scores["nonzero"] = np.empty(N)
scores["gini"] = np.empty(N)
for start in range(0, N, 1024):
    m = np.abs(np.asarray(attributions[start : start + 1024]))
    scores["nonzero"][start : start + 1024] = (m > 0).mean(1)
    s = np.sort(m, 1)
    tot = s.sum(1, dtype=np.float64)
    scores["gini"][start : start + 1024] = np.where(tot > 0, (s @ w) / (F * np.where(tot > 0, tot, 1)), 0)
scores["deletion"] = auc(deletion)
scores["insertion"] = auc(insertion)
t_metrics = time.perf_counter()
rng = np.random.default_rng(0)
cis = {}
n = len(labels)
for name, x in scores.items():
    means = np.empty(resamples)
    for r in range(resamples):
        means[r] = x[rng.integers(0, n, n)].mean()
    cis[name] = np.percentile(means, [2.5, 97.5]).tolist()
t_end = time.perf_counter()
print(json.dumps({
    "values": {k: float(v.mean()) for k, v in scores.items()},
    "cis": cis,
    "seconds": {"load": t_load - t0, "metrics": t_metrics - t_load, "bootstrap": t_end - t_metrics, "total": t_end - t0},
    # ru_maxrss is in KiB on Linux: the process's peak resident set (VmHWM).
    "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
