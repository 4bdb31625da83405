import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/intervals/kaplanMeier.ts';
import { KAPLAN_MEIER_CONF_TYPES, type KaplanMeierResult } from '../../src/stats/kaplanMeier.ts';
import { kaplanMeierQuantile } from '../../src/stats/kaplanMeierQuantile.ts';
import { fc } from '../helpers/fc.ts';

// Integer durations make ties (events and censorings at the same time) common; doubles test the
// general case. Events as 0/1 or booleans.
const integerData = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean()), { minLength: 1, maxLength: 80 })
  .map((rows) => ({ durations: rows.map(([d]) => d), events: rows.map(([, e]) => e) }));
const doubleData = fc
  .array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.boolean()), {
    minLength: 1,
    maxLength: 80,
  })
  .map((rows) => ({ durations: rows.map(([d]) => d), events: rows.map(([, e]) => e) }));
const data = fc.oneof(integerData, doubleData);
const confType = fc.constantFrom(...KAPLAN_MEIER_CONF_TYPES);
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true });
const probability = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
const PROBABILITIES = [0.1, 0.25, 0.5, 0.75, 0.9];

/** The result with some quantiles, for deep comparison. */
function plain(km: KaplanMeierResult) {
  return { ...km, quantiles: PROBABILITIES.map((p) => kaplanMeierQuantile(km, p)) };
}

describe('kaplanMeier properties', () => {
  it('survival is non-increasing and within [0, 1]; times increase', () => {
    fc.assert(
      fc.property(data, confType, ({ durations, events }, type) => {
        const { points } = kaplanMeier(durations, events, { confType: type });
        let previous = { time: Number.NEGATIVE_INFINITY, survival: 1 };
        for (const point of points) {
          expect(point.time).toBeGreaterThan(previous.time);
          expect(point.survival).toBeGreaterThanOrEqual(0);
          expect(point.survival).toBeLessThanOrEqual(previous.survival);
          previous = point;
        }
      }),
    );
  });

  it('lower ≤ survival ≤ upper at every point, inside [0, 1]', () => {
    fc.assert(
      fc.property(data, confType, confidence, ({ durations, events }, type, conf) => {
        for (const p of kaplanMeier(durations, events, { confType: type, confidence: conf }).points) {
          expect(0).toBeLessThanOrEqual(p.lower);
          expect(p.lower).toBeLessThanOrEqual(p.survival + 1e-12);
          expect(p.survival).toBeLessThanOrEqual(p.upper + 1e-12);
          expect(p.upper).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('counts add up: at risk falls by the events and censorings, which sum to n', () => {
    fc.assert(
      fc.property(data, ({ durations, events }) => {
        const km = kaplanMeier(durations, events);
        expect(km.n).toBe(durations.length);
        let atRisk = durations.length;
        for (const p of km.points) {
          expect(p.atRisk).toBe(atRisk);
          atRisk -= p.events + p.censored;
        }
        expect(atRisk).toBe(0);
        expect(km.points.reduce((sum, p) => sum + p.events, 0)).toBe(events.filter(Boolean).length);
      }),
    );
  });

  it('without censoring, survival is the empirical 1 − #(durations ≤ t)/n', () => {
    fc.assert(
      fc.property(data, ({ durations }) => {
        const n = durations.length;
        const { points } = kaplanMeier(
          durations,
          durations.map(() => 1),
        );
        for (const p of points) {
          const atOrBefore = durations.filter((d) => d <= p.time).length;
          expect(Math.abs(p.survival - (1 - atOrBefore / n))).toBeLessThanOrEqual(1e-12);
        }
      }),
    );
  });

  it('quantiles satisfy lower ≤ value ≤ upper and the value rises with p', () => {
    fc.assert(
      fc.property(data, confType, probability, probability, ({ durations, events }, type, p1, p2) => {
        const km = kaplanMeier(durations, events, { confType: type });
        const [a, b] = p1 < p2 ? [p1, p2] : [p2, p1];
        for (const p of [a, b]) {
          const q = kaplanMeierQuantile(km, p);
          expect(q.lower).toBeLessThanOrEqual(q.value);
          expect(q.value).toBeLessThanOrEqual(q.upper);
          expect(q.value).toBeGreaterThanOrEqual(0);
        }
        expect(kaplanMeierQuantile(km, a).value).toBeLessThanOrEqual(kaplanMeierQuantile(km, b).value);
      }),
    );
  });

  it('scaling every duration by k scales every time and quantile (value and bounds) by k', () => {
    fc.assert(
      fc.property(integerData, confType, fc.constantFrom(4, 60), ({ durations, events }, type, k) => {
        const base = kaplanMeier(durations, events, { confType: type });
        const scaled = kaplanMeier(
          durations.map((d) => d * k),
          events,
          { confType: type },
        );
        expect(scaled.points.map((p) => p.time)).toEqual(base.points.map((p) => p.time * k));
        expect(scaled.points.map(({ time, ...rest }) => rest)).toEqual(base.points.map(({ time, ...rest }) => rest));
        for (const p of PROBABILITIES) {
          const a = kaplanMeierQuantile(base, p);
          const b = kaplanMeierQuantile(scaled, p);
          expect([b.value, b.lower, b.upper]).toEqual([a.value * k, a.lower * k, a.upper * k]);
        }
        expect(scaled.median.value).toBe(base.median.value * k);
      }),
    );
  });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(
        data.chain((d) =>
          fc.tuple(fc.constant(d), fc.shuffledSubarray([...d.durations.keys()], { minLength: d.durations.length })),
        ),
        confType,
        ([{ durations, events }, order], type) => {
          const a = kaplanMeier(durations, events, { confType: type });
          const b = kaplanMeier(
            order.map((i) => durations[i] as number),
            order.map((i) => events[i] as boolean),
            { confType: type },
          );
          expect(plain(b)).toEqual(plain(a));
        },
      ),
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(data, ({ durations, events }) => {
        const d = [...durations];
        const e = [...events];
        const typed = Float64Array.from(durations);
        kaplanMeier(durations, events);
        kaplanMeier(typed, Uint8Array.from(events, Number));
        expect(durations).toEqual(d);
        expect(events).toEqual(e);
        expect(Array.from(typed)).toEqual(d);
      }),
    );
  });
});
