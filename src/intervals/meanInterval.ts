import { printable } from '../format/printable.ts';
import { type MeanIntervalOptions, meanIntervalResult } from '../stats/meanInterval.ts';
import type { MeanResult } from '../summary/meanFamily.ts';

/**
 * Confidence interval for a mean.
 *
 * - `'t'` (default): x̄ ± t₁₋α/₂,ₙ₋₁ · s/√n, Student (1908). Exact for normal data and close for
 *   sums of bounded scores such as CSAT/CES answers at moderate n. Agrees with scipy's
 *   `t.interval` to 1e-9 (test/fixtures).
 * - `'bootstrap-bca'`: bias-corrected and accelerated percentile bootstrap, Efron (1987),
 *   doi:10.1080/01621459.1987.10478410, with the jackknife acceleration; seeded. Better for skewed
 *   data (durations, spend) than t. O(n · resamples): refused (INVALID_OPTION, with the cost)
 *   above `MAX_BOOTSTRAP_DRAWS` = 10⁸ draws, e.g. 10⁵ values at the default 10 000 resamples.
 *
 * @param values - finite numbers, at least 2 (not mutated)
 * @param options - `confidence`, `method`, and for the bootstrap `resamples`, `seed` or `rng`
 * @returns Estimate with value = x̄, standardError = s/√n; ZERO_VARIANCE warning when all values
 *   are equal (the interval is then the single point)
 * @throws CxMetricsError INSUFFICIENT_DATA for fewer than 2 values; INVALID_VALUE (with index) for a
 *   non-finite value; INVALID_OPTION for a bad confidence, method or resamples, options that are
 *   not a plain object, an unknown option key, or a bootstrap of more than `MAX_BOOTSTRAP_DRAWS`
 *   draws (values × resamples)
 * @example
 * meanInterval([5, 7, 10]).lower // => 1.0817238539575582 (to 1e-14)
 */
export function meanInterval(values: ArrayLike<number>, options?: MeanIntervalOptions): MeanResult {
  return printable({ kind: 'mean', ...meanIntervalResult('meanInterval', values, options) });
}
