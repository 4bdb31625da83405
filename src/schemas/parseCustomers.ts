import { checkOptions } from '../options.ts';
import type { TimestampReading } from '../time/timestamp.ts';
import { checkColumns, fieldView } from './columns.ts';
import { type Customer, customerSchema } from './customerSchema.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs, type RowPlan } from './parseRows.ts';
import {
  TIMESTAMP_OPTION_KEYS,
  type TimestampParseOptions,
  timestampReadingOption,
  withTimestampReading,
} from './timestampSchema.ts';

/**
 * Options of `parseCustomers` and `parseCustomersOrThrow`: how to read times the export does not
 * fully describe, and where to read each field from.
 *
 * @example
 * parseCustomers([{ account: 'acme', start_date: '2025-01-15' }], { columns: { id: 'account', startedAt: 'start_date' } }).data[0].id // => 'acme'
 * @example
 * parseCustomersOrThrow([{ id: 'a', startedAt: 1735689600 }], { timestampUnit: 's' })[0].startedAt.toISOString() // => '2025-01-01T00:00:00.000Z'
 */
export interface ParseCustomersOptions extends TimestampParseOptions {
  /** Where each field is read from, for exports with other column names (field → column). */
  columns?: { readonly [F in keyof Customer]?: string | undefined };
}

const FIELDS: readonly string[] = Object.keys(customerSchema.shape);

/** The checked options: the timestamp reading, and the column mapping for the row loop. */
function prepare(fn: string, options: ParseCustomersOptions | undefined): { reading: TimestampReading; plan: RowPlan } {
  const checked = checkOptions(fn, options, [...TIMESTAMP_OPTION_KEYS, 'columns']);
  const columns = checkColumns(fn, checked.columns, FIELDS);
  const view = columns === undefined ? undefined : fieldView(FIELDS, columns);
  const plan: RowPlan = { columns, view, required: ['id', 'startedAt'] };
  return { reading: timestampReadingOption(fn, checked), plan };
}

/**
 * Validate customers or subscriptions (CSV rows or JSON records) against `customerSchema`
 * without throwing: good rows in `data`, every problem of every bad row in `errors`. A blank
 * `endedAt` is an active customer, not an error.
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
 * const { data, errors } = parseCustomers([
 *   { id: 'a', startedAt: '2025-01-01', endedAt: '' },
 *   { id: 'b', startedAt: '2025-03-01', endedAt: '2025-02-01', mrr: '-5' },
 * ])
 * data.length // => 1
 * errors.map((e) => e.path) // => [['mrr'], ['endedAt']]
 */
export function parseCustomers(rows: readonly unknown[], options?: ParseCustomersOptions): ParseResult<Customer> {
  const { reading, plan } = prepare('parseCustomers', options);
  return withTimestampReading(reading, () => parseRowsAs('parseCustomers', rows, customerSchema, plan));
}

/**
 * Like `parseCustomers`, but returns the customers and throws one CxMetricsError listing every
 * problem when any row is bad.
 *
 * @param rows - records to validate
 * @param options - as for `parseCustomers`
 * @returns the parsed customers
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and `value` all the
 *   `RowError`s; INVALID_OPTION for bad options
 * @example
 * parseCustomersOrThrow([{ id: 'a', startedAt: '2025-01-01' }])[0].startedAt.toISOString() // => '2025-01-01T00:00:00.000Z'
 */
export function parseCustomersOrThrow(rows: readonly unknown[], options?: ParseCustomersOptions): Customer[] {
  const { reading, plan } = prepare('parseCustomersOrThrow', options);
  return withTimestampReading(reading, () => parseRowsOrThrowAs('parseCustomersOrThrow', rows, customerSchema, plan));
}
