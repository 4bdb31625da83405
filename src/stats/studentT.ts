import { invertCdf } from './invertCdf.ts';
import { normalCdf, normalUpperQuantile } from './normal.ts';
import { logBeta, regularizedBeta } from './special.ts';
import { checkNumber, checkPositive, checkProbability } from './validate.ts';

/**
 * Upper tail P(T > t) for t ≥ 0 through the regularized incomplete beta function:
 * P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.7.1), with both arguments of the
 * beta function passed exactly (ν/(ν+t²) and t²/(ν+t²)) so neither tail loses precision.
 */
function upperTail(t: number, df: number): number {
  if (t * t <= df) {
    const t2 = t * t;
    return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2)).p;
  }
  // Far tail: with s² = ν/t² < 1, x = s²/(1 + s²) never overflows t² (heavy tails of small ν
  // reach t = 1e200), and where even x underflows the leading term xᵃ/(a·B(a, ½)) of I_x(a, ½)
  // (Abramowitz & Stegun 26.5.4) is exact to double precision.
  const s = Math.sqrt(df) / t;
  const s2 = s * s;
  if (s2 > 1e-300) return 0.5 * regularizedBeta(s2 / (1 + s2), df / 2, 0.5, 1 / (1 + s2)).p;
  const logX = 2 * Math.log(s);
  return 0.5 * Math.exp((df / 2) * logX - Math.log(df / 2) - logBeta(df / 2, 0.5));
}

function density(t: number, df: number, logNorm: number): number {
  const r = t / Math.sqrt(df);
  const logTerm = Math.abs(r) > 1e150 ? 2 * Math.log(Math.abs(r)) : Math.log1p(r * r);
  return Math.exp(-((df + 1) / 2) * logTerm - logNorm);
}

/**
 * Student's t cumulative distribution function P(T ≤ t) with `df` degrees of freedom.
 *
 * From the regularized incomplete beta function (Abramowitz & Stegun 26.7.1). `df` may be
 * fractional (Welch–Satterthwaite); Infinity gives the normal.
 *
 * Reference: Abramowitz & Stegun (1964), Handbook of Mathematical Functions, 26.7.1.
 *
 * @param t - the point
 * @param df - degrees of freedom > 0
 * @returns P(T ≤ t)
 * @throws CxMetricsError INVALID_VALUE when t is NaN or not a number, or df is not > 0
 * @example
 * tCdf(2.2281388519862744, 10) // => 0.975 (to 1e-15)
 */
export function tCdf(t: number, df: number): number {
  checkPositive('tCdf', 'df', df, { allowInfinity: true });
  checkNumber('tCdf', 't', t);
  // Beyond 1e20 degrees of freedom t and the normal differ by less than rounding (about
  // t⁴/(4·df) relative), and df + t² would lose t; the series overflows near 1e308.
  if (df > 1e20) return normalCdf(t);
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/**
 * Student's t quantile: the t with P(T ≤ t) = p for `df` degrees of freedom.
 *
 * Newton iteration on the t tail (see `invertCdf`) from a Cornish–Fisher start (Abramowitz &
 * Stegun 26.7.5), with t_p = −t_{1−p} so both tails keep relative accuracy. Agrees with mpmath to
 * 1e-10 relative for df from 1 to 1e7 and p from 1e-12 to 1 − 1e-4
 * (test/fixtures/distributions.json).
 *
 * Reference: Abramowitz & Stegun (1964), 26.7.5 (Cornish–Fisher); Press et al. (2007) §9.4.
 *
 * @param p - probability in [0, 1]
 * @param df - degrees of freedom > 0 (fractional allowed; Infinity gives the normal)
 * @returns the quantile (−Infinity at 0, Infinity at 1)
 * @throws CxMetricsError INVALID_VALUE when p is outside [0, 1] or df is not > 0
 * @example
 * tQuantile(0.975, 10) // => 2.2281388519862744 (to 1e-15)
 */
export function tQuantile(p: number, df: number): number {
  checkProbability('tQuantile', 'p', p);
  checkPositive('tQuantile', 'df', df, { allowInfinity: true });
  if (p === 0.5) return 0;
  return p < 0.5 ? -tUpperQuantile(p, df) : tUpperQuantile(1 - p, df);
}

/** The t ≥ 0 with P(T > t) = q, for q in [0, 0.5]. @internal */
export function tUpperQuantile(q: number, df: number): number {
  if (q === 0) return Number.POSITIVE_INFINITY;
  if (q === 0.5) return 0;
  if (df === Number.POSITIVE_INFINITY) return normalUpperQuantile(q);
  const z = normalUpperQuantile(q);
  const z2 = z * z;
  if (df >= LARGE_DF) return cornishFisher(z, df);
  let start = z + (z * (z2 + 1)) / (4 * df) + (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df);
  if (df < 1) start = q ** (-1 / df); // power-law tail P(T > t) ∝ t^−ν
  const logNorm = 0.5 * Math.log(df) + logBeta(df / 2, 0.5);
  return invertCdf(
    {
      cdf: (t) => 1 - upperTail(t, df),
      sf: (t) => upperTail(t, df),
      pdf: (t) => density(t, df, logNorm),
      upper: Number.POSITIVE_INFINITY,
    },
    1 - q,
    q,
    start,
  );
}

/** Above this many degrees of freedom the Cornish–Fisher series is exact to double precision. */
const LARGE_DF = 1e5;

/**
 * t quantile from the normal one by the Cornish–Fisher expansion in 1/ν to the fourth order
 * (Abramowitz & Stegun 26.7.5); the omitted term is O(z¹¹/ν⁵), below 1e-16 relative for ν ≥ 1e5
 * and |z| ≤ 8. Used there because the incomplete beta function loses digits at such shapes.
 */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * (5 * z2 * z2 + 16 * z2 + 3)) / 96;
  const g3 = (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / 384;
  const g4 = (z * (79 * z2 ** 4 + 776 * z2 ** 3 + 1482 * z2 * z2 - 1920 * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
