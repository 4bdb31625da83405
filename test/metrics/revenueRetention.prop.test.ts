import { describe, expect, it } from 'vitest';
import { revenueRetention } from '../../src/metrics/revenueRetention.ts';
import { expectClose } from '../helpers/close.ts';
import { fc } from '../helpers/fc.ts';

const money = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const movements = fc
  .record({
    startingMrr: fc.double({ min: 1, max: 1e7, noNaN: true, noDefaultInfinity: true }),
    expansion: money,
    lostShare: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
    split: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
  })
  .map(({ startingMrr, expansion, lostShare, split }) => {
    const lost = startingMrr * lostShare;
    return { startingMrr, expansion, contraction: lost * split, churned: lost - lost * split };
  });
const customer = fc.record({
  startMrr: fc.double({ min: 1, max: 5000, noNaN: true, noDefaultInfinity: true }),
  endMrr: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 8000, noNaN: true, noDefaultInfinity: true })),
});
const customers = fc.array(customer, { minLength: 1, maxLength: 40 });
const fast = { resamples: 200 };

describe('revenueRetention properties', () => {
  it('0 ≤ GRR ≤ 1, GRR ≤ NRR, and the MRR churn rates are their complements', () => {
    fc.assert(
      fc.property(movements, (m) => {
        const r = revenueRetention(m);
        expect(r.grr).toBeGreaterThanOrEqual(0);
        expect(r.grr).toBeLessThanOrEqual(1);
        expect(r.grr).toBeLessThanOrEqual(r.nrr);
        expect(r.grossMrrChurn).toBe(1 - r.grr);
        expect(r.netMrrChurn).toBe(1 - r.nrr);
      }),
    );
  });

  it('per-customer records agree with their totals; GRR bounds stay in [0, 1], lower ≤ upper', () => {
    fc.assert(
      fc.property(customers, fc.integer(), (list, seed) => {
        const r = revenueRetention(list, { ...fast, seed });
        const t = revenueRetention(r.totals);
        expectClose(r.grr.value, t.grr, 1e-9);
        expectClose(r.nrr.value, t.nrr, 1e-9);
        for (const e of [r.grr, r.nrr, r.grossMrrChurn, r.netMrrChurn]) {
          expect(e.lower).toBeLessThanOrEqual(e.upper);
          expect(e.n).toBe(list.length);
        }
        expect(r.grr.lower).toBeGreaterThanOrEqual(0);
        expect(r.grr.upper).toBeLessThanOrEqual(1);
        expect(r.grr.value).toBeLessThanOrEqual(r.nrr.value);
      }),
    );
  });

  it('is deterministic for a seed, ignores record order in its point estimates, and never mutates', () => {
    fc.assert(
      fc.property(customers, fc.integer(), (list, seed) => {
        const copy = structuredClone(list);
        const a = revenueRetention(list, { ...fast, seed });
        expect(list).toEqual(copy);
        expect(revenueRetention(list, { ...fast, seed })).toEqual(a);
        const reversed = revenueRetention([...list].reverse(), { ...fast, seed });
        expectClose(reversed.grr.value, a.grr.value, 1e-12);
        expectClose(reversed.nrr.value, a.nrr.value, 1e-12);
      }),
    );
  });
});
