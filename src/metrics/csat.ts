import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkCount, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { meanScore, type ScalePoint, tally } from './scaleSummary.ts';
import { readScores, type ScoreAccessor, type ScoreInput } from './scores.ts';

/**
 * A CSAT scale: integer answers min…max; answers ≥ satisfiedMin count as satisfied.
 *
 * @example
 * csat([7, 6, 5, 3], { scale: { min: 1, max: 7, satisfiedMin: 5 } }).scale // => { min: 1, max: 7, satisfiedMin: 5 }
 */
export interface CsatScale {
  min: number;
  max: number;
  satisfiedMin: number;
}

/**
 * Common CSAT scales with the top-2-box rule (top box on 1–3).
 *
 * @example
 * CSAT_SCALES['1-5'] // => { min: 1, max: 5, satisfiedMin: 4 }
 */
export const CSAT_SCALES = Object.freeze({
  '1-3': Object.freeze({ min: 1, max: 3, satisfiedMin: 3 }),
  '1-5': Object.freeze({ min: 1, max: 5, satisfiedMin: 4 }),
  '1-7': Object.freeze({ min: 1, max: 7, satisfiedMin: 6 }),
  '1-10': Object.freeze({ min: 1, max: 10, satisfiedMin: 9 }),
  '0-10': Object.freeze({ min: 0, max: 10, satisfiedMin: 9 }),
}) satisfies Record<string, Readonly<CsatScale>>;

/**
 * The name of a `CSAT_SCALES` preset, one of '1-3', '1-5', '1-7', '1-10' or '0-10' (`CsatOptions.scale`).
 *
 * @example
 * Object.keys(CSAT_SCALES) // => ['1-3', '1-5', '1-7', '1-10', '0-10']
 * csat([3, 2, 3], { scale: '1-3' }).value // => 2 / 3 (to 1e-15)
 */
export type CsatScalePreset = keyof typeof CSAT_SCALES;

/**
 * Interval options of `csatFromCounts`, and the interval part of `CsatOptions`.
 *
 * @example
 * csatFromCounts({ satisfied: 42, total: 50 }, { method: 'clopper-pearson' }).lower // => 0.7088736934048894 (to 1e-14)
 */
export interface CsatIntervalOptions {
  /** Interval for the satisfied share; `'wilson'` by default. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Options of `csat`: the scale and its satisfied threshold, the interval, weights and a record
 * accessor.
 *
 * @example
 * csat([7, 6, 5, 3], { scale: '1-7' }).value // => 0.5
 */
export interface CsatOptions<T = unknown> extends CsatIntervalOptions {
  /** A preset ('1-5' by default) or a custom integer scale `{ min, max, satisfiedMin? }`. */
  scale?: CsatScalePreset | { min: number; max: number; satisfiedMin?: number };
  /** Lowest satisfied score, on the scale; overrides the scale's (top-2-box) default. */
  satisfiedMin?: number;
  /** One weight ≥ 0 per score, in input order; unweighted by default. */
  weights?: ArrayLike<number>;
  /** Read the score from records: a property name or a function; none by default (plain scores). */
  accessor?: ScoreAccessor<T>;
}

/**
 * Result of `csat` and `csatFromCounts`: the satisfied share with its interval, and the answers behind it.
 *
 * @example
 * const r = csat([5, 4, 4, 3, 1, null])
 * [r.satisfied, r.n, r.skipped] // => [3, 5, 1]
 * r.scale // => { min: 1, max: 5, satisfiedMin: 4 }
 */
export interface CsatResult extends Estimate {
  /** Satisfied answers (unweighted count). */
  satisfied: number;
  /** Mean score with a t interval (absent from `csatFromCounts`, which has no scores). */
  mean?: Estimate;
  /** Answers at every point of the scale. */
  distribution: ScalePoint[];
  /** Missing answers left out. */
  skipped: number;
  scale: CsatScale;
}

/**
 * Customer Satisfaction Score: the share of answers at or above `satisfiedMin` ("top-2 box"),
 * with a confidence interval, plus the mean score and the full distribution.
 *
 * CSAT = satisfied answers / answered. Default scale 1–5 with 4–5 satisfied (the ACSI-style
 * "satisfied or very satisfied"); presets '1-3' (3), '1-5' (4–5), '1-7' (6–7), '1-10' (9–10),
 * '0-10' (9–10), or any `{ min, max, satisfiedMin }`. The share's interval is Wilson by default
 * (Wilson 1927; any `proportionInterval` method); the mean's is Student's t, clipped to the scale.
 * Skipped answers (null/undefined) are counted in `skipped`, never scored. With `weights`, shares
 * and the mean are weighted and intervals use Kish's effective n (WEIGHTED warning).
 *
 * @param scores - integer scores on the scale, null/undefined when skipped; or records with
 *   `accessor`
 * @param options - `scale`, `satisfiedMin`, `method`, `confidence`, `weights`, `accessor`
 * @returns CsatResult: value = satisfied share (0…1) with its interval, `satisfied`, `mean`,
 *   `distribution`, `skipped`, `scale`
 * @throws CxMetricsError EMPTY_INPUT when nothing is answered; INVALID_VALUE (with index) for a
 *   score off the scale; INVALID_OPTION for a bad scale, threshold, method or confidence
 * @example
 * csat([5, 4, 4, 3, 1, null]).value // => 0.6
 * csat([5, 4, 4, 3, 1, null]).mean.value // => 3.4
 */
export function csat<T = unknown>(scores: ScoreInput<T>, options: CsatOptions<T> = {}): CsatResult {
  const fn = 'csat';
  const scale = resolveCsatScale(fn, options.scale, options.satisfiedMin);
  const method = checkOneOf(fn, 'method', options.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  const read = readScores(fn, scores, {
    accessor: options.accessor,
    weights: options.weights,
    min: scale.min,
    max: scale.max,
  });
  const counted = tally(fn, read, scale.min, scale.max);
  const isSatisfied = (s: number) => s >= scale.satisfiedMin;
  const share = counted.share(isSatisfied);
  const estimate = proportionIntervalUnchecked(fn, share * counted.n, counted.n, method, confidence);
  const warnings: CxWarning[] = [...estimate.warnings];
  if (read.weighted) {
    warnings.push({
      code: 'WEIGHTED',
      message: `${fn}: weighted shares; intervals use Kish's effective sample size ${counted.n.toFixed(1)} of ${counted.answered} answers`,
    });
  }
  return printable({
    ...estimate,
    value: share,
    warnings,
    satisfied: counted.count(isSatisfied),
    mean: meanScore(fn, read, counted, scale.min, scale.max, confidence),
    distribution: counted.distribution,
    skipped: read.skipped,
    scale,
  });
}

/**
 * CSAT from tallies: `satisfied` of `total` answers, with the same interval methods as `csat`.
 * No mean or distribution (the tallies do not carry them).
 *
 * Reference: Wilson (1927), doi:10.1080/01621459.1927.10502953.
 *
 * @param counts - `{ satisfied, total }`, whole numbers with satisfied ≤ total and total ≥ 1
 * @param options - `method`, `confidence`
 * @returns CsatResult without `mean`; `distribution` is empty and `scale` the 1–5 default
 * @throws CxMetricsError INVALID_VALUE for impossible counts; EMPTY_INPUT when total is 0
 * @example
 * csatFromCounts({ satisfied: 42, total: 50 }).lower // => 0.7148578393696502 (to 1e-14)
 */
export function csatFromCounts(
  counts: { satisfied: number; total: number },
  options: CsatIntervalOptions = {},
): CsatResult {
  const fn = 'csatFromCounts';
  if (counts === null || typeof counts !== 'object') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected { satisfied, total }, got ${describe(counts)}`, {
      value: counts,
    });
  }
  const satisfied = checkCount(fn, 'satisfied', counts.satisfied);
  const total = checkCount(fn, 'total', counts.total);
  if (total === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: total is 0; expected at least one answer`);
  if (satisfied > total) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: satisfied (${satisfied}) exceeds total (${total})`, {
      value: satisfied,
    });
  }
  const method = checkOneOf(fn, 'method', options.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  return printable({
    ...proportionIntervalUnchecked(fn, satisfied, total, method, confidence),
    satisfied,
    distribution: [],
    skipped: 0,
    scale: { ...CSAT_SCALES['1-5'] },
  });
}

function resolveCsatScale(fn: string, scale: CsatOptions['scale'], satisfiedMin: number | undefined): CsatScale {
  let base: { min: number; max: number; satisfiedMin?: number };
  if (scale === undefined) base = CSAT_SCALES['1-5'];
  else if (typeof scale === 'string') {
    if (!(scale in CSAT_SCALES)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: scale is ${describe(scale)}; expected one of ${Object.keys(CSAT_SCALES)
          .map((k) => `'${k}'`)
          .join(', ')} or { min, max, satisfiedMin }`,
        { value: scale },
      );
    }
    base = CSAT_SCALES[scale as CsatScalePreset];
  } else if (scale !== null && typeof scale === 'object') base = scale;
  else
    throw new CxMetricsError('INVALID_OPTION', `${fn}: scale must be a preset name or { min, max }`, { value: scale });
  const { min, max } = base;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: scale needs integers min < max; got min ${min}, max ${max}`, {
      value: scale,
    });
  }
  // A custom scale without a threshold gets the top-2-box rule (top box on a 3-point scale).
  const threshold = satisfiedMin ?? base.satisfiedMin ?? (max - min + 1 <= 3 ? max : max - 1);
  if (!Number.isInteger(threshold) || threshold <= min || threshold > max) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: satisfiedMin is ${describe(threshold)}; expected an integer from ${min + 1} to ${max}`,
      { value: threshold },
    );
  }
  return { min, max, satisfiedMin: threshold };
}
