import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  cartSchema,
  journeyEventSchema,
  jsonSchemas,
  parseCarts,
  parseJourneyEvents,
} from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';
import { rawCart, rawJourneyEvent, serialize, toCanonicalJson } from './arbitraries.ts';

const validatorOf = (schema: unknown) => z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);

describe('journey events and carts (properties, seeded globally in test/helpers/fc.ts)', () => {
  it('every generated valid event and cart passes, and survives a CSV round trip', () => {
    fc.assert(
      fc.property(fc.array(rawJourneyEvent, { maxLength: 5 }), fc.array(rawCart, { maxLength: 5 }), (events, carts) => {
        const e = parseJourneyEvents(events);
        const c = parseCarts(carts);
        expect(e.errors).toEqual([]);
        expect(c.errors).toEqual([]);
        expect(parseJourneyEvents(e.data.map(serialize)).data).toEqual(e.data);
        expect(parseCarts(c.data.map(serialize)).data).toEqual(c.data);
      }),
      { numRuns: 100 },
    );
  });

  it('the canonical JSON form of every parsed event and cart is valid under its JSON Schema and parses back', () => {
    const { journeyEvent, cart } = jsonSchemas();
    const eventValidator = validatorOf(journeyEvent);
    const cartValidator = validatorOf(cart);
    fc.assert(
      fc.property(rawJourneyEvent, rawCart, (event, rawC) => {
        const e = journeyEventSchema.parse(event);
        const c = cartSchema.parse(rawC);
        expect(eventValidator.safeParse(toCanonicalJson(e)).error?.issues).toBeUndefined();
        expect(cartValidator.safeParse(toCanonicalJson(c)).error?.issues).toBeUndefined();
        expect(journeyEventSchema.parse(toCanonicalJson(e))).toEqual(e);
        expect(cartSchema.parse(toCanonicalJson(c))).toEqual(c);
      }),
      { numRuns: 100 },
    );
  });

  it('a purchase moved before the creation is always the one error, on purchasedAt', () => {
    fc.assert(
      fc.property(rawCart, fc.integer({ min: 1, max: 1e9 }), (raw, early) => {
        const c = cartSchema.parse(raw);
        const moved = { ...c, purchasedAt: new Date(c.createdAt.getTime() - early) };
        const { errors } = parseCarts([moved]);
        expect(errors.map((x) => [x.index, x.path])).toEqual([[0, ['purchasedAt']]]);
      }),
      { numRuns: 100 },
    );
  });
});
