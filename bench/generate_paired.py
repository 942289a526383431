"""Two runs' per-example scores for the paired suite of `npm run bench`: base ~ N(0, 1), head = base + N(0.001, 1)."""
import argparse
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--out", type=Path, required=True)
parser.add_argument("--n", type=int, default=10_000_000)
args = parser.parse_args()
args.out.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(0)
base = rng.normal(size=args.n)
np.save(args.out / "base.npy", base)
np.save(args.out / "head.npy", base + rng.normal(0.001, 1, size=args.n))
