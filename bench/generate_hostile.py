"""Inputs of the hostile suite of `npm run bench`: an .npz whose member inflates to 1000 MiB, and Quantus lists of 10^6 scores."""
import argparse
import json
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--out", type=Path, required=True)
args = parser.parse_args()

bomb = args.out / "bomb"
bomb.mkdir(parents=True, exist_ok=True)
# 131,072,000 float64 zeros: a 1000 MiB member that np.savez_compressed deflates to about 1 MB.
np.savez_compressed(bomb / "scores.npz", scores=np.zeros(131_072_000))

rng = np.random.default_rng(0)
base = rng.uniform(size=1_000_000)
for side, scores in (("base", base), ("head", np.clip(base + rng.normal(-0.001, 0.01, size=base.size), 0, 1))):
    folder = args.out / "quantus" / side
    folder.mkdir(parents=True, exist_ok=True)
    # quantus.evaluate()'s shape: {method: {metric: [one score per example]}}
    (folder / "q.json").write_text(json.dumps({"IntegratedGradients": {"Sparseness": scores.tolist()}}))
