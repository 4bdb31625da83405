import { describe, expect, it } from 'vitest';
import { nps, npsFromCounts } from '../src/index.ts';

// Mirrors the README quickstart, so the numbers printed there stay true.
describe('README quickstart', () => {
  it('prints NPS 11.1 [-39.1, 55.7] for the ten example scores', () => {
    const r = nps([10, 9, 9, 8, 7, 6, 3, null, 10, 0]);
    expect(`NPS ${r.value.toFixed(1)} [${r.lower.toFixed(1)}, ${r.upper.toFixed(1)}]`).toBe('NPS 11.1 [-39.1, 55.7]');
    expect([r.method, r.confidence, r.n, r.skipped]).toEqual(['adjusted-wald', 0.95, 9, 1]);
    expect(r.warnings.map((w) => w.code)).toEqual(['SMALL_SAMPLE']);
  });

  it('gives 26.3 [19.6, 32.8] with Tango for the sample survey counts', () => {
    const r = npsFromCounts({ promoters: 278, passives: 164, detractors: 128 }, { method: 'tango' });
    expect([r.value, r.lower, r.upper].map((x) => x.toFixed(1))).toEqual(['26.3', '19.6', '32.8']);
  });

  it('gives 26.3 [19.6, 32.7], n 570, standard error 3.35 with the default method', () => {
    const r = npsFromCounts({ promoters: 278, passives: 164, detractors: 128 });
    expect([r.value, r.lower, r.upper].map((x) => x.toFixed(1))).toEqual(['26.3', '19.6', '32.7']);
    expect(r.standardError?.toFixed(2)).toBe('3.35');
    expect(r.n).toBe(570);
  });
});
