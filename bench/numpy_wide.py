"""Wide rows (N x 3 x 224 x 224 float32) written as a user would in numpy: float32 magnitudes in row blocks,
np.sort for gini, np.partition for top-k mass, then a percentile bootstrap of each mean."""
import json
import resource
import sys
from pathlib import Path

import numpy as np

data = Path(sys.argv[1])
resamples = int(sys.argv[2])
k_frac = 0.1
a = np.load(data / "attributions.npy", mmap_mode="r")
n = a.shape[0]
f = int(np.prod(a.shape[1:]))
k = int(np.ceil(k_frac * f))
scores = {name: np.empty(n) for name in ("nonzero", "gini", "entropy", "topk")}
step = 32
w = (2 * np.arange(1, f + 1) - f - 1).astype(np.float64)
for start in range(0, n, step):
    m = np.abs(np.asarray(a[start : start + step]).reshape(-1, f))
    tot = m.sum(1, dtype=np.float64)
    scores["nonzero"][start : start + step] = (m > 0).mean(1)
    s = np.sort(m, 1)
    scores["gini"][start : start + step] = np.where(tot > 0, (s @ w) / (f * np.where(tot > 0, tot, 1)), 0)
    p = m / tot[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        scores["entropy"][start : start + step] = -np.where(p > 0, p * np.log(p), 0).sum(1)
    top = np.partition(m, f - k, axis=1)[:, f - k :]
    scores["topk"][start : start + step] = top.sum(1, dtype=np.float64) / tot
rng = np.random.default_rng(0)
cis = {}
for name, x in scores.items():
    means = np.array([x[rng.integers(0, n, n)].mean() for _ in range(resamples)])
    cis[name] = np.percentile(means, [2.5, 97.5]).tolist()
print(json.dumps({
    "values": {name: float(x.mean()) for name, x in scores.items()},
    "cis": cis,
    "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
