"""Reference values for change-point detection (src/history/change-points.ts, src/stats/student-t.ts).

Recomputed independently with numpy / scipy:
- Q-hat of E-divisive means (Matteson & James 2014, alpha = 1) at every split, from the full pairwise
  distance matrix (no running sums), for small series;
- Welch's t-test with scipy.stats.ttest_ind(equal_var=False) and Student's t tail with scipy.stats.t.sf;
- the detection procedure of Hunter (arXiv:2301.03034) re-implemented here from its description:
  binary segmentation on argmax Q-hat, a split kept when Welch p < 0.001 and |after - before| >= 1% of |before|,
  then the weakest failing split dropped until every split passes against its neighbouring segments;
- synthetic series: a step at a known index among noise, two steps, and flat noise (no change expected).

Writes test/fixtures/history/change_points.json. Run: python3 scripts/reference/change_points.py
"""

import json
from pathlib import Path

import numpy as np
from scipy import stats

OUT = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "history" / "change_points.json"
rng = np.random.default_rng(20261130)
ALPHA, MIN_MAG, MIN_SEG = 0.001, 0.01, 3


def qhat(x):
    x = np.asarray(x, float)
    d = np.abs(x[:, None] - x[None, :])
    out = []
    for tau in range(len(x) + 1):
        m, n = tau, len(x) - tau
        if m < 2 or n < 2:
            out.append(None)
            continue
        across = d[:tau, tau:].sum()
        left = np.triu(d[:tau, :tau], 1).sum()
        right = np.triu(d[tau:, tau:], 1).sum()
        e = 2 * across / (m * n) - left / (m * (m - 1) / 2) - right / (n * (n - 1) / 2)
        out.append(float(m * n / (m + n) * e))
    return out


def welch(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    if a.var(ddof=1) == 0 and b.var(ddof=1) == 0:
        return (0.0 if a.mean() != b.mean() else 1.0), a.mean(), b.mean()
    return float(stats.ttest_ind(a, b, equal_var=False).pvalue), float(a.mean()), float(b.mean())


def passes(before, after, p):
    rel = None if before == 0 else (after - before) / abs(before)
    return p < ALPHA and (after != before if rel is None else abs(rel) >= MIN_MAG)


def detect(x):
    x = np.asarray(x, float)
    found = []

    def seg(lo, hi):
        if hi - lo < 2 * MIN_SEG:
            return
        q = qhat(x[lo:hi])
        taus = range(lo + MIN_SEG, hi - MIN_SEG + 1)
        best = max(taus, key=lambda t: (q[t - lo], -t))  # first maximum
        p, before, after = welch(x[lo:best], x[best:hi])
        if not passes(before, after, p):
            return
        found.append(best)
        seg(lo, best)
        seg(best, hi)

    seg(0, len(x))
    points = sorted(found)
    while True:
        tested = []
        for k, idx in enumerate(points):
            lo = 0 if k == 0 else points[k - 1]
            hi = len(x) if k == len(points) - 1 else points[k + 1]
            p, before, after = welch(x[lo:idx], x[idx:hi])
            tested.append(dict(index=idx, before=before, after=after, pValue=p, ok=passes(before, after, p)))
        failing = [t for t in tested if not t["ok"]]
        if not failing:
            return [{k: v for k, v in t.items() if k != "ok"} for t in tested]
        points.remove(max(failing, key=lambda t: t["pValue"])["index"])


def series_cases():
    cases = []
    step = np.concatenate([0.80 + 0.01 * rng.standard_normal(40), 0.74 + 0.01 * rng.standard_normal(30)])
    cases.append(dict(name="one step at 40", values=step.tolist(), stepAt=[40]))
    two = np.concatenate([1.0 + 0.02 * rng.standard_normal(25), 1.2 + 0.02 * rng.standard_normal(25), 0.9 + 0.02 * rng.standard_normal(25)])
    cases.append(dict(name="two steps at 25 and 50", values=two.tolist(), stepAt=[25, 50]))
    for k in range(5):
        flat = 0.5 + 0.02 * rng.standard_normal(60)
        cases.append(dict(name=f"flat noise {k}", values=flat.tolist(), stepAt=[]))
    small = np.concatenate([10 + rng.standard_normal(30), 10.05 + rng.standard_normal(30)])
    cases.append(dict(name="shift far below the noise", values=small.tolist(), stepAt=[]))
    for c in cases:
        c["expected"] = detect(c["values"])
    return cases


def main():
    q_series = [rng.standard_normal(9).round(3).tolist(), [1, 1, 1, 5, 5, 5, 5], [0.3, 0.1, 0.4, 0.1, 0.5, 0.9, 0.2, 0.6]]
    q_cases = [dict(x=x, q=qhat(x)) for x in q_series]
    welch_cases = []
    for na, nb, shift in [(5, 7, 0.5), (12, 4, -1.0), (3, 3, 0.0), (30, 25, 0.2)]:
        a = rng.standard_normal(na)
        b = shift + 2 * rng.standard_normal(nb)
        r = stats.ttest_ind(a, b, equal_var=False)
        welch_cases.append(dict(a=a.tolist(), b=b.tolist(), t=float(r.statistic), p=float(r.pvalue)))
    t_cases = [dict(t=t, df=df, p=float(2 * stats.t.sf(abs(t), df))) for t, df in [(0.5, 3), (2.0, 10), (-3.7, 4.5), (6.0, 57.3), (1e-3, 1), (12.0, 2.2)]]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(dict(qhat=q_cases, welch=welch_cases, studentT=t_cases, series=series_cases()), indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
