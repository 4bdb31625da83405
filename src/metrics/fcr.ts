import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { ProportionMethod } from '../stats/proportionInterval.ts';
import { checkCount, checkOneOf, describe } from '../stats/validate.ts';
import type { FcrSummary } from '../summary/types.ts';
import type { Timestamp } from '../time/timestamp.ts';
import type { Estimate } from '../types.ts';
import type { ArrowTable } from './arrowColumn.ts';
import {
  checkFcrDefinition,
  estimateFcr,
  FCR_DEFINITIONS,
  FCR_ESTIMATE_KEYS,
  FCR_SUMMARY_KEYS,
  type FcrDefinition,
  resolveFcrEstimate,
  summarizeFcr,
} from './fcrSummary.ts';
import type { TicketRecord } from './tickets.ts';

export { FCR_DEFINITIONS, type FcrDefinition } from './fcrSummary.ts';

/**
 * Interval options shared by `fcr` and `fcrFromCounts`.
 *
 * @example
 * const r = fcrFromCounts({ firstContact: 140, total: 200 }, { method: 'clopper-pearson', confidence: 0.9 })
 * [r.method, r.confidence] // => ['clopper-pearson', 0.9]
 */
export interface FcrIntervalOptions {
  /** Interval method; `'wilson'` by default (see `proportionInterval`). */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Options of `fcr`.
 *
 * @example
 * const tickets = [
 *   { id: 1, createdAt: '2026-05-01', resolvedAt: '2026-05-02' },
 *   { id: 2, createdAt: '2026-05-01', resolvedAt: '2026-05-02', agentReplies: 1 },
 * ]
 * const r = fcr(tickets, { definition: 'one-touch', missing: 'exclude' })
 * [r.firstContact, r.n, r.missingField] // => [1, 1, 1]
 */
export interface FcrOptions extends FcrIntervalOptions {
  /** Which definition of first-contact resolution to apply (required; see `fcr`). */
  definition: FcrDefinition;
  /** 'no-repeat-within': the window after resolution, in ms; 7 days by default. */
  windowMs?: number;
  /**
   * A resolved ticket without the field the definition needs: an error (`'error'`, default) or
   * left out and counted in `excluded` (`'exclude'`).
   */
  missing?: 'error' | 'exclude';
  /**
   * When the data was taken. Tickets created after it are an error; a resolution after it counts
   * as not yet resolved. 'no-repeat-within': windows must end by then (default: the latest
   * createdAt in the data).
   */
  asOf?: Timestamp;
}

/**
 * Options of `fcrFromCounts`.
 *
 * @example
 * const r = fcrFromCounts({ firstContact: 140, total: 200 }, { definition: 'no-reopen', method: 'wald' })
 * [r.definition, r.method] // => ['no-reopen', 'wald']
 */
export interface FcrCountsOptions extends FcrIntervalOptions {
  /** The definition the counts follow, carried into the result; `'unspecified'` by default. */
  definition?: FcrDefinition | 'unspecified';
}

/**
 * Result of `fcr` and `fcrFromCounts`.
 *
 * @example
 * const r = fcrFromCounts({ firstContact: 140, total: 200 })
 * [r.definition, r.firstContact, r.excluded] // => ['unspecified', 140, 0]
 */
export interface FcrResult extends Estimate {
  kind: 'fcr';
  /** The definition applied, so the number never travels without it. */
  definition: FcrDefinition | 'unspecified';
  /** Tickets in n resolved at first contact under the definition. */
  firstContact: number;
  /** Tickets left out of n, all reasons together (= unresolved + missingField + windowOpen). */
  excluded: number;
  /** Tickets not resolved (at asOf): FCR is not decided for them yet. */
  unresolved: number;
  /** Resolved tickets without the field the definition needs (`missing: 'exclude'`). */
  missingField: number;
  /** 'no-repeat-within' only: resolved tickets whose window had not ended when the data was taken. */
  windowOpen?: number;
  /** 'no-repeat-within' only: the window in ms. */
  windowMs?: number;
}

/**
 * First-contact resolution (FCR) rate of support tickets under a named definition, with a
 * confidence interval.
 *
 * FCR = resolved tickets resolved at first contact ÷ resolved tickets. The denominator is the
 * resolved tickets (`n`): whether an open ticket was resolved at first contact is not decided
 * yet, and counting it either way would bias the rate. Unresolved tickets are never dropped
 * silently: they are counted in `unresolved` (and `excluded`). Definitions (see docs/fcr.md for
 * sources):
 * - `'one-touch'`: resolved with at most one agent reply, agentReplies ≤ 1 (Zendesk Explore's
 *   "One-touch tickets": solved tickets with fewer than 2 agent replies).
 * - `'single-contact'`: the customer did not have to get in touch again, customerContacts ≤ 1
 *   (Freshservice's FCR %: resolved tickets with no customer interaction after the first).
 * - `'no-reopen'`: resolved and never reopened: no `reopenedAt` (at or before `asOf`), or where the
 *   export carries a count instead, `reopens === 0`.
 * - `'no-repeat-within'`: no new ticket from the same `customerId` created within `windowMs`
 *   (7 days by default) after this ticket's resolution: the repeat-contact method of SQM Group's
 *   internal call resolution (they use 30 days). Only tickets whose whole window was observed
 *   count (window end ≤ `asOf`, by default the latest createdAt); the others are in `windowOpen`,
 *   since their outcome is not known yet.
 * - `'reported'`: the customer's own answer in a survey, `firstContactResolved` (SQM Group's
 *   external, customer-reported resolution, the reference that ICMI and SQM put first).
 * A resolved ticket missing the field its definition needs is an error, or with
 * `missing: 'exclude'` left out and counted in `missingField`. When no ticket at all carries that
 * field (no `reopenedAt` or `reopens` anywhere for 'no-reopen', no `agentReplies` for 'one-touch', …)
 * the definition has nothing to read and `fcr` fails with INSUFFICIENT_DATA naming the field, rather
 * than report, say, a 100% of tickets "never reopened". `fcr(t, o)` is exactly
 * `estimate(summarize('fcr', t, o₁), o₂)` (o₁: definition, windowMs, missing, asOf; o₂: method,
 * confidence); see docs/summaries.md.
 *
 * The interval is Wilson's score interval by default (Wilson 1927,
 * doi:10.1080/01621459.1927.10502953); any method of `proportionInterval` can be chosen.
 *
 * @param tickets - ticket records `{ id, customerId?, createdAt, resolvedAt?, reopenedAt?, reopens?,
 *   agentReplies?, customerContacts?, firstContactResolved? }`, or an Arrow table with a column per
 *   field read (`createdAt`, `resolvedAt` and the definition's: `agentReplies`, `customerContacts`,
 *   `reopenedAt` and/or `reopens`, `customerId` or `firstContactResolved`; times as Timestamp or
 *   Date, null = not yet), read column by column; not mutated
 * @param options - `definition` (required), `windowMs`, `missing` ('error'), `asOf`, `method`
 *   ('wilson'), `confidence` (0.95)
 * @returns FcrResult: Estimate (value = firstContact / n, n = resolved tickets counted) plus
 *   `definition`, `firstContact`, `excluded`, `unresolved`, `missingField` (and `windowOpen`,
 *   `windowMs` for 'no-repeat-within')
 * @throws CxMetricsError EMPTY_INPUT for no tickets; INVALID_VALUE (with index and value) for a
 *   ticket that is not a record, an unreadable time, resolvedAt or reopenedAt before createdAt,
 *   createdAt after asOf, a field of the wrong type (a count that is not a whole number ≥ 0, a
 *   flag that is not a boolean) or, with `missing: 'error'`, a resolved ticket without the field
 *   needed; INVALID_OPTION for a missing or unknown definition, an unknown option (with the closest
 *   name) or a bad option; INSUFFICIENT_DATA when no ticket is left to count, or no ticket carries
 *   the field the definition reads
 * @example
 * const tickets = [
 *   { id: 1, createdAt: '2026-05-01', resolvedAt: '2026-05-01T10:00Z', agentReplies: 1 },
 *   { id: 2, createdAt: '2026-05-01', resolvedAt: '2026-05-02', agentReplies: 3 },
 *   { id: 3, createdAt: '2026-05-01', resolvedAt: '2026-05-01T12:00Z', agentReplies: 0 },
 *   { id: 4, createdAt: '2026-05-02', agentReplies: 1 },
 * ]
 * const r = fcr(tickets, { definition: 'one-touch' })
 * [r.firstContact, r.n, r.unresolved] // => [2, 3, 1]
 * r.value // => 2 / 3
 * r.definition // => 'one-touch'
 * // An Arrow table (arrow = apache-arrow) with the columns the definition reads:
 * const table = arrow.tableFromArrays({ createdAt: tickets.map((t) => new Date(t.createdAt)), resolvedAt: tickets.map((t) => (t.resolvedAt ? new Date(t.resolvedAt) : null)), agentReplies: Int32Array.from(tickets, (t) => t.agentReplies) })
 * fcr(table, { definition: 'one-touch' }).value // => 2 / 3
 */
export function fcr(tickets: readonly TicketRecord[] | ArrowTable, options: FcrOptions): FcrResult {
  const fn = 'fcr';
  const o = checkOptions(fn, options as unknown as Record<string, unknown> | undefined, FCR_KEYS);
  checkFcrDefinition(fn, o.definition);
  const settings = resolveFcrEstimate(fn, o);
  return estimateFcr(fn, summarizeFcr(fn, tickets, o), settings);
}

const FCR_KEYS: readonly string[] = [...FCR_SUMMARY_KEYS, ...FCR_ESTIMATE_KEYS];

/**
 * First-contact resolution rate from counts, when only the tallies are known: firstContact ÷
 * total, with a Wilson interval by default.
 *
 * `total` is the denominator, the resolved tickets (see `fcr` for why); `firstContact` those
 * resolved at first contact under the definition you used, which you can name in
 * `options.definition` so it travels with the number. The counts are finished as an FCR summary
 * with nothing left out, by the engine of `fcr` and `estimate`: the same counts give the same
 * numbers to the last bit, whichever the path.
 *
 * Reference: Wilson (1927), doi:10.1080/01621459.1927.10502953.
 *
 * @param counts - `{ firstContact, total }`, whole numbers with 0 ≤ firstContact ≤ total, total ≥ 1
 * @param options - `definition` (label, 'unspecified' by default), `method` ('wilson'), `confidence`
 * @returns FcrResult with excluded, unresolved and missingField 0
 * @throws CxMetricsError INVALID_VALUE for counts that are not whole numbers ≥ 0 or firstContact >
 *   total; EMPTY_INPUT when total is 0; INVALID_OPTION for a bad definition, method or confidence
 * @example
 * const r = fcrFromCounts({ firstContact: 140, total: 200 }, { definition: 'reported' })
 * r.value // => 0.7
 * r.lower // => 0.6332093162728074 (to 1e-12)
 * r.definition // => 'reported'
 * const s = { kind: 'fcr-summary', version: 1, definition: 'reported', total: 200, firstContact: 140, unresolved: 0, missingField: 0, windowOpen: 0 }
 * estimate(s).lower === r.lower // => true
 */
export function fcrFromCounts(
  counts: { firstContact: number; total: number },
  options: FcrCountsOptions = {},
): FcrResult {
  const fn = 'fcrFromCounts';
  if (counts === null || typeof counts !== 'object') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected { firstContact, total }, got ${describe(counts)}`, {
      value: counts,
    });
  }
  const firstContact = checkCount(fn, 'firstContact', counts.firstContact);
  const total = checkCount(fn, 'total', counts.total);
  if (total === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: total is 0; expected at least one resolved ticket`);
  if (firstContact > total) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: firstContact (${firstContact}) exceeds total (${total})`, {
      value: firstContact,
    });
  }
  const opts = checkOptions(fn, options, ['definition', 'method', 'confidence']);
  const definition = checkOneOf(fn, 'definition', opts.definition ?? 'unspecified', [
    ...FCR_DEFINITIONS,
    'unspecified',
  ] as const);
  const settings = resolveFcrEstimate(fn, opts);
  // The counts are an FCR summary with nothing left out, finished by the engine `fcr` and
  // `estimate` use, so the three agree to the last bit. No withField: whether the tickets carried
  // the definition's field is not known (and not checked); no window, none being given.
  const summary: FcrSummary = {
    kind: 'fcr-summary',
    version: 1,
    definition,
    total,
    firstContact,
    unresolved: 0,
    missingField: 0,
    windowOpen: 0,
  };
  return estimateFcr(fn, summary, settings);
}
