import { describe, expect, it } from 'vitest';
import {
  churnRate,
  cohortRetention,
  convertChurnRate,
  customerLifetimeValue,
  retentionCurve,
  revenueRetention,
} from '../../src/index.ts';

// Every result names its kind, so the formatter, show() and users' code dispatch on it instead of
// guessing from the fields.
describe('retention and revenue results carry their kind', () => {
  const customers = [{ startedAt: '2025-01-01', endedAt: '2025-01-31' }, { startedAt: '2025-01-01' }];

  it('retentionCurve and cohortRetention', () => {
    expect(retentionCurve(customers, { asOf: '2025-03-02' }).kind).toBe('retention-curve');
    expect(cohortRetention(customers, { period: 'month', asOf: '2025-03-01' }).kind).toBe('cohort-retention');
  });

  it('customerLifetimeValue, with and without an interval', () => {
    expect(customerLifetimeValue({ arpa: 100, churnRate: 0.02 }).kind).toBe('customer-lifetime-value');
    const withInterval = customerLifetimeValue({
      arpa: 100,
      churnRate: churnRate({ customersAtStart: 500, churned: 10 }),
    });
    expect(withInterval.kind).toBe('customer-lifetime-value');
  });

  it('revenueRetention from movements and from customers', () => {
    expect(revenueRetention({ startingMrr: 100, expansion: 10, contraction: 5, churned: 5 }).kind).toBe(
      'revenue-retention',
    );
    const customersMrr = [
      { id: 'a', startMrr: 100, endMrr: 150 },
      { id: 'b', startMrr: 100, endMrr: 0 },
    ];
    expect(revenueRetention(customersMrr, { seed: 1, resamples: 1000 }).kind).toBe('revenue-retention-estimate');
  });

  it('convertChurnRate of an estimate (a number stays a number)', () => {
    const rate = churnRate({ customersAtStart: 500, churned: 10 });
    expect(convertChurnRate(rate, { from: 'month', to: 'quarter' }).kind).toBe('converted-churn');
    expect(typeof convertChurnRate(0.02, { from: 'month', to: 'quarter' })).toBe('number');
  });
});
