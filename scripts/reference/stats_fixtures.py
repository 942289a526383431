"""Reference values for src/stats, computed with numpy / scipy; writes test/fixtures/stats/*.json.

Run from the repo root: python3 scripts/reference/stats_fixtures.py (a few minutes: scipy enumerates
2^22 sign vectors for one case). The TypeScript tests read the JSON only, so they never need Python.
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "stats"
ALTERNATIVES = ("two-sided", "less", "greater")


def write(name, payload):
    payload = {"generator": "scripts/reference/stats_fixtures.py",
               "numpy": np.__version__, "scipy": scipy.__version__, **payload}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_text(json.dumps(payload, indent=1) + "\n")


def mean_stat(x, axis=-1):
    return np.mean(x, axis=axis)


def sign_flip(d, alternative):
    """Exact sign-flip test: scipy enumerates all 2^n sign vectors when n_resamples >= 2^n."""
    res = stats.permutation_test((np.asarray(d, float),), mean_stat, permutation_type="samples",
                                 alternative=alternative, n_resamples=np.inf, vectorized=True, batch=1 << 16)
    return float(res.pvalue)


def permutation_fixtures():
    rng = np.random.default_rng(20240611)
    vectors = {
        "issue example": [.1, .2, -.05, .3, .15, 0, .25, -.1],
        "all zero": [0.0, 0.0, 0.0, 0.0, 0.0],
        "ties and zeros": [0.5, -0.5, 0.5, 0.0, 0.25, -0.25, 0.75],
        "integers": [1, 2, -1, 3, 0, 1, -2, 2, 1, 1, 0, 3],
        "two decimals n=16": np.round(rng.normal(0.05, 0.2, 16), 2).tolist(),
        "normal n=5": rng.normal(0.3, 1, 5).tolist(),
        "normal n=10": rng.normal(-0.2, 1, 10).tolist(),
        "normal n=13": rng.normal(0.4, 1, 13).tolist(),
        "skewed n=18": (rng.exponential(1, 18) - 0.8).tolist(),
        "normal n=20": rng.normal(0.25, 1, 20).tolist(),
    }
    sign_cases = [{"name": k, "d": v, "p": {alt: sign_flip(v, alt) for alt in ALTERNATIVES}}
                  for k, v in vectors.items()]

    # paired two-sample form: scipy swaps base and head within each pair, statistic mean(head) - mean(base)
    paired_cases = []
    for name, n, shift in [("paired n=9", 9, 0.08), ("paired n=15", 15, -0.06)]:
        base = np.round(rng.uniform(0, 1, n), 3)
        head = np.round(np.clip(base + rng.normal(shift, 0.25, n), 0, 1), 3)
        p = {alt: float(stats.permutation_test(
            (head, base), lambda h, b, axis=-1: np.mean(h, axis=axis) - np.mean(b, axis=axis),
            permutation_type="samples", alternative=alt, n_resamples=np.inf, vectorized=True).pvalue)
            for alt in ALTERNATIVES}
        paired_cases.append({"name": name, "base": base.tolist(), "head": head.tolist(), "p": p})

    # ratio of means (non-decomposable): rows indexed into one table, base rows 0..n-1 and head rows n..2n-1,
    # so scipy's within-pair swap is exactly our arm swap
    n = 10
    num_b = np.round(rng.uniform(0, 1, n), 3)
    den_b = np.round(rng.uniform(0.5, 1.5, n), 3)
    num_h = np.round(np.clip(num_b + rng.normal(0.03, 0.15, n), 0, None), 3)
    den_h = den_b.copy()
    num = np.concatenate([num_b, num_h])
    den = np.concatenate([den_b, den_h])

    def ratio_diff(h_idx, b_idx, axis=-1):
        h_idx = h_idx.astype(int)
        b_idx = b_idx.astype(int)
        return num[h_idx].sum(axis=axis) / den[h_idx].sum(axis=axis) - num[b_idx].sum(axis=axis) / den[b_idx].sum(axis=axis)

    rows_b = np.arange(n, dtype=float)
    rows_h = np.arange(n, 2 * n, dtype=float)
    ratio_p = {alt: float(stats.permutation_test((rows_h, rows_b), ratio_diff, permutation_type="samples",
                                                  alternative=alt, n_resamples=np.inf, vectorized=True).pvalue)
               for alt in ALTERNATIVES}
    ratio_case = {"base": {"num": num_b.tolist(), "den": den_b.tolist()},
                  "head": {"num": num_h.tolist(), "den": den_h.tolist()},
                  "delta": float(ratio_diff(rows_h, rows_b)), "p": ratio_p}
    # beyond n = 20 we sample sign vectors: compare with scipy's exact p within Monte Carlo error
    d22 = rng.normal(0.3, 1, 22).tolist()
    monte_carlo = {"d": d22, "p": {alt: sign_flip(d22, alt) for alt in ALTERNATIVES}}

    # unpaired: scipy's exact test over all relabellings of the pooled examples (C(13, 6) = 1716)
    xa = np.round(rng.normal(0.5, 0.2, 6), 3)
    xb = np.round(rng.normal(0.65, 0.2, 7), 3)
    pooled = {"base": xa.tolist(), "head": xb.tolist(), "p": {alt: float(stats.permutation_test(
        (xb, xa), lambda h, b, axis=-1: np.mean(h, axis=axis) - np.mean(b, axis=axis),
        permutation_type="independent", alternative=alt, n_resamples=np.inf, vectorized=True).pvalue)
        for alt in ALTERNATIVES}}
    write("permutation.json", {"signFlip": sign_cases, "paired": paired_cases, "ratioSwap": ratio_case,
                               "monteCarlo": monte_carlo, "pooled": pooled})


def mcnemar_fixtures():
    pairs = [(7, 3), (3, 7), (0, 5), (5, 0), (10, 10), (1, 0), (0, 1), (30, 12), (12, 30),
             (400, 350), (2000, 1900), (1, 60)]
    cases = [{"worse": w, "better": b,
              "pTwoSided": float(stats.binomtest(w, w + b, 0.5).pvalue),
              "pWorse": float(stats.binomtest(w, w + b, 0.5, alternative="greater").pvalue)} for w, b in pairs]
    rng = np.random.default_rng(7)
    base = (rng.uniform(size=80) < 0.7).astype(int)
    head = base.copy()
    flip = rng.choice(80, 14, replace=False)
    head[flip] = 1 - head[flip]
    worse = int(np.sum((base == 1) & (head == 0)))
    better = int(np.sum((base == 0) & (head == 1)))
    vector_case = {"base": base.tolist(), "head": head.tolist(), "worse": worse, "better": better,
                   "pTwoSided": float(stats.binomtest(worse, worse + better, 0.5).pvalue),
                   "pWorse": float(stats.binomtest(worse, worse + better, 0.5, alternative="greater").pvalue)}
    write("mcnemar.json", {"counts": cases, "vectors": vector_case})


def boot_quantiles(stat_draws, confidence):
    tail = (1 - confidence) / 2
    return {"low": float(np.quantile(stat_draws, tail)), "high": float(np.quantile(stat_draws, 1 - tail)),
            "sd": float(np.std(stat_draws))}


def bootstrap_fixtures():
    """Quantiles of the bootstrap distribution itself, from 10^6 numpy resamples (our few thousand must land near)."""
    rng = np.random.default_rng(99)
    big = 1_000_000
    x = np.round(rng.lognormal(0, 0.8, 40), 4)
    idx = rng.integers(0, x.size, (big, x.size), dtype=np.int32)
    means = x[idx].mean(axis=1)
    mean_case = {"x": x.tolist(), "ci": {str(c): boot_quantiles(means, c) for c in (0.9, 0.95)}}

    n = 50
    base = np.round(rng.uniform(0.2, 0.8, n), 4)
    head = np.round(np.clip(base + rng.normal(0.03, 0.08, n), 0, 1), 4)
    idx = rng.integers(0, n, (big, n), dtype=np.int32)
    paired = head[idx].mean(axis=1) - base[idx].mean(axis=1)
    ib = rng.integers(0, n, (big, n), dtype=np.int32)
    ih = rng.integers(0, n, (big, n), dtype=np.int32)
    unpaired = head[ih].mean(axis=1) - base[ib].mean(axis=1)
    pair_case = {"base": base.tolist(), "head": head.tolist(),
                 "paired": boot_quantiles(paired, 0.95), "unpaired": boot_quantiles(unpaired, 0.95)}

    m = 40
    num_b = np.round(rng.uniform(0, 1, m), 4)
    den_b = np.round(rng.uniform(0.5, 1.5, m), 4)
    num_h = np.round(np.clip(num_b + rng.normal(0.05, 0.1, m), 0, None), 4)
    den_h = np.round(den_b * rng.uniform(0.9, 1.1, m), 4)
    idx = rng.integers(0, m, (big // 4, m), dtype=np.int32)
    one = num_b[idx].sum(axis=1) / den_b[idx].sum(axis=1)
    diff = num_h[idx].sum(axis=1) / den_h[idx].sum(axis=1) - one
    ratio_case = {"base": {"num": num_b.tolist(), "den": den_b.tolist()},
                  "head": {"num": num_h.tolist(), "den": den_h.tolist()},
                  "single": boot_quantiles(one, 0.95), "paired": boot_quantiles(diff, 0.95)}
    write("bootstrap.json", {"resamples": big, "mean": mean_case, "pairs": pair_case, "ratio": ratio_case})


def quantile_fixtures():
    rng = np.random.default_rng(3)
    arrays = [[3.0, 1.0, 2.0, 5.0, 4.0], [0.1, 0.7, 0.2, 0.9, 0.3, 0.35], rng.normal(0, 1, 11).tolist(),
              np.round(rng.uniform(0, 1, 37), 3).tolist(), [2.0, 2.0, 2.0, 2.0, 2.0, 9.0]]
    qs = [0, 0.025, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.975, 1]
    quantile_cases = [{"x": a, "q": qs, "expected": [float(v) for v in np.quantile(a, qs)]} for a in arrays]
    histories = [[0.81, 0.8, 0.83, 0.79, 0.82], [0.81, 0.8, 0.83, 0.79, 0.82, 0.55, 0.8, 0.84],
                 rng.normal(0.3, 0.02, 30).tolist()]
    fences = []
    for h in histories:
        q1, q3 = (float(v) for v in np.percentile(h, [25, 75]))
        fences.append({"history": h, "q1": q1, "q3": q3, "low": q1 - 1.5 * (q3 - q1), "high": q3 + 1.5 * (q3 - q1)})
    write("quantiles.json", {"quantile": quantile_cases, "iqr": fences})


M32 = 0xFFFFFFFF
M64 = (1 << 64) - 1


def imul(a, b):
    return (a * b) & M32


def mix32(x):
    z = (x + 0x9E3779B9) & M32
    z = imul(z ^ (z >> 16), 0x85EBCA6B)
    z = imul(z ^ (z >> 13), 0xC2B2AE35)
    return z ^ (z >> 16)


class Xoroshiro128Plus:
    """Textbook 64-bit xoroshiro128+ (Blackman & Vigna, a=24 b=16 c=37); outputs the low 32 bits of s0 + s1."""

    def __init__(self, s0, s1):
        self.s0, self.s1 = s0, s1

    @staticmethod
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & M64

    def step(self):
        s0, s1 = self.s0, self.s1
        out = (s0 + s1) & M64
        s1 ^= s0
        self.s0 = self.rotl(s0, 24) ^ s1 ^ ((s1 << 16) & M64)
        self.s1 = self.rotl(s1, 37)
        return out & M32

    def jumped(self):
        t0 = t1 = 0
        g = Xoroshiro128Plus(self.s0, self.s1)
        for word in (0xDF900294D8F554A5, 0x170865DF4B3201FC):
            for b in range(64):
                if word >> b & 1:
                    t0 ^= g.s0
                    t1 ^= g.s1
                g.step()
        return Xoroshiro128Plus(t0, t1)

    def int(self, n):
        # rejection sampling on the offset 32-bit value, as pure-rand's uniformInt does for ranges <= 2^32
        limit = (2**32 // n) * n if n > 2 else 2**32
        while True:
            v = self.step()
            v = (v - 2**32 if v >= 2**31 else v) + 2**31
            if v < limit:
                return v % n

    def float(self):
        a = self.step() & 0x3FFFFFF
        b = self.step() & 0x7FFFFFF
        return a * 2.0**-26 + b * 2.0**-53


def rng_for_seed(seed):
    lo = seed & M32
    hi = (seed >> 32) & M32
    w0 = mix32(lo)
    w1 = mix32(w0 ^ hi)
    w2 = mix32(w1 ^ 0x6A09E667)
    w3 = mix32(w2 ^ 0x3C6EF372)
    return Xoroshiro128Plus((w0 << 32) | w1, (w2 << 32) | w3)


def rng_fixtures():
    cases = []
    for seed in (0, 1, 42, -7, 2**40 + 3):
        g = rng_for_seed(seed)
        fork = g.jumped()
        cases.append({"seed": seed, "uint32": [g.step() for _ in range(6)], "int10": [g.int(10) for _ in range(6)],
                      "int1000003": [g.int(1000003) for _ in range(4)], "float": [g.float() for _ in range(3)],
                      "forkUint32": [fork.step() for _ in range(4)]})
    # seed 0's first offset draw is 4064473060 = 2n for n = 2032236530: exactly the rejection limit, so int(n) skips it
    edge_n = 2032236530
    g = rng_for_seed(0)
    write("rng.json", {"cases": cases, "limitEdge": {"seed": 0, "n": edge_n, "int": [g.int(edge_n) for _ in range(3)]}})


if __name__ == "__main__":
    rng_fixtures()
    permutation_fixtures()
    mcnemar_fixtures()
    bootstrap_fixtures()
    quantile_fixtures()
    print(f"wrote {sorted(p.name for p in OUT.glob('*.json'))}")
