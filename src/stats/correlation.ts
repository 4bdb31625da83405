import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { zCritical } from './normal.ts';
import { finiteValues } from './sample.ts';
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

/** `pearsonCorrelation` without the printed one-liner (src/intervals/correlation.ts); errors name `fn`. @internal */
export function pearsonCorrelationResult(
  fn: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: CorrelationOptions = {},
): CorrelationResult {
  const confidence = checkConfidence(fn, checkOptions(fn, options, ['confidence']).confidence ?? 0.95);
  const [xs, ys] = pairs(fn, x, y);
  return correlationResult(fn, 'pearson', productMoment(xs, ys), xs.length, confidence, 1, 'fisher-z');
}

/** `spearmanCorrelation` without the printed one-liner (src/intervals/correlation.ts); errors name `fn`. @internal */
export function spearmanCorrelationResult(
  fn: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: SpearmanOptions = {},
): CorrelationResult {
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
  // finiteValues checks the length and every element before it allocates, so an array-like of
  // absurd length fails as INVALID_VALUE rather than a RangeError from `new Array`.
  return Array.from(finiteValues(fn, values, name), (v) => v + 0); // −0 → 0
}
