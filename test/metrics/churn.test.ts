import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/errors.ts';
import { poissonRateInterval, proportionInterval } from '../../src/index.ts';
import { churn, churnRate, churnRateByExposure } from '../../src/metrics/churn.ts';
import { convertChurnRate } from '../../src/metrics/convertChurnRate.ts';
import { expectClose } from '../helpers/close.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('churnRate', () => {
  // Wilson bounds for 62 of 1000, computed independently (Python, z = 1.959963984540054):
  // centre (x + z²/2)/(n + z²) ∓ z/(n + z²)·√(x(n − x)/n + z²/4).
  it('is churned / customersAtStart with the Wilson interval by default', () => {
    const r = churnRate({ customersAtStart: 1000, churned: 62 });
    expect(r.value).toBe(0.062);
    expectClose(r.lower, 0.04866418011998064, 1e-13);
    expectClose(r.upper, 0.07868806031336564, 1e-13);
    expect(r).toMatchObject({ definition: 'cohort', churned: 62, n: 1000, method: 'wilson', confidence: 0.95 });
  });

  it('accepts every proportion method and matches proportionInterval', () => {
    for (const method of ['wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys', 'wald'] as const) {
      const r = churnRate({ customersAtStart: 40, churned: 3 }, { method, confidence: 0.9 });
      const { warnings, kind, ...expected } = proportionInterval(3, 40, { method, confidence: 0.9 });
      expect(r).toMatchObject(expected);
    }
  });

  it('gives the exact upper bound 1 − (α/2)^(1/n) for 0 churned with clopper-pearson', () => {
    const r = churnRate({ customersAtStart: 40, churned: 0 }, { method: 'clopper-pearson' });
    expect(r.lower).toBe(0);
    expectClose(r.upper, 1 - 0.025 ** (1 / 40), 1e-12);
  });

  it('rejects zero customers, fractional or negative counts and churned above the start', () => {
    expect(() => churnRate({ customersAtStart: 0, churned: 0 })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
    expect(() => churnRate({ customersAtStart: 10.5, churned: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
    expect(() => churnRate({ customersAtStart: 10, churned: -1 })).toThrow(/churned is -1/);
    expect(() => churnRate({ customersAtStart: 10, churned: 11 })).toThrow(/churned \(11\) exceeds customersAtStart/);
    expect(() => churnRate({ customersAtStart: 10, churned: 1 }, { method: 'exact' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => churnRate(null as never)).toThrow(CxMetricsError);
  });
});

describe('churnRateByExposure', () => {
  it('is churned / exposure with the exact Garwood interval of poissonRateInterval', () => {
    const r = churnRateByExposure({ churned: 62, exposure: 1069 });
    const reference = poissonRateInterval(62, 1069);
    expect(r.value).toBe(62 / 1069);
    expect(r.lower).toBe(reference.lower);
    expect(r.upper).toBe(reference.upper);
    // Independently: χ²(0.975; 126)/2/1069 and χ²(0.025; 124)/2/1069 (scipy.stats.chi2.ppf).
    expectClose(r.upper, 0.07435098398105355, 1e-12);
    expectClose(r.lower, 0.04446683300858052, 1e-12);
    expect(r).toMatchObject({ definition: 'exposure', churned: 62, exposure: 1069, n: 62, method: 'exact-garwood' });
  });

  it('warns with no churn events and keeps lower = 0', () => {
    const r = churnRateByExposure({ churned: 0, exposure: 100 });
    expect(r.lower).toBe(0);
    expectClose(r.upper, -Math.log(0.025) / 100, 1e-13);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'ZERO_EVENTS', message: expect.stringMatching(/^churnRateByExposure:/) }),
    ]);
  });

  it('is a rate, not a probability: it can exceed 1 per unit', () => {
    expect(churnRateByExposure({ churned: 10, exposure: 2 }).value).toBe(5);
  });

  it('rejects non-positive exposure and fractional events', () => {
    expect(() => churnRateByExposure({ churned: 1, exposure: 0 })).toThrow(/exposure is 0/);
    expect(() => churnRateByExposure({ churned: 1.5, exposure: 10 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
    expect(() => churnRateByExposure({ churned: 1, exposure: 10 }, { confidence: 95 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('churn (cohort definition)', () => {
  const from = '2025-03-01';
  const to = '2025-04-01';

  it('counts churn among customers active at from and ignores later joiners', () => {
    const r = churn(
      [
        { id: 'early-churner', startedAt: '2025-01-10', endedAt: '2025-03-05' },
        { id: 'stays', startedAt: '2025-02-01' },
        { id: 'leaves-after', startedAt: '2025-02-20', endedAt: '2025-04-02' },
        { id: 'in-and-out', startedAt: '2025-03-10', endedAt: '2025-03-20' },
        { id: 'joins', startedAt: '2025-03-15' },
        { id: 'gone-before', startedAt: '2024-01-01', endedAt: '2025-02-01' },
      ],
      { from, to },
    );
    expect(r).toMatchObject({
      definition: 'cohort',
      churned: 1,
      n: 3,
      customers: 3,
      value: 1 / 3,
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-04-01T00:00:00.000Z',
      method: 'wilson',
    });
    expect(r.unit).toBeUndefined();
    expect(r.exposure).toBeUndefined();
  });

  it('boundaries: active at from means startedAt ≤ from < endedAt; churn in the window means from < endedAt ≤ to', () => {
    const r = churn(
      [
        { id: 'starts-at-from', startedAt: from }, // active at from
        { id: 'ends-at-from', startedAt: '2025-01-01', endedAt: from }, // churned in the previous window
        { id: 'ends-at-to', startedAt: '2025-01-01', endedAt: to }, // churned in this window
        { id: 'ends-after-to', startedAt: '2025-01-01', endedAt: Date.parse(to) + 1 }, // still active at to
      ],
      { from, to },
    );
    expect([r.churned, r.n]).toEqual([1, 3]);
  });

  it('consecutive windows count each churn once', () => {
    const customers = [
      { startedAt: '2025-01-01', endedAt: '2025-02-01' },
      { startedAt: '2025-01-01', endedAt: '2025-03-01' },
      { startedAt: '2025-01-01' },
    ];
    const jan = churn(customers, { from: '2025-01-01', to: '2025-02-01' });
    const feb = churn(customers, { from: '2025-02-01', to: '2025-03-01' });
    expect([jan.churned, jan.n, feb.churned, feb.n]).toEqual([1, 3, 1, 2]);
  });

  it('reads Dates, ISO strings without offset as UTC, offsets, and epoch ms alike', () => {
    const a = churn([{ startedAt: new Date('2025-01-01T00:00:00Z'), endedAt: '2025-03-10T12:00' }], { from, to });
    const b = churn([{ startedAt: Date.UTC(2025, 0, 1), endedAt: '2025-03-10T14:00:00+02:00' }], {
      from: new Date(from),
      to: Date.parse('2025-04-01T00:00:00Z'),
    });
    const c = churn([{ startedAt: '2025-01-01 00:00:00.000Z', endedAt: '2025-03-10t12:00:00z' }], { from, to });
    expect([a.churned, b.churned, c.churned]).toEqual([1, 1, 1]);
  });

  it('treats endedAt null, undefined and blank as still active', () => {
    const r = churn(
      [
        { startedAt: '2025-01-01', endedAt: null },
        { startedAt: '2025-01-01', endedAt: undefined },
        { startedAt: '2025-01-01', endedAt: '  ' },
        { startedAt: '2025-01-01' },
      ],
      { from, to },
    );
    expect([r.churned, r.n]).toEqual([0, 4]);
  });

  it('passes method and confidence to the proportion interval', () => {
    const customers = Array.from({ length: 20 }, (_, i) => ({
      startedAt: '2025-01-01',
      endedAt: i < 4 ? '2025-03-15' : null,
    }));
    const r = churn(customers, { from, to, method: 'jeffreys', confidence: 0.9 });
    const { warnings, kind, ...expected } = proportionInterval(4, 20, { method: 'jeffreys', confidence: 0.9 });
    expect(r).toMatchObject(expected);
  });

  it('needs customers active at from', () => {
    expect(() => churn([{ startedAt: '2025-03-02' }], { from, to })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
  });
});

describe('churn (exposure definition)', () => {
  const from = '2025-03-01';
  const to = '2025-04-01';

  it('divides churn events in the window by customer-time in the window, per day by default', () => {
    const r = churn(
      [
        { id: 'a', startedAt: '2025-01-10', endedAt: '2025-03-05' }, // 4 days, churns
        { id: 'b', startedAt: '2025-02-01' }, // 31 days
        { id: 'c', startedAt: '2025-02-20', endedAt: '2025-04-02' }, // 31 days, churns after to
        { id: 'd', startedAt: '2025-03-10', endedAt: '2025-03-20' }, // 10 days, churns
        { id: 'e', startedAt: '2025-04-01' }, // starts at to: no time inside
        { id: 'f', startedAt: '2025-01-01', endedAt: '2025-03-01' }, // ends at from: no event, no time
      ],
      { from, to, definition: 'exposure' },
    );
    expect(r).toMatchObject({
      definition: 'exposure',
      unit: 'day',
      churned: 2,
      exposure: 76,
      customers: 4,
      n: 2,
      method: 'exact-garwood',
    });
    expect(r.value).toBe(2 / 76);
    const reference = poissonRateInterval(2, 76);
    expect([r.lower, r.upper]).toEqual([reference.lower, reference.upper]);
  });

  it('scales with the unit: week 7, month 30.4375, quarter 91.3125, year 365.25 days', () => {
    const customers = [{ startedAt: '2024-01-01', endedAt: '2025-03-16' }, { startedAt: '2024-06-01' }];
    const perDay = churn(customers, { from, to, definition: 'exposure' });
    for (const [unit, days] of [
      ['week', 7],
      ['month', 30.4375],
      ['quarter', 91.3125],
      ['year', 365.25],
    ] as const) {
      const r = churn(customers, { from, to, definition: 'exposure', unit });
      expect(r.unit).toBe(unit);
      expectClose(r.exposure ?? Number.NaN, (perDay.exposure ?? Number.NaN) / days, 1e-14);
      expectClose(r.value, perDay.value * days, 1e-14);
      expectClose(r.upper, perDay.upper * days, 1e-12);
    }
  });

  it('counts a zero-length subscription inside the window as an event with no customer-time', () => {
    const r = churn([{ startedAt: '2025-03-10', endedAt: '2025-03-10' }, { startedAt: '2025-01-01' }], {
      from,
      to,
      definition: 'exposure',
    });
    expect([r.churned, r.exposure, r.customers]).toEqual([1, 31, 1]);
  });

  it('refuses a window with a churn event but no customer-time (the rate would be infinite)', () => {
    // Shrunk from the consecutive-windows property: a zero-length subscription alone in a window.
    const t = Date.UTC(2023, 0, 1);
    expect(() =>
      churn([{ startedAt: t + 1, endedAt: t + 1 }], { from: t, to: t + 86_400_000, definition: 'exposure' }),
    ).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });

  it('needs customer-time inside the window, and rejects cohort-only options', () => {
    expect(() => churn([{ startedAt: '2025-05-01' }], { from, to, definition: 'exposure' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
    expect(() => churn([{ startedAt: '2025-01-01' }], { from, to, definition: 'exposure', method: 'wilson' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/method applies/) }),
    );
    expect(() => churn([{ startedAt: '2025-01-01' }], { from, to, unit: 'month' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/unit applies/) }),
    );
    expect(() =>
      churn([{ startedAt: '2025-01-01' }], { from, to, definition: 'exposure', unit: 'hour' as never }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('churn: the docs/churn.md example (the denominator matters)', () => {
  // April 2025 (30 days): 1000 customers at the start, 62 of them churn during the month, 200 new
  // customers join and none of those churn. Times are placed in symmetric pairs around the middle
  // of the month so each churner contributes 15 days on average, as does each joiner.
  const from = Date.parse('2025-04-01T00:00:00Z');
  const to = Date.parse('2025-05-01T00:00:00Z');
  const middle = from + 360 * HOUR;
  const customers: { id: string; startedAt: number; endedAt?: number }[] = [];
  for (let i = 0; i < 938; i++) customers.push({ id: `stay${i}`, startedAt: from - (i + 1) * DAY });
  for (let i = 0; i < 31; i++) {
    customers.push({ id: `churnA${i}`, startedAt: from - DAY, endedAt: middle - (i + 1) * 10 * HOUR });
    customers.push({ id: `churnB${i}`, startedAt: from - DAY, endedAt: middle + (i + 1) * 10 * HOUR });
  }
  for (let j = 0; j < 100; j++) {
    customers.push({ id: `newA${j}`, startedAt: middle - (j + 1) * 3 * HOUR });
    customers.push({ id: `newB${j}`, startedAt: middle + (j + 1) * 3 * HOUR });
  }

  it('customers at the start as denominator: 62 / 1000 = 6.2%', () => {
    const r = churn(customers, { from, to });
    expect([r.churned, r.n, r.value]).toEqual([62, 1000, 0.062]);
  });

  it('customer-time as denominator: 62 / 32 070 customer-days = 5.8% per 30 days', () => {
    const r = churn(customers, { from, to, definition: 'exposure' });
    expect([r.churned, r.customers]).toEqual([62, 1200]);
    expectClose(r.exposure ?? Number.NaN, 938 * 30 + 62 * 15 + 200 * 15, 1e-12);
    expectClose(r.value * 30, 62 / 1069, 1e-12);
    expect((r.value * 30).toFixed(3)).toBe('0.058');
  });

  it('the average of start and end counts gives the same 1069', () => {
    const activeAtEnd = customers.filter((c) => c.startedAt <= to && (c.endedAt ?? Number.POSITIVE_INFINITY) > to);
    expect((1000 + activeAtEnd.length) / 2).toBe(1069);
  });
});

describe('churn: bad records and options', () => {
  const window = { from: '2025-03-01', to: '2025-04-01' };

  it('names the record index and field for an unreadable date', () => {
    const bad = [
      { id: 'ok', startedAt: '2025-01-01' },
      { id: 'x', startedAt: '2025-02-30' },
    ];
    expect(() => churn(bad, window)).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        index: 1,
        value: '2025-02-30',
        message: expect.stringMatching(/^churn: startedAt of the customer at index 1 \(id "x"\) is "2025-02-30"/),
      }),
    );
    for (const startedAt of [
      '03/01/2025',
      '',
      Number.NaN,
      new Date(Number.NaN),
      null,
      undefined,
      {},
      '2025-01-01T25:00',
    ]) {
      expect(() => churn([{ startedAt: startedAt as never }], window)).toThrow(
        expect.objectContaining({ code: 'INVALID_VALUE', index: 0 }),
      );
    }
    expect(() => churn([{ startedAt: '2025-01-01', endedAt: 'soon' }], window)).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        index: 0,
        message: expect.stringMatching(/endedAt of the customer/),
      }),
    );
  });

  it('rejects an endedAt before its startedAt, with index and field', () => {
    expect(() =>
      churn(
        [
          { startedAt: '2025-01-01' },
          { startedAt: '2025-01-01' },
          { id: 7, startedAt: '2025-02-01', endedAt: '2025-01-31T23:59:59Z' },
        ],
        window,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        index: 2,
        message: expect.stringMatching(/endedAt of the customer at index 2 \(id 7\) .* is before its startedAt/),
      }),
    );
  });

  it('rejects records that are not objects, an empty list and a non-array', () => {
    expect(() => churn([null as never], window)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', index: 0 }));
    expect(() => churn([], window)).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => churn('customers' as never, window)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
  });

  it('rejects a missing, unreadable or empty window and unknown definitions', () => {
    const customers = [{ startedAt: '2025-01-01' }];
    expect(() => churn(customers, { from: '2025-03-01' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/^churn: to is undefined/) }),
    );
    expect(() => churn(customers, { from: 'March', to: '2025-04-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => churn(customers, { from: '2025-04-01', to: '2025-04-01' })).toThrow(/to > from/);
    expect(() => churn(customers, { ...window, definition: 'revenue' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => churn(customers, undefined as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('convertChurnRate', () => {
  // Reference values computed independently in Python: 1 - (1 - r) ** (to / from).
  it('converts monthly to annual as 1 − (1 − m)¹², never 12m', () => {
    expectClose(convertChurnRate(0.02, { from: 'month', to: 'year' }), 0.21528327626520016, 1e-14);
    expectClose(convertChurnRate(0.1, { from: 'month', to: 'year' }), 1 - 0.9 ** 12, 1e-14);
    expect(convertChurnRate(0.1, { from: 'month', to: 'year' })).toBeLessThan(1);
  });

  it('converts annual to monthly, weeks, days and numbers of days', () => {
    expectClose(convertChurnRate(0.2, { from: 'year', to: 'month' }), 0.018423470126248342, 1e-14);
    expectClose(convertChurnRate(0.1, { from: 'week', to: 'day' }), 0.014938794558884472, 1e-14);
    expectClose(convertChurnRate(0.1, { from: 7, to: 1 }), 0.014938794558884472, 1e-14);
    expectClose(convertChurnRate(0.05, { from: 'quarter', to: 'year' }), 1 - 0.95 ** 4, 1e-14);
    expect(convertChurnRate(0.07, { from: 'month', to: 'month' })).toBe(0.07);
  });

  it('keeps 0 at 0 and 1 at 1, and is accurate for tiny rates', () => {
    expect(convertChurnRate(0, { from: 'month', to: 'year' })).toBe(0);
    expect(convertChurnRate(1, { from: 'month', to: 'year' })).toBe(1);
    expect(convertChurnRate(1, { from: 'year', to: 'month' })).toBe(1);
    expectClose(convertChurnRate(1e-12, { from: 'month', to: 'year' }) / 12e-12, 1, 1e-10);
  });

  it('transforms an Estimate’s bounds the same way and warns about the constant hazard', () => {
    const monthly = churnRate({ customersAtStart: 500, churned: 12 });
    const annual = convertChurnRate(monthly, { from: 'month', to: 'year' });
    const f = (m: number) => 1 - (1 - m) ** 12;
    expectClose(annual.value, f(monthly.value), 1e-14);
    expectClose(annual.lower, f(monthly.lower), 1e-14);
    expectClose(annual.upper, f(monthly.upper), 1e-14);
    expect(annual.upper).toBeLessThan(12 * monthly.upper);
    expect(annual).toMatchObject({ confidence: 0.95, method: 'wilson', n: 500, fromDays: 30.4375, toDays: 365.25 });
    expect(annual.standardError).toBeUndefined();
    expect(annual.warnings.map((w) => w.code)).toEqual(['CONSTANT_HAZARD']);
    expect(annual.warnings[0]?.message).toMatch(/^convertChurnRate: .*assum/);
  });

  it('keeps the warnings of the input and does not mutate it', () => {
    const monthly = churnRate({ customersAtStart: 50, churned: 50 }, { method: 'wald' });
    const copy = structuredClone(monthly);
    const annual = convertChurnRate(monthly, { from: 'month', to: 'year' });
    expect(annual.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE', 'CONSTANT_HAZARD']);
    expect(monthly).toEqual(copy);
  });

  it('rejects exposure rates, rates outside [0, 1], disordered bounds and unknown periods', () => {
    const perDay = churnRateByExposure({ churned: 3, exposure: 900 });
    expect(() => convertChurnRate(perDay, { from: 'day', to: 'year' })).toThrow(/not a probability/);
    expect(() => convertChurnRate(1.2, { from: 'month', to: 'year' })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
    expect(() => convertChurnRate(Number.NaN, { from: 'month', to: 'year' })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
    const bad = { ...churnRate({ customersAtStart: 10, churned: 2 }), lower: 0.5 };
    expect(() => convertChurnRate(bad, { from: 'month', to: 'year' })).toThrow(/lower ≤ value ≤ upper/);
    expect(() => convertChurnRate(0.1, { from: 'fortnight' as never, to: 'year' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => convertChurnRate(0.1, { from: 0, to: 'year' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
