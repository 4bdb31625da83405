import { describe, expect, it } from 'vitest';
import { CxMetricsError, estimate, mergeSummaries, summarize } from '../../src/index.ts';

const events = [
  { customerId: 'a', stage: 'visit', at: '2026-06-01T10:00Z' },
  { customerId: 'a', stage: 'cart', at: '2026-06-01T10:05Z' },
  { customerId: 'b', stage: 'visit', at: '2026-06-29T12:00Z' },
  { customerId: 'c', stage: 'cart', at: '2026-06-02T12:00Z' },
];
const definition = { stages: ['visit', 'cart'], asOf: '2026-07-01', within: { days: 7 } };

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CxMetricsError);
    return (error as CxMetricsError).code;
  }
  return undefined;
}

describe("summarize('funnel')", () => {
  it('holds reached per stage, pending per step and the definition', () => {
    const s = summarize('funnel', events, definition);
    expect(s).toEqual({
      kind: 'funnel-summary',
      version: 1,
      stages: ['visit', 'cart'],
      order: 'strict',
      withinMs: 7 * 86_400_000,
      asOf: '2026-07-01T00:00:00.000Z',
      reached: [2, 1],
      pending: [1],
      skippedStage: 0,
      notEntered: 1,
      afterAsOf: 0,
    });
    const f = estimate(s);
    expect([f.steps[0]?.converted, f.steps[0]?.dropped, f.steps[0]?.pending]).toEqual([1, 0, 1]);
  });

  it('refuses to merge summaries of other stages, orders, windows or asOf (INVALID_VALUE)', () => {
    const s = summarize('funnel', events, definition);
    const others = [
      summarize('funnel', events, { ...definition, stages: ['visit', 'cart', 'purchase'] }),
      summarize('funnel', events, { ...definition, order: 'any' }),
      summarize('funnel', events, { ...definition, within: { days: 8 } }),
      summarize('funnel', events, { stages: ['visit', 'cart'], asOf: '2026-07-01' }),
      summarize('funnel', events, { ...definition, asOf: '2026-07-02' }),
    ];
    for (const other of others) {
      expect(codeOf(() => mergeSummaries(s, other))).toBe('INVALID_VALUE');
    }
    expect(() => mergeSummaries(s, others[0] as never)).toThrow(/different stages/);
  });

  it('counts a customer in two merged summaries twice (it cannot be detected)', () => {
    const s = summarize('funnel', events, definition);
    expect(mergeSummaries(s, s).reached).toEqual([4, 2]);
  });

  it('refuses bad input with the index, and options of estimate or funnel', () => {
    expect(() => summarize('funnel', [{ customerId: 'a', stage: 'vist', at: '2026-06-01' }], definition)).toThrow(
      /event at index 0 has stage "vist".*did you mean 'visit'/,
    );
    const out = [
      { customerId: 'a', stage: 'visit', at: '2026-06-02' },
      { customerId: 'a', stage: 'cart', at: '2026-06-01' },
    ];
    expect(() => summarize('funnel', out, definition)).toThrow(/event at index 1 .*previous event at index 0/);
    expect(codeOf(() => summarize('funnel', events, { ...definition, method: 'wald' } as never))).toBe(
      'INVALID_OPTION',
    );
    expect(codeOf(() => summarize('funnel', events, { ...definition, by: 'device' } as never))).toBe('INVALID_OPTION');
  });

  it('summarizes no events as no customers (estimate: INSUFFICIENT_DATA), while funnel() refuses them', () => {
    const s = summarize('funnel', [], definition);
    expect([s.reached, s.pending]).toEqual([[0, 0], [0]]);
    expect(codeOf(() => estimate(s))).toBe('INSUFFICIENT_DATA');
    expect(mergeSummaries(s, summarize('funnel', events, definition)).reached).toEqual([2, 1]);
    expect(codeOf(() => summarize('cart-abandonment', [], { asOf: '2026-07-01', window: 1000 }))).toBe(undefined);
  });

  it('checks a summary from outside, naming the field', () => {
    const s = summarize('funnel', events, definition);
    expect(() => estimate({ ...s, reached: [1, 2] })).toThrow(/reached\[0\] \(1\) must be at least reached\[1\]/);
    expect(() => estimate({ ...s, pending: [1, 0] })).toThrow(/pending has 2 entries; expected 1/);
    expect(() => estimate({ ...s, reched: [2, 1] } as never)).toThrow(/unknown field "reched".*did you mean 'reached'/);
    expect(codeOf(() => estimate({ ...s, reached: [0, 0], pending: [0] }))).toBe('INSUFFICIENT_DATA');
  });
});

describe("summarize('cart-abandonment')", () => {
  const carts = [
    { cartId: 1, createdAt: '2026-06-01', purchasedAt: '2026-06-01', value: 10 },
    { cartId: 2, createdAt: '2026-06-01' },
    { cartId: 3, createdAt: '2026-06-29', value: 2.5 },
  ];
  const options = { asOf: '2026-07-01', window: { days: 7 } };

  it('holds the outcomes and values; the definition is chosen at estimate', () => {
    const s = summarize('cart-abandonment', carts, options);
    expect([s.purchased, s.abandoned, s.pending, s.cartValue]).toEqual([
      1,
      1,
      1,
      { purchased: 10, abandoned: 0, pending: 2.5, missing: 1 },
    ]);
    expect(estimate(s).value).toBe(2 / 3);
    expect(estimate(s, { definition: 'ended' }).value).toBe(1 / 2);
  });

  it('merges a summary without values as carts with missing values', () => {
    const a = summarize('cart-abandonment', carts, options);
    const b = summarize('cart-abandonment', [{ cartId: 9, createdAt: '2026-06-01' }], options);
    expect(b.cartValue).toBe(null);
    expect(mergeSummaries(a, b).cartValue).toEqual({ purchased: 10, abandoned: 0, pending: 2.5, missing: 2 });
    expect(mergeSummaries(b, b).cartValue).toBe(null);
  });

  it('refuses to merge other windows or asOf, and a bad cart names its index', () => {
    const a = summarize('cart-abandonment', carts, options);
    const w = summarize('cart-abandonment', carts, { ...options, window: { days: 3 } });
    const t = summarize('cart-abandonment', carts, { ...options, asOf: '2026-07-02' });
    expect(codeOf(() => mergeSummaries(a, w))).toBe('INVALID_VALUE');
    expect(codeOf(() => mergeSummaries(a, t))).toBe('INVALID_VALUE');
    expect(() => summarize('cart-abandonment', [...carts, { cartId: 1, createdAt: '2026-06-01' }], options)).toThrow(
      /cart at index 3 .*repeats the cartId of the cart at index 0/,
    );
    expect(() => estimate({ ...a, purchasedAfterWindow: 5 })).toThrow(/purchasedAfterWindow \(5\) exceeds abandoned/);
  });
});
