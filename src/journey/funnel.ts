import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { ProportionMethod } from '../stats/proportionInterval.ts';
import type { Timestamp } from '../time/timestamp.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';
import { countFunnel, ORDERS, readFunnelDefinition, type Tally } from './funnelCount.ts';
import { estimateFunnelSummary, funnelFigures, funnelSettings, funnelSummaryOf } from './funnelSummary.ts';
import {
  checkGroupBy,
  checkRecords,
  compareKeys,
  type GroupBy,
  iso,
  type JourneyEvent,
  type TimeWindow,
} from './records.ts';

/**
 * How a funnel treats stages reached out of order: `'strict'` (a stage counts only when reached at
 * or after the previous one) or `'any'` (reaching a stage implies every earlier one).
 *
 * @example
 * FUNNEL_ORDERS // => ['strict', 'any']
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 1, stage: 'purchase', at: '2026-06-02' }]
 * const stages = ['visit', 'cart', 'purchase']
 * funnel(events, { stages, asOf: '2026-07-01', order: 'strict' }).endToEnd.converted // => 0
 * funnel(events, { stages, asOf: '2026-07-01', order: 'any' }).endToEnd.converted // => 1
 */
export type FunnelOrder = 'strict' | 'any';

/**
 * The stage-order rules of `funnel`, default first.
 *
 * @example
 * FUNNEL_ORDERS[0] // => 'strict'
 */
export const FUNNEL_ORDERS: readonly FunnelOrder[] = ORDERS;

/**
 * Options of `funnel`.
 *
 * @example
 * const events = [{ customerId: 'a', stage: 'visit', at: '2026-06-29', device: 'mobile' }]
 * const options = { stages: ['visit', 'purchase'], asOf: '2026-07-01', within: { days: 7 }, by: 'device' }
 * funnel(events, options).endToEnd.pending // => 1
 */
export interface FunnelOptions {
  /** The stages in journey order, at least two, each once: `['visit', 'cart', 'checkout', 'purchase']`. */
  stages: readonly string[];
  /**
   * When the data was taken (required). Events after it are left out (AFTER_AS_OF); a customer
   * whose window is still open at `asOf` is pending.
   */
  asOf: Timestamp;
  /**
   * The conversion window, from the customer's entry into the funnel: only stages reached within
   * it count, and a customer still inside it at `asOf` without having finished is pending. A
   * number of ms or `{ days?, hours?, minutes? }`. Without it there is no window: whoever had
   * not moved on by `asOf` counts as dropped (a NO_WINDOW warning says so).
   */
  within?: TimeWindow;
  /** `'strict'` (default) or `'any'`; see `funnel`. */
  order?: FunnelOrder;
  /**
   * One funnel per group besides the overall one: an event field (`'channel'`, `'device'`) or a
   * function of the event. A customer's group is read on the event at which they entered.
   */
  by?: GroupBy<JourneyEvent>;
  /** Interval method of each conversion; `'wilson'` by default (see `proportionInterval`). */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Options of `summarize('funnel', events, …)`: the stages and the definition the customers are
 * counted under (the options of `funnel` that shape its counts).
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }]
 * const options: FunnelSummaryOptions = { stages: ['visit', 'cart'], asOf: '2026-07-01', within: { days: 7 } }
 * summarize('funnel', events, options).reached // => [1, 0]
 */
export type FunnelSummaryOptions = Pick<FunnelOptions, 'stages' | 'asOf' | 'within' | 'order'>;

/**
 * Options of `estimate` for a funnel summary: the conversions' interval.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 1, stage: 'cart', at: '2026-06-02' }]
 * const s = summarize('funnel', events, { stages: ['visit', 'cart'], asOf: '2026-07-01' })
 * estimate(s, { method: 'jeffreys' }).endToEnd.conversion.method // => 'jeffreys'
 */
export type FunnelEstimateOptions = Pick<FunnelOptions, 'method' | 'confidence'>;

/**
 * One step of a funnel, from a stage to the next (or, as `endToEnd`, from the first to the last):
 * of the customers who `reached` the `from` stage, `converted` reached `to`, `dropped` cannot any
 * more (their window closed) and `pending` still can (their window is open at asOf):
 * converted + dropped + pending = reached.
 *
 * @example
 * const events = [
 *   { customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 1, stage: 'cart', at: '2026-06-02' },
 *   { customerId: 2, stage: 'visit', at: '2026-06-01' },
 *   { customerId: 3, stage: 'visit', at: '2026-06-30' },
 * ]
 * const step = funnel(events, { stages: ['visit', 'cart'], asOf: '2026-07-01', within: { days: 7 } }).steps[0]
 * [step.reached, step.converted, step.dropped, step.pending] // => [3, 1, 1, 1]
 * [step.conversion.value, step.dropOff] // => [0.5, 0.5]
 */
export interface FunnelStep {
  from: string;
  to: string;
  /** Customers who reached `from`. */
  reached: number;
  /** … and went on to reach `to` (within their window). */
  converted: number;
  /** … whose window closed without reaching `to` (with no window: had not reached it by asOf). */
  dropped: number;
  /** … still inside their window at asOf without having reached `to`: neither converted nor dropped. */
  pending: number;
  /** converted / (converted + dropped) with its interval; `null` when every customer is pending. */
  conversion: Estimate | null;
  /** dropped / (converted + dropped) = 1 − conversion; `null` when every customer is pending. */
  dropOff: number | null;
}

/**
 * How many customers reached one stage.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 2, stage: 'visit', at: '2026-06-01' }]
 * funnel(events, { stages: ['visit', 'cart'], asOf: '2026-07-01' }).stages // => [{ stage: 'visit', reached: 2 }, { stage: 'cart', reached: 0 }]
 */
export interface FunnelStageCount {
  stage: string;
  reached: number;
}

/**
 * The figures of one funnel (the overall one, or one group's): customers per stage, each step's
 * conversion, and the end-to-end conversion.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 1, stage: 'cart', at: '2026-06-01' }]
 * const f = funnel(events, { stages: ['visit', 'cart'], asOf: '2026-07-01' })
 * [f.customers, f.steps.length, f.endToEnd.converted] // => [1, 1, 1]
 */
export interface FunnelFigures {
  /** Customers who entered the funnel (reached the first stage). */
  customers: number;
  /** Customers who reached each stage, in journey order (never increasing). */
  stages: FunnelStageCount[];
  /** One step per pair of consecutive stages. */
  steps: FunnelStep[];
  /** From the first stage to the last. */
  endToEnd: FunnelStep;
  /** order 'strict': customers with an event at a stage beyond the last one they reached in order. */
  skippedStage: number;
  warnings: CxWarning[];
}

/**
 * One group's funnel (`by`): its key and its figures.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01', device: 'mobile' }]
 * funnel(events, { stages: ['visit', 'cart'], asOf: '2026-07-01', by: 'device' }).groups[0].key // => 'mobile'
 */
export interface FunnelGroup extends FunnelFigures {
  key: string;
}

/**
 * Result of `funnel`: the overall funnel's figures, the rules it was counted by, and with `by` one
 * funnel per group.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 2, stage: 'cart', at: '2026-06-01' }]
 * const f = funnel(events, { stages: ['visit', 'cart'], asOf: '2026-07-01', within: { days: 30 } })
 * [f.kind, f.order, f.withinMs, f.notEntered] // => ['funnel', 'strict', 2592000000, 1]
 * f.asOf // => '2026-07-01T00:00:00.000Z'
 */
export interface FunnelResult extends FunnelFigures {
  kind: 'funnel';
  order: FunnelOrder;
  /** asOf as an ISO-8601 UTC string. */
  asOf: string;
  /** The conversion window in ms; `null` without one. */
  withinMs: number | null;
  /** order 'strict': customers with events but none at the first stage, left out (never entered). */
  notEntered: number;
  /** Events after asOf, left out. */
  afterAsOf: number;
  /** With `by`: one funnel per group, sorted by key. */
  groups?: FunnelGroup[];
  /** With `by`: customers whose entry event has no group; in the overall funnel only. */
  ungrouped?: number;
}

const KEYS = ['stages', 'asOf', 'within', 'order', 'by', 'method', 'confidence'] as const;

/**
 * A conversion funnel from journey event logs: how many customers reached each stage, each step's
 * conversion with a confidence interval, the drop-off, and the end-to-end conversion — with the
 * customers still inside their conversion window counted as pending, never as lost.
 *
 * Definition. Each customer counts once per stage. With `order: 'strict'` (default; a closed
 * funnel in loose order, as Mixpanel's default and Amplitude's "this order"), a customer enters
 * at their first event at the first stage; stage k counts as reached at their first event of
 * stage k at or after the time stage k − 1 was reached (other events in between are fine; events
 * at the same instant count in either order, as Amplitude does for simultaneous events). A stage
 * skipped means the later ones do not count (the customer is counted in `skippedStage`); going
 * back to an earlier stage changes nothing. Customers with no event at the first stage never
 * enter (`notEntered`). With `order: 'any'`, a customer enters at their first event of any stage
 * and reaching a stage implies every earlier one (for logs that miss early stages: a purchase
 * was preceded by a visit). With `within`, only stages reached within the window from the
 * entry count (Mixpanel's and Amplitude's conversion window). Per step k → k + 1: converted =
 * reached k + 1; of the rest, a customer whose window is still open at `asOf` is pending, else
 * dropped; conversion = converted / (converted + dropped), drop-off = 1 − conversion, and
 * converted + dropped + pending = reached. End to end the same from the first stage to the last.
 *
 * Events must come in non-decreasing time per customer (customers may interleave): an event
 * earlier than the previous one of its customer is an error naming both indices, because an
 * out-of-order log usually means a broken export. Sorting by time (or by customer, then time)
 * fixes it.
 *
 * Intervals: Wilson's score interval by default (Wilson 1927, doi:10.1080/01621459.1927.10502953);
 * any method of `proportionInterval`. The steps share customers, so their intervals are not
 * independent. References: Google Analytics 4, Funnel exploration (open and closed funnels);
 * Mixpanel, Funnels: conversion criteria (specific or any order, conversion window); Amplitude,
 * How Amplitude computes funnels (any, this and exact order) — see docs/journey.md.
 *
 * @param events - journey events `{ customerId, stage, at, … }`; not mutated
 * @param options - `stages` and `asOf` (required), `within`, `order` ('strict'), `by`, `method`
 *   ('wilson'), `confidence` (0.95)
 * @returns FunnelResult (`kind: 'funnel'`): `customers`, `stages` (reached per stage), `steps`,
 *   `endToEnd`, `skippedStage`, `notEntered`, `afterAsOf`, `order`, `asOf`, `withinMs`, `warnings`;
 *   with `by` also `groups` (sorted by key) and `ungrouped`
 * @throws CxMetricsError EMPTY_INPUT for no events; INVALID_VALUE (with index) for an event that is
 *   not a record, has a bad customerId or time, a stage not in `stages`, or comes before its
 *   customer's previous event; INVALID_OPTION for missing `stages`/`asOf` or a bad option;
 *   INSUFFICIENT_DATA when no customer entered the funnel
 * @example
 * const events = [
 *   { customerId: 'a', stage: 'visit', at: '2026-06-01T10:00Z' },
 *   { customerId: 'a', stage: 'cart', at: '2026-06-01T10:05Z' },
 *   { customerId: 'a', stage: 'purchase', at: '2026-06-01T10:09Z' },
 *   { customerId: 'b', stage: 'visit', at: '2026-06-02T12:00Z' },
 *   { customerId: 'b', stage: 'cart', at: '2026-06-02T12:30Z' },
 *   { customerId: 'c', stage: 'visit', at: '2026-06-03T08:00Z' },
 *   { customerId: 'd', stage: 'visit', at: '2026-06-29T20:00Z' },
 * ]
 * const f = funnel(events, { stages: ['visit', 'cart', 'purchase'], asOf: '2026-07-01', within: { days: 7 } })
 * f.stages.map((s) => s.reached) // => [4, 2, 1]
 * [f.steps[0].converted, f.steps[0].dropped, f.steps[0].pending] // => [2, 1, 1]
 * f.steps[0].conversion.value // => 2 / 3
 * f.endToEnd.conversion.value // => 1 / 3
 */
export function funnel(events: readonly JourneyEvent[], options: FunnelOptions): FunnelResult {
  const fn = 'funnel';
  if (options === undefined) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options { stages, asOf } are required`);
  }
  const opts = checkOptions(fn, options, KEYS);
  const def = readFunnelDefinition(fn, opts);
  const by = checkGroupBy<JourneyEvent>(fn, opts.by);
  const settings = funnelSettings(fn, opts);
  const list = checkRecords<JourneyEvent>(fn, events, 'event');
  const counted = countFunnel(fn, list, def, by);
  const { overall, notEntered, ungrouped } = counted;
  if (overall.completed + sum(overall.open) + sum(overall.closed) === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: no customer entered the funnel: none of the ${counted.customerCount} customer(s) has an event at ` +
        `${def.order === 'strict' ? `the first stage '${def.stages[0]}'` : 'any stage'} by asOf (${iso(def.asOf)}); expected at least one`,
    );
  }
  // Without `by`, exactly estimate(summarize('funnel', events, …)): the same summary, the same estimate.
  const result = estimateFunnelSummary(fn, funnelSummaryOf(def, overall, notEntered, counted.afterAsOf), settings);
  if (by === undefined) return result;
  if (ungrouped > 0) {
    result.warnings.push(
      warning(
        'MISSING_FIELD',
        `${fn}: ${ungrouped} customer(s) have no group (by ${typeof by === 'string' ? `'${by}'` : 'function'} is blank on the event at which they entered): counted in the overall funnel and in ungrouped, in no group`,
      ),
    );
  }
  result.groups = [...counted.groups.keys()].sort(compareKeys).map((key) => ({
    key,
    ...funnelFigures(fn, funnelSummaryOf(def, counted.groups.get(key) as Tally, 0, 0), settings),
  }));
  result.ungrouped = ungrouped;
  return result;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
