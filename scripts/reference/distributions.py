#!/usr/bin/env python3
"""Reference quantiles and CDF/SF values for normal, t, chi-square, gamma and beta.

Writes test/fixtures/distributions.json (relative to the repository root).

    python3 scripts/reference/distributions.py

Values come from two sources:

* scipy.stats (ppf, isf, cdf, sf), recorded as *_scipy fields;
* mpmath, when importable: the same quantities to 30+ significant digits, which
  are AUTHORITATIVE (fields "quantile", "cdf", "sf" are the mpmath value rounded to
  the nearest double; "*_mp" fields hold 30 significant digits as a string).
  Without mpmath, "quantile"/"cdf"/"sf" are scipy's values and "authoritative" says so.

How the mpmath values are computed
  normal  cdf = ncdf(x), sf = ncdf(-x)
  t       F(t) = I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 for t < 0, symmetric for t > 0
  chi2    P(k/2, x/2) / Q(k/2, x/2) with mpmath.gammainc(..., regularized=True)
  gamma   P(a, x) / Q(a, x) with mpmath.gammainc(..., regularized=True)
  beta    I_x(a, b) via DLMF 8.17.8, x^a (1-x)^b / (a B(a,b)) * 2F1(a+b, 1; a+1; x)
          (all-positive series; used when x <= a/(a+b), otherwise 1 - I_{1-x}(b, a)).
          mpmath.betainc(regularized=True) is not used for the fixture because its
          2F1(a, 1-b; a+1; x) series cancels catastrophically for large a and b
          (it raises "hypsum() failed to converge" for beta(5000, 5001)); the script
          checks the two agree wherever betainc does converge.
  Quantiles: mpmath.findroot (secant) on log F(x) - log p (p <= 0.5) or
  log S(x) - log(1-p) (p > 0.5; 1-p is exact in binary64 for p >= 0.5), in a
  variable u with x = u (normal, t), x = e^u (chi2, gamma, beta lower half) or
  x = 1 - e^u (beta upper half), starting from scipy's value.
  Every mpmath value is computed twice, at 50 and at 70 decimal digits, and must
  agree to 1e-40 relative; closed forms (t df 1 and 2, chi2 df 1 and 2, gamma
  shape 1, beta(1,1), beta(1/2,1/2), normal via erfinv) are checked too.

Dropping rules (counts and reasons are printed and stored under "dropped"):
  * scipy returns a non-finite value, or exactly 0 or 1 (quantile, cdf or sf) --
    except the exact-zero median of the symmetric normal and t distributions,
    whose true value is exactly 0 (kept; mpmath confirms);
  * p > 0.5 and scipy ppf(p) and isf(1-p) differ by more than 1e-13 relative.
"""

import json
import math
import os
import platform
import sys

import numpy as np
import scipy
from scipy import stats

try:
    import mpmath as mp

    HAVE_MP = True
except ImportError:  # pragma: no cover - depends on the machine
    mp = None
    HAVE_MP = False

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "distributions.json")

P_LIST = [1e-12, 1e-8, 1e-4, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
          0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999]
# Probabilities used only to place the x values of the CDF cases.
X_PLACEMENT = [("lower", 1e-15), ("lower", 1e-9), ("lower", 1e-4), ("lower", 0.01),
               ("lower", 0.2), ("lower", 0.5), ("upper", 0.2), ("upper", 0.01),
               ("upper", 1e-4), ("upper", 1e-9), ("upper", 1e-15)]
T_DF = [1, 2, 3, 4.5, 5, 10, 30, 100, 1000, 1e5, 1e7]
CHI2_DF = [0.5, 1, 2, 3, 10, 100, 1000, 8000, 8002, 20000, 1e5]
GAMMA_SHAPE = [0.01, 0.5, 1, 4000, 4001, 1e5]
BETA_AB = [(0.5, 0.5), (0.5, 10.5), (10.5, 0.5), (1, 1), (2, 5), (50, 51), (1, 1000),
           (999.5, 0.5), (5000, 5001), (0.5, 1e5 + 0.5)]

ISF_REL_TOL = 1e-13
DPS_LO, DPS_HI = 50, 70
MP_AGREE = 1e-40


def num(v):
    """JSON-friendly number: ints stay ints (df 1e5 -> 100000)."""
    v = float(v)
    return int(v) if v.is_integer() and abs(v) < 2**53 else v


# ----------------------------------------------------------------------------
# mpmath distribution functions (x is an mpf at the current working precision)
# ----------------------------------------------------------------------------

def mp_series_2f1_ab1(a, b, x):
    """2F1(a+b, 1; a+1; x) by direct summation (all terms positive; for
    x <= a/(a+b) the term ratio (a+b+k) x / (a+1+k) is < 1 and decreasing)."""
    s = term = mp.mpf(1)
    k = 0
    while True:
        term = term * (a + b + k) * x / (a + 1 + k)
        s += term
        k += 1
        if term < mp.eps * s:
            return s
        if k > 10**6:
            raise mp.libmp.NoConvergence("2F1 series")


def mp_2f1_ab1(a, b, x):
    try:
        return mp.hyp2f1(a + b, 1, a + 1, x)
    except (mp.libmp.NoConvergence, ValueError):
        # mpmath's 1-z transformation can diverge for huge a+b with x > 0.8
        # (e.g. beta(0.5, 1e5+0.5) at x = 0.1); the plain series is fine there.
        if x < mp.mpf("0.999"):
            return mp_series_2f1_ab1(a, b, x)
        raise


def mp_beta_direct(a, b, x, y):
    """I_x(a,b) by DLMF 8.17.8; y = 1 - x supplied separately."""
    return (mp.exp(a * mp.log(x) + b * mp.log(y) - mp.log(a)) / mp.beta(a, b)
            * mp_2f1_ab1(a, b, x))


def mp_beta_reg(a, b, x, y):
    if x <= 0:
        return mp.mpf(0)
    if y <= 0:
        return mp.mpf(1)
    if x * (a + b) <= a:
        return mp_beta_direct(a, b, x, y)
    return 1 - mp_beta_direct(b, a, y, x)


def mp_funcs(dist, prm):
    """Return (cdf, sf) as functions of an mpf x."""
    if dist == "normal":
        return (lambda x: mp.ncdf(x)), (lambda x: mp.ncdf(-x))
    if dist == "t":
        nu = mp.mpf(prm["df"])
        half = mp.mpf(1) / 2

        def lower_tail(t):  # P(T <= t) for t <= 0
            if t == 0:
                return half
            t2 = t * t
            return mp_beta_reg(nu / 2, half, nu / (nu + t2), t2 / (nu + t2)) / 2

        def cdf(x):
            return lower_tail(x) if x <= 0 else 1 - lower_tail(-x)

        def sf(x):
            return lower_tail(-x) if x >= 0 else 1 - lower_tail(x)

        return cdf, sf
    if dist in ("chisquare", "gamma"):
        if dist == "chisquare":
            a, scale = mp.mpf(prm["df"]) / 2, mp.mpf(2)
        else:
            a, scale = mp.mpf(prm["shape"]), mp.mpf(prm["scale"])
        return (lambda x: mp.gammainc(a, 0, x / scale, regularized=True),
                lambda x: mp.gammainc(a, x / scale, mp.inf, regularized=True))
    if dist == "beta":
        a, b = mp.mpf(prm["a"]), mp.mpf(prm["b"])
        return (lambda x: mp_beta_reg(a, b, x, 1 - x),
                lambda x: mp_beta_reg(b, a, 1 - x, x))
    raise ValueError(dist)


def mp_quantile_at(dist, prm, p, x0, dps):
    """Solve F(x) = p (p <= 0.5) or S(x) = 1 - p (p > 0.5) at `dps` digits."""
    with mp.workdps(dps):
        cdf, sf = mp_funcs(dist, prm)
        upper = p > 0.5
        if upper:
            target, fn = mp.log(mp.mpf(1.0 - p)), sf  # 1 - p exact for p >= 0.5
        else:
            target, fn = mp.log(mp.mpf(p)), cdf
        if dist in ("normal", "t"):
            if p == 0.5:
                return mp.mpf(0)
            to_x, u0 = (lambda u: u), mp.mpf(x0)
        elif dist == "beta" and upper:
            to_x, u0 = (lambda u: 1 - mp.exp(u)), mp.log(1 - mp.mpf(x0))
        else:
            to_x, u0 = mp.exp, mp.log(mp.mpf(x0))
        h = mp.mpf("1e-7") * (1 + abs(u0))
        u = mp.findroot(lambda u: mp.log(fn(to_x(u))) - target, (u0, u0 + h),
                        solver="secant", tol=mp.mpf(10) ** (-2 * dps + 10), maxsteps=200)
        x = to_x(u)
        # independent residual check, relative in probability
        resid = fn(x) / mp.exp(target) - 1
        assert abs(resid) < mp.mpf(10) ** (-dps + 12), (dist, prm, p, resid)
        return x


def mp_agree(lo, hi):
    if hi == 0:
        return lo == 0
    return abs(lo - hi) <= MP_AGREE * abs(hi)


def mp_quantile(dist, prm, p, x0):
    lo = mp_quantile_at(dist, prm, p, x0, DPS_LO)
    hi = mp_quantile_at(dist, prm, p, x0, DPS_HI)
    with mp.workdps(DPS_HI):
        if not mp_agree(lo, hi):
            raise AssertionError(f"mpmath precision check failed {dist} {prm} p={p}: "
                                 f"{mp.nstr(lo, 45)} vs {mp.nstr(hi, 45)}")
    return hi


def mp_cdf_sf(dist, prm, x):
    out = []
    for dps in (DPS_LO, DPS_HI):
        with mp.workdps(dps):
            cdf, sf = mp_funcs(dist, prm)
            xm = mp.mpf(x)
            out.append((cdf(xm), sf(xm)))
    with mp.workdps(DPS_HI):
        for k in range(2):
            if not mp_agree(out[0][k], out[1][k]):
                raise AssertionError(f"mpmath precision check failed {dist} {prm} x={x}")
        c, s = out[1]
        assert abs(c + s - 1) < mp.mpf(10) ** (-DPS_LO), (dist, prm, x)
    return c, s


def to_double(v):
    """Round an mpf to the nearest binary64 (via a 40-digit decimal string)."""
    with mp.workdps(DPS_HI):
        return float(mp.nstr(v, 40))


def digits30(v):
    with mp.workdps(DPS_HI):
        return mp.nstr(v, 30, strip_zeros=False)


def closed_form_cdf(dist, prm, x):
    """Closed-form (cdf, sf) as mpf where one exists, else None."""
    with mp.workdps(DPS_HI + 10):
        X = mp.mpf(x)
        if dist == "normal":
            return mp.erfc(-X / mp.sqrt(2)) / 2, mp.erfc(X / mp.sqrt(2)) / 2
        if dist == "t" and prm["df"] == 1:
            return mp.mpf(1) / 2 + mp.atan(X) / mp.pi, mp.mpf(1) / 2 - mp.atan(X) / mp.pi
        if dist == "t" and prm["df"] == 2:
            r = X / (2 * mp.sqrt(2 + X * X))
            return mp.mpf(1) / 2 + r, mp.mpf(1) / 2 - r
        if dist == "chisquare" and prm["df"] == 2:
            return -mp.expm1(-X / 2), mp.exp(-X / 2)
        if dist == "chisquare" and prm["df"] == 1:
            return mp.erf(mp.sqrt(X / 2)), mp.erfc(mp.sqrt(X / 2))
        if dist == "gamma" and prm["shape"] == 1:
            return -mp.expm1(-X), mp.exp(-X)
        if dist == "beta" and (prm["a"], prm["b"]) == (1, 1):
            return X, 1 - X
        if dist == "beta" and (prm["a"], prm["b"]) == (0.5, 0.5):
            return 2 * mp.asin(mp.sqrt(X)) / mp.pi, 2 * mp.asin(mp.sqrt(1 - X)) / mp.pi
    return None


def closed_form(dist, prm, p):
    """Closed-form quantile (mpf) where one exists, else None."""
    with mp.workdps(DPS_HI + 10):
        P = mp.mpf(p)
        if p > 0.5:
            P = 1 - mp.mpf(1.0 - p)  # identical value; written this way for clarity
        if dist == "normal":
            return mp.sqrt(2) * mp.erfinv(2 * P - 1)
        if dist == "t" and prm["df"] == 1:
            return mp.tan(mp.pi * (P - mp.mpf(1) / 2))
        if dist == "t" and prm["df"] == 2:
            return (2 * P - 1) / mp.sqrt(2 * P * (1 - P))
        if dist == "chisquare" and prm["df"] == 2:
            return -2 * mp.log(1 - P)
        if dist == "chisquare" and prm["df"] == 1:
            return 2 * mp.erfinv(P) ** 2
        if dist == "gamma" and prm["shape"] == 1:
            return -mp.log(1 - P)
        if dist == "beta" and (prm["a"], prm["b"]) == (1, 1):
            return P
        if dist == "beta" and (prm["a"], prm["b"]) == (0.5, 0.5):
            return mp.sin(mp.pi * P / 2) ** 2
    return None


# ----------------------------------------------------------------------------

def param_sets():
    yield "normal", {"mean": 0, "sd": 1}, stats.norm(0, 1)
    for df in T_DF:
        yield "t", {"df": num(df)}, stats.t(df)
    for df in CHI2_DF:
        yield "chisquare", {"df": num(df)}, stats.chi2(df)
    for a in GAMMA_SHAPE:
        yield "gamma", {"shape": num(a), "scale": 1}, stats.gamma(a, scale=1)
    for a, b in BETA_AB:
        yield "beta", {"a": num(a), "b": num(b)}, stats.beta(a, b)


def bad(v):
    return (not math.isfinite(v)) or v == 0.0 or v == 1.0


def round_sig(v, sig):
    if v == 0 or not math.isfinite(v):
        return v
    return float(f"{v:.{sig - 1}e}")


def place_x(dist, frozen, side, prob):
    """A 'round' x near the given tail probability (4 significant digits; for the
    upper half of beta, 1 - x is rounded instead so x does not collapse to 1)."""
    x = frozen.ppf(prob) if side == "lower" else frozen.isf(prob)
    if not math.isfinite(x):
        return None
    if dist == "beta" and x > 0.5:
        return 1.0 - round_sig(1.0 - x, 4)
    return round_sig(x, 4)


def self_checks():
    """mpmath beta implementation vs mpmath.betainc where the latter converges."""
    n = 0
    with mp.workdps(DPS_HI):
        for a, b in [(0.5, 0.5), (2, 5), (0.5, 10.5), (10.5, 0.5), (50, 51), (1, 1000),
                     (999.5, 0.5), (0.5, 1e5 + 0.5)]:
            for x in ["1e-9", "0.001", "0.1", "0.3", "0.5", "0.7", "0.9", "0.999"]:
                A, B, X = mp.mpf(a), mp.mpf(b), mp.mpf(x)
                try:
                    ref = mp.betainc(A, B, 0, X, regularized=True)
                except Exception:
                    continue
                mine = mp_beta_reg(A, B, X, 1 - X)
                assert abs(mine - ref) <= mp.mpf(10) ** -40 * max(abs(ref), mp.mpf(10) ** -300) \
                    or abs(mine - ref) < mp.mpf(10) ** -55, (a, b, x, mine, ref)
                n += 1
    return n


def main():
    gen = (f"scipy {scipy.__version__}, numpy {np.__version__}, "
           f"python {platform.python_version()}")
    if HAVE_MP:
        gen += f", mpmath {mp.__version__}"
        print(f"mpmath {mp.__version__} available: computing 30-digit values "
              f"(checked at {DPS_LO} and {DPS_HI} digits)")
        print(f"self-check: beta implementation matched mpmath.betainc in {self_checks()} cases")
    else:
        print("mpmath NOT available: scipy values are used as the reference (no 30-digit check)")

    cases, dropped = [], []
    stats_q = {}   # dist -> list of rel errors scipy ppf vs mpmath
    stats_c = {}
    closed_checked = 0
    isf_disagreements = []
    n_isf_compared, max_isf_rel = 0, 0.0
    closed_cdf_checked = 0

    for dist, prm, fr in param_sets():
        # ---------------- quantiles ----------------
        for p in P_LIST:
            q_ppf = float(fr.ppf(p))
            q_isf = float(fr.isf(1.0 - p)) if p > 0.5 else None
            base = {"dist": dist, "params": prm, "p": p}
            symmetric_median = dist in ("normal", "t") and p == 0.5
            reasons = []
            if bad(q_ppf) and not (symmetric_median and q_ppf == 0.0):
                reasons.append(f"scipy ppf returned {q_ppf!r}")
            if q_isf is not None and bad(q_isf):
                reasons.append(f"scipy isf returned {q_isf!r}")
            rel_pi = None
            if q_isf is not None and not reasons:
                rel_pi = abs(q_ppf - q_isf) / abs(q_isf)
                n_isf_compared += 1
                max_isf_rel = max(max_isf_rel, rel_pi)
                if rel_pi > ISF_REL_TOL:
                    reasons.append(f"ppf/isf disagree, rel {rel_pi:.3g}")
            if reasons:
                d = dict(base, reason="; ".join(reasons), quantile_scipy_ppf=q_ppf)
                if q_isf is not None:
                    d["quantile_scipy_isf"] = q_isf
                # for ppf/isf disagreements, find out which one was right
                if HAVE_MP and rel_pi is not None:
                    x_mp = mp_quantile(dist, prm, p, q_isf)
                    d["quantile_mp"] = digits30(x_mp)
                    xm = to_double(x_mp)
                    d["rel_err_ppf"] = abs(q_ppf - xm) / abs(xm)
                    d["rel_err_isf"] = abs(q_isf - xm) / abs(xm)
                    isf_disagreements.append(d)
                dropped.append(d)
                continue
            case = dict(base)
            if HAVE_MP:
                start = q_isf if q_isf is not None else q_ppf
                x_mp = mp_quantile(dist, prm, p, start)
                cf = closed_form(dist, prm, p)
                if cf is not None:
                    with mp.workdps(DPS_HI):
                        ok = (abs(cf - x_mp) <= mp.mpf(10) ** -40 * abs(cf)) if cf != 0 \
                            else abs(x_mp) < mp.mpf(10) ** -60
                    assert ok, ("closed form mismatch", dist, prm, p, cf, x_mp)
                    closed_checked += 1
                xd = to_double(x_mp)
                case["quantile"] = xd
                case["quantile_mp"] = digits30(x_mp)
                case["quantile_scipy_ppf"] = q_ppf
                if q_isf is not None:
                    case["quantile_scipy_isf"] = q_isf
                rel = abs(q_ppf - xd) / abs(xd) if xd != 0 else abs(q_ppf)
                stats_q.setdefault(dist, []).append((rel, dict(prm, dist=dist), p))
            else:
                case["quantile"] = q_ppf
                if q_isf is not None:
                    case["quantile_scipy_isf"] = q_isf
            cases.append(case)

        # ---------------- cdf / sf ----------------
        seen = set()
        for side, prob in X_PLACEMENT:
            x = place_x(dist, fr, side, prob)
            if x is None or x in seen:
                continue
            seen.add(x)
            c_s, s_s = float(fr.cdf(x)), float(fr.sf(x))
            base = {"dist": dist, "params": prm, "x": x}
            reasons = []
            if dist in ("chisquare", "gamma", "beta") and x <= 0:
                reasons.append("x underflowed to 0 (outside the open support)")
            if bad(c_s):
                reasons.append(f"scipy cdf returned {c_s!r}")
            if bad(s_s):
                reasons.append(f"scipy sf returned {s_s!r}")
            if reasons:
                dropped.append(dict(base, reason="; ".join(reasons)))
                continue
            case = dict(base)
            if HAVE_MP:
                c_m, s_m = mp_cdf_sf(dist, prm, x)
                cf = closed_form_cdf(dist, prm, x)
                if cf is not None:
                    with mp.workdps(DPS_HI):
                        for got, want in zip((c_m, s_m), cf):
                            assert abs(got - want) <= mp.mpf(10) ** -40 * abs(want), \
                                ("closed form cdf mismatch", dist, prm, x, got, want)
                    closed_cdf_checked += 1
                cd, sd = to_double(c_m), to_double(s_m)
                case.update({"cdf": cd, "sf": sd, "cdf_mp": digits30(c_m),
                             "sf_mp": digits30(s_m), "cdf_scipy": c_s, "sf_scipy": s_s})
                rc = abs(c_s - cd) / cd
                rs = abs(s_s - sd) / sd
                stats_c.setdefault(dist, []).append((max(rc, rs), prm, x))
            else:
                case.update({"cdf": c_s, "sf": s_s})
            cases.append(case)

    doc = {
        "generator": gen,
        "script": "scripts/reference/distributions.py",
        "authoritative": ("mpmath (30+ digits, rounded to nearest double); scipy values kept "
                          "as quantile_scipy_ppf / quantile_scipy_isf / cdf_scipy / sf_scipy")
        if HAVE_MP else "scipy (mpmath was not importable)",
        "params_convention": {
            "normal": "mean, sd", "t": "df", "chisquare": "df",
            "gamma": "shape, scale (scale = 1; rate = 1/scale)", "beta": "a, b"},
        "notes": [
            "Quantile cases have p and quantile; CDF cases have x, cdf and sf.",
            "For p > 0.5 the quantile solves sf(x) = 1 - p (exact in binary64), "
            "so it is the quantile of the double p.",
            "Exact-zero medians of normal and t are kept (true value is exactly 0).",
            "Cases were dropped as listed in 'dropped' (scipy non-finite/0/1, or "
            "ppf(p) vs isf(1-p) relative disagreement > 1e-13).",
        ],
        "cases": cases,
        "dropped": dropped,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")

    # ---------------- report ----------------
    print(f"generator: {gen}")
    print(f"wrote {OUT} ({os.path.getsize(OUT) / 1024:.0f} KiB)")
    print("cases kept per dist (quantile / cdf):")
    for dist in ("normal", "t", "chisquare", "gamma", "beta"):
        nq = sum(1 for c in cases if c["dist"] == dist and "p" in c)
        nc = sum(1 for c in cases if c["dist"] == dist and "x" in c)
        print(f"  {dist:10s} {nq:4d} / {nc:4d}")
    print(f"  total      {len(cases)}")
    print(f"dropped: {len(dropped)}")
    from collections import Counter
    kinds = Counter()
    for d in dropped:
        kind = "quantile" if "p" in d else "cdf"
        kinds[(d["dist"], str(d["params"]), kind, d["reason"])] += 1
    for (dist, prm, kind, reason), n in sorted(kinds.items()):
        print(f"  {dist} {prm} {kind}: {reason}" + (f" (x{n})" if n > 1 else ""))
    print(f"ppf(p) vs isf(1-p), p > 0.5: {n_isf_compared} compared, max relative difference "
          f"{max_isf_rel:.2e}; {len(isf_disagreements)} above {ISF_REL_TOL:g}")
    for d in isf_disagreements:
        print(f"  ppf/isf: {d['dist']} {d['params']} p={d['p']}: ppf={d['quantile_scipy_ppf']!r} "
              f"isf={d['quantile_scipy_isf']!r} mp={d.get('quantile_mp')} "
              f"rel_err ppf={d.get('rel_err_ppf', float('nan')):.2e} "
              f"isf={d.get('rel_err_isf', float('nan')):.2e}")
    if HAVE_MP:
        print(f"closed-form checks passed: {closed_checked} quantiles, "
              f"{closed_cdf_checked} cdf/sf pairs")
        print("scipy ppf vs mpmath, max relative error per dist (kept cases):")
        for dist, lst in stats_q.items():
            rel, prm, p = max(lst, key=lambda t: t[0])
            n_big = sum(1 for r in lst if r[0] > 1e-13)
            print(f"  {dist:10s} max {rel:.2e} at {prm} p={p}; cases > 1e-13: {n_big}")
        print("scipy cdf/sf vs mpmath, max relative error per dist:")
        for dist, lst in stats_c.items():
            rel, prm, x = max(lst, key=lambda t: t[0])
            n_big = sum(1 for r in lst if r[0] > 1e-13)
            print(f"  {dist:10s} max {rel:.2e} at {prm} x={x}; cases > 1e-13: {n_big}")
        worst = sorted((r for l in stats_q.values() for r in l), key=lambda t: -t[0])[:10]
        print("worst scipy ppf cases:")
        for rel, prm, p in worst:
            print(f"  {rel:.2e} {prm} p={p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
