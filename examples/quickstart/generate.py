"""Writes the quickstart's example artifacts: what an evaluation step of an explainer repo would save.

Two variants of the same eval set (200 images, ids img-0000..img-0199):
  main — the explainer on the default branch;
  pr   — a pull request that sharpened the attributions (sparser maps) but broke their ordering,
         so deleting the "most relevant" pixels first hurts the model less (deletion AUC rises).

Usage: python3 generate.py --variant main|pr --out DIR
"""

import argparse
import json
from pathlib import Path

import numpy as np

N, C, H, W, K = 200, 10, 8, 8, 20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=["main", "pr"], required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    pr = args.variant == "pr"
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    # The model and the eval set are the same on both branches.
    rng = np.random.default_rng(20261126)
    ids = np.array([f"img-{i:04d}" for i in range(N)])
    labels = rng.integers(0, C, size=N)
    logits = rng.normal(0.0, 1.0, size=(N, C))
    correct = rng.random(N) < 0.86
    logits[np.arange(N), np.where(correct, labels, (labels + 1) % C)] += 3.0
    p0 = 1.0 / (1.0 + np.exp(-rng.normal(2.0, 0.4, size=N)))  # target-class probability of the full input
    np.save(out / "ids.npy", ids)
    np.save(out / "labels.npy", labels.astype(np.int64))
    np.save(out / "logits.npy", logits.astype(np.float32))

    # Explainer-dependent arrays: a per-variant stream, same per-example structure.
    erng = np.random.default_rng(7 if not pr else 8)
    base_attr = np.abs(rng.normal(0.0, 1.0, size=(N, H, W))) * (rng.random((N, H, W)) < 0.55)
    if pr:
        attributions = np.where(base_attr > 0.5, base_attr, 0.0) * 1.3  # sparser maps
    else:
        attributions = base_attr + 0.02 * np.abs(erng.normal(size=(N, H, W)))
    frac = np.linspace(0.0, 1.0, K + 1)
    rate = rng.normal(3.0, 0.3, size=N)
    if pr:
        rate = rate - 0.35 + erng.normal(0.0, 0.4, size=N)  # slower drop: less faithful ordering
    noise = lambda: erng.normal(0.0, 0.01, size=(N, K + 1))  # noqa: E731
    deletion = p0[:, None] * np.exp(-rate[:, None] * frac[None, :]) + noise()
    ins_rate = rng.normal(4.0, 0.4, size=N) + erng.normal(0.0, 0.2, size=N)
    insertion = p0[:, None] * (1.0 - np.exp(-ins_rate[:, None] * frac[None, :])) + noise()
    np.savez_compressed(
        out / "integrated_gradients.npz",
        attributions=attributions.astype(np.float32),
        deletion_curves=np.clip(deletion, 0, 1),
        insertion_curves=np.clip(insertion, 0, 1),
    )

    # Scores another tool (e.g. Quantus) computed per example, saved as CSV.
    fc = np.tanh(rng.normal(0.6, 0.35, size=N) + erng.normal(0.0, 0.05, size=N))
    with open(out / "quantus_scores.csv", "w") as f:
        f.write("id,faithfulness_correlation\n")
        for i in range(N):
            f.write(f"{ids[i]},{fc[i]:.6f}\n")

    (out / "run.json").write_text(json.dumps({"runtime_seconds": 38.4 if pr else 41.9, "device": "cpu"}, indent=2) + "\n")


if __name__ == "__main__":
    main()
