import { describe, expect, it } from 'vitest';
import { compareMeans, meanHomogeneityTest } from '../../src/index.ts';
import reference from '../fixtures/r-welch-anova.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

describe('meanHomogeneityTest agrees with R 4.2.2 oneway.test(y ~ g, var.equal = FALSE) to 1e-12', () => {
  // R 4.2.2 (scripts/reference/welch-anova.R): oneway.test on raw values; each group's n, mean,
  // var and m2 as R computed them.
  it.each(reference.cases.map((c, i) => [`case ${i}: ${c.kind}, k = ${c.groups.length}`, c] as const))('%s', (_, c) => {
    const t = meanHomogeneityTest(c.groups.map((g) => ({ n: g.n, mean: g.mean, variance: g.variance })));
    expectClose(t.statistic, c.statistic, 1e-12, 'statistic');
    expect(t.df1).toBe(c.df1);
    expectClose(t.df2, c.df2, 1e-12, 'df2');
    // Relative: some p-values are 1e-76.
    expect(Math.abs(t.pValue - c.pValue)).toBeLessThanOrEqual(1e-12 * c.pValue);
    // The same from M2 (the MeanSummary shape) and from the standard deviation.
    const fromM2 = meanHomogeneityTest(
      c.groups.map((g) => ({ kind: 'mean-summary', version: 1, n: g.n, mean: g.mean, m2: g.m2 })),
    );
    expectClose(fromM2.statistic, c.statistic, 1e-12, 'statistic from m2');
    const fromSd = meanHomogeneityTest(c.groups.map((g) => ({ n: g.n, mean: g.mean, sd: Math.sqrt(g.variance) })));
    expectClose(fromSd.statistic, c.statistic, 1e-12, 'statistic from sd');
  });
});

describe('meanHomogeneityTest', () => {
  it("for two groups is Welch's t-test of compareMeans squared, with its df and p-value", () => {
    const a = [4, 5, 5, 4, 3, 5, 4];
    const b = [3, 2, 4, 3, 3];
    const summary = (x: number[]) => {
      const mean = x.reduce((s, v) => s + v, 0) / x.length;
      return { n: x.length, mean, m2: x.reduce((s, v) => s + (v - mean) ** 2, 0) };
    };
    const t = meanHomogeneityTest([summary(a), summary(b)]);
    const d = compareMeans(a, b);
    expectClose(t.statistic, d.t ** 2, 1e-12);
    expectClose(t.df2, d.df, 1e-12);
    expectClose(t.pValue, d.pValue, 1e-12);
  });

  it('reports the means, their precision-weighted mean and the total n', () => {
    const t = meanHomogeneityTest([
      { n: 10, mean: 4, variance: 1 },
      { n: 40, mean: 3, variance: 1 },
    ]);
    expect([t.k, t.n, t.means, t.df1]).toEqual([2, 50, [4, 3], 1]);
    expectClose(t.pooledMean, (10 * 4 + 40 * 3) / 50, 1e-15);
  });

  it('refuses a group with fewer than 2 values or no spread (INSUFFICIENT_DATA with index)', () => {
    const ok = { n: 5, mean: 3, variance: 1 };
    for (const bad of [
      { n: 1, mean: 3, variance: 0 },
      { n: 8, mean: 3, variance: 0 },
      { n: 8, mean: 3, m2: 0 },
    ]) {
      const e = thrown(() => meanHomogeneityTest([ok, bad]));
      expect([e.code, e.index]).toEqual(['INSUFFICIENT_DATA', 1]);
    }
  });

  it('refuses groups that are not summaries (INVALID_VALUE with index)', () => {
    const ok = { n: 5, mean: 3, variance: 1 };
    for (const bad of [
      { n: 5, mean: 3 },
      { n: 5, mean: 3, variance: 1, sd: 1 },
      { n: 5.5, mean: 3, variance: 1 },
      { n: 5, mean: Number.NaN, variance: 1 },
      { n: 5, mean: 3, variance: -1 },
      { n: 5, mean: 3, sd: Number.POSITIVE_INFINITY },
      null,
    ]) {
      const e = thrown(() => meanHomogeneityTest([ok, ok, bad as never]));
      expect([e.code, e.index]).toEqual(['INVALID_VALUE', 2]);
    }
    expect(thrown(() => meanHomogeneityTest([ok])).code).toBe('INSUFFICIENT_DATA');
    expect(thrown(() => meanHomogeneityTest([])).code).toBe('EMPTY_INPUT');
  });
});
