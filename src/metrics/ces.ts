import { checkOptions } from '../options.ts';
import type { ProportionMethod } from '../stats/proportionInterval.ts';
import type { Estimate } from '../types.ts';
import type { ArrowColumn, ArrowTable } from './arrowColumn.ts';
import {
  CES_ESTIMATE_KEYS,
  CES_SUMMARY_KEYS,
  estimateCes,
  resolveCesScale,
  resolveCesSettings,
  summarizeCesOn,
} from './cesSummary.ts';
import type { ScalePoint } from './scaleSummary.ts';
import type { OtherTypes, RecordOptions, Score, ScoreAccessor } from './scores.ts';

/**
 * Which end of a CES scale is the easy one.
 *
 * @example
 * ces([1, 2, 2, 4, 5], { direction: 'lower-is-easier' }).scale // => { min: 1, max: 5, direction: 'lower-is-easier', easyThreshold: 2 }
 */
export type CesDirection = 'higher-is-easier' | 'lower-is-easier';

/**
 * Options of `ces`: the scale and which end of it is easy, the easy threshold, the interval of the
 * easy share, weights and a record accessor.
 *
 * @example
 * ces([7, 6, 5, 5, 2], { easyThreshold: 6 }).easy.value // => 0.4
 */
export interface CesOptions<T = unknown> extends CesSummaryOptions, CesIntervalOptions {
  /** Read the score from records: a property name or a function; none by default (plain scores). */
  accessor?: ScoreAccessor<T>;
  /** Records whose `type` is another survey's: `'error'` (default) or `'exclude'` (counted, warned). */
  otherTypes?: OtherTypes;
}

/**
 * Options of `summarize('ces', …)` for plain scores: the scale, which end is easy, the easy
 * threshold, weights.
 *
 * @example
 * summarize('ces', [1, 2, 5], { direction: 'lower-is-easier' }).scale // => { min: 1, max: 5, direction: 'lower-is-easier', easyThreshold: 2 }
 */
export interface CesSummaryOptions {
  /** Integer scale; 1–7 (CES 2.0) by default, 1–5 when `direction` is 'lower-is-easier'. */
  scale?: { min: number; max: number };
  /** `'higher-is-easier'` (CES 2.0, default) or `'lower-is-easier'` (the legacy 1–5 effort scale). */
  direction?: CesDirection;
  /**
   * The least easy score still counted as easy: default max − 2 when higher is easier (5–7 on
   * 1–7) and min + 1 when lower is easier (1–2 on 1–5).
   */
  easyThreshold?: number;
  /** One weight ≥ 0 per score, in input order; unweighted by default. */
  weights?: ArrayLike<number> | ArrowColumn;
}

/**
 * Options of `summarize('ces', records, …)`: those of plain scores, the accessor and what to do
 * with records of other survey types.
 *
 * @example
 * summarize('ces', [{ effort: 7 }, { effort: null }], { accessor: 'effort' }).skipped // => 1
 */
export interface CesRecordSummaryOptions<T> extends CesSummaryOptions, RecordOptions<T> {}

/**
 * The interval options of `ces`, and the options of `estimate` for a CES summary: the method of
 * the easy share's interval, `easyMethod` (the mean's, the headline, is always t, net effort's the
 * adjusted Wald), and the confidence of all three.
 *
 * @example
 * ces([7, 6, 5, 5, 2], { easyMethod: 'jeffreys' }).easy.method // => 'jeffreys'
 * ces([7, 6, 5, 5, 2], { easyMethod: 'jeffreys' }).method // => 't'
 */
export interface CesIntervalOptions {
  /** Interval for the easy share; `'wilson'` by default. */
  easyMethod?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Result of `ces`: the mean score with its t interval, the easy share, net effort and the distribution.
 *
 * @example
 * const r = ces([7, 6, 5, 5, 2])
 * r.kind // => 'ces'
 * r.distribution.map((point) => point.count) // => [0, 1, 0, 0, 2, 1, 1]
 * r.netEffort.value // => 20
 * r.scale.easyThreshold // => 5
 */
export interface CesResult extends Estimate {
  kind: 'ces';
  /** Share of easy answers with its interval. */
  easy: Estimate;
  /**
   * Net effort, in points −100…100: share of answers on the two easiest scale points minus the
   * share on the two hardest, with an adjusted-Wald (trinomial) interval.
   */
  netEffort: Estimate;
  /** Answers at every point of the scale. */
  distribution: ScalePoint[];
  skipped: number;
  scale: { min: number; max: number; direction: CesDirection; easyThreshold: number };
}

const CES_KEYS = [...CES_SUMMARY_KEYS, ...CES_ESTIMATE_KEYS];

/**
 * Customer Effort Score: the mean answer to "How easy was it to …?", with its t interval, the
 * share of easy answers, a net effort score and the distribution.
 *
 * CES 2.0 (Dixon, Freeman & Toman, "Stop Trying to Delight Your Customers", Harvard Business Review
 * 2010; CEB 2013) asks for agreement on 1–7 that the company made it easy: higher is easier, and
 * 5–7 count as easy (the default). The original CES asked for effort on 1–5 where lower is easier:
 * pass `{ direction: 'lower-is-easier' }`, which defaults the scale to 1–5 (easy = 1–2). `value` is the
 * mean in the scale's own units (so its meaning follows `direction`), with a Student t interval
 * clipped to the scale; `easy` is a Wilson interval (any proportion method, `easyMethod`);
 * `netEffort` is the share on the two easiest points minus the share on the two hardest, in points, with the
 * trinomial adjusted-Wald interval used for NPS (Rocks 2016). Skipped answers are counted, never
 * scored; weights as in `nps` (Kish's effective n). The answers are read once into a histogram
 * over the scale: `ces` is exactly `estimate(summarize('ces', …))` (docs/summaries.md).
 *
 * @param scores - integer scores on the scale, null/undefined when skipped; plain or typed arrays
 * @param options - `scale`, `direction`, `easyThreshold`, `easyMethod`, `confidence`, `weights`
 * @returns CesResult: value = mean score with interval, `easy`, `netEffort`, `distribution`,
 *   `skipped`, `scale`
 * @throws CxMetricsError EMPTY_INPUT when nothing is answered; INVALID_VALUE (with index) for a
 *   score off the scale or a record of another survey type; INVALID_OPTION for an unknown option,
 *   a bad scale, direction, threshold, easyMethod or confidence
 * @example
 * ces([7, 6, 5, 5, 2, null]).value // => 5
 * ces([7, 6, 5, 5, 2, null]).easy.value // => 0.8
 * ces([1, 2, 2, 4, 5], { scale: { min: 1, max: 5 }, direction: 'lower-is-easier' }).easy.value // => 0.6
 */
export function ces(
  scores: ArrayLike<Score> | ArrowColumn,
  options?: Omit<CesOptions, 'accessor' | 'otherTypes'>,
): CesResult;
/** CES of the column of an Apache Arrow table named by `accessor`, read from its buffers. */
export function ces(
  table: ArrowTable,
  options: Omit<CesOptions, 'accessor' | 'otherTypes'> & { accessor: string },
): CesResult;
/**
 * CES of records, reading each score with `accessor` (a property name or a function).
 *
 * @param records - objects holding a score; null/undefined ones are skipped answers
 * @param options - `accessor` (required), `otherTypes`, and the options of plain scores
 * @returns CesResult
 * @throws CxMetricsError as for scores; INVALID_VALUE for a record of another survey type
 * @example
 * ces([{ effort: 7 }, { effort: 5 }], { accessor: 'effort' }).easy.value // => 1
 */
export function ces<T extends object>(
  records: ArrayLike<T | null | undefined>,
  options: CesOptions<T> & RecordOptions<T>,
): CesResult;
export function ces(scores: unknown, options?: unknown): CesResult {
  const fn = 'ces';
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, CES_KEYS);
  const scale = resolveCesScale(fn, o);
  const settings = resolveCesSettings(fn, o);
  return estimateCes(fn, summarizeCesOn(fn, scores, scale, o), settings);
}
