"""Reference values for the task, faithfulness, sparsity, localisation, agreement and generic metrics.

Each metric is re-derived here in numpy/scipy after the formula of the library the metric doc cites
(sklearn, RISE, Samek et al., ERASER, Quantus, Captum, OpenXAI), independently of the TypeScript code.
Writes test/fixtures/metrics/reference_a.json, read by test/metrics/reference.test.ts.

Tie rule used where a library leaves ties to numpy's unstable default argsort (Quantus, OpenXAI):
argsort(-x, kind="stable"), i.e. ties go to the lower feature index, as interp-gate documents.

Run: python3 scripts/reference/metrics_a.py
"""

import itertools
import json
import math
import warnings
from pathlib import Path

import numpy as np
from scipy import stats

SEED = 20250611
OUT = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "metrics" / "reference_a.json"

rng = np.random.default_rng(SEED)
warnings.simplefilter("ignore")  # scipy warns on constant input; NaN is the expected answer there


def r6(x):
    """Round to 6 decimals: short JSON, still exact doubles on both sides."""
    return np.round(np.asarray(x, dtype=np.float64), 6)


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [None if math.isnan(v) else float(v) for v in a.ravel()]}


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


cases = []


def case(metric, inputs, scores=None, params=None, note="", value=None, aggregates=None):
    c = {"metric": metric, "note": note, "params": params or {}, "inputs": {k: enc(v) for k, v in inputs.items()}}
    expected = {}
    if scores is not None:
        scores = np.asarray(scores, dtype=np.float64)
        expected["scores"] = [num(s) for s in scores]
        expected["value"] = num(np.nanmean(scores)) if np.any(~np.isnan(scores)) else None
    if value is not None:
        expected["value"] = num(value)
    if aggregates is not None:
        expected["aggregates"] = aggregates
    c["expected"] = expected
    cases.append(c)


def k_count(k, f):
    """OpenXAI convert_k_to_int: ceil(k*F) for a fraction, k itself for an int. Fixtures use exact k*F only."""
    if 0 < k < 1:
        assert float(k * f).is_integer() or math.ceil(k * f) == math.ceil(round(k * f, 9)), (k, f)
        return int(np.ceil(k * f))
    return int(k)


# ---------------------------------------------------------------- task (sklearn)

def accuracy_ref(pred, y):
    yhat = pred if pred.ndim == 1 else np.argmax(pred, axis=1)
    return (yhat == y).astype(float)


for n, c in [(10, 4), (12, 3)]:
    logits = rng.integers(0, 4, size=(n, c)).astype(float)  # small integers: argmax ties
    y = rng.integers(0, c, size=n).astype(float)
    case("accuracy", {"predictions": logits, "labels": y}, accuracy_ref(logits, y), note="[N,C] argmax with ties")
ids = rng.integers(0, 3, size=9).astype(float)
y = rng.integers(0, 3, size=9).astype(float)
case("accuracy", {"predictions": ids, "labels": y}, accuracy_ref(ids, y), note="[N] ids")


def top_k_ref(y_score, y_true, k):
    # sklearn.metrics.top_k_accuracy_score, multiclass branch
    sorted_pred = np.argsort(y_score, axis=1, kind="mergesort")[:, ::-1]
    return (y_true.astype(int) == sorted_pred[:, :k].T).any(axis=0).astype(float)


for n, c, k, tied in [(12, 6, 2, True), (10, 5, 3, False), (8, 4, 1, True)]:
    logits = rng.integers(0, 3, size=(n, c)).astype(float) if tied else r6(rng.normal(size=(n, c)))
    y = rng.integers(0, c, size=n).astype(float)
    case("top-k-accuracy", {"logits": logits, "labels": y}, top_k_ref(logits, y, k), {"k": k}, note=f"k={k} tied={tied}")


def auc_ref(score, label):
    pos, neg = score[label == 1], score[label == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    u = stats.mannwhitneyu(pos, neg, alternative="two-sided").statistic
    return u / (len(pos) * len(neg))


for n in (12, 11):
    score = np.round(rng.uniform(size=n), 1)  # one decimal: tied scores across classes
    label = rng.integers(0, 2, size=n).astype(float)
    label[:2] = [0, 1]
    aggs = []
    for _ in range(3):
        idx = rng.integers(0, n, size=n)
        aggs.append({"indices": idx.tolist(), "value": num(auc_ref(score[idx], label[idx]))})
    one = np.flatnonzero(label == 1)[:3]
    aggs.append({"indices": one.tolist(), "value": None})  # one class only
    case("auroc", {"scores": score, "labels": label}, value=auc_ref(score, label), aggregates=aggs, note="ties, resamples")

p = rng.integers(0, 3, size=(10, 3)).astype(float)
t = rng.integers(0, 3, size=10).astype(float)
case("agreement", {"predictions": p, "targets": t}, (np.argmax(p, 1) == t).astype(float), note="[N,C] vs [N]")
p, t = r6(rng.normal(size=(9, 4))), r6(rng.normal(size=(9, 4)))
case("agreement", {"predictions": p, "targets": t}, (np.argmax(p, 1) == np.argmax(t, 1)).astype(float), note="[N,C] vs [N,C]")

# ---------------------------------------------------------------- faithfulness

def rise_auc(arr):
    # eclique/RISE evaluation.py auc()
    return (arr.sum() - arr[0] / 2 - arr[-1] / 2) / (arr.shape[0] - 1)


def aopc_ref(curve):
    # Samek et al. 2017 eq. 12: 1/(L+1) sum_{k=0..L} f(x^(0)) - f(x^(k))
    return np.mean([curve[0] - curve[k] for k in range(len(curve))])


curves = r6(np.sort(rng.uniform(size=(10, 9)), axis=1)[:, ::-1])
curves[3, 4] = np.nan
for metric in ("deletion-auc", "insertion-auc"):
    case(metric, {"curves": curves}, [rise_auc(c) for c in curves], note="K=8, one NaN curve")
for metric in ("aopc", "aopc-lerf"):
    case(metric, {"curves": curves}, [aopc_ref(c) for c in curves], note="K=8, one NaN curve")
curves2 = r6(rng.uniform(size=(7, 2)))
case("aopc", {"curves": curves2}, [aopc_ref(c) for c in curves2], note="K=1")


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def eraser_scores(full, other):
    # rationale_benchmark/metrics.py score_classifications: scores[classification] - other[classification]
    if full.ndim == 1:
        return full - other
    out = []
    for f, o in zip(full, other):
        inst = {"classification": int(np.argmax(f)), "classification_scores": dict(enumerate(f)), "x": dict(enumerate(o))}
        out.append(inst["classification_scores"][inst["classification"]] - inst["x"][inst["classification"]])
    return out


def eraser_aopc(full, bins):
    # rationale_benchmark/metrics.py _instances_aopc: per instance mean over thresholds of beta_0 - beta_k
    out = []
    for i in range(full.shape[0]):
        kls = int(np.argmax(full[i])) if full.ndim == 2 else None
        beta_0 = full[i][kls] if kls is not None else full[i]
        deltas = [beta_0 - (bins[i, b][kls] if kls is not None else bins[i, b]) for b in range(bins.shape[1])]
        out.append(np.average(deltas))
    return out


full = r6(softmax(rng.normal(size=(10, 4)) * 2))
removed = r6(softmax(rng.normal(size=(10, 4))))
kept = r6(softmax(rng.normal(size=(10, 4))))
case("comprehensiveness", {"probs_full": full, "probs_removed": removed}, eraser_scores(full, removed), note="[N,C]")
case("sufficiency", {"probs_full": full, "probs_kept": kept}, eraser_scores(full, kept), note="[N,C]")
case("comprehensiveness", {"probs_full": full[:, 0], "probs_removed": removed[:, 0]}, eraser_scores(full[:, 0], removed[:, 0]), note="[N]")
case("sufficiency", {"probs_full": full[:, 1], "probs_kept": kept[:, 1]}, eraser_scores(full[:, 1], kept[:, 1]), note="[N]")
bins_r = r6(softmax(rng.normal(size=(10, 5, 4))))
bins_k = r6(softmax(rng.normal(size=(10, 5, 4))))
case("aopc-comprehensiveness", {"probs_full": full, "bins_removed": bins_r}, eraser_aopc(full, bins_r), note="[N,B,C], B=5")
case("aopc-sufficiency", {"probs_full": full, "bins_kept": bins_k}, eraser_aopc(full, bins_k), note="[N,B,C], B=5")
case("aopc-comprehensiveness", {"probs_full": full[:, 2], "bins_removed": bins_r[:, :, 2]}, eraser_aopc(full[:, 2], bins_r[:, :, 2]), note="[N,B]")
case("aopc-sufficiency", {"probs_full": full[:, 3], "bins_kept": bins_k[:, :, 3]}, eraser_aopc(full[:, 3], bins_k[:, :, 3]), note="[N,B]")


def quantus_corr(func, a, b):
    # Quantus similarity_func correlation_pearson / correlation_spearman, one example at a time
    return [func(x, y)[0] for x, y in zip(a, b)]


sums = r6(rng.normal(size=(10, 12)))
drops = r6(0.6 * sums + rng.normal(size=(10, 12)))
sums[2] = 0.25  # constant row -> NaN
drops[5] = -1.5
case("faithfulness-correlation", {"subset_sums": sums, "output_drops": drops}, quantus_corr(stats.pearsonr, sums, drops), note="constant rows")
sums_t = rng.integers(-2, 3, size=(10, 12)).astype(float)  # ties
variances = r6(np.abs(sums_t + rng.normal(size=(10, 12))))
variances[4] = 0.0
case("monotonicity-correlation", {"subset_sums": sums_t, "output_variances": variances}, quantus_corr(stats.spearmanr, sums_t, variances), note="ties, constant row")
variances2 = np.round(np.abs(sums_t), 0)
case("monotonicity-correlation", {"subset_sums": sums_t, "output_variances": variances2}, quantus_corr(stats.spearmanr, sums_t, variances2), note="ties on both sides")


def captum_infidelity(ia, df, normalize):
    # captum/metrics/_core/infidelity.py: aggregated (a^2, ab, b^2) then beta*beta*a2 - 2*beta*ab + b2
    if not normalize:
        return ((ia - df) ** 2).sum(-1) / ia.shape[1]
    a2, ab, b2 = (ia ** 2).sum(-1), (ia * df).sum(-1), (df ** 2).sum(-1)
    beta = ab / np.where(a2 != 0, a2, 1.0)  # safe_div(default_denom=1)
    return (beta * beta * a2 - 2 * beta * ab + b2) / ia.shape[1]


ia = r6(rng.normal(size=(10, 16)))
df = r6(1.3 * ia + 0.5 * rng.normal(size=(10, 16)))
ia[6] = 0.0
for normalize in (False, True):
    case("infidelity", {"dot_products": ia, "output_deltas": df}, captum_infidelity(ia, df, normalize), {"normalize": normalize}, note="one all-zero I·a row")

# ---------------------------------------------------------------- sparsity / complexity

attr = r6(rng.normal(size=(10, 3, 4)) * rng.integers(0, 2, size=(10, 3, 4)))  # many exact zeros
attr[4] = 0.0
attr[7, 0, 0] = np.nan
flat = attr.reshape(attr.shape[0], -1)
for eps in (0.0, 0.5):
    nz = (np.abs(flat) > eps).mean(axis=1)
    nz[np.isnan(flat).any(axis=1)] = np.nan  # documented: a NaN attribution makes the example NaN
    case("nonzero-fraction", {"attributions": attr}, nz, {"eps": eps}, note="[N,3,4]")


def sparseness_ref(a):
    # Quantus Sparseness (Chalasani et al.) without its 1e-7 offset; all-zero defined as 0
    a = np.sort(np.abs(a))
    if np.isnan(a).any():
        return np.nan
    if a.sum() == 0:
        return 0.0
    n = a.shape[0]
    return np.sum((2 * np.arange(1, n + 1) - n - 1) * a) / (n * np.sum(a))


case("gini", {"attributions": attr}, [sparseness_ref(a) for a in flat], note="zeros, all-zero row, NaN")
case("entropy", {"attributions": attr}, [stats.entropy(np.abs(a)) if not np.isnan(a).any() else np.nan for a in flat], note="scipy.stats.entropy")


def effective_complexity_ref(a, eps):
    # Quantus EffectiveComplexity: normalise_by_max (here per example), abs, count > eps
    a = np.abs(a)
    if np.isnan(a).any():
        return np.nan
    if np.all(a == 0):
        return 0.0
    return float(np.sum(a / a.max() > eps))


for eps in (1e-5, 0.3):
    case("effective-complexity", {"attributions": attr}, [effective_complexity_ref(a, eps) for a in flat], {"eps": eps})


def top_k_mass_ref(a, k):
    a = np.abs(a)
    return np.sort(a)[::-1][:k].sum() / a.sum() if a.sum() > 0 else np.nan


for k in (3, 0.5):
    case("top-k-mass", {"attributions": attr}, [top_k_mass_ref(a, k_count(k, flat.shape[1])) for a in flat], {"k": k})

# ---------------------------------------------------------------- localisation (Quantus, batch code)

a_loc = r6(rng.normal(size=(12, 2, 3, 2)))
a_loc[1] = np.round(a_loc[1])  # ties, including at the maximum
a_loc[2] = 1.0  # all tied
s_loc = (rng.uniform(size=(12, 2, 3, 2)) < 0.35).astype(float)
s_loc[3] = 0.0  # empty mask
s_loc[4] = 1.0  # full mask
s_loc[5] = 0.0
s_loc[5, 0, 0, 0] = 1.0
s_loc[6] = 0.0
s_loc[6].flat[int(np.argmax(a_loc[6]))] = 1.0  # a sure pointing-game hit
a_loc[8, 1, 2, 1] = np.nan
B = a_loc.shape[0]
A, S = a_loc.reshape(B, -1), s_loc.reshape(B, -1).astype(bool)
empty = S.sum(-1) == 0
nan_rows = np.isnan(A).any(-1)


def finish(scores):
    scores = np.asarray(scores, dtype=float)
    scores[empty | nan_rows] = np.nan
    return scores


def top_k_intersection_ref(k):
    a_sorted = np.argsort(-A, axis=-1, kind="stable")
    return finish(S[np.arange(B)[:, None], a_sorted[:, :k]].mean(-1))


def rank_accuracy_ref():
    a_sorted = np.argsort(-A, axis=-1, kind="stable")
    s_sums = S.sum(-1)
    s_mask = np.array([[True] * s + [False] * (A.shape[1] - s) for s in s_sums])
    choice = S[np.arange(B)[:, None], a_sorted]
    with np.errstate(invalid="ignore", divide="ignore"):
        return finish((choice * s_mask).sum(-1) / s_mask.sum(-1))


def mass_accuracy_ref():
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (A * S).sum(-1) / A.sum(-1)
    return finish(np.where(np.isfinite(r), r, np.nan))


def pointing_ref():
    hit = np.any(S * (A == np.nanmax(A, axis=-1, keepdims=True)), axis=-1).astype(float)
    return finish(hit)


def roc_ref():
    return finish([auc_ref(a, s.astype(float)) for a, s in zip(A, S)])


loc_inputs = {"attributions": a_loc, "mask": s_loc}
for k in (2, 0.25):
    case("top-k-intersection", loc_inputs, top_k_intersection_ref(k_count(k, A.shape[1])), {"k": k}, note="[N,2,3,2], ties, empty/full masks")
case("relevance-rank-accuracy", loc_inputs, rank_accuracy_ref())
case("relevance-mass-accuracy", loc_inputs, mass_accuracy_ref())
case("pointing-game", loc_inputs, pointing_ref())
case("attribution-auroc", loc_inputs, roc_ref(), note="full mask -> NaN")
a_pos = np.abs(a_loc)
A = a_pos.reshape(B, -1)
case("relevance-mass-accuracy", {"attributions": a_pos, "mask": s_loc}, mass_accuracy_ref(), note="non-negative")

# ---------------------------------------------------------------- agreement with ground truth (OpenXAI)

def openxai_topk(expl, gt, k, metric):
    # openxai/metrics.py _construct_topk_dfs + _single_k_gt_faith, with string keys as there
    keys = []
    for attr in (expl, gt):
        idx = np.argsort(-np.abs(attr), axis=1, kind="stable")[:, :k]
        ranks = np.take_along_axis(stats.rankdata(-np.abs(attr), method="dense", axis=1), idx, axis=1)
        signs = np.take_along_axis(np.sign(attr).astype(int), idx, axis=1)
        key = np.char.add("feat", idx.astype(str))
        if "rank" in metric:
            key = np.char.add(key, np.char.add("rank", ranks.astype(str)))
        if "sign" in metric:
            key = np.char.add(key, np.char.add("sign", signs.astype(str)))
        keys.append(key)
    ka, kg = keys
    if metric in ("overlap", "sign"):
        return np.array([len(set(x) & set(y)) / k for x, y in zip(ka, kg)])
    return (ka == kg).sum(axis=1) / k


def openxai_pra(expl, gt):
    ra = stats.rankdata(-np.abs(expl), method="dense", axis=1)
    rb = stats.rankdata(-np.abs(gt), method="dense", axis=1)
    same = np.zeros(expl.shape[0])
    n = expl.shape[1]
    for f1, f2 in itertools.combinations_with_replacement(range(n), 2):
        if f1 != f2:
            same += (ra[:, f1] < ra[:, f2]) == (rb[:, f1] < rb[:, f2])
    return same / math.comb(n, 2)


def openxai_rc(expl, gt):
    ra = stats.rankdata(-np.abs(expl), method="dense", axis=1)
    rb = stats.rankdata(-np.abs(gt), method="dense", axis=1)
    return [stats.pearsonr(x, y)[0] for x, y in zip(ra, rb)]


for label, expl, gt in [
    ("ties", rng.integers(-3, 4, size=(10, 12)).astype(float), rng.integers(-3, 4, size=(10, 12)).astype(float)),
    ("continuous", r6(rng.normal(size=(8, 10))), r6(rng.normal(size=(8, 10)))),
]:
    expl[-1] = 2.0  # constant magnitudes: RC NaN
    gt[-2] = -expl[-2] if label == "continuous" else expl[-2]  # same ranking; opposite or equal signs
    inputs = {"attributions": expl, "reference": gt}
    for k in (3, 0.5):
        kk = k_count(k, expl.shape[1])
        for metric, name in [("overlap", "feature-agreement"), ("rank", "rank-agreement"), ("sign", "sign-agreement"), ("ranksign", "signed-rank-agreement")]:
            case(name, inputs, openxai_topk(expl, gt, kk, metric), {"k": k}, note=label)
    case("pairwise-rank-agreement", inputs, openxai_pra(expl, gt), note=label)
    case("rank-correlation", inputs, openxai_rc(expl, gt), note=label)

# ---------------------------------------------------------------- generic

s = r6(rng.normal(size=11))
s[[2, 7]] = np.nan
case("mean", {"scores": s}, s, note="NaN excluded")
case("value", {"value": np.array(0.8125)}, value=0.8125)
case("value", {"value": np.array([-3.5])}, value=-3.5, note="shape [1]")

doc = {
    "generator": "scripts/reference/metrics_a.py",
    "seed": SEED,
    "numpy": np.__version__,
    "scipy": __import__("scipy").__version__,
    "cases": cases,
}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
print(f"wrote {len(cases)} cases, {OUT.stat().st_size} bytes to {OUT}")
