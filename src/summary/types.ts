import type { FunnelOrder } from '../journey/funnel.ts';
import type { CesDirection } from '../metrics/ces.ts';
import type { TimeUnit } from '../metrics/customers.ts';
import type { FcrDefinition } from '../metrics/fcr.ts';
import type { NpsScale } from '../metrics/nps.ts';
import type { Schedule } from '../time/businessDuration.ts';
import type { WarningCode } from '../warnings.ts';

// The sufficient statistics under every metric: plain JSON (numbers, strings, arrays and plain
// objects only; no Infinity, NaN, Date or typed array), so a summary survives
// JSON.parse(JSON.stringify(s)) unchanged in meaning and can come from a SQL GROUP BY, a shard or
// a stream. `summarize` reads an input once into one; `mergeSummaries` adds summaries of the
// same kind, scale, clock and definition; `estimate` finishes the statistics. Every metric
// function is exactly `estimate(summarize(…))`.

/**
 * The metrics `summarize` knows, by name.
 *
 * @example
 * summarize('nps', [10, 9, 3]).kind // => 'nps-summary'
 */
export type SummaryMetric =
  | 'nps'
  | 'csat'
  | 'ces'
  | 'fcr'
  | 'sla'
  | 'ttr'
  | 'first-response'
  | 'churn'
  | 'proportion'
  | 'mean'
  | 'funnel'
  | 'cart-abandonment';

/**
 * Counts of records behind a data warning (AFTER_AS_OF, CLOSED_WITHOUT_RESPONSE, …): added when
 * summaries merge, turned into warnings by `estimate`.
 *
 * @example
 * const notes: SummaryNotes = { AFTER_AS_OF: 2 }
 * notes.AFTER_AS_OF // => 2
 */
export type SummaryNotes = Partial<Record<WarningCode, number>>;

/**
 * Weighted totals of a score histogram, present only when weights were given. Weights are divided
 * by `scale` (the largest weight of an answered score; of a skipped one when no answer has weight)
 * before summing, so sums cannot overflow nor the answers' squares underflow; merging rescales to
 * the larger `scale`. Kish's effective n is (Σ sum)² / Σ sumSquares, whatever the scale. Any
 * scale > 0 is valid in a summary from outside (a warehouse may use 1 and raw sums).
 *
 * @example
 * summarize('nps', [10, 0], { weights: [3, 1] }).weights // => { scale: 3, sum: [1/3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], sumSquares: [1/9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], skippedSum: 0, skippedSumSquares: 0 }
 */
export interface ScoreWeights {
  /** The largest weight of an answered score (> 0), or of a skipped one when none has weight, or 1 when every weight is 0. */
  scale: number;
  /** Per score bucket, Σ w/scale. */
  sum: number[];
  /** Per score bucket, Σ (w/scale)². */
  sumSquares: number[];
  /** Σ w/scale over skipped answers (for NPS' missing: 'as-passive'). */
  skippedSum: number;
  /** Σ (w/scale)² over skipped answers. */
  skippedSumSquares: number;
}

/**
 * The fields every score-histogram summary (NPS, CSAT, CES) has.
 *
 * @example
 * summarize('csat', [5, 4, null]).counts // => [0, 0, 0, 1, 1]
 */
export interface ScoreHistogram {
  /** Format version of the summary object; 1. */
  version: 1;
  /** counts[k]: answers with score scale.min + k (whole numbers). */
  counts: number[];
  /** Skipped answers (null/undefined): counted, never scored. */
  skipped: number;
  /** Weighted totals, when weights were given. */
  weights?: ScoreWeights;
  /** Records of another survey type left out (`type: 'select'`); absent when none were. */
  otherTypes?: number;
}

/**
 * Summary of NPS answers: the histogram over the scale and the cut-offs it was made under.
 *
 * @example
 * const s = summarize('nps', [10, 9, 3])
 * [s.kind, s.counts[10], s.counts[9], s.counts[3]] // => ['nps-summary', 1, 1, 1]
 */
export interface NpsSummary extends ScoreHistogram {
  kind: 'nps-summary';
  scale: NpsScale;
}

/**
 * Summary of CSAT answers: the histogram over the scale and the satisfied threshold.
 *
 * @example
 * summarize('csat', [5, 4, 2]).scale // => { min: 1, max: 5, satisfiedMin: 4 }
 */
export interface CsatSummary extends ScoreHistogram {
  kind: 'csat-summary';
  scale: { min: number; max: number; satisfiedMin: number };
}

/**
 * Summary of CES answers: the histogram over the scale, its direction and the easy threshold.
 *
 * @example
 * summarize('ces', [7, 6, 2]).scale // => { min: 1, max: 7, direction: 'higher-is-easier', easyThreshold: 5 }
 */
export interface CesSummary extends ScoreHistogram {
  kind: 'ces-summary';
  scale: { min: number; max: number; direction: CesDirection; easyThreshold: number };
}

/**
 * Summary of a proportion: successes out of n.
 *
 * @example
 * summarize('proportion', { successes: 42, n: 50 }) // => { kind: 'proportion-summary', version: 1, successes: 42, n: 50 }
 */
export interface ProportionSummary {
  kind: 'proportion-summary';
  version: 1;
  successes: number;
  n: number;
}

/**
 * Summary of a sample mean: count, mean and the sum of squared deviations M2, merged by Chan,
 * Golub & LeVeque's pairwise update (1979, "Updating formulae and a pairwise algorithm for
 * computing sample variances").
 *
 * @example
 * summarize('mean', [1, 2, 3, 4]) // => { kind: 'mean-summary', version: 1, n: 4, mean: 2.5, m2: 5 }
 */
export interface MeanSummary {
  kind: 'mean-summary';
  version: 1;
  n: number;
  mean: number;
  /** Σ (x − mean)². */
  m2: number;
}

/**
 * Summary of first-contact resolution: the counts under one definition.
 *
 * @example
 * const tickets = [{ id: 1, createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T10:00Z', agentReplies: 1 }]
 * summarize('fcr', tickets, { definition: 'one-touch' }).firstContact // => 1
 */
export interface FcrSummary {
  kind: 'fcr-summary';
  version: 1;
  definition: FcrDefinition | 'unspecified';
  /** 'no-repeat-within' only: the window (ms). */
  windowMs?: number;
  /** Resolved tickets counted (the n of the proportion). */
  total: number;
  /** Of those, resolved at first contact. */
  firstContact: number;
  /** Left out: still unresolved. */
  unresolved: number;
  /** Left out: resolved but without the field the definition needs (missing: 'exclude'). */
  missingField: number;
  /** Left out ('no-repeat-within'): the window had not closed when the data was taken. */
  windowOpen: number;
  /**
   * Records (resolved or not) that carry the field the definition reads (reopenedAt or reopens
   * for 'no-reopen', agentReplies for 'one-touch', …). `estimate` refuses a summary where it is 0
   * (INSUFFICIENT_DATA): the definition had nothing to read. Absent: not known (not checked).
   */
  withField?: number;
}

/**
 * Summary of SLA attainment against one target on one clock.
 *
 * @example
 * summarize('sla', [1000, 5000], { targetMs: 2000 }) // => { kind: 'sla-summary', version: 1, field: 'resolution', clock: 'elapsed', targetMs: 2000, met: 1, missed: 1, pending: 0, excluded: 0 }
 */
export interface SlaSummary {
  kind: 'sla-summary';
  version: 1;
  field: 'resolution' | 'firstResponse';
  clock: 'elapsed' | 'business';
  /** The business-hours schedule, when clock is 'business'. */
  schedule?: Schedule;
  targetMs: number;
  met: number;
  missed: number;
  /** Open and still within the target: neither met nor missed yet. */
  pending: number;
  /** Closed without a response before the target (first response only). */
  excluded: number;
  notes?: SummaryNotes;
}

/**
 * Summary of a duration sample (resolution or first-response times): the table of distinct
 * durations, ascending, with the events and censored observations at each, its clock and unit.
 *
 * @example
 * const s = summarize('ttr', [5, 1, 5], { events: [1, 1, 0] })
 * [s.times, s.events, s.censored] // => [[1, 5], [1, 1], [0, 1]]
 */
export interface DurationSummary {
  kind: 'ttr-summary' | 'first-response-summary';
  version: 1;
  clock: 'elapsed' | 'business';
  /** The business-hours schedule, when clock is 'business'. */
  schedule?: Schedule;
  unit: 'ms';
  /** Distinct durations, strictly increasing. */
  times: number[];
  /** Completed (resolved, or responded to) at each time. */
  events: number[];
  /** Censored at each time: open at asOf, or closed without a response. */
  censored: number[];
  notes?: SummaryNotes;
}

/**
 * Summary of churn over a window, under the cohort or the exposure definition.
 *
 * @example
 * const customers = [{ id: 1, startedAt: '2026-01-01', endedAt: '2026-02-10' }, { id: 2, startedAt: '2026-01-01' }]
 * summarize('churn', customers, { from: '2026-02-01', to: '2026-03-01' }) // => { kind: 'churn-summary', version: 1, definition: 'cohort', from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', customersAtStart: 2, churned: 1 }
 */
export type ChurnSummary =
  | {
      kind: 'churn-summary';
      version: 1;
      definition: 'cohort';
      /** The window, as ISO-8601 instants. */
      from: string;
      to: string;
      customersAtStart: number;
      churned: number;
    }
  | {
      kind: 'churn-summary';
      version: 1;
      definition: 'exposure';
      from: string;
      to: string;
      churned: number;
      /** Customer-time in the window, in `unit`s. */
      exposure: number;
      unit: TimeUnit;
      /** Customers with some active time in the window (the result's `customers`). */
      customers: number;
    };

/**
 * Any summary `summarize` makes and `estimate` finishes.
 *
 * @example
 * const s: Summary = summarize('nps', [10, 9, 3])
 * s.kind // => 'nps-summary'
 */
export type Summary =
  | NpsSummary
  | CsatSummary
  | CesSummary
  | ProportionSummary
  | MeanSummary
  | FcrSummary
  | SlaSummary
  | DurationSummary
  | ChurnSummary
  | FunnelSummary
  | CartAbandonmentSummary;

/**
 * Summary of a conversion funnel: customers per stage and, per step, those still pending, under
 * the stage list and the definition (order, window, asOf) they were counted by. Made from the
 * events of whole customers: a summary of part of a log must hold every event of each of its
 * customers (split a log by customer, never by time or at random), and two summaries that hold
 * the same customer count them twice when merged — which cannot be detected from the counts.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 1, stage: 'cart', at: '2026-06-02' }, { customerId: 2, stage: 'visit', at: '2026-06-30' }]
 * const s = summarize('funnel', events, { stages: ['visit', 'cart'], asOf: '2026-07-01', within: { days: 7 } })
 * [s.kind, s.reached, s.pending] // => ['funnel-summary', [2, 1], [1]]
 */
export interface FunnelSummary {
  kind: 'funnel-summary';
  version: 1;
  /** The stages in journey order. */
  stages: string[];
  order: FunnelOrder;
  /** The conversion window (ms); null without one. */
  withinMs: number | null;
  /** When the data was taken, ISO-8601 UTC. */
  asOf: string;
  /** reached[k]: customers who reached stage k (never increasing; reached[0] entered the funnel). */
  reached: number[];
  /**
   * pending[k], one per step k → k + 1: customers who reached stage k but not k + 1 and whose
   * window was still open at asOf (all 0 without a window). Step k converted reached[k + 1] and
   * dropped reached[k] − reached[k + 1] − pending[k].
   */
  pending: number[];
  /** order 'strict': customers with an event at a stage beyond the last one they reached in order. */
  skippedStage: number;
  /** order 'strict': customers with events but none at the first stage by asOf. */
  notEntered: number;
  /** Events after asOf, left out. */
  afterAsOf: number;
}

/**
 * Summary of shopping carts against one purchase window at one asOf: carts purchased within the
 * window, abandoned and pending, and their values. Either abandonment definition is estimated
 * from it (`definition` is an option of `estimate`).
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-01', purchasedAt: '2026-06-01' }, { cartId: 2, createdAt: '2026-06-01' }]
 * const s = summarize('cart-abandonment', carts, { asOf: '2026-07-01', window: { days: 7 } })
 * [s.kind, s.purchased, s.abandoned, s.pending] // => ['cart-abandonment-summary', 1, 1, 0]
 */
export interface CartAbandonmentSummary {
  kind: 'cart-abandonment-summary';
  version: 1;
  /** The purchase window (ms). */
  windowMs: number;
  /** When the data was taken, ISO-8601 UTC. */
  asOf: string;
  purchased: number;
  abandoned: number;
  pending: number;
  /** Abandoned carts bought after their window (counted in abandoned). */
  purchasedAfterWindow: number;
  /** Carts created after asOf, left out. */
  afterAsOf: number;
  /** Carts bought after asOf, counted as not (yet) bought. */
  purchasedAfterAsOf: number;
  /** Cart value per outcome; null when no cart has a value (then every cart counts as missing one). */
  cartValue: { purchased: number; abandoned: number; pending: number; missing: number } | null;
}
