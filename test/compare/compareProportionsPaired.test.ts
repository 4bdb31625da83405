import { describe, expect, it } from 'vitest';
import { compareProportionsPaired, proportionInterval } from '../../src/index.ts';
import newcombe from '../fixtures/newcombe-paired.json' with { type: 'json' };
import reference from '../fixtures/r-analysis.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

const tableOf = (c: { both: number; onlyA: number; onlyB: number; neither: number }) => ({
  both: c.both,
  onlyA: c.onlyA,
  onlyB: c.onlyB,
  neither: c.neither,
});

describe("compareProportionsPaired p-values agree with R 4.2.2's mcnemar.test and binom.test to 1e-12", () => {
  // R 4.2.2: mcnemar.test(x, correct = FALSE), mcnemar.test(x) and binom.test(onlyA, onlyA + onlyB)
  it.each(reference.paired.map((c, i) => [`case ${i}: ${c.both} ${c.onlyA} ${c.onlyB} ${c.neither}`, c] as const))(
    '%s',
    (_, c) => {
      const plain = compareProportionsPaired(tableOf(c), { method: 'mcnemar' });
      expectClose(plain.statistic as number, c.mcnemar.statistic, 1e-12, 'statistic');
      expect(Math.abs(plain.pValue - c.mcnemar.pValue)).toBeLessThanOrEqual(1e-12 * c.mcnemar.pValue);
      const corrected = compareProportionsPaired(tableOf(c), { method: 'mcnemar-corrected' });
      expectClose(corrected.statistic as number, c.mcnemarCorrected.statistic, 1e-12, 'corrected statistic');
      expect(Math.abs(corrected.pValue - c.mcnemarCorrected.pValue)).toBeLessThanOrEqual(
        1e-12 * c.mcnemarCorrected.pValue,
      );
      const exact = compareProportionsPaired(tableOf(c), { method: 'exact' });
      expect(Math.abs(exact.pValue - c.exactPValue)).toBeLessThanOrEqual(1e-12 * c.exactPValue);
      expect(exact.statistic).toBeUndefined();
    },
  );
});

describe("compareProportionsPaired's Newcombe interval agrees with an independent computation to 1e-12", () => {
  // scripts/reference/newcombe_paired.py: Wilson limits by bisection on the score equation in
  // mpmath (50 digits), Newcombe's (1998) method 10 with his continuity-corrected φ.
  it.each(newcombe.cases.map((c) => [`${c.both} ${c.onlyA} ${c.onlyB} ${c.neither} at ${c.confidence}`, c] as const))(
    '%s',
    (_, c) => {
      const d = compareProportionsPaired(tableOf(c), { confidence: c.confidence });
      expectClose(d.difference, c.difference, 1e-15, 'difference');
      expectClose(d.lower, c.lower, 1e-12, 'lower');
      expectClose(d.upper, c.upper, 1e-12, 'upper');
    },
  );

  it("reproduces Fagerland, Lydersen & Laake's (2014) published example: −0.0621 (−0.1186 to −0.0046)", () => {
    // Complete response before and after consolidation therapy, Cavo et al. (2012); Fagerland,
    // Lydersen & Laake, Stat Med 33:2850 (2014) and their book (2017), Newcombe square-and-add.
    const d = compareProportionsPaired({ both: 59, onlyA: 6, onlyB: 16, neither: 80 });
    expect([d.difference, d.lower, d.upper].map((x) => x.toFixed(4))).toEqual(['-0.0621', '-0.1186', '-0.0046']);
  });
});

describe('compareProportionsPaired', () => {
  it('reports the marginal proportions as Wilson estimates and the difference (onlyA − onlyB)/n', () => {
    const d = compareProportionsPaired({ both: 40, onlyA: 12, onlyB: 5, neither: 43 });
    expect(d.difference).toBe(7 / 100);
    expect(d.a).toEqual(proportionInterval(52, 100));
    expect(d.b).toEqual(proportionInterval(45, 100));
    expect([d.kind, d.method, d.test, d.n, d.discordant, d.df]).toEqual([
      'difference',
      'newcombe-paired',
      'mcnemar',
      100,
      17,
      1,
    ]);
    // Wald standard error of a paired difference: √(b + c − (b − c)²/n)/n.
    expectClose(d.standardError, Math.sqrt(17 - 49 / 100) / 100, 1e-15);
  });

  it('is narrower than the independent-samples interval when the answers are positively correlated', () => {
    const paired = compareProportionsPaired({ both: 400, onlyA: 30, onlyB: 10, neither: 560 });
    const unpairedWidth = (() => {
      const a = proportionInterval(430, 1000);
      const b = proportionInterval(410, 1000);
      return Math.hypot(a.value - a.lower, b.upper - b.value) + Math.hypot(a.upper - a.value, b.value - b.lower);
    })();
    expect(paired.upper - paired.lower).toBeLessThan(unpairedWidth / 2);
  });

  it('gives p = 1 with ZERO_VARIANCE when no pair changed (R returns NaN)', () => {
    for (const method of ['mcnemar', 'mcnemar-corrected', 'exact'] as const) {
      const d = compareProportionsPaired({ both: 10, onlyA: 0, onlyB: 0, neither: 5 }, { method });
      expect(d.pValue).toBe(1);
      expect(d.difference).toBe(0);
      expect(d.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
      expect(d.lower).toBeLessThan(0);
      expect(d.upper).toBeGreaterThan(0);
    }
  });

  it('gives the exact p-value 1 for a symmetric table, and R’s corrected statistic 0 there', () => {
    expect(compareProportionsPaired({ both: 3, onlyA: 4, onlyB: 4, neither: 3 }, { method: 'exact' }).pValue).toBe(1);
    const corrected = compareProportionsPaired(
      { both: 3, onlyA: 4, onlyB: 4, neither: 3 },
      { method: 'mcnemar-corrected' },
    );
    expect([corrected.statistic, corrected.pValue]).toEqual([0, 1]);
  });

  it('stays inside [−1, 1] at the extremes', () => {
    const d = compareProportionsPaired({ both: 0, onlyA: 5, onlyB: 0, neither: 0 });
    expect(d.difference).toBe(1);
    expect(d.upper).toBe(1);
    expect(d.lower).toBeGreaterThan(0);
  });

  it('refuses counts that are not whole numbers ≥ 0, an empty table and bad options', () => {
    const ok = { both: 1, onlyA: 2, onlyB: 3, neither: 4 };
    for (const [key, bad] of [
      ['both', -1],
      ['onlyA', 1.5],
      ['onlyB', Number.NaN],
      ['neither', '4'],
      ['onlyA', undefined],
    ] as const) {
      const e = thrown(() => compareProportionsPaired({ ...ok, [key]: bad } as never));
      expect(e.code).toBe('INVALID_VALUE');
      expect(e.message.startsWith(`compareProportionsPaired: ${key} is`)).toBe(true);
    }
    expect(thrown(() => compareProportionsPaired(null as never)).code).toBe('INVALID_VALUE');
    expect(thrown(() => compareProportionsPaired({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).code).toBe(
      'EMPTY_INPUT',
    );
    expect(thrown(() => compareProportionsPaired(ok, { method: 'wald' as never })).code).toBe('INVALID_OPTION');
    expect(thrown(() => compareProportionsPaired(ok, { confidence: 95 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => compareProportionsPaired(ok, { test: 'exact' } as never)).code).toBe('INVALID_OPTION');
  });

  it('prints as a proportion difference with its p-value', () => {
    const d = compareProportionsPaired({ both: 59, onlyA: 6, onlyB: 16, neither: 80 });
    const inspect = (d as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')];
    expect(inspect?.call(d).split('\n')[0]).toMatch(/^Proportion difference −?-?6\.2/);
  });
});
