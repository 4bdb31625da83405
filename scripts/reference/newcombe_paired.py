"""Newcombe's paired hybrid score interval (method 10), computed independently of cx-metrics.

For each 2x2 paired table (both, onlyA, onlyB, neither) and confidence level:
- the two marginal Wilson limits are the roots of the score equation (p - pi)^2 = z^2 pi (1 - pi) / n,
  found by bisection in mpmath at 50 digits (no closed form), on each side of p;
- phi is Newcombe's (1998) correlation estimate with his continuity correction (A = ad - bc:
  (A - n/2)/sqrt(M) if A > n/2, 0 if 0 <= A <= n/2, A/sqrt(M) if A < 0, 0 if a margin is 0), as
  in Fagerland, Lydersen & Laake (2014, Stat Med 33:2850) and their book (2017), section 8.5;
- the limits D -/+ sqrt(...) of Newcombe's method 10.
The tables: the 30 of ../shared/reference/r-analysis.json (paired) and a few edge cases (empty
margins, a single pair, one-sided tables, the published Bentur and Cavo examples).

Run from the repository root:  python3 scripts/reference/newcombe_paired.py
                               # -> test/fixtures/newcombe-paired.json
"""
import json
import os
import platform
import sys

import mpmath as mp

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "newcombe-paired.json")
mp.mp.dps = 50


def score_root(x, n, z, lo, hi, want_lower):
    """Bisection for g(pi) = (p - pi)^2 - z^2 pi (1 - pi)/n = 0 on [lo, hi]."""
    p = mp.mpf(x) / n

    def g(pi):
        return (p - pi) ** 2 - z * z * pi * (1 - pi) / n

    # g > 0 beyond the limit, g < 0 between the limits (strictly inside, when 0 < p < 1).
    if g(lo if want_lower else hi) <= 0:
        return lo if want_lower else hi
    a, b = (lo, p) if want_lower else (p, hi)
    for _ in range(400):
        m = (a + b) / 2
        outside = g(m) > 0
        if want_lower:
            a, b = (m, b) if outside else (a, m)
        else:
            a, b = (a, m) if outside else (m, b)
    return (a + b) / 2


def wilson(x, n, z):
    return score_root(x, n, z, mp.mpf(0), mp.mpf(1), True), score_root(x, n, z, mp.mpf(0), mp.mpf(1), False)


def newcombe_paired(both, only_a, only_b, neither, confidence):
    n = both + only_a + only_b + neither
    z = mp.sqrt(2) * mp.erfinv(mp.mpf(confidence))  # two-sided normal quantile
    p1 = mp.mpf(both + only_a) / n
    p2 = mp.mpf(both + only_b) / n
    l1, u1 = wilson(both + only_a, n, z)
    l2, u2 = wilson(both + only_b, n, z)
    margins = [both + only_a, only_b + neither, both + only_b, only_a + neither]
    if 0 in margins:
        phi = mp.mpf(0)
    else:
        root = mp.sqrt(mp.mpf(margins[0]) * margins[1] * margins[2] * margins[3])
        cross = mp.mpf(both * neither - only_a * only_b)
        if cross > mp.mpf(n) / 2:
            phi = (cross - mp.mpf(n) / 2) / root
        elif cross >= 0:
            phi = mp.mpf(0)
        else:
            phi = cross / root
    d = p1 - p2
    lower = d - mp.sqrt((p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2)
    upper = d + mp.sqrt((p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2)
    return float(d), float(max(-1, lower)), float(min(1, upper)), float(phi)


def main():
    shared = os.path.join(ROOT, "..", "shared", "reference", "r-analysis.json")
    fixture = os.path.join(ROOT, "test", "fixtures", "r-analysis.json")
    source = fixture if os.path.exists(fixture) else shared
    with open(source) as fh:
        tables = [(c["both"], c["onlyA"], c["onlyB"], c["neither"]) for c in json.load(fh)["paired"]]
    tables += [
        (59, 6, 16, 80),  # Cavo et al. (2012), Fagerland et al. (2014)
        (1, 1, 7, 12),  # Bentur et al. (2009), Fagerland et al. (2014)
        (0, 0, 0, 1), (1, 0, 0, 0), (0, 1, 0, 0), (0, 5, 0, 0), (0, 0, 3, 7), (10, 0, 0, 10),
        (3, 0, 0, 0), (0, 2, 2, 0), (50, 10, 10, 30), (500, 40, 60, 400), (2, 9, 0, 1),
    ]
    cases = []
    for t in tables:
        for confidence in (0.95, 0.9):
            d, lower, upper, phi = newcombe_paired(*t, confidence)
            cases.append({"both": t[0], "onlyA": t[1], "onlyB": t[2], "neither": t[3],
                          "confidence": confidence, "difference": d, "lower": lower, "upper": upper,
                          "phi": phi})
    out = {"generator": f"mpmath {mp.__version__}, Python {platform.python_version()}; "
                        "scripts/reference/newcombe_paired.py", "cases": cases}
    with open(OUT, "w") as fh:
        fh.write('{"generator":' + json.dumps(out["generator"]) + ',"cases":[\n')
        fh.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        fh.write("]}\n")
    print(f"{len(cases)} cases -> {OUT}")
    cavo = newcombe_paired(59, 6, 16, 80, 0.95)
    print("Cavo (published -0.0621, -0.1186 to -0.0046):", [round(v, 4) for v in cavo[:3]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
