import { describe, expect, it } from 'vitest';
import { CxMetricsError, type ProportionMethod, proportionInterval } from '../../src/index.ts';
import reference from '../fixtures/statsmodels-intervals.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';

// Reference: statsmodels 0.13.5 proportion_confint (see test/fixtures/README.md).
interface Case {
  successes: number;
  n: number;
  confidence: number;
  method: ProportionMethod;
  lower: number;
  upper: number;
}
const cases = reference.proportion as Case[];

describe('proportionInterval agrees with statsmodels 0.13.5 to 1e-9', () => {
  it.each(cases.map((c) => [`${c.method} ${c.successes}/${c.n} at ${c.confidence}`, c] as const))('%s', (_, c) => {
    const ci = proportionInterval(c.successes, c.n, { method: c.method, confidence: c.confidence });
    // Documented convention: our Jeffreys pins the bound to 0 at x = 0 and to 1 at x = n
    // (Brown, Cai & DasGupta); statsmodels does not. The other bound is still tested exactly.
    const pinnedLower = c.method === 'jeffreys' && c.successes === 0;
    const pinnedUpper = c.method === 'jeffreys' && c.successes === c.n;
    if (pinnedLower) expect(ci.lower).toBe(0);
    else expectClose(ci.lower, c.lower, 1e-9, 'lower');
    if (pinnedUpper) expect(ci.upper).toBe(1);
    else expectClose(ci.upper, c.upper, 1e-9, 'upper');
  });

  it('covers every method at several sample sizes', () => {
    expect(new Set(cases.map((c) => c.method))).toEqual(
      new Set(['wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys', 'wald']),
    );
    expect(Math.max(...cases.map((c) => c.n))).toBeGreaterThanOrEqual(1000);
  });
});

describe('proportionInterval', () => {
  it('uses Wilson at 95% by default and reports value, n and standard error', () => {
    const ci = proportionInterval(42, 50);
    expect(ci.method).toBe('wilson');
    expect(ci.confidence).toBe(0.95);
    expect(ci.value).toBe(0.84);
    expect(ci.n).toBe(50);
    expectClose(ci.standardError ?? Number.NaN, Math.sqrt((0.84 * 0.16) / 50), 1e-15);
    expect(ci.warnings).toEqual([]);
  });

  it('warns CLIPPED when a Wald interval leaves [0, 1] and ZERO_VARIANCE at 0 of n', () => {
    expect(proportionInterval(1, 10, { method: 'wald' }).warnings.map((w) => w.code)).toContain('CLIPPED');
    const zero = proportionInterval(0, 10, { method: 'wald' });
    expect([zero.lower, zero.upper]).toEqual([0, 0]);
    expect(zero.warnings.map((w) => w.code)).toContain('ZERO_VARIANCE');
  });

  it('puts the Wilson bound exactly at 0 for 0 successes and at 1 for n successes', () => {
    // Found by a CSAT property: centre − spread rounded to 5.6e-17 > 0 = p for 0 of 1.
    expect(proportionInterval(0, 1).lower).toBe(0);
    expect(proportionInterval(7, 7).upper).toBe(1);
  });

  it('keeps Wilson, Clopper–Pearson and Jeffreys inside [0, 1] without a CLIPPED warning', () => {
    for (const method of ['wilson', 'clopper-pearson', 'jeffreys'] as const) {
      for (const x of [0, 10]) {
        const ci = proportionInterval(x, 10, { method });
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.warnings).toEqual([]);
      }
    }
  });

  it.each([
    [[5, 0], 'EMPTY_INPUT'],
    [[11, 10], 'INVALID_VALUE'],
    [[-1, 10], 'INVALID_VALUE'],
    [[2.5, 10], 'INVALID_VALUE'],
    [[Number.NaN, 10], 'INVALID_VALUE'],
    [[1, Number.POSITIVE_INFINITY], 'INVALID_VALUE'],
  ] as const)('rejects counts %j with %s', ([x, n], code) => {
    expect(() => proportionInterval(x, n)).toThrow(expect.objectContaining({ code, name: 'CxMetricsError' }));
  });

  it('rejects an unknown method or a confidence outside (0, 1) with INVALID_OPTION', () => {
    // @ts-expect-error — not a method
    expect(() => proportionInterval(1, 10, { method: 'exact' })).toThrow(/method is "exact"; expected one of 'wilson'/);
    for (const confidence of [0, 1, 95, -0.5, Number.NaN]) {
      expect(() => proportionInterval(1, 10, { confidence })).toThrow(CxMetricsError);
    }
  });
});
