import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { binomialCdf } from './binomialCdf.ts';
import { quantileSorted } from './quantile.ts';
import { finiteValues } from './sample.ts';
import { checkConfidence, checkProbability } from './validate.ts';

/**
 * Options of `quantileInterval`.
 *
 * @example
 * quantileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, { confidence: 0.9 }).lowerRank // => 2
 */
export interface QuantileIntervalOptions {
  /**
   * Target confidence level in (0, 1); 0.95 by default. The interval's exact
   * coverage, `achievedConfidence`, is at least this whenever the sample allows.
   */
  confidence?: number;
}

/**
 * Result of `quantileInterval`: the interval's true coverage and the ranks it used.
 *
 * @example
 * const ci = quantileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, { confidence: 0.9 })
 * [ci.lowerRank, ci.upperRank, ci.lower, ci.upper] // => [2, 9, 2, 9]
 * ci.achievedConfidence // => 0.978515625
 */
export interface QuantileIntervalResult extends Estimate {
  kind: 'quantile';
  /** The exact binomial coverage P(l ≤ K < u), K ~ Binomial(n, p), of the ranks chosen. */
  achievedConfidence: number;
  /** 1-based ranks of the order statistics used as lower and upper bound. */
  lowerRank: number;
  upperRank: number;
}

/**
 * The computation of the public `quantileInterval` (src/intervals/quantileInterval.ts, which attaches the printed
 * one-liner): checks and all; errors name `fn`, the public function. @internal
 */
export function quantileIntervalResult(
  fn: string,

  values: ArrayLike<number>,
  p: number,
  options?: QuantileIntervalOptions,
): Omit<QuantileIntervalResult, 'kind'> {
  const opts = checkOptions(fn, options, ['confidence']);
  const sorted = finiteValues(fn, values).sort();
  checkProbability(fn, 'p', p);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const n = sorted.length;
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one value`);
  const { lowerRank, upperRank, coverage } = orderStatisticRanks(n, p, confidence);
  const warnings: CxWarning[] = [];
  if (coverage < confidence) {
    warnings.push({
      code: 'LOW_COVERAGE',
      message: `${fn}: with n = ${n} no order statistics reach ${confidence} confidence for the ${p} quantile; [min, max] covers it with probability ${coverage.toPrecision(4)}`,
    });
  }
  return {
    value: quantileSorted(sorted, p, 7),
    lower: sorted[lowerRank - 1] as number,
    upper: sorted[upperRank - 1] as number,
    confidence,
    achievedConfidence: coverage,
    lowerRank,
    upperRank,
    method: 'order-statistics',
    n,
    warnings,
  };
}

/**
 * Equal-tailed order-statistic ranks (1-based, within 1…n) for the p-quantile, and their exact
 * coverage. @internal
 */
export function orderStatisticRanks(
  n: number,
  p: number,
  confidence: number,
): { lowerRank: number; upperRank: number; coverage: number } {
  const half = (1 - confidence) / 2;
  const F = (k: number) => binomialCdf(k, n, p);
  // Binary searches: F is non-decreasing in k.
  let lo = 0; // largest l in [0, n] with F(l − 1) ≤ α/2
  let hi = n;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (F(mid - 1) <= half) lo = mid;
    else hi = mid - 1;
  }
  let l = lo;
  let a = 1; // smallest u in [1, n + 1] with F(u − 1) ≥ 1 − α/2
  let b = n + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (F(mid - 1) >= 1 - half) b = mid;
    else a = mid + 1;
  }
  let u = a;
  const coverage = () => F(u - 1) - F(l - 1);
  if (l < 1) {
    l = 1;
    if (u > n) u = n;
    else while (u < n && coverage() < confidence) u++;
  } else if (u > n) {
    u = n;
    while (l > 1 && coverage() < confidence) l--;
  }
  if (u < l) u = l;
  return { lowerRank: l, upperRank: u, coverage: Math.max(0, coverage()) };
}
