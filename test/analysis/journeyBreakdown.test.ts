import { describe, expect, it } from 'vitest';
import {
  breakdown,
  type CartRecord,
  CxMetricsError,
  cartAbandonment,
  compareProportions,
  funnel,
  type JourneyEvent,
  trend,
} from '../../src/index.ts';
import { segmentChart, trendChart } from '../../src/notebook/index.ts';
import { fc } from '../helpers/fc.ts';
import { expectSameResult } from '../helpers/sameResult.ts';

const STAGES = ['visit', 'cart', 'purchase'];
const ASOF = '2026-07-01T00:00:00Z';

/** 120 customers on three devices; conversion differs by device; events interleaved by time. */
function sampleEvents(): JourneyEvent[] {
  const events: JourneyEvent[] = [];
  for (let i = 0; i < 120; i++) {
    const device = ['desktop', 'mobile', 'tablet'][i % 3] as string;
    const at = Date.UTC(2026, 4, 1 + (i % 50), 10);
    events.push({ customerId: `c${i}`, stage: 'visit', at, device });
    const toCart = device === 'mobile' ? i % 5 === 0 : i % 5 !== 0;
    if (toCart) events.push({ customerId: `c${i}`, stage: 'cart', at: at + 600_000, device });
    if (toCart && i % 2 === 0) events.push({ customerId: `c${i}`, stage: 'purchase', at: at + 1_200_000, device });
  }
  return events.sort((a, b) => (a.at as number) - (b.at as number));
}

function thrown(f: () => unknown): CxMetricsError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CxMetricsError);
    return error as CxMetricsError;
  }
  throw new Error('expected a CxMetricsError');
}

const funnelOptions = { stages: STAGES, asOf: ASOF, within: { days: 14 } };

describe("breakdown(events, { metric: 'funnel' })", () => {
  const events = sampleEvents();
  const b = breakdown(events, { by: 'device', metric: 'funnel', ...funnelOptions });

  it("each group's estimate is funnel() on that group's events, and overall is funnel() on all", () => {
    expect(b.groups.map((g) => g.key)).toEqual(['desktop', 'mobile', 'tablet']);
    for (const g of b.groups) {
      expectSameResult(
        g.estimate,
        funnel(
          events.filter((e) => e.device === g.key),
          funnelOptions,
        ),
      );
    }
    expectSameResult(b.overall, funnel(events, funnelOptions));
  });

  it('vsRest is the end-to-end conversion against the rest; steps compare each step with the rest', () => {
    const byDevice = new Map(
      b.groups.map((g) => [
        g.key,
        funnel(
          events.filter((e) => e.device === g.key),
          funnelOptions,
        ),
      ]),
    );
    const decided = (s: { converted: number; dropped: number }) => ({
      successes: s.converted,
      n: s.converted + s.dropped,
    });
    const mobile = byDevice.get('mobile');
    const rest = ['desktop', 'tablet'].map((k) => byDevice.get(k));
    if (mobile === undefined || rest.some((r) => r === undefined)) throw new Error('missing group');
    const sum = (xs: { successes: number; n: number }[]) => ({
      successes: xs.reduce((s, x) => s + x.successes, 0),
      n: xs.reduce((s, x) => s + x.n, 0),
    });
    const g = b.groups[1];
    expect(g?.vsRest).toEqual(
      compareProportions(decided(mobile.endToEnd), sum(rest.map((r) => decided((r as typeof mobile).endToEnd)))),
    );
    const step0 = g?.steps?.[0];
    expect(step0?.vsRest).toEqual(
      compareProportions(
        decided(mobile.steps[0] as (typeof mobile.steps)[number]),
        sum(rest.map((r) => decided((r as typeof mobile).steps[0] as (typeof mobile.steps)[number]))),
      ),
    );
    expect([step0?.from, step0?.to, step0?.flag]).toEqual(['visit', 'cart', 'lower']);
    expect(b.steps?.map((s) => [s.from, s.to, s.test?.df])).toEqual([
      ['visit', 'cart', 2],
      ['cart', 'purchase', 2],
    ]);
    // Each step's p-values are adjusted across the groups of that step (Holm).
    const ps = b.groups.map((x) => x.steps?.[1]?.pValue as number);
    const sorted = [...ps].sort((x, y) => x - y);
    expect(Math.min(...b.groups.map((x) => x.steps?.[1]?.adjustedPValue as number))).toBe(
      Math.min(1, 3 * (sorted[0] as number)),
    );
    expect(String(b)).toContain('mobile lower (-58.9 pp, adj. p < 0.001)');
    expect(String(b)).toContain('step cart → purchase: chi-square p=1.00; no group flagged');
  });

  it("charts show each group's and period's end-to-end conversion with its interval", () => {
    const spec = segmentChart(b) as unknown as { datasets: { groups: { group: string; value: number; n: number }[] } };
    expect(spec.datasets.groups.map((g) => [g.group, g.value, g.n])).toEqual(
      b.groups.map((g) => [g.label, g.estimate?.endToEnd.conversion?.value, g.n]),
    );
    const t = trend(events, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'funnel', ...funnelOptions });
    const ts = trendChart(t) as unknown as { datasets: { periods: { label: string; value: number }[] } };
    expect(ts.datasets.periods.map((p) => p.value)).toEqual(
      t.periods.map((p) => p.estimate?.endToEnd.conversion?.value),
    );
    expect(String(t)).toMatch(/^Funnel end-to-end by month \(UTC\)/);
  });

  it('refuses a by that is not constant per customer, naming the event and the first event', () => {
    const mixed = events.map((e, i) => (i === 7 ? { ...e, device: 'other' } : e));
    const id = (events[7] as JourneyEvent).customerId;
    const first = events.findIndex((e) => e.customerId === id);
    const e = thrown(() => breakdown(mixed, { by: 'device', metric: 'funnel', ...funnelOptions }));
    if (first === 7) {
      // The changed event is the customer's first: the mismatch is at their next event.
      const next = events.findIndex((x, j) => j > 7 && x.customerId === id);
      expect(e.index).toBe(next);
    } else {
      expect(e.code).toBe('INVALID_VALUE');
      expect(e.index).toBe(7);
      expect(e.message).toContain(`the customer's first event, at index ${first}`);
    }
  });

  it('names the index of an unknown stage or an event out of order in the whole input', () => {
    const bad = events.map((e, i) => (i === 11 ? { ...e, stage: 'checkout' } : e));
    const e = thrown(() => breakdown(bad, { by: 'device', metric: 'funnel', ...funnelOptions }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 11]);
    const late = (events[3] as JourneyEvent).customerId;
    const second = events.findIndex((x, j) => j > 3 && x.customerId === late);
    const swapped = events.map((x, j) => (j === second ? { ...x, at: Date.UTC(2026, 0, 1) } : x));
    const o = thrown(() => breakdown(swapped, { by: 'device', metric: 'funnel', ...funnelOptions }));
    expect([o.code, o.index]).toEqual(['INVALID_VALUE', second]);
  });

  it("takes the funnel's stage order in metricOptions; the top-level order is the groups'", () => {
    const any = breakdown(events, {
      by: 'device',
      metric: 'funnel',
      ...funnelOptions,
      metricOptions: { order: 'any' },
      order: 'size',
    });
    expect((any.overall as { order: string }).order).toBe('any');
    expect(
      thrown(() => breakdown(events, { by: 'device', metric: 'funnel', ...funnelOptions, order: 'any' as never })).code,
    ).toBe('INVALID_OPTION');
  });

  it('property: for random logs, every group equals funnel() on its events', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            device: fc.constantFrom('a', 'b', 'c'),
            steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 30 })), {
              maxLength: 5,
            }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (cs) => {
          const log = cs
            .flatMap((c, i) =>
              [...c.steps]
                .sort((x, y) => x[1] - y[1])
                .map(([s, d]) => ({
                  customerId: i,
                  stage: STAGES[s] as string,
                  at: Date.UTC(2026, 5, 1 + d),
                  device: c.device,
                })),
            )
            .sort((x, y) => x.at - y.at);
          if (log.length === 0) return;
          let r: ReturnType<typeof breakdown>;
          try {
            r = breakdown(log, { by: 'device', metric: 'funnel', ...funnelOptions });
          } catch (error) {
            expect((error as CxMetricsError).code).toBe('INSUFFICIENT_DATA');
            return;
          }
          for (const g of r.groups) {
            const mine = log.filter((e) => e.device === g.key);
            let expected: unknown = null;
            try {
              expected = funnel(mine, funnelOptions);
            } catch (error) {
              expect((error as CxMetricsError).code).toBe('INSUFFICIENT_DATA');
            }
            expectSameResult(g.estimate, expected);
          }
        },
      ),
    );
  });
});

describe("trend(events, { metric: 'funnel' })", () => {
  it('property: the periods hold whole customers, so their merge is funnel() on every event', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 90 })), { maxLength: 5 }),
          { minLength: 1, maxLength: 15 },
        ),
        fc.constantFrom('week' as const, 'month' as const),
        (cs, period) => {
          const log = cs
            .flatMap((steps, i) =>
              [...steps]
                .sort((x, y) => x[1] - y[1])
                .map(([s, d]) => ({ customerId: i, stage: STAGES[s] as string, at: Date.UTC(2026, 3, 1 + d, 12) })),
            )
            .sort((x, y) => x.at - y.at);
          if (log.length === 0) return;
          let expected: unknown;
          try {
            expected = funnel(log, funnelOptions);
          } catch (error) {
            expect((error as CxMetricsError).code).toBe('INSUFFICIENT_DATA');
            return;
          }
          const t = trend(log, { at: 'at', period, timeZone: 'Europe/Berlin', metric: 'funnel', ...funnelOptions });
          expectSameResult(t.overall, expected);
          expect(t.periods.reduce((n, p) => n + p.records, 0)).toBe(log.length);
        },
      ),
    );
  });

  it('puts each customer in the period of their entry, even when they convert in the next', () => {
    const events = [
      { customerId: 'a', stage: 'visit', at: '2026-05-31T20:00Z' },
      { customerId: 'a', stage: 'cart', at: '2026-06-01T09:00Z' },
      { customerId: 'b', stage: 'visit', at: '2026-06-03T10:00Z' },
      { customerId: 'c', stage: 'visit', at: '2026-06-04T10:00Z' },
      { customerId: 'c', stage: 'cart', at: '2026-06-04T11:00Z' },
    ];
    const options = { stages: ['visit', 'cart'], asOf: '2026-07-01' };
    const t = trend(events, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'funnel', ...options });
    expect(t.periods.map((p) => [p.label, p.records])).toEqual([
      ['2026-05', 2],
      ['2026-06', 3],
    ]);
    expectSameResult(t.periods[0]?.estimate, funnel(events.slice(0, 2), options));
    expectSameResult(t.periods[1]?.estimate, funnel(events.slice(2), options));
    expect(t.periods[1]?.vsPrevious?.difference).toBe(0.5 - 1);
    // In Tokyo, a's visit (05:00 on June 1) is in June: one period.
    const tokyo = trend(events, { at: 'at', period: 'month', timeZone: 'Asia/Tokyo', metric: 'funnel', ...options });
    expect(tokyo.periods.map((p) => p.label)).toEqual(['2026-06']);
  });
});

describe("breakdown and trend of carts (metric 'cart-abandonment')", () => {
  const carts: CartRecord[] = [];
  for (let i = 0; i < 200; i++) {
    const device = i % 2 === 0 ? 'desktop' : 'mobile';
    const bought = device === 'desktop' ? i % 4 !== 0 : i % 8 === 1;
    const createdAt = Date.UTC(2026, 3 + (i % 3), 1 + (i % 28));
    carts.push({ cartId: i, createdAt, purchasedAt: bought ? createdAt + 3_600_000 : null, device });
  }
  const options = { asOf: '2026-07-01', window: { days: 7 } };

  it("each group's estimate is cartAbandonment() on its carts, with the device flagged", () => {
    const b = breakdown(carts, { by: 'device', metric: 'cart-abandonment', ...options });
    for (const g of b.groups) {
      expectSameResult(
        g.estimate,
        cartAbandonment(
          carts.filter((c) => c.device === g.key),
          options,
        ),
      );
    }
    expect(b.groups.map((g) => [g.key, g.estimate?.value, g.flag])).toEqual([
      ['desktop', 0.5, 'lower'],
      ['mobile', 0.75, 'higher'],
    ]);
    expect(b.test?.df).toBe(1);
    const ended = breakdown(carts, { by: 'device', metric: 'cart-abandonment', ...options, definition: 'ended' });
    expect(ended.groups[0]?.estimate?.definition).toBe('ended');
  });

  it('keeps an empty period, with no estimate', () => {
    const gap = carts.filter((c) => new Date(c.createdAt as number).getUTCMonth() !== 4);
    const t = trend(gap, {
      at: 'createdAt',
      period: 'month',
      timeZone: 'UTC',
      metric: 'cart-abandonment',
      asOf: options.asOf,
      metricOptions: { window: options.window },
    });
    expect(t.periods.map((p) => [p.label, p.records, p.estimate === null])).toEqual([
      ['2026-04', 67, false],
      ['2026-05', 0, true],
      ['2026-06', 66, false],
    ]);
  });

  it("by period of createdAt, with the purchase window in metricOptions (window is trend's rolling window)", () => {
    const t = trend(carts, {
      at: 'createdAt',
      period: 'month',
      timeZone: 'UTC',
      metric: 'cart-abandonment',
      asOf: options.asOf,
      metricOptions: { window: options.window },
      window: { periods: 2 },
    });
    expect(t.periods.map((p) => p.label)).toEqual(['2026-04', '2026-05', '2026-06']);
    const april = carts.filter((c) => new Date(c.createdAt as number).getUTCMonth() === 3);
    expectSameResult(t.periods[0]?.estimate, cartAbandonment(april, options));
    expect(t.periods[1]?.rolling?.n).toBe((t.periods[0]?.n as number) + (t.periods[1]?.n as number));
    const e = thrown(() =>
      trend(carts, { at: 'createdAt', period: 'month', timeZone: 'UTC', metric: 'cart-abandonment', ...options }),
    );
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toContain('give the purchase window as metricOptions: { window }');
  });
});
