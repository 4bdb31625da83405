import { describe, expect, it } from 'vitest';
import { pearsonCorrelation, SPEARMAN_VARIANCES, spearmanCorrelation } from '../../src/index.ts';
import fixture from '../fixtures/r-correlation.json' with { type: 'json' };
import { expectClose, expectRelative } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

interface Case {
  name: string;
  confidence: number;
  x: number[];
  y: number[];
  pearson: { r: number; statistic: number; df: number; pValue: number; lower: number; upper: number };
  spearman: {
    rho: number;
    pValue: number;
    bonettWright: { lower: number; upper: number };
    fieller: { lower: number; upper: number };
  };
}
const cases = (fixture as { cases: Case[] }).cases;

describe('pearsonCorrelation agrees with R cor.test', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    // R 4.2.2: cor.test(x, y, method = 'pearson', conf.level = c.confidence)
    const r = pearsonCorrelation(c.x, c.y, { confidence: c.confidence });
    expectClose(r.value, c.pearson.r, 1e-13, 'r');
    expectClose(r.lower, c.pearson.lower, 1e-12, 'lower');
    expectClose(r.upper, c.pearson.upper, 1e-12, 'upper');
    expectRelative(r.statistic, c.pearson.statistic, 1e-12, 't');
    expect(r.df).toBe(c.pearson.df);
    expectRelative(r.pValue, c.pearson.pValue, 1e-10, 'p');
    expect([r.n, r.coefficient, r.method, r.kind, r.confidence]).toEqual([
      c.x.length,
      'pearson',
      'fisher-z',
      'correlation',
      c.confidence,
    ]);
  });
});

describe('spearmanCorrelation agrees with R cor.test (exact = FALSE) and the Fisher-z formulas', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    // R 4.2.2: cor.test(x, y, method = 'spearman', exact = FALSE); intervals tanh(atanh(rho) ∓ z·√(v/(n − 3)))
    const bw = spearmanCorrelation(c.x, c.y, { confidence: c.confidence });
    expectClose(bw.value, c.spearman.rho, 1e-13, 'rho');
    expectRelative(bw.pValue, c.spearman.pValue, 1e-10, 'p');
    expectClose(bw.lower, c.spearman.bonettWright.lower, 1e-12, 'bw lower');
    expectClose(bw.upper, c.spearman.bonettWright.upper, 1e-12, 'bw upper');
    expect(bw.method).toBe('fisher-z-bonett-wright');
    const fieller = spearmanCorrelation(c.x, c.y, { confidence: c.confidence, variance: 'fieller' });
    expectClose(fieller.lower, c.spearman.fieller.lower, 1e-12, 'fieller lower');
    expectClose(fieller.upper, c.spearman.fieller.upper, 1e-12, 'fieller upper');
    expect(fieller.value).toBe(bw.value);
  });

  it("matches statpsych ci.spear's published example (Bonett & Wright interval and standard error)", () => {
    // statpsych::ci.spear(.05, y, x) documents: Estimate 0.8699639, SE 0.08241326, LL 0.5840951, UL 0.9638297
    const y = [21, 4, 9, 12, 35, 18, 10, 22, 24, 1, 6, 8, 13, 16, 19];
    const x = [67, 28, 30, 28, 52, 40, 25, 37, 44, 10, 14, 20, 28, 40, 51];
    const r = spearmanCorrelation(x, y);
    expectClose(r.value, 0.8699639, 1e-7);
    expectClose(r.standardError as number, 0.08241326, 1e-8);
    expectClose(r.lower, 0.5840951, 1e-7);
    expectClose(r.upper, 0.9638297, 1e-7);
  });

  it('gives tied values their average rank', () => {
    // Ranks of x: 1, 2.5, 2.5, 4; y is already ranks: rho = Pearson of the ranks.
    const r = spearmanCorrelation([1, 5, 5, 9], [1, 2, 3, 4]);
    expect(r.value).toBeCloseTo(pearsonCorrelation([1, 2.5, 2.5, 4], [1, 2, 3, 4]).value, 14);
  });

  it('is unchanged by a monotone transform of either variable', () => {
    const x = [3, 1, 4, 1.5, 5, 9, 2, 6];
    const y = [2, 7, 1, 8, 2.8, 1.8, 2.9, 4];
    const a = spearmanCorrelation(x, y);
    const b = spearmanCorrelation(
      x.map((v) => Math.exp(v)),
      y.map((v) => v ** 3),
    );
    expect([b.value, b.lower, b.upper, b.pValue]).toEqual([a.value, a.lower, a.upper, a.pValue]);
  });
});

describe('correlations at the edges', () => {
  it('gives r = ±1 with a point interval, p = 0 and an infinite t, and warns ZERO_VARIANCE', () => {
    const r = pearsonCorrelation([1, 2, 3, 4], [2, 4, 6, 8]);
    expect([r.value, r.lower, r.upper, r.pValue, r.statistic]).toEqual([1, 1, 1, 0, Number.POSITIVE_INFINITY]);
    expect(r.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
    expect(JSON.parse(JSON.stringify(r)).statistic).toBeNull();
    const s = spearmanCorrelation([1, 2, 3, 4], [8, 6, 4, 2]);
    expect([s.value, s.lower, s.upper, s.statistic]).toEqual([-1, -1, -1, Number.NEGATIVE_INFINITY]);
  });

  it('stays within [−1, 1] and next to 1 when rounding leaves a perfect line a hair below it', () => {
    // simple-statistics gives 0.9999999999999999 here: the interval and p-value follow that r.
    const r = pearsonCorrelation([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]);
    expect(r.value).toBeGreaterThan(1 - 1e-15);
    expect(r.lower).toBeGreaterThan(1 - 1e-12);
    expect(r.upper).toBeLessThanOrEqual(1);
    expect(r.pValue).toBeLessThan(1e-20);
  });

  it('gives p = 1 and a symmetric interval at r = 0', () => {
    const r = pearsonCorrelation([1, 2, 3, 4], [1, -1, -1, 1]);
    expect(r.value).toBeCloseTo(0, 15);
    expect(r.pValue).toBeCloseTo(1, 14);
    expect(r.lower).toBeCloseTo(-r.upper, 14);
  });

  it('accepts typed arrays and leaves the input untouched', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5]);
    const y = [2, 1, 4, 3, 5];
    const a = spearmanCorrelation(x, y);
    expect(Array.from(x)).toEqual([1, 2, 3, 4, 5]);
    expect(a.value).toBe(spearmanCorrelation([1, 2, 3, 4, 5], y).value);
  });

  it('offers the variances in SPEARMAN_VARIANCES', () => {
    expect(SPEARMAN_VARIANCES).toEqual(['bonett-wright', 'fieller']);
  });

  it('refuses bad input with the index, and too little or constant data', () => {
    const nan = thrown(() => pearsonCorrelation([1, 2, Number.NaN, 4], [1, 2, 3, 4]));
    expect([nan.code, nan.index]).toEqual(['INVALID_VALUE', 2]);
    expect(nan.message).toBe('pearsonCorrelation: x at index 2 is NaN; expected a finite number');
    expect(thrown(() => spearmanCorrelation([1, 2, 3, 4], [1, 2, 3, null as never])).index).toBe(3);
    expect(thrown(() => pearsonCorrelation([1, 2, 3, 4], [1, 2, 3])).code).toBe('INVALID_VALUE');
    expect(thrown(() => pearsonCorrelation([1, 2, 3], [1, 2, 3])).code).toBe('INSUFFICIENT_DATA');
    const constant = thrown(() => spearmanCorrelation([4, 4, 4, 4, 4], [1, 2, 3, 4, 5]));
    expect([constant.code, constant.message]).toEqual([
      'INSUFFICIENT_DATA',
      'spearmanCorrelation: every x is 4; a correlation needs values that vary',
    ]);
    expect(thrown(() => pearsonCorrelation('1234' as never, [1, 2, 3, 4])).code).toBe('INVALID_VALUE');
    expect(thrown(() => pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3], { confidence: 1 })).code).toBe('INVALID_OPTION');
    expect(
      thrown(() => spearmanCorrelation([1, 2, 3, 4], [2, 1, 4, 3], { varaince: 'fieller' } as never)).message,
    ).toBe("spearmanCorrelation: unknown option 'varaince'; did you mean 'variance'?");
    expect(thrown(() => spearmanCorrelation([1, 2, 3, 4], [2, 1, 4, 3], { variance: 'exact' as never })).code).toBe(
      'INVALID_OPTION',
    );
  });
});
