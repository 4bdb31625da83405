import { CxMetricsError } from '../errors.ts';
import { checkSurvivalData } from '../stats/kaplanMeier.ts';
import { describe } from '../stats/validate.ts';
import type { SummaryNotes } from '../summary/types.ts';
import { businessMsBetween, type CompiledSchedule, compileSchedule, type Schedule } from '../time/businessDuration.ts';
import { parseTimestamp, type Timestamp, timestampHint } from '../time/timestamp.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import { type ArrowColumn, arrowValues, isArrowColumn, isArrowTable } from './arrowColumn.ts';
import { arrowTickets, type TicketColumn } from './arrowTickets.ts';

// Reading and checking support tickets, shared by ttr, firstResponseTime, slaAttainment and fcr.
// Internal to cx-metrics except the record types, which index.ts re-exports.

/**
 * A support ticket as the support metrics read it; the same fields as the Ticket schema
 * (`cx-metrics/schemas`), so parsed tickets can be passed straight in, and plain JSON records too.
 * Times are `Date`s, ISO-8601 strings (no offset = UTC) or epoch ms; `null`, `undefined` or a blank
 * string is "has not happened" (no `resolvedAt` = still open).
 *
 * @example
 * const tickets = [{ id: 'T-1', createdAt: '2026-05-01T09:00Z', firstResponseAt: '2026-05-01T09:20Z', resolvedAt: '2026-05-01T11:00Z', channel: 'email' }]
 * ttr(tickets).median.value // => 7200000
 * firstResponseTime(tickets).median.value // => 1200000
 */
export interface TicketRecord {
  /** Ticket id; used in error messages only. */
  id?: string | number;
  /** The customer (account or person) the ticket belongs to; needed by fcr's 'no-repeat-within'. */
  customerId?: string | number | null | undefined;
  /** When the ticket was opened (required). */
  createdAt: Timestamp;
  /** First agent response; absent while none yet. */
  firstResponseAt?: Timestamp | null | undefined;
  /** When the ticket was resolved; absent while open. */
  resolvedAt?: Timestamp | null | undefined;
  /** When the ticket was last reopened, if it was. */
  reopenedAt?: Timestamp | null | undefined;
  /** How many times the ticket was reopened (whole number ≥ 0), where an export carries a count instead of a time. */
  reopens?: number | null | undefined;
  /** Number of agent replies (whole number ≥ 0). */
  agentReplies?: number | null | undefined;
  /** Number of times the customer got in touch about this issue (whole number ≥ 0). */
  customerContacts?: number | null | undefined;
  /** Where the ticket came in ('email', 'chat', …); not used by the metrics. */
  channel?: string | null | undefined;
  /** Survey flag: the customer said the issue was resolved in the first contact. */
  firstContactResolved?: boolean | null | undefined;
}

/**
 * The clock a support metric measures: resolution (ttr) or first response.
 *
 * @example
 * const tickets = [{ id: 1, createdAt: '2026-05-01T08:00Z', firstResponseAt: '2026-05-01T08:30Z', resolvedAt: '2026-05-01T15:00Z' }]
 * slaAttainment(tickets, 3_600_000, { field: 'firstResponse' }).field // => 'firstResponse'
 */
export type TicketClockField = 'resolution' | 'firstResponse';

/**
 * Options shared by the functions that read a ticket clock.
 *
 * @example
 * ttr([1, 2, 3], { events: [1, 1, 0] }).open // => 1
 * ttr([{ id: 1, createdAt: '2026-05-01T09:00Z' }], { asOf: '2026-05-01T10:00Z' }).open // => 1
 */
export interface TicketClockOptions {
  /**
   * When the data was taken (its export time): tickets still open then are censored at `asOf`.
   * Required when any ticket is open; a ticket created after it is an error, one resolved after
   * it counts as still open at `asOf`. Only for ticket records.
   */
  asOf?: Timestamp;
  /** Measure in business time inside this schedule (see `businessDuration`). Only for ticket records. */
  businessHours?: Schedule;
  /**
   * With plain durations only: per duration, `true` (or 1) when completed, `false` (or 0) when
   * still open, censored at its duration. All completed by default. An Arrow vector (of booleans or
   * 0/1) is read as its values.
   */
  events?: ArrayLike<boolean | number> | ArrowColumn;
}

/** How each observation ended: completed (the event was seen). @internal */
export const COMPLETED = 1;
/** Still open, censored at asOf (or at its plain duration). @internal */
export const OPEN = 0;
/** firstResponse only: resolved before any agent response; censored at its resolution, for good. @internal */
export const CLOSED_UNANSWERED = 2;

/** Durations (ms) and how each ended, in input order. @internal */
export interface TicketClock {
  durations: Float64Array;
  /** COMPLETED, OPEN or CLOSED_UNANSWERED per observation. */
  status: Uint8Array;
  clock: 'elapsed' | 'business';
  /** Counts of records behind data warnings (AFTER_AS_OF, RESPONSE_AFTER_RESOLUTION, CLOSED_WITHOUT_RESPONSE). */
  notes: SummaryNotes;
}

const TIMESTAMP_EXPECTED =
  'expected an ISO-8601 date or date-time (without an offset it is UTC), epoch milliseconds or a valid Date';

/** True for null, undefined and blank strings: a time or value that is not there. @internal */
export function isAbsent(value: unknown): value is null | undefined | string {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** "ticket at index 3 (id "T-4")" for messages. @internal */
export function ticketLabel(ticket: unknown, index: number): string {
  const id = (ticket as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number'
    ? `ticket at index ${index} (id ${JSON.stringify(id)})`
    : `ticket at index ${index}`;
}

/**
 * Check that `tickets` is a non-empty array of records; returns it typed. Each element that is
 * not an object is an INVALID_VALUE naming its index. @internal
 */
export function checkTickets(fn: string, tickets: unknown): readonly TicketRecord[] {
  if (!Array.isArray(tickets)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected an array of tickets, got ${describe(tickets)}`, {
      value: tickets,
    });
  }
  if (tickets.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one ticket`);
  // An index loop, not forEach: forEach skips holes, which the metrics then read as undefined, and
  // walks a sparse array of huge length to its end; this one fails at the first hole.
  for (let i = 0; i < tickets.length; i++) {
    const ticket: unknown = tickets[i];
    if (ticket === null || typeof ticket !== 'object' || Array.isArray(ticket)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ticket at index ${i} is ${i in tickets ? describe(ticket) : 'missing (a hole in the array)'}; expected a ticket record { id, createdAt, resolvedAt?, … }`,
        { index: i, value: ticket },
      );
    }
  }
  return tickets as readonly TicketRecord[];
}

/** The time fields of a ticket. @internal */
export type TicketTimeField = 'createdAt' | 'firstResponseAt' | 'resolvedAt' | 'reopenedAt';

/**
 * Tickets read field by field: an array of records, or the columns of an Arrow table (never
 * turned into row objects). The metrics' loops read through it, so both inputs give the same
 * numbers by construction. @internal
 */
export interface TicketSource {
  readonly length: number;
  /** A field of ticket `index` as given (null or undefined when absent); for checks and messages. */
  value(field: keyof TicketRecord, index: number): unknown;
  /** A time field of ticket `index` in epoch ms, undefined when absent and not required. */
  time(fn: string, field: TicketTimeField, index: number, required: boolean): number | undefined;
  /** "ticket at index 3 (id "T-4")", for messages. */
  label(index: number): string;
}

/** Ticket records as a TicketSource (checked with checkTickets first). @internal */
export function recordTickets(tickets: readonly TicketRecord[]): TicketSource {
  return {
    length: tickets.length,
    value: (field, index) => (tickets[index] as TicketRecord)[field],
    time: (fn, field, index, required) => readTicketTime(fn, tickets[index] as TicketRecord, index, field, required),
    label: (index) => ticketLabel(tickets[index], index),
  };
}

/**
 * A ticket's timestamp field to epoch ms; `undefined` when absent (null, undefined, blank) and
 * not required. Errors name the function, the ticket index and id, and the field. @internal
 */
export function readTicketTime(
  fn: string,
  ticket: TicketRecord,
  index: number,
  field: TicketTimeField,
  required: boolean,
): number | undefined {
  const value: unknown = ticket[field];
  if (isAbsent(value)) {
    if (!required) return undefined;
    throw missingTime(fn, ticketLabel(ticket, index), index, field, value);
  }
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${ticketLabel(ticket, index)}: ${field} is ${describe(value)}; ${TIMESTAMP_EXPECTED}${timestampHint(value)}`,
      { index, value },
    );
  }
  return ms;
}

/** The error for a required time that is absent. @internal */
export function missingTime(fn: string, label: string, index: number, field: string, value: unknown): CxMetricsError {
  return new CxMetricsError('INVALID_VALUE', `${fn}: ${label} has no ${field}; ${TIMESTAMP_EXPECTED}`, {
    index,
    value,
  });
}

/** A later field of one ticket (ms), which must not be before its createdAt. @internal */
export function readTicketSpan(
  fn: string,
  tickets: TicketSource,
  index: number,
  field: 'firstResponseAt' | 'resolvedAt' | 'reopenedAt',
  createdAt: number,
): number | undefined {
  const at = tickets.time(fn, field, index, false);
  if (at !== undefined && at < createdAt) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${tickets.label(index)}: ${field} (${iso(at)}) is before createdAt (${iso(createdAt)}); expected a time at or after createdAt`,
      { index, value: tickets.value(field, index) },
    );
  }
  return at;
}

/** createdAt of one ticket (ms), checked against asOf when given. @internal */
export function readCreatedAt(fn: string, tickets: TicketSource, index: number, asOf: number | undefined): number {
  const createdAt = tickets.time(fn, 'createdAt', index, true) as number;
  if (asOf !== undefined && createdAt > asOf) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${tickets.label(index)}: createdAt (${iso(createdAt)}) is after asOf (${iso(asOf)}); ` +
        'expected only tickets that existed at asOf (the time the data was taken)',
      { index, value: tickets.value('createdAt', index) },
    );
  }
  return createdAt;
}

/** The `asOf` option to epoch ms (undefined when not given); INVALID_OPTION when unreadable. @internal */
export function readAsOf(fn: string, asOf: unknown): number | undefined {
  if (asOf === undefined) return undefined;
  const ms = parseTimestamp(asOf);
  if (ms === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: asOf is ${describe(asOf)}; ${TIMESTAMP_EXPECTED}${timestampHint(asOf)}`,
      {
        value: asOf,
      },
    );
  }
  return ms;
}

/** Epoch ms as an ISO-8601 UTC string, for messages. @internal */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A duration function for the clock: elapsed ms, or business ms inside `schedule`. The schedule
 * is checked here once, so a bad one is reported as an option of `fn`.
 */
function durationFunction(fn: string, schedule: Schedule | undefined): (start: number, end: number) => number {
  if (schedule === undefined) return (start, end) => end - start;
  let compiled: CompiledSchedule;
  try {
    // Compiled once for all tickets (a schedule compiled by the caller is taken as it is).
    compiled = compileSchedule(schedule);
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    throw new CxMetricsError('INVALID_OPTION', `${fn}: businessHours: ${error.message.replace(/^[\w.]+: /, '')}`, {
      value: error.value,
    });
  }
  return (start, end) => businessMsBetween('businessDuration', start, end, compiled);
}

/**
 * Read the durations a support metric measures, from ticket records (an array, or an Arrow table
 * of them, read column by column through the same loop), or plain durations (an array or an Arrow
 * vector).
 *
 * Tickets: the duration runs from createdAt to resolvedAt ('resolution') or firstResponseAt
 * ('firstResponse'). A ticket without that time is open and censored at asOf (which must then
 * be given); for 'firstResponse', a ticket resolved without any response is censored at its
 * resolution (CLOSED_UNANSWERED: it stopped waiting). A time after asOf counts as not yet
 * happened at asOf.
 * Plain durations: finite numbers ≥ 0 (ms) with optional `events`.
 * @internal
 */
export function readTicketClock(
  fn: string,
  input: unknown,
  field: TicketClockField,
  options: TicketClockOptions,
): TicketClock {
  if (isArrowColumn(input)) {
    // An Arrow vector of durations (ms), e.g. a DuckDB or Polars column: read from its buffers
    // into plain numbers (a null is a missing duration, refused with its index), never row objects.
    const values = arrowValues(input);
    if (values.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one duration`);
    return readPlainDurations(fn, values as ArrayLike<number>, options);
  }
  if (isArrowTable(input)) {
    // An Arrow table of tickets: its columns named as the record fields, read column by column.
    const endField = field === 'resolution' ? 'resolvedAt' : 'firstResponseAt';
    const columns: TicketColumn[] = [{ field: 'createdAt' }, { field: endField }];
    // First response also reads resolutions (closed unanswered), where the export has them.
    if (field === 'firstResponse') columns.push({ field: 'resolvedAt', optional: true });
    checkNoEvents(fn, field, options);
    return readClock(fn, arrowTickets(fn, input, columns), field, options);
  }
  if (input === null || typeof input !== 'object' || typeof (input as ArrayLike<unknown>).length !== 'number') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected an array of tickets or of durations in ms, got ${describe(input)}`,
      { value: input },
    );
  }
  const values = input as ArrayLike<unknown>;
  if (values.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one ticket or duration`);
  if (typeof values[0] === 'number') return readPlainDurations(fn, values as ArrayLike<number>, options);
  checkNoEvents(fn, field, options);
  return readClock(fn, recordTickets(checkTickets(fn, input)), field, options);
}

function checkNoEvents(fn: string, field: TicketClockField, options: TicketClockOptions): void {
  if (options.events !== undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: events is only for plain durations; ticket records carry their own state (no ${field === 'resolution' ? 'resolvedAt' : 'firstResponseAt'} = still open)`,
      { value: options.events },
    );
  }
}

/** The durations of a clock from tickets, records or Arrow columns. */
function readClock(
  fn: string,
  tickets: TicketSource,
  field: TicketClockField,
  options: TicketClockOptions,
): TicketClock {
  const asOf = readAsOf(fn, options.asOf);
  const duration = durationFunction(fn, options.businessHours);
  const n = tickets.length;
  const durations = new Float64Array(n);
  const status = new Uint8Array(n);
  const endField = field === 'resolution' ? 'resolvedAt' : 'firstResponseAt';
  let lateEvents = 0;
  let unanswered = 0;
  let respondedAfterResolution = 0;
  for (let i = 0; i < n; i++) {
    const createdAt = readCreatedAt(fn, tickets, i, asOf);
    let end = readTicketSpan(fn, tickets, i, endField, createdAt);
    // For first response, the resolution matters too: a ticket closed unanswered stops waiting.
    let resolvedAt = field === 'firstResponse' ? readTicketSpan(fn, tickets, i, 'resolvedAt', createdAt) : undefined;
    // A first response after the resolution is possible (a reply to a closed ticket) but usually a
    // data error; it is kept as given and counted in a warning.
    if (end !== undefined && resolvedAt !== undefined && end > resolvedAt) respondedAfterResolution++;
    if (asOf !== undefined) {
      if (end !== undefined && end > asOf) {
        end = undefined;
        lateEvents++;
      }
      if (resolvedAt !== undefined && resolvedAt > asOf) resolvedAt = undefined;
    }
    if (end !== undefined) {
      durations[i] = duration(createdAt, end);
      status[i] = COMPLETED;
    } else if (resolvedAt !== undefined) {
      durations[i] = duration(createdAt, resolvedAt);
      status[i] = CLOSED_UNANSWERED;
      unanswered++;
    } else {
      if (asOf === undefined) {
        throw new CxMetricsError(
          'INVALID_OPTION',
          `${fn}: ${tickets.label(i)} has no ${endField} (still open), so asOf is required: the time the data ` +
            'was taken, at which open tickets are censored (never dropped)',
          { index: i, value: tickets.value(endField, i) },
        );
      }
      durations[i] = duration(createdAt, asOf);
      status[i] = OPEN;
    }
  }
  const notes: SummaryNotes = {};
  if (lateEvents > 0) notes.AFTER_AS_OF = lateEvents;
  if (respondedAfterResolution > 0) notes.RESPONSE_AFTER_RESOLUTION = respondedAfterResolution;
  if (unanswered > 0) notes.CLOSED_WITHOUT_RESPONSE = unanswered;
  return { durations, status, clock: options.businessHours === undefined ? 'elapsed' : 'business', notes };
}

/**
 * The data warnings of a ticket clock from the counts behind them, in a fixed order (AFTER_AS_OF,
 * RESPONSE_AFTER_RESOLUTION, CLOSED_WITHOUT_RESPONSE). @internal
 */
export function clockWarnings(
  fn: string,
  notes: SummaryNotes | undefined,
  field: TicketClockField,
  metric: 'sla' | 'duration',
): CxWarning[] {
  const warnings: CxWarning[] = [];
  if (notes === undefined) return warnings;
  const endField = field === 'resolution' ? 'resolvedAt' : 'firstResponseAt';
  const late = notes.AFTER_AS_OF ?? 0;
  if (late > 0) {
    warnings.push(
      warning('AFTER_AS_OF', `${fn}: ${late} ticket(s) have ${endField} after asOf; they count as still open at asOf`),
    );
  }
  const swapped = notes.RESPONSE_AFTER_RESOLUTION ?? 0;
  if (swapped > 0) {
    warnings.push(
      warning(
        'RESPONSE_AFTER_RESOLUTION',
        `${fn}: ${swapped} ticket(s) have firstResponseAt after resolvedAt; kept as given, but check the export (a reply to a closed ticket, or swapped fields?)`,
      ),
    );
  }
  const unanswered = notes.CLOSED_WITHOUT_RESPONSE ?? 0;
  if (unanswered > 0) {
    warnings.push(
      warning(
        'CLOSED_WITHOUT_RESPONSE',
        metric === 'sla'
          ? `${fn}: ${unanswered} ticket(s) were resolved without a first response; each is a miss if it waited longer than the target before closing, otherwise excluded`
          : `${fn}: ${unanswered} ticket(s) were resolved without a first response; each is censored at its resolution (it waited at least that long, then stopped waiting)`,
      ),
    );
  }
  return warnings;
}

function readPlainDurations(fn: string, durations: ArrayLike<number>, options: TicketClockOptions): TicketClock {
  for (const name of ['asOf', 'businessHours'] as const) {
    if (options[name] !== undefined) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: ${name} is only for ticket records; with plain durations (ms), mark open ones in events (false = still open, censored at its duration)`,
        { value: options[name] },
      );
    }
  }
  const events = isArrowColumn(options.events) ? (arrowValues(options.events) as boolean[]) : options.events;
  const n = durations.length;
  if (events === undefined) {
    // All completed. Validated before anything is allocated (a sparse array fails at its first hole).
    for (let i = 0; i < n; i++) {
      const d = durations[i];
      if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: duration at index ${i} is ${describe(d)}; expected a finite number ≥ 0`,
          { index: i, value: d },
        );
      }
    }
  } else {
    // Validates durations (finite, ≥ 0, with the index at fault) and events together.
    checkSurvivalData(fn, durations, events, false);
  }
  const out = new Float64Array(n);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = (durations[i] as number) + 0; // −0 → 0
    status[i] = events === undefined || events[i] === true || events[i] === 1 ? COMPLETED : OPEN;
  }
  return { durations: out, status, clock: 'elapsed', notes: {} };
}
