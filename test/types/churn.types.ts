// Type tests of churn and retention (churnRate, churnRateByExposure, churn, convertChurnRate,
// retentionCurve, cohortRetention, revenueRetention, customerLifetimeValue): the calls a user
// writes compile with the types they should have; common misuses do not (each
// `@ts-expect-error` line must be an error).
import {
  type ChurnResult,
  type CohortRetentionResult,
  type ConvertChurnRateResult,
  type CustomerLifetimeValueEstimate,
  type CustomerLifetimeValueResult,
  type CustomerRecord,
  churn,
  churnRate,
  churnRateByExposure,
  cohortRetention,
  convertChurnRate,
  customerLifetimeValue,
  type Estimate,
  type RetentionCurveResult,
  type RevenueRetentionEstimate,
  type RevenueRetentionResult,
  retentionCurve,
  revenueRetention,
} from '../../src/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

const customers: CustomerRecord[] = [
  { id: 'c1', startedAt: '2025-01-15', endedAt: '2025-06-30' },
  { id: 'c2', startedAt: new Date('2025-02-01'), endedAt: null },
  { startedAt: Date.UTC(2025, 2, 1) },
];

// churnRate({ customersAtStart, churned }, options?) and churnRateByExposure({ churned, exposure })
const monthly = churnRate({ customersAtStart: 292, churned: 8 }, { method: 'wilson', confidence: 0.9 });
expectType<Estimate>(monthly);
expectType<Estimate>(churnRateByExposure({ churned: 8, exposure: 8760 }, { confidence: 0.9 }));
// @ts-expect-error counts are an object, not two numbers
churnRate(292, 8);
// @ts-expect-error the names are customersAtStart and churned
churnRate({ customers: 292, churned: 8 });
// @ts-expect-error the exposure-based rate needs the exposure
churnRateByExposure({ churned: 8 });
// @ts-expect-error churnRateByExposure is exact Poisson: no method option
churnRateByExposure({ churned: 8, exposure: 8760 }, { method: 'wilson' });

// churn(customers, { from, to, … }): the window is required
expectTrue<Equal<ReturnType<typeof churn>, ChurnResult>>();
churn(customers, { from: '2025-04-01', to: '2025-07-01' });
churn(customers, { from: new Date('2025-04-01'), to: Date.UTC(2025, 6, 1), definition: 'exposure', unit: 'month' });
// @ts-expect-error the window's end (to) is required
churn(customers, { from: '2025-04-01' });
// @ts-expect-error the window (from, to) is required
churn(customers);
// @ts-expect-error an unknown definition
churn(customers, { from: '2025-04-01', to: '2025-07-01', definition: 'revenue' });
// @ts-expect-error units are 'day' … 'year'
churn(customers, { from: '2025-04-01', to: '2025-07-01', unit: 'days' });
// @ts-expect-error a misspelt option key (from)
churn(customers, { form: '2025-04-01', to: '2025-07-01' });
// @ts-expect-error a customer needs startedAt
churn([{ id: 'c4', endedAt: '2025-05-01' }], { from: '2025-04-01', to: '2025-07-01' });

// convertChurnRate(rate | estimate, { from, to })
expectType<number>(convertChurnRate(0.02, { from: 'month', to: 'year' }));
expectType<ConvertChurnRateResult>(convertChurnRate(monthly, { from: 'month', to: 'year' }));
convertChurnRate(0.02, { from: 30, to: 365 });
// @ts-expect-error both periods are required
convertChurnRate(0.02, { to: 'year' });
// @ts-expect-error periods are 'day' … 'year' or a number of days, not 'monthly'
convertChurnRate(0.02, { from: 'monthly', to: 'year' });
// @ts-expect-error a rate is a share, not '2%'
convertChurnRate('2%', { from: 'month', to: 'year' });

// retentionCurve(customers, { asOf, … }) and cohortRetention(customers, { period, asOf, … })
expectTrue<Equal<ReturnType<typeof retentionCurve>, RetentionCurveResult>>();
retentionCurve(customers, { asOf: '2025-12-31', unit: 'month', confType: 'log' });
expectTrue<Equal<ReturnType<typeof cohortRetention>, CohortRetentionResult>>();
cohortRetention(customers, { period: 'month', asOf: '2025-12-31', method: 'jeffreys' });
// @ts-expect-error asOf is required (who is still active?)
retentionCurve(customers, {});
// @ts-expect-error the cohort period is required
cohortRetention(customers, { asOf: '2025-12-31' });
// @ts-expect-error cohort periods are 'week', 'month' and 'quarter'
cohortRetention(customers, { period: 'year', asOf: '2025-12-31' });
// @ts-expect-error a result where the customers go
retentionCurve(churn(customers, { from: '2025-04-01', to: '2025-07-01' }), { asOf: '2025-12-31' });

// revenueRetention(movements) and revenueRetention(customers, options?)
expectType<RevenueRetentionResult>(revenueRetention({ startingMrr: 100, expansion: 10, contraction: 5, churned: 5 }));
expectType<RevenueRetentionEstimate>(
  revenueRetention(
    [
      { id: 'a', startMrr: 100, endMrr: 120 },
      { startMrr: 50, endMrr: 0 },
    ],
    { seed: 1, resamples: 1000 },
  ),
);
// @ts-expect-error every movement is required
revenueRetention({ startingMrr: 100, expansion: 10 });
// @ts-expect-error totals take no options (there is no interval to tune)
revenueRetention({ startingMrr: 100, expansion: 10, contraction: 5, churned: 5 }, { seed: 1 });
// @ts-expect-error customers carry startMrr and endMrr
revenueRetention([{ id: 'a', mrr: 100 }]);

// customerLifetimeValue({ arpa, churnRate, margin?, discountRate? })
expectType<CustomerLifetimeValueResult>(customerLifetimeValue({ arpa: 50, churnRate: 0.02, margin: 0.8 }));
expectType<CustomerLifetimeValueEstimate>(customerLifetimeValue({ arpa: 50, churnRate: monthly }));
// @ts-expect-error the churn rate is required
customerLifetimeValue({ arpa: 50 });
// @ts-expect-error the churn rate is a share or an estimate, not '2%'
customerLifetimeValue({ arpa: 50, churnRate: '2%' });
// @ts-expect-error arguments are one object, not (arpa, churnRate)
customerLifetimeValue(50, 0.02);
// @ts-expect-error a misspelt option key (discountRate)
customerLifetimeValue({ arpa: 50, churnRate: 0.02, discount: 0.01 });
