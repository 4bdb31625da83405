import { describe, expect, it } from 'vitest';
import { churnRate } from '../../src/metrics/churn.ts';
import { customerLifetimeValue } from '../../src/metrics/customerLifetimeValue.ts';
import { PROPORTION_METHODS } from '../../src/stats/proportionInterval.ts';
import { fc } from '../helpers/fc.ts';

const arpa = fc.double({ min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true });
const rate = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
const discount = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true, noDefaultInfinity: true }));

describe('customerLifetimeValue properties', () => {
  it('is never NaN, never negative, and never increases with churn', () => {
    fc.assert(
      fc.property(arpa, rate, rate, rate, discount, (a, c1, c2, margin, d) => {
        const [low, high] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const x = customerLifetimeValue({ arpa: a, churnRate: low, margin, discountRate: d }).value;
        const y = customerLifetimeValue({ arpa: a, churnRate: high, margin, discountRate: d }).value;
        expect(Number.isNaN(x) || Number.isNaN(y)).toBe(false);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(x);
      }),
    );
  });

  it('discounting never raises the value', () => {
    fc.assert(
      fc.property(arpa, rate, rate, discount, (a, c, margin, d) => {
        const plain = customerLifetimeValue({ arpa: a, churnRate: c, margin }).value;
        const discounted = customerLifetimeValue({ arpa: a, churnRate: c, margin, discountRate: d }).value;
        expect(discounted).toBeLessThanOrEqual(plain * (1 + 1e-12));
      }),
    );
  });

  it('with a churn Estimate, lower ≤ value ≤ upper and the input is not mutated', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        rate,
        fc.constantFrom(...PROPORTION_METHODS),
        arpa,
        discount,
        (n, share, method, a, d) => {
          const churn = churnRate({ customersAtStart: n, churned: Math.floor(share * n) }, { method });
          const copy = structuredClone(churn);
          const r = customerLifetimeValue({ arpa: a, churnRate: churn, discountRate: d });
          expect(churn).toEqual(copy);
          expect(r.lower).toBeLessThanOrEqual(r.value);
          expect(r.value).toBeLessThanOrEqual(r.upper);
          expect(Number.isNaN(r.lower) || Number.isNaN(r.upper)).toBe(false);
        },
      ),
    );
  });
});
