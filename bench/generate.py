"""Generates the benchmark's arrays (not committed): a large eval set for the foundation metrics."""
import argparse
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--out", type=Path, required=True)
parser.add_argument("--n", type=int, default=20000)
parser.add_argument("--f", type=int, default=1024)
parser.add_argument("--k", type=int, default=50)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()
args.out.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(args.seed)
n, f, k = args.n, args.f, args.k
labels = rng.integers(0, 10, n)
logits = rng.normal(size=(n, 10)).astype(np.float32)
attributions = (rng.normal(size=(n, f)) * (rng.random((n, f)) < 0.3)).astype(np.float32)
frac = np.linspace(0, 1, k + 1)
curves = np.exp(-rng.uniform(1, 5, size=(n, 1)) * frac) + rng.normal(0, 0.01, size=(n, k + 1))
np.save(args.out / "labels.npy", labels)
np.save(args.out / "logits.npy", logits)
np.save(args.out / "attributions.npy", attributions)
np.save(args.out / "curves.npy", curves)
np.save(args.out / "ids.npy", np.array([f"ex-{i}" for i in range(n)]))
