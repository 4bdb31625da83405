import { describe, expect, it } from 'vitest';
import { ces, csat } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const five = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 });
const seven = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 60 });

describe('CSAT and CES properties', () => {
  it('CSAT share lies in [0, 1] inside its interval, and raising a score never lowers it', () => {
    fc.assert(
      fc.property(five, fc.nat(), (scores, i) => {
        const r = csat(scores);
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(1);
        expect(r.lower).toBeLessThanOrEqual(r.value);
        expect(r.value).toBeLessThanOrEqual(r.upper);
        const k = i % scores.length;
        const raised = scores.map((s, j) => (j === k ? Math.min(5, s + 1) : s));
        expect(csat(raised).value).toBeGreaterThanOrEqual(r.value);
        expect((csat(raised).mean?.value ?? 0) + 1e-12).toBeGreaterThanOrEqual(r.mean?.value ?? 0);
      }),
    );
  });

  it('CES mean and its interval stay within the scale', () => {
    fc.assert(
      fc.property(seven, (scores) => {
        const r = ces(scores);
        expect(r.lower).toBeGreaterThanOrEqual(1);
        expect(r.upper).toBeLessThanOrEqual(7);
        expect(r.lower).toBeLessThanOrEqual(r.value);
        expect(r.value).toBeLessThanOrEqual(r.upper);
        expect(r.netEffort.lower).toBeGreaterThanOrEqual(-100);
        expect(r.netEffort.upper).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('flipping the direction mirrors the easy share and the net effort', () => {
    fc.assert(
      fc.property(seven, fc.integer({ min: 1, max: 7 }), (scores, threshold) => {
        const higher = ces(scores, { easyThreshold: threshold });
        const mirrored = ces(
          scores.map((s) => 8 - s),
          { scale: { min: 1, max: 7 }, direction: 'lower-is-easier', easyThreshold: 8 - threshold },
        );
        expect(mirrored.easy.value).toBeCloseTo(higher.easy.value, 12);
        expect(mirrored.easy.lower).toBeCloseTo(higher.easy.lower, 12);
        expect(mirrored.netEffort.value).toBeCloseTo(higher.netEffort.value, 9);
        expect(mirrored.value).toBeCloseTo(8 - higher.value, 12);
      }),
    );
  });

  it('results do not depend on answer order and inputs are not mutated', () => {
    fc.assert(
      fc.property(five, (scores) => {
        const copy = [...scores];
        const reversed = [...scores].reverse();
        const a = csat(scores);
        const b = csat(reversed);
        expect(b.value).toBe(a.value);
        expect(b.mean?.value).toBeCloseTo(a.mean?.value ?? 0, 12);
        expect(scores).toEqual(copy);
      }),
    );
  });
});
