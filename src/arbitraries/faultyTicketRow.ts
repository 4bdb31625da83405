import type * as fc from 'fast-check';
import { checkOptions } from '../options.ts';
import { perFormat, resolveFormat } from './cells.ts';
import { badNumber, beforeTime, blankId, type Fault, faultyRowIn, unreadableTime } from './faults.ts';
import { ticketRowIn } from './ticketRow.ts';
import type { FaultyRow, RowOptions } from './types.ts';

const LATER = ['firstResponseAt', 'resolvedAt', 'reopenedAt'];
const NOT_COUNTS = ['-1', '2.5', 'two', '3 replies'];

const FAULTS: readonly Fault[] = [
  blankId('id'),
  unreadableTime('createdAt'),
  ...LATER.map(unreadableTime),
  ...LATER.map((field) => beforeTime(field, 'createdAt', LATER)),
  badNumber('agentReplies', NOT_COUNTS, 'not a whole number ≥ 0'),
  badNumber('customerContacts', NOT_COUNTS, 'not a whole number ≥ 0'),
  badNumber('firstContactResolved', ['maybe', 'unknown', '2', 'resolved'], 'not yes or no'),
];

/**
 * A fast-check arbitrary of support-ticket rows with exactly one fault each, and the field path
 * `parseTickets` must report for it: `{ row, path, fault }`. The row is a `ticketRow` with one
 * cell spoiled: a blank `id`; an unreadable `createdAt`, `firstResponseAt`, `resolvedAt` or
 * `reopenedAt`; one of those three before `createdAt` (the other two left out); an
 * `agentReplies` or `customerContacts` that is not a whole number ≥ 0; or a
 * `firstContactResolved` that is not yes or no. Needs the optional peer dependency fast-check (4.x).
 *
 * @param options - `format` ('csv' | 'json' | 'any', default 'any')
 * @returns an arbitrary of `{ row, path, fault }`
 * @throws CxMetricsError INVALID_OPTION for an unknown option or a bad format
 * @example
 * const faulty = fc.sample(faultyTicketRow(), { numRuns: 20, seed: 5 })
 * faulty.every(({ row, path }) => JSON.stringify(parseTickets([row]).errors.map((e) => e.path)) === JSON.stringify([path])) // => true
 */
export function faultyTicketRow(options?: RowOptions): fc.Arbitrary<FaultyRow> {
  const o = checkOptions('faultyTicketRow', options, ['format']);
  return perFormat(resolveFormat('faultyTicketRow', o.format), (format) =>
    faultyRowIn(ticketRowIn(format), format, FAULTS),
  );
}
