import * as z from 'zod';
import { optionalNonNegative, optionalText, requiredText } from './cells.ts';
import { fastCustomer, registerFastPath } from './fastRows.ts';
import { timeOrder } from './order.ts';
import { optionalTimestampSchema, timestampSchema } from './timestampSchema.ts';

const [customerOrder, customerOrderParams] = timeOrder([['endedAt', 'startedAt']]);

/**
 * A customer or subscription, as `churn`, `retentionCurve` and `cohortRetention` read them:
 * `{ id, startedAt, endedAt?, plan?, mrr? }`.
 *
 * `startedAt` and `endedAt` are ISO-8601 (no offset = UTC), epoch milliseconds or Dates, parsed to
 * Dates; a blank or null `endedAt` means still active (censored, never dropped). `endedAt` must
 * not be before `startedAt` (error on ['endedAt']). `mrr` (monthly recurring revenue) is a finite
 * number ≥ 0 in the user's currency. `id` is required text (numbers become strings).
 *
 * @example
 * const c = customerSchema.parse({ id: 'acme', startedAt: '2025-01-15', endedAt: ' ', plan: 'pro', mrr: '490.50' })
 * c.endedAt // => undefined
 * c.mrr // => 490.5
 * customerSchema.safeParse({ id: 'acme', startedAt: '2025-01-15', endedAt: '2024-12-31' }).error.issues[0].path // => ['endedAt']
 */
export const customerSchema = z
  .object({
    id: requiredText('Customer or subscription id (required).'),
    startedAt: timestampSchema.describe(
      'When the subscription started: ISO-8601 date or date-time (no offset = UTC) or epoch milliseconds.',
    ),
    endedAt: optionalTimestampSchema.describe('When it ended (churned); absent or null while active.'),
    plan: optionalText('Plan or tier name.'),
    mrr: optionalNonNegative('Monthly recurring revenue (finite, ≥ 0), in your currency.', 'an MRR'),
  })
  .superRefine(customerOrder, customerOrderParams)
  .describe('A customer or subscription with its start and (if churned) end.');
// The parsers read the rows this schema accepts without zod, to the same output (fastRows.ts).
registerFastPath(customerSchema, fastCustomer);

/**
 * A parsed customer: times as Dates, optional fields `undefined` when blank.
 *
 * @example
 * parseCustomersOrThrow([{ id: 'a', startedAt: '2026-01-01', endedAt: null }])[0] // => { id: 'a', startedAt: new Date('2026-01-01T00:00Z') }
 */
export type Customer = z.output<typeof customerSchema>;
