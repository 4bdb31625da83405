import { describe, expect, it } from 'vitest';
import {
  churnRate,
  churnRateByExposure,
  cohortRetention,
  customerLifetimeValue,
  revenueRetention,
} from '../../src/index.ts';

// Edge cases found in review: each used to return NaN or Infinity, hang, or throw a bare RangeError.
describe('churn and retention at the edges fail loudly instead of returning nonsense', () => {
  it('revenueRetention refuses MRR sums that overflow, in both input forms', () => {
    const huge = [
      { startMrr: 1e308, endMrr: 1e308 },
      { startMrr: 1e308, endMrr: 1e308 },
    ];
    expect(() => revenueRetention(huge, { resamples: 100, seed: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringContaining('overflow') }),
    );
    expect(() => revenueRetention({ startingMrr: 1e308, expansion: 1e308, contraction: 0, churned: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
  });

  it('revenueRetention caps resamples with INVALID_OPTION, not a RangeError', () => {
    expect(() => revenueRetention([{ startMrr: 1, endMrr: 2 }], { resamples: 1e12 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });

  it('customerLifetimeValue: a huge discount rate is fine; an overflowing value says OVERFLOW, not ZERO_CHURN', () => {
    expect(customerLifetimeValue({ arpa: 10, churnRate: 0.5, discountRate: 1e308 }).value).toBeCloseTo(10, 9);
    // Denormals: 6.4224e-320 / 4.94e-324 ≈ 1.3e4, finite (dividing first keeps it so).
    expect(Number.isFinite(customerLifetimeValue({ arpa: 6.4224e-320, churnRate: 5e-324 }).value)).toBe(true);
    const huge = customerLifetimeValue({ arpa: 1e300, churnRate: 1e-300 });
    expect(huge.value).toBe(Number.POSITIVE_INFINITY);
    expect(huge.warnings.map((w) => w.code)).toEqual(['OVERFLOW']);
    const zero = customerLifetimeValue({ arpa: 10, churnRate: 0 });
    expect(zero.value).toBe(Number.POSITIVE_INFINITY);
    expect(zero.warnings.map((w) => w.code)).toContain('ZERO_CHURN');
  });

  it('customerLifetimeValue refuses an exposure rate, which is not a probability per period', () => {
    const exposure = { ...churnRate({ customersAtStart: 100, churned: 5 }), definition: 'exposure' };
    expect(() => customerLifetimeValue({ arpa: 10, churnRate: exposure })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringContaining('exposure rate') }),
    );
  });

  it('cohortRetention refuses a start a century before asOf (a placeholder date) instead of building millions of cells', () => {
    expect(() => cohortRetention([{ startedAt: '0001-01-01' }], { period: 'week', asOf: '2026-01-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', index: 0 }),
    );
  });

  it('counts above 2^53 − 1 are refused (they cannot be represented exactly)', () => {
    expect(() => churnRateByExposure({ churned: 2 ** 60, exposure: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
  });
});
