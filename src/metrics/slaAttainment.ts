import { checkOptions } from '../options.ts';
import type { ProportionMethod } from '../stats/proportionInterval.ts';
import type { Estimate } from '../types.ts';
import type { ArrowColumn, ArrowTable } from './arrowColumn.ts';
import {
  checkTarget,
  estimateSla,
  resolveSlaEstimate,
  SLA_ESTIMATE_KEYS,
  SLA_SUMMARY_KEYS,
  summarizeSla,
} from './slaSummary.ts';
import type { TicketClockField, TicketClockOptions, TicketRecord } from './tickets.ts';

/**
 * Options of `slaAttainment`.
 *
 * @example
 * const tickets = [{ id: 1, createdAt: '2026-05-01T08:00Z', firstResponseAt: '2026-05-01T08:30Z', resolvedAt: '2026-05-01T15:00Z' }]
 * slaAttainment(tickets, 3_600_000, { field: 'firstResponse' }).met // => 1
 * slaAttainment(tickets, 3_600_000).met // => 0
 */
export interface SlaOptions extends TicketClockOptions {
  /** Which clock the target applies to: `'resolution'` (default) or `'firstResponse'`. */
  field?: TicketClockField;
  /** Interval method for the share; `'wilson'` by default (see `proportionInterval`). */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Result of `slaAttainment`: the share within target and how every ticket was counted.
 *
 * @example
 * const hour = 3_600_000
 * const sla = slaAttainment([1, 2, 3, 5, 8].map((h) => h * hour), 4 * hour)
 * [sla.met, sla.missed, sla.pending, sla.excluded] // => [3, 2, 0, 0]
 * [sla.targetMs, sla.field, sla.clock] // => [14400000, 'resolution', 'elapsed']
 */
export interface SlaResult extends Estimate {
  kind: 'sla';
  /** Tickets that met the target: completed within it (duration ≤ target). */
  met: number;
  /** Tickets that missed it: completed after it, or still open and already past it. */
  missed: number;
  /** Open tickets not yet past the target: outcome unknown, excluded from n, never counted as met. */
  pending: number;
  /**
   * firstResponse only: tickets resolved without a response before the target came due; the
   * target never applied to them, so they are left out of n.
   */
  excluded: number;
  /** The target, in ms (business ms with `businessHours`). */
  targetMs: number;
  field: TicketClockField;
  clock: 'elapsed' | 'business';
}

/**
 * SLA attainment: the share of tickets resolved (or first answered) within a target time, with a
 * confidence interval.
 *
 * Definition: share = met / (met + missed), where a completed ticket met the target when its
 * duration ≤ `targetMs` and missed it otherwise. An open ticket (no resolvedAt, resp.
 * firstResponseAt, at `asOf`, which is then required) that has already been open for at least the
 * target missed it — whatever happens next, it cannot be on time. One not yet past the target is
 * `pending`: counted, reported and left out of n, never counted as met (a PENDING warning gives the
 * range the share will land in). With `field: 'firstResponse'`, a ticket resolved without any
 * response missed the target if it waited longer than the target, else it is `excluded` (the
 * target never came due). Durations are createdAt → resolvedAt (or firstResponseAt); with
 * `businessHours` they and the target are business time (`businessDuration`).
 *
 * The interval is Wilson's score interval by default (Wilson 1927,
 * doi:10.1080/01621459.1927.10502953); any method of `proportionInterval` can be chosen.
 *
 * @param tickets - ticket records `{ id, createdAt, firstResponseAt?, resolvedAt?, … }`, an Arrow
 *   table with those columns (as `ttr` and `firstResponseTime` read them), or durations in ms (with option `events`: false = still open at that duration); not mutated
 * @param targetMs - the target in ms, a finite number ≥ 0 (e.g. 4 * 3_600_000 for 4 hours)
 * @param options - `field` ('resolution'), `asOf`, `businessHours`, `events`, `method` ('wilson'),
 *   `confidence` (0.95)
 * @returns SlaResult: Estimate (value = met / n, n = met + missed) plus `met`, `missed`, `pending`,
 *   `excluded`, `targetMs`, `field`, `clock`
 * @throws CxMetricsError EMPTY_INPUT for no tickets; INVALID_VALUE (with index) for a bad ticket or
 *   duration (see `ttr`) or a target that is not a finite number ≥ 0; INVALID_OPTION for an open
 *   ticket without asOf or a bad option; INSUFFICIENT_DATA when every ticket is pending or excluded
 * @example
 * const hour = 3_600_000
 * slaAttainment([1, 2, 3, 5, 8].map((h) => h * hour), 4 * hour).value // => 0.6
 * const tickets = [
 *   { id: 'a', createdAt: '2026-05-01T08:00Z', resolvedAt: '2026-05-01T09:00Z' },
 *   { id: 'b', createdAt: '2026-05-01T08:00Z', resolvedAt: '2026-05-01T12:30Z' },
 *   { id: 'c', createdAt: '2026-05-01T08:00Z' },
 *   { id: 'd', createdAt: '2026-05-01T11:00Z' },
 * ]
 * const sla = slaAttainment(tickets, 4 * hour, { asOf: '2026-05-01T13:00Z' })
 * [sla.met, sla.missed, sla.pending, sla.n] // => [1, 2, 1, 3]
 * sla.value // => 1 / 3
 */
export function slaAttainment(
  tickets: readonly TicketRecord[] | ArrayLike<number> | ArrowColumn | ArrowTable,
  targetMs: number,
  options: SlaOptions = {},
): SlaResult {
  const fn = 'slaAttainment';
  const target = checkTarget(fn, targetMs, 'INVALID_VALUE');
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, SLA_KEYS);
  const settings = resolveSlaEstimate(fn, o);
  return estimateSla(fn, summarizeSla(fn, tickets, target, o), settings);
}

const SLA_KEYS: readonly string[] = [...SLA_SUMMARY_KEYS.filter((key) => key !== 'targetMs'), ...SLA_ESTIMATE_KEYS];
