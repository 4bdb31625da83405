import { invertCdf } from './invertCdf.ts';
import { normalUpperQuantile } from './normal.ts';
import { binomialTerm, logBeta, regularizedBeta } from './special.ts';
import { checkNumber, checkProbability, checkShape } from './validate.ts';

/**
 * Beta cumulative distribution function: the regularized incomplete beta function I_x(a, b).
 *
 * Reference: Press et al. (2007), Numerical Recipes, 3rd ed., §6.4; DLMF 8.17.22; saddle-point
 * prefactor after Loader (2000).
 *
 * @param x - the point (≤ 0 gives 0, ≥ 1 gives 1)
 * @param a - first shape > 0, at most 1e10
 * @param b - second shape > 0, at most 1e10
 * @returns P(X ≤ x) for X ~ Beta(a, b)
 * @throws CxMetricsError INVALID_VALUE when x is NaN or not a number, or a shape is not a number > 0
 *   and ≤ 1e10
 * @example
 * betaCdf(0.5, 2, 2) // => 0.5 (to 1e-14)
 */
export function betaCdf(x: number, a: number, b: number): number {
  checkShape('betaCdf', 'a', a);
  checkShape('betaCdf', 'b', b);
  checkNumber('betaCdf', 'x', x);
  return regularizedBeta(x, a, b).p;
}

/**
 * Beta quantile: the x with I_x(a, b) = p.
 *
 * Newton iteration on the regularized incomplete beta function (see `invertCdf`), on the upper
 * tail above the median so both tails keep relative accuracy. Used by the Clopper–Pearson and
 * Jeffreys intervals; agrees with mpmath to 1e-10 relative for shapes from 0.5 to 1e5
 * (test/fixtures/distributions.json).
 *
 * Reference: Press et al. (2007), Numerical Recipes, 3rd ed., §6.4 and §9.4.
 *
 * @param p - probability in [0, 1]
 * @param a - first shape > 0, at most 1e10
 * @param b - second shape > 0, at most 1e10
 * @returns the quantile in [0, 1]
 * @throws CxMetricsError INVALID_VALUE when p is outside [0, 1] or a shape is not > 0 and ≤ 1e10
 * @example
 * betaQuantile(0.5, 2, 2) // => 0.5 (to 1e-15)
 */
export function betaQuantile(p: number, a: number, b: number): number {
  checkProbability('betaQuantile', 'p', p);
  checkShape('betaQuantile', 'a', a);
  checkShape('betaQuantile', 'b', b);
  return betaQuantileUnchecked(p, a, b);
}

/** @internal arguments already validated; `q` = 1 − p, exact when the caller has it */
export function betaQuantileUnchecked(p: number, a: number, b: number, q: number = 1 - p): number {
  return invertCdf(
    {
      cdf: (x) => regularizedBeta(x, a, b).p,
      sf: (x) => regularizedBeta(x, a, b).q,
      // xᵃ⁻¹(1−x)ᵇ⁻¹/B(a, b), through the same saddle-point term as the CDF.
      pdf: (x) => (binomialTerm(a, b, x, 1 - x) * a * b) / ((a + b) * x * (1 - x)),
      upper: 1,
    },
    p,
    q,
    betaStart(p, q, a, b),
  );
}

/** A normal approximation for large shapes, else the power laws of the tails. */
function betaStart(p: number, q: number, a: number, b: number): number {
  const mean = a / (a + b);
  if (a > 1 && b > 1) {
    const z = p < 0.5 ? -normalUpperQuantile(p) : normalUpperQuantile(q);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    const x = mean + z * sd;
    if (x > 0 && x < 1) return x;
  }
  // I_x(a, b) ≈ xᵃ/(a·B(a, b)) near 0 and 1 − I_x ≈ (1 − x)ᵇ/(b·B(a, b)) near 1.
  const logB = logBeta(a, b);
  if (p < 0.5) return Math.min(mean, Math.exp((Math.log(p * a) + logB) / a));
  return Math.max(mean, 1 - Math.exp((Math.log(q * b) + logB) / b));
}
