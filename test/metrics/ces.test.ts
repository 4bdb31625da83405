import { describe, expect, it } from 'vitest';
import { ces, meanInterval, npsFromCounts, proportionInterval } from '../../src/index.ts';
import { expectClose } from '../helpers/close.ts';

describe('ces', () => {
  const scores = [7, 6, 5, 5, 2, 4, 6, 7, 3, 5];

  it('is the mean score on CES 2.0 (1–7, higher is easier) with a t interval', () => {
    const r = ces(scores);
    const t = meanInterval(scores);
    expect(r.value).toBe(5);
    expectClose(r.lower, t.lower, 1e-12);
    expectClose(r.upper, t.upper, 1e-12);
    expect(r.scale).toEqual({ min: 1, max: 7, direction: 'higher-is-easier', easyThreshold: 5 });
  });

  it('reports the share of easy answers (5–7) with a Wilson interval', () => {
    const r = ces(scores);
    const wilson = proportionInterval(7, 10);
    expect(r.easy.value).toBe(0.7);
    expect([r.easy.lower, r.easy.upper]).toEqual([wilson.lower, wilson.upper]);
  });

  it('reports net effort: top-2 minus bottom-2 share in points with the trinomial interval', () => {
    const r = ces(scores); // 6–7: 4 answers; 1–2: 1 answer
    const same = npsFromCounts({ promoters: 4, passives: 5, detractors: 1 });
    expect(r.netEffort.value).toBeCloseTo(30, 12);
    expect(r.netEffort.lower).toBeCloseTo(same.lower, 12);
    expect(r.netEffort.upper).toBeCloseTo(same.upper, 12);
  });

  it('clips the mean interval to the scale and says so', () => {
    const r = ces([7, 7, 7, 6]);
    expect(r.upper).toBe(7);
    expect(r.warnings.map((w) => w.code)).toContain('CLIPPED');
  });

  it('handles the legacy 1–5 effort scale where lower is easier (easy = 1–2)', () => {
    const r = ces([1, 2, 2, 4, 5, 3], { scale: { min: 1, max: 5 }, direction: 'lower-is-easier' });
    expect(r.easy.value).toBe(0.5);
    expect(r.scale.easyThreshold).toBe(2);
    expect(r.netEffort.value).toBeCloseTo((100 * (3 - 2)) / 6, 12);
  });

  it('counts skipped answers', () => {
    expect(ces([7, null, 5]).skipped).toBe(1);
  });

  it('rejects scores off the scale and bad options', () => {
    expect(() => ces([8])).toThrow('ces: score at index 0 is 8; expected an integer from 1 to 7');
    expect(() => ces([3], { direction: 'up' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => ces([3], { easyThreshold: 9 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => ces([3], { scale: { min: 1, max: 2 } })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => ces([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });

  it("defaults to the legacy 1–5 scale when direction is 'lower-is-easier'", () => {
    const r = ces([1, 2, 5], { direction: 'lower-is-easier' });
    expect(r.scale).toEqual({ min: 1, max: 5, direction: 'lower-is-easier', easyThreshold: 2 });
    expect(r.upper).toBeLessThanOrEqual(5);
  });
});
