import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/index.ts';
import reference from '../fixtures/statsmodels-intervals.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';

// Reference: scipy 1.10.1 t-interval of the mean (test/fixtures/statsmodels-intervals.json).
describe('meanInterval (t) agrees with scipy to 1e-9', () => {
  it.each(reference.mean.map((c, i) => [`case ${i}: n = ${c.values.length} at ${c.confidence}`, c] as const))(
    '%s',
    (_, c) => {
      const ci = meanInterval(c.values, { confidence: c.confidence });
      expectClose(ci.value, c.mean, 1e-12);
      expectClose(ci.lower, c.lower, 1e-9);
      expectClose(ci.upper, c.upper, 1e-9);
      expectClose(ci.standardError ?? Number.NaN, c.sd / Math.sqrt(c.values.length), 1e-12);
    },
  );
});

describe('meanInterval', () => {
  it('returns the single point with a ZERO_VARIANCE warning when all values are equal', () => {
    const ci = meanInterval([4, 4, 4]);
    expect([ci.lower, ci.value, ci.upper]).toEqual([4, 4, 4]);
    expect(ci.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
  });

  it('needs two values: EMPTY_INPUT for none, INSUFFICIENT_DATA for one', () => {
    expect(() => meanInterval([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => meanInterval([3])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });

  it('names the index of a value that is not a finite number', () => {
    expect(() => meanInterval([1, 2, Number.NaN])).toThrow(/meanInterval: value at index 2 is NaN/);
  });

  it('bootstrap-bca is reproducible for a seed and close to t for symmetric data', () => {
    const values = Array.from({ length: 60 }, (_, i) => Math.sin(i * 12.9898) * 10);
    const a = meanInterval(values, { method: 'bootstrap-bca', seed: 7 });
    const b = meanInterval(values, { method: 'bootstrap-bca', seed: 7 });
    const t = meanInterval(values);
    expect(a).toEqual(b);
    expect(a.method).toBe('bootstrap-bca');
    expect(a.lower).toBeLessThan(a.value);
    expect(a.upper).toBeGreaterThan(a.value);
    // Same spread to within Monte Carlo error and the t vs normal difference (~10%).
    expect((a.upper - a.lower) / (t.upper - t.lower)).toBeGreaterThan(0.85);
    expect((a.upper - a.lower) / (t.upper - t.lower)).toBeLessThan(1.1);
  });

  it('bootstrap-bca leans right for right-skewed data, unlike t', () => {
    const values = Array.from({ length: 80 }, (_, i) => Math.exp(2 * Math.sin(i * 78.233)));
    const ci = meanInterval(values, { method: 'bootstrap-bca', seed: 3 });
    expect(ci.upper - ci.value).toBeGreaterThan(ci.value - ci.lower);
  });

  it('refuses values whose sum overflows instead of returning NaN', () => {
    expect(() => meanInterval([1e308, 1e308, -1e308])).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        message: expect.stringContaining('meanInterval: values are too large'),
      }),
    );
  });
});
