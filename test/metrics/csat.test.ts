import { describe, expect, it } from 'vitest';
import {
  CSAT_SCALES,
  CxMetricsError,
  csat,
  csatFromCounts,
  meanInterval,
  proportionInterval,
} from '../../src/index.ts';
import { expectClose } from '../helpers/close.ts';

describe('csat', () => {
  it('is the share of 4–5 answers on the default 1–5 scale, with a Wilson interval', () => {
    const scores = [5, 4, 4, 3, 1, 2, 5, 5, 4, 3];
    const r = csat(scores);
    const wilson = proportionInterval(6, 10);
    expect(r.value).toBe(0.6);
    expect([r.lower, r.upper]).toEqual([wilson.lower, wilson.upper]);
    expect([r.satisfied, r.n, r.skipped]).toEqual([6, 10, 0]);
    expect(r.method).toBe('wilson');
    expect(r.scale).toEqual({ min: 1, max: 5, satisfiedMin: 4 });
  });

  it('reports the mean with a t interval and the full distribution', () => {
    const scores = [5, 4, 4, 3, 1, 2, 5, 5, 4, 3];
    const r = csat(scores);
    const t = meanInterval(scores);
    expectClose(r.mean?.value ?? Number.NaN, 3.6, 1e-15);
    expectClose(r.mean?.lower ?? Number.NaN, t.lower, 1e-12);
    expectClose(r.mean?.upper ?? Number.NaN, t.upper, 1e-12);
    expect(r.distribution.map((p) => p.count)).toEqual([1, 1, 2, 3, 3]);
    expect(r.distribution.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 15);
  });

  it.each(Object.entries(CSAT_SCALES))('preset %s uses the top-2-box rule (top box on 1–3)', (preset, scale) => {
    const top = Array.from({ length: 5 }, () => scale.max);
    const below = Array.from({ length: 5 }, () => scale.satisfiedMin - 1);
    const r = csat([...top, ...below], { scale: preset as keyof typeof CSAT_SCALES });
    expect(r.value).toBe(0.5);
    expect(r.scale).toEqual(scale);
  });

  it('accepts custom scales and thresholds', () => {
    const r = csat([1, 2, 3, 4, 5, 6, 7], { scale: { min: 1, max: 7 }, satisfiedMin: 5 });
    expect(r.satisfied).toBe(3);
    expect(r.scale.satisfiedMin).toBe(5);
    expect(csat([1, 2, 3], { scale: { min: 1, max: 3 } }).satisfied).toBe(1);
  });

  it('counts skipped answers and never turns them into scores', () => {
    const r = csat([5, null, undefined, 1]);
    expect([r.n, r.skipped, r.value]).toEqual([2, 2, 0.5]);
  });

  it('weights shares and mean, with Kish n and a WEIGHTED warning', () => {
    const r = csat([5, 1, 1], { weights: [2, 1, 1] });
    expect(r.value).toBe(0.5);
    expectClose(r.mean?.value ?? Number.NaN, 3, 1e-15);
    expectClose(r.n, 16 / 6, 1e-12);
    expect(r.warnings.map((w) => w.code)).toContain('WEIGHTED');
  });

  it('reads records with an accessor', () => {
    const rows = [{ q: 5 }, { q: 2 }, { q: null }];
    expect(csat(rows, { accessor: 'q' }).value).toBe(0.5);
  });

  it('rejects scores off the scale, empty input and bad options', () => {
    expect(() => csat([5, 6])).toThrow('csat: score at index 1 is 6; expected an integer from 1 to 5');
    expect(() => csat([0], { scale: '1-5' })).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', index: 0 }));
    expect(() => csat([null])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => csat([4, 5], { weights: [0, 0] })).toThrow('csat: every answered score has weight 0');
    expect(() => csat([5], { scale: '1-6' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => csat([5], { satisfiedMin: 1 })).toThrow('csat: satisfiedMin is 1; expected an integer from 2 to 5');
    expect(() => csat([5], { confidence: 1 })).toThrow(CxMetricsError);
  });

  it('gives the whole scale as the mean interval for a single answer, with a warning', () => {
    const r = csat([4]);
    expect([r.mean?.lower, r.mean?.upper]).toEqual([1, 5]);
    expect(r.mean?.warnings.map((w) => w.code)).toEqual(['INSUFFICIENT_DATA']);
  });
});

describe('csatFromCounts', () => {
  it('equals csat of the same answers for the share and its interval', () => {
    const fromCounts = csatFromCounts({ satisfied: 6, total: 10 }, { method: 'jeffreys' });
    const fromScores = csat([5, 4, 4, 3, 1, 2, 5, 5, 4, 3], { method: 'jeffreys' });
    expect([fromCounts.value, fromCounts.lower, fromCounts.upper]).toEqual([
      fromScores.value,
      fromScores.lower,
      fromScores.upper,
    ]);
    expect(fromCounts.mean).toBeUndefined();
  });

  it('rejects impossible counts', () => {
    expect(() => csatFromCounts({ satisfied: 11, total: 10 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
    expect(() => csatFromCounts({ satisfied: 0, total: 0 })).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => csatFromCounts({ satisfied: 1.5, total: 3 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
  });
});
