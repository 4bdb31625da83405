"""Miettinen-Nurminen score intervals for p1 - p2, computed independently of any closed form.

statsmodels 0.13.5-0.14.x solves the restricted MLE with a wrong linear coefficient in its cubic
(statsmodels issue #10269: count0 where nobs0 belongs), so its 'score' intervals for a difference
are off (by up to ~1e-2). This script finds the restricted MLE as the root of the restricted score
equation with scipy's brentq (no cubic), applies the N/(N - 1) correction, and inverts the score
test with brentq at xtol 1e-15. Cases: the 'score' cases of statsmodels-intervals.json.

Run: python3 scripts/reference/mn_score_diff.py > test/fixtures/mn-score-diff.json
"""
import json
import sys
import warnings

import numpy as np
import scipy
from scipy import optimize, stats


def restricted_mle(x1, n1, x2, n2, delta):
    """p2 maximizing the likelihood under p1 = p2 + delta (p2 in [max(0,-delta), min(1,1-delta)])."""
    lo = max(0.0, -delta)
    hi = min(1.0, 1.0 - delta)

    def dl(p2):
        p1 = np.float64(p2) + delta  # numpy division: x/0 is ±inf, not an exception
        p2 = np.float64(p2)
        g = np.float64(0.0)
        g += x1 / p1 if x1 else 0.0
        g -= (n1 - x1) / (1 - p1) if n1 - x1 else 0.0
        g += x2 / p2 if x2 else 0.0
        g -= (n2 - x2) / (1 - p2) if n2 - x2 else 0.0
        return g

    eps = 1e-300
    a, b = lo + eps, hi - eps
    # The log-likelihood is concave, so dl is decreasing; clamp to the ends when it does not change sign.
    fa, fb = dl(a), dl(b)
    if fa <= 0:
        return a
    if fb >= 0:
        return b
    return optimize.brentq(dl, a, b, xtol=1e-16, rtol=4 * np.finfo(float).eps, maxiter=500)


def score(x1, n1, x2, n2, delta):
    p2 = restricted_mle(x1, n1, x2, n2, delta)
    p1 = p2 + delta
    n = n1 + n2
    var = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) * n / (n - 1)
    num = x1 / n1 - x2 / n2 - delta
    if var <= 0:
        return np.inf if num > 0 else -np.inf if num < 0 else 0.0
    return num / np.sqrt(var)


def interval(x1, n1, x2, n2, confidence):
    z = stats.norm.isf((1 - confidence) / 2)
    d = x1 / n1 - x2 / n2
    f = lambda v, t: score(x1, n1, x2, n2, v) - t
    lo = -1.0 if f(-1 + 1e-15, z) <= 0 else optimize.brentq(f, -1 + 1e-15, d, args=(z,), xtol=1e-15)
    hi = 1.0 if f(1 - 1e-15, -z) >= 0 else optimize.brentq(f, d, 1 - 1e-15, args=(-z,), xtol=1e-15)
    return lo, hi


warnings.simplefilter('ignore', RuntimeWarning)
np.seterr(divide='ignore', invalid='ignore')
ref = json.load(open('test/fixtures/statsmodels-intervals.json'))
cases = []
for c in ref['proportionDiff']:
    if c['method'] != 'score':
        continue
    lo, hi = interval(c['x1'], c['n1'], c['x2'], c['n2'], c['confidence'])
    cases.append({k: c[k] for k in ('x1', 'n1', 'x2', 'n2', 'confidence')} | {
        'lower': lo, 'upper': hi, 'statsmodels_lower': c['lower'], 'statsmodels_upper': c['upper']})
json.dump({
    'generator': f'scipy {scipy.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}',
    'script': 'scripts/reference/mn_score_diff.py',
    'method': 'Miettinen-Nurminen score interval for p1 - p2 with the N/(N-1) correction; restricted MLE by '
              'brentq on the restricted score equation (no closed-form cubic); inversion by brentq, xtol 1e-15',
    'why': 'statsmodels 0.13.5 score intervals for a difference use a wrong cubic coefficient (statsmodels '
           'issue #10269); its values are kept as statsmodels_lower/statsmodels_upper for comparison',
    'cases': cases,
}, sys.stdout, indent=1)
