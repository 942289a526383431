"""The same metrics and bootstrap CIs in numpy, timed: the yardstick for `npm run bench`."""
import json
import sys
import time
from pathlib import Path

import numpy as np

data = Path(sys.argv[1])
resamples = int(sys.argv[2])
t0 = time.perf_counter()
labels = np.load(data / "labels.npy")
logits = np.load(data / "logits.npy").astype(np.float64)
a = np.abs(np.load(data / "attributions.npy").astype(np.float64))
curves = np.load(data / "curves.npy")
t_load = time.perf_counter()
scores = {}
scores["accuracy"] = (logits.argmax(1) == labels).astype(np.float64)
scores["deletion"] = (curves.sum(1) - curves[:, 0] / 2 - curves[:, -1] / 2) / (curves.shape[1] - 1)
scores["aopc"] = (curves[:, :1] - curves).mean(1)
s = np.sort(a, 1)
F = a.shape[1]
tot = s.sum(1)
scores["gini"] = np.where(tot > 0, ((2 * np.arange(1, F + 1) - F - 1) * s).sum(1) / (F * np.where(tot > 0, tot, 1)), 0)
scores["nonzero"] = (a > 0).mean(1)
p = a / tot[:, None]
with np.errstate(divide="ignore", invalid="ignore"):
    scores["entropy"] = -np.where(p > 0, p * np.log(p), 0).sum(1)
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
    "seconds": {"load": t_load - t0, "metrics": t_metrics - t_load, "bootstrap": t_end - t_metrics, "total": t_end - t0},
}))
