import { describe, expect, it } from 'vitest';
import { compareNps, npsFromCounts, npsHomogeneityTest } from '../../src/index.ts';
import reference from '../fixtures/r-nps-homogeneity.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

describe('npsHomogeneityTest agrees with metafor’s fixed-effect heterogeneity test to 1e-12', () => {
  // R 4.2.2, metafor 3.8.1 (scripts/reference/nps-homogeneity.R): rma(yi, vi, method = "FE"),
  // QE and QEp, with yi the NPS shares and vi their trinomial (or adjusted-Wald) variances.
  it.each(
    reference.cases.map((c, i) => {
      const degenerate = c.groups.some(
        (g) => [g.promoters, g.passives, g.detractors].filter((x) => x > 0).length === 1,
      );
      return [`case ${i}: k = ${c.groups.length}${degenerate ? ', a group all in one class' : ''}`, c] as const;
    }),
  )('%s', (_, c) => {
    const t = npsHomogeneityTest(c.groups);
    expectClose(t.statistic, c.statistic, 1e-12, 'statistic');
    expect(t.df).toBe(c.df);
    expectClose(t.pValue, c.pValue, 1e-12, 'p-value');
    expectClose(t.pooledValue, c.pooledValue, 1e-12, 'pooled value');
    for (let i = 0; i < t.k; i++) {
      expectClose(t.values[i] as number, c.values[i] as number, 1e-12, `value ${i}`);
      expectClose(t.standardErrors[i] as number, c.standardErrors[i] as number, 1e-12, `standard error ${i}`);
    }
  });
});

describe('npsHomogeneityTest', () => {
  it("for two groups is the square of compareNps's Wald z, with the same p-value", () => {
    const a = { promoters: 49, passives: 23, detractors: 18 };
    const b = { promoters: 41, passives: 30, detractors: 35 };
    const t = npsHomogeneityTest([a, b]);
    const d = compareNps(a, b, { method: 'wald' });
    expectClose(t.statistic, (d.difference / d.standardError) ** 2, 1e-12);
    expectClose(t.pValue, d.pValue, 1e-12);
  });

  it('gives Q = 0 and p = 1 for groups with the same shares', () => {
    const t = npsHomogeneityTest([
      { promoters: 5, passives: 3, detractors: 2 },
      { promoters: 50, passives: 30, detractors: 20 },
    ]);
    expect(t.statistic).toBeLessThan(1e-28);
    expectClose(t.pValue, 1, 1e-12);
    expectClose(t.pooledValue, 30, 1e-12);
  });

  it('takes the adjusted-Wald variance for a group all in one class, keeps its observed NPS and warns', () => {
    const t = npsHomogeneityTest([
      { promoters: 12, passives: 0, detractors: 0 },
      { promoters: 40, passives: 30, detractors: 30 },
      { promoters: 0, passives: 7, detractors: 0 },
    ]);
    expect(t.values).toEqual([100, 10, 0]);
    // n + 3 = 15 with 12.75 promoters and 0.75 detractors: Var = (0.85 + 0.05 − 0.8²)/15.
    expectClose(t.standardErrors[0] as number, 100 * Math.sqrt((0.85 + 0.05 - 0.8 ** 2) / 15), 1e-12);
    expect(t.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
    expect(t.warnings[0]?.message).toContain('groups 0 and 2');
    expect(Number.isFinite(t.statistic)).toBe(true);
  });

  it('accepts NpsResults (their counts) and says so when one is weighted', () => {
    const plain = npsHomogeneityTest([
      npsFromCounts({ promoters: 30, passives: 10, detractors: 10 }),
      { promoters: 20, passives: 10, detractors: 20 },
    ]);
    expect(plain.values).toEqual([40, 0]);
    expect(plain.warnings).toEqual([]);
    const weighted = { promoters: 30, passives: 10, detractors: 10, warnings: [{ code: 'WEIGHTED', message: '' }] };
    const t = npsHomogeneityTest([weighted, { promoters: 20, passives: 10, detractors: 20 }]);
    expect(t.warnings.map((w) => w.code)).toEqual(['WEIGHTED']);
  });

  it('refuses fewer than two groups, empty groups and counts that are not counts, with the index', () => {
    expect(thrown(() => npsHomogeneityTest([])).code).toBe('EMPTY_INPUT');
    expect(thrown(() => npsHomogeneityTest([{ promoters: 1, passives: 0, detractors: 0 }])).code).toBe(
      'INSUFFICIENT_DATA',
    );
    const ok = { promoters: 1, passives: 2, detractors: 3 };
    const empty = thrown(() => npsHomogeneityTest([ok, { promoters: 0, passives: 0, detractors: 0 }]));
    expect([empty.code, empty.index]).toEqual(['EMPTY_INPUT', 1]);
    for (const bad of [
      { promoters: 1.5, passives: 0, detractors: 0 },
      { promoters: 1, passives: -2, detractors: 0 },
      { promoters: 1, passives: 2 },
      7,
    ]) {
      const e = thrown(() => npsHomogeneityTest([ok, ok, bad as never]));
      expect([e.code, e.index]).toEqual(['INVALID_VALUE', 2]);
    }
  });
});
