import { printable } from '../format/printable.ts';
import {
  type QuantileIntervalOptions,
  type QuantileIntervalResult,
  quantileIntervalResult,
} from '../stats/quantileInterval.ts';

/**
 * Distribution-free confidence interval for a population quantile from order statistics.
 *
 * The number K of observations below the p-quantile is Binomial(n, p), so [x₍ₗ₎, x₍ᵤ₎] covers it
 * with probability P(l ≤ K ≤ u − 1) for any continuous distribution (Thompson 1936; Conover,
 * Practical Nonparametric Statistics, 3rd ed., §3.2; Hahn & Meeker 1991, §5.2). The ranks are the
 * equal-tailed choice: l is the largest rank with P(K ≤ l − 1) ≤ α/2 and u the smallest with
 * P(K ≤ u − 1) ≥ 1 − α/2. Where a rank would fall outside 1…n it is clamped and the other side
 * widened until the coverage is reached, so `achievedConfidence` ≥ `confidence` whenever any
 * ranks in 1…n allow it; otherwise the widest interval [min, max] is returned with a
 * LOW_COVERAGE warning and its true (lower) coverage. The point estimate is the type-7 sample
 * quantile. With ties the coverage is at least the stated one.
 *
 * @param values - finite numbers (not mutated)
 * @param p - the quantile's probability in [0, 1], e.g. 0.5 for the median, 0.9 for p90
 * @param options - `confidence`
 * @returns Estimate plus `achievedConfidence`, `lowerRank`, `upperRank`; method
 *   `'order-statistics'`
 * @throws CxMetricsError EMPTY_INPUT for no values; INVALID_VALUE (with index) for a non-finite
 *   value or p outside [0, 1]; INVALID_OPTION for confidence outside (0, 1), options that are not
 *   a plain object, or an unknown option key
 * @example
 * const ci = quantileInterval([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], 0.5)
 * ci.lowerRank // => 2
 * ci.achievedConfidence // => 0.98828125
 */
export function quantileInterval(
  values: ArrayLike<number>,
  p: number,
  options?: QuantileIntervalOptions,
): QuantileIntervalResult {
  return printable({ kind: 'quantile', ...quantileIntervalResult('quantileInterval', values, p, options) });
}
