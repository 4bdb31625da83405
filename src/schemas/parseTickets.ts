import { checkOptions } from '../options.ts';
import { checkColumns } from './columns.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs, type RowPlan } from './parseRows.ts';
import { type Ticket, ticketSchema } from './ticketSchema.ts';

/**
 * Options of `parseTickets` and `parseTicketsOrThrow`.
 *
 * @example
 * parseTickets([{ ticket_id: 'T-1', created: '2026-05-01T09:00Z' }], { columns: { id: 'ticket_id', createdAt: 'created' } }).data[0].id // => 'T-1'
 */
export interface ParseTicketsOptions {
  /** Where each field is read from, for exports with other column names (field → column). */
  columns?: { readonly [F in keyof Ticket]?: string | undefined };
}

const FIELDS: readonly string[] = Object.keys(ticketSchema.shape);

function plan(fn: string, options: ParseTicketsOptions | undefined): RowPlan {
  const { columns } = checkOptions(fn, options, ['columns']);
  return { columns: checkColumns(fn, columns, FIELDS), required: ['id', 'createdAt'] };
}

/**
 * Validate support tickets (CSV rows or JSON records) against `ticketSchema` without throwing:
 * good rows in `data`, every problem of every bad row in `errors` as `{ index, path, message }`.
 * A blank `resolvedAt` is an open ticket, not an error.
 *
 * @param rows - records to validate (not mutated)
 * @param options - `columns` (field → column name), for exports with other column names; a
 *   required field missing from every row while a similar column exists is said first, once
 * @returns `{ data, rows, errors }`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length);
 *   INVALID_OPTION for an unknown option or a `columns` key that is not a field
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
  return parseRowsAs('parseTickets', rows, ticketSchema, plan('parseTickets', options));
}

/**
 * Like `parseTickets`, but returns the tickets and throws one CxMetricsError listing every
 * problem when any row is bad.
 *
 * @param rows - records to validate
 * @param options - as for `parseTickets`
 * @returns the parsed tickets
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and `value` all the `RowError`s
 * @example
 * parseTicketsOrThrow([{ id: 7, createdAt: 0 }])[0].id // => '7'
 */
export function parseTicketsOrThrow(rows: readonly unknown[], options?: ParseTicketsOptions): Ticket[] {
  return parseRowsOrThrowAs('parseTicketsOrThrow', rows, ticketSchema, plan('parseTicketsOrThrow', options));
}
