import { describe, expect, it } from 'vitest';
import { compareNpsPaired, compareProportionsPaired, PAIRED_PROPORTION_TESTS } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const table = fc
  .record({
    both: fc.nat({ max: 200 }),
    onlyA: fc.nat({ max: 60 }),
    onlyB: fc.nat({ max: 60 }),
    neither: fc.nat({ max: 200 }),
  })
  .filter((t) => t.both + t.onlyA + t.onlyB + t.neither > 0);
const answer = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 10 });
const pairs = fc
  .array(fc.tuple(answer, answer), { minLength: 1, maxLength: 80 })
  .filter((p) => p.some(([a, b]) => a !== null && b !== null));
const confidence = fc.double({ min: 0.5, max: 0.995, noNaN: true, noDefaultInfinity: true });

describe('paired comparison properties', () => {
  it('compareProportionsPaired: swapping A and B negates the difference, mirrors the interval, keeps p', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(...PAIRED_PROPORTION_TESTS), confidence, (t, method, conf) => {
        const ab = compareProportionsPaired(t, { method, confidence: conf });
        const ba = compareProportionsPaired({ ...t, onlyA: t.onlyB, onlyB: t.onlyA }, { method, confidence: conf });
        expect(ba.difference + 0).toBe(-ab.difference + 0); // + 0: −0 and 0 are the same difference
        expect(ba.lower).toBeCloseTo(-ab.upper, 12);
        expect(ba.upper).toBeCloseTo(-ab.lower, 12);
        expect(ba.pValue).toBe(ab.pValue);
      }),
    );
  });

  it('compareProportionsPaired: −1 ≤ lower ≤ difference ≤ upper ≤ 1, p in [0, 1], the correction never lowers p', () => {
    fc.assert(
      fc.property(table, confidence, (t, conf) => {
        const d = compareProportionsPaired(t, { confidence: conf });
        expect(d.lower).toBeGreaterThanOrEqual(-1);
        expect(d.lower).toBeLessThanOrEqual(d.difference + 1e-15);
        expect(d.difference).toBeLessThanOrEqual(d.upper + 1e-15);
        expect(d.upper).toBeLessThanOrEqual(1);
        for (const method of PAIRED_PROPORTION_TESTS) {
          const p = compareProportionsPaired(t, { method }).pValue;
          expect(p >= 0 && p <= 1).toBe(true);
        }
        expect(compareProportionsPaired(t, { method: 'mcnemar-corrected' }).pValue).toBeGreaterThanOrEqual(
          compareProportionsPaired(t, { method: 'mcnemar' }).pValue,
        );
      }),
    );
  });

  it('compareProportionsPaired: a higher confidence gives a wider interval containing the narrower', () => {
    fc.assert(
      fc.property(table, (t) => {
        const narrow = compareProportionsPaired(t, { confidence: 0.8 });
        const wide = compareProportionsPaired(t, { confidence: 0.99 });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-15);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-15);
      }),
    );
  });

  it('compareNpsPaired: swapping a and b in every pair negates the difference, mirrors the interval, keeps p', () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom('adjusted-wald' as const, 'wald' as const), (p, method) => {
        const ab = compareNpsPaired(p, { method });
        const ba = compareNpsPaired(
          p.map(([a, b]) => [b, a] as const),
          { method },
        );
        expect(ba.difference).toBeCloseTo(-ab.difference, 12);
        expect(ba.lower).toBeCloseTo(-ab.upper, 9);
        expect(ba.upper).toBeCloseTo(-ab.lower, 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
      }),
    );
  });

  it('compareNpsPaired: inside [−200, 200], order of the pairs irrelevant, skipped + n = pairs, input untouched', () => {
    fc.assert(
      fc.property(pairs, (p) => {
        const copy = p.map((x) => [...x]);
        const d = compareNpsPaired(p);
        expect(p).toEqual(copy);
        expect(d.lower).toBeGreaterThanOrEqual(-200);
        expect(d.upper).toBeLessThanOrEqual(200);
        expect(d.lower).toBeLessThanOrEqual(d.upper);
        expect(d.n + d.skipped).toBe(p.length);
        expect(d.pValue >= 0 && d.pValue <= 1).toBe(true);
        const reversed = compareNpsPaired(p.slice().reverse());
        expect(reversed.lower).toBeCloseTo(d.lower, 9);
        expect(reversed.upper).toBeCloseTo(d.upper, 9);
      }),
    );
  });

  it('compareNpsPaired: the interval excludes 0 exactly when p < 1 − confidence', () => {
    fc.assert(
      fc.property(pairs, confidence, (p, conf) => {
        const d = compareNpsPaired(p, { confidence: conf });
        fc.pre(Math.abs(d.pValue - (1 - conf)) > 1e-9);
        expect(d.lower > 0 || d.upper < 0).toBe(d.pValue < 1 - conf);
      }),
    );
  });

  it('compareNpsPaired: raising one answer in a never lowers the difference', () => {
    fc.assert(
      fc.property(pairs, fc.nat(), (p, at) => {
        const i = at % p.length;
        const [a, b] = p[i] as [number | null, number | null];
        fc.pre(a !== null && a < 10 && b !== null);
        const raised = p.slice();
        raised[i] = [a + 1, b];
        expect(compareNpsPaired(raised).difference).toBeGreaterThanOrEqual(compareNpsPaired(p).difference);
      }),
    );
  });
});
