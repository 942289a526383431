"""Wide rows for `npm run bench`: N x 3 x 224 x 224 float32 attributions (~70 % exact zeros), written in row blocks."""
import argparse
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--out", type=Path, required=True)
parser.add_argument("--n", type=int, default=1000)
args = parser.parse_args()
args.out.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(0)
shape = (args.n, 3, 224, 224)
a = np.lib.format.open_memmap(args.out / "attributions.npy", mode="w+", dtype=np.float32, shape=shape)
for start in range(0, args.n, 50):
    rows = min(50, args.n - start)
    x = rng.normal(size=(rows, *shape[1:])).astype(np.float32)
    x *= rng.random((rows, *shape[1:]), dtype=np.float32) < 0.3
    a[start : start + rows] = x
a.flush()
