import { describe, expect, it } from 'vitest';
import { churnRate } from '../../src/metrics/churn.ts';
import { customerLifetimeValue } from '../../src/metrics/customerLifetimeValue.ts';
import { expectClose } from '../helpers/close.ts';

describe('customerLifetimeValue', () => {
  it('is arpa · margin / churn without discounting', () => {
    const r = customerLifetimeValue({ arpa: 100, churnRate: 0.02, margin: 0.8 });
    expectClose(r.value, 4000, 1e-12);
    expect(r).toMatchObject({ arpa: 100, margin: 0.8, discountRate: 0, churnRate: 0.02, warnings: [] });
    expectClose(r.expectedLifetime, 50, 1e-12);
    expect('lower' in r).toBe(false);
  });

  it('is arpa · margin · (1 + d)/(d + churn) with discounting, the sum of the discounted margins', () => {
    const r = customerLifetimeValue({ arpa: 100, churnRate: 0.02, margin: 0.8, discountRate: 0.01 });
    expectClose(r.value, (80 * 1.01) / 0.03, 1e-12);
    // Σ_{t≥0} 80 · 0.98^t / 1.01^t, summed directly.
    let sum = 0;
    for (let t = 0; t < 5000; t++) sum += 80 * (0.98 / 1.01) ** t;
    expectClose(r.value, sum, 1e-10);
    // Gupta & Lehmann (2003) m·r/(1 + i − r), margins at the end of each period, times (1 + i)/r.
    const r0 = 0.98;
    expectClose(r.value, ((80 * r0) / (1 + 0.01 - r0)) * (1.01 / r0), 1e-12);
  });

  it('defaults margin to 1 (lifetime revenue)', () => {
    expectClose(customerLifetimeValue({ arpa: 50, churnRate: 0.05 }).value, 1000, 1e-12);
  });

  it('gives Infinity with a warning at churn 0 without discounting, never NaN', () => {
    const r = customerLifetimeValue({ arpa: 100, churnRate: 0 });
    expect(r.value).toBe(Number.POSITIVE_INFINITY);
    expect(r.expectedLifetime).toBe(Number.POSITIVE_INFINITY);
    expect(r.warnings.map((w) => w.code)).toEqual(['ZERO_CHURN']);
    expect(customerLifetimeValue({ arpa: 0, churnRate: 0 }).value).toBe(0);
    expect(customerLifetimeValue({ arpa: 100, churnRate: 0, margin: 0 }).value).toBe(0);
    expectClose(customerLifetimeValue({ arpa: 100, churnRate: 0, discountRate: 0.01 }).value, 10100, 1e-12);
  });

  it('carries a churn interval through: lower from churn’s upper bound, upper from its lower bound', () => {
    const churn = churnRate({ customersAtStart: 500, churned: 10 });
    const r = customerLifetimeValue({ arpa: 100, churnRate: churn, margin: 0.7 });
    expectClose(r.value, 70 / 0.02, 1e-12);
    expectClose(r.lower, 70 / churn.upper, 1e-12);
    expectClose(r.upper, 70 / churn.lower, 1e-12);
    expect(r).toMatchObject({ confidence: 0.95, method: 'wilson', n: 500, churnRate: 0.02 });
  });

  it('has an unbounded upper end when the churn interval reaches 0', () => {
    const churn = churnRate({ customersAtStart: 30, churned: 0 });
    const r = customerLifetimeValue({ arpa: 100, churnRate: churn });
    expect(r.value).toBe(Number.POSITIVE_INFINITY);
    expect(r.upper).toBe(Number.POSITIVE_INFINITY);
    expectClose(r.lower, 100 / churn.upper, 1e-12);
    const some = churnRate({ customersAtStart: 30, churned: 1 }, { method: 'wald' });
    const s = customerLifetimeValue({ arpa: 100, churnRate: some });
    expect(s.upper).toBe(Number.POSITIVE_INFINITY);
    expect(s.warnings.map((w) => w.code)).toEqual(['CLIPPED', 'UNBOUNDED']);
  });

  it('rejects bad inputs', () => {
    const bad: [object, RegExp][] = [
      [{ arpa: -1, churnRate: 0.1 }, /arpa is -1/],
      [{ arpa: 10, churnRate: 1.5 }, /churnRate is 1.5/],
      [{ arpa: 10, churnRate: Number.NaN }, /churnRate is NaN/],
      [{ arpa: 10, churnRate: 0.1, margin: 1.2 }, /margin is 1.2/],
      [{ arpa: 10, churnRate: 0.1, discountRate: -0.1 }, /discountRate is -0.1/],
      [{ arpa: 10, churnRate: '0.1' }, /churnRate is "0.1"/],
      [{ arpa: 10, churnRate: { value: 0.1, lower: 0.2, upper: 0.3, confidence: 0.95 } }, /lower ≤ value ≤ upper/],
    ];
    for (const [input, message] of bad) {
      expect(() => customerLifetimeValue(input as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringMatching(message) }),
      );
    }
  });
});
