import type * as fc from 'fast-check';
import { CUSTOMER_FIELDS, perFormat, readRowOptions } from './cells.ts';
import { customerRowIn } from './customerRow.ts';
import { badNumber, beforeTime, blankId, type Fault, faultyRowIn, renamed, unreadableTime } from './faults.ts';
import type { FaultyRow, RowOptions } from './types.ts';

const FAULTS: readonly Fault[] = [
  blankId('id'),
  unreadableTime('startedAt'),
  unreadableTime('endedAt'),
  beforeTime('endedAt', 'startedAt', []),
  badNumber('mrr', ['-5', '-0.01', '$490', '490,50', 'free'], 'not an amount ≥ 0'),
];

/**
 * A fast-check arbitrary of customer rows with exactly one fault each, and the field path
 * `parseCustomers` must report for it: `{ row, path, fault }`. The row is a `customerRow` with
 * one cell spoiled: a blank `id`; an unreadable `startedAt` or `endedAt`; an `endedAt` before
 * `startedAt`; or an `mrr` that is negative or not a plain number ('$490', '490,50'). Needs the
 * optional peer dependency fast-check (4.x).
 *
 * @param options - `format` ('csv' | 'json' | 'any', default 'any'); `timestampUnit`, `timeZone`
 *   and `columns`, as you give them to the parser (see `RowOptions`)
 * @returns an arbitrary of `{ row, path, fault }`
 * @throws CxMetricsError INVALID_OPTION for an unknown option, a bad format, unit, time zone or column mapping
 * @example
 * const [{ row, path, fault }] = fc.sample(faultyCustomerRow({ format: 'csv' }), { numRuns: 1, seed: 1 })
 * parseCustomers([row]).errors.map((e) => e.path) // => [path]
 * typeof fault // => 'string'
 */
export function faultyCustomerRow(options?: RowOptions): fc.Arbitrary<FaultyRow> {
  const { formats, reading, columns } = readRowOptions('faultyCustomerRow', options, CUSTOMER_FIELDS, [
    'id',
    'startedAt',
  ]);
  return renamed(
    perFormat(formats, (format) => faultyRowIn(customerRowIn(format, reading), format, FAULTS)),
    columns,
  );
}
