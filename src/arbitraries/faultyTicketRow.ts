import * as fc from 'fast-check';
import { perFormat, readRowOptions, TICKET_FIELDS } from './cells.ts';
import { badNumber, beforeTime, blankId, type Fault, faultyRowIn, renamed, spoil, unreadableTime } from './faults.ts';
import { ticketRowIn } from './ticketRow.ts';
import type { FaultyRow, RowOptions } from './types.ts';

const LATER = ['firstResponseAt', 'resolvedAt', 'reopenedAt'];
const NOT_COUNTS = ['-1', '2.5', 'two', '3 replies'];

const FAULTS: readonly Fault[] = [
  blankId('id'),
  unreadableTime('createdAt'),
  ...LATER.map(unreadableTime),
  // A reopenedAt moved before createdAt is still a time: the reopens count beside it goes too
  // (a count of 0 with a reopenedAt is a second fault).
  ...LATER.map((field) => beforeTime(field, 'createdAt', field === 'reopenedAt' ? [...LATER, 'reopens'] : LATER)),
  badNumber('agentReplies', NOT_COUNTS, 'not a whole number ≥ 0'),
  badNumber('customerContacts', NOT_COUNTS, 'not a whole number ≥ 0'),
  badNumber('reopens', NOT_COUNTS, 'not a whole number ≥ 0'),
  // No reopening counted beside the row's own (valid) reopening time: the count is at fault.
  (row) => {
    const at = row.reopenedAt;
    if (typeof at !== 'number' && (typeof at !== 'string' || at.trim() === '')) return undefined;
    return fc
      .constantFrom('0', ' 0 ', '0.0')
      .map((zero) => spoil(row, 'reopens', zero, `reopens '${zero}' beside a reopenedAt`));
  },
  badNumber('firstContactResolved', ['maybe', 'unknown', '2', 'resolved'], 'not yes or no'),
];

/**
 * A fast-check arbitrary of support-ticket rows with exactly one fault each, and the field path
 * `parseTickets` must report for it: `{ row, path, fault }`. The row is a `ticketRow` with one
 * cell spoiled: a blank `id`; an unreadable `createdAt`, `firstResponseAt`, `resolvedAt` or
 * `reopenedAt`; one of those three before `createdAt` (the other two left out); an
 * `agentReplies`, `customerContacts` or `reopens` that is not a whole number ≥ 0; a `reopens` of 0
 * beside a `reopenedAt`; or a
 * `firstContactResolved` that is not yes or no. Needs the optional peer dependency fast-check (4.x).
 *
 * @param options - `format` ('csv' | 'json' | 'any', default 'any'); `timestampUnit`, `timeZone`
 *   and `columns`, as you give them to the parser (see `RowOptions`)
 * @returns an arbitrary of `{ row, path, fault }`
 * @throws CxMetricsError INVALID_OPTION for an unknown option, a bad format, unit, time zone or column mapping
 * @example
 * const faulty = fc.sample(faultyTicketRow(), { numRuns: 20, seed: 5 })
 * faulty.every(({ row, path }) => JSON.stringify(parseTickets([row]).errors.map((e) => e.path)) === JSON.stringify([path])) // => true
 */
export function faultyTicketRow(options?: RowOptions): fc.Arbitrary<FaultyRow> {
  const { formats, reading, columns } = readRowOptions('faultyTicketRow', options, TICKET_FIELDS, ['id', 'createdAt']);
  return renamed(
    perFormat(formats, (format) => faultyRowIn(ticketRowIn(format, reading), format, FAULTS)),
    columns,
  );
}
