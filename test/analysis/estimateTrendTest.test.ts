import { describe, expect, it } from 'vitest';
import { estimateTrendTest, npsFromCounts } from '../../src/index.ts';
import reference from '../fixtures/r-estimate-trend.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

describe("estimateTrendTest agrees with metafor's meta-regression (FE and DL) to 1e-12", () => {
  // R 4.2.2, metafor 3.8.1 (scripts/reference/estimate-trend.R):
  // rma(yi, sei = se, mods = ~ score, method = "FE" | "DL", level = 100 * confidence)
  it.each(
    reference.cases.map(
      (c, i) => [`case ${i}: ${c.method}, k = ${c.values.length}, τ² = ${c.tau2.toPrecision(3)}`, c] as const,
    ),
  )('%s', (_, c) => {
    const t = estimateTrendTest(
      c.values.map((value, i) => ({ value, standardError: c.standardErrors[i] as number })),
      { scores: c.scores, method: c.method as 'fixed-effect' | 'random-effects', confidence: c.confidence },
    );
    for (const key of ['slope', 'standardError', 'z', 'lower', 'upper', 'intercept', 'residualQ', 'tau2'] as const) {
      expectClose(t[key], c[key], 1e-12, key);
    }
    expectClose(t.pValue, c.pValue, 1e-12, 'pValue');
    expectClose(t.residualPValue, c.residualPValue, 1e-12, 'residualPValue');
  });
});

describe('estimateTrendTest', () => {
  const flat = [
    { value: 30, standardError: 3 },
    { value: 33, standardError: 3 },
    { value: 38, standardError: 3 },
  ];

  it('with equal standard errors the slope is the least-squares slope, SE = se/√Σ(x − x̄)²', () => {
    const t = estimateTrendTest(flat);
    expectClose(t.slope, 4, 1e-14);
    expectClose(t.standardError, 3 / Math.sqrt(2), 1e-14);
    expectClose(t.z, 4 / (3 / Math.sqrt(2)), 1e-14);
    expect([t.kind, t.method, t.df, t.k, t.residualDf, t.tau2]).toEqual(['trend-test', 'fixed-effect', 1, 3, 1, 0]);
    expectClose(t.statistic, t.z ** 2, 1e-14);
  });

  it('takes NpsResults (value and standardError in points)', () => {
    const months = [
      npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }),
      npsFromCounts({ promoters: 55, passives: 25, detractors: 20 }),
      npsFromCounts({ promoters: 60, passives: 25, detractors: 15 }),
    ];
    const t = estimateTrendTest(months);
    expect(t.slope).toBeGreaterThan(0);
    expect(t.lower).toBeLessThan(t.slope);
  });

  it('warns HETEROGENEITY when the estimates scatter around the line far beyond their errors', () => {
    const t = estimateTrendTest([
      { value: 30, standardError: 1 },
      { value: 45, standardError: 1 },
      { value: 25, standardError: 1 },
      { value: 50, standardError: 1 },
      { value: 28, standardError: 1 },
    ]);
    expect(t.warnings.map((w) => w.code)).toEqual(['HETEROGENEITY']);
    const random = estimateTrendTest(
      [30, 45, 25, 50, 28].map((value) => ({ value, standardError: 1 })),
      { method: 'random-effects' },
    );
    expect(random.warnings).toEqual([]);
    expect(random.tau2).toBeGreaterThan(0);
    expect(random.standardError).toBeGreaterThan(t.standardError);
  });

  it('random-effects equals fixed-effect when there is no excess variation (τ² = 0)', () => {
    const a = estimateTrendTest(flat);
    const b = estimateTrendTest(flat, { method: 'random-effects' });
    expect(b.tau2).toBe(0);
    expect([b.slope, b.standardError, b.pValue]).toEqual([a.slope, a.standardError, a.pValue]);
  });

  it('refuses fewer than 3 estimates with INSUFFICIENT_DATA', () => {
    for (const few of [[], flat.slice(0, 1), flat.slice(0, 2)]) {
      expect(thrown(() => estimateTrendTest(few)).code).toBe('INSUFFICIENT_DATA');
    }
  });

  it('refuses an estimate without a finite value or a positive standard error, with its index', () => {
    for (const bad of [
      { value: Number.NaN, standardError: 1 },
      { value: 1, standardError: 0 },
      { value: 1, standardError: -1 },
      { value: 1 },
      { value: 1, standardError: Number.POSITIVE_INFINITY },
    ]) {
      const e = thrown(() => estimateTrendTest([...flat, bad as never]));
      expect([e.code, e.index]).toEqual(['INVALID_VALUE', 3]);
    }
  });

  it('refuses bad options', () => {
    expect(thrown(() => estimateTrendTest(flat, { scores: [1, 1, 1] })).code).toBe('INVALID_OPTION');
    expect(thrown(() => estimateTrendTest(flat, { scores: [1, 2] })).code).toBe('INVALID_OPTION');
    expect(thrown(() => estimateTrendTest(flat, { method: 'fixed' as never })).code).toBe('INVALID_OPTION');
    expect(thrown(() => estimateTrendTest(flat, { confidence: 1 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => estimateTrendTest(flat, { confidance: 0.9 } as never)).message).toBe(
      "estimateTrendTest: unknown option 'confidance'; did you mean 'confidence'?",
    );
  });
});
