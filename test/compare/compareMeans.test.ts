import { describe, expect, it } from 'vitest';
import { compareMeans, meanInterval } from '../../src/index.ts';
import reference from '../fixtures/statsmodels-intervals.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';

// Reference: scipy 1.10.1 / statsmodels 0.13.5 Welch t-test (test/fixtures/statsmodels-intervals.json).
describe('compareMeans (Welch) agrees with scipy to 1e-9', () => {
  it.each(reference.welch.map((c, i) => [`case ${i}: n = ${c.a.length} vs ${c.b.length}`, c] as const))(
    '%s',
    (_, c) => {
      const d = compareMeans(c.a, c.b, { confidence: c.confidence });
      expectClose(d.difference, c.diff, 1e-12, 'difference');
      expectClose(d.t, c.t, 1e-9, 't');
      expectClose(d.df, c.df, 1e-9, 'df');
      expectClose(d.pValue, c.p, 1e-9, 'p');
      // scipy 1.10.1's t.ppf is up to ~3e-9 off at fractional df, so the reference bounds are
      // too (see the mpmath test below); t, df and p do not involve the quantile.
      expectClose(d.lower, c.lower, 5e-9, 'lower');
      expectClose(d.upper, c.upper, 5e-9, 'upper');
    },
  );

  it('bounds agree with mpmath (40 digits) where scipy 1.10.1 is ~3e-9 off', () => {
    // mpmath: diff − t(0.975, df)·SE with t found by findroot on the regularized incomplete beta.
    const expected = [
      [6, -2.0128341771336187],
      [7, -1.2369062654229883],
      [10, -2.15068723830183],
    ] as const;
    for (const [i, lower] of expected) {
      const c = reference.welch[i] as (typeof reference.welch)[number];
      expectClose(compareMeans(c.a, c.b).lower, lower, 1e-13);
    }
  });
});

describe('compareMeans', () => {
  it('accepts summaries and meanInterval estimates and gives the same answer as raw values', () => {
    const a = [4, 5, 5, 4, 3, 5, 2];
    const b = [3, 2, 4, 3, 3, 1];
    const raw = compareMeans(a, b);
    const fromEstimates = compareMeans(meanInterval(a), meanInterval(b));
    const sd = (v: number[]) => {
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
    };
    const fromSummaries = compareMeans(
      { mean: a.reduce((s, x) => s + x, 0) / a.length, sd: sd(a), n: a.length },
      { mean: b.reduce((s, x) => s + x, 0) / b.length, sd: sd(b), n: b.length },
    );
    for (const other of [fromEstimates, fromSummaries]) {
      expectClose(other.lower, raw.lower, 1e-12);
      expectClose(other.upper, raw.upper, 1e-12);
      expectClose(other.pValue, raw.pValue, 1e-12);
    }
    expect(raw.method).toBe('welch');
  });

  it('handles two constant groups with a ZERO_VARIANCE warning instead of NaN', () => {
    const d = compareMeans([3, 3, 3], [2, 2]);
    expect([d.difference, d.lower, d.upper, d.pValue]).toEqual([1, 1, 1, 0]);
    expect(d.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
  });

  it('stays finite when the variances are so small their squares underflow', () => {
    // Found by the property test: (va + vb)² / (va²/… + vb²/…) was 0/0 here and hung the t quantile.
    const d = compareMeans([0, 1e-160], [0, 3e-160]);
    expect(Number.isFinite(d.df) && Number.isFinite(d.lower) && Number.isFinite(d.pValue)).toBe(true);
    expect(d.df).toBeGreaterThan(1);
  });

  it('needs two values per group and finite values', () => {
    expect(() => compareMeans([1], [1, 2])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(() => compareMeans([], [1, 2])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => compareMeans([1, 2], [1, Number.NaN])).toThrow('compareMeans: b value at index 1 is NaN');
  });

  it('names itself when values overflow, not an inner function', () => {
    expect(() => compareMeans([1e308, -1e308, 1e308], [2, 3])).toThrow(/^compareMeans: values are too large/);
  });
});
