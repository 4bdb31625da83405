import { describe, expect, it } from 'vitest';
import {
  type CartRecord,
  cartAbandonment,
  estimate,
  funnel,
  type JourneyEvent,
  mergeSummaries,
  summarize,
} from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';
import { expectSameResult } from '../helpers/sameResult.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const STAGES = ['a', 'b', 'c', 'd'];

/** Up to 15 customers, each with a part number, up to 6 events in time order (whole hours, so ties happen). */
const customers = fc.array(
  fc.record({
    part: fc.integer({ min: 0, max: 3 }),
    events: fc
      .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })), { maxLength: 6 })
      .map((es) => [...es].sort((x, y) => x[1] - y[1])),
  }),
  { minLength: 1, maxLength: 15 },
);

const definitions = fc.record({
  stageCount: fc.integer({ min: 2, max: 4 }),
  asOfHours: fc.integer({ min: 10, max: 70 }),
  withinHours: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  order: fc.constantFrom('strict' as const, 'any' as const),
});

type Definition = { stageCount: number; asOfHours: number; withinHours: number | undefined; order: 'strict' | 'any' };

function summaryOptions(d: Definition) {
  return {
    stages: STAGES.slice(0, d.stageCount),
    asOf: T0 + d.asOfHours * HOUR,
    order: d.order,
    ...(d.withinHours === undefined ? {} : { within: d.withinHours * HOUR }),
  };
}

/** The events of customers, interleaved by time (each customer's own order kept). */
function log(cs: readonly { events: [number, number][] }[], d: Definition, ids: readonly number[]): JourneyEvent[] {
  return cs
    .flatMap((c, i) =>
      c.events.map(([s, h]) => ({
        customerId: `u${ids[i]}`,
        stage: STAGES[s % d.stageCount] as string,
        at: T0 + h * HOUR,
      })),
    )
    .map((e, i) => ({ e, i }))
    .sort((x, y) => (x.e.at as number) - (y.e.at as number) || x.i - y.i)
    .map(({ e }) => e);
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if ((error as { code?: string }).code === 'INSUFFICIENT_DATA') return undefined;
    throw error;
  }
}

describe('funnel summary properties', () => {
  it('funnel(events) is estimate(summarize(events)) to the last bit, and a JSON round trip changes nothing', () => {
    fc.assert(
      fc.property(customers, definitions, fc.constantFrom('wilson' as const, 'jeffreys' as const), (cs, d, method) => {
        const events = log(
          cs,
          d,
          cs.map((_, i) => i),
        );
        if (events.length === 0) return;
        const f = attempt(() => funnel(events, { ...summaryOptions(d), method }));
        const s = summarize('funnel', events, summaryOptions(d));
        const e = attempt(() => estimate(s, { method }));
        expectSameResult(e, f);
        if (f === undefined) return;
        const back = JSON.parse(JSON.stringify(s));
        expect(mergeSummaries(back)).toEqual(s);
        expectSameResult(estimate(back, { method }), f);
      }),
    );
  });

  it('summaries of parts split by customer, merged in any order, equal the summary of the whole', () => {
    fc.assert(
      fc.property(customers, definitions, fc.integer({ min: 0, max: 1000 }), (cs, d, seed) => {
        const ids = cs.map((_, i) => i);
        const whole = log(cs, d, ids);
        if (whole.length === 0) return;
        const parts = [0, 1, 2, 3]
          .map((p) => {
            const mine = ids.filter((i) => (cs[i] as { part: number }).part === p);
            return log(
              mine.map((i) => cs[i] as { events: [number, number][] }),
              d,
              mine,
            );
          })
          .filter((events) => events.length > 0)
          .map((events) => summarize('funnel', events, summaryOptions(d)));
        // A seeded shuffle of the parts.
        const order = parts.map((_, i) => ({ i, k: (seed * 7919 + i * 104729) % 1009 })).sort((x, y) => x.k - y.k);
        const merged = mergeSummaries(order.map(({ i }) => parts[i] as (typeof parts)[number]));
        expect(merged).toEqual(summarize('funnel', whole, summaryOptions(d)));
      }),
    );
  });
});

/** Carts with a part number, created in the first 120 hours, bought later or never, some with a value in cents. */
const carts = fc.array(
  fc.record({
    part: fc.integer({ min: 0, max: 3 }),
    created: fc.integer({ min: 0, max: 120 }),
    delay: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    cents: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 40 },
);

function cartList(
  rows: readonly { created: number; delay: number | undefined; cents: number | undefined }[],
  ids: readonly number[],
) {
  return rows.map(
    (r, j): CartRecord => ({
      cartId: `k${ids[j]}`,
      createdAt: T0 + r.created * HOUR,
      purchasedAt: r.delay === undefined ? null : T0 + (r.created + r.delay) * HOUR,
      ...(r.cents === undefined ? {} : { value: r.cents / 100 }),
    }),
  );
}

describe('cart abandonment summary properties', () => {
  const ASOF = T0 + 100 * HOUR;
  it('cartAbandonment(carts) is estimate(summarize(carts)) to the last bit, for either definition', () => {
    fc.assert(
      fc.property(
        carts,
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom('baymard' as const, 'ended' as const),
        (rows, w, definition) => {
          const list = cartList(
            rows,
            rows.map((_, i) => i),
          );
          const options = { asOf: ASOF, window: w * HOUR };
          const r = attempt(() => cartAbandonment(list, { ...options, definition }));
          const s = summarize('cart-abandonment', list, options);
          expectSameResult(
            attempt(() => estimate(s, { definition })),
            r,
          );
          expectSameResult(
            attempt(() => estimate(JSON.parse(JSON.stringify(s)), { definition })),
            r,
          );
        },
      ),
    );
  });

  it('summaries of parts, merged in any order, equal the whole (values up to rounding)', () => {
    fc.assert(
      fc.property(carts, fc.integer({ min: 1, max: 48 }), fc.boolean(), (rows, w, reverse) => {
        const options = { asOf: ASOF, window: w * HOUR };
        const ids = rows.map((_, i) => i);
        const parts = [0, 1, 2, 3]
          .map((p) => ids.filter((i) => (rows[i] as { part: number }).part === p))
          .filter((mine) => mine.length > 0)
          .map((mine) =>
            summarize(
              'cart-abandonment',
              cartList(
                mine.map((i) => rows[i] as (typeof rows)[number]),
                mine,
              ),
              options,
            ),
          );
        if (reverse) parts.reverse();
        const merged = mergeSummaries(parts);
        const whole = summarize('cart-abandonment', cartList(rows, ids), options);
        const { cartValue: mv, ...mergedCounts } = merged;
        const { cartValue: wv, ...wholeCounts } = whole;
        expect(mergedCounts).toEqual(wholeCounts);
        expect(mv === null).toBe(wv === null);
        if (mv !== null && wv !== null) {
          expect(mv.missing).toBe(wv.missing);
          for (const k of ['purchased', 'abandoned', 'pending'] as const) expect(mv[k]).toBeCloseTo(wv[k], 6);
        }
      }),
    );
  });
});
