"""Reference values for the robustness, circuits and SAE metrics, computed independently with numpy / scipy.

Writes test/fixtures/metrics/reference_b.json: seeded random inputs, the expected per-example scores or value,
and for ratio-of-means metrics the expected value on a fixed bootstrap resample of rows.
Run from the repo root: python3 scripts/reference/metrics_b.py
The TypeScript test (test/metrics/reference.test.ts) reads the JSON only, so it never needs Python.
"""
import json
import math
import pathlib
import warnings

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "metrics" / "reference_b.json"
rng = np.random.default_rng(20250611)


def enc(a):
    """Array → {shape, data} with NaN as null (JSON has no NaN)."""
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape), "data": [None if math.isnan(v) else float(v) for v in a.ravel()]}


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


cases = []


def case(metric, inputs, params=None, scores=None, value=None, resample=None, note=""):
    """One case in the format every reference fixture shares (see test/metrics/reference.test.ts)."""
    expected = {}
    if scores is not None:
        expected["scores"] = [num(s) for s in scores]
    if value is not None:
        expected["value"] = num(value)
    if resample is not None:
        indices, value_on_resample = resample
        expected["aggregates"] = [{"indices": [int(i) for i in indices], "value": num(value_on_resample)}]
    cases.append({"metric": metric, "note": note, "params": params or {}, "inputs": {k: enc(v) for k, v in inputs.items()}, "expected": expected})


# --- robustness -------------------------------------------------------------------------------------------------

def sensitivity(a, ap, reduce):
    """Captum sensitivity_max / Quantus Max-, AvgSensitivity: ‖a − a′ₛ‖ / ‖a‖ per sample, then max or mean; ‖a‖ = 0 → NaN."""
    n, s = a.shape[0], ap.shape[1]
    a2 = a.reshape(n, -1)
    ap2 = ap.reshape(n, s, -1)
    norm = np.linalg.norm(a2, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = np.linalg.norm(a2[:, None, :] - ap2, axis=2) / norm[:, None]
    out = reduce(ratios, axis=1)
    out[norm == 0] = np.nan
    return out


a = rng.normal(size=(12, 2, 3))
a[3] = 0.0
ap = a[:, None] + rng.normal(scale=0.3, size=(12, 5, 2, 3))
ap[5, 2, 1, 1] = np.nan
case("max-sensitivity", {"attributions": a, "perturbed_attributions": ap}, scores=sensitivity(a, ap, np.max),
     note="[N, 2, 3] attributions; one zero row, one NaN")
case("avg-sensitivity", {"attributions": a, "perturbed_attributions": ap}, scores=sensitivity(a, ap, np.mean))


def local_lipschitz(a, ap, x, xp):
    """Quantus LocalLipschitzEstimate with euclidean norms and no ε: max over samples with x′ ≠ x; none left → NaN."""
    n, s = a.shape[0], ap.shape[1]
    da = np.linalg.norm(a.reshape(n, 1, -1) - ap.reshape(n, s, -1), axis=2)
    dx = np.linalg.norm(x.reshape(n, 1, -1) - xp.reshape(n, s, -1), axis=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(dx > 0, da / dx, np.nan)
    out = np.full(n, np.nan)
    for i in range(n):
        finite = ratio[i][~np.isnan(ratio[i])]
        bad = np.isnan(da[i]).any() or np.isnan(dx[i]).any()
        out[i] = np.nan if bad or finite.size == 0 else finite.max()
    return out


a = rng.normal(size=(10, 4))
x = rng.normal(size=(10, 6))
xp = x[:, None] + rng.normal(scale=0.1, size=(10, 4, 6))
ap = a[:, None] + rng.normal(scale=0.2, size=(10, 4, 4))
xp[2, 1] = x[2]  # one sample equal to its input: skipped
xp[4] = x[4]  # every sample equal: NaN
xp[6, 0, 0] = np.nan
case("local-lipschitz", {"attributions": a, "perturbed_attributions": ap, "x": x, "x_perturbed": xp},
     scores=local_lipschitz(a, ap, x, xp), note="x has D = 6, attributions F = 4")


def spearman_rows(a, r, absolute):
    """Quantus MPRT similarity: scipy.stats.spearmanr per example (average ranks; constant → NaN)."""
    out = []
    for ai, ri in zip(a.reshape(len(a), -1), r.reshape(len(r), -1)):
        if absolute:
            ai, ri = np.abs(ai), np.abs(ri)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out.append(stats.spearmanr(ai, ri).statistic)
    return np.array(out)


a = np.round(rng.normal(size=(12, 3, 4)), 1)  # rounding makes ties
r = np.round(0.5 * a + rng.normal(size=(12, 3, 4)), 1)
a[2] = 1.5
a[7] = np.where(rng.random((3, 4)) < 0.5, -1.0, 1.0)  # constant only after |·|
r[9, 0, 0] = np.nan
for absolute in (True, False):
    case("randomization-similarity", {"attributions": a, "random_attributions": r}, params={"abs": absolute},
         scores=spearman_rows(a, r, absolute), note=f"ties, a constant row, a NaN; abs={absolute}")

# --- circuits ---------------------------------------------------------------------------------------------------

logits = rng.normal(size=(15, 7))
correct = rng.integers(0, 7, 15)
incorrect = (correct + rng.integers(1, 7, 15)) % 7
case("logit-diff", {"logits": logits, "correct": correct, "incorrect": incorrect},
     scores=np.take_along_axis(logits, correct[:, None], 1)[:, 0] - np.take_along_axis(logits, incorrect[:, None], 1)[:, 0])

n = 20
m_full = 3 + rng.normal(size=n)
m_empty = rng.normal(size=n)
m_circuit = 0.7 * m_full + 0.3 * m_empty + 0.2 * rng.normal(size=n)
idx = rng.integers(0, n, n)


def nf(c, f, e):
    return (c.mean() - e.mean()) / (f.mean() - e.mean())


case("normalized-faithfulness", {"m_circuit": m_circuit, "m_full": m_full, "m_empty": m_empty},
     value=nf(m_circuit, m_full, m_empty), resample=(idx, nf(m_circuit[idx], m_full[idx], m_empty[idx])))

grid = np.array([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0])
f = np.clip(1 - np.exp(-grid * 12) + rng.normal(scale=0.08, size=grid.size), -0.2, 1.3)
perm = rng.permutation(grid.size)  # given unsorted: the metric sorts by fraction
case("cpr", {"fractions": grid[perm], "faithfulness": f[perm]}, value=np.trapezoid(f, grid), note="MIB grid, shuffled")
case("cmd", {"fractions": grid[perm], "faithfulness": f[perm]}, value=np.trapezoid(np.abs(1 - f), grid))

e = 60
circuit = rng.random(e) < 0.3
scores = np.round(np.where(circuit, 0.6, 0.0) + rng.normal(scale=0.5, size=e), 1)
idx = rng.integers(0, e, e)


def auc(s, c):
    """Mann–Whitney U / (n₁·n₀) (scipy.stats.mannwhitneyu counts ties ½)."""
    pos, neg = s[c], s[~c]
    return stats.mannwhitneyu(pos, neg).statistic / (pos.size * neg.size)


case("edge-auroc", {"edge_scores": scores, "circuit": circuit}, value=auc(scores, circuit),
     resample=(idx, auc(scores[idx], circuit[idx])), note="rounded scores: ties")
case("edge-auroc", {"edge_scores": scores, "circuit": circuit}, params={"abs": True},
     value=auc(np.abs(scores), circuit), resample=(idx, auc(np.abs(scores)[idx], circuit[idx])))

# --- SAE --------------------------------------------------------------------------------------------------------

latents = np.maximum(rng.normal(loc=-1.0, size=(24, 16)), 0)
latents[:, 3] = 0.0
latents[:, 11] = 0.0
case("sae-l0", {"latents": latents}, scores=(latents > 0).sum(axis=1))
case("sae-l0", {"latents": latents}, params={"eps": 0.5}, scores=(np.abs(latents) > 0.5).sum(axis=1))
case("dead-fraction", {"latents": latents}, value=np.mean(~(latents > 0).any(axis=0)))

t, m = 30, 5
x = 4.0 + rng.normal(size=(t, m)) * np.array([1, 2, 0.5, 1, 3])
x_hat = x + rng.normal(scale=0.5, size=(t, m))
x_hat[7] = 0.0
idx = rng.integers(0, t, t)


def fve(x, xh):
    """The coefficient of determination with variance weighting: 1 − SSE / Σ_d Σ_t (x_td − x̄_d)²."""
    return 1 - ((x - xh) ** 2).sum() / ((x - x.mean(axis=0)) ** 2).sum()


case("explained-variance", {"x": x, "x_hat": x_hat}, value=fve(x, x_hat), resample=(idx, fve(x[idx], x_hat[idx])),
     note="mean offset 4; one zero reconstruction")
full_mean = x.mean(axis=0)
case("explained-variance", {"x": x, "x_hat": x_hat}, params={"resample_mean": False}, value=fve(x, x_hat),
     resample=(idx, 1 - ((x[idx] - x_hat[idx]) ** 2).sum() / ((x[idx] - full_mean) ** 2).sum()),
     note="x̄ held at the full-data mean on the resample")
cos = np.array([1 - distance.cosine(u, v) if np.any(v) else np.nan for u, v in zip(x, x_hat)])
case("cosine-similarity", {"x": x, "x_hat": x_hat}, scores=cos, note="x_hat row 7 is zero → NaN")

n = 25
ce_clean = 2.0 + 0.3 * rng.random(n)
ce_sae = ce_clean + 0.2 * rng.random(n)
ce_abl = ce_clean + 3.0 * rng.random(n)
idx = rng.integers(0, n, n)


def cer(c, s, a):
    return (a.mean() - s.mean()) / (a.mean() - c.mean())


case("ce-loss-recovered", {"ce_clean": ce_clean, "ce_sae": ce_sae, "ce_ablated": ce_abl},
     value=cer(ce_clean, ce_sae, ce_abl), resample=(idx, cer(ce_clean[idx], ce_sae[idx], ce_abl[idx])))
kl_sae = 0.05 * rng.random(n)
kl_abl = 2.0 * rng.random(n)
case("kl-recovered", {"kl_sae": kl_sae, "kl_ablated": kl_abl}, value=1 - kl_sae.mean() / kl_abl.mean(),
     resample=(idx, 1 - kl_sae[idx].mean() / kl_abl[idx].mean()))

payload = {"generator": "scripts/reference/metrics_b.py", "numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(payload, separators=(",", ":")) + "\n")
print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(cases)} cases)")
