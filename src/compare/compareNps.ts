import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { type NpsCounts, type NpsOptions, type NpsResult, nps, npsFromCounts } from '../metrics/nps.ts';
import type { ScoreInput } from '../metrics/scores.ts';
import { clipInterval } from '../stats/interval.ts';
import { zCritical } from '../stats/normal.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning, Difference } from '../types.ts';
import { twoSided } from './compareProportions.ts';

/**
 * A group: raw scores, counts, or an earlier `nps` result.
 *
 * @example
 * compareNps([10, 9, 9, 7, 3], { promoters: 1, passives: 1, detractors: 3 }, { method: 'wald' }).difference // => 80
 */
export type NpsGroup<T = unknown> = ScoreInput<T> | NpsCounts | NpsResult;

/**
 * Options of `compareNps`: the interval for the difference a − b (in NPS points), and for groups
 * given as raw scores the `nps` options `scale`, `missing` and `accessor`.
 *
 * @example
 * compareNps([10, 9, 9, 7, 3], [10, 6, 5, 2, 1], { method: 'wald' }).difference // => 100
 */
export interface CompareNpsOptions<T = unknown> extends Pick<NpsOptions<T>, 'scale' | 'missing' | 'accessor'> {
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
 * @param a - first group: scores, `{ promoters, passives, detractors }`, or an NpsResult
 * @param b - second group, the same way
 * @param options - `method`, `confidence`, and for raw scores `scale`, `missing`, `accessor`
 * @returns NpsDifference: `difference`, `lower`, `upper`, `pValue`, `standardError` (points), and
 *   the two groups' NpsResults
 * @throws CxMetricsError as `nps` / `npsFromCounts` for bad groups; INVALID_OPTION for a bad method
 *   or confidence
 * @example
 * const d = compareNps({ promoters: 49, passives: 23, detractors: 18 }, { promoters: 41, passives: 30, detractors: 35 })
 * d.difference // => 28.784067085953865 (to 1e-12)
 * d.pValue < 0.05 // => true
 */
export function compareNps<T = unknown>(
  a: NpsGroup<T>,
  b: NpsGroup<T>,
  options: CompareNpsOptions<T> = {},
): NpsDifference {
  const fn = 'compareNps';
  const method = checkOneOf(fn, 'method', options.method ?? 'adjusted-wald', ['adjusted-wald', 'wald'] as const);
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  const ra = toResult(fn, 'a', a, method, confidence, options);
  const rb = toResult(fn, 'b', b, method, confidence, options);
  const adjust = method === 'adjusted-wald';
  const moments = (r: NpsResult) => {
    const n = r.n;
    const nn = adjust ? n + 3 : n;
    const pp = adjust ? (r.shares.promoters * n + 0.75) / nn : r.shares.promoters;
    const pd = adjust ? (r.shares.detractors * n + 0.75) / nn : r.shares.detractors;
    const centre = pp - pd;
    return { centre, variance: Math.max(0, pp + pd - centre * centre) / nn };
  };
  const ma = moments(ra);
  const mb = moments(rb);
  const centre = ma.centre - mb.centre;
  const se = Math.sqrt(ma.variance + mb.variance);
  const z = zCritical(confidence);
  const warnings: CxWarning[] = [];
  if (se === 0) {
    warnings.push({
      code: 'ZERO_VARIANCE',
      message: `${fn}: every answer in both groups is in one category; the Wald interval has zero width`,
    });
  }
  const { lower, upper } = clipInterval(fn, 100 * (centre - z * se), 100 * (centre + z * se), -200, 200, warnings);
  return printable({
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

function toResult<T>(
  fn: string,
  name: string,
  g: NpsGroup<T>,
  method: 'adjusted-wald' | 'wald',
  confidence: number,
  options: CompareNpsOptions<T>,
): NpsResult {
  if (g === null || typeof g !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(g)}; expected scores, counts or an NpsResult`,
      {
        value: g,
      },
    );
  }
  if ('shares' in g && 'n' in g) return g;
  if ('promoters' in g && 'detractors' in g && !('length' in g)) return npsFromCounts(g, { method, confidence });
  const scoreOptions: NpsOptions<T> = { method, confidence };
  if (options.scale !== undefined) scoreOptions.scale = options.scale;
  if (options.missing !== undefined) scoreOptions.missing = options.missing;
  if (options.accessor !== undefined) scoreOptions.accessor = options.accessor;
  return nps(g as ScoreInput<T>, scoreOptions);
}
