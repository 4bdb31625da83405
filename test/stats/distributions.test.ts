import { describe, expect, it } from 'vitest';
import {
  betaCdf,
  betaQuantile,
  CxMetricsError,
  chiSquareCdf,
  chiSquareQuantile,
  gammaCdf,
  gammaQuantile,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from '../../src/index.ts';
import fixture from '../fixtures/distributions.json' with { type: 'json' };
import { expectRelative } from '../helpers/close.ts';

// Reference: mpmath 1.3.0 at 30+ digits rounded to double, cross-checked with scipy 1.17.1
// (scripts/reference/distributions.py; provenance in test/fixtures/README.md).
interface QuantileCase {
  dist: string;
  params: Record<string, number>;
  p: number;
  quantile: number;
}
interface CdfCase {
  dist: string;
  params: Record<string, number>;
  x: number;
  cdf: number;
}
const cases = fixture.cases as Array<
  Partial<QuantileCase & CdfCase> & { dist: string; params: Record<string, number> }
>;
const quantileCases = cases.filter((c): c is QuantileCase => typeof c.p === 'number');
const cdfCases = cases.filter((c): c is CdfCase => typeof c.x === 'number');

function quantileOf(c: QuantileCase): number {
  const q = c.params;
  switch (c.dist) {
    case 'normal':
      return normalQuantile(c.p);
    case 't':
      return tQuantile(c.p, q.df as number);
    case 'chisquare':
      return chiSquareQuantile(c.p, q.df as number);
    case 'gamma':
      return gammaQuantile(c.p, q.shape as number);
    case 'beta':
      return betaQuantile(c.p, q.a as number, q.b as number);
    default:
      throw new Error(`unknown distribution ${c.dist}`);
  }
}

function cdfOf(c: CdfCase): number {
  const q = c.params;
  switch (c.dist) {
    case 'normal':
      return normalCdf(c.x);
    case 't':
      return tCdf(c.x, q.df as number);
    case 'chisquare':
      return chiSquareCdf(c.x, q.df as number);
    case 'gamma':
      return gammaCdf(c.x, q.shape as number);
    case 'beta':
      return betaCdf(c.x, q.a as number, q.b as number);
    default:
      throw new Error(`unknown distribution ${c.dist}`);
  }
}

const label = (c: { dist: string; params: Record<string, number> }) =>
  `${c.dist}(${Object.entries(c.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')})`;

describe('quantile functions agree with mpmath to 1e-10 relative', () => {
  it('has cases for every distribution, extreme parameters included', () => {
    const dists = new Set(quantileCases.map((c) => c.dist));
    expect(dists).toEqual(new Set(['normal', 't', 'chisquare', 'gamma', 'beta']));
    expect(quantileCases.some((c) => c.dist === 'chisquare' && c.params.df === 8002)).toBe(true);
    expect(quantileCases.some((c) => c.p <= 1e-12)).toBe(true);
  });

  it.each(quantileCases.map((c) => [`${label(c)} at p = ${c.p}`, c] as const))('%s', (_, c) => {
    expectRelative(quantileOf(c), c.quantile, 1e-10);
  });
});

describe('CDFs agree with mpmath to 1e-10 relative', () => {
  it.each(cdfCases.map((c) => [`${label(c)} at x = ${c.x}`, c] as const))('%s', (_, c) => {
    expectRelative(cdfOf(c), c.cdf, 1e-10);
  });
});

describe('quantile functions at the edges', () => {
  it('map p = 0 and p = 1 to the ends of the support', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(tQuantile(0, 5)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 5)).toBe(Number.POSITIVE_INFINITY);
    expect(chiSquareQuantile(0, 3)).toBe(0);
    expect(chiSquareQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });

  it('are symmetric where the distribution is', () => {
    // p with 1 − p exact in binary64, so both sides ask for the same tail.
    for (const p of [2 ** -30, 1 / 64, 0.375]) {
      expect(normalQuantile(p)).toBe(-normalQuantile(1 - p));
      expect(tQuantile(p, 7)).toBe(-tQuantile(1 - p, 7));
    }
    expectRelative(betaQuantile(0.2, 3, 5), 1 - betaQuantile(0.8, 5, 3), 1e-13);
  });

  it('invert their CDFs', () => {
    for (const p of [1e-6, 0.025, 0.5, 0.975]) {
      expectRelative(tCdf(tQuantile(p, 3.5), 3.5), p, 1e-12);
      expectRelative(chiSquareCdf(chiSquareQuantile(p, 12), 12), p, 1e-12);
      expectRelative(betaCdf(betaQuantile(p, 0.7, 4), 0.7, 4), p, 1e-12);
    }
  });

  it('give the normal limit for t with infinite degrees of freedom', () => {
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
    expect(tCdf(1.5, Number.POSITIVE_INFINITY)).toBe(normalCdf(1.5));
  });

  it.each([
    ['normalQuantile(1.5)', () => normalQuantile(1.5)],
    ['normalQuantile(NaN)', () => normalQuantile(Number.NaN)],
    ['tQuantile(0.5, 0)', () => tQuantile(0.5, 0)],
    ['tQuantile(0.5, -1)', () => tQuantile(0.5, -1)],
    ['chiSquareQuantile(0.5, NaN)', () => chiSquareQuantile(0.5, Number.NaN)],
    ['gammaQuantile(-0.1, 1)', () => gammaQuantile(-0.1, 1)],
    ['betaQuantile(0.5, 0, 1)', () => betaQuantile(0.5, 0, 1)],
    ['betaCdf(0.5, 1, Infinity)', () => betaCdf(0.5, 1, Number.POSITIVE_INFINITY)],
  ])('%s throws INVALID_VALUE', (_, call) => {
    expect(call).toThrow(CxMetricsError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
  });

  it('follows the t distribution far into the heavy tails of tiny df and towards the normal at huge df', () => {
    // scipy 1.17: t.ppf(0.975, 0.01) = 6.3641819283998966e+128; t.ppf(0.975, 1e12) = 1.9599639845424262
    expectRelative(tQuantile(0.975, 0.01), 6.3641819283998966e128, 1e-10);
    expectRelative(tQuantile(0.975, 1e12), 1.9599639845424262, 1e-14);
    // The 95% quantile at df = 0.001 lies beyond the largest double: P(T > 1e300) = 0.2496.
    expect(tQuantile(0.95, 0.001)).toBe(Number.POSITIVE_INFINITY);
    expectRelative(1 - tCdf(1e300, 0.001), 0.24955665327175236, 1e-12);
  });
});
