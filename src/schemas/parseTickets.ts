import { checkOptions } from '../options.ts';
import type { TimestampReading } from '../time/timestamp.ts';
import { checkColumns, fieldView } from './columns.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs, type RowPlan } from './parseRows.ts';
import { type Ticket, ticketSchema } from './ticketSchema.ts';
import {
  TIMESTAMP_OPTION_KEYS,
  type TimestampParseOptions,
  timestampReadingOption,
  withTimestampReading,
} from './timestampSchema.ts';

/**
 * Options of `parseTickets` and `parseTicketsOrThrow`: how to read times the export does not
 * fully describe, and where to read each field from.
 *
 * @example
 * parseTickets([{ ticket_id: 'T-1', created: '2026-05-01T09:00Z' }], { columns: { id: 'ticket_id', createdAt: 'created' } }).data[0].id // => 'T-1'
 * @example
 * parseTicketsOrThrow([{ id: 'T-1', createdAt: '1777626000' }], { timestampUnit: 's' })[0].createdAt.toISOString() // => '2026-05-01T09:00:00.000Z'
 */
export interface ParseTicketsOptions extends TimestampParseOptions {
  /** Where each field is read from, for exports with other column names (field → column). */
  columns?: { readonly [F in keyof Ticket]?: string | undefined };
}

const FIELDS: readonly string[] = Object.keys(ticketSchema.shape);

/** The checked options: the timestamp reading, and the column mapping for the row loop. */
function prepare(fn: string, options: ParseTicketsOptions | undefined): { reading: TimestampReading; plan: RowPlan } {
  const checked = checkOptions(fn, options, [...TIMESTAMP_OPTION_KEYS, 'columns']);
  const columns = checkColumns(fn, checked.columns, FIELDS);
  const view = columns === undefined ? undefined : fieldView(FIELDS, columns);
  const plan: RowPlan = { columns, view, required: ['id', 'createdAt'] };
  return { reading: timestampReadingOption(fn, checked), plan };
}

/**
 * Validate support tickets (CSV rows or JSON records) against `ticketSchema` without throwing:
 * good rows in `data`, every problem of every bad row in `errors` as `{ index, path, message }`.
 * A blank `resolvedAt` is an open ticket, not an error.
 *
 * Times are ISO-8601 (no offset = UTC, or `options.timeZone`), epoch milliseconds from 2000 on,
 * or Dates; a number before 2000 is reported with the hint that it looks like epoch seconds. For
 * exports in epoch seconds pass `timestampUnit: 's'` (numbers and digit strings alike).
 *
 * @param rows - records to validate (not mutated)
 * @param options - `timestampUnit` ('ms' default, or 's'), `timeZone` (IANA name) of zone-less times;
 *   `columns` (field → column name) for exports with other column names: a required field
 *   missing from every row while a similar column exists is said first, once (index −1)
 * @returns `{ data, rows, errors }`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length);
 *   INVALID_OPTION for bad options (an unknown key, or a `columns` key that is not a field, with
 *   the closest name)
 * @example
 * const { data, errors } = parseTickets([
 *   { id: 'T-1', createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T11:30Z' },
 *   { id: 'T-2', createdAt: '2026-05-01T10:00Z', resolvedAt: '' },
 *   { id: 'T-3', createdAt: '2026-05-02T10:00Z', resolvedAt: '2026-05-01T10:00Z' },
 * ])
 * data.map((t) => t.resolvedAt?.toISOString()) // => ['2026-05-01T11:30:00.000Z', undefined]
 * errors[0].path // => ['resolvedAt']
 * errors[0].message // => 'resolvedAt (2026-05-01T10:00:00.000Z) is before createdAt (2026-05-02T10:00:00.000Z); expected a time at or after createdAt'
 */
export function parseTickets(rows: readonly unknown[], options?: ParseTicketsOptions): ParseResult<Ticket> {
  const { reading, plan } = prepare('parseTickets', options);
  return withTimestampReading(reading, () => parseRowsAs('parseTickets', rows, ticketSchema, plan));
}

/**
 * Like `parseTickets`, but returns the tickets and throws one CxMetricsError listing every
 * problem when any row is bad.
 *
 * @param rows - records to validate
 * @param options - as for `parseTickets`
 * @returns the parsed tickets
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and `value` all the
 *   `RowError`s; INVALID_OPTION for bad options
 * @example
 * parseTicketsOrThrow([{ id: 7, createdAt: 1777626000000 }])[0].id // => '7'
 * parseTicketsOrThrow([{ id: 7, createdAt: 1777626000 }], { timestampUnit: 's' })[0].createdAt.toISOString() // => '2026-05-01T09:00:00.000Z'
 * parseTicketsOrThrow([{ id: 7, createdAt: '2026-05-01 11:00' }], { timeZone: 'Europe/Warsaw' })[0].createdAt.toISOString() // => '2026-05-01T09:00:00.000Z'
 */
export function parseTicketsOrThrow(rows: readonly unknown[], options?: ParseTicketsOptions): Ticket[] {
  const { reading, plan } = prepare('parseTicketsOrThrow', options);
  return withTimestampReading(reading, () => parseRowsOrThrowAs('parseTicketsOrThrow', rows, ticketSchema, plan));
}
