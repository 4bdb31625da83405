import * as z from 'zod';
import { optionalNonNegative, optionalText, requiredText } from './cells.ts';
import { fastCart, fastJourneyEvent, registerFastPath } from './fastRows.ts';
import { timeOrder } from './order.ts';
import { optionalTimestampSchema, timestampSchema } from './timestampSchema.ts';

/**
 * A journey event, as `funnel` reads it: `{ customerId, stage, at, touchpoint?, channel?,
 * device? }` — a customer reaching a stage at a time.
 *
 * `customerId` and `stage` are required text (numbers become strings); `at` is ISO-8601 (no
 * offset = UTC), epoch milliseconds or a Date, parsed to a Date. `touchpoint`, `channel` and
 * `device` are optional text, blank = `undefined`. Unknown keys are dropped.
 *
 * @example
 * const e = journeyEventSchema.parse({ customerId: 7, stage: 'cart', at: '2026-04-01T06:33Z', device: '' })
 * e.customerId // => '7'
 * e.at.toISOString() // => '2026-04-01T06:33:00.000Z'
 * e.device // => undefined
 * journeyEventSchema.safeParse({ customerId: 'U1', stage: '', at: '2026-04-01' }).error.issues[0].path // => ['stage']
 */
export const journeyEventSchema = z
  .object({
    customerId: requiredText('The customer (person or account) the event belongs to (required).'),
    stage: requiredText('The journey stage reached, one of the funnel stages (required).'),
    at: timestampSchema.describe(
      'When the stage was reached: ISO-8601 date or date-time (no offset = UTC) or epoch milliseconds.',
    ),
    touchpoint: optionalText('Where it happened: a page, a mail, a store visit.'),
    channel: optionalText('The marketing or sales channel, e.g. "search", "email", "store".'),
    device: optionalText('The device, e.g. "desktop", "mobile".'),
  })
  .describe('A journey event: a customer reaching a stage at a time.');
// The parsers read the rows this schema accepts without zod, to the same output (fastRows.ts).
registerFastPath(journeyEventSchema, fastJourneyEvent);

/**
 * A parsed journey event: `at` as a Date, optional fields `undefined` when blank.
 *
 * @example
 * parseJourneyEventsOrThrow([{ customerId: 'U1', stage: 'visit', at: '2026-04-01' }])[0] // => { customerId: 'U1', stage: 'visit', at: new Date('2026-04-01T00:00Z') }
 */
export type ParsedJourneyEvent = z.output<typeof journeyEventSchema>;

// Not destructured, and typed: module-level destructuring and inferred types are JSR slow types.
const cartOrder: readonly [
  (record: Record<string, unknown>, ctx: z.RefinementCtx) => void,
  { when: (payload: z.core.ParsePayload) => boolean },
] = timeOrder([['purchasedAt', 'createdAt']]);

/**
 * A shopping cart, as `cartAbandonment` reads it: `{ cartId, createdAt, purchasedAt?, device?,
 * channel?, value? }`.
 *
 * `cartId` is required text (numbers become strings); times are ISO-8601 (no offset = UTC),
 * epoch milliseconds or Dates, parsed to Dates. A blank `purchasedAt` is a cart not bought (yet),
 * never the epoch; a `purchasedAt` before `createdAt` is an error on ['purchasedAt']. `value` is
 * a finite number ≥ 0 (numeric strings accepted). Unknown keys are dropped.
 *
 * @example
 * const c = cartSchema.parse({ cartId: 5001, createdAt: '2026-04-01T06:33Z', purchasedAt: '', value: '40.80' })
 * c.cartId // => '5001'
 * c.purchasedAt // => undefined
 * c.value // => 40.8
 * cartSchema.safeParse({ cartId: 'K-1', createdAt: '2026-04-02', purchasedAt: '2026-04-01' }).error.issues[0].path // => ['purchasedAt']
 */
export const cartSchema = z
  .object({
    cartId: requiredText('Cart id (required).'),
    createdAt: timestampSchema.describe(
      'When the cart was created (the first item added): ISO-8601 date or date-time (no offset = UTC) or epoch milliseconds.',
    ),
    purchasedAt: optionalTimestampSchema.describe('When the cart was bought; absent or null while not bought.'),
    device: optionalText('The device, e.g. "desktop", "mobile".'),
    channel: optionalText('The channel, e.g. "search", "email".'),
    value: optionalNonNegative("The cart's value in the shop's currency (finite number ≥ 0).", 'a cart value'),
  })
  .superRefine(cartOrder[0], cartOrder[1])
  .describe('A shopping cart with its creation and purchase times.');
registerFastPath(cartSchema, fastCart);

/**
 * A parsed cart: times as Dates, optional fields `undefined` when blank.
 *
 * @example
 * parseCartsOrThrow([{ cartId: 'K-1', createdAt: '2026-04-01', value: '' }])[0] // => { cartId: 'K-1', createdAt: new Date('2026-04-01T00:00Z') }
 */
export type ParsedCart = z.output<typeof cartSchema>;
