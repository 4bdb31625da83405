import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/intervals/kaplanMeier.ts';
import {
  KAPLAN_MEIER_CONF_TYPES,
  type KaplanMeierConfType,
  type KaplanMeierPoint,
  type KaplanMeierResult,
} from '../../src/stats/kaplanMeier.ts';
import { pristineCurve } from '../../src/stats/kaplanMeierPoints.ts';
import { kaplanMeierQuantile } from '../../src/stats/kaplanMeierQuantile.ts';
import { zCritical } from '../../src/stats/normal.ts';
import { fc } from '../helpers/fc.ts';

// The points of a kaplanMeier result are made from the engine's typed columns on first read
// (src/stats/kaplanMeierPoints.ts). These tests hold them to an eager, one-object-per-time
// construction written out here (the product-limit estimate, Greenwood, and the three bands as in
// R's survfit_confint, with the same floating-point operations as before the columns), and check
// that every way of looking at a result sees plain data.

/** The points built eagerly and naively: O(n·m), straight from the definitions. */
function eagerPoints(
  durations: readonly number[],
  events: readonly boolean[],
  confType: KaplanMeierConfType,
  confidence = 0.95,
): KaplanMeierPoint[] {
  const z = zCritical(confidence);
  const times = [...new Set(durations.map((d) => d + 0))].sort((a, b) => a - b);
  const points: KaplanMeierPoint[] = [];
  let survival = 1;
  let greenwood = 0;
  for (const time of times) {
    const atRisk = durations.filter((d) => d >= time).length;
    const d = durations.filter((x, i) => x === time && events[i]).length;
    const c = durations.filter((x, i) => x === time && !events[i]).length;
    if (d > 0) {
      survival *= (atRisk - d) / atRisk;
      greenwood += d / (atRisk * (atRisk - d));
    }
    const se = Math.sqrt(greenwood);
    let lower = survival;
    let upper = survival;
    if (survival === 0) [lower, upper] = [0, 1];
    else if (se > 0) {
      if (confType === 'log-log') {
        const shift = (z * se) / Math.log(survival);
        const centre = Math.log(-Math.log(survival));
        [lower, upper] = [Math.exp(-Math.exp(centre - shift)), Math.exp(-Math.exp(centre + shift))];
      } else if (confType === 'log') {
        [lower, upper] = [Math.exp(Math.log(survival) - z * se), Math.exp(Math.log(survival) + z * se)];
      } else {
        [lower, upper] = [survival - se * survival * z, survival + se * survival * z];
      }
      [lower, upper] = [Math.max(0, lower), Math.min(1, upper)];
    }
    points.push({ time, atRisk, events: d, censored: c, survival, lower, upper, standardError: se });
  }
  return points;
}

const data = fc
  .array(
    fc.tuple(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1e6, noNaN: true })), fc.boolean()),
    {
      minLength: 1,
      maxLength: 60,
    },
  )
  .map((rows) => ({ durations: rows.map(([d]) => d), events: rows.map(([, e]) => e) }));
const confType = fc.constantFrom(...KAPLAN_MEIER_CONF_TYPES);

describe('kaplanMeier points, made from columns on first read', () => {
  it('equal the points built eagerly from the definitions, to the last bit', () => {
    fc.assert(
      fc.property(data, confType, ({ durations, events }, type) => {
        const km = kaplanMeier(durations, events, { confType: type });
        expect(km.points).toStrictEqual(eagerPoints(durations, events, type));
      }),
    );
  });

  it('are one array: the first read replaces the accessor with a plain data property', () => {
    const km = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]);
    const before = Object.getOwnPropertyDescriptor(km, 'points');
    expect(before?.enumerable).toBe(true);
    expect(typeof before?.get).toBe('function');
    const points = km.points;
    expect(km.points).toBe(points);
    const after = Object.getOwnPropertyDescriptor(km, 'points');
    expect(after).toEqual({ value: points, writable: true, enumerable: true, configurable: true });
    expect(Array.isArray(points)).toBe(true);
    for (const p of points) expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });

  it('keep the key order and survive JSON, structuredClone and spreading unchanged', () => {
    const make = () => kaplanMeier([2, 3, 3, 5, 8, 9, 0], [1, 1, 0, 1, 0, 1, 1], { confType: 'plain' });
    const keys = ['kind', 'points', 'median', 'confidence', 'confType', 'n', 'warnings'];
    expect(Object.keys(make())).toEqual(keys);
    const eager = { ...make() }; // a spread reads points through the getter
    expect(Object.getOwnPropertyDescriptor(eager, 'points')).toHaveProperty('value');
    expect(eager.points).toStrictEqual(
      eagerPoints([2, 3, 3, 5, 8, 9, 0], [true, true, false, true, false, true, true], 'plain'),
    );
    // Each way of looking, on a fresh result whose points were never read.
    expect(JSON.parse(JSON.stringify(make()))).toEqual(JSON.parse(JSON.stringify(eager)));
    expect(JSON.stringify(make())).toBe(JSON.stringify(eager));
    expect(structuredClone(make())).toStrictEqual(eager);
    expect(make()).toEqual(eager);
    expect(Object.entries(make())).toEqual(Object.entries(eager));
    expect(Object.keys(structuredClone(make()))).toEqual(keys);
    const parsed = JSON.parse(JSON.stringify(make()));
    expect(Object.keys(parsed)).toEqual(keys);
    expect(parsed.points.map((p: KaplanMeierPoint) => p.time)).toEqual([0, 2, 3, 5, 8, 9]);
  });

  it('can be assigned before being read, and a result frozen before the first read still reads', () => {
    const km = kaplanMeier([1, 2, 3], [1, 1, 0]);
    km.points = [];
    expect(km.points).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(km, 'points')).toHaveProperty('value', []);
    const frozen = Object.freeze(kaplanMeier([1, 2, 3], [1, 1, 0]));
    const points = frozen.points;
    expect(points).toHaveLength(3);
    expect(frozen.points).toBe(points);
    expect(() => {
      (frozen as { points: unknown }).points = [];
    }).toThrow(TypeError);
    expect(frozen.points).toBe(points);
  });
});

describe('kaplanMeierQuantile on the columns and on the points', () => {
  it('gives the same quantiles from a fresh result (columns), after its points are read, from a copy and from JSON', () => {
    fc.assert(
      fc.property(data, confType, fc.double({ min: 0, max: 1, noNaN: true }), ({ durations, events }, type, p) => {
        const fresh = kaplanMeier(durations, events, { confType: type });
        expect(pristineCurve(fresh)).toBeDefined();
        const fromColumns = kaplanMeierQuantile(fresh, p);
        expect(pristineCurve(fresh)).toBeDefined(); // asking for a quantile reads no points
        const read = kaplanMeier(durations, events, { confType: type });
        void read.points;
        expect(pristineCurve(read)).toBeUndefined();
        expect(kaplanMeierQuantile(read, p)).toStrictEqual(fromColumns);
        expect(kaplanMeierQuantile({ ...fresh }, p)).toStrictEqual(fromColumns);
        expect(kaplanMeierQuantile(JSON.parse(JSON.stringify(fresh)), p)).toEqual(fromColumns);
        expect(kaplanMeierQuantile(fresh, 0.5)).toStrictEqual(fresh.median);
      }),
    );
  });

  it('reads the points again when they were edited, or when a top-level field changed', () => {
    const km = kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]);
    expect(kaplanMeierQuantile(km, 0.5).value).toBe(2.5); // Ŝ = 0.5 on [2, 3): the midpoint
    for (const point of km.points) point.survival = 1;
    expect(kaplanMeierQuantile(km, 0.5).value).toBe(Number.POSITIVE_INFINITY);
    const other = kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]) as KaplanMeierResult;
    other.confidence = 0.8; // the quantile's reported confidence follows the field, as from JSON
    expect(kaplanMeierQuantile(other, 0.5).confidence).toBe(0.8);
  });

  it('still refuses a malformed point, naming it', () => {
    const json = JSON.parse(JSON.stringify(kaplanMeier([1, 2, 3], [1, 0, 1])));
    json.points[1].survival = 'x';
    expect(() => kaplanMeierQuantile(json, 0.5)).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        message: expect.stringMatching(/^kaplanMeierQuantile: points\[1\] is /),
      }),
    );
  });
});
