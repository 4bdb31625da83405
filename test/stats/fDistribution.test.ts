import { describe, expect, it } from 'vitest';
import { chiSquareCdf, fCdf, fQuantile, tCdf } from '../../src/index.ts';
import { fUpperTail } from '../../src/stats/fDistribution.ts';
import reference from '../fixtures/f-distribution.json' with { type: 'json' };
import { expectRelative } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

// mpmath 1.3.0 at 50 and 70 digits (scripts/reference/f_distribution.py).
describe('fCdf and the F upper tail agree with mpmath', () => {
  it.each(reference.cdf.map((c) => [`x = ${c.x}, df ${c.df1}, ${c.df2}`, c] as const))('%s', (_, c) => {
    const tol = c.df2 >= 1e5 ? 1e-11 : 1e-12;
    expectRelative(fCdf(c.x, c.df1, c.df2), c.cdf, tol, 'cdf');
    expectRelative(fUpperTail(c.x, c.df1, c.df2), c.sf, tol, 'sf');
  });
});

describe('fQuantile agrees with mpmath to 1e-12 relative', () => {
  it.each(reference.quantile.map((c) => [`p = ${c.p}, df ${c.df1}, ${c.df2}`, c] as const))('%s', (_, c) => {
    expectRelative(fQuantile(c.p, c.df1, c.df2), c.quantile, 1e-12);
  });
});

describe('F distribution', () => {
  it('is the square of t with 1 numerator degree of freedom: P(F ≤ t²) = P(|T| ≤ t)', () => {
    for (const [t, df] of [
      [0.7, 3],
      [2.1, 12.5],
      [4, 200],
    ] as const) {
      expectRelative(fCdf(t * t, 1, df), 2 * tCdf(t, df) - 1, 1e-13);
    }
  });

  it('has the chi-square limit d₁F ~ χ²(d₁) at d₂ = Infinity', () => {
    expectRelative(fCdf(2, 3, Number.POSITIVE_INFINITY), chiSquareCdf(6, 3), 1e-15);
    expectRelative(fCdf(fQuantile(0.95, 3, Number.POSITIVE_INFINITY), 3, Number.POSITIVE_INFINITY), 0.95, 1e-14);
  });

  it('takes the reciprocal of an F(d₁, d₂) variable to F(d₂, d₁): P(F ≤ x) = 1 − P(F′ ≤ 1/x)', () => {
    expectRelative(fCdf(2.5, 4, 9), fUpperTail(1 / 2.5, 9, 4), 1e-14);
  });

  it('quantile and cdf invert each other in both tails', () => {
    for (const p of [1e-12, 0.01, 0.5, 0.99]) expectRelative(fCdf(fQuantile(p, 5, 17.5), 5, 17.5), p, 1e-12);
    expectRelative(fUpperTail(fQuantile(1 - 1e-9, 5, 17.5), 5, 17.5), 1e-9, 1e-6);
  });

  it('gives 0 and 1 at the ends, and refuses a point that is not a number', () => {
    expect([fCdf(0, 2, 3), fCdf(-1, 2, 3), fCdf(Number.POSITIVE_INFINITY, 2, 3)]).toEqual([0, 0, 1]);
    for (const x of [Number.NaN, '1', undefined])
      expect(thrown(() => fCdf(x as number, 2, 3)).code).toBe('INVALID_VALUE');
    expect([fQuantile(0, 2, 3), fQuantile(1, 2, 3)]).toEqual([0, Number.POSITIVE_INFINITY]);
  });

  it('refuses degrees of freedom that are not > 0 and p outside [0, 1]', () => {
    for (const f of [
      () => fCdf(1, 0, 3),
      () => fCdf(1, 2, -1),
      () => fCdf(1, Number.POSITIVE_INFINITY, 3),
      () => fCdf(1, Number.NaN, 3),
      () => fQuantile(1.5, 2, 3),
      () => fQuantile(0.5, 2, 0),
    ]) {
      expect(thrown(f).code).toBe('INVALID_VALUE');
    }
  });
});
