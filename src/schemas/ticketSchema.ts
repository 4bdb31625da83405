import * as z from 'zod';
import { optionalCount, optionalFlag, optionalText, requiredText } from './cells.ts';
import { fastTicket, registerFastPath } from './fastRows.ts';
import { timeOrder } from './order.ts';
import { optionalTimestampSchema, timestampSchema } from './timestampSchema.ts';

const [ticketOrder, ticketOrderParams] = timeOrder([
  ['firstResponseAt', 'createdAt'],
  ['resolvedAt', 'createdAt'],
  ['reopenedAt', 'createdAt'],
]);

/** A ticket that says it was reopened (reopenedAt) cannot have been reopened 0 times. */
function reopenAgreement(record: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const { reopenedAt, reopens } = record;
  if (reopens === 0 && reopenedAt instanceof Date && !Number.isNaN(reopenedAt.getTime())) {
    ctx.addIssue({
      code: 'custom',
      path: ['reopens'],
      message: `reopens is 0 but reopenedAt is ${reopenedAt.toISOString()}; expected at least 1 for a reopened ticket (or a blank reopenedAt)`,
    });
  }
}

/**
 * A support ticket, as `ttr`, `firstResponseTime` and `fcr` read them:
 * `{ id, customerId?, createdAt, firstResponseAt?, resolvedAt?, reopenedAt?, reopens?,
 * agentReplies?, customerContacts?, channel?, firstContactResolved? }`.
 *
 * Times are ISO-8601 (no offset = UTC), epoch milliseconds or Dates, parsed to Dates; a blank
 * cell or null is "has not happened" (`undefined`), so a ticket without `resolvedAt` is open
 * (censored at `asOf` by `ttr`, never dropped). `firstResponseAt`, `resolvedAt` and `reopenedAt`
 * must not be before `createdAt` (error on the later field's path). `reopens` (how many times the
 * ticket was reopened, for exports that carry a count instead of `reopenedAt`), `agentReplies` and
 * `customerContacts` are whole numbers ≥ 0; `reopens: 0` with a `reopenedAt` is an error on
 * ['reopens']; `firstContactResolved` is the customer's own answer
 * to "was your issue resolved in one contact?" (true/false, yes/no, y/n, 1/0; blank = not asked).
 * `id` is required text (numbers become strings). Unknown keys are dropped.
 *
 * @example
 * const t = ticketSchema.parse({ id: 1042, createdAt: '2026-05-01T09:00Z', resolvedAt: '', agentReplies: '2', firstContactResolved: 'yes' })
 * t.id // => '1042'
 * t.resolvedAt // => undefined
 * [t.agentReplies, t.firstContactResolved] // => [2, true]
 * ticketSchema.parse({ id: 'T-2', createdAt: '2026-05-01', reopens: '1' }).reopens // => 1
 * ticketSchema.safeParse({ id: 'T-1', createdAt: '2026-05-02', resolvedAt: '2026-05-01' }).error.issues[0].path // => ['resolvedAt']
 */
export const ticketSchema = z
  .object({
    id: requiredText('Ticket id (required).'),
    customerId: optionalText('The customer (account or person) the ticket belongs to.'),
    createdAt: timestampSchema.describe(
      'When the ticket was opened: ISO-8601 date or date-time (no offset = UTC) or epoch milliseconds.',
    ),
    firstResponseAt: optionalTimestampSchema.describe('First agent response; absent or null if none yet.'),
    resolvedAt: optionalTimestampSchema.describe('When the ticket was resolved; absent or null while open.'),
    reopenedAt: optionalTimestampSchema.describe('When the ticket was last reopened, if it was.'),
    reopens: optionalCount(
      'Number of times the ticket was reopened (whole number ≥ 0; 0 = never). Exports that carry a count instead of reopenedAt.',
    ),
    agentReplies: optionalCount('Number of agent replies (whole number ≥ 0).'),
    customerContacts: optionalCount('Number of times the customer got in touch about this issue (whole number ≥ 0).'),
    channel: optionalText('Where the ticket came in, e.g. "email", "chat", "phone".'),
    firstContactResolved: optionalFlag(
      'Survey flag: the customer said the issue was resolved in the first contact (true/false).',
    ),
  })
  .superRefine(ticketOrder, ticketOrderParams)
  .superRefine(reopenAgreement, ticketOrderParams)
  .describe('A support ticket with its timestamps and contact counts.');
// The parsers read the rows this schema accepts without zod, to the same output (fastRows.ts).
registerFastPath(ticketSchema, fastTicket);

/**
 * A parsed ticket: times as Dates, optional fields `undefined` when blank.
 *
 * @example
 * parseTicketsOrThrow([{ id: 'T-1', createdAt: '2026-05-01', agentReplies: '' }])[0] // => { id: 'T-1', createdAt: new Date('2026-05-01T00:00Z') }
 */
export type Ticket = z.output<typeof ticketSchema>;
