import { type Customer, customerSchema } from './customerSchema.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs } from './parseRows.ts';

/**
 * Validate customers or subscriptions (CSV rows or JSON records) against `customerSchema`
 * without throwing: good rows in `data`, every problem of every bad row in `errors`. A blank
 * `endedAt` is an active customer, not an error.
 *
 * @param rows - records to validate (not mutated)
 * @returns `{ data, rows, errors }`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length)
 * @example
 * const { data, errors } = parseCustomers([
 *   { id: 'a', startedAt: '2025-01-01', endedAt: '' },
 *   { id: 'b', startedAt: '2025-03-01', endedAt: '2025-02-01', mrr: '-5' },
 * ])
 * data.length // => 1
 * errors.map((e) => e.path) // => [['mrr'], ['endedAt']]
 */
export function parseCustomers(rows: readonly unknown[]): ParseResult<Customer> {
  return parseRowsAs('parseCustomers', rows, customerSchema);
}

/**
 * Like `parseCustomers`, but returns the customers and throws one CxMetricsError listing every
 * problem when any row is bad.
 *
 * @param rows - records to validate
 * @returns the parsed customers
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and `value` all the `RowError`s
 * @example
 * parseCustomersOrThrow([{ id: 'a', startedAt: '2025-01-01' }])[0].startedAt.toISOString() // => '2025-01-01T00:00:00.000Z'
 */
export function parseCustomersOrThrow(rows: readonly unknown[]): Customer[] {
  return parseRowsOrThrowAs('parseCustomersOrThrow', rows, customerSchema);
}
