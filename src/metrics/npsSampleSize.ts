import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { zCritical } from '../stats/normal.ts';
import { checkConfidence, describe } from '../stats/validate.ts';

/**
 * Options of `npsSampleSize`: the anticipated shares and the precision wanted.
 *
 * @example
 * Math.ceil(npsSampleSize({ promoters: 0.45, detractors: 0.25, halfWidth: 5 })) // => 1015
 */
export interface NpsSampleSizeOptions {
  /** Anticipated share of promoters, 0…1. */
  promoters: number;
  /** Anticipated share of detractors, 0…1. */
  detractors: number;
  /** Desired half-width of the interval in NPS points, e.g. 5 for ±5 points. */
  halfWidth: number;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Answers needed for an NPS interval of ± `halfWidth` points:
 * n = z²·(p₊ + p₋ − (p₊ − p₋)²)/(h/100)², the trinomial variance of NPS (see `nps`).
 *
 * Planning formula on the normal approximation; the adjusted-Wald interval at that n is within a
 * fraction of a point of the target. Not rounded: collect `Math.ceil(n)` answers or more. With no
 * prior shares, p₊ = p₋ = 0.5 is the worst case (n = z²/h² × 10⁴).
 *
 * Reference: Cochran (1977), Sampling Techniques, 3rd ed., §4.4, with the NPS variance of Rocks
 * (2016), doi:10.1080/00031305.2016.1158124.
 *
 * @param options - anticipated `promoters` and `detractors` shares, `halfWidth` in points,
 *   `confidence`
 * @returns the (fractional) number of answered surveys needed
 * @throws CxMetricsError INVALID_VALUE for shares outside [0, 1] or summing past 1, or a
 *   half-width outside (0, 200); INVALID_OPTION for confidence outside (0, 1)
 * @example
 * Math.ceil(npsSampleSize({ promoters: 0.45, detractors: 0.25, halfWidth: 5 })) // => 1015
 */
export function npsSampleSize(options: NpsSampleSizeOptions): number {
  const fn = 'npsSampleSize';
  if (options === null || typeof options !== 'object') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected { promoters, detractors, halfWidth }`, {
      value: options,
    });
  }
  checkOptions(fn, options, ['promoters', 'detractors', 'halfWidth', 'confidence']);
  const { promoters, detractors, halfWidth } = options;
  for (const [name, share] of [
    ['promoters', promoters],
    ['detractors', detractors],
  ] as const) {
    if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(share)}; expected a share from 0 to 1`, {
        value: share,
      });
    }
  }
  if (promoters + detractors > 1) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: promoters + detractors is ${promoters + detractors}; shares cannot add up to more than 1`,
      { value: promoters + detractors },
    );
  }
  if (typeof halfWidth !== 'number' || !(halfWidth > 0 && halfWidth < 200)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: halfWidth is ${describe(halfWidth)}; expected points between 0 and 200`,
      {
        value: halfWidth,
      },
    );
  }
  const z = zCritical(checkConfidence(fn, options.confidence ?? 0.95));
  const d = promoters - detractors;
  const h = halfWidth / 100;
  // With no spread at all (everyone a passive, say) one answer already pins the NPS down.
  return Math.max(1, (z * z * (promoters + detractors - d * d)) / (h * h));
}
