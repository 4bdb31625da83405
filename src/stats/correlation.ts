import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { zCritical } from './normal.ts';
import { regularizedBeta } from './special.ts';
import { checkConfidence, checkOneOf, describe } from './validate.ts';

/**
 * The Fisher-z variance of Spearman's rho: `'bonett-wright'` (default) (1 + ρ²/2)/(n − 3), or
 * `'fieller'` 1.06/(n − 3).
 *
 * @example
 * SPEARMAN_VARIANCES // => ['bonett-wright', 'fieller']
 * spearmanCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], { variance: 'fieller' }).method // => 'fisher-z-fieller'
 */
export type SpearmanVariance = 'bonett-wright' | 'fieller';

/**
 * The variance choices of `spearmanCorrelation`, default first.
 *
 * @example
 * SPEARMAN_VARIANCES[0] // => 'bonett-wright'
 */
export const SPEARMAN_VARIANCES: readonly SpearmanVariance[] = ['bonett-wright', 'fieller'];

/**
 * Options of `pearsonCorrelation`.
 *
 * @example
 * pearsonCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], { confidence: 0.9 }).confidence // => 0.9
 */
export interface CorrelationOptions {
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Options of `spearmanCorrelation`.
 *
 * @example
 * spearmanCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], { variance: 'fieller', confidence: 0.9 }).confidence // => 0.9
 */
export interface SpearmanOptions extends CorrelationOptions {
  /** Fisher-z variance of rho: `'bonett-wright'` (default) or `'fieller'`. */
  variance?: SpearmanVariance;
}

/**
 * A correlation coefficient with its Fisher-z interval and the test of no correlation.
 *
 * @example
 * const r = pearsonCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])
 * [r.kind, r.coefficient, r.method, r.n, r.df] // => ['correlation', 'pearson', 'fisher-z', 5, 3]
 */
export interface CorrelationResult extends Estimate {
  kind: 'correlation';
  /** Which coefficient `value` is. */
  coefficient: 'pearson' | 'spearman';
  /** The interval: `'fisher-z'` (Pearson), `'fisher-z-bonett-wright'` or `'fisher-z-fieller'` (Spearman). */
  method: string;
  /** Two-sided p-value for H0: no correlation, from t with n − 2 degrees of freedom. */
  pValue: number;
  /** t = r·√((n − 2)/(1 − r²)); ±Infinity when |r| = 1. */
  statistic: number;
  /** Degrees of freedom of t, n − 2. */
  df: number;
}

/**
 * Pearson's product-moment correlation of paired values, with the Fisher-z confidence interval
 * and the t test of no correlation.
 *
 * r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), two passes (the means first). Interval:
 * tanh(atanh(r) ∓ z/√(n − 3)) (Fisher 1921); p-value: t = r√((n − 2)/(1 − r²)) on n − 2 degrees
 * of freedom, two-sided, computed as I_{1−r²}((n − 2)/2, ½) so it keeps its precision for strong
 * correlations. `standardError` is the delta-method (1 − r²)/√(n − 3). Agrees with R's
 * `cor.test(x, y, method = 'pearson')` to 1e-12 (test/fixtures/r-correlation.json).
 * References: Pearson (1896), doi:10.1098/rsta.1896.0007; Fisher (1921), "On the 'probable
 * error' of a coefficient of correlation deduced from a small sample", Metron 1, 3–32.
 *
 * @param x - values, finite numbers
 * @param y - paired values, as many as x
 * @param options - `confidence` (0.95)
 * @returns CorrelationResult: value = r in [−1, 1], lower, upper, n, pValue, statistic, df
 * @throws CxMetricsError INVALID_VALUE (with index) for a value that is not a finite number or
 *   arrays of different lengths; INSUFFICIENT_DATA for fewer than 4 pairs or a constant x or y
 *   (no correlation is defined); INVALID_OPTION for a bad option
 * @example
 * const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1]
 * const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8]
 * const r = pearsonCorrelation(x, y)
 * r.value // => 0.5711816 (to 1e-7) (as R's cor.test)
 * r.lower // => -0.1497426 (to 1e-7)
 * r.upper // => 0.8955795 (to 1e-7)
 * r.pValue // => 0.1081731 (to 1e-6)
 */
export function pearsonCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: CorrelationOptions = {},
): CorrelationResult {
  const fn = 'pearsonCorrelation';
  const confidence = checkConfidence(fn, checkOptions(fn, options, ['confidence']).confidence ?? 0.95);
  const [xs, ys] = pairs(fn, x, y);
  return correlationResult(fn, 'pearson', productMoment(xs, ys), xs.length, confidence, 1, 'fisher-z');
}

/**
 * Spearman's rank correlation rho of paired values (ties get average ranks), with a Fisher-z
 * confidence interval and the t test of no correlation.
 *
 * rho = Pearson's r of the mid-ranks (tied values share the mean of their ranks; Spearman 1904),
 * so ties in Likert-scale ratings are handled. Interval: tanh(atanh(rho) ∓ z·√(v/(n − 3))) with
 * v = 1 + rho²/2 (`'bonett-wright'`, Bonett & Wright 2000, doi:10.1007/BF02294183: accurate for
 * |rho| up to about 0.9) or v = 1.06 (`'fieller'`, Fieller, Hartley & Pearson 1957,
 * doi:10.1093/biomet/44.3-4.470; the two are close for |rho| < 0.5). p-value: t = rho√((n − 2)/(1 − rho²))
 * on n − 2 degrees of freedom, as R's `cor.test(x, y, method = 'spearman', exact = FALSE)` — the
 * asymptotic test R uses whenever there are ties (R's exact permutation p-value for n < 1290
 * without ties is not computed here). `standardError` is (1 − rho²)·√(v/(n − 3)), as statpsych's
 * `ci.spear`. Agrees with R to 1e-12 (test/fixtures/r-correlation.json).
 *
 * @param x - values, finite numbers (e.g. ratings of a touchpoint, 1–5)
 * @param y - paired values, as many as x (e.g. the same respondents' NPS answers, 0–10)
 * @param options - `variance` ('bonett-wright'), `confidence` (0.95)
 * @returns CorrelationResult: value = rho in [−1, 1], lower, upper, n, pValue, statistic, df
 * @throws CxMetricsError INVALID_VALUE (with index) for a value that is not a finite number or
 *   arrays of different lengths; INSUFFICIENT_DATA for fewer than 4 pairs or a constant x or y;
 *   INVALID_OPTION for a bad option
 * @example
 * const y = [21, 4, 9, 12, 35, 18, 10, 22, 24, 1, 6, 8, 13, 16, 19]
 * const x = [67, 28, 30, 28, 52, 40, 25, 37, 44, 10, 14, 20, 28, 40, 51]
 * const rho = spearmanCorrelation(x, y)
 * rho.value // => 0.8699639 (to 1e-7) (as statpsych's ci.spear)
 * rho.lower // => 0.5840951 (to 1e-7)
 * rho.upper // => 0.9638297 (to 1e-7)
 * rho.standardError // => 0.08241326 (to 1e-7)
 */
export function spearmanCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: SpearmanOptions = {},
): CorrelationResult {
  const fn = 'spearmanCorrelation';
  const opts = checkOptions(fn, options, ['confidence', 'variance']);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const variance = checkOneOf(fn, 'variance', opts.variance ?? 'bonett-wright', SPEARMAN_VARIANCES);
  const [xs, ys] = pairs(fn, x, y);
  const rho = clamp(productMoment(midRanks(xs), midRanks(ys)));
  const v = variance === 'fieller' ? 1.06 : 1 + (rho * rho) / 2;
  return correlationResult(fn, 'spearman', rho, xs.length, confidence, v, `fisher-z-${variance}`);
}

/** The estimate, interval and test for a coefficient r of n pairs, Fisher-z variance v/(n − 3). @internal */
export function correlationResult(
  fn: string,
  coefficient: 'pearson' | 'spearman',
  coefficientValue: number,
  n: number,
  confidence: number,
  v: number,
  method: string,
): CorrelationResult {
  const r = clamp(coefficientValue);
  const df = n - 2;
  // 1 − r² as (1 − r)(1 + r): exact where r is near ±1.
  const residual = (1 - r) * (1 + r);
  const spread = zCritical(confidence) * Math.sqrt(v / (n - 3));
  const z = Math.atanh(r);
  const warnings: CxWarning[] = [];
  if (residual === 0) {
    warnings.push({
      code: 'ZERO_VARIANCE',
      message: `${fn}: the ${coefficient === 'pearson' ? 'points lie exactly on a line' : 'ranks agree exactly'} (|r| = 1): the t statistic is infinite and the interval is the point itself`,
    });
  }
  return {
    kind: 'correlation',
    coefficient,
    value: r,
    lower: residual === 0 ? r : Math.tanh(z - spread),
    upper: residual === 0 ? r : Math.tanh(z + spread),
    confidence,
    method,
    n,
    standardError: residual * Math.sqrt(v / (n - 3)),
    // P(|T| > |t|) = I_{1−r²}(df/2, ½) (Abramowitz & Stegun 26.7.1 with t² = df·r²/(1 − r²)).
    pValue: residual === 0 ? 0 : regularizedBeta(residual, df / 2, 0.5, r * r).p,
    statistic: residual === 0 ? Math.sign(r) * Number.POSITIVE_INFINITY : r * Math.sqrt(df / residual),
    df,
    warnings,
  };
}

/**
 * Pearson's r of paired values, two passes: the means, then the centred cross products and
 * squares (no cancellation from Σxy − n·x̄·ȳ). The caller has checked the lengths (≥ 4, equal) and
 * that neither side is constant.
 */
function productMoment(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += x[i] as number;
    sumY += y[i] as number;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1…n of the values, ties sharing the mean of the ranks they span (mid-ranks). */
function midRanks(values: readonly number[]): number[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end] as number] === values[order[start] as number]) end++;
    // Positions start…end−1 hold one value: each gets the mean rank (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}

function clamp(r: number): number {
  return Math.max(-1, Math.min(1, r));
}

/** Both arrays checked (finite numbers, same length, ≥ 4 pairs, neither constant) and copied. */
function pairs(fn: string, x: ArrayLike<number>, y: ArrayLike<number>): [number[], number[]] {
  const xs = finite(fn, 'x', x);
  const ys = finite(fn, 'y', y);
  if (xs.length !== ys.length) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: x has ${xs.length} values and y ${ys.length}; expected pairs (the same length)`,
    );
  }
  if (xs.length < 4) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: ${xs.length} pair(s); expected at least 4 (the Fisher-z interval needs n − 3 > 0)`,
    );
  }
  for (const [name, values] of [
    ['x', xs],
    ['y', ys],
  ] as const) {
    if (values.every((v) => v === values[0])) {
      throw new CxMetricsError(
        'INSUFFICIENT_DATA',
        `${fn}: every ${name} is ${values[0]}; a correlation needs values that vary`,
      );
    }
  }
  return [xs, ys];
}

function finite(fn: string, name: string, values: ArrayLike<number>): number[] {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(values)}; expected an array of numbers`, {
      value: values,
    });
  }
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${name} at index ${i} is ${describe(v)}; expected a finite number`,
        { index: i, value: v },
      );
    }
    out[i] = v + 0; // −0 → 0
  }
  return out;
}
