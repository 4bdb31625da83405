import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import type { ProportionMethod } from '../stats/proportionInterval.ts';
import { proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkCount, describe } from '../stats/validate.ts';
import type { Estimate } from '../types.ts';
import type { ArrowColumn, ArrowTable } from './arrowColumn.ts';
import { CSAT_SCALES, type CsatScale, type CsatScalePreset, resolveCsatScale } from './csatScale.ts';
import {
  CSAT_ESTIMATE_KEYS,
  CSAT_SUMMARY_KEYS,
  estimateCsat,
  resolveShareSettings,
  summarizeCsatOn,
} from './csatSummary.ts';
import type { ScalePoint } from './scaleSummary.ts';
import type { OtherTypes, RecordOptions, Score, ScoreAccessor } from './scores.ts';

export { CSAT_SCALES, type CsatScale, type CsatScalePreset } from './csatScale.ts';

/**
 * Interval options of `csatFromCounts`, the interval part of `CsatOptions`, and the options of
 * `estimate` for a CSAT summary.
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
 * Options of `summarize('csat', …)` for plain scores: the scale, its satisfied threshold, weights.
 *
 * @example
 * summarize('csat', [7, 6, 2], { scale: '1-7' }).scale // => { min: 1, max: 7, satisfiedMin: 6 }
 */
export interface CsatSummaryOptions {
  /** A preset ('1-5' by default) or a custom integer scale `{ min, max, satisfiedMin? }`. */
  scale?: CsatScalePreset | { min: number; max: number; satisfiedMin?: number };
  /** Lowest satisfied score, on the scale; overrides the scale's (top-2-box) default. */
  satisfiedMin?: number;
  /** One weight ≥ 0 per score, in input order; unweighted by default. */
  weights?: ArrayLike<number> | ArrowColumn;
}

/**
 * Options of `summarize('csat', records, …)`: those of plain scores, the accessor and what to do
 * with records of other survey types.
 *
 * @example
 * summarize('csat', [{ q: 5 }, { q: 1 }], { accessor: 'q' }).counts // => [1, 0, 0, 0, 1]
 */
export interface CsatRecordSummaryOptions<T> extends CsatSummaryOptions, RecordOptions<T> {}

/**
 * Options of `csat`: the scale and its satisfied threshold, the interval, weights and a record
 * accessor.
 *
 * @example
 * csat([7, 6, 5, 3], { scale: '1-7' }).value // => 0.5
 */
export interface CsatOptions<T = unknown> extends CsatSummaryOptions, CsatIntervalOptions {
  /** Read the score from records: a property name or a function; none by default (plain scores). */
  accessor?: ScoreAccessor<T>;
  /** Records whose `type` is another survey's: `'error'` (default) or `'exclude'` (counted, warned). */
  otherTypes?: OtherTypes;
}

/**
 * Result of `csat` and `csatFromCounts`: the satisfied share with its interval, and the answers behind it.
 *
 * @example
 * const r = csat([5, 4, 4, 3, 1, null])
 * [r.kind, r.satisfied, r.n, r.skipped] // => ['csat', 3, 5, 1]
 * r.scale // => { min: 1, max: 5, satisfiedMin: 4 }
 */
export interface CsatResult extends Estimate {
  kind: 'csat';
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

const CSAT_KEYS = [...CSAT_SUMMARY_KEYS, ...CSAT_ESTIMATE_KEYS];

/**
 * Customer Satisfaction Score: the share of answers at or above `satisfiedMin` ("top-2 box"),
 * with a confidence interval, plus the mean score and the full distribution.
 *
 * CSAT = satisfied answers / answered. Default scale 1–5 with 4–5 satisfied (the ACSI-style
 * "satisfied or very satisfied"); presets '1-3' (3), '1-5' (4–5), '1-7' (6–7), '1-10' (9–10),
 * '0-10' (9–10), or any `{ min, max, satisfiedMin }`. The share's interval is Wilson by default
 * (Wilson 1927; any `proportionInterval` method); the mean's is Student's t, clipped to the scale.
 * Skipped answers (null/undefined) are counted in `skipped`, never scored. With `weights`, shares
 * and the mean are weighted and intervals use Kish's effective n (WEIGHTED warning). The answers
 * are read once into a histogram over the scale: `csat` is exactly
 * `estimate(summarize('csat', …))` (docs/summaries.md).
 *
 * @param scores - integer scores on the scale, null/undefined when skipped; plain or typed arrays
 * @param options - `scale`, `satisfiedMin`, `method`, `confidence`, `weights`
 * @returns CsatResult: value = satisfied share (0…1) with its interval, `satisfied`, `mean`,
 *   `distribution`, `skipped`, `scale`
 * @throws CxMetricsError EMPTY_INPUT when nothing is answered; INVALID_VALUE (with index) for a
 *   score off the scale or a record of another survey type; INVALID_OPTION for an unknown option,
 *   a bad scale, threshold, method or confidence
 * @example
 * csat([5, 4, 4, 3, 1, null]).value // => 0.6
 * csat([5, 4, 4, 3, 1, null]).mean.value // => 3.4
 */
export function csat(
  scores: ArrayLike<Score> | ArrowColumn,
  options?: Omit<CsatOptions, 'accessor' | 'otherTypes'>,
): CsatResult;
/** CSAT of the column of an Apache Arrow table named by `accessor`, read from its buffers. */
export function csat(
  table: ArrowTable,
  options: Omit<CsatOptions, 'accessor' | 'otherTypes'> & { accessor: string },
): CsatResult;
/**
 * CSAT of records, reading each score with `accessor` (a property name or a function).
 *
 * @param records - objects holding a score; null/undefined ones are skipped answers
 * @param options - `accessor` (required), `otherTypes`, and the options of plain scores
 * @returns CsatResult
 * @throws CxMetricsError as for scores; INVALID_VALUE for a record of another survey type
 * @example
 * csat([{ q: 5 }, { q: 2 }, { q: null }], { accessor: 'q' }).value // => 0.5
 */
export function csat<T extends object>(
  records: ArrayLike<T | null | undefined>,
  options: CsatOptions<T> & RecordOptions<T>,
): CsatResult;
export function csat(scores: unknown, options?: unknown): CsatResult {
  const fn = 'csat';
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, CSAT_KEYS);
  const scale = resolveCsatScale(fn, o.scale, o.satisfiedMin);
  const settings = resolveShareSettings(fn, o);
  return estimateCsat(fn, summarizeCsatOn(fn, scores, scale, o), settings);
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
 * @throws CxMetricsError INVALID_VALUE for impossible counts; EMPTY_INPUT when total is 0;
 *   INVALID_OPTION for an unknown option, a bad method or confidence
 * @example
 * csatFromCounts({ satisfied: 42, total: 50 }).lower // => 0.7148578393696502 (to 1e-14)
 */
export function csatFromCounts(
  counts: { satisfied: number; total: number },
  options?: CsatIntervalOptions,
): CsatResult {
  const fn = 'csatFromCounts';
  if (counts === null || typeof counts !== 'object' || Array.isArray(counts)) {
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
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, CSAT_ESTIMATE_KEYS);
  const { method, confidence } = resolveShareSettings(fn, o);
  return printable({
    kind: 'csat',
    ...proportionIntervalUnchecked(fn, satisfied, total, method, confidence),
    satisfied,
    distribution: [],
    skipped: 0,
    scale: { ...CSAT_SCALES['1-5'] },
  });
}
