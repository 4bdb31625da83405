import { describe, expect, it } from 'vitest';
import {
  estimate,
  meanInterval,
  poissonRateInterval,
  proportionInterval,
  quantileInterval,
  summarize,
} from '../../src/index.ts';
import { formatResult } from '../../src/notebook/index.ts';

describe('interval results carry their kind', () => {
  it('proportionInterval is a proportion, the same as estimate of a proportion summary', () => {
    const direct = proportionInterval(42, 50, { method: 'jeffreys' });
    expect(direct.kind).toBe('proportion');
    expect({ ...direct }).toEqual({
      ...estimate(summarize('proportion', { successes: 42, n: 50 }), { method: 'jeffreys' }),
    });
  });

  it('meanInterval is a mean, the same as estimate of a mean summary (t interval)', () => {
    const values = [5, 7, 10, 4, 6];
    const direct = meanInterval(values);
    expect(direct.kind).toBe('mean');
    expect({ ...direct }).toEqual({ ...estimate(summarize('mean', values)) });
  });

  it('poissonRateInterval is a rate and quantileInterval a quantile', () => {
    expect(poissonRateInterval(10, 1000).kind).toBe('rate');
    expect(quantileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5).kind).toBe('quantile');
  });

  it('the kind changes nothing printed', () => {
    const line = formatResult(proportionInterval(42, 50));
    expect(line).toContain('84.0% [71.5%, 91.7%] (wilson, 95%, n=50)');
    expect(String(proportionInterval(42, 50))).toBe(formatResult(proportionInterval(42, 50)));
  });
});
