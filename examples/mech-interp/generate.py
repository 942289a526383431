"""Writes the mech-interp example's artifacts: what the evaluation step of a circuit-discovery + SAE repo would save.

One model and one eval set, two branches:
  main — edge attribution patching (EAP) for circuit discovery, and an SAE trained with a moderate sparsity penalty;
  pr   — a pull request that switches to EAP with integrated gradients (a better circuit: higher faithfulness,
         CPR, edge AUROC) and retrains the SAE with a stronger sparsity penalty (lower L0, but worse
         reconstruction: explained variance falls past its gate and more latents die).

Usage:
  python3 generate.py                          # writes artifacts-base/ (main) and artifacts/ (pr) next to this file
  python3 generate.py --variant main --out DIR # one variant into DIR
Arrays are small on purpose (the whole folder stays under 300 KB).
"""

import argparse
from pathlib import Path

import numpy as np

N, C = 160, 8  # IOI prompts, candidate-name logits kept per prompt
E, E_CIRCUIT = 1200, 48  # edges of the model graph, edges of the known circuit
T, M, D = 160, 24, 128  # SAE eval tokens, model dimensions, SAE latents
P = 64  # prompts for the CE-loss evaluation
GRID = np.array([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0])  # MIB's circuit sizes

# What the pull request changes; everything else is shared by both branches.
VARIANTS = {
    "main": {"recovery": 0.78, "tau": 0.15, "separation": 1.3, "shrink": 0.25, "ce_recovered": 0.93, "seed": 11},
    "pr": {"recovery": 0.86, "tau": 0.08, "separation": 2.2, "shrink": 0.7, "ce_recovered": 0.922, "seed": 12},
}


def shared_world():
    """The model, the eval set and the ground truth: identical on both branches."""
    rng = np.random.default_rng(20250611)
    world = {
        "prompt_ids": np.array([f"ioi-{i:03d}" for i in range(N)]),
        "correct": rng.integers(0, C, N),
        "m_full": 3.2 + 0.9 * rng.standard_normal(N),  # logit difference of the full model
        "m_empty": 0.15 * rng.standard_normal(N),  # logit difference with every edge ablated
        "in_circuit": np.zeros(E, dtype=bool),
        "token_ids": np.array([f"tok-{t:03d}" for t in range(T)]),
    }
    world["incorrect"] = (world["correct"] + rng.integers(1, C, N)) % C
    world["in_circuit"][rng.choice(E, E_CIRCUIT, replace=False)] = True
    # Activations: a sparse code over a unit-norm dictionary, plus a bias and noise. Latent frequencies are Zipf-like,
    # so some latents are rare and small; a stronger sparsity penalty kills those first.
    freq = np.minimum(0.6, 1.5 / np.arange(1, D + 1) ** 0.6)
    active = rng.random((T, D)) < freq
    scale = rng.gamma(2.0, 0.5, D)  # typical magnitude per latent
    scale[-12:] = np.linspace(0.05, 0.3, 12)  # rare, weak latents: the first to die under a stronger penalty
    world["code"] = np.where(active, rng.gamma(2.0, 1.0, (T, D)) * scale, 0.0)
    decoder = rng.standard_normal((D, M))
    world["decoder"] = decoder / np.linalg.norm(decoder, axis=1, keepdims=True)
    world["bias"] = rng.normal(2.0, 0.5, M)  # a large mean, as residual streams have
    world["x"] = world["code"] @ world["decoder"] + world["bias"] + 0.8 * rng.standard_normal((T, M))
    world["ce_clean"] = 3.1 + 0.3 * rng.standard_normal(P)
    world["ce_ablated"] = world["ce_clean"] + 4.0 + 0.8 * rng.standard_normal(P)
    world["prompt_ids_ce"] = np.array([f"ce-{i:03d}" for i in range(P)])
    return world


def write_variant(world, name, out: Path):
    v = VARIANTS[name]
    rng = np.random.default_rng(v["seed"])
    out.mkdir(parents=True, exist_ok=True)

    # IOI circuit: the circuit keeps `recovery` of the full model's logit difference above the empty circuit.
    m_circuit = world["m_empty"] + v["recovery"] * (world["m_full"] - world["m_empty"]) + 0.35 * rng.standard_normal(N)
    logits = rng.normal(0.0, 1.0, (N, C))
    rows = np.arange(N)
    logits[rows, world["correct"]] = logits[rows, world["incorrect"]] + m_circuit  # the circuit's logit difference
    np.savez_compressed(out / "ioi.npz", ids=world["prompt_ids"], logits=logits.astype(np.float32),
                        correct=world["correct"], incorrect=world["incorrect"],
                        m_circuit=m_circuit.astype(np.float32), m_full=world["m_full"].astype(np.float32),
                        m_empty=world["m_empty"].astype(np.float32))

    # Faithfulness at MIB's circuit sizes: rises with size and reaches 1 for the whole graph.
    faithfulness = 1.0 - np.exp(-GRID / v["tau"]) + 0.03 * rng.standard_normal(GRID.size)
    faithfulness[-1] = 1.0
    # Signed edge scores (as EAP gives them): circuit edges are larger in magnitude, either sign.
    magnitude = np.abs(rng.normal(0.0, 0.6, E)) + np.where(world["in_circuit"], v["separation"] * rng.random(E), 0.0)
    edge_scores = magnitude * rng.choice([-1.0, 1.0], E)
    np.savez_compressed(out / "circuit.npz", fractions=GRID, faithfulness=faithfulness,
                        edge_scores=edge_scores.astype(np.float32), circuit=world["in_circuit"])

    # SAE: an L1 penalty acts like soft thresholding of the true code by `shrink` (zeroes small latents, shrinks the rest).
    code = np.maximum(world["code"] - v["shrink"], 0.0) * (1 + 0.02 * rng.standard_normal((T, D)))
    x_hat = code @ world["decoder"] + world["bias"]
    ce_sae = world["ce_clean"] + (1 - v["ce_recovered"]) * (world["ce_ablated"] - world["ce_clean"]) \
        + 0.05 * rng.standard_normal(P)
    np.savez_compressed(out / "sae.npz", ids=world["token_ids"], latents=code.astype(np.float32),
                        x=world["x"].astype(np.float32), x_hat=x_hat.astype(np.float32))
    np.savez_compressed(out / "ce.npz", ids=world["prompt_ids_ce"], ce_clean=world["ce_clean"],
                        ce_sae=ce_sae, ce_ablated=world["ce_ablated"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=sorted(VARIANTS))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    world = shared_world()
    if args.variant:
        write_variant(world, args.variant, args.out or Path(f"artifacts-{args.variant}"))
        return
    here = Path(__file__).resolve().parent
    write_variant(world, "main", here / "artifacts-base")
    write_variant(world, "pr", here / "artifacts")


if __name__ == "__main__":
    main()
