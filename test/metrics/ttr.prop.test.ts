import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/index.ts';
import type { DurationQuantile, DurationResult } from '../../src/metrics/durations.ts';
import { firstResponseTime, ttr } from '../../src/metrics/ttr.ts';
import { expectClose } from '../helpers/close.ts';
import { fc } from '../helpers/fc.ts';

// Integer durations (minutes, say) make ties common and, scaled by 60, keep the arithmetic exact
// enough to compare to 1e-12.
const sample = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.boolean()), { minLength: 1, maxLength: 60 })
  .map((rows) => ({ durations: rows.map(([d]) => d), events: rows.map(([, e]) => e) }));
const completeSample = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 60 });
const doubles = fc.array(fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }), {
  minLength: 1,
  maxLength: 60,
});
const confidence = fc.double({ min: 0.5, max: 0.99, noNaN: true, noDefaultInfinity: true });
// Tickets given as epoch ms are from 2000 on: earlier numbers are refused (they look like seconds).
const T2000 = Date.UTC(2000, 0, 1);
const T = Date.UTC(2026, 4, 1);
const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99];

function estimates(r: DurationResult) {
  return [r.median, r.mean, ...Object.values(r.percentiles)];
}

/** a = k·b for finite values (relative 1e-12); Infinity only with Infinity. */
function expectScaled(a: number, b: number, k: number, label: string): void {
  if (!Number.isFinite(b)) expect(a, label).toBe(b);
  else expectClose(a, k * b, 1e-12, label);
}

describe('ttr properties', () => {
  it('scaling every duration by k scales every statistic and bound by k (minutes → seconds, k = 60)', () => {
    fc.assert(
      fc.property(sample, ({ durations, events }) => {
        const options = { percentiles: PERCENTILES };
        const a = ttr(durations, { events, ...options });
        const b = ttr(
          durations.map((d) => d * 60),
          { events, ...options },
        );
        expect(b.method).toBe(a.method);
        const pairs = [
          ['median', a.median, b.median],
          ['mean', a.mean, b.mean],
          ...Object.keys(a.percentiles).map((key) => [key, a.percentiles[key], b.percentiles[key]] as const),
        ] as const;
        for (const [label, x, y] of pairs) {
          if (x === undefined || y === undefined) throw new Error(`missing ${label}`);
          expectScaled(y.value, x.value, 60, `${label}.value`);
          expectScaled(y.lower, x.lower, 60, `${label}.lower`);
          expectScaled(y.upper, x.upper, 60, `${label}.upper`);
        }
        if (a.mean.horizon !== undefined) expect(b.mean.horizon).toBe(60 * a.mean.horizon);
      }),
    );
  });

  it('with no open tickets, the Kaplan–Meier median equals the order-statistic (type 7) median', () => {
    fc.assert(
      fc.property(fc.oneof(completeSample, doubles), (durations) => {
        const r = ttr(durations);
        expect(r.method).toBe('order-statistics');
        const km = kaplanMeier(
          durations,
          durations.map(() => true),
        );
        expect(km.median.value).toBe(r.median.value);
      }),
    );
  });

  it('order-statistic intervals report their true coverage: the binomial probability of their ranks', () => {
    fc.assert(
      fc.property(completeSample, confidence, fc.constantFrom(...PERCENTILES), (durations, conf, p) => {
        const q = ttr(durations, { confidence: conf, percentiles: [p] }).percentiles[`p${100 * p}`] as DurationQuantile;
        const n = durations.length;
        const l = q.lowerRank as number;
        const u = q.upperRank as number;
        // P(l ≤ K ≤ u − 1), K ~ Binomial(n, p), summed directly (independent of binomialCdf).
        let coverage = 0;
        let pmf = (1 - p) ** n; // P(K = 0)
        for (let k = 0; k < n; k++) {
          if (k >= l && k <= u - 1) coverage += pmf;
          pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
        }
        if (n >= l && n <= u - 1) coverage += p ** n;
        expectClose(q.achievedConfidence as number, coverage, 1e-9);
        const sorted = [...durations].sort((x, y) => x - y);
        expect([q.lower, q.upper]).toEqual([sorted[l - 1], sorted[u - 1]]);
        const best = 1 - p ** n - (1 - p) ** n; // coverage of [min, max]
        if (best >= conf) expect(q.achievedConfidence).toBeGreaterThanOrEqual(conf);
        else expect(q.warnings.map((w) => w.code)).toContain('LOW_COVERAGE');
      }),
    );
  });

  it('lower ≤ value ≤ upper for the median, mean and every percentile, in both methods', () => {
    fc.assert(
      fc.property(sample, confidence, ({ durations, events }, conf) => {
        const r = ttr(durations, { events, confidence: conf, percentiles: PERCENTILES });
        for (const e of estimates(r)) {
          expect(e.lower).toBeLessThanOrEqual(e.value);
          expect(e.value).toBeLessThanOrEqual(e.upper);
          expect(e.lower).toBeGreaterThanOrEqual(0);
          expect(Number.isNaN(e.value) || Number.isNaN(e.lower) || Number.isNaN(e.upper)).toBe(false);
        }
      }),
    );
  });

  it('never drops an open ticket: n = completed + open = input length; percentiles increase with p', () => {
    fc.assert(
      fc.property(sample, ({ durations, events }) => {
        const r = ttr(durations, { events, percentiles: PERCENTILES });
        expect([r.n, r.completed + r.open]).toEqual([durations.length, durations.length]);
        expect(r.open).toBe(events.filter((e) => !e).length);
        expect(r.method).toBe(r.open > 0 ? 'kaplan-meier' : 'order-statistics');
        const values = PERCENTILES.map((p) => (r.percentiles[`p${100 * p}`] as DurationQuantile).value);
        for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] as number);
      }),
    );
  });

  it('the restricted mean lies in [0, τ] and is named: method restricted-mean and its horizon', () => {
    fc.assert(
      fc.property(
        sample,
        fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
        ({ durations, events }, tau) => {
          const r = ttr(durations, { events, ...(tau === undefined ? {} : { horizon: tau }) });
          if (r.open === 0 && tau === undefined) {
            expect(r.mean.method).toBe('t');
            return;
          }
          expect(r.mean.method).toBe('restricted-mean');
          const horizon = r.mean.horizon as number;
          expect(horizon).toBe(tau ?? Math.max(...durations));
          expect(r.mean.value).toBeGreaterThanOrEqual(0);
          expect(r.mean.value).toBeLessThanOrEqual(horizon * (1 + 1e-12));
          expect(r.mean.upper).toBeLessThanOrEqual(horizon);
        },
      ),
    );
  });

  it('is invariant under permutation of the tickets', () => {
    fc.assert(
      fc.property(sample, fc.integer(), ({ durations, events }, shift) => {
        const n = durations.length;
        const k = ((shift % n) + n) % n;
        const rotate = <T>(xs: T[]) => [...xs.slice(k), ...xs.slice(0, k)];
        const a = ttr(durations, { events });
        const b = ttr(rotate(durations), { events: rotate(events) });
        expect([b.median.value, b.median.lower, b.median.upper]).toEqual([
          a.median.value,
          a.median.lower,
          a.median.upper,
        ]);
        expectClose(b.mean.value, a.mean.value, 1e-12);
      }),
    );
  });

  it('never mutates its inputs: durations, events, ticket records', () => {
    fc.assert(
      fc.property(sample, ({ durations, events }) => {
        const d = [...durations];
        const e = [...events];
        ttr(durations, { events });
        expect([durations, events]).toEqual([d, e]);
        const tickets = durations.map((x, i) => ({
          id: i,
          createdAt: T,
          ...(events[i] ? { resolvedAt: T + x, firstResponseAt: T + x / 2 } : {}),
        }));
        const copy = structuredClone(tickets);
        const asOf = T + Math.max(...durations);
        ttr(tickets, { asOf });
        firstResponseTime(tickets, { asOf });
        expect(tickets).toEqual(copy);
      }),
    );
  });

  it('tickets and their plain durations give the same result', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: T2000 + 1, max: 4e12 }), ({ durations, events }, start) => {
        const asOfAge = Math.max(...durations);
        const asOf = start + asOfAge;
        const tickets = durations.map((d, i) =>
          events[i] ? { createdAt: start + asOfAge - d - 1, resolvedAt: start + asOfAge - 1 } : { createdAt: asOf - d },
        );
        const a = ttr(tickets, { asOf });
        const b = ttr(durations, { events });
        expect(a.median).toEqual(b.median);
        expect(a.mean.value).toBe(b.mean.value);
      }),
    );
  });
});
