import { describe, expect, it } from 'vitest';
import { type CartRecord, cartAbandonment, cartAbandonmentFromCounts, PROPORTION_METHODS } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const ASOF = T0 + 100 * HOUR;

/** Carts created in the first 120 hours (some after asOf), bought some hours later or never. */
const carts = fc
  .array(
    fc.record({
      created: fc.integer({ min: 0, max: 120 }),
      delay: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      device: fc.constantFrom('mobile', 'desktop', null),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r, i): CartRecord => ({
        cartId: `c${i}`,
        createdAt: T0 + r.created * HOUR,
        purchasedAt: r.delay === undefined ? null : T0 + (r.created + r.delay) * HOUR,
        device: r.device,
      }),
    ),
  );
const windowHours = fc.integer({ min: 1, max: 48 });
const definition = fc.constantFrom('baymard' as const, 'ended' as const);

function run(list: CartRecord[], w: number, d: 'baymard' | 'ended', by?: 'device') {
  try {
    return cartAbandonment(list, { asOf: ASOF, window: w * HOUR, definition: d, ...(by ? { by } : {}) });
  } catch (error) {
    if ((error as { code?: string }).code === 'INSUFFICIENT_DATA') return undefined;
    throw error;
  }
}

describe('cartAbandonment properties', () => {
  it('every cart created by asOf is purchased, abandoned or pending; the interval contains the rate', () => {
    fc.assert(
      fc.property(carts, windowHours, definition, fc.constantFrom(...PROPORTION_METHODS), (list, w, d, method) => {
        const r = (() => {
          try {
            return cartAbandonment(list, { asOf: ASOF, window: w * HOUR, definition: d, method });
          } catch (error) {
            if ((error as { code?: string }).code === 'INSUFFICIENT_DATA') return undefined;
            throw error;
          }
        })();
        if (r === undefined) return;
        expect(r.purchased + r.abandoned + r.pending).toBe(r.carts);
        expect(r.carts + r.afterAsOf).toBe(list.length);
        expect(r.purchasedAfterWindow).toBeLessThanOrEqual(r.abandoned);
        expect(0 <= r.lower && r.lower <= r.value && r.value <= r.upper && r.upper <= 1).toBe(true);
        // 1 − purchased / carts, computed as (carts − purchased) / carts.
        expect(r.value).toBe(
          d === 'baymard' ? (r.carts - r.purchased) / r.carts : r.abandoned / (r.abandoned + r.purchased),
        );
      }),
    );
  });

  it("Baymard's rate is never below the 'ended' rate, and both lie in the range the pending carts leave open", () => {
    fc.assert(
      fc.property(carts, windowHours, (list, w) => {
        const b = run(list, w, 'baymard');
        const e = run(list, w, 'ended');
        if (b === undefined || e === undefined) return;
        expect(b.value).toBeGreaterThanOrEqual(e.value - 1e-15);
        const low = b.abandoned / b.carts;
        const high = (b.abandoned + b.pending) / b.carts;
        for (const v of [b.value, e.value]) {
          expect(v).toBeGreaterThanOrEqual(low - 1e-15);
          expect(v).toBeLessThanOrEqual(high + 1e-15);
        }
        if (b.pending === 0) expect(b.value).toBe(e.value);
      }),
    );
  });

  it('abandonment of carts that were all bought within the window is 0', () => {
    fc.assert(
      fc.property(carts, windowHours, definition, (list, w, d) => {
        const bought = list.map((c) => ({ ...c, purchasedAt: c.createdAt }));
        const r = run(bought, w, d);
        if (r === undefined) return;
        expect([r.value, r.lower, r.abandoned, r.pending]).toEqual([0, 0, 0, 0]);
      }),
    );
  });

  it('does not depend on the order of the carts', () => {
    fc.assert(
      fc.property(
        carts.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        windowHours,
        definition,
        ([list, shuffled], w, d) => {
          expect(run(shuffled, w, d, 'device')).toEqual(run(list, w, d, 'device'));
        },
      ),
    );
  });

  it('splitting the carts in two and adding the counts gives the whole; the counts form agrees', () => {
    fc.assert(
      fc.property(carts, windowHours, definition, fc.func(fc.boolean()), (list, w, d, side) => {
        const whole = run(list, w, 'baymard');
        const parts = [list.filter((c) => side(c.cartId)), list.filter((c) => !side(c.cartId))].map((p) =>
          p.length === 0 ? undefined : run(p, w, 'baymard'),
        );
        const get = (r: typeof whole, k: 'carts' | 'purchased' | 'abandoned' | 'pending' | 'purchasedAfterWindow') =>
          r?.[k] ?? 0;
        for (const k of ['carts', 'purchased', 'abandoned', 'pending', 'purchasedAfterWindow'] as const) {
          expect(get(whole, k)).toBe(get(parts[0], k) + get(parts[1], k));
        }
        if (whole === undefined) return;
        const counts = run(list, w, d);
        if (counts === undefined) return;
        const fromCounts = cartAbandonmentFromCounts(
          { carts: whole.carts, purchased: whole.purchased, pending: whole.pending },
          { definition: d },
        );
        expect([fromCounts.value, fromCounts.lower, fromCounts.upper]).toEqual([
          counts.value,
          counts.lower,
          counts.upper,
        ]);
      }),
    );
  });

  it('a longer window never turns a purchase into an abandonment', () => {
    fc.assert(
      fc.property(carts, windowHours, windowHours, (list, a, b) => {
        const [short, long] = [Math.min(a, b), Math.max(a, b)].map((w) => run(list, w, 'baymard'));
        if (short === undefined || long === undefined) return;
        expect(long.purchased).toBeGreaterThanOrEqual(short.purchased);
      }),
    );
  });
});
