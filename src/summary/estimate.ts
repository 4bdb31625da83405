import type { CartAbandonmentIntervalOptions, CartAbandonmentResult } from '../journey/cartAbandonment.ts';
import type { FunnelEstimateOptions, FunnelResult } from '../journey/funnel.ts';
import type { CesIntervalOptions, CesResult } from '../metrics/ces.ts';
import type { ChurnRateOptions, ChurnResult } from '../metrics/churn.ts';
import type { CsatIntervalOptions, CsatResult } from '../metrics/csat.ts';
import type { DurationResult, DurationStatisticsOptions } from '../metrics/durations.ts';
import type { FcrIntervalOptions, FcrResult } from '../metrics/fcr.ts';
import type { NpsEstimateOptions, NpsResult } from '../metrics/nps.ts';
import type { SlaOptions, SlaResult } from '../metrics/slaAttainment.ts';
import { checkSideOptions, familyForSummary } from './dispatch.ts';
import type { SummaryFamily } from './family.ts';
import type { MeanEstimateOptions, MeanResult } from './meanFamily.ts';
import type { ProportionEstimateOptions, ProportionResult } from './proportionFamily.ts';
import { FAMILIES } from './registry.ts';
import type { LooseEstimateFor, ResultBySummaryKind } from './typeMaps.ts';
import type {
  CartAbandonmentSummary,
  CesSummary,
  ChurnSummary,
  CsatSummary,
  DurationSummary,
  FcrSummary,
  FunnelSummary,
  MeanSummary,
  NpsSummary,
  ProportionSummary,
  SlaSummary,
  Summary,
} from './types.ts';

/**
 * The metric's usual result from a summary: `estimate(summarize('nps', scores))` is `nps(scores)`,
 * to the last bit.
 *
 * The summary may come from anywhere — `summarize`, `mergeSummaries`, JSON from a warehouse or a
 * queue — so it is checked first: its `kind` and `version`, every count a whole number ≥ 0,
 * arrays of the scale's length, finite sums (INVALID_VALUE naming the field). The options are
 * those of the metric's interval (method, confidence, seed, …); the ones that shaped the summary
 * (scale, weights, …) are fixed in it. The interval methods are the metric's own (for NPS the
 * trinomial adjusted Wald of Rocks (2016), doi:10.1080/00031305.2016.1158124; see each metric's
 * docs).
 *
 * @param summary - a summary, as `summarize` or `mergeSummaries` return it (or its JSON parsed)
 * @param options - the metric's interval options
 * @returns the metric's result (NpsResult for an NPS summary, CsatResult for CSAT, …)
 * @throws CxMetricsError INVALID_VALUE for a value that is not a valid summary (naming the field);
 *   INVALID_OPTION for an unknown option, or one of `summarize`'s; EMPTY_INPUT when the summary
 *   holds no answers; as the metric function otherwise
 * @example
 * const s = summarize('nps', [10, 9, 8, 3])
 * estimate(s, { method: 'wald' }).value // => 25
 * estimate(JSON.parse(JSON.stringify(s))).value // => 25
 */
export function estimate(summary: NpsSummary, options?: NpsEstimateOptions): NpsResult;
/** CSAT, its mean and distribution from a CSAT summary. */
export function estimate(summary: CsatSummary, options?: CsatIntervalOptions): CsatResult;
/** CES, the easy share and net effort from a CES summary. */
export function estimate(summary: CesSummary, options?: CesIntervalOptions): CesResult;
/** The proportion and its interval from a proportion summary. */
export function estimate(summary: ProportionSummary, options?: ProportionEstimateOptions): ProportionResult;
/** The mean and its t interval from a mean summary. */
export function estimate(summary: MeanSummary, options?: MeanEstimateOptions): MeanResult;
/** The FCR rate and its interval from an FCR summary. */
export function estimate(summary: FcrSummary, options?: FcrIntervalOptions): FcrResult;
/** SLA attainment and its interval from an SLA summary. */
export function estimate(summary: SlaSummary, options?: Pick<SlaOptions, 'method' | 'confidence'>): SlaResult;
/** Median, mean and percentiles from a duration summary. */
export function estimate(summary: DurationSummary, options?: DurationStatisticsOptions): DurationResult;
/** The churn rate and its interval from a churn summary (`method` for the cohort definition only). */
export function estimate(summary: ChurnSummary, options?: ChurnRateOptions): ChurnResult;
/** The funnel (steps, end to end, pending customers) from a funnel summary. */
export function estimate(summary: FunnelSummary, options?: FunnelEstimateOptions): FunnelResult;
/** The cart abandonment rate (either definition) from a cart abandonment summary. */
export function estimate(
  summary: CartAbandonmentSummary,
  options?: CartAbandonmentIntervalOptions,
): CartAbandonmentResult;
/** The result of any summary, of a kind known only at run time. */
export function estimate<S extends Summary>(
  summary: S,
  options?: LooseEstimateFor<S, Record<string, unknown>>,
): ResultBySummaryKind[S['kind']];
export function estimate(summary: unknown, options?: unknown): unknown {
  return estimateWith(FAMILIES, summary, options);
}

/** `estimate` over a given family list. @internal */
export function estimateWith(families: readonly SummaryFamily[], summary: unknown, options: unknown): unknown {
  const fn = 'estimate';
  const family = familyForSummary(families, fn, summary);
  const checked = checkSideOptions(fn, options, family.estimateKeys, family.summarizeKeys, 'estimate');
  return family.estimate(fn, family.check(fn, summary), checked);
}
