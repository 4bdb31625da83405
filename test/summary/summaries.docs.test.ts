import { describe, expect, it } from 'vitest';
import { compareNps, estimate, mergeSummaries, nps, summarize } from '../../src/index.ts';
import { expectSameResult } from '../helpers/sameResult.ts';

// Mirrors the worked example of docs/summaries.md, so the numbers printed there stay true.
describe('docs/summaries.md worked example', () => {
  const march = [10, 9, 9, 8, 7, 6, 3, 10, 0, null];
  const april = [10, 10, 9, 7, 5, 9, null, 8, 9, 10, 6];
  const m = summarize('nps', march);
  const a = summarize('nps', april);
  const spring = mergeSummaries(m, a);

  it('March summarizes to the histogram shown, and spring merges the counts', () => {
    expect(m).toEqual({
      kind: 'nps-summary',
      version: 1,
      scale: { min: 0, max: 10, detractorMax: 6, promoterMin: 9 },
      counts: [1, 0, 0, 1, 0, 0, 1, 1, 1, 2, 2],
      skipped: 1,
    });
    expect([spring.counts, spring.skipped]).toEqual([[1, 0, 0, 1, 0, 1, 2, 2, 2, 5, 5], 2]);
  });

  it('spring is 26.3 [−12.2, 57.6] with n 19, as nps of both months', () => {
    const r = estimate(spring);
    expect([r.value, r.lower, r.upper].map((x) => x.toFixed(1))).toEqual(['26.3', '-12.2', '57.6']);
    expect([r.n, r.skipped, r.warnings.map((w) => w.code)]).toEqual([19, 2, ['SMALL_SAMPLE']]);
    expectSameResult(r, nps([...march, ...april]));
    const tango = estimate(spring, { method: 'tango' });
    expect([tango.lower, tango.upper].map((x) => x.toFixed(1))).toEqual(['-13.5', '58.3']);
    expect(estimate(spring, { missing: 'as-passive' }).value.toFixed(1)).toBe('23.8');
  });

  it('a stream merged batch by batch gives 40 on 5 answers', () => {
    let running = summarize('nps', []);
    for (const batch of [[10, 9], [3], [8, 10, null]]) running = mergeSummaries(running, summarize('nps', batch));
    expect([estimate(running).value, estimate(running).n]).toEqual([40, 5]);
  });

  it('April vs March: 28.9 points [−41.8, 86.7], p = 0.49', () => {
    const d = compareNps(a, m);
    expect([d.difference, d.lower, d.upper, d.pValue].map((x) => x.toFixed(2))).toEqual([
      '28.89',
      '-41.79',
      '86.66',
      '0.49',
    ]);
  });

  it('the weighted CSAT example: sums shown, CSAT 0.778 on n_eff 3.24', () => {
    const w = summarize('csat', [5, 4, 2, 5], { weights: [1, 2, 1, 0.5] });
    expect(w.weights).toEqual({
      scale: 2,
      sum: [0, 0.5, 0, 1, 0.75],
      sumSquares: [0, 0.25, 0, 1, 0.3125],
      skippedSum: 0,
      skippedSumSquares: 0,
    });
    expect([estimate(w).value.toFixed(3), estimate(w).n.toFixed(2)]).toEqual(['0.778', '3.24']);
  });
});
