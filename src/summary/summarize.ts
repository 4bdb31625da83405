import { printableSummary } from '../format/summaryText.ts';
import type { CartAbandonmentSummaryOptions } from '../journey/cartAbandonment.ts';
import type { FunnelSummaryOptions } from '../journey/funnel.ts';
import type { CartRecord, JourneyEvent } from '../journey/records.ts';
import type { ArrowColumn, ArrowTable } from '../metrics/arrowColumn.ts';
import type { CesRecordSummaryOptions, CesSummaryOptions } from '../metrics/ces.ts';
import type { ChurnSummaryOptions } from '../metrics/churnSummary.ts';
import type { CsatRecordSummaryOptions, CsatSummaryOptions } from '../metrics/csat.ts';
import type { CustomerRecord } from '../metrics/customers.ts';
import type { DurationSummaryOptions } from '../metrics/durationSummary.ts';
import type { FcrSummaryOptions } from '../metrics/fcrSummary.ts';
import type { NpsRecordSummaryOptions, NpsSummaryOptions } from '../metrics/nps.ts';
import type { Score } from '../metrics/scores.ts';
import type { SlaSummaryOptions } from '../metrics/slaSummary.ts';
import type { TicketRecord } from '../metrics/tickets.ts';
import { checkSideOptions, familyForMetric } from './dispatch.ts';
import type { SummaryFamily } from './family.ts';
import type { ProportionSummaryOptions } from './proportionFamily.ts';
import { FAMILIES } from './registry.ts';
import type { LooseFor, SummaryByMetric } from './typeMaps.ts';
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
  SummaryMetric,
} from './types.ts';

/**
 * Read a metric's input once into its summary: the plain-JSON sufficient statistic that
 * `mergeSummaries` adds up and `estimate` finishes.
 *
 * A summary holds everything the metric's estimate needs and nothing more — for NPS, CSAT and
 * CES the histogram of answers over the scale (with per-bucket Σw and Σw² when weighted) and the
 * skipped count; for a mean n, mean and M2 (Chan, Golub & LeVeque 1983) — plus the scale,
 * definition or clock it was made under, so that summaries that cannot be added are refused.
 * `nps(x, o)` is exactly `estimate(summarize('nps', x, o₁), o₂)` where o₁ holds the options that
 * shape the summary (scale, weights, accessor, …) and o₂ those of the interval (method,
 * confidence, …). See docs/summaries.md.
 *
 * @param metric - the metric name: 'nps', 'csat', 'ces', 'proportion', 'mean', 'fcr', 'sla',
 *   'ttr', 'first-response', 'churn', 'funnel', 'cart-abandonment'
 * @param input - what the metric function takes (scores, records with an accessor, tickets, …)
 * @param options - the options that shape the summary; interval options belong to `estimate`
 * @returns the summary, a plain object with `kind` and `version` (it prints as one line, e.g.
 *   `nps summary: n=3 (0–10 scale), 0 skipped`, through non-enumerable hooks that JSON does not see)
 * @throws CxMetricsError INVALID_VALUE for an unknown metric (with the closest name) or bad input
 *   (as the metric function); INVALID_OPTION for an unknown option, or one of `estimate`'s
 * @example
 * const s = summarize('nps', [10, 9, 3])
 * s.kind // => 'nps-summary'
 * estimate(s).value // => 33.33333333333333 (to 1e-12)
 * String(s) // => 'nps summary: n=3 (0–10 scale), 0 skipped'
 */
export function summarize(
  metric: 'nps',
  scores: ArrayLike<Score> | ArrowColumn,
  options?: NpsSummaryOptions,
): NpsSummary;
/** The NPS summary of the column of an Apache Arrow table named by `accessor`. */
export function summarize(
  metric: 'nps',
  table: ArrowTable,
  options: NpsSummaryOptions & { accessor: string },
): NpsSummary;
/** The NPS summary of records, read with `accessor`. */
export function summarize<T extends object>(
  metric: 'nps',
  records: ArrayLike<T | null | undefined>,
  options: NpsRecordSummaryOptions<T>,
): NpsSummary;
/** The CSAT summary of scores. */
export function summarize(
  metric: 'csat',
  scores: ArrayLike<Score> | ArrowColumn,
  options?: CsatSummaryOptions,
): CsatSummary;
/** The CSAT summary of the column of an Apache Arrow table named by `accessor`. */
export function summarize(
  metric: 'csat',
  table: ArrowTable,
  options: CsatSummaryOptions & { accessor: string },
): CsatSummary;
/** The CSAT summary of records, read with `accessor`. */
export function summarize<T extends object>(
  metric: 'csat',
  records: ArrayLike<T | null | undefined>,
  options: CsatRecordSummaryOptions<T>,
): CsatSummary;
/** The CES summary of scores. */
export function summarize(
  metric: 'ces',
  scores: ArrayLike<Score> | ArrowColumn,
  options?: CesSummaryOptions,
): CesSummary;
/** The CES summary of the column of an Apache Arrow table named by `accessor`. */
export function summarize(
  metric: 'ces',
  table: ArrowTable,
  options: CesSummaryOptions & { accessor: string },
): CesSummary;
/** The CES summary of records, read with `accessor`. */
export function summarize<T extends object>(
  metric: 'ces',
  records: ArrayLike<T | null | undefined>,
  options: CesRecordSummaryOptions<T>,
): CesSummary;
/** The summary of a proportion: from `{ successes, n }` or true/false (1/0) answers. */
export function summarize(
  metric: 'proportion',
  input: { successes: number; n: number } | ArrayLike<boolean | 0 | 1>,
): ProportionSummary;
/** The summary of a proportion from records, reading a true/false (1/0) answer with `accessor`. */
export function summarize<T extends object>(
  metric: 'proportion',
  records: ArrayLike<T>,
  options: ProportionSummaryOptions<T>,
): ProportionSummary;
/** The summary of a mean: n, mean and M2 of finite values. */
export function summarize(metric: 'mean', values: ArrayLike<number>): MeanSummary;
/** The FCR summary of tickets (records, or an Arrow table of them) under one definition. */
export function summarize(
  metric: 'fcr',
  tickets: readonly TicketRecord[] | ArrowTable,
  options: FcrSummaryOptions,
): FcrSummary;
/** The SLA summary of tickets (records or an Arrow table), or of durations in ms, against `targetMs`. */
export function summarize(
  metric: 'sla',
  tickets: readonly TicketRecord[] | ArrayLike<number> | ArrowTable | ArrowColumn,
  options: SlaSummaryOptions,
): SlaSummary;
/** The table of resolution (or first-response) times of tickets (records or an Arrow table), or of durations in ms. */
export function summarize(
  metric: 'ttr' | 'first-response',
  tickets: readonly TicketRecord[] | ArrayLike<number> | ArrowTable | ArrowColumn,
  options?: DurationSummaryOptions,
): DurationSummary;
/** The churn summary of customer records (or an Arrow table of them) over a window. */
export function summarize(
  metric: 'churn',
  customers: readonly CustomerRecord[] | ArrowTable,
  options: ChurnSummaryOptions,
): ChurnSummary;
/**
 * The funnel summary of journey events (whole customers: a part of a log must hold every event of
 * each of its customers for the parts' summaries to merge).
 */
export function summarize(
  metric: 'funnel',
  events: readonly JourneyEvent[],
  options: FunnelSummaryOptions,
): FunnelSummary;
/** The cart abandonment summary of carts against a window at asOf. */
export function summarize(
  metric: 'cart-abandonment',
  carts: readonly CartRecord[],
  options: CartAbandonmentSummaryOptions,
): CartAbandonmentSummary;
/** Any metric by a name known only at run time (or one whose family types its own overloads later). */
export function summarize<M extends SummaryMetric>(
  metric: M,
  input: LooseFor<M, unknown>,
  options?: LooseFor<M, Record<string, unknown>>,
): SummaryByMetric[M];
export function summarize(metric: unknown, input: unknown, options?: unknown): Summary {
  return printableSummary(summarizeWith(FAMILIES, metric, input, options));
}

/** `summarize` over a given family list. @internal */
export function summarizeWith(
  families: readonly SummaryFamily[],
  metric: unknown,
  input: unknown,
  options: unknown,
): Summary {
  const family = familyForMetric(families, 'summarize', metric);
  const fn = `summarize('${family.metric}')`;
  const checked = checkSideOptions(fn, options, family.summarizeKeys, family.estimateKeys, 'summarize');
  return family.summarize(fn, input, checked);
}
