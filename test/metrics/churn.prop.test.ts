import { describe, expect, it } from 'vitest';
import { churn, churnRate } from '../../src/metrics/churn.ts';
import { convertChurnRate } from '../../src/metrics/convertChurnRate.ts';
import { PROPORTION_METHODS } from '../../src/stats/proportionInterval.ts';
import { expectClose } from '../helpers/close.ts';
import { fc } from '../helpers/fc.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1);

// Whole days make ties with the window's edges common; milliseconds test the general case.
const instant = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map((d) => T0 + d * DAY),
  fc.integer({ min: T0, max: T0 + 1000 * DAY }),
);

type Form = 'date' | 'iso' | 'iso-no-offset' | 'ms';
const form = fc.constantFrom<Form>('date', 'iso', 'iso-no-offset', 'ms');
function write(ms: number, as: Form): Date | string | number {
  if (as === 'date') return new Date(ms);
  if (as === 'iso') return new Date(ms).toISOString();
  if (as === 'iso-no-offset') return new Date(ms).toISOString().slice(0, -1); // no offset = UTC
  return ms;
}

interface Span {
  start: number;
  end: number; // Infinity while active
}
const span: fc.Arbitrary<Span> = fc
  .tuple(instant, fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 * DAY })), { freq: 3 }))
  .map(([start, duration]) => ({ start, end: duration === null ? Number.POSITIVE_INFINITY : start + duration }));

const spans = fc.array(span, { minLength: 1, maxLength: 60 });
const records = (list: Span[], forms: Form[]) =>
  list.map((s, i) => {
    const as = forms[i % forms.length] as Form;
    return {
      id: `c${i}`,
      startedAt: write(s.start, as),
      endedAt: s.end === Number.POSITIVE_INFINITY ? (i % 2 === 0 ? null : undefined) : write(s.end, as),
    };
  });
const formsArb = fc.array(form, { minLength: 1, maxLength: 4 });
const windowArb = fc
  .tuple(instant, instant)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

const activeAt = (s: Span, t: number) => s.start <= t && t < s.end;

describe('churn properties (cohort definition)', () => {
  it('rates and bounds stay within [0, 1] for every method; Wilson contains the estimate', () => {
    fc.assert(
      fc.property(spans, formsArb, windowArb, fc.constantFrom(...PROPORTION_METHODS), (list, forms, w, method) => {
        fc.pre(list.some((s) => activeAt(s, w.from)));
        const r = churn(records(list, forms), { ...w, method });
        expect(0).toBeLessThanOrEqual(r.lower);
        expect(r.lower).toBeLessThanOrEqual(r.upper);
        expect(r.upper).toBeLessThanOrEqual(1);
        expect(0).toBeLessThanOrEqual(r.value);
        expect(r.value).toBeLessThanOrEqual(1);
        if (method === 'wilson') {
          expect(r.lower).toBeLessThanOrEqual(r.value);
          expect(r.value).toBeLessThanOrEqual(r.upper);
        }
      }),
    );
  });

  it('counts exactly the customers active at from, and those of them who end by to', () => {
    fc.assert(
      fc.property(spans, formsArb, windowArb, (list, forms, w) => {
        const cohort = list.filter((s) => activeAt(s, w.from));
        fc.pre(cohort.length > 0);
        const r = churn(records(list, forms), w);
        expect(r.n).toBe(cohort.length);
        expect(r.customers).toBe(cohort.length);
        expect(r.churned).toBe(cohort.filter((s) => s.end <= w.to).length);
        // Everyone in the cohort either churned in the window or is still active at `to`.
        expect(r.churned + cohort.filter((s) => activeAt(s, w.to)).length).toBe(r.n);
      }),
    );
  });

  it('never counts a customer who started after from', () => {
    fc.assert(
      fc.property(spans, spans, formsArb, windowArb, (list, extra, forms, w) => {
        fc.pre(list.some((s) => activeAt(s, w.from)));
        // Any span starting after `from`, including ones that join and leave inside the window.
        const latecomers = extra.map((s) => {
          const start = w.from + 1 + (s.start % (5 * DAY));
          return { start, end: Math.max(start, s.end) };
        });
        const base = churn(records(list, forms), w);
        const more = churn(records([...list, ...latecomers], forms), w);
        expect([more.churned, more.n, more.value, more.lower, more.upper]).toEqual([
          base.churned,
          base.n,
          base.value,
          base.lower,
          base.upper,
        ]);
      }),
    );
  });

  it('churnRate stays within [0, 1] with lower ≤ upper for any counts and method', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...PROPORTION_METHODS),
        fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true }),
        (n, share, method, confidence) => {
          const r = churnRate({ customersAtStart: n, churned: Math.floor(share * n) }, { method, confidence });
          expect(0).toBeLessThanOrEqual(r.lower);
          expect(r.lower).toBeLessThanOrEqual(r.upper);
          expect(r.upper).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('churn properties (exposure definition)', () => {
  it('exposure equals the summed overlap of each active span with the window', () => {
    fc.assert(
      fc.property(
        spans,
        formsArb,
        windowArb,
        fc.constantFrom('day', 'week', 'month', 'year'),
        (list, forms, w, unit) => {
          const overlapMs = list.reduce(
            (sum, s) => sum + Math.max(0, Math.min(s.end, w.to) - Math.max(s.start, w.from)),
            0,
          );
          fc.pre(overlapMs > 0);
          const days = { day: 1, week: 7, month: 30.4375, year: 365.25 }[unit];
          const r = churn(records(list, forms), { ...w, definition: 'exposure', unit });
          expectClose(r.exposure ?? Number.NaN, overlapMs / (days * DAY), 1e-12);
          expect(r.churned).toBe(list.filter((s) => w.from < s.end && s.end <= w.to).length);
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.lower).toBeLessThanOrEqual(r.value);
          expect(r.value).toBeLessThanOrEqual(r.upper);
        },
      ),
    );
  });

  it('consecutive windows add up: events and customer-time of (a, b] and (b, c] sum to (a, c]', () => {
    fc.assert(
      fc.property(spans, formsArb, fc.uniqueArray(instant, { minLength: 3, maxLength: 3 }), (list, forms, cuts) => {
        const [a, b, c] = [...cuts].sort((x, y) => x - y) as [number, number, number];
        const customers = records(list, forms);
        const hasTime = (from: number, to: number) => list.some((s) => Math.min(s.end, to) > Math.max(s.start, from));
        // A window without customer-time is INSUFFICIENT_DATA (tested elsewhere).
        fc.pre(hasTime(a, b) && hasTime(b, c));
        const run = (from: number, to: number) => churn(customers, { from, to, definition: 'exposure' });
        const first = run(a, b);
        const second = run(b, c);
        const whole = run(a, c);
        expect(first.churned + second.churned).toBe(whole.churned);
        expectClose((first.exposure ?? 0) + (second.exposure ?? 0), whole.exposure ?? 0, 1e-12);
      }),
    );
  });

  it('is invariant to the order of the records and never mutates them', () => {
    fc.assert(
      fc.property(spans, formsArb, windowArb, fc.constantFrom('cohort', 'exposure'), (list, forms, w, definition) => {
        const customers = records(list, forms);
        const copy = structuredClone(customers);
        let forward: unknown;
        try {
          forward = churn(customers, { ...w, definition });
        } catch (error) {
          forward = (error as { code: string }).code;
        }
        expect(customers).toEqual(copy);
        let backward: unknown;
        try {
          backward = churn([...customers].reverse(), { ...w, definition });
        } catch (error) {
          backward = (error as { code: string }).code;
        }
        expect(backward).toEqual(forward);
      }),
    );
  });
});

describe('convertChurnRate properties', () => {
  const rate = fc.double({ min: 0, max: 0.6, noNaN: true, noDefaultInfinity: true });
  const days = fc.double({ min: 0.5, max: 400, noNaN: true, noDefaultInfinity: true });

  it('month → year → month round-trips', () => {
    fc.assert(
      fc.property(rate, (m) => {
        const annual = convertChurnRate(m, { from: 'month', to: 'year' });
        expectClose(convertChurnRate(annual, { from: 'year', to: 'month' }), m, 1e-11);
      }),
    );
  });

  it('round-trips between any two period lengths and stays within [0, 1]', () => {
    fc.assert(
      fc.property(rate, days, days, (r, from, to) => {
        const there = convertChurnRate(r, { from, to });
        expect(there).toBeGreaterThanOrEqual(0);
        expect(there).toBeLessThanOrEqual(1);
        fc.pre(there < 0.999);
        expectClose(convertChurnRate(there, { from: to, to: from }), r, 1e-9);
      }),
    );
  });

  it('a longer period never has a lower churn probability', () => {
    fc.assert(
      fc.property(rate, days, days, (r, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(convertChurnRate(r, { from: short, to: long })).toBeGreaterThanOrEqual(r);
        expect(convertChurnRate(r, { from: long, to: short })).toBeLessThanOrEqual(r);
      }),
    );
  });

  it('an Estimate keeps lower ≤ value ≤ upper inside [0, 1], each transformed as a number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...PROPORTION_METHODS),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
        (n, share, method, from, to) => {
          const estimate = churnRate({ customersAtStart: n, churned: Math.floor(share * n) }, { method });
          const converted = convertChurnRate(estimate, { from, to });
          expect(converted.lower).toBe(convertChurnRate(estimate.lower, { from, to }));
          expect(converted.value).toBe(convertChurnRate(estimate.value, { from, to }));
          expect(converted.upper).toBe(convertChurnRate(estimate.upper, { from, to }));
          expect(0).toBeLessThanOrEqual(converted.lower);
          expect(converted.lower).toBeLessThanOrEqual(converted.upper);
          expect(converted.upper).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
