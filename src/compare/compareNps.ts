import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { type NpsCounts, type NpsOptions, type NpsResult, nps, npsFromCounts } from '../metrics/nps.ts';
import { checkNps, estimateNps } from '../metrics/npsSummary.ts';
import type { RecordOptions, Score } from '../metrics/scores.ts';
import { checkOptions } from '../options.ts';
import { clipInterval } from '../stats/interval.ts';
import { netScoreMoments } from '../stats/netScore.ts';
import { zCritical } from '../stats/normal.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { NpsSummary } from '../summary/types.ts';
import type { CxWarning, Difference } from '../types.ts';
import { warning } from '../warnings.ts';
import { twoSided } from './compareProportions.ts';

/**
 * A group: raw scores (or records, with an accessor), counts, an earlier `nps` result, or an NPS
 * summary.
 *
 * @example
 * compareNps([10, 9, 9, 7, 3], { promoters: 1, passives: 1, detractors: 3 }, { method: 'wald' }).difference // => 80
 * compareNps(summarize('nps', [10, 9, 9, 7, 3]), [10, 6, 5, 2, 1], { method: 'wald' }).difference // => 100
 */
export type NpsGroup<T = unknown> =
  | ArrayLike<Score>
  | ArrayLike<T | null | undefined>
  | NpsCounts
  | NpsResult
  | NpsSummary;

/**
 * Options of `compareNps`: the interval for the difference a − b (in NPS points), and for groups
 * given as raw scores the `nps` options `scale`, `missing` and `accessor`.
 *
 * @example
 * compareNps([10, 9, 9, 7, 3], [10, 6, 5, 2, 1], { method: 'wald' }).difference // => 100
 */
export interface CompareNpsOptions<T = unknown>
  extends Pick<NpsOptions<T>, 'scale' | 'missing' | 'accessor' | 'otherTypes'> {
  /** Interval for the difference: `'adjusted-wald'` (default) or `'wald'`. */
  method?: 'adjusted-wald' | 'wald';
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * The NPS difference: a Difference in points whose groups are NpsResults.
 *
 * @example
 * const d = compareNps({ promoters: 5, passives: 3, detractors: 2 }, { promoters: 2, passives: 3, detractors: 5 })
 * [d.a.value, d.b.value, d.difference] // => [30, -30, 60]
 */
export interface NpsDifference extends Difference {
  kind: 'difference';
  a: NpsResult;
  b: NpsResult;
  standardError: number;
}

/**
 * Difference between two independent NPS values, a − b, in points (−200…200), with a confidence
 * interval and a two-sided p-value for H0: equal NPS.
 *
 * Each group's NPS has the trinomial variance (p₊ + p₋ − (p₊ − p₋)²)/n; the groups are independent,
 * so Var(a − b) is the sum. `'adjusted-wald'` (default) first adds 0.75 promoters, 1.5 passives and
 * 0.75 detractors to each group (n + 3), centres the interval on the adjusted difference, and takes
 * the p-value from the same statistic, so the interval excludes 0 exactly when p < 1 − confidence;
 * `difference` is the unadjusted a − b. Rocks (2016), doi:10.1080/00031305.2016.1158124; Sauro &
 * Lewis, "How to statistically compare two Net Promoter Scores" (MeasuringU, 2021). `'wald'` uses
 * the observed shares.
 *
 * For two surveys of the same people (paired answers) this test is not right: it assumes
 * independent samples.
 *
 * Groups given as summaries are estimated with the same `method`, `confidence` and `missing`
 * (their own scale is kept); groups given as scores or records are read by `nps` with `scale`,
 * `missing`, `accessor` and `otherTypes`.
 *
 * @param a - first group: scores, `{ promoters, passives, detractors }`, an NpsResult or an NPS
 *   summary
 * @param b - second group, the same way
 * @param options - `method`, `confidence`, and for raw scores `scale`, `missing`
 * @returns NpsDifference: `difference`, `lower`, `upper`, `pValue`, `standardError` (points), and
 *   the two groups' NpsResults
 * @throws CxMetricsError as `nps` / `npsFromCounts` / `estimate` for bad groups; INVALID_OPTION for
 *   an unknown option, a bad method or confidence
 * @example
 * const d = compareNps({ promoters: 49, passives: 23, detractors: 18 }, { promoters: 41, passives: 30, detractors: 35 })
 * d.difference // => 28.784067085953865 (to 1e-12)
 * d.pValue < 0.05 // => true
 */
export function compareNps(
  a: ArrayLike<Score> | NpsCounts | NpsResult | NpsSummary,
  b: ArrayLike<Score> | NpsCounts | NpsResult | NpsSummary,
  options?: Omit<CompareNpsOptions, 'accessor' | 'otherTypes'>,
): NpsDifference;
/**
 * The difference of two NPS values whose groups are records, read with `accessor`.
 *
 * @param a - first group: records, or any group the plain form takes
 * @param b - second group, the same way
 * @param options - `accessor` (required), `otherTypes`, and the options of the plain form
 * @returns NpsDifference
 * @throws CxMetricsError as for the plain form
 * @example
 * compareNps([{ q: 10 }, { q: 9 }], [{ q: 3 }, { q: 9 }], { accessor: 'q', method: 'wald' }).difference // => 100
 */
export function compareNps<T extends object>(
  a: NpsGroup<T>,
  b: NpsGroup<T>,
  options: CompareNpsOptions<T> & RecordOptions<T>,
): NpsDifference;
export function compareNps(a: unknown, b: unknown, options?: unknown): NpsDifference {
  const fn = 'compareNps';
  const o = checkOptions(fn, options as CompareNpsOptions | undefined, COMPARE_NPS_KEYS);
  const method = checkOneOf(fn, 'method', o.method ?? 'adjusted-wald', ['adjusted-wald', 'wald'] as const);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  const ra = toResult(fn, 'a', a, method, confidence, o);
  const rb = toResult(fn, 'b', b, method, confidence, o);
  const adjust = method === 'adjusted-wald';
  const ma = netScoreMoments(ra.shares.promoters, ra.shares.detractors, ra.n, adjust);
  const mb = netScoreMoments(rb.shares.promoters, rb.shares.detractors, rb.n, adjust);
  const centre = ma.centre - mb.centre;
  const se = Math.sqrt(ma.variance + mb.variance);
  const z = zCritical(confidence);
  const warnings: CxWarning[] = [];
  if (se === 0) {
    warnings.push(
      warning(
        'ZERO_VARIANCE',
        `${fn}: every answer in both groups is in one category; the Wald interval has zero width`,
      ),
    );
  }
  const { lower, upper } = clipInterval(fn, 100 * (centre - z * se), 100 * (centre + z * se), -200, 200, warnings);
  return printable({
    kind: 'difference',
    difference: ra.value - rb.value,
    lower,
    upper,
    confidence,
    method,
    pValue: se === 0 ? (centre === 0 ? 1 : 0) : twoSided(centre / se),
    standardError: 100 * se,
    a: ra,
    b: rb,
    warnings,
  });
}

const COMPARE_NPS_KEYS = ['method', 'confidence', 'scale', 'missing', 'accessor', 'otherTypes'];

function toResult(
  fn: string,
  name: string,
  g: unknown,
  method: 'adjusted-wald' | 'wald',
  confidence: number,
  options: Partial<CompareNpsOptions>,
): NpsResult {
  if (g === null || typeof g !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(g)}; expected scores, counts, an NpsResult or an NPS summary`,
      { value: g },
    );
  }
  if ('kind' in g && g.kind === 'nps-summary') {
    const missing = checkOneOf(fn, 'missing', options.missing ?? 'exclude', ['exclude', 'as-passive'] as const);
    return estimateNps('nps', checkNps(`${fn}: ${name}`, g), {
      method,
      confidence,
      missing,
      resamples: 10_000,
      rng: undefined,
    });
  }
  if ('shares' in g && 'n' in g) return g as NpsResult;
  if ('promoters' in g && 'detractors' in g && !('length' in g)) {
    return npsFromCounts(g as NpsCounts, { method, confidence });
  }
  const scoreOptions: NpsOptions<object> = { method, confidence };
  if (options.scale !== undefined) scoreOptions.scale = options.scale;
  if (options.missing !== undefined) scoreOptions.missing = options.missing;
  if (options.accessor !== undefined) scoreOptions.accessor = options.accessor as never;
  if (options.otherTypes !== undefined) scoreOptions.otherTypes = options.otherTypes;
  return nps(g as ArrayLike<object>, scoreOptions as NpsOptions<object> & RecordOptions<object>);
}
