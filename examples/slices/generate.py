"""The slices example: a regression hidden in the mean, found per group.

An explainer is evaluated on 240 prompts written from 4 templates (60 each: "qa", "summary", "translate", "code").
Each prompt gets a faithfulness score in [0, 1] (higher is better), e.g. a comprehensiveness score computed by the
evaluation step. A prompt's difficulty is shared by both branches; each run adds its own small noise.

Variants:
  main — the default branch;
  pr   — a pull request that truncates long contexts "to speed up evaluation": on "qa" prompts, whose evidence sits
         at the end of the context, the explanation loses its evidence and faithfulness drops by 0.08; the other
         templates get slightly shorter, cleaner inputs and gain about 0.027. The mean barely moves, so a gate on the
         mean passes; the slice by template catches the "qa" group.

Usage: python3 generate.py --variant main|pr --out DIR   (needs numpy)
"""

import argparse
from pathlib import Path

import numpy as np

TEMPLATES = ["qa", "summary", "translate", "code"]
PER_TEMPLATE = 60
SHIFT = {"qa": -0.08, "summary": 0.027, "translate": 0.027, "code": 0.026}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=["main", "pr"], required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    n = PER_TEMPLATE * len(TEMPLATES)
    rng = np.random.default_rng(7)
    template = np.array([TEMPLATES[i % len(TEMPLATES)] for i in range(n)])
    difficulty = np.clip(0.62 + 0.12 * rng.standard_normal(n), 0.05, 0.95)
    noise_main = 0.03 * rng.standard_normal(n)
    noise_pr = 0.03 * rng.standard_normal(n)
    if args.variant == "main":
        scores = difficulty + noise_main
    else:
        scores = difficulty + noise_pr + np.array([SHIFT[t] for t in template])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "faithfulness.npy", np.clip(scores, 0, 1))
    np.save(out / "ids.npy", np.arange(10_000, 10_000 + n, dtype=np.int64))
    np.save(out / "template.npy", template)


if __name__ == "__main__":
    main()
