import { describe, expect, it } from 'vitest';
import { adjustPValues, P_ADJUST_METHODS, type PAdjustMethod } from '../../src/index.ts';
import reference from '../fixtures/r-analysis.json' with { type: 'json' };
import exact from '../fixtures/r-p-adjust-exact.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

describe('adjustPValues agrees with R 4.2.2 p.adjust to 1e-12 on every fixture case', () => {
  // R 4.2.2: p.adjust(p, method) with method 'BH'/'BY' written here in lower case; the fixture's
  // adjusted values are printed to 15 significant digits.
  it.each(reference.pAdjust.map((c, i) => [`case ${i}: ${c.method}, m = ${c.p.length}`, c] as const))('%s', (_, c) => {
    const adjusted = adjustPValues(c.p, { method: c.method as PAdjustMethod });
    expect(adjusted).toHaveLength(c.adjusted.length);
    adjusted.forEach((x, i) => {
      expectClose(x, c.adjusted[i] as number, 1e-12, `index ${i}`);
    });
  });

  it('covers every method, ties, and p-values of exactly 0 and 1', () => {
    const methods = new Set(reference.pAdjust.map((c) => c.method));
    expect([...methods].sort()).toEqual([...P_ADJUST_METHODS].sort());
    expect(reference.pAdjust.some((c) => new Set(c.p).size < c.p.length)).toBe(true);
    expect(reference.pAdjust.some((c) => c.p.includes(0) && c.p.includes(1))).toBe(true);
  });
});

describe('adjustPValues equals R 4.2.2 p.adjust bit for bit', () => {
  // R 4.2.2: p.adjust(p, method) on the same 240 vectors, written with 17 significant digits by
  // scripts/reference/p-adjust.R (test/fixtures/r-p-adjust-exact.json).
  it('on all 240 cases and 3276 values', () => {
    let values = 0;
    for (const c of exact.cases) {
      expect(adjustPValues(c.p, { method: c.method as PAdjustMethod })).toEqual(c.adjusted);
      values += c.p.length;
    }
    expect([exact.cases.length, values]).toEqual([240, 3276]);
  });
});

describe('adjustPValues', () => {
  it('uses Holm by default', () => {
    const p = [0.01, 0.04, 0.03, 0.2];
    expect(adjustPValues(p)).toEqual(adjustPValues(p, { method: 'holm' }));
    // Holm by hand: sorted 0.01, 0.03, 0.04, 0.2 times 4, 3, 2, 1, running maximum.
    const holm = adjustPValues(p);
    expectClose(holm[0] as number, 0.04, 1e-15);
    expectClose(holm[2] as number, 0.09, 1e-15);
    expectClose(holm[1] as number, 0.09, 1e-15);
    expectClose(holm[3] as number, 0.2, 1e-15);
  });

  it('returns the values in the input order, as a new array', () => {
    const p = [0.5, 0.001, 0.2];
    const copy = p.slice();
    const out = adjustPValues(p, { method: 'bonferroni' });
    expect(out).not.toBe(p);
    expect(p).toEqual(copy);
    expect(out).toEqual([1, 0.003, 0.6000000000000001]);
  });

  it('returns an empty list for no p-values and a single p-value unchanged (as R)', () => {
    for (const method of P_ADJUST_METHODS) {
      expect(adjustPValues([], { method })).toEqual([]);
      expect(adjustPValues([0.03], { method })).toEqual([0.03]);
    }
  });

  it('treats Hommel with two p-values as Hochberg (as R)', () => {
    expect(adjustPValues([0.02, 0.03], { method: 'hommel' })).toEqual(
      adjustPValues([0.02, 0.03], { method: 'hochberg' }),
    );
  });

  it('accepts a typed array', () => {
    const p = new Float64Array([0.01, 0.02, 0.5]);
    expect(adjustPValues(p, { method: 'bh' })).toEqual(adjustPValues([0.01, 0.02, 0.5], { method: 'bh' }));
  });

  it('refuses a NaN p-value with INVALID_VALUE naming its index (R would pass NA through)', () => {
    const e = thrown(() => adjustPValues([0.01, 0.2, Number.NaN, 0.3]));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.index).toBe(2);
    expect(e.message).toBe(
      'adjustPValues: p-value at index 2 is NaN; expected a number from 0 to 1 (leave out a test with no p-value, and say so)',
    );
  });

  it.each([
    [-0.01, 1],
    [1.0000001, 0],
    [Number.POSITIVE_INFINITY, 0],
    [null, 1],
    ['0.05', 0],
    [undefined, 1],
  ])('refuses the p-value %s with INVALID_VALUE and its index', (bad, at) => {
    const p: unknown[] = [0.5, 0.5];
    p[at] = bad;
    const e = thrown(() => adjustPValues(p as number[]));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.index).toBe(at);
    expect(e.value).toBe(bad);
  });

  it('refuses something that is not a list of p-values', () => {
    for (const bad of [0.05, null, undefined, 'abc', { p: 0.05 }]) {
      expect(thrown(() => adjustPValues(bad as unknown as number[])).code).toBe('INVALID_VALUE');
    }
  });

  it('refuses an unknown method or option with INVALID_OPTION', () => {
    expect(thrown(() => adjustPValues([0.1], { method: 'BH' as PAdjustMethod })).code).toBe('INVALID_OPTION');
    expect(thrown(() => adjustPValues([0.1], { method: 'fdr' as PAdjustMethod })).code).toBe('INVALID_OPTION');
    const e = thrown(() => adjustPValues([0.1], { methd: 'bh' } as never));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toBe("adjustPValues: unknown option 'methd'; did you mean 'method'?");
    expect(thrown(() => adjustPValues([0.1], 'bh' as never)).code).toBe('INVALID_OPTION');
  });
});
