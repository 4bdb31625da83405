import { describe, expect, it } from 'vitest';
import {
  CART_ABANDONMENT_DEFINITIONS,
  type CartRecord,
  cartAbandonment,
  cartAbandonmentFromCounts,
  PROPORTION_METHODS,
  proportionInterval,
} from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1);
const ASOF = '2026-07-01T00:00:00Z';
const WEEK = { days: 7 };
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const cart = (cartId: string | number, created: number, purchased?: number, extra: Partial<CartRecord> = {}) => ({
  cartId,
  createdAt: at(created),
  ...(purchased === undefined ? {} : { purchasedAt: at(purchased) }),
  ...extra,
});
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('cartAbandonment counts every cart as purchased, abandoned or pending', () => {
  // k1 bought at once; k2 never; k3 bought 17 days later (after its 7-day window); k4 two days old.
  const carts = [cart('k1', 0, 0.01), cart('k2', 1), cart('k3', 2, 19), cart('k4', 28)];

  it("gives Baymard's rate 1 − purchased / carts over every cart, with its Wilson interval", () => {
    const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK });
    expect(r.kind).toBe('cart-abandonment');
    expect([r.carts, r.purchased, r.abandoned, r.pending, r.purchasedAfterWindow]).toEqual([4, 1, 2, 1, 1]);
    expect([r.definition, r.formula]).toEqual(['baymard', '1 − purchased / carts']);
    const wilson = proportionInterval(3, 4);
    expect([r.value, r.lower, r.upper, r.n, r.method]).toEqual([0.75, wilson.lower, wilson.upper, 4, 'wilson']);
  });

  it("gives the 'ended' rate abandoned / (abandoned + purchased), leaving pending carts out", () => {
    const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK, definition: 'ended' });
    expect([r.definition, r.formula]).toEqual(['ended', 'abandoned / (abandoned + purchased)']);
    expect([r.value, r.n]).toEqual([2 / 3, 3]);
    expect([r.lower, r.upper]).toEqual([proportionInterval(2, 3).lower, proportionInterval(2, 3).upper]);
  });

  it('warns PENDING with the range both rates will land in, and PURCHASED_AFTER_WINDOW', () => {
    const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK });
    expect(codes(r)).toEqual(['PENDING', 'PURCHASED_AFTER_WINDOW']);
    // When k4 ends it is bought (2 of 4 abandoned) or not (3 of 4).
    expect(r.warnings[0]?.message).toMatch(/1 cart\(s\) are younger than the window .* between 0\.5 and 0\.75/);
  });

  it('agrees across the two definitions when no cart is pending', () => {
    const ended = [cart(1, 0, 0), cart(2, 0), cart(3, 1, 3), cart(4, 2)];
    const a = cartAbandonment(ended, { asOf: ASOF, window: WEEK });
    const b = cartAbandonment(ended, { asOf: ASOF, window: WEEK, definition: 'ended' });
    expect([a.value, a.lower, a.upper, a.n]).toEqual([b.value, b.lower, b.upper, b.n]);
    expect(a.value).toBe(0.5);
  });

  it('counts a purchase exactly at the end of the window as a purchase, and a window ending at asOf as closed', () => {
    const asOf = at(7);
    const r = cartAbandonment([cart(1, 0, 7), cart(2, 0)], { asOf, window: WEEK });
    expect([r.purchased, r.abandoned, r.pending]).toEqual([1, 1, 0]);
  });

  it('counts a young cart already bought as purchased, not pending', () => {
    const r = cartAbandonment([cart(1, 29, 29.1), cart(2, 29)], { asOf: ASOF, window: WEEK });
    expect([r.purchased, r.abandoned, r.pending]).toEqual([1, 0, 1]);
  });

  it('leaves out carts created after asOf and counts purchases after asOf as not yet made', () => {
    const r = cartAbandonment([cart(1, 0), cart(2, 29.5, 31), cart(3, 35)], { asOf: ASOF, window: WEEK });
    expect([r.carts, r.afterAsOf, r.purchasedAfterAsOf, r.pending]).toEqual([2, 1, 1, 1]);
    expect(codes(r).filter((c) => c === 'AFTER_AS_OF')).toHaveLength(2);
  });

  it('totals the cart value per outcome', () => {
    const r = cartAbandonment(
      [
        cart(1, 0, 0, { value: 40 }),
        cart(2, 0, undefined, { value: 25.5 }),
        cart(3, 29, undefined, { value: 10 }),
        cart(4, 0),
      ],
      { asOf: ASOF, window: WEEK },
    );
    expect(r.cartValue).toEqual({ purchased: 40, abandoned: 25.5, pending: 10, missing: 1 });
    expect(cartAbandonment([cart(1, 0)], { asOf: ASOF, window: WEEK }).cartValue).toBeNull();
  });

  it('adds prices to the cent: ten carts of 0.10 are worth 1.00, not 0.9999999999999999', () => {
    const dimes = Array.from({ length: 10 }, (_, i) => cart(i, 0, undefined, { value: 0.1 }));
    expect(cartAbandonment(dimes, { asOf: ASOF, window: WEEK }).cartValue?.abandoned).toBe(1);
  });

  it('offers every proportion interval method and confidence level', () => {
    for (const method of PROPORTION_METHODS) {
      const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK, method, confidence: 0.9 });
      const expected = proportionInterval(3, 4, { method, confidence: 0.9 });
      expect([r.lower, r.upper, r.method, r.confidence]).toEqual([expected.lower, expected.upper, method, 0.9]);
    }
  });

  it('takes the window in ms and records it with asOf', () => {
    const r = cartAbandonment(carts, { asOf: new Date(ASOF), window: 36 * HOUR });
    expect([r.windowMs, r.asOf]).toEqual([36 * HOUR, '2026-07-01T00:00:00.000Z']);
    expect([r.purchased, r.abandoned, r.pending]).toEqual([1, 3, 0]);
  });

  it('leaves the input untouched and is plain JSON that prints as one line', () => {
    const copy = structuredClone(carts);
    const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK });
    expect(carts).toEqual(copy);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const text = (r as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]?.();
    expect(text).toBe(
      'Cart abandonment 75.0% [30.1%, 95.4%] (baymard: 1 − purchased / carts; wilson, 95%, n=4, 1 pending) ⚠ PENDING, PURCHASED_AFTER_WINDOW',
    );
  });
});

describe('cartAbandonment by device or channel', () => {
  const carts = [
    cart(1, 0, 0, { device: 'mobile' }),
    cart(2, 0, undefined, { device: 'mobile' }),
    cart(3, 0, undefined, { device: 'mobile' }),
    cart(4, 0, 0, { device: 'desktop', channel: 'email' }),
    cart(5, 29, undefined, { device: 'tablet' }),
    cart(6, 0, undefined, { device: null }),
  ];

  it('gives one rate per group, sorted by key, and counts carts without a group', () => {
    const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK, by: 'device' });
    expect(r.groups?.map((g) => [g.key, g.carts, g.purchased, g.abandoned, g.pending])).toEqual([
      ['desktop', 1, 1, 0, 0],
      ['mobile', 3, 1, 2, 0],
      ['tablet', 1, 0, 0, 1],
    ]);
    expect(r.groups?.[1]?.value).toBe(2 / 3);
    expect(r.ungrouped).toBe(1);
    expect(r.carts).toBe(6);
    expect(codes(r)).toContain('MISSING_FIELD');
  });

  it("lists groups with only pending carts apart under definition 'ended'", () => {
    const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK, by: 'device', definition: 'ended' });
    expect(r.groups?.map((g) => g.key)).toEqual(['desktop', 'mobile']);
    expect(r.pendingGroups).toEqual(['tablet']);
    expect(r.warnings.some((w) => w.code === 'PENDING' && /only pending carts/.test(w.message))).toBe(true);
  });

  it('takes a function of the cart', () => {
    const r = cartAbandonment(carts, { asOf: ASOF, window: WEEK, by: (c) => c.channel ?? 'unknown' });
    expect(r.groups?.map((g) => g.key)).toEqual(['email', 'unknown']);
  });
});

describe('cartAbandonmentFromCounts', () => {
  it('gives the same rate and interval as the records it counts', () => {
    const carts = [cart(1, 0, 0), cart(2, 1), cart(3, 2, 19), cart(4, 28)];
    for (const definition of CART_ABANDONMENT_DEFINITIONS) {
      const fromRecords = cartAbandonment(carts, { asOf: ASOF, window: WEEK, definition });
      const fromCounts = cartAbandonmentFromCounts({ carts: 4, purchased: 1, pending: 1 }, { definition });
      expect([fromCounts.value, fromCounts.lower, fromCounts.upper, fromCounts.n]).toEqual([
        fromRecords.value,
        fromRecords.lower,
        fromRecords.upper,
        fromRecords.n,
      ]);
      expect([fromCounts.windowMs, fromCounts.asOf, fromCounts.cartValue]).toEqual([null, null, null]);
    }
  });

  it('gives 0 for carts that were all bought, and 1 for none', () => {
    expect(cartAbandonmentFromCounts({ carts: 25, purchased: 25 }).value).toBe(0);
    expect(cartAbandonmentFromCounts({ carts: 25, purchased: 25 }).lower).toBe(0);
    expect(cartAbandonmentFromCounts({ carts: 25, purchased: 0 }).upper).toBe(1);
  });

  it('refuses counts that do not add up or are not whole numbers', () => {
    expect(thrown(() => cartAbandonmentFromCounts({ carts: 10, purchased: 8, pending: 3 })).message).toBe(
      'cartAbandonmentFromCounts: purchased (8) + pending (3) exceed carts (10); expected purchased + pending ≤ carts',
    );
    expect(thrown(() => cartAbandonmentFromCounts({ carts: 10, purchased: 2.5 })).code).toBe('INVALID_VALUE');
    expect(thrown(() => cartAbandonmentFromCounts({ carts: 0, purchased: 0 })).code).toBe('EMPTY_INPUT');
    expect(
      thrown(() => cartAbandonmentFromCounts({ carts: 5, purchased: 0, pending: 5 }, { definition: 'ended' })).code,
    ).toBe('INSUFFICIENT_DATA');
    expect(thrown(() => cartAbandonmentFromCounts({ carts: 5, purchsed: 1 } as never)).message).toBe(
      "cartAbandonmentFromCounts: unknown counts option 'purchsed'; did you mean 'purchased'?",
    );
    expect(thrown(() => cartAbandonmentFromCounts(null as never)).code).toBe('INVALID_VALUE');
    expect(
      thrown(() => cartAbandonmentFromCounts({ carts: 5, purchased: 1 }, { definiton: 'ended' } as never)).message,
    ).toMatch(/did you mean 'definition'/);
  });
});

describe('cartAbandonment refuses bad input loudly, with the index at fault', () => {
  const ok = { asOf: ASOF, window: WEEK };

  it('a purchase before the cart was created', () => {
    const e = thrown(() => cartAbandonment([cart(1, 0), cart(2, 5, 4)], ok));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 1]);
    expect(e.message).toBe(
      'cartAbandonment: cart at index 1 (cartId "2"): purchasedAt (2026-06-05T00:00:00.000Z) is before createdAt (2026-06-06T00:00:00.000Z); expected a purchase at or after the cart\'s creation',
    );
  });

  it('a duplicate cart id, 7 and "7" included', () => {
    const e = thrown(() => cartAbandonment([cart('a', 0), cart(7, 1), cart('7', 2)], ok));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 2]);
    expect(e.message).toMatch(
      /^cartAbandonment: cart at index 2 \(cartId "7"\) repeats the cartId of the cart at index 1/,
    );
  });

  it('bad records, ids, times and values', () => {
    expect(thrown(() => cartAbandonment([cart(1, 0), 'cart' as never], ok)).index).toBe(1);
    expect(thrown(() => cartAbandonment([{ createdAt: at(0) } as never], ok)).message).toMatch(
      /^cartAbandonment: cart at index 0 has cartId undefined/,
    );
    expect(thrown(() => cartAbandonment([{ cartId: 1, createdAt: '' }], ok)).message).toMatch(/has no createdAt/);
    const bad = thrown(() => cartAbandonment([{ cartId: 1, createdAt: at(0), purchasedAt: 'soon' }], ok));
    expect([bad.index, bad.value]).toEqual([0, 'soon']);
    const value = thrown(() => cartAbandonment([cart(1, 0, undefined, { value: -3 })], ok));
    expect([value.code, value.index]).toEqual(['INVALID_VALUE', 0]);
    expect(thrown(() => cartAbandonment([], ok)).code).toBe('EMPTY_INPUT');
  });

  it('a blank purchasedAt is "not bought", never the epoch', () => {
    const r = cartAbandonment([{ cartId: 1, createdAt: at(0), purchasedAt: '  ' }], ok);
    expect([r.purchased, r.abandoned]).toEqual([0, 1]);
  });

  it('no cart created by asOf', () => {
    const e = thrown(() => cartAbandonment([cart(1, 40)], ok));
    expect(e.code).toBe('INSUFFICIENT_DATA');
  });

  it('missing or bad options', () => {
    const carts = [cart(1, 0)];
    expect(thrown(() => cartAbandonment(carts, undefined as never)).message).toBe(
      'cartAbandonment: options { asOf, window } are required',
    );
    expect(thrown(() => cartAbandonment(carts, { window: WEEK } as never)).message).toMatch(
      /^cartAbandonment: asOf is required/,
    );
    expect(thrown(() => cartAbandonment(carts, { asOf: ASOF } as never)).message).toMatch(
      /^cartAbandonment: window is required/,
    );
    expect(thrown(() => cartAbandonment(carts, { asOf: ASOF, window: { weeks: 1 } as never })).code).toBe(
      'INVALID_OPTION',
    );
    expect(thrown(() => cartAbandonment(carts, { asOf: ASOF, window: -1 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => cartAbandonment(carts, { ...ok, definition: 'classic' as never })).message).toMatch(
      /definition is "classic"; expected one of 'baymard', 'ended'/,
    );
    expect(thrown(() => cartAbandonment(carts, { ...ok, windw: 1 } as never)).message).toMatch(/did you mean 'window'/);
    expect(thrown(() => cartAbandonment(carts, { ...ok, by: {} as never })).code).toBe('INVALID_OPTION');
  });
});
