import { describe, expect, it } from 'vitest';
import { compareNps, nps, npsFromCounts } from '../../src/index.ts';
import { expectClose } from '../helpers/close.ts';

const july = { promoters: 49, passives: 23, detractors: 18 };
const august = { promoters: 41, passives: 30, detractors: 35 };

describe('compareNps', () => {
  it('Wald: difference of NPS with the summed trinomial variances', () => {
    const d = compareNps(july, august, { method: 'wald' });
    const v = (c: typeof july) => {
      const n = c.promoters + c.passives + c.detractors;
      const p = c.promoters / n;
      const q = c.detractors / n;
      return { nps: p - q, variance: (p + q - (p - q) ** 2) / n };
    };
    const se = Math.sqrt(v(july).variance + v(august).variance);
    const diff = v(july).nps - v(august).nps;
    expectClose(d.difference, 100 * diff, 1e-12);
    expectClose(d.standardError, 100 * se, 1e-12);
    expectClose(d.lower, 100 * (diff - 1.959963984540054 * se), 1e-12);
    expectClose(d.upper, 100 * (diff + 1.959963984540054 * se), 1e-12);
    // z = 0.28784/0.11699 = 2.4604 → p = 0.01388
    expectClose(d.pValue, 0.013880283400564386, 1e-9);
  });

  it('adjusted-wald (default): interval excludes 0 exactly when p < 0.05', () => {
    const d = compareNps(july, august);
    expect(d.method).toBe('adjusted-wald');
    expect(d.lower > 0).toBe(d.pValue < 0.05);
    const close = compareNps(
      { promoters: 40, passives: 30, detractors: 30 },
      { promoters: 35, passives: 32, detractors: 33 },
    );
    expect(close.lower > 0 || close.upper < 0).toBe(close.pValue < 0.05);
  });

  it('accepts scores, counts and NpsResults alike', () => {
    const scoresA = [10, 9, 9, 8, 3, 10, 7, 6, 9, 10, null];
    const scoresB = [5, 9, 6, 8, 3, 10, 7, 6, 2, 10];
    const fromScores = compareNps(scoresA, scoresB);
    const ra = nps(scoresA);
    const rb = nps(scoresB);
    const fromResults = compareNps(ra, rb);
    const fromCounts = compareNps(
      { promoters: ra.promoters, passives: ra.passives, detractors: ra.detractors },
      { promoters: rb.promoters, passives: rb.passives, detractors: rb.detractors },
    );
    for (const d of [fromResults, fromCounts]) {
      expectClose(d.lower, fromScores.lower, 1e-12);
      expectClose(d.upper, fromScores.upper, 1e-12);
    }
    expect(fromScores.a.skipped).toBe(1);
  });

  it('keeps the groups as NpsResults for display', () => {
    const d = compareNps(july, august);
    expect(d.a).toEqual(npsFromCounts(july));
    expect(d.b.value).toBeCloseTo(100 * (6 / 106), 12);
  });

  it('rejects bad groups with the nps errors', () => {
    expect(() => compareNps([11], [9])).toThrow('nps: score at index 0 is 11');
    expect(() => compareNps(july, { promoters: -1, passives: 0, detractors: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
    expect(() => compareNps(july, august, { method: 'tango' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
