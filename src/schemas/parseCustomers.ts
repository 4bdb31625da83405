import { checkOptions } from '../options.ts';
import { checkColumns } from './columns.ts';
import { type Customer, customerSchema } from './customerSchema.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs, type RowPlan } from './parseRows.ts';

/**
 * Options of `parseCustomers` and `parseCustomersOrThrow`.
 *
 * @example
 * parseCustomers([{ account: 'acme', start_date: '2025-01-15' }], { columns: { id: 'account', startedAt: 'start_date' } }).data[0].id // => 'acme'
 */
export interface ParseCustomersOptions {
  /** Where each field is read from, for exports with other column names (field → column). */
  columns?: { readonly [F in keyof Customer]?: string | undefined };
}

const FIELDS: readonly string[] = Object.keys(customerSchema.shape);

function plan(fn: string, options: ParseCustomersOptions | undefined): RowPlan {
  const { columns } = checkOptions(fn, options, ['columns']);
  return { columns: checkColumns(fn, columns, FIELDS), required: ['id', 'startedAt'] };
}

/**
 * Validate customers or subscriptions (CSV rows or JSON records) against `customerSchema`
 * without throwing: good rows in `data`, every problem of every bad row in `errors`. A blank
 * `endedAt` is an active customer, not an error.
 *
 * @param rows - records to validate (not mutated)
 * @param options - `columns` (field → column name), for exports with other column names; a
 *   required field missing from every row while a similar column exists is said first, once
 * @returns `{ data, rows, errors }`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length);
 *   INVALID_OPTION for an unknown option or a `columns` key that is not a field
 * @example
 * const { data, errors } = parseCustomers([
 *   { id: 'a', startedAt: '2025-01-01', endedAt: '' },
 *   { id: 'b', startedAt: '2025-03-01', endedAt: '2025-02-01', mrr: '-5' },
 * ])
 * data.length // => 1
 * errors.map((e) => e.path) // => [['mrr'], ['endedAt']]
 */
export function parseCustomers(rows: readonly unknown[], options?: ParseCustomersOptions): ParseResult<Customer> {
  return parseRowsAs('parseCustomers', rows, customerSchema, plan('parseCustomers', options));
}

/**
 * Like `parseCustomers`, but returns the customers and throws one CxMetricsError listing every
 * problem when any row is bad.
 *
 * @param rows - records to validate
 * @param options - as for `parseCustomers`
 * @returns the parsed customers
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and `value` all the `RowError`s
 * @example
 * parseCustomersOrThrow([{ id: 'a', startedAt: '2025-01-01' }])[0].startedAt.toISOString() // => '2025-01-01T00:00:00.000Z'
 */
export function parseCustomersOrThrow(rows: readonly unknown[], options?: ParseCustomersOptions): Customer[] {
  return parseRowsOrThrowAs('parseCustomersOrThrow', rows, customerSchema, plan('parseCustomersOrThrow', options));
}
