import { describe, expect, it } from 'vitest';
import { compareProportions, proportionHomogeneityTest } from '../../src/index.ts';
import reference from '../fixtures/r-analysis.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

const groupsOf = (c: { successes: number[]; n: number[] }) =>
  c.successes.map((x, i) => ({ successes: x, n: c.n[i] as number }));

describe('proportionHomogeneityTest agrees with R 4.2.2 prop.test(x, n, correct = FALSE) to 1e-12', () => {
  // R 4.2.2: prop.test(x, n, correct = FALSE)$statistic, $parameter, $p.value
  it.each(reference.homogeneity.map((c, i) => [`case ${i}: k = ${c.n.length}`, c] as const))('%s', (_, c) => {
    const t = proportionHomogeneityTest(groupsOf(c));
    expectClose(t.statistic, c.statistic, 1e-12, 'statistic');
    expect(t.df).toBe(c.df);
    expectClose(t.pValue, c.pValue, 1e-12, 'p-value');
    // R warns "Chi-squared approximation may be incorrect" exactly when an expected count is < 5.
    const pooled = c.successes.reduce((a, b) => a + b, 0) / c.n.reduce((a, b) => a + b, 0);
    const small = c.n.some((n) => n * pooled < 5 || n * (1 - pooled) < 5);
    expect(t.warnings.some((w) => w.code === 'SMALL_EXPECTED_COUNT')).toBe(small);
  });
});

describe('proportionHomogeneityTest', () => {
  it('reports df = k − 1, the pooled and per-group proportions, and the totals', () => {
    const t = proportionHomogeneityTest([
      { successes: 30, n: 100 },
      { successes: 20, n: 100 },
      { successes: 45, n: 150 },
    ]);
    expect([t.kind, t.method, t.df, t.k, t.n]).toEqual(['homogeneity-test', 'chi-square', 2, 3, 350]);
    expect(t.pooledProportion).toBe(95 / 350);
    expect(t.proportions).toEqual([0.3, 0.2, 0.3]);
    expect(t.warnings).toEqual([]);
  });

  it("for two groups gives the p-value of compareProportions (the pooled z-test, R's prop.test)", () => {
    const a = { successes: 30, n: 100 };
    const b = { successes: 20, n: 100 };
    const t = proportionHomogeneityTest([a, b]);
    // R: prop.test(c(30, 20), c(100, 100), correct = FALSE) gives X-squared = 2.6667 (= 8/3).
    expectClose(t.statistic, 8 / 3, 1e-14);
    expectClose(t.pValue, compareProportions(a, b).pValue, 1e-14);
  });

  it('names the groups whose expected counts are below 5', () => {
    const t = proportionHomogeneityTest([
      { successes: 40, n: 50 },
      { successes: 3, n: 4 },
      { successes: 80, n: 100 },
      { successes: 10, n: 12 },
    ]);
    expect(t.warnings.map((w) => w.code)).toEqual(['SMALL_EXPECTED_COUNT']);
    expect(t.warnings[0]?.message).toContain('groups 1 and 3');
  });

  it('gives X² = 0 and p = 1 with ZERO_VARIANCE when every group is all successes (R gives NaN)', () => {
    const t = proportionHomogeneityTest([
      { successes: 10, n: 10 },
      { successes: 4, n: 4 },
    ]);
    expect([t.statistic, t.pValue]).toEqual([0, 1]);
    expect(t.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
  });

  it('accepts ProportionSummary objects (extra fields are ignored)', () => {
    const t = proportionHomogeneityTest([
      { kind: 'proportion-summary', version: 1, successes: 30, n: 100 },
      { kind: 'proportion-summary', version: 1, successes: 20, n: 100 },
    ] as never);
    expectClose(t.statistic, 8 / 3, 1e-14);
  });

  it('prints a one-line summary in the console', () => {
    const t = proportionHomogeneityTest([
      { successes: 30, n: 100 },
      { successes: 20, n: 100 },
    ]);
    const inspect = (t as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')];
    expect(inspect?.call(t)).toBe(
      'Chi-square test of equal proportions: X² = 2.667, df = 1, p = 0.1025 (2 groups, n=200)',
    );
    expect(JSON.parse(JSON.stringify(t))).toEqual({ ...t });
  });

  it('refuses fewer than two groups', () => {
    expect(thrown(() => proportionHomogeneityTest([])).code).toBe('EMPTY_INPUT');
    const one = thrown(() => proportionHomogeneityTest([{ successes: 1, n: 2 }]));
    expect(one.code).toBe('INSUFFICIENT_DATA');
    expect(one.message).toBe('proportionHomogeneityTest: 1 group; expected at least 2');
  });

  it('refuses groups that are not counts, naming the index', () => {
    const ok = { successes: 1, n: 2 };
    const cases: [unknown, string][] = [
      [{ successes: 1.5, n: 2 }, 'INVALID_VALUE'],
      [{ successes: -1, n: 2 }, 'INVALID_VALUE'],
      [{ successes: 3, n: 2 }, 'INVALID_VALUE'],
      [{ successes: 1, n: Number.NaN }, 'INVALID_VALUE'],
      [{ successes: '1', n: 2 }, 'INVALID_VALUE'],
      [{ n: 2 }, 'INVALID_VALUE'],
      [null, 'INVALID_VALUE'],
      [[1, 2], 'INVALID_VALUE'],
      [{ successes: 0, n: 0 }, 'EMPTY_INPUT'],
    ];
    for (const [bad, code] of cases) {
      const e = thrown(() => proportionHomogeneityTest([ok, ok, bad as never]));
      expect([e.code, e.index]).toEqual([code, 2]);
      expect(e.message.startsWith('proportionHomogeneityTest: group at index 2')).toBe(true);
    }
    expect(thrown(() => proportionHomogeneityTest({ successes: 1, n: 2 } as never)).code).toBe('INVALID_VALUE');
  });
});
