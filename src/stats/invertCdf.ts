/**
 * Quantile of a distribution on (0, upper] by inverting an accurate CDF: safeguarded Newton
 * iteration in log x on the log of the tail.
 *
 * Quantile approximations are only starting points; the answer is the root of the CDF itself, so
 * the quantile is as accurate as the CDF. Working on log F below the median and on −log S above
 * it (S computed directly, not as 1 − F) keeps relative accuracy for tail probabilities down to
 * 1e-300; working in log x reaches quantiles as small as 1e-300 in a few steps and makes
 * power-law tails (F ∝ xᵃ, S ∝ x⁻ᵛ) nearly linear. A bracket kept alongside falls back to
 * bisection whenever a Newton step would leave it.
 *
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed., §9.4 ("rtsafe").
 *
 * @internal
 */
export interface PositiveDistribution {
  /** Lower tail P(X ≤ x), increasing. */
  cdf: (x: number) => number;
  /** Upper tail P(X > x), computed directly. */
  sf: (x: number) => number;
  /** Density at x. */
  pdf: (x: number) => number;
  /** Upper end of the support (1 for beta, Infinity otherwise); the lower end is 0. */
  upper: number;
}

const MAX_ITERATIONS = 400;

/**
 * @param p - lower-tail probability
 * @param q - the upper-tail probability 1 − p, exact when the caller has it (a tiny upper tail
 *   such as 1e-12 does not survive the round trip through p = 1 − q)
 * @param start - a starting guess in (0, upper)
 */
export function invertCdf(dist: PositiveDistribution, p: number, q: number, start: number): number {
  if (p <= 0) return 0;
  if (q <= 0) return dist.upper;
  // Below the median solve log F(x) = log p; above it solve −log S(x) = −log q. Both sides
  // increase with x, so one bracketing scheme serves.
  const lowerSide = p <= 0.5;
  const target = lowerSide ? Math.log(p) : -Math.log(q);
  const h = lowerSide ? (x: number) => Math.log(dist.cdf(x)) : (x: number) => -Math.log(dist.sf(x));
  // d h / d log x
  const slope = lowerSide
    ? (x: number) => (x * dist.pdf(x)) / dist.cdf(x)
    : (x: number) => (x * dist.pdf(x)) / dist.sf(x);

  let lo = Number.NEGATIVE_INFINITY; // bracket in u = log x
  let hi = Math.log(dist.upper);
  let u = start > 0 && start < dist.upper ? Math.log(start) : Math.min(hi - 1, 0);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const x = Math.exp(u);
    const hx = h(x);
    if (hx === target) return x;
    if (Number.isNaN(hx)) return Number.NaN;
    if (hx < target) lo = u;
    else hi = u;
    let next = u - (hx - target) / slope(x);
    if (!(next > lo && next < hi)) next = bisect(lo, hi, u);
    if (Math.abs(next - u) <= 2 * Number.EPSILON * Math.max(1, Math.abs(u))) return Math.exp(next);
    u = next;
  }
  return Math.exp(u);
}

function bisect(lo: number, hi: number, u: number): number {
  if (lo === Number.NEGATIVE_INFINITY) return u - Math.max(1, Math.abs(u));
  if (hi === Number.POSITIVE_INFINITY) return u + Math.max(1, Math.abs(u));
  return lo + (hi - lo) / 2;
}
