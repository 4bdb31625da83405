import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import { summaryCount, summaryFields, summaryNumber } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { FcrSummary } from '../summary/types.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import { isArrowTable } from './arrowColumn.ts';
import { columnNames } from './arrowTable.ts';
import { arrowTickets, type TicketColumn } from './arrowTickets.ts';
import type { FcrOptions, FcrResult } from './fcr.ts';
import {
  checkTickets,
  isAbsent,
  readAsOf,
  readCreatedAt,
  readTicketSpan,
  recordTickets,
  type TicketRecord,
  type TicketSource,
} from './tickets.ts';

// The FCR summary family: under one definition, the resolved tickets counted, those resolved at
// first contact, and every ticket left out by reason. `fcr` is `estimate(summarize('fcr', …))`.

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
 * Options of `summarize('fcr', tickets, …)`: those of `fcr` that shape the counts (the interval
 * options belong to `estimate`).
 *
 * @example
 * const tickets = [{ id: 1, createdAt: '2026-05-01', resolvedAt: '2026-05-02', reopens: 0 }]
 * summarize('fcr', tickets, { definition: 'no-reopen' }).total // => 1
 */
export type FcrSummaryOptions = Pick<FcrOptions, 'definition' | 'windowMs' | 'missing' | 'asOf'>;

/** Options that shape an FCR summary. @internal */
export const FCR_SUMMARY_KEYS = ['definition', 'windowMs', 'missing', 'asOf'] as const;
/** Options of the FCR estimate. @internal */
export const FCR_ESTIMATE_KEYS = ['method', 'confidence'] as const;

/** The field each definition reads from a ticket, as messages name it. @internal */
export const FCR_NEEDS = {
  'one-touch': 'agentReplies',
  'single-contact': 'customerContacts',
  'no-reopen': 'reopenedAt or reopens',
  'no-repeat-within': 'customerId',
  reported: 'firstContactResolved',
} as const satisfies Record<FcrDefinition, string>;

/** The record fields that carry each definition's information. */
const CARRIERS = {
  'one-touch': ['agentReplies'],
  'single-contact': ['customerContacts'],
  'no-reopen': ['reopenedAt', 'reopens'],
  'no-repeat-within': ['customerId'],
  reported: ['firstContactResolved'],
} as const satisfies Record<FcrDefinition, readonly (keyof TicketRecord)[]>;

/** Resolved estimate options. @internal */
export interface FcrEstimateSettings {
  method: ProportionMethod;
  confidence: number;
}

/** Check the estimate options. @internal */
export function resolveFcrEstimate(fn: string, o: Record<string, unknown>): FcrEstimateSettings {
  return {
    method: checkOneOf(fn, 'method', o.method ?? 'wilson', PROPORTION_METHODS),
    confidence: checkConfidence(fn, o.confidence ?? 0.95),
  };
}

/** The definition option, required. @internal */
export function checkFcrDefinition(fn: string, definition: unknown): FcrDefinition {
  if (definition === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: definition is required; expected one of ${FCR_DEFINITIONS.map((d) => `'${d}'`).join(', ')}`,
    );
  }
  return checkOneOf(fn, 'definition', definition, FCR_DEFINITIONS);
}

/**
 * Read tickets into the FCR summary of one definition: a pass for the times (a repeat can come
 * from any ticket), then one deciding each resolved ticket. @internal
 */
export function summarizeFcr(fn: string, tickets: unknown, o: Record<string, unknown>): FcrSummary {
  const definition = checkFcrDefinition(fn, o.definition);
  const missing = checkOneOf(fn, 'missing', o.missing ?? 'error', ['error', 'exclude'] as const);
  const windowMs = o.windowMs ?? 7 * DAY_MS;
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs < 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: windowMs is ${describe(windowMs)}; expected a finite number of ms ≥ 0`,
      { value: windowMs },
    );
  }
  if (o.windowMs !== undefined && definition !== 'no-repeat-within') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: windowMs applies only to definition 'no-repeat-within', not '${definition}'`,
      { value: o.windowMs },
    );
  }
  const list = ticketSource(fn, tickets, definition);
  const asOf = readAsOf(fn, o.asOf);

  // Records that carry the definition's field at all: none means the definition has nothing to
  // read (estimate refuses it), and then a ticket without it is not an error of its own.
  const carriers = CARRIERS[definition] as readonly (keyof TicketRecord)[];
  let withField = 0;
  for (let i = 0; i < list.length; i++) {
    if (carriers.some((field) => !isAbsent(list.value(field, i)))) withField++;
  }
  const strict = missing === 'error' && withField > 0;

  // Times first, for every ticket (a repeat can come from any ticket, resolved or not).
  const created = new Float64Array(list.length);
  const resolved: (number | undefined)[] = [];
  for (let i = 0; i < list.length; i++) {
    created[i] = readCreatedAt(fn, list, i, asOf);
    const at = readTicketSpan(fn, list, i, 'resolvedAt', created[i] as number);
    resolved.push(asOf !== undefined && at !== undefined && at > asOf ? undefined : at);
  }
  const repeats = definition === 'no-repeat-within' ? repeatFinder(fn, list, created) : undefined;
  let observedUntil = asOf;
  if (observedUntil === undefined) observedUntil = created.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);

  let firstContact = 0;
  let total = 0;
  let unresolved = 0;
  let missingField = 0;
  let windowOpen = 0;
  for (let i = 0; i < list.length; i++) {
    const resolvedAt = resolved[i];
    if (resolvedAt === undefined) {
      unresolved++;
      continue;
    }
    let success: boolean | undefined;
    switch (definition) {
      case 'one-touch':
        success = atMostOne(fn, list, i, 'agentReplies');
        break;
      case 'single-contact':
        success = atMostOne(fn, list, i, 'customerContacts');
        break;
      case 'no-reopen':
        success = notReopened(fn, list, i, created[i] as number, asOf);
        break;
      case 'no-repeat-within': {
        const customer = customerKey(fn, list, i);
        if (customer === undefined) break;
        if (resolvedAt + windowMs > (observedUntil as number)) {
          windowOpen++;
          continue;
        }
        success = !(repeats as RepeatFinder)(customer, resolvedAt, resolvedAt + windowMs);
        break;
      }
      case 'reported':
        success = flag(fn, list, i);
        break;
    }
    if (success === undefined) {
      if (strict) {
        const needed = CARRIERS[definition][0];
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: ${list.label(i)} is resolved but has no ${needed}, which definition '${definition}' needs; ` +
            `fill it in, or pass missing: 'exclude' to leave such tickets out (counted in excluded)`,
          { index: i, value: list.value(needed, i) },
        );
      }
      missingField++;
      continue;
    }
    total++;
    if (success) firstContact++;
  }
  return {
    kind: 'fcr-summary',
    version: 1,
    definition,
    ...(definition === 'no-repeat-within' ? { windowMs } : {}),
    total,
    firstContact,
    unresolved,
    missingField,
    windowOpen,
    withField,
  };
}

/**
 * Tickets as fcr reads them: records, or an Arrow table with a column per field read —
 * createdAt and resolvedAt, and the definition's (reopenedAt and/or reopens for 'no-reopen'). @internal
 */
function ticketSource(fn: string, tickets: unknown, definition: FcrDefinition): TicketSource {
  if (!isArrowTable(tickets)) return recordTickets(checkTickets(fn, tickets));
  const carriers = CARRIERS[definition] as readonly (keyof TicketRecord)[];
  const columns: TicketColumn[] = [{ field: 'createdAt' }, { field: 'resolvedAt' }];
  // 'no-reopen' reads a reopenedAt or a reopens column, or both; it needs one of them.
  if (carriers.every((field) => tickets.getChild(field) === null)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: the Arrow table has no column ${carriers.map((c) => `"${c}"`).join(' or ')}, which definition '${definition}' reads (${columnNames(tickets)})`,
      { value: FCR_NEEDS[definition] },
    );
  }
  for (const field of carriers) columns.push({ field, optional: true });
  return arrowTickets(fn, tickets, columns);
}

/** Check an FCR summary from outside and copy it. @internal */
export function checkFcr(fn: string, s: unknown): FcrSummary {
  const o = summaryFields(fn, s, 'fcr-summary', [
    'kind',
    'version',
    'definition',
    'windowMs',
    'total',
    'firstContact',
    'unresolved',
    'missingField',
    'windowOpen',
    'withField',
  ]);
  const definitions: readonly string[] = [...FCR_DEFINITIONS, 'unspecified'];
  if (typeof o.definition !== 'string' || !definitions.includes(o.definition)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: definition is ${describe(o.definition)}; expected one of ${definitions.map((d) => `'${d}'`).join(', ')}`,
      { value: o.definition },
    );
  }
  const definition = o.definition as FcrSummary['definition'];
  let windowMs: number | undefined;
  if (definition === 'no-repeat-within') {
    windowMs = summaryNumber(fn, 'windowMs', o.windowMs, 'non-negative');
  } else if (o.windowMs !== undefined) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: windowMs is given but definition is '${definition}'; only 'no-repeat-within' has a window`,
      { value: o.windowMs },
    );
  }
  const total = summaryCount(fn, 'total', o.total);
  const firstContact = summaryCount(fn, 'firstContact', o.firstContact);
  if (firstContact > total) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: firstContact (${firstContact}) exceeds total (${total})`, {
      value: firstContact,
    });
  }
  const windowOpen = summaryCount(fn, 'windowOpen', o.windowOpen);
  if (windowOpen > 0 && definition !== 'no-repeat-within') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: windowOpen is ${windowOpen} but definition is '${definition}'; only 'no-repeat-within' has a window`,
      { value: windowOpen },
    );
  }
  return {
    kind: 'fcr-summary',
    version: 1,
    definition,
    ...(windowMs === undefined ? {} : { windowMs }),
    total,
    firstContact,
    unresolved: summaryCount(fn, 'unresolved', o.unresolved),
    missingField: summaryCount(fn, 'missingField', o.missingField),
    windowOpen,
    ...(o.withField === undefined ? {} : { withField: summaryCount(fn, 'withField', o.withField) }),
  };
}

/** Two FCR summaries added; INVALID_VALUE for another definition or window. @internal */
export function mergeFcr(fn: string, a: FcrSummary, b: FcrSummary): FcrSummary {
  if (a.definition !== b.definition) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge summaries made under different definitions: '${a.definition}' and '${b.definition}'`,
      { value: b.definition },
    );
  }
  if (a.windowMs !== b.windowMs) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge summaries made under different windows: ${a.windowMs} ms and ${b.windowMs} ms`,
      { value: b.windowMs },
    );
  }
  const withField = a.withField === undefined || b.withField === undefined ? undefined : a.withField + b.withField;
  return {
    kind: 'fcr-summary',
    version: 1,
    definition: a.definition,
    ...(a.windowMs === undefined ? {} : { windowMs: a.windowMs }),
    total: a.total + b.total,
    firstContact: a.firstContact + b.firstContact,
    unresolved: a.unresolved + b.unresolved,
    missingField: a.missingField + b.missingField,
    windowOpen: a.windowOpen + b.windowOpen,
    ...(withField === undefined ? {} : { withField }),
  };
}

/** The FCR rate and its interval from a summary. @internal */
export function estimateFcr(fn: string, s: FcrSummary, settings: FcrEstimateSettings): FcrResult {
  const { definition, total: n, firstContact, unresolved, missingField, windowOpen } = s;
  const needed = definition === 'unspecified' ? 'the field its definition needs' : FCR_NEEDS[definition];
  if (s.withField === 0 && definition !== 'unspecified') {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: no ticket carries ${needed}, which definition '${definition}' reads; ` +
        (definition === 'no-reopen'
          ? 'without it every resolved ticket would count as never reopened (a false 100%). '
          : '') +
        `Add ${needed} to the tickets (map the export's column), or choose a definition the data supports`,
      { value: needed },
    );
  }
  if (n === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: no resolved ticket to count (${unresolved} unresolved, ${missingField} missing ${needed}${definition === 'no-repeat-within' ? `, ${windowOpen} with the window still open` : ''}); expected at least one`,
    );
  }
  const warnings: CxWarning[] = [];
  if (unresolved > 0) {
    warnings.push(
      warning(
        'UNRESOLVED',
        `${fn}: ${unresolved} unresolved ticket(s) are left out of n (counted in unresolved): FCR is decided only once a ticket is resolved`,
      ),
    );
  }
  if (missingField > 0) {
    warnings.push(
      warning(
        'MISSING_FIELD',
        `${fn}: ${missingField} resolved ticket(s) without ${needed} are left out of n (missing: 'exclude')`,
      ),
    );
  }
  if (windowOpen > 0) {
    warnings.push(
      warning(
        'WINDOW_OPEN',
        `${fn}: ${windowOpen} resolved ticket(s) whose ${s.windowMs} ms window runs past the end of the data (asOf, or the latest createdAt when asOf is not given) are left out of n: whether the customer comes back is not known yet`,
      ),
    );
  }
  const estimate = proportionIntervalUnchecked(fn, firstContact, n, settings.method, settings.confidence);
  return printable({
    kind: 'fcr' as const,
    ...estimate,
    warnings: [...warnings, ...estimate.warnings],
    definition,
    firstContact,
    excluded: unresolved + missingField + windowOpen,
    unresolved,
    missingField,
    // Without a window (counts given by hand, fcrFromCounts) there is no window to report open.
    ...(definition === 'no-repeat-within' && s.windowMs !== undefined ? { windowOpen, windowMs: s.windowMs } : {}),
  });
}

/** count ≤ 1, or undefined when the count is absent. */
function atMostOne(
  fn: string,
  tickets: TicketSource,
  index: number,
  field: 'agentReplies' | 'customerContacts' | 'reopens',
): boolean | undefined {
  const value: unknown = tickets.value(field, index);
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${tickets.label(index)}: ${field} is ${describe(value)}; expected a whole number ≥ 0`,
      { index, value },
    );
  }
  return value <= 1;
}

/**
 * 'no-reopen': a reopenedAt time (at or before asOf) says reopened; otherwise a reopens count
 * says whether it was (reopens === 0: never); with neither, never reopened.
 */
function notReopened(
  fn: string,
  tickets: TicketSource,
  index: number,
  createdAt: number,
  asOf: number | undefined,
): boolean {
  if (!isAbsent(tickets.value('reopenedAt', index))) {
    const reopenedAt = readTicketSpan(fn, tickets, index, 'reopenedAt', createdAt) as number;
    return asOf !== undefined && reopenedAt > asOf;
  }
  const value: unknown = tickets.value('reopens', index);
  if (isAbsent(value)) return true;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${tickets.label(index)}: reopens is ${describe(value)}; expected a whole number ≥ 0`,
      { index, value },
    );
  }
  return value === 0;
}

function flag(fn: string, tickets: TicketSource, index: number): boolean | undefined {
  const value: unknown = tickets.value('firstContactResolved', index);
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'boolean') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${tickets.label(index)}: firstContactResolved is ${describe(value)}; expected true or false (parse CSV rows with parseTickets first)`,
      { index, value },
    );
  }
  return value;
}

/** The customer id as text ('1042' and 1042 are the same customer), or undefined when absent. */
function customerKey(fn: string, tickets: TicketSource, index: number): string | undefined {
  const value: unknown = tickets.value('customerId', index);
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: ${tickets.label(index)}: customerId is ${describe(value)}; expected text or a number`,
    { index, value },
  );
}

/** Whether the customer opened a ticket with createdAt in (from, to]. */
type RepeatFinder = (customer: string, from: number, to: number) => boolean;

function repeatFinder(fn: string, tickets: TicketSource, created: Float64Array): RepeatFinder {
  const byCustomer = new Map<string, number[]>();
  for (let i = 0; i < tickets.length; i++) {
    const customer = customerKey(fn, tickets, i);
    if (customer === undefined) continue;
    const times = byCustomer.get(customer);
    if (times === undefined) byCustomer.set(customer, [created[i] as number]);
    else times.push(created[i] as number);
  }
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

/** The FCR summary family. @internal */
export const FCR_FAMILY: SummaryFamily<FcrSummary, FcrResult> = {
  metric: 'fcr',
  kind: 'fcr-summary',
  summarizeKeys: FCR_SUMMARY_KEYS,
  estimateKeys: FCR_ESTIMATE_KEYS,
  summarize: summarizeFcr,
  merge: mergeFcr,
  check: checkFcr,
  estimate: (fn, s, o) => estimateFcr(fn, s, resolveFcrEstimate(fn, o)),
};
