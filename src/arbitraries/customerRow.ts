import * as fc from 'fast-check';
import {
  ABSENT,
  amountCell,
  blank,
  CUSTOMER_FIELDS,
  type Format,
  formatTime,
  idCell,
  instant,
  type Maybe,
  optional,
  type Reading,
  rowArbitrary,
  rowOf,
  timeStyle,
  wordCell,
} from './cells.ts';
import type { RawCell, RawRow, RowOptions } from './types.ts';

const PLANS = ['free', 'starter', 'pro', 'Pro', 'enterprise'];
const DAY_MS = 86_400_000;

/** One valid customer row in one format. @internal */
export function customerRowIn(format: Format, reading: Reading): fc.Arbitrary<RawRow> {
  return (
    fc
      .record({
        id: idCell(format, 'A'),
        started: instant(),
        tenure: fc.integer({ min: 0, max: 5 * 365 * DAY_MS }),
        style: timeStyle(format, reading),
        ended: fc.boolean(),
        // An active customer: a blank endedAt, or no endedAt column.
        active: fc.oneof(fc.constant<Maybe<RawCell>>(ABSENT), blank(format)),
        plan: optional(format, wordCell(PLANS)),
        mrr: optional(format, amountCell(format, 5000)),
      })
      .map((cells) => ({
        cells,
        started: formatTime(cells.started, cells.style, reading),
        ended: formatTime(cells.started + cells.tenure, cells.style, reading),
      }))
      // The instants as read back stay in order (a time written to the day is read rounded down).
      .filter(({ started, ended }) => ended.at >= started.at)
      .map(({ cells, started, ended }) =>
        rowOf([
          ['id', cells.id],
          ['startedAt', started.cell],
          ['endedAt', cells.ended ? ended.cell : cells.active],
          ['plan', cells.plan],
          ['mrr', cells.mrr],
        ]),
      )
  );
}

/**
 * A fast-check arbitrary of valid raw customer (subscription) rows, in the shapes real exports
 * have, that `parseCustomers` (from 'cx-metrics/schemas') accepts with no error.
 *
 * Each row has an `id` and a `startedAt` time; `endedAt` is a time at or after it (churned),
 * blank or left out (active); `plan` and `mrr` ('490.5', '490.50', '0'; a number in JSON) are
 * values, blank or left out. Times are written as for `responseRow`, one style per row. Needs
 * the optional peer dependency fast-check (4.x).
 *
 * @param options - `format` ('csv' | 'json' | 'any', default 'any'); `timestampUnit`, `timeZone`
 *   and `columns`, as you give them to the parser (see `RowOptions`)
 * @returns an arbitrary of raw rows (fresh plain objects)
 * @throws CxMetricsError INVALID_OPTION for an unknown option, a bad format, unit, time zone or column mapping
 * @example
 * const rows = fc.sample(customerRow(), { numRuns: 50, seed: 42 })
 * parseCustomers(rows).errors // => []
 */
export function customerRow(options?: RowOptions): fc.Arbitrary<RawRow> {
  return rowArbitrary('customerRow', options, CUSTOMER_FIELDS, ['id', 'startedAt'], customerRowIn);
}
