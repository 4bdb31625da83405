import * as fc from 'fast-check';
import {
  ABSENT,
  blank,
  countCell,
  type Format,
  flagCell,
  formatTime,
  idCell,
  instant,
  integerCell,
  type Maybe,
  optional,
  type Reading,
  rowArbitrary,
  rowOf,
  TICKET_FIELDS,
  timeStyle,
  type Written,
  wordCell,
} from './cells.ts';
import type { RawCell, RawRow, RowOptions } from './types.ts';

const CHANNELS = ['email', 'chat', 'phone', 'web', 'social'];
const DAY_MS = 86_400_000;

/** One valid ticket row in one format. @internal */
export function ticketRowIn(format: Format, reading: Reading): fc.Arbitrary<RawRow> {
  // Times after createdAt, in the order a ticket lives them: first response, a reopening, the
  // last resolution (each optional). One style per row; the instants as read back are kept in
  // order (a time written to the minute or the day is read rounded down).
  const times = fc
    .tuple(
      instant(),
      fc.array(fc.integer({ min: 0, max: 30 * DAY_MS }), { minLength: 3, maxLength: 3 }),
      timeStyle(format, reading),
    )
    .map(([created, offsets, style]) => {
      const [a, b, c] = [...offsets].sort((x, y) => x - y) as [number, number, number];
      return [created, created + a, created + b, created + c].map((ms) => formatTime(ms, style, reading));
    })
    .filter((written) => written.every((w) => w.at >= (written[0] as Written).at))
    .map(
      (written) => written.map((w) => w.cell) as [string | number, string | number, string | number, string | number],
    );
  return fc
    .record({
      id: idCell(format, 'T'),
      customerId: optional(format, idCell(format, 'C')),
      times,
      firstResponse: fc.boolean(),
      reopened: fc.boolean(),
      resolved: fc.boolean(),
      agentReplies: optional(format, countCell(format)),
      // How often the ticket was reopened (exports without reopenedAt carry only this count);
      // at least 1 when reopenedAt is given.
      reopensWith: optional(
        format,
        fc.integer({ min: 1, max: 5 }).chain((n) => integerCell(format, n)),
      ),
      reopensWithout: optional(
        format,
        fc.integer({ min: 0, max: 5 }).chain((n) => integerCell(format, n)),
      ),
      customerContacts: optional(format, countCell(format)),
      channel: optional(format, wordCell(CHANNELS)),
      firstContactResolved: optional(format, flagCell(format)),
    })
    .chain((cells) => {
      const [createdAt, firstResponseAt, reopenedAt, resolvedAt] = cells.times;
      // A time that has not happened: a blank cell, or no column at all.
      const notYet = fc.oneof(fc.constant<Maybe<RawCell>>(ABSENT), blank(format));
      return fc.tuple(notYet, notYet, notYet).map(([noFirst, noReopen, noResolve]) =>
        rowOf([
          ['id', cells.id],
          ['customerId', cells.customerId],
          ['createdAt', createdAt],
          ['firstResponseAt', cells.firstResponse ? firstResponseAt : noFirst],
          ['resolvedAt', cells.resolved ? resolvedAt : noResolve],
          ['reopenedAt', cells.reopened ? reopenedAt : noReopen],
          ['reopens', cells.reopened ? cells.reopensWith : cells.reopensWithout],
          ['agentReplies', cells.agentReplies],
          ['customerContacts', cells.customerContacts],
          ['channel', cells.channel],
          ['firstContactResolved', cells.firstContactResolved],
        ]),
      );
    });
}

/**
 * A fast-check arbitrary of valid raw support-ticket rows, in the shapes real exports have, that
 * `parseTickets` (from 'cx-metrics/schemas') accepts with no error.
 *
 * Each row has an `id` ('T-1042' or '1042'; 1042 in JSON) and a `createdAt` time; `firstResponseAt`,
 * `reopenedAt` and `resolvedAt` are each there (never before `createdAt`, in that order), blank
 * (not yet happened: an open ticket) or left out; `customerId`, `agentReplies`, `reopens` (at
 * least 1 beside a `reopenedAt`), `customerContacts` ('3', ' 3 ', '3.0'), `channel` and
 * `firstContactResolved` (true/false,
 * yes/no, y/n, 1/0 in any case) are values, blank or left out. Times are written as for
 * `responseRow`, one style per row. Needs the optional peer dependency fast-check (4.x).
 *
 * @param options - `format` ('csv' | 'json' | 'any', default 'any'); `timestampUnit`, `timeZone`
 *   and `columns`, as you give them to the parser (see `RowOptions`)
 * @returns an arbitrary of raw rows (fresh plain objects)
 * @throws CxMetricsError INVALID_OPTION for an unknown option, a bad format, unit, time zone or column mapping
 * @example
 * const rows = fc.sample(ticketRow({ format: 'csv' }), { numRuns: 50, seed: 42 })
 * parseTickets(rows).errors // => []
 */
export function ticketRow(options?: RowOptions): fc.Arbitrary<RawRow> {
  return rowArbitrary('ticketRow', options, TICKET_FIELDS, ['id', 'createdAt'], ticketRowIn);
}
