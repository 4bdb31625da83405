import { describe, expect, it } from 'vitest';
import {
  betaCdf,
  betaQuantile,
  chiSquareCdf,
  chiSquareQuantile,
  fCdf,
  fQuantile,
  gammaCdf,
  gammaQuantile,
  normalCdf,
  pearsonCorrelation,
  quantile,
  seededRandom,
  spearmanCorrelation,
  tCdf,
} from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Cases the hostile-input suite (test/hostile/exports.test.ts) found in src/stats, each kept here
// as a plain example named after the behaviour.

describe('distribution functions at absurd shape parameters', () => {
  it('refuse a shape or degrees of freedom above 1e10 instead of a wrong number or NaN', () => {
    // Before: gammaCdf(1e14, 1e14) gave 0.34 (the true value is ½ + 4e-8), betaCdf(0.5, 1e50, 1e50)
    // gave 1, and at 1e308 NaN after half a second.
    for (const f of [
      () => gammaCdf(1e14, 1e14),
      () => gammaQuantile(0.5, 1e308),
      () => chiSquareCdf(1, 1e11),
      () => chiSquareQuantile(0.5, 2 ** 53 + 2),
      () => betaCdf(0.5, 1e50, 1e50),
      () => betaQuantile(0.5, 2, 1e308),
      () => fCdf(1, 1e308, 3),
      () => fQuantile(0.5, 2, 1e200),
    ]) {
      const error = thrown(f);
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.message).toMatch(/at most 1e10/);
    }
  });

  it('still take shapes up to 1e10, and an infinite denominator df for F', () => {
    expect(gammaCdf(1e10, 1e10)).toBeCloseTo(0.5, 5);
    expect(betaCdf(0.5, 1e10, 1e10)).toBeCloseTo(0.5, 9);
    expect(fQuantile(0.5, 2, Number.POSITIVE_INFINITY)).toBeCloseTo(Math.LN2, 12);
  });

  it('tCdf at 1e308 degrees of freedom is the normal CDF, not NaN', () => {
    expect(tCdf(1.5, 1e308)).toBe(normalCdf(1.5));
    expect(tCdf(-2, 1e21)).toBe(normalCdf(-2));
  });

  it('fCdf refuses a point that is not a number, as the other CDFs do', () => {
    for (const x of [Number.NaN, undefined, 'abc', Symbol('x'), 10n, {}, Object.create(null)]) {
      expect(thrown(() => fCdf(x as number, 2, 3)).code).toBe('INVALID_VALUE');
    }
  });
});

describe('messages about hostile values', () => {
  it('seededRandom names a bad seed without converting it (a Symbol, a null-prototype object)', () => {
    for (const seed of [Symbol('s'), Object.create(null), [Symbol('s')], new Array(2 ** 20)]) {
      const error = thrown(() => seededRandom(seed as number));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message.length).toBeLessThan(200);
    }
  });

  it('quantile names a bad type option without converting it', () => {
    expect(thrown(() => quantile([1, 2], 0.5, { type: Symbol('t') as unknown as 7 })).code).toBe('INVALID_OPTION');
  });
});

describe('correlations at an array-like of absurd length', () => {
  it('refuse it as INVALID_VALUE instead of a RangeError from an allocation', () => {
    const absurd = { length: 2 ** 53 - 1 } as ArrayLike<number>;
    for (const f of [
      () => pearsonCorrelation(absurd, [1, 2, 3, 4]),
      () => pearsonCorrelation([1, 2, 3, 4], absurd),
      () => spearmanCorrelation(absurd, [1, 2, 3, 4]),
    ]) {
      expect(thrown(f).code).toBe('INVALID_VALUE');
    }
  });
});

describe('correlation results print', () => {
  it('a template literal and String(r) give the one-line form, not [object Object]', () => {
    const r = pearsonCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
    expect(`${r}`).toBe('Estimate 0.80 [-0.28, 0.99] (fisher-z, 95%, n=5)');
    expect(String(spearmanCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]))).toMatch(/^Estimate 0\.80 \[/);
    expect(Object.keys(r)).not.toContain('toString'); // JSON and spreads see the same fields
  });
});

describe('values described in messages', () => {
  it('an object is "an object", not "a object"', () => {
    expect(thrown(() => normalCdf({} as number)).message).toBe(
      'normalCdf: x is an object; expected a number (±Infinity allowed)',
    );
  });
});
