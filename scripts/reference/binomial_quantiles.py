#!/usr/bin/env python3
"""Reference values for distribution-free (order-statistic) confidence intervals of a
quantile, and for the nine Hyndman-Fan sample-quantile definitions.

Writes test/fixtures/order-statistics.json (relative to the repository root).

    python3 scripts/reference/binomial_quantiles.py

Order-statistic intervals ("intervals")
  K ~ Binomial(n, p) counts observations at or below the population p-quantile.
  alpha = 1 - confidence. The interval is [X_(l), X_(u)] with
    l = the largest integer in [0, n]    with P(K <= l-1) <= alpha/2
        (l = 0: no lower order statistic, i.e. -infinity)
    u = the smallest integer in [1, n+1] with P(K <= u-1) >= 1 - alpha/2
        (u = n+1: no upper order statistic, i.e. +infinity)
    coverage = P(l <= K <= u-1) = F(u-1) - F(l-1)
  cdf_l_minus_1 = F(l-1) and cdf_u_minus_1 = F(u-1) are recorded too.
  Computed with scipy.stats.binom.cdf; l and u are re-derived in exact rational
  arithmetic (fractions.Fraction, with p and confidence taken as the decimal
  values written here) and must agree; "coverage_exact" is the exact coverage
  rounded to the nearest double.

Sample quantiles ("sample_quantiles")
  numpy.quantile(values, p, method=...) for Hyndman & Fan (1996) types 1-9:
    1 inverted_cdf, 2 averaged_inverted_cdf, 3 closest_observation,
    4 interpolated_inverted_cdf, 5 hazen, 6 weibull, 7 linear (numpy's default),
    8 median_unbiased, 9 normal_unbiased.
  Each value is cross-checked against an exact-arithmetic transcription of R's
  stats:::quantile.default (R >= 4.0.0); disagreements are printed and stored
  as "r_quantile" on the case.
"""

import json
import math
import os
import platform
import sys
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "order-statistics.json")

NS = [1, 2, 5, 10, 11, 20, 30, 50, 100, 101, 1000]
PS = [0.1, 0.5, 0.9, 0.95]
CONFS = [0.9, 0.95, 0.99]

ARRAYS = [
    [42.0],                                  # length 1
    [-1.5, 2.5],                             # length 2, negative value
    [1.0, 2.0, 2.0, 2.0, 3.0, 7.0],          # ties
    [3.5, -7.25, 0.0, -1.0, 10.0, 0.5, -3.0],  # unsorted, negatives, zero
    [5.0, 1.0, 4.0, 1.0, 3.0, 9.0, 2.0, 6.0, 5.0, 3.0],  # n = 10, two ties
]
QPS = [0, 0.1, 0.25, 0.5, 0.9, 1]
METHODS = [(1, "inverted_cdf"), (2, "averaged_inverted_cdf"), (3, "closest_observation"),
           (4, "interpolated_inverted_cdf"), (5, "hazen"), (6, "weibull"), (7, "linear"),
           (8, "median_unbiased"), (9, "normal_unbiased")]


# ----------------------------------------------------------------------------
# order-statistic intervals
# ----------------------------------------------------------------------------

def limits_float(n, p, conf):
    alpha = 1.0 - conf
    cdf = stats.binom.cdf(np.arange(-1, n + 1), n, p)  # cdf[j+1] = P(K <= j)

    def F(j):  # P(K <= j)
        return float(cdf[j + 1])

    l = max(k for k in range(0, n + 1) if F(k - 1) <= alpha / 2)
    u = min(k for k in range(1, n + 2) if F(k - 1) >= 1 - alpha / 2)
    return l, u, F(l - 1), F(u - 1), F(u - 1) - F(l - 1)


def limits_exact(n, p, conf):
    """Exact l, u and the exact-arithmetic cdf, with p and conf as decimal fractions."""
    P = Fraction(str(p))
    A = 1 - Fraction(str(conf))
    pmf = [math.comb(n, k) * P**k * (1 - P)**(n - k) for k in range(n + 1)]
    cum = [Fraction(0)]
    for v in pmf:
        cum.append(cum[-1] + v)

    def F(j):
        return cum[j + 1] if j >= -1 else Fraction(0)

    l = max(k for k in range(0, n + 1) if F(k - 1) <= A / 2)
    u = min(k for k in range(1, n + 2) if F(k - 1) >= 1 - A / 2)
    # relative distances of every F(j) to the two thresholds: 0 = exact tie
    gaps = [g for j in range(-1, n + 1)
            for g in (abs(F(j) - A / 2) / (A / 2), abs(F(j) - (1 - A / 2)) / (1 - A / 2))]
    tie = min(gaps) == 0
    near = min((g for g in gaps if g > 0), default=math.inf)
    return l, u, F, tie, near


# ----------------------------------------------------------------------------
# R's quantile.default, types 1-9, in exact arithmetic
# ----------------------------------------------------------------------------

def r_quantile(values, prob, qtype):
    x = sorted(Fraction(v) for v in values)
    n = len(x)
    pr = Fraction(str(prob))
    if qtype <= 3:
        nppm = n * pr - Fraction(1, 2) if qtype == 3 else n * pr
        j = math.floor(nppm)
        if qtype == 1:
            h = Fraction(1) if nppm > j else Fraction(0)
        elif qtype == 2:
            h = ((1 if nppm > j else 0) + 1) / Fraction(2)
        else:
            h = Fraction(1) if (nppm != j) or (j % 2 == 1) else Fraction(0)
    else:
        a, b = {4: (0, 1), 5: (Fraction(1, 2), Fraction(1, 2)), 6: (0, 0), 7: (1, 1),
                8: (Fraction(1, 3), Fraction(1, 3)), 9: (Fraction(3, 8), Fraction(3, 8))}[qtype]
        a, b = Fraction(a), Fraction(b)
        nppm = a + pr * (n + 1 - a - b)
        j = math.floor(nppm)
        h = nppm - j
    xx = [x[0], x[0]] + x + [x[-1], x[-1]]  # R: x <- c(x[1L], x[1L], x, x[n], x[n])

    def at(k):  # R's 1-based x[k]
        return xx[k - 1]

    lo, hi = at(j + 2), at(j + 3)
    if h == 0:
        return lo
    if h == 1:
        return hi
    if lo == hi:
        return lo
    return (1 - h) * lo + h * hi


def main():
    gen = f"scipy {scipy.__version__}, numpy {np.__version__}, python {platform.python_version()}"

    intervals = []
    mismatches = 0
    ties = []
    closest = (math.inf, None, None, None)
    for n in NS:
        for p in PS:
            for conf in CONFS:
                l, u, fl, fu, cov = limits_float(n, p, conf)
                le, ue, Fx, tie, near = limits_exact(n, p, conf)
                if near < closest[0]:
                    closest = (near, n, p, conf)
                case = {"n": n, "p": p, "confidence": conf, "l": l, "u": u,
                        "coverage": cov, "coverage_exact": float(Fx(u - 1) - Fx(l - 1)),
                        "cdf_l_minus_1": fl, "cdf_u_minus_1": fu}
                if tie:
                    case["boundary_tie"] = (
                        "some P(K <= j) equals alpha/2 or 1 - alpha/2 exactly in decimal "
                        "arithmetic; l and u here follow binary64 (scipy); exact arithmetic "
                        f"gives l={le}, u={ue}")
                    case["l_exact"], case["u_exact"] = le, ue
                    case["coverage_exact_limits"] = float(Fx(ue - 1) - Fx(le - 1))
                    ties.append(case)
                if (l, u) != (le, ue):
                    mismatches += 0 if tie else 1
                    print(f"  binary64 vs exact differ: n={n} p={p} conf={conf}: scipy l,u={l},{u} "
                          f"exact l,u={le},{ue}" + (" (exact tie)" if tie else ""))
                intervals.append(case)

    sq = []
    r_diffs = []
    for vals in ARRAYS:
        for prob in QPS:
            for qtype, method in METHODS:
                q = float(np.quantile(np.array(vals), prob, method=method))
                case = {"values": vals, "p": prob, "type": qtype, "method": method,
                        "quantile": q}
                rq = float(r_quantile(vals, prob, qtype))
                if abs(rq - q) > 1e-12 * max(1.0, abs(rq)):
                    case["r_quantile"] = rq
                    r_diffs.append(case)
                sq.append(case)

    doc = {
        "generator": gen,
        "script": "scripts/reference/binomial_quantiles.py",
        "intervals_definition": (
            "K ~ Binomial(n, p); alpha = 1 - confidence; l = largest integer in [0, n] with "
            "P(K <= l-1) <= alpha/2 (0 = no lower order statistic); u = smallest integer in "
            "[1, n+1] with P(K <= u-1) >= 1 - alpha/2 (n+1 = no upper order statistic); "
            "interval [X_(l), X_(u)]; coverage = P(l <= K <= u-1) from scipy binom.cdf; "
            "coverage_exact from rational arithmetic."),
        "sample_quantiles_definition": (
            "numpy.quantile(values, p, method=method); type is the Hyndman-Fan number. "
            "r_quantile is present only where R's quantile(type=) would differ."),
        "intervals": intervals,
        "sample_quantiles": sq,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")

    print(f"generator: {gen}")
    print(f"wrote {OUT} ({os.path.getsize(OUT) / 1024:.0f} KiB)")
    print(f"intervals: {len(intervals)} cases; scipy vs exact (l, u) mismatches "
          f"other than exact ties: {mismatches}; "
          f"exact boundary ties: {len(ties)}")
    print(f"  closest non-tie approach of P(K <= j) to alpha/2 or 1-alpha/2: relative "
          f"{float(closest[0]):.2e} (n={closest[1]}, p={closest[2]}, confidence={closest[3]})")
    max_cov = max(abs(c["coverage"] - c["coverage_exact"]) for c in intervals)
    print(f"  max |coverage(scipy) - coverage(exact)| = {max_cov:.2e}")
    n_open = sum(1 for c in intervals if c["l"] == 0 or c["u"] == c["n"] + 1)
    print(f"  cases with a missing (infinite) end: {n_open}")
    print(f"sample quantiles: {len(sq)} cases ({len(ARRAYS)} arrays x {len(QPS)} p x 9 types); "
          f"numpy vs R-definition differences: {len(r_diffs)}")
    for c in r_diffs:
        print(f"  type {c['type']} ({c['method']}) values={c['values']} p={c['p']}: "
              f"numpy {c['quantile']!r} R {c['r_quantile']!r}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
