import { describe, expect, it } from 'vitest';
import { CxMetricsError, type QuantileType, quantile } from '../../src/index.ts';
import orderStatistics from '../fixtures/order-statistics.json' with { type: 'json' };
import survival from '../fixtures/r-survival-km.json' with { type: 'json' };
import { expectRelative } from '../helpers/close.ts';

describe('quantile agrees with R type 7 (R 4.2.2, test/fixtures/r-survival-km.json)', () => {
  const cases = survival.quantileType7.flatMap((c, i) => {
    // R's JSON writer turns a length-1 vector into a scalar.
    const values = Array.isArray(c.values) ? c.values : [c.values as number];
    return c.p.map((p, j) => [`set ${i}, p = ${p}`, values, p, c.type7[j] as number] as const);
  });
  it.each(cases)('%s', (_, values, p, expected) => {
    expectRelative(quantile(values, p), expected, 1e-13);
  });
});

describe('quantile agrees with all nine Hyndman–Fan types (numpy 2.4.6, identical to R)', () => {
  const cases = orderStatistics.sample_quantiles.map(
    (c) => [`type ${c.type} p = ${c.p} of [${c.values.join(', ')}]`, c] as const,
  );
  it.each(cases)('%s', (_, c) => {
    expectRelative(quantile(c.values, c.p, { type: c.type as QuantileType }), c.quantile, 1e-13);
  });
});

describe('quantile', () => {
  it('returns the minimum at p = 0 and the maximum at p = 1 for every type', () => {
    for (let type = 1; type <= 9; type++) {
      expect(quantile([3, -1, 7, 2], 0, { type: type as QuantileType })).toBe(-1);
      expect(quantile([3, -1, 7, 2], 1, { type: type as QuantileType })).toBe(7);
    }
  });

  it('does not mutate its input and accepts typed arrays', () => {
    const values = [5, 1, 4];
    expect(quantile(values, 0.5)).toBe(4);
    expect(values).toEqual([5, 1, 4]);
    expect(quantile(new Float32Array([5, 1, 4]), 0.5)).toBe(4);
  });

  it('rejects empty input, non-finite values, p outside [0, 1] and unknown types', () => {
    expect(() => quantile([], 0.5)).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', index: 1 }));
    expect(() => quantile([1, 2], 1.2)).toThrow(CxMetricsError);
    // @ts-expect-error — type 10 does not exist
    expect(() => quantile([1, 2], 0.5, { type: 10 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
