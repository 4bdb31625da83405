import { describe, expect, it } from 'vitest';
import { CxMetricsError, type NpsMethod, nps, npsFromCounts } from '../../src/index.ts';
import published from '../fixtures/nps-published.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';

describe('NPS agrees with published values (test/fixtures/nps-published.json)', () => {
  // brendan-r/NPS tests: counts are [detractors, passives, promoters]; NPS on −1…1.
  it.each(published.variance.map((c) => [c.counts.join('/'), c] as const))(
    'trinomial standard error for detractors/passives/promoters = %s',
    (_, c) => {
      const [detractors, passives, promoters] = c.counts as [number, number, number];
      const r = npsFromCounts({ promoters, passives, detractors }, { method: 'wald' });
      expectClose(r.value / 100, c.nps, 1e-7);
      // The brendan-r variance is per answer: se = √(variance / n).
      expectClose(
        (r.standardError ?? Number.NaN) / 100,
        Math.sqrt(c.variance / (detractors + passives + promoters)),
        1e-7,
      );
    },
  );

  const methods = ['wald', 'adjusted-wald', 'tango'] as const;
  it.each(published.intervals.flatMap((c) => methods.map((m) => [`${m} for ${c.counts.join('/')}`, m, c] as const)))(
    '%s matches to the 4 published decimals',
    (_, method, c) => {
      const [detractors, passives, promoters] = c.counts as [number, number, number];
      const r = npsFromCounts({ promoters, passives, detractors }, { method });
      const [lower, upper] = c[method] as [number, number];
      expectClose(r.lower / 100, lower, 5e-5 + 1e-12);
      expectClose(r.upper / 100, upper, 5e-5 + 1e-12);
    },
  );

  it('uses the trinomial variance, not the independent-proportions one', () => {
    const r = npsFromCounts({ promoters: 50, passives: 20, detractors: 30 }, { method: 'wald' });
    const trinomial = Math.sqrt((0.5 + 0.3 - 0.2 ** 2) / 100);
    const independent = Math.sqrt((0.5 * 0.5 + 0.3 * 0.7) / 100);
    expectClose((r.standardError ?? Number.NaN) / 100, trinomial, 1e-14);
    expect(Math.abs((r.standardError ?? 0) / 100 - independent)).toBeGreaterThan(1e-3);
  });
});

describe('nps', () => {
  it('classifies 0–6 as detractors, 7–8 passives, 9–10 promoters and reports points', () => {
    const r = nps([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([r.detractors, r.passives, r.promoters]).toEqual([7, 2, 2]);
    expectClose(r.value, (100 * (2 - 7)) / 11, 1e-12);
    expect(r.shares).toEqual({ promoters: 2 / 11, passives: 2 / 11, detractors: 7 / 11 });
    expect(r.n).toBe(11);
    expect(r.method).toBe('adjusted-wald');
    expect(r.confidence).toBe(0.95);
  });

  it('counts null and undefined as skipped answers, not as scores', () => {
    const r = nps([10, null, 9, undefined, 0]);
    expect(r.skipped).toBe(2);
    expect(r.n).toBe(3);
    expectClose(r.value, 100 / 3, 1e-12);
  });

  it("counts skipped answers as passives with missing: 'as-passive' and says so", () => {
    const r = nps([10, null, 9, undefined, 0], { missing: 'as-passive' });
    expect([r.promoters, r.passives, r.detractors, r.skipped, r.n]).toEqual([2, 2, 1, 0, 5]);
    expect(r.warnings.map((w) => w.code)).toContain('MISSING_AS_PASSIVE');
  });

  it('reports the unadjusted NPS as value under adjusted-wald', () => {
    const r = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 });
    expect(r.value).toBe(30);
    // The adjusted centre (5.75 − 2.75)/13 is not the value.
    expectClose((r.lower + r.upper) / 2, (100 * 3) / 13, 1e-12);
  });

  it('accepts typed arrays and records with an accessor', () => {
    const plain = nps([10, 9, 7, 3, 0]);
    expect(nps(new Uint8Array([10, 9, 7, 3, 0]))).toEqual(plain);
    const records = [10, 9, 7, 3, 0].map((score) => ({ score }));
    expect(nps(records, { accessor: 'score' })).toEqual(plain);
    expect(nps(records, { accessor: (r) => r.score })).toEqual(plain);
    const tagged = [{ channel: 'web', score: 9 as number | null }];
    // @ts-expect-error — 'channel' holds text, not scores: rejected at compile time
    expect(() => nps(tagged, { accessor: 'channel' })).toThrow('nps: score at index 0 is "web"');
  });

  it('supports custom scales and cut-offs', () => {
    const r = nps([1, 2, 3, 4, 5], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } });
    expect([r.detractors, r.passives, r.promoters]).toEqual([3, 1, 1]);
    expect(r.scale).toEqual({ min: 1, max: 5, detractorMax: 3, promoterMin: 5 });
    expect(() => nps([6], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } })).toThrow(
      'nps: score at index 0 is 6; expected an integer from 1 to 5',
    );
  });

  it('weights shares and uses Kish effective n for the interval, with a WEIGHTED warning', () => {
    const r = nps([10, 10, 0, 8], { weights: [1, 1, 2, 4] });
    expect(r.shares.promoters).toBeCloseTo(2 / 8, 15);
    expect(r.shares.detractors).toBeCloseTo(2 / 8, 15);
    expect(r.value).toBeCloseTo(0, 12);
    expect(r.n).toBeCloseTo(64 / 22, 12);
    expect([r.promoters, r.passives, r.detractors]).toEqual([2, 1, 1]);
    expect(r.warnings.map((w) => w.code)).toContain('WEIGHTED');
    // Equal weights change nothing but the warning.
    const equal = nps([10, 10, 0, 8], { weights: [3, 3, 3, 3] });
    const plain = nps([10, 10, 0, 8]);
    expect(equal.lower).toBeCloseTo(plain.lower, 12);
    expect(equal.upper).toBeCloseTo(plain.upper, 12);
  });

  it('warns SMALL_SAMPLE under 30 answers and not above', () => {
    expect(nps([10, 9, 0]).warnings.map((w) => w.code)).toContain('SMALL_SAMPLE');
    const many = npsFromCounts({ promoters: 20, passives: 10, detractors: 10 });
    expect(many.warnings).toEqual([]);
  });

  it('does not mutate its input', () => {
    const scores = [10, null, 3, 8];
    const weights = [1, 2, 3, 4];
    const copy = [...scores];
    nps(scores, { weights, method: 'bootstrap', seed: 1 });
    expect(scores).toEqual(copy);
    expect(weights).toEqual([1, 2, 3, 4]);
  });

  describe('rejects bad input with CxMetricsError naming the function, index and requirement', () => {
    it.each([
      [[10, 9, 11], 2, 11, 'nps: score at index 2 is 11; expected an integer from 0 to 10'],
      [[10, 8.5], 1, 8.5, 'nps: score at index 1 is 8.5; expected an integer from 0 to 10'],
      [[10, -1], 1, -1, 'nps: score at index 1 is -1'],
      [[Number.NaN], 0, Number.NaN, 'nps: score at index 0 is NaN; expected an integer from 0 to 10 (use null'],
      [[Number.POSITIVE_INFINITY], 0, Number.POSITIVE_INFINITY, 'nps: score at index 0 is Infinity'],
      [[Number.NEGATIVE_INFINITY], 0, Number.NEGATIVE_INFINITY, 'nps: score at index 0 is -Infinity'],
      [[9, '7'], 1, '7', 'nps: score at index 1 is "7"; expected an integer from 0 to 10 (strings are not parsed'],
    ])('%j → index %i', (scores, index, value, message) => {
      const call = () => nps(scores as number[]);
      expect(call).toThrow(CxMetricsError);
      expect(call).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', index, value }));
      expect(call).toThrow(message);
    });

    it('EMPTY_INPUT for no scores or only skipped ones', () => {
      expect(() => nps([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
      expect(() => nps([null, undefined])).toThrow('nps: no answered scores (all 2 skipped)');
    });

    it('INVALID_VALUE for negative or fractional counts, EMPTY_INPUT for all-zero counts', () => {
      expect(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 3 })).toThrow(
        expect.objectContaining({ code: 'INVALID_VALUE', value: -1 }),
      );
      expect(() => npsFromCounts({ promoters: 1.5, passives: 0, detractors: 3 })).toThrow(
        'npsFromCounts: promoters is 1.5; expected a whole number ≥ 0',
      );
      expect(() => npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toThrow(
        expect.objectContaining({ code: 'EMPTY_INPUT' }),
      );
    });

    it('INVALID_OPTION for confidence outside (0, 1), an unknown method or an inconsistent scale', () => {
      for (const confidence of [0, 1, 1.5, -0.1, Number.NaN]) {
        expect(() => nps([10], { confidence })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
      }
      expect(() => nps([10], { method: 'exact' as NpsMethod })).toThrow(
        "nps: method is \"exact\"; expected one of 'adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes'",
      );
      expect(() => nps([10], { scale: { detractorMax: 9, promoterMin: 9 } })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    });

    it('INVALID_OPTION for weights of the wrong length; INVALID_VALUE for a negative weight', () => {
      expect(() => nps([10, 9], { weights: [1] })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
      expect(() => nps([10, 9], { weights: [1, -2] })).toThrow(
        expect.objectContaining({ code: 'INVALID_VALUE', index: 1, value: -2 }),
      );
      expect(() => nps([10, 9], { weights: [0, 0] })).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    });
  });
});

describe('NPS interval methods', () => {
  const counts = { promoters: 180, passives: 120, detractors: 100 };

  it.each(['adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes'] as const)(
    '%s gives a sensible 95%% interval for 400 answers',
    (method) => {
      const r = npsFromCounts(counts, { method, seed: 11 });
      expect(r.method).toBe(method);
      expect(r.value).toBe(20);
      // Wald half-width: 1.96·√((0.45 + 0.25 − 0.04)/400)·100 ≈ 7.96 points.
      expect(r.upper - r.lower).toBeGreaterThan(2 * 7.96 * 0.93);
      expect(r.upper - r.lower).toBeLessThan(2 * 7.96 * 1.07);
      expect(r.lower).toBeLessThan(20);
      expect(r.upper).toBeGreaterThan(20);
    },
  );

  it('bootstrap and bayes are identical for the same seed and differ for another', () => {
    for (const method of ['bootstrap', 'bayes'] as const) {
      const a = npsFromCounts(counts, { method, seed: 5 });
      expect(npsFromCounts(counts, { method, seed: 5 })).toEqual(a);
      // Bootstrap bounds sit on the 0.25-point lattice of 400 answers; the spread does not.
      expect(npsFromCounts(counts, { method, seed: 6 }).standardError).not.toBe(a.standardError);
    }
  });

  it('bootstrap cost does not depend on n (a million answers resample like a hundred)', () => {
    const big = npsFromCounts(
      { promoters: 450_000, passives: 300_000, detractors: 250_000 },
      { method: 'bootstrap', seed: 2 },
    );
    expectClose(big.upper - big.lower, 2 * 1.96 * 100 * Math.sqrt((0.45 + 0.25 - 0.04) / 1e6), 0.03);
  });

  it('wald has zero width and says so when every answer is a promoter', () => {
    const r = npsFromCounts({ promoters: 12, passives: 0, detractors: 0 }, { method: 'wald' });
    expect([r.lower, r.upper]).toEqual([100, 100]);
    expect(r.warnings.map((w) => w.code)).toContain('ZERO_VARIANCE');
  });

  it('tango stays inside [−100, 100] and contains the estimate at the extremes', () => {
    const all = npsFromCounts({ promoters: 12, passives: 0, detractors: 0 }, { method: 'tango' });
    expect(all.upper).toBe(100);
    expect(all.lower).toBeGreaterThan(0);
    const none = npsFromCounts({ promoters: 0, passives: 0, detractors: 7 }, { method: 'tango' });
    expect(none.lower).toBe(-100);
  });

  it('adjusted-wald may exclude the sample NPS for a single answer, and warns', () => {
    // Adjusted shares (1.75, 1.5, 0.75)/4 put the upper bound at 98.5 while the sample NPS is 100.
    const r = npsFromCounts({ promoters: 1, passives: 0, detractors: 0 });
    expect(r.upper).toBeLessThan(100);
    expect(r.warnings.map((w) => w.code)).toContain('ESTIMATE_OUTSIDE_INTERVAL');
  });

  it('rejects a degenerate rng and absurd resample counts with CxMetricsError instead of hanging', () => {
    // Found in review: an rng stuck at 0 made the gamma sampler reject forever.
    expect(() => nps([10, 0, 5], { method: 'bayes', rng: () => 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => nps([10, 0], { method: 'bootstrap', seed: 1, resamples: 1e12 })).toThrow(
      'nps: resamples is 1000000000000; expected a whole number from 100 to 10 000 000',
    );
  });

  it('treats weights by their ratios: huge and denormal weights give the unweighted answer', () => {
    const plain = nps([10, 0, 9]);
    for (const w of [1e308, 5e-324]) {
      const r = nps([10, 0, 9], { weights: [w, w, w] });
      expect(r.value).toBeCloseTo(plain.value, 12);
      expect(r.n).toBeCloseTo(3, 12);
    }
  });
});
