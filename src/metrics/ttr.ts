import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import type { DurationSummary } from '../summary/types.ts';
import type { ArrowColumn, ArrowTable } from './arrowColumn.ts';
import { DURATION_ESTIMATE_KEYS, DURATION_SUMMARY_KEYS, durationTableOf } from './durationSummary.ts';
import {
  type DurationResult,
  type DurationStatisticsOptions,
  durationStatistics,
  resolveDurationOptions,
} from './durations.ts';
import type { TicketClockField, TicketClockOptions, TicketRecord } from './tickets.ts';

export type { DurationMean, DurationQuantile, DurationResult, DurationStatisticsOptions } from './durations.ts';

/**
 * Options of `ttr` and `firstResponseTime`.
 *
 * @example
 * const r = ttr([1, 2, 3, 4, 5], { percentiles: [0.9], confidence: 0.9 })
 * [Object.keys(r.percentiles), r.confidence] // => [['p90'], 0.9]
 */
export interface DurationOptions extends DurationStatisticsOptions, TicketClockOptions {}

/**
 * Ticket records (or an Arrow table of them, one column per field), or plain durations in
 * milliseconds (typed arrays too, or an Arrow vector).
 *
 * @example
 * ttr(new Float64Array([1000, 2000, 3000])).median.value // => 2000
 * ttr([{ id: 1, createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T09:00:02Z' }]).median.value // => 2000
 */
export type DurationInput = readonly TicketRecord[] | ArrayLike<number> | ArrowColumn | ArrowTable;

/**
 * Time to resolution (TTR) of support tickets: median (the headline), mean and percentiles, each
 * with a confidence interval, in milliseconds. Open tickets are censored, never dropped.
 *
 * Definition: a ticket's TTR is resolvedAt − createdAt (or the business time between them with
 * `businessHours`, via `businessDuration`). A ticket with no `resolvedAt` is still open: it is
 * censored at `asOf` — it took at least asOf − createdAt — which must then be given.
 *
 * - Every ticket resolved (`method: 'order-statistics'`): percentiles are Hyndman–Fan type-7 sample
 *   quantiles (R's default) with distribution-free order-statistic intervals whose exact coverage
 *   is reported as `achievedConfidence` (Conover 1999, §3.2; see `quantileInterval`). The mean has a
 *   Student t interval, or a BCa bootstrap one with `meanMethod: 'bootstrap-bca'` (Efron 1987,
 *   doi:10.1080/01621459.1987.10478410), clipped at 0.
 * - Some tickets open (`method: 'kaplan-meier'`): percentiles are read off the Kaplan–Meier curve
 *   (Kaplan & Meier 1958, doi:10.1080/01621459.1958.10501452) with Brookmeyer–Crowley intervals
 *   (1982, doi:10.2307/2530286); see `kaplanMeier`. A percentile or bound the curve never reaches
 *   is `Infinity` with a warning. The ordinary mean is not estimable while tickets are open, so
 *   `mean` is the restricted mean μ(τ) = ∫₀^τ Ŝ(t) dt = E[min(T, τ)] (Irwin 1949,
 *   doi:10.1017/S0022172400014443), the area under the curve up to the horizon τ (option
 *   `horizon`, by default the largest observed duration), reported in `mean.horizon` with
 *   `mean.method` 'restricted-mean'; it matches R survival's rmean and se(rmean). Its variance is the
 *   Greenwood-type Σ Aᵢ² dᵢ/(nᵢ(nᵢ − dᵢ)), Aᵢ = ∫_{tᵢ}^τ Ŝ(t) dt (Klein & Moeschberger 2003, Survival
 *   Analysis, 2nd ed., §4.5, eq. 4.5.2); the interval is normal, clipped to [0, τ].
 *
 * Plain durations (ms) work too, with option `events` (false = still open, censored there).
 * Dropping open tickets, as many helpdesk reports do, biases TTR low: see docs/ttr.md.
 *
 * @param tickets - ticket records `{ id, createdAt, resolvedAt?, … }` (times as Date, ISO-8601
 *   string — no offset = UTC — or epoch ms), an Arrow table with `createdAt` and `resolvedAt`
 *   columns (Timestamp in any unit or Date; null = not yet) and optionally `id`, read column by
 *   column, or durations in ms; not mutated
 * @param options - `asOf` (required when a ticket is open), `businessHours`, `percentiles`
 *   (default [0.5, 0.9]), `confidence` (0.95), `meanMethod` ('t'), `resamples`/`seed`/`rng` (for
 *   the bootstrap), `horizon` (ms), `confType` (Kaplan–Meier band, 'log-log'), `events` (plain
 *   durations only)
 * @returns DurationResult `{ n, completed, open, median, mean, percentiles, method, unit: 'ms',
 *   clock, confidence, warnings }`
 * @throws CxMetricsError EMPTY_INPUT for no tickets; INVALID_VALUE (with index and value) for a
 *   ticket that is not a record, a missing or unreadable createdAt, a time that cannot be read, a
 *   resolvedAt before createdAt, a createdAt after asOf, or a duration that is not a finite number
 *   ≥ 0; INVALID_OPTION for an open ticket without asOf, a bad asOf, schedule, confidence,
 *   percentile, horizon or method, or options that do not fit the input (events with tickets,
 *   asOf or businessHours with durations)
 * @example
 * const day = 86_400_000
 * ttr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => d * day)).median.value / day // => 5.5
 * const tickets = [
 *   { id: 'T-1', createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T11:00Z' },
 *   { id: 'T-2', createdAt: '2026-05-01T10:00Z', resolvedAt: '2026-05-01T14:00Z' },
 *   { id: 'T-3', createdAt: '2026-05-01T12:00Z' },
 * ]
 * const r = ttr(tickets, { asOf: '2026-05-01T18:00Z' })
 * [r.method, r.completed, r.open] // => ['kaplan-meier', 2, 1]
 * r.median.value / 3_600_000 // => 4 (hours)
 * r.mean.horizon / 3_600_000 // => 6 (the open ticket's age at asOf)
 * r.mean.value / 3_600_000 // => 4 (to 1e-12) (area under the curve: 2 + 2 · 2/3 + 2 · 1/3 hours)
 * // The same tickets as an Arrow table (arrow = apache-arrow), e.g. from DuckDB: one column per field.
 * const table = arrow.tableFromArrays({ createdAt: tickets.map((t) => new Date(t.createdAt)), resolvedAt: tickets.map((t) => (t.resolvedAt ? new Date(t.resolvedAt) : null)) })
 * ttr(table, { asOf: '2026-05-01T18:00Z' }).median.value / 3_600_000 // => 4
 */
export function ttr(tickets: DurationInput, options: DurationOptions = {}): DurationResult {
  return printable(durations('ttr', tickets, 'resolution', options));
}

/**
 * Time to first response of support tickets: median (the headline), mean and percentiles, each
 * with a confidence interval, in milliseconds. Tickets not yet answered are censored, never
 * dropped.
 *
 * Definition: firstResponseAt − createdAt (business time with `businessHours`). A ticket with no
 * `firstResponseAt` is censored: at `asOf` while it is open (asOf then required), or at its
 * `resolvedAt` when it was resolved without any response (it waited at least that long, then
 * stopped waiting; a CLOSED_WITHOUT_RESPONSE warning counts them). Estimation exactly as `ttr`:
 * type-7 quantiles with order-statistic intervals when every ticket was answered, Kaplan–Meier
 * with Brookmeyer–Crowley intervals and a restricted mean (Klein & Moeschberger 2003, §4.5)
 * otherwise. See `ttr` for the methods and references, docs/ttr.md for a worked example.
 *
 * @param tickets - ticket records `{ id, createdAt, firstResponseAt?, resolvedAt?, … }`, an Arrow
 *   table with `createdAt`, `firstResponseAt` (and, when the export has it, `resolvedAt`) columns,
 *   or durations in ms; not mutated
 * @param options - as `ttr`
 * @returns DurationResult
 * @throws CxMetricsError as `ttr`, for firstResponseAt (and resolvedAt) instead of resolvedAt
 * @example
 * const minute = 60_000
 * const t0 = Date.UTC(2026, 4, 1, 9) // epoch ms; numbers before 2000 are refused as likely seconds
 * const tickets = [
 *   { id: 1, createdAt: t0, firstResponseAt: t0 + 5 * minute },
 *   { id: 2, createdAt: t0, firstResponseAt: t0 + 15 * minute },
 *   { id: 3, createdAt: t0, firstResponseAt: t0 + 10 * minute },
 * ]
 * const r = firstResponseTime(tickets)
 * [r.method, r.median.value / minute] // => ['order-statistics', 10]
 * r.percentiles.p90.value / minute // => 14
 */
export function firstResponseTime(tickets: DurationInput, options: DurationOptions = {}): DurationResult {
  return printable(durations('firstResponseTime', tickets, 'firstResponse', options));
}

const DURATION_KEYS = [...DURATION_SUMMARY_KEYS, ...DURATION_ESTIMATE_KEYS];

/** `estimate(summarize(metric, tickets, …), …)`, with every option checked before the data is read. */
function durations(fn: string, tickets: DurationInput, field: TicketClockField, options: DurationOptions) {
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, DURATION_KEYS) as DurationOptions;
  const settings = resolveDurationOptions(fn, o);
  const kind: DurationSummary['kind'] = field === 'resolution' ? 'ttr-summary' : 'first-response-summary';
  return durationStatistics(fn, durationTableOf(fn, tickets, kind, o), field, settings);
}
