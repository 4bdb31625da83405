import { describe, expect, it } from 'vitest';
import { proportionTrendTest } from '../../src/index.ts';
import reference from '../fixtures/r-analysis.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

const groupsOf = (c: { successes: number[]; n: number[] }) =>
  c.successes.map((x, i) => ({ successes: x, n: c.n[i] as number }));

describe('proportionTrendTest agrees with R 4.2.2 prop.trend.test(x, n, score) to 1e-12', () => {
  // R 4.2.2: prop.trend.test(x, n, score)$statistic and $p.value
  it.each(reference.trend.map((c, i) => [`case ${i}: k = ${c.n.length}, scores ${c.score.join(' ')}`, c] as const))(
    '%s',
    (_, c) => {
      const t = proportionTrendTest(groupsOf(c), { scores: c.score });
      expectClose(t.statistic, c.statistic, 1e-12, 'statistic');
      // Relative: some p-values are 1e-20.
      expect(Math.abs(t.pValue - c.pValue)).toBeLessThanOrEqual(1e-12 * c.pValue);
      expect(t.df).toBe(1);
    },
  );
});

describe('proportionTrendTest', () => {
  it('scores 1, 2, …, k by default (R: score = seq_along(x))', () => {
    const c = reference.trend.find((r) => r.score.every((s, i) => s === i + 1));
    if (c === undefined) throw new Error('fixture has no default-score case');
    const t = proportionTrendTest(groupsOf(c));
    expectClose(t.statistic, c.statistic, 1e-12);
    expect(t.scores).toEqual(c.score);
  });

  it('gives a signed z (rising > 0) with X² = z², and the weighted least-squares slope', () => {
    const rising = proportionTrendTest([
      { successes: 40, n: 100 },
      { successes: 45, n: 100 },
      { successes: 55, n: 100 },
    ]);
    expect(rising.z).toBeGreaterThan(0);
    expectClose(rising.statistic, rising.z ** 2, 1e-15);
    // Equal n: the ordinary least-squares slope of 0.40, 0.45, 0.55 on 1, 2, 3 is 0.075.
    expectClose(rising.slope, 0.075, 1e-15);
    const falling = proportionTrendTest([
      { successes: 55, n: 100 },
      { successes: 45, n: 100 },
      { successes: 40, n: 100 },
    ]);
    expectClose(falling.z, -rising.z, 1e-15);
    expectClose(falling.pValue, rising.pValue, 1e-15);
  });

  it('is unchanged by a linear change of the scores (1, 2, 3 or 10, 20, 30)', () => {
    const g = [
      { successes: 12, n: 50 },
      { successes: 20, n: 60 },
      { successes: 19, n: 40 },
    ];
    const a = proportionTrendTest(g);
    const b = proportionTrendTest(g, { scores: [10, 20, 30] });
    expectClose(b.statistic, a.statistic, 1e-12);
    expectClose(b.slope * 10, a.slope, 1e-12);
  });

  it('sees no trend in a rise and fall of the same size', () => {
    const t = proportionTrendTest([
      { successes: 20, n: 100 },
      { successes: 60, n: 100 },
      { successes: 20, n: 100 },
    ]);
    expect(t.statistic).toBeLessThan(1e-25);
    expectClose(t.pValue, 1, 1e-12);
  });

  it('gives X² = 0 and p = 1 with ZERO_VARIANCE when every observation is a failure (R gives NaN)', () => {
    const t = proportionTrendTest([
      { successes: 0, n: 10 },
      { successes: 0, n: 12 },
    ]);
    expect([t.statistic, t.pValue, t.z]).toEqual([0, 1, 0]);
    expect(t.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
  });

  it('refuses bad scores with INVALID_OPTION', () => {
    const g = [
      { successes: 1, n: 2 },
      { successes: 1, n: 3 },
    ];
    for (const scores of [[1], [1, 2, 3], [1, Number.NaN], [2, 2], 'ab', [1, '2']]) {
      expect(thrown(() => proportionTrendTest(g, { scores } as never)).code).toBe('INVALID_OPTION');
    }
    expect(thrown(() => proportionTrendTest(g, { score: [1, 2] } as never)).message).toBe(
      "proportionTrendTest: unknown option 'score'; did you mean 'scores'?",
    );
  });

  it('refuses an empty period and counts that are not counts, naming the index', () => {
    const ok = { successes: 1, n: 2 };
    const empty = thrown(() => proportionTrendTest([ok, { successes: 0, n: 0 }, ok]));
    expect([empty.code, empty.index]).toEqual(['EMPTY_INPUT', 1]);
    for (const bad of [{ successes: 2.5, n: 3 }, { successes: 4, n: 3 }, { successes: 1 }, 'x']) {
      const e = thrown(() => proportionTrendTest([ok, bad as never]));
      expect([e.code, e.index]).toEqual(['INVALID_VALUE', 1]);
    }
    expect(thrown(() => proportionTrendTest([ok])).code).toBe('INSUFFICIENT_DATA');
  });
});
