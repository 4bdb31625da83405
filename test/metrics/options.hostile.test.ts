import { describe, expect, it } from 'vitest';
import { cohortRetention, convertChurnRate, retentionCurve, revenueRetention } from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Found by the hostile-input suite (test/hostile/exports.test.ts): these options objects ignored
// a misspelled key, so `{ confidance: 0.9 }` silently gave 95%.

describe('retention and revenue options', () => {
  const customers = [{ startedAt: '2025-01-01', endedAt: '2025-01-31' }, { startedAt: '2025-01-01' }];

  it('an unknown key is INVALID_OPTION naming the closest valid one', () => {
    const cases: [() => unknown, string][] = [
      [() => retentionCurve(customers, { asOf: '2025-03-02', confidance: 0.9 } as never), 'confidence'],
      [() => cohortRetention(customers, { period: 'month', asOf: '2025-04-01', metod: 'wald' } as never), 'method'],
      [() => convertChurnRate(0.02, { from: 'month', too: 'quarter' } as never), 'to'],
      [
        () => revenueRetention([{ id: 'a', startMrr: 100, endMrr: 150 }], { resample: 500, seed: 1 } as never),
        'resamples',
      ],
    ];
    for (const [f, guess] of cases) {
      const error = thrown(f);
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(new RegExp(`did you mean '${guess}'\\?$`));
    }
  });

  it('revenueRetention of MRR movements refuses options, which only the bootstrap uses', () => {
    const movements = { startingMrr: 100000, expansion: 12000, contraction: 3000, churned: 5000 };
    expect(revenueRetention(movements).grr).toBe(0.92);
    const error = thrown(() => (revenueRetention as (m: unknown, o: unknown) => unknown)(movements, { seed: 1 }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toMatch(/^revenueRetention: option 'seed' applies to per-customer records/);
    expect(thrown(() => (revenueRetention as (m: unknown, o: unknown) => unknown)(movements, null)).code).toBe(
      'INVALID_OPTION',
    );
  });
});

describe('revenueRetention at hostile sizes', () => {
  it('refuses a huge sparse array at its first hole instead of a RangeError from allocating', () => {
    const error = thrown(() => revenueRetention(new Array(2 ** 32 - 1)));
    expect([error.code, error.index]).toEqual(['INVALID_VALUE', 0]);
  });

  it('refuses a bootstrap over MAX_BOOTSTRAP_DRAWS with the cost and the resamples that fit', () => {
    const customers = Array.from({ length: 20_000 }, (_, i) => ({ id: i, startMrr: 100, endMrr: 90 + (i % 20) }));
    const error = thrown(() => revenueRetention(customers));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toMatch(/20000 customers × 10000 resamples is 200000000 random draws \(about 3\.0 s\)/);
    expect(error.message).toMatch(/pass resamples of at most 5000 for 20000 customers$/);
    expect(revenueRetention(customers, { resamples: 5000, seed: 1 }).n).toBe(20_000);
  });
});
