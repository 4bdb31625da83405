import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { zCritical } from './normal.ts';
import { checkConfidence, checkPositive, checkProbability } from './validate.ts';

/**
 * Options of `proportionSampleSize`.
 *
 * @example
 * proportionSampleSize(0.5, 0.05, { confidence: 0.99 }) // => 663.4896601021208 (to 1e-12)
 */
export interface SampleSizeOptions {
  /** Confidence level in (0, 1) of the planned interval; 0.95 by default. */
  confidence?: number;
}

/**
 * Sample size for estimating a proportion to within ± `halfWidth`: n = z²·p(1 − p)/h².
 *
 * The normal-approximation planning formula (Cochran 1977, Sampling Techniques, 3rd ed., §4.4),
 * as statsmodels' `samplesize_confint_proportion`; agrees with it to 1e-9. The result is not
 * rounded: recruit `Math.ceil(n)` or more. With no prior guess use p = 0.5, the worst case.
 *
 * @param proportion - anticipated proportion p in [0, 1]
 * @param halfWidth - desired half-width of the interval, in (0, 1)
 * @param options - `confidence`
 * @returns the (fractional) number of observations needed
 * @throws CxMetricsError INVALID_VALUE for p outside [0, 1] or a half-width outside (0, 1);
 *   INVALID_OPTION for confidence outside (0, 1), options that are not a plain object, or an
 *   unknown option key
 * @example
 * proportionSampleSize(0.5, 0.05) // => 384.14588206941266 (to 1e-12)
 */
export function proportionSampleSize(proportion: number, halfWidth: number, options?: SampleSizeOptions): number {
  const fn = 'proportionSampleSize';
  const opts = checkOptions(fn, options, ['confidence']);
  checkProbability(fn, 'proportion', proportion);
  checkPositive(fn, 'halfWidth', halfWidth);
  if (halfWidth >= 1) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: halfWidth is ${halfWidth}; expected a number between 0 and 1`, {
      value: halfWidth,
    });
  }
  const z = zCritical(checkConfidence(fn, opts.confidence ?? 0.95));
  return (z * z * proportion * (1 - proportion)) / (halfWidth * halfWidth);
}
