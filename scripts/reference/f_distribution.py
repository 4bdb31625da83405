"""F distribution reference values for fCdf / fQuantile, from mpmath.

P(F <= x) = I_u(d1/2, d2/2) with u = d1 x / (d1 x + d2); the regularized incomplete beta function
is the one of distributions.py (DLMF 8.17.8 on the convergent side, 2F1 with positive terms), at
50 and again at 70 digits (the two must agree to 1e-40). Quantiles solve the tail equation on the
log scale with mpmath's secant method from scipy's value, at 70 digits, with a residual check.

R 4.2.2's qf is not used as the reference: it computes 1/qbeta(...) - 1, which returns 0 for
qf(1e-10, 1, 1) (true value 2.467e-20).

Run from the repository root:  python3 scripts/reference/f_distribution.py
                               # -> test/fixtures/f-distribution.json
"""
import json
import math
import os
import platform
import sys

sys.path.insert(0, os.path.dirname(__file__))
import mpmath as mp  # noqa: E402

from distributions import mp_beta_reg  # noqa: E402
from scipy import stats  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "f-distribution.json")

DF1 = [1, 2, 3, 4.5, 9, 29.5, 120]
DF2 = [1, 2.7, 5, 12.34, 27, 100, 1000, 1e5]
XS = [1e-4, 0.1, 0.5, 1, 2, 3.5, 10, 50, 1000]
PS = [1e-10, 0.001, 0.05, 0.5, 0.95, 0.999, 1 - 1e-10]


def num(v):
    v = float(v)
    return int(v) if v.is_integer() and abs(v) < 2**53 else v


def tails(x, d1, d2):
    """(cdf, sf) at the current precision; x, d1, d2 are mpf."""
    a, b = d1 / 2, d2 / 2
    u = d1 * x / (d1 * x + d2)
    y = d2 / (d1 * x + d2)
    return mp_beta_reg(a, b, u, y), mp_beta_reg(b, a, y, u)


def tails_checked(x, d1, d2):
    out = []
    for dps in (50, 70):
        with mp.workdps(dps):
            out.append(tails(mp.mpf(x), mp.mpf(d1), mp.mpf(d2)))
    with mp.workdps(70):
        for lo, hi in zip(out[0], out[1]):
            assert abs(lo - hi) <= mp.mpf("1e-40") * abs(hi), (x, d1, d2, lo, hi)
    return out[1]


def quantile(p, d1, d2):
    with mp.workdps(70):
        D1, D2 = mp.mpf(d1), mp.mpf(d2)
        upper = p > 0.5
        target = mp.log(mp.mpf(1 - p)) if upper else mp.log(mp.mpf(p))  # 1 - p exact for p >= 0.5

        def f(logx):
            c, s = tails(mp.exp(logx), D1, D2)
            return mp.log(s if upper else c) - target

        # Secant on log x from scipy's quantile (a starting point only; the root is mpmath's).
        start = stats.f.isf(1 - p, d1, d2) if upper else stats.f.ppf(p, d1, d2)
        if not (start > 0 and math.isfinite(start)):
            start = 1.0
        u0 = mp.log(mp.mpf(start))
        logx = mp.findroot(f, (u0, u0 + mp.mpf("1e-6")), solver="secant", tol=mp.mpf(10) ** -100, maxsteps=200)
        x = mp.exp(logx)
        c, s = tails(x, D1, D2)
        resid = (s if upper else c) / mp.exp(target) - 1
        assert abs(resid) < mp.mpf("1e-50"), (p, d1, d2, resid)
        return x


def main():
    cdf = []
    for d1 in DF1:
        for d2 in DF2:
            for x in XS:
                c, s = tails_checked(x, d1, d2)
                if c < mp.mpf("1e-300") or s < mp.mpf("1e-300"):
                    continue
                cdf.append({"x": num(x), "df1": num(d1), "df2": num(d2),
                            "cdf": float(c), "sf": float(s)})
    quantiles = []
    for d1 in DF1:
        for d2 in DF2:
            for p in PS:
                quantiles.append({"p": p, "df1": num(d1), "df2": num(d2), "quantile": float(quantile(p, d1, d2))})
    out = {
        "generator": f"mpmath {mp.__version__}, Python {platform.python_version()}; "
                     "scripts/reference/f_distribution.py",
        "cdf": cdf,
        "quantile": quantiles,
    }
    with open(OUT, "w") as fh:
        json.dump(out, fh, indent=None, separators=(",", ":"))
        fh.write("\n")
    print(f"{len(cdf)} cdf cases, {len(quantiles)} quantiles -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
