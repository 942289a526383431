"""Reference values for slices and power (src/compare/slices.ts, src/stats/power.ts), with numpy / scipy.

Writes test/fixtures/stats/slices_power.json. Run from the repo root: python3 scripts/reference/slices_power.py
Power: paired one-sample z approximation, one-sided alpha (Chow, Shao & Wang 2008, section 3.1):
  mde = (z_{1-a} + z_{0.8}) sd / sqrt(n);  n_needed = ceil(((z_{1-a} + z_{0.8}) sd / allowed)^2);
  power = Phi(allowed sqrt(n) / sd - z_{1-a}).
Groups: every group has at most 20 paired examples, so the sign-flip test is exact (all 2^n sign vectors) and
scipy's permutation_test gives the same p-value; Holm's step-down adjustment is written out below.
"""
import json
import math
import pathlib

import numpy as np
import scipy
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats" / "slices_power.json"


def power(sd, n, allowed, alpha):
    z = stats.norm.ppf(1 - alpha) + stats.norm.ppf(0.8)
    return {
        "mde": z * sd / math.sqrt(n),
        "nNeeded": math.ceil((z * sd / allowed) ** 2),
        "power": float(stats.norm.cdf(allowed * math.sqrt(n) / sd - stats.norm.ppf(1 - alpha))),
    }


def p_worse(d, direction):
    # higher is better: worse means mean(d) < 0, the 'less' tail; lower is better: the 'greater' tail
    alternative = "less" if direction == "higher" else "greater"
    res = stats.permutation_test((np.asarray(d, float),), lambda x, axis=-1: np.mean(x, axis=axis),
                                 permutation_type="samples", alternative=alternative, n_resamples=np.inf,
                                 vectorized=True)
    return float(res.pvalue)


def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: (ps[i], i))
    out = [None] * len(ps)
    running = 0.0
    m = len(ps)
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * ps[i]))
        out[i] = running
    return out


def groups_case():
    rng = np.random.default_rng(2026)
    # 26 examples in groups A (12), B (10), C (4: under min-slice-size 5); ids in the slice's order
    labels = ["A"] * 12 + ["B"] * 10 + ["C"] * 4
    ids = [f"x{i:02d}" for i in range(26)]
    shift = {"A": -0.08, "B": 0.01, "C": -0.2}
    metrics = []
    specs = [
        ("m1", "higher", {"max-regression": 0.02, "significance": 0.05}, 0.6),
        ("m2", "lower", {"max-regression": "5%", "significance": 0.1}, 0.3),
    ]
    for mid, direction, gate, level in specs:
        base = np.round(level + 0.1 * rng.standard_normal(26), 4)
        sign = 1 if direction == "higher" else -1
        head = np.round(base + sign * np.array([shift[g] for g in labels]) + 0.02 * rng.standard_normal(26), 4)
        # the metric lists its examples in another order than the slice: labels must follow the ids
        perm = rng.permutation(26)
        metrics.append({"id": mid, "direction": direction, "gate": gate,
                        "ids": [ids[k] for k in perm], "base": base[perm].tolist(), "head": head[perm].tolist(),
                        "_base": base, "_head": head})
    expected = []
    for m in metrics:
        for g in ("A", "B", "C"):
            rows = [i for i, lab in enumerate(labels) if lab == g]
            b = m["_base"][rows]
            h = m["_head"][rows]
            d = h - b
            allowed = m["gate"]["max-regression"]
            if isinstance(allowed, str):
                allowed = float(allowed[:-1]) / 100 * abs(b.mean())
            e = {"metric": m["id"], "group": g, "n": len(rows), "base": float(b.mean()), "head": float(h.mean()),
                 "delta": float(h.mean() - b.mean()), "pWorse": p_worse(d, m["direction"]),
                 "sd": float(np.std(d, ddof=1)), "allowed": allowed, "alpha": m["gate"]["significance"]}
            e.update({k: v for k, v in power(e["sd"], e["n"], allowed, e["alpha"]).items()})
            expected.append(e)
    gated = [i for i, e in enumerate(expected) if e["n"] >= 5]
    adjusted = holm([expected[i]["pWorse"] for i in gated])
    for i, a in zip(gated, adjusted):
        expected[i]["pAdjusted"] = a
    for i, e in enumerate(expected):
        e.setdefault("pAdjusted", None)
        worse = (e["base"] - e["head"]) if next(m for m in metrics if m["id"] == e["metric"])["direction"] == "higher" else (e["head"] - e["base"])
        e["regressed"] = bool(e["pAdjusted"] is not None and worse > e["allowed"] and e["pAdjusted"] < e["alpha"])
    for m in metrics:
        del m["_base"], m["_head"]
    return {"labels": labels, "ids": ids, "minSliceSize": 5, "metrics": metrics, "expected": expected}


def notes_case():
    # the groups of test/compare/slices-rules.test.ts: 4 differences of +-0.125 each; 20 of them for a whole metric
    d4 = np.array([0.125, -0.125] * 2)
    d20 = np.array([0.125, -0.125] * 10)
    return {"group": {"differences": d4.tolist(), **power(float(np.std(d4, ddof=1)), 4, 0.0625, 0.05)},
            "metric": {"differences": d20.tolist(), **power(float(np.std(d20, ddof=1)), 20, 0.0625, 0.05)}}


def main():
    cases = [
        {"sd": 0.05, "n": 30, "allowed": 0.01, "alpha": 0.05},
        {"sd": 0.2, "n": 500, "allowed": 0.02, "alpha": 0.01},
        {"sd": 1.3, "n": 12, "allowed": 0.5, "alpha": 0.1},
    ]
    for c in cases:
        c.update(power(c["sd"], c["n"], c["allowed"], c["alpha"]))
    payload = {"generator": "scripts/reference/slices_power.py", "numpy": np.__version__, "scipy": scipy.__version__,
               "power": cases, "groups": groups_case(), "notes": notes_case()}
    OUT.write_text(json.dumps(payload, indent=1) + "\n")


if __name__ == "__main__":
    main()
