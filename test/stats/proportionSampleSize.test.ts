import { describe, expect, it } from 'vitest';
import { npsFromCounts, npsSampleSize, proportionInterval, proportionSampleSize } from '../../src/index.ts';
import reference from '../fixtures/statsmodels-intervals.json' with { type: 'json' };
import { expectRelative } from '../helpers/close.ts';

// Reference: statsmodels 0.13.5 samplesize_confint_proportion.
describe('proportionSampleSize agrees with statsmodels to 1e-9', () => {
  it.each(reference.sampleSize.map((c) => [`p = ${c.proportion}, ±${c.halfWidth} at ${c.confidence}`, c] as const))(
    '%s',
    (_, c) => {
      expectRelative(proportionSampleSize(c.proportion, c.halfWidth, { confidence: c.confidence }), c.n, 1e-9);
    },
  );
});

describe('proportionSampleSize', () => {
  it('gives a Wald interval of the requested half-width at that n', () => {
    const n = proportionSampleSize(0.3, 0.04);
    const ci = proportionInterval(Math.round(0.3 * 1e4), 1e4, { method: 'wald' });
    // Half-width scales as 1/√n: at n the Wald half-width is the target.
    expectRelative(((ci.upper - ci.lower) / 2) * Math.sqrt(1e4 / n), 0.04, 1e-9);
  });

  it('rejects a half-width outside (0, 1) and a proportion outside [0, 1]', () => {
    expect(() => proportionSampleSize(0.5, 0)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => proportionSampleSize(0.5, 1)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => proportionSampleSize(1.2, 0.1)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => proportionSampleSize(0.5, 0.1, { confidence: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('npsSampleSize', () => {
  it('gives a Wald NPS interval of the requested half-width at that n', () => {
    const n = npsSampleSize({ promoters: 0.45, detractors: 0.25, halfWidth: 5 });
    expect(Math.ceil(n)).toBe(1015);
    const r = npsFromCounts({ promoters: 4500, passives: 3000, detractors: 2500 }, { method: 'wald' });
    expectRelative(((r.upper - r.lower) / 2) * Math.sqrt(1e4 / n), 5, 1e-9);
  });

  it('is largest when answers split between promoters and detractors', () => {
    expect(npsSampleSize({ promoters: 0.5, detractors: 0.5, halfWidth: 10 })).toBeGreaterThan(
      npsSampleSize({ promoters: 0.6, detractors: 0.2, halfWidth: 10 }),
    );
  });

  it('rejects impossible shares and half-widths', () => {
    expect(() => npsSampleSize({ promoters: 0.7, detractors: 0.5, halfWidth: 5 })).toThrow(
      'npsSampleSize: promoters + detractors is 1.2; shares cannot add up to more than 1',
    );
    expect(() => npsSampleSize({ promoters: 0.5, detractors: 0.2, halfWidth: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
  });

  it('needs at least one answer even when every answer is a passive', () => {
    expect(npsSampleSize({ promoters: 0, detractors: 0, halfWidth: 5 })).toBe(1);
  });
});
