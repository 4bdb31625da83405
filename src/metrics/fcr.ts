import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkCount, checkOneOf, describe } from '../stats/validate.ts';
import type { Timestamp } from '../time/timestamp.ts';
import type { CxWarning, Estimate } from '../types.ts';
import {
  checkTickets,
  isAbsent,
  iso,
  readAsOf,
  readCreatedAt,
  readTicketSpan,
  type TicketRecord,
  ticketLabel,
} from './tickets.ts';

/**
 * The named ways of deciding that a resolved ticket was resolved at first contact.
 *
 * @example
 * FCR_DEFINITIONS // => ['one-touch', 'single-contact', 'no-reopen', 'no-repeat-within', 'reported']
 */
export type FcrDefinition = 'one-touch' | 'single-contact' | 'no-reopen' | 'no-repeat-within' | 'reported';

/**
 * The FCR definitions `fcr` knows, in the order docs/fcr.md describes them.
 *
 * @example
 * FCR_DEFINITIONS.includes('one-touch') // => true
 * FCR_DEFINITIONS.length // => 5
 */
export const FCR_DEFINITIONS: readonly FcrDefinition[] = [
  'one-touch',
  'single-contact',
  'no-reopen',
  'no-repeat-within',
  'reported',
];

const DAY_MS = 86_400_000;

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
 * - `'no-reopen'`: resolved and never reopened (no `reopenedAt`).
 * - `'no-repeat-within'`: no new ticket from the same `customerId` created within `windowMs`
 *   (7 days by default) after this ticket's resolution: the repeat-contact method of SQM Group's
 *   internal call resolution (they use 30 days). Only tickets whose whole window was observed
 *   count (window end ≤ `asOf`, by default the latest createdAt); the others are in `windowOpen`,
 *   since their outcome is not known yet.
 * - `'reported'`: the customer's own answer in a survey, `firstContactResolved` (SQM Group's
 *   external, customer-reported resolution, the reference that ICMI and SQM put first).
 * A resolved ticket missing the field its definition needs is an error, or with
 * `missing: 'exclude'` left out and counted in `missingField`.
 *
 * The interval is Wilson's score interval by default (Wilson 1927,
 * doi:10.1080/01621459.1927.10502953); any method of `proportionInterval` can be chosen.
 *
 * @param tickets - ticket records `{ id, customerId?, createdAt, resolvedAt?, reopenedAt?,
 *   agentReplies?, customerContacts?, firstContactResolved? }`; not mutated
 * @param options - `definition` (required), `windowMs`, `missing` ('error'), `asOf`, `method`
 *   ('wilson'), `confidence` (0.95)
 * @returns FcrResult: Estimate (value = firstContact / n, n = resolved tickets counted) plus
 *   `definition`, `firstContact`, `excluded`, `unresolved`, `missingField` (and `windowOpen`,
 *   `windowMs` for 'no-repeat-within')
 * @throws CxMetricsError EMPTY_INPUT for no tickets; INVALID_VALUE (with index and value) for a
 *   ticket that is not a record, an unreadable time, resolvedAt or reopenedAt before createdAt,
 *   createdAt after asOf, a field of the wrong type (a count that is not a whole number ≥ 0, a
 *   flag that is not a boolean) or, with `missing: 'error'`, a resolved ticket without the field
 *   needed; INVALID_OPTION for a missing or unknown definition or a bad option; INSUFFICIENT_DATA
 *   when no ticket is left to count
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
 */
export function fcr(tickets: readonly TicketRecord[], options: FcrOptions): FcrResult {
  const fn = 'fcr';
  const opts = (options ?? {}) as Partial<FcrOptions>;
  if (opts.definition === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: definition is required; expected one of ${FCR_DEFINITIONS.map((d) => `'${d}'`).join(', ')}`,
    );
  }
  const definition = checkOneOf(fn, 'definition', opts.definition, FCR_DEFINITIONS);
  const missing = checkOneOf(fn, 'missing', opts.missing ?? 'error', ['error', 'exclude'] as const);
  const method = checkOneOf(fn, 'method', opts.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const windowMs = opts.windowMs ?? 7 * DAY_MS;
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs < 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: windowMs is ${describe(windowMs)}; expected a finite number of ms ≥ 0`,
      {
        value: windowMs,
      },
    );
  }
  if (opts.windowMs !== undefined && definition !== 'no-repeat-within') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: windowMs applies only to definition 'no-repeat-within', not '${definition}'`,
      { value: opts.windowMs },
    );
  }
  const list = checkTickets(fn, tickets);
  const asOf = readAsOf(fn, opts.asOf);

  // Times first, for every ticket (a repeat can come from any ticket, resolved or not).
  const created = new Float64Array(list.length);
  const resolved: (number | undefined)[] = [];
  list.forEach((ticket, i) => {
    created[i] = readCreatedAt(fn, ticket, i, asOf);
    const at = readTicketSpan(fn, ticket, i, 'resolvedAt', created[i] as number);
    resolved.push(asOf !== undefined && at !== undefined && at > asOf ? undefined : at);
  });
  const repeats = definition === 'no-repeat-within' ? repeatFinder(fn, list, created) : undefined;
  let observedUntil = asOf;
  if (observedUntil === undefined) observedUntil = created.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);

  let firstContact = 0;
  let n = 0;
  let unresolved = 0;
  let missingField = 0;
  let windowOpen = 0;
  list.forEach((ticket, i) => {
    const resolvedAt = resolved[i];
    if (resolvedAt === undefined) {
      unresolved++;
      return;
    }
    let success: boolean | undefined;
    switch (definition) {
      case 'one-touch':
        success = atMostOne(fn, ticket, i, 'agentReplies');
        break;
      case 'single-contact':
        success = atMostOne(fn, ticket, i, 'customerContacts');
        break;
      case 'no-reopen': {
        let reopenedAt = readTicketSpan(fn, ticket, i, 'reopenedAt', created[i] as number);
        if (asOf !== undefined && reopenedAt !== undefined && reopenedAt > asOf) reopenedAt = undefined;
        success = reopenedAt === undefined;
        break;
      }
      case 'no-repeat-within': {
        const customer = customerKey(fn, ticket, i);
        if (customer === undefined) break;
        if (resolvedAt + windowMs > (observedUntil as number)) {
          windowOpen++;
          return;
        }
        success = !(repeats as RepeatFinder)(customer, resolvedAt, resolvedAt + windowMs);
        break;
      }
      case 'reported':
        success = flag(fn, ticket, i);
        break;
    }
    if (success === undefined) {
      if (missing === 'error') {
        const needed = NEEDS[definition];
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: ${ticketLabel(ticket, i)} is resolved but has no ${needed}, which definition '${definition}' needs; ` +
            `fill it in, or pass missing: 'exclude' to leave such tickets out (counted in excluded)`,
          { index: i, value: ticket[needed] },
        );
      }
      missingField++;
      return;
    }
    n++;
    if (success) firstContact++;
  });

  const excluded = unresolved + missingField + windowOpen;
  if (n === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: no resolved ticket to count (${unresolved} unresolved, ${missingField} missing ${NEEDS[definition]}${definition === 'no-repeat-within' ? `, ${windowOpen} with the window still open` : ''}); expected at least one`,
    );
  }
  const warnings: CxWarning[] = [];
  if (unresolved > 0) {
    warnings.push({
      code: 'UNRESOLVED',
      message: `${fn}: ${unresolved} unresolved ticket(s) are left out of n (counted in unresolved): FCR is decided only once a ticket is resolved`,
    });
  }
  if (missingField > 0) {
    warnings.push({
      code: 'MISSING_FIELD',
      message: `${fn}: ${missingField} resolved ticket(s) without ${NEEDS[definition]} are left out of n (missing: 'exclude')`,
    });
  }
  if (windowOpen > 0) {
    warnings.push({
      code: 'WINDOW_OPEN',
      message: `${fn}: ${windowOpen} resolved ticket(s) whose ${windowMs} ms window runs past ${iso(observedUntil as number)} (${asOf === undefined ? 'the latest createdAt; pass asOf to set it' : 'asOf'}) are left out of n: whether the customer comes back is not known yet`,
    });
  }
  const estimate = proportionIntervalUnchecked(fn, firstContact, n, method, confidence);
  return printable({
    ...estimate,
    warnings: [...warnings, ...estimate.warnings],
    definition,
    firstContact,
    excluded,
    unresolved,
    missingField,
    ...(definition === 'no-repeat-within' ? { windowOpen, windowMs } : {}),
  });
}

/**
 * First-contact resolution rate from counts, when only the tallies are known: firstContact ÷
 * total, with a Wilson interval by default.
 *
 * `total` is the denominator, the resolved tickets (see `fcr` for why); `firstContact` those
 * resolved at first contact under the definition you used, which you can name in
 * `options.definition` so it travels with the number.
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
  const opts = options ?? {};
  const definition = checkOneOf(fn, 'definition', opts.definition ?? 'unspecified', [
    ...FCR_DEFINITIONS,
    'unspecified',
  ] as const);
  const method = checkOneOf(fn, 'method', opts.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  return printable({
    ...proportionIntervalUnchecked(fn, firstContact, total, method, confidence),
    definition,
    firstContact,
    excluded: 0,
    unresolved: 0,
    missingField: 0,
  });
}

/** The field each definition reads from a resolved ticket. */
const NEEDS = {
  'one-touch': 'agentReplies',
  'single-contact': 'customerContacts',
  'no-reopen': 'reopenedAt',
  'no-repeat-within': 'customerId',
  reported: 'firstContactResolved',
} as const satisfies Record<FcrDefinition, keyof TicketRecord>;

/** count ≤ 1, or undefined when the count is absent. */
function atMostOne(
  fn: string,
  ticket: TicketRecord,
  index: number,
  field: 'agentReplies' | 'customerContacts',
): boolean | undefined {
  const value: unknown = ticket[field];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${ticketLabel(ticket, index)}: ${field} is ${describe(value)}; expected a whole number ≥ 0`,
      { index, value },
    );
  }
  return value <= 1;
}

function flag(fn: string, ticket: TicketRecord, index: number): boolean | undefined {
  const value: unknown = ticket.firstContactResolved;
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'boolean') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${ticketLabel(ticket, index)}: firstContactResolved is ${describe(value)}; expected true or false (parse CSV rows with parseTickets first)`,
      { index, value },
    );
  }
  return value;
}

/** The customer id as text ('1042' and 1042 are the same customer), or undefined when absent. */
function customerKey(fn: string, ticket: TicketRecord, index: number): string | undefined {
  const value: unknown = ticket.customerId;
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: ${ticketLabel(ticket, index)}: customerId is ${describe(value)}; expected text or a number`,
    { index, value },
  );
}

/** Whether the customer opened a ticket with createdAt in (from, to]. */
type RepeatFinder = (customer: string, from: number, to: number) => boolean;

function repeatFinder(fn: string, tickets: readonly TicketRecord[], created: Float64Array): RepeatFinder {
  const byCustomer = new Map<string, number[]>();
  tickets.forEach((ticket, i) => {
    const customer = customerKey(fn, ticket, i);
    if (customer === undefined) return;
    const times = byCustomer.get(customer);
    if (times === undefined) byCustomer.set(customer, [created[i] as number]);
    else times.push(created[i] as number);
  });
  for (const times of byCustomer.values()) times.sort((a, b) => a - b);
  return (customer, from, to) => {
    const times = byCustomer.get(customer) ?? [];
    // First creation time > from, by binary search.
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] as number) > from) hi = mid;
      else lo = mid + 1;
    }
    return lo < times.length && (times[lo] as number) <= to;
  };
}
