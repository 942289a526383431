"""Generates the benchmark's arrays under bench/out (never committed): the eval set of `npm run bench`."""
import argparse
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--out", type=Path, required=True)
parser.add_argument("--n", type=int, default=20000)
parser.add_argument("--f", type=int, default=4096)
parser.add_argument("--k", type=int, default=20)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()
args.out.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(args.seed)
n, f, k = args.n, args.f, args.k
frac = np.linspace(0, 1, k + 1)
np.save(args.out / "labels.npy", rng.integers(0, 10, n))
np.save(args.out / "logits.npy", rng.normal(size=(n, 10)).astype(np.float32))
curve = lambda sign: np.exp(sign * rng.uniform(1, 5, size=(n, 1)) * frac) + rng.normal(0, 0.01, size=(n, k + 1))
np.save(args.out / "deletion.npy", curve(-1).astype(np.float32))
np.save(args.out / "insertion.npy", (1 - curve(-1)).astype(np.float32))
# Written in row blocks so generating a large file needs little memory; ~70% exact zeros, as ReLU-style maps.
attributions = np.lib.format.open_memmap(args.out / "attributions.npy", mode="w+", dtype=np.float32, shape=(n, f))
step = max(1, (64 << 20) // (8 * f))
for start in range(0, n, step):
    rows = min(step, n - start)
    attributions[start : start + rows] = rng.normal(size=(rows, f)) * (rng.random((rows, f)) < 0.3)
attributions.flush()
