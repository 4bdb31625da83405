import * as fc from 'fast-check';
import { checkOptions } from '../options.ts';
import {
  ABSENT,
  amountCell,
  blank,
  type Format,
  formatTime,
  idCell,
  instant,
  type Maybe,
  optional,
  perFormat,
  resolveFormat,
  rowOf,
  timeStyle,
  wordCell,
} from './cells.ts';
import type { RawCell, RawRow, RowOptions } from './types.ts';

const PLANS = ['free', 'starter', 'pro', 'Pro', 'enterprise'];
const DAY_MS = 86_400_000;

/** One valid customer row in one format. @internal */
export function customerRowIn(format: Format): fc.Arbitrary<RawRow> {
  return fc
    .record({
      id: idCell(format, 'A'),
      started: instant(),
      tenure: fc.integer({ min: 0, max: 5 * 365 * DAY_MS }),
      style: timeStyle(format),
      ended: fc.boolean(),
      // An active customer: a blank endedAt, or no endedAt column.
      active: fc.oneof(fc.constant<Maybe<RawCell>>(ABSENT), blank(format)),
      plan: optional(format, wordCell(PLANS)),
      mrr: optional(format, amountCell(format, 5000)),
    })
    .map((cells) =>
      rowOf([
        ['id', cells.id],
        ['startedAt', formatTime(cells.started, cells.style)],
        ['endedAt', cells.ended ? formatTime(cells.started + cells.tenure, cells.style) : cells.active],
        ['plan', cells.plan],
        ['mrr', cells.mrr],
      ]),
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
 * @param options - `format` ('csv' | 'json' | 'any', default 'any')
 * @returns an arbitrary of raw rows (fresh plain objects)
 * @throws CxMetricsError INVALID_OPTION for an unknown option or a bad format
 * @example
 * const rows = fc.sample(customerRow(), { numRuns: 50, seed: 42 })
 * parseCustomers(rows).errors // => []
 */
export function customerRow(options?: RowOptions): fc.Arbitrary<RawRow> {
  const o = checkOptions('customerRow', options, ['format']);
  return perFormat(resolveFormat('customerRow', o.format), customerRowIn);
}
