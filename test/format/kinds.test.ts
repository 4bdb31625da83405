import { describe, expect, it } from 'vitest';
import {
  churnRate,
  cohortRetention,
  compareProportions,
  customerLifetimeValue,
  fcrFromCounts,
  kaplanMeier,
  meanInterval,
  nps,
  pearsonCorrelation,
  poissonRateInterval,
  proportionInterval,
  quantileInterval,
  retentionCurve,
  slaAttainment,
  ttr,
} from '../../src/index.ts';
import { resultKind } from '../../src/notebook/index.ts';

const customers = [{ startedAt: '2025-01-01', endedAt: '2025-01-31' }, { startedAt: '2025-01-01' }];
const results: [string, object][] = [
  ['nps', nps([10, 9, 3, 7])],
  ['proportionInterval', proportionInterval(42, 50)],
  ['meanInterval', meanInterval([5, 7, 10])],
  ['poissonRateInterval', poissonRateInterval(10, 1000)],
  ['quantileInterval', quantileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)],
  ['compareProportions', compareProportions({ successes: 30, n: 50 }, { successes: 20, n: 50 })],
  ['pearsonCorrelation', pearsonCorrelation([1, 2, 3, 5], [2, 1, 4, 3])],
  ['retentionCurve', retentionCurve(customers, { asOf: '2025-03-02' })],
  ['cohortRetention', cohortRetention(customers, { period: 'month', asOf: '2025-03-01' })],
  [
    'customerLifetimeValue',
    customerLifetimeValue({ arpa: 100, churnRate: churnRate({ customersAtStart: 500, churned: 10 }) }),
  ],
  ['kaplanMeier', kaplanMeier([1, 2, 3], [1, 0, 1])],
  ['ttr', ttr([1000, 5000, 9000])],
  ['fcrFromCounts', fcrFromCounts({ firstContact: 7, total: 10 })],
  ['slaAttainment', slaAttainment([1000, 5000], 2000)],
  ['churnRate', churnRate({ customersAtStart: 500, churned: 10 })],
];

describe('resultKind dispatches on kind', () => {
  it.each(results)('%s: displayed by its kind as the shape rules would display it', (_, result) => {
    const { kind: _kind, ...withoutKind } = result as { kind?: unknown };
    expect(resultKind(result)).toBe(resultKind(withoutKind));
    expect(resultKind(result)).not.toBe('unknown');
  });

  it('an object claiming a kind without its fields is recognised by shape, never trusted blindly', () => {
    const estimateOnly = { kind: 'nps', value: 1, lower: 0, upper: 2, n: 5, confidence: 0.95, method: 't' };
    expect(resultKind(estimateOnly)).toBe('estimate');
    expect(resultKind({ kind: 'difference' })).toBe('unknown');
  });

  it('a kind the display does not know (an inherited name included) falls back to shape', () => {
    expect(resultKind({ kind: 'toString', value: 1, lower: 0, upper: 2, n: 5, confidence: 0.95, method: 't' })).toBe(
      'estimate',
    );
  });
});
