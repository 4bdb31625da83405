import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { NET_SCORE_METHODS, resolveNetScoreSettings } from '../stats/netScore.ts';
import { checkCount, describe } from '../stats/validate.ts';
import type { Estimate, RandomOptions } from '../types.ts';
import type { ArrowColumn, ArrowTable } from './arrowColumn.ts';
import { NPS_SCALE, type NpsScale, resolveNpsScale } from './npsScale.ts';
import {
  estimateNps,
  NPS_ESTIMATE_KEYS,
  NPS_SUMMARY_KEYS,
  npsResult,
  resolveNpsEstimate,
  summarizeNpsOn,
} from './npsSummary.ts';
import type { OtherTypes, RecordOptions, Score, ScoreAccessor } from './scores.ts';

export { type NpsSampleSizeOptions, npsSampleSize } from './npsSampleSize.ts';
export { NPS_SCALE, type NpsScale } from './npsScale.ts';

/**
 * Interval methods for NPS.
 *
 * @example
 * NPS_METHODS // => ['adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes']
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { method: 'wald' }).method // => 'wald'
 */
export type NpsMethod = 'adjusted-wald' | 'wald' | 'tango' | 'bootstrap' | 'bayes';
/**
 * The NPS interval methods, default first: adjusted Wald, Wald, Tango's score, bootstrap and
 * Bayesian (each described under `nps` and in docs/nps.md). `nps` and `npsFromCounts` check their
 * `method` option against this list.
 *
 * @example
 * NPS_METHODS.includes('tango') // => true
 */
export const NPS_METHODS: readonly NpsMethod[] = NET_SCORE_METHODS;

/**
 * Answers per NPS group: the input of `npsFromCounts`, and a group of `compareNps`. Whole numbers
 * ≥ 0, not all 0.
 *
 * @example
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }).value // => 30
 */
export interface NpsCounts {
  /** Number of promoters (9–10 on the standard scale). */
  promoters: number;
  /** Number of passives (7–8 on the standard scale). */
  passives: number;
  /** Number of detractors (0–6 on the standard scale). */
  detractors: number;
}

/**
 * Interval options of `npsFromCounts`, and the interval part of `NpsOptions`.
 *
 * @example
 * const counts = { promoters: 5, passives: 3, detractors: 2 }
 * npsFromCounts(counts, { method: 'tango', confidence: 0.9 }).method // => 'tango'
 * const boot = { method: 'bootstrap', resamples: 1000, seed: 1 }
 * npsFromCounts(counts, boot).lower === npsFromCounts(counts, boot).lower // => true
 */
export interface NpsIntervalOptions extends RandomOptions {
  /** Interval method; `'adjusted-wald'` by default. */
  method?: NpsMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
  /** Resamples (bootstrap) or posterior draws (bayes); 10 000 by default. */
  resamples?: number;
}

/**
 * Options of `estimate` for an NPS summary: the interval, and what skipped answers count as.
 *
 * @example
 * const s = summarize('nps', [10, null, 3])
 * estimate(s, { missing: 'as-passive' }).n // => 3
 * estimate(s, { method: 'tango' }).method // => 'tango'
 */
export interface NpsEstimateOptions extends NpsIntervalOptions {
  /** Skipped answers (null/undefined): left out (default) or counted as passives. */
  missing?: 'exclude' | 'as-passive';
}

/**
 * Options of `summarize('nps', …)` for plain scores: the scale and cut-offs, and weights.
 *
 * @example
 * summarize('nps', [5, 1], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } }).counts // => [1, 0, 0, 0, 1]
 */
export interface NpsSummaryOptions {
  /** Scale and cut-offs; the 0–10 scale with 0–6 / 7–8 / 9–10 by default. */
  scale?: Partial<NpsScale>;
  /** One weight ≥ 0 per score (survey or post-stratification weights). */
  weights?: ArrayLike<number> | ArrowColumn;
}

/**
 * Options of `summarize('nps', records, …)`: those of plain scores, the accessor and what to do
 * with records of other survey types.
 *
 * @example
 * summarize('nps', [{ q: 10 }, { q: null }], { accessor: 'q' }).skipped // => 1
 */
export interface NpsRecordSummaryOptions<T> extends NpsSummaryOptions, RecordOptions<T> {}

/**
 * Options of `nps`: the scale and cut-offs, skipped answers, weights, a record accessor and the interval.
 *
 * @example
 * nps([{ score: 10 }, { score: null }], { accessor: 'score', missing: 'as-passive' }).value // => 50
 * nps([{ score: 10 }, { score: null }], { accessor: 'score' }).value // => 100
 * nps([5, 5, 4, 1], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } }).value // => 25
 */
export interface NpsOptions<T = unknown> extends NpsSummaryOptions, NpsEstimateOptions {
  /** Read the score from records: a property name or a function. */
  accessor?: ScoreAccessor<T>;
  /** Records whose `type` is another survey's: `'error'` (default) or `'exclude'` (counted, warned). */
  otherTypes?: OtherTypes;
}

/**
 * Result of `nps` and `npsFromCounts`: NPS in points (−100…100) with its interval, and the group counts and shares.
 *
 * @example
 * const r = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 })
 * r.kind // => 'nps'
 * r.detractors // => 2
 * r.shares // => { promoters: 0.5, passives: 0.3, detractors: 0.2 }
 */
export interface NpsResult extends Estimate {
  kind: 'nps';
  method: NpsMethod;
  standardError: number;
  /** Answers in each group (unweighted counts). */
  promoters: number;
  passives: number;
  detractors: number;
  /** Shares of each group, 0…1 (weighted when weights are given). */
  shares: { promoters: number; passives: number; detractors: number };
  /** Missing answers left out of n. */
  skipped: number;
  /** The scale and cut-offs used. */
  scale: NpsScale;
}

const NPS_KEYS = [...NPS_SUMMARY_KEYS, ...NPS_ESTIMATE_KEYS];
const INTERVAL_KEYS = ['method', 'confidence', 'resamples', 'seed', 'rng'];

/**
 * Net Promoter Score with a confidence interval: NPS = 100 · (share of promoters − share of
 * detractors), in points from −100 to 100.
 *
 * On the standard 0–10 scale, 9–10 are promoters, 7–8 passives, 0–6 detractors (Reichheld 2003,
 * "The One Number You Need to Grow", Harvard Business Review); set `scale` for other cut-offs.
 * Skipped answers (null/undefined) are left out and counted in `skipped`, or counted as passives
 * with `missing: 'as-passive'`. The variance is the trinomial one,
 * Var(NPS) = (p₊ + p₋ − (p₊ − p₋)²)/n (in −1…1 units); treating the two shares as independent
 * overstates the variance by 2p₊p₋/n.
 *
 * Interval methods (see docs/nps.md):
 * - `'adjusted-wald'` (default): add 0.75 detractors, 1.5 passives and 0.75 promoters (n + 3),
 *   then Wald on the adjusted shares, clipped to [−100, 100]; the point estimate stays the
 *   unadjusted NPS. Because the interval is centred on the adjusted NPS, it can exclude the sample
 *   NPS when nearly every answer is in one extreme group: at 95% only for n = 1, below about 84%
 *   confidence at any n (an ESTIMATE_OUTSIDE_INTERVAL warning says so). Rocks (2016), "Interval estimation for the 'net promoter score'", The American
 *   Statistician 70(4):365–372, doi:10.1080/00031305.2016.1158124; Sauro & Lewis, Quantifying the
 *   User Experience (2nd ed., 2016).
 * - `'wald'`: NPS ± z·√Var. Zero width when every answer is in one group.
 * - `'tango'`: score interval for a difference of two multinomial shares, inverting the score test
 *   with the restricted MLE (Tango 1998, Statistics in Medicine 17:891–908,
 *   doi:10.1002/(SICI)1097-0258(19980430)17:8<891::AID-SIM780>3.0.CO;2-B). Stays inside [−100, 100].
 * - `'bootstrap'`: percentile interval of NPS over `resamples` multinomial draws from the observed
 *   shares (seeded); each draw costs O(1), so the cost does not grow with n.
 * - `'bayes'`: equal-tailed credible interval of p₊ − p₋ under the Dirichlet(1, 1, 1) posterior,
 *   from `resamples` seeded draws. The posterior shrinks towards 0, so with few answers the interval
 *   need not contain the sample NPS (an ESTIMATE_OUTSIDE_INTERVAL warning says so).
 *
 * With `weights`, shares are weighted and the interval uses Kish's effective sample size
 * n_eff = (Σw)²/Σw² in place of n (a WEIGHTED warning says so); `n` in the result is n_eff.
 *
 * The answers are read once into a histogram over the scale (no copy of the input), so
 * `nps(x, o)` is exactly `estimate(summarize('nps', x, o₁), o₂)` with the options split between
 * the two (see docs/summaries.md). Records whose `type` names another survey ('csat', 'ces', as
 * parseResponses returns them) are refused unless `otherTypes: 'exclude'` leaves them out.
 *
 * @param scores - integer scores on the scale, null/undefined for a skipped answer; plain and
 *   typed arrays both work. Not mutated.
 * @param options - `method`, `confidence`, `scale`, `missing`, `weights`, `seed`/`rng`,
 *   `resamples`
 * @returns NpsResult: value in points, lower/upper, counts, shares, n, skipped, warnings
 * @throws CxMetricsError EMPTY_INPUT when no score is answered; INVALID_VALUE (with index and value)
 *   for a score that is not an integer on the scale (NaN, ±Infinity and strings included), a bad
 *   weight or a record of another survey type; INVALID_OPTION for an unknown option or method, a
 *   confidence outside (0, 1), an inconsistent scale
 * @example
 * nps([10, 9, 8, 7, 6, 0, 10, null]).value // => 14.285714285714285
 * nps([10, 9, 8, 7, 6, 0, 10, null]).skipped // => 1
 */
export function nps(
  scores: ArrayLike<Score> | ArrowColumn,
  options?: Omit<NpsOptions, 'accessor' | 'otherTypes'>,
): NpsResult;
/** NPS of the column of an Apache Arrow table named by `accessor`, read from its buffers. */
export function nps(
  table: ArrowTable,
  options: Omit<NpsOptions, 'accessor' | 'otherTypes'> & { accessor: string },
): NpsResult;
/**
 * NPS of records, reading each score with `accessor` (a property name or a function).
 *
 * @param records - objects holding a score; null/undefined ones are skipped answers
 * @param options - `accessor` (required), `otherTypes`, and the options of plain scores
 * @returns NpsResult
 * @throws CxMetricsError as for scores; INVALID_VALUE for a record of another survey type
 * @example
 * nps([{ score: 10 }, { score: 6 }, { score: 9 }], { accessor: 'score' }).promoters // => 2
 */
export function nps<T extends object>(
  records: ArrayLike<T | null | undefined>,
  options: NpsOptions<T> & RecordOptions<T>,
): NpsResult;
export function nps(scores: unknown, options?: unknown): NpsResult {
  const fn = 'nps';
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, NPS_KEYS);
  const scale = resolveNpsScale(fn, o.scale);
  const settings = resolveNpsEstimate(fn, o);
  return estimateNps(fn, summarizeNpsOn(fn, scores, scale, o), settings);
}

/**
 * NPS with a confidence interval from group counts, for when only the tallies are known.
 *
 * Same definition, methods and options as `nps` (see there and docs/nps.md); the counts are
 * whole numbers of answers.
 *
 * Reference: Rocks (2016), doi:10.1080/00031305.2016.1158124.
 *
 * @param counts - `{ promoters, passives, detractors }`, whole numbers ≥ 0, not all 0
 * @param options - `method`, `confidence`, `seed`/`rng`, `resamples`
 * @returns NpsResult with skipped = 0 and the standard 0–10 scale recorded
 * @throws CxMetricsError INVALID_VALUE for a negative or fractional count; EMPTY_INPUT when all are
 *   0; INVALID_OPTION for an unknown option, a bad method or confidence
 * @example
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }).value // => 30
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { method: 'wald' }).upper // => 78.40753950185255 (to 1e-12)
 */
export function npsFromCounts(counts: NpsCounts, options?: NpsIntervalOptions): NpsResult {
  const fn = 'npsFromCounts';
  if (counts === null || typeof counts !== 'object' || Array.isArray(counts)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected { promoters, passives, detractors }, got ${describe(counts)}`,
      { value: counts },
    );
  }
  const promoters = checkCount(fn, 'promoters', counts.promoters);
  const passives = checkCount(fn, 'passives', counts.passives);
  const detractors = checkCount(fn, 'detractors', counts.detractors);
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, INTERVAL_KEYS);
  const settings = resolveNetScoreSettings(fn, o, NET_SCORE_METHODS);
  const n = promoters + passives + detractors;
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: all counts are 0; expected at least one answer`);
  const clean = { promoters, passives, detractors };
  return npsResult(fn, { positive: promoters, neutral: passives, negative: detractors }, n, settings, [], clean, 0, {
    ...NPS_SCALE,
  });
}
