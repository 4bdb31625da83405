import { describe, expect, it } from 'vitest';
import { revenueRetention } from '../../src/metrics/revenueRetention.ts';
import { seededRandom } from '../../src/stats/rng.ts';
import { expectClose } from '../helpers/close.ts';

describe('revenueRetention from MRR movements', () => {
  it('GRR = (start − contraction − churned)/start, NRR adds expansion; MRR churn rates are 1 − each', () => {
    const r = revenueRetention({ startingMrr: 100_000, expansion: 12_000, contraction: 3_000, churned: 5_000 });
    expect(r.grr).toBe(0.92);
    expect(r.nrr).toBe(1.04);
    expectClose(r.grossMrrChurn, 0.08, 1e-15);
    expectClose(r.netMrrChurn, -0.04, 1e-15);
  });

  it('GRR never exceeds 1, however large the expansion; NRR can', () => {
    const r = revenueRetention({ startingMrr: 1000, expansion: 5000, contraction: 0, churned: 0 });
    expect([r.grr, r.nrr, r.grossMrrChurn, r.netMrrChurn]).toEqual([1, 6, 0, -5]);
  });

  it('is 0 when every starting customer leaves', () => {
    const r = revenueRetention({ startingMrr: 300, expansion: 0, contraction: 100, churned: 200 });
    expect([r.grr, r.nrr, r.grossMrrChurn, r.netMrrChurn]).toEqual([0, 0, 1, 1]);
  });

  it('rejects impossible movements', () => {
    expect(() => revenueRetention({ startingMrr: 0, expansion: 0, contraction: 0, churned: 0 })).toThrow(
      /startingMrr is 0/,
    );
    expect(() => revenueRetention({ startingMrr: 100, expansion: -1, contraction: 0, churned: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringMatching(/expansion is -1/) }),
    );
    expect(() => revenueRetention({ startingMrr: 100, expansion: 0, contraction: 60, churned: 50 })).toThrow(
      /exceed startingMrr/,
    );
    expect(() =>
      revenueRetention({ startingMrr: Number.POSITIVE_INFINITY, expansion: 0, contraction: 0, churned: 0 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => revenueRetention(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
  });
});

describe('revenueRetention from per-customer MRR', () => {
  const customers = [
    { id: 'a', startMrr: 100, endMrr: 150 }, // expansion 50
    { id: 'b', startMrr: 200, endMrr: 0 }, // churned 200
    { id: 'c', startMrr: 300, endMrr: 250 }, // contraction 50
    { id: 'd', startMrr: 400, endMrr: 400 },
  ];

  it('splits each change into expansion, contraction or churn and agrees with the totals form', () => {
    const r = revenueRetention(customers, { seed: 7, resamples: 1000 });
    expect(r.totals).toEqual({ startingMrr: 1000, expansion: 50, contraction: 50, churned: 200 });
    const fromTotals = revenueRetention(r.totals);
    expect([r.grr.value, r.nrr.value, r.grossMrrChurn.value, r.netMrrChurn.value]).toEqual([
      fromTotals.grr,
      fromTotals.nrr,
      fromTotals.grossMrrChurn,
      fromTotals.netMrrChurn,
    ]);
    expect([r.n, r.resamples]).toEqual([4, 1000]);
    expect(r.warnings.map((w) => w.code)).toEqual(['SMALL_SAMPLE']);
  });

  it('is a percentile bootstrap over customers (checked against a plain re-implementation)', () => {
    const resamples = 500;
    const r = revenueRetention(customers, { seed: 11, resamples, confidence: 0.9 });
    const rng = seededRandom(11);
    const grr: number[] = [];
    const nrr: number[] = [];
    for (let b = 0; b < resamples; b++) {
      let start = 0;
      let kept = 0;
      let end = 0;
      for (let j = 0; j < customers.length; j++) {
        const c = customers[Math.floor(rng() * customers.length)] as (typeof customers)[number];
        start += c.startMrr;
        kept += Math.min(c.startMrr, c.endMrr);
        end += c.endMrr;
      }
      grr.push(kept / start);
      nrr.push(end / start);
    }
    // Type-7 quantile (R's default): x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]), h = (n − 1)p.
    const type7 = (values: number[], p: number) => {
      const x = [...values].sort((a, b) => a - b);
      const h = (x.length - 1) * p;
      const lo = Math.floor(h);
      return (x[lo] as number) + (h - lo) * ((x[Math.min(lo + 1, x.length - 1)] as number) - (x[lo] as number));
    };
    expectClose(r.grr.lower, type7(grr, 0.05), 1e-12);
    expectClose(r.grr.upper, type7(grr, 0.95), 1e-12);
    expectClose(r.nrr.lower, type7(nrr, 0.05), 1e-12);
    expectClose(r.nrr.upper, type7(nrr, 0.95), 1e-12);
    expectClose(r.grossMrrChurn.lower, 1 - r.grr.upper, 1e-15);
    expectClose(r.netMrrChurn.upper, 1 - r.nrr.lower, 1e-15);
    expect(r.grr).toMatchObject({ method: 'bootstrap-percentile', confidence: 0.9, n: 4 });
  });

  it('gives the same intervals for the same seed, and accepts an rng', () => {
    const a = revenueRetention(customers, { seed: 3, resamples: 200 });
    const b = revenueRetention(customers, { seed: 3, resamples: 200 });
    expect(a).toEqual(b);
    const c = revenueRetention(customers, { rng: seededRandom(3), resamples: 200 });
    expect(c).toEqual(a);
    expect(revenueRetention(customers, { seed: 4, resamples: 200 }).grr.lower).not.toBe(a.grr.lower);
  });

  it('has a zero-width interval when every customer is alike', () => {
    const same = Array.from({ length: 40 }, (_, i) => ({ id: i, startMrr: 50, endMrr: 60 }));
    const r = revenueRetention(same, { resamples: 100 });
    expect([r.grr.lower, r.grr.value, r.grr.upper]).toEqual([1, 1, 1]);
    expectClose(r.nrr.lower, 1.2, 1e-14);
    expectClose(r.nrr.upper, 1.2, 1e-14);
    expect(r.warnings).toEqual([]);
  });

  it('rejects customers not paying at the start, negative end MRR, repeated ids and bad options', () => {
    expect(() => revenueRetention([{ id: 'x', startMrr: 0, endMrr: 10 }])).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        index: 0,
        message: expect.stringMatching(/startMrr .* "x"|"x".*startMrr/),
      }),
    );
    expect(() =>
      revenueRetention([
        { startMrr: 10, endMrr: 10 },
        { startMrr: 10, endMrr: -1 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', index: 1, message: expect.stringMatching(/endMrr/) }));
    expect(() =>
      revenueRetention([
        { id: 'a', startMrr: 10, endMrr: 10 },
        { id: 'a', startMrr: 10, endMrr: 10 },
      ]),
    ).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', index: 1, message: expect.stringMatching(/repeats index 0/) }),
    );
    expect(() => revenueRetention([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => revenueRetention(customers, { resamples: 10 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => revenueRetention(customers, { seed: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => revenueRetention(customers, { rng: () => 1, resamples: 100 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
