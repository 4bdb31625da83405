import { describe, expect, it } from 'vitest';
import {
  ces,
  csat,
  estimate,
  meanInterval,
  mergeSummaries,
  type NpsSummary,
  nps,
  proportionInterval,
  summarize,
} from '../../src/index.ts';
import { expectSameResult } from '../helpers/sameResult.ts';
import { thrown } from '../helpers/thrown.ts';

// The survey, proportion and mean summaries: what they hold, how they round-trip, merge and are
// checked. Properties over random inputs are in surveySummaries.prop.test.ts.

describe('what a survey summary holds', () => {
  it('summarize(nps) is the histogram over the scale, the skipped count and the scale', () => {
    expect(summarize('nps', [10, 9, 3, null, 10, undefined])).toEqual({
      kind: 'nps-summary',
      version: 1,
      scale: { min: 0, max: 10, detractorMax: 6, promoterMin: 9 },
      counts: [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 2],
      skipped: 2,
    });
  });

  it('weighted summaries hold per-bucket Σw/scale and Σ(w/scale)², scale the largest weight of an answer', () => {
    const s = summarize('csat', [5, 5, 1, null], { weights: [1, 3, 2, 4] });
    expect(s.weights).toEqual({
      scale: 3,
      sum: [2 / 3, 0, 0, 0, 1 / 3 + 3 / 3],
      sumSquares: [(2 / 3) ** 2, 0, 0, 0, (1 / 3) ** 2 + (3 / 3) ** 2],
      skippedSum: 4 / 3,
      skippedSumSquares: (4 / 3) ** 2,
    });
  });

  it('a summary is plain JSON: it survives JSON.parse(JSON.stringify(s)) and gives the same result', () => {
    const scores = [10, 9, 9, 8, 7, 6, 3, null, 10, 0];
    for (const s of [
      summarize('nps', scores, { weights: scores.map((_, i) => 1 + i / 7) }),
      summarize('csat', [5, 4, null, 1, 2], { scale: '1-5' }),
      summarize('ces', [7, 6, 2, 1, null], { direction: 'higher-is-easier' }),
      summarize('proportion', [true, false, true]),
      summarize('mean', [1.5, 2.25, 3.125]),
    ]) {
      const copy = JSON.parse(JSON.stringify(s));
      expect(copy).toStrictEqual(s);
      expect(estimate(copy)).toStrictEqual(estimate(s));
    }
  });

  it('an empty input summarizes to an empty histogram; estimate then says there is nothing to estimate', () => {
    const empty = summarize('nps', []);
    expect(empty.counts.every((c) => c === 0)).toBe(true);
    expect(thrown(() => estimate(empty)).code).toBe('EMPTY_INPUT');
    // …and it merges as the identity.
    const s = summarize('nps', [10, 3]);
    expect(mergeSummaries(empty, s)).toEqual(s);
  });
});

describe('summarize → merge → estimate', () => {
  it('two months merged give the NPS of both months together, exactly', () => {
    const march = [10, 9, 3, 8, null];
    const april = [10, 7, 0, 9];
    expectSameResult(
      estimate(mergeSummaries(summarize('nps', march), summarize('nps', april))),
      nps([...march, ...april]),
    );
  });

  it("missing: 'as-passive' applies at estimate time, from the skipped counts (weighted too)", () => {
    const scores = [10, null, 9, undefined, 0];
    const weights = [1, 2, 3, 4, 5];
    const s = summarize('nps', scores, { weights });
    expectSameResult(estimate(s, { missing: 'as-passive' }), nps(scores, { weights, missing: 'as-passive' }));
    expect(estimate(s, { missing: 'as-passive' }).passives).toBe(2);
    expect(estimate(s).passives).toBe(0);
  });

  it('a mean summary is meanInterval to the last bit; a proportion summary proportionInterval', () => {
    const x = [3.1, 4.7, 5.9, 2.2, 8.05, 3.3];
    const fromSummary = estimate(summarize('mean', x), { confidence: 0.9 });
    expect(fromSummary.kind).toBe('mean');
    expect({ ...fromSummary }).toStrictEqual({ ...meanInterval(x, { confidence: 0.9 }) });
    const proportion = estimate(summarize('proportion', { successes: 7, n: 19 }), { method: 'clopper-pearson' });
    expect(proportion.kind).toBe('proportion');
    expect({ ...proportion }).toStrictEqual({ ...proportionInterval(7, 19, { method: 'clopper-pearson' }) });
  });

  it('mean summaries merge by Chan et al.: the merged mean and M2 are those of the whole', () => {
    const a = [1, 2, 3, 4];
    const b = [10, 20];
    const merged = mergeSummaries(summarize('mean', a), summarize('mean', b));
    // Whole: mean 40/6, M2 = Σ(x − 20/3)² = 1022/3 − … computed directly:
    const all = [...a, ...b];
    const m = all.reduce((s, v) => s + v, 0) / all.length;
    expect(merged.n).toBe(6);
    expect(merged.mean).toBeCloseTo(m, 14);
    expect(merged.m2).toBeCloseTo(
      all.reduce((s, v) => s + (v - m) ** 2, 0),
      11,
    );
  });

  it("refuses method 'bootstrap-bca' on a mean summary: it needs the data", () => {
    const error = thrown(() => estimate(summarize('mean', [1, 2, 3]), { method: 'bootstrap-bca' } as never));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toMatch(/^estimate: method 'bootstrap-bca' resamples the values.*use meanInterval/);
  });

  it('results carry their kind', () => {
    expect(nps([10, 3]).kind).toBe('nps');
    expect(csat([5, 4, 1]).kind).toBe('csat');
    expect(ces([7, 1, 4]).kind).toBe('ces');
    expect(estimate(summarize('proportion', [true, false])).kind).toBe('proportion');
    expect(estimate(summarize('mean', [1, 2])).kind).toBe('mean');
  });
});

describe('what cannot be merged', () => {
  const standard = summarize('nps', [10, 3]);

  it('summaries under different scales or cut-offs, naming the field', () => {
    const other = summarize('nps', [10, 3], { scale: { promoterMin: 10 } });
    const error = thrown(() => mergeSummaries(standard, other));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.message).toBe(
      'mergeSummaries: summary 2 of 2: cannot merge summaries made under different scales (promoterMin): {"min":0,"max":10,"detractorMax":6,"promoterMin":9} and {"min":0,"max":10,"detractorMax":6,"promoterMin":10}',
    );
    expect(() => mergeSummaries(summarize('csat', [5]), summarize('csat', [5], { satisfiedMin: 5 }))).toThrow(
      /different scales \(satisfiedMin\)/,
    );
    expect(() =>
      mergeSummaries(summarize('ces', [1]), summarize('ces', [1], { scale: { min: 1, max: 7 }, easyThreshold: 6 })),
    ).toThrow(/different scales \(easyThreshold\)/);
  });

  it('a weighted summary with an unweighted one', () => {
    expect(thrown(() => mergeSummaries(standard, summarize('nps', [10, 3], { weights: [1, 2] }))).message).toMatch(
      /cannot merge a weighted summary with an unweighted one/,
    );
  });

  it('summaries of different kinds', () => {
    const error = thrown(() => mergeSummaries(standard as never, summarize('csat', [5]) as never));
    expect(error.message).toBe(
      "mergeSummaries: summary 2 is a 'csat-summary' but summary 1 is a 'nps-summary'; only summaries of one kind can be merged",
    );
  });

  it('weighted summaries merge by rescaling to the larger weight scale', () => {
    const a = summarize('nps', [10, 3], { weights: [1, 2] });
    const b = summarize('nps', [9, 0], { weights: [8, 4] });
    const merged = mergeSummaries(a, b);
    expect(merged.weights?.scale).toBe(8);
    const whole = summarize('nps', [10, 3, 9, 0], { weights: [1, 2, 8, 4] });
    expect(merged.weights).toEqual(whole.weights);
    expect(estimate(merged)).toStrictEqual(estimate(whole));
  });
});

describe('summaries from outside are checked, naming the field', () => {
  const good = summarize('nps', [10, 9, 3, null]);
  const broken = (patch: Partial<Record<keyof NpsSummary, unknown>>) => ({ ...good, ...patch }) as NpsSummary;

  it.each([
    [{ counts: [0, 0, 0, -1, 0, 0, 0, 0, 0, 1, 1] }, 'estimate: counts[3] is -1; expected a whole number ≥ 0'],
    [{ counts: [0, 0, 0, 0.5, 0, 0, 0, 0, 0, 1, 1] }, 'estimate: counts[3] is 0.5; expected a whole number ≥ 0'],
    [{ counts: [1, 2] }, 'estimate: counts has 2 entries; expected 11 (one per point of the scale)'],
    [{ counts: 'many' }, 'estimate: counts is "many"; expected an array'],
    [{ skipped: Number.NaN }, 'estimate: skipped is NaN; expected a whole number ≥ 0'],
    [{ version: 2 }, 'estimate: version is 2; this version of cx-metrics reads version 1 summaries'],
    [{ otherTypes: -3 }, 'estimate: otherTypes is -3; expected a whole number ≥ 0'],
    [
      { scale: { min: 0, max: 10, detractorMax: 9, promoterMin: 9 } },
      'estimate: scale must satisfy min ≤ detractorMax < promoterMin ≤ max; got min 0, detractorMax 9, promoterMin 9, max 10',
    ],
    [{ scale: { min: 0, max: 10 } }, 'estimate: scale.detractorMax is undefined; expected an integer'],
  ])('%j', (patch, message) => {
    const error = thrown(() => estimate(broken(patch)));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.message).toBe(message);
  });

  it('refuses an unknown field with the closest name, never ignoring it', () => {
    const { skipped, ...rest } = good;
    expect(thrown(() => estimate({ ...rest, skiped: skipped } as never)).message).toBe(
      "estimate: unknown field \"skiped\" in a 'nps-summary'; did you mean 'skipped'?",
    );
  });

  it('refuses weighted totals no set of weights ≥ 0 could give', () => {
    const w = summarize('nps', [10, 10], { weights: [1, 1] });
    const weights = w.weights as NonNullable<NpsSummary['weights']>;
    const tooSpread = { ...w, weights: { ...weights, sumSquares: weights.sumSquares.map((q) => q * 3) } };
    expect(thrown(() => estimate(tooSpread)).message).toMatch(
      /^estimate: weights.sum\[10\] \(2\) and its sum of squares \(6\) cannot come from 2 answers with weights ≥ 0/,
    );
    const orphan = { ...w, weights: { ...weights, sum: weights.sum.map((s, k) => (k === 0 ? 1 : s)) } };
    expect(thrown(() => estimate(orphan)).message).toMatch(/^estimate: weights.sum\[0\] \(1\)/);
    expect(thrown(() => estimate({ ...w, weights: { ...weights, scale: 0 } })).message).toBe(
      'estimate: weights.scale is 0; expected a finite number > 0',
    );
  });

  it('mergeSummaries checks every part and says which one is bad', () => {
    expect(thrown(() => mergeSummaries(good, broken({ skipped: -1 }))).message).toBe(
      'mergeSummaries: summary 2 of 2: skipped is -1; expected a whole number ≥ 0',
    );
  });

  it('mean and proportion summaries too', () => {
    expect(thrown(() => estimate({ kind: 'mean-summary', version: 1, n: 3, mean: 2, m2: -1 })).message).toBe(
      'estimate: m2 is -1; expected a finite number ≥ 0',
    );
    expect(thrown(() => estimate({ kind: 'mean-summary', version: 1, n: 1, mean: 2, m2: 4 })).message).toBe(
      'estimate: m2 is 4 for n = 1; fewer than 2 values have no spread',
    );
    expect(thrown(() => estimate({ kind: 'proportion-summary', version: 1, successes: 5, n: 4 })).message).toBe(
      'estimate: successes (5) exceed n (4)',
    );
  });
});

describe('summarize options', () => {
  it('interval options belong to estimate, and the message says so', () => {
    expect(thrown(() => summarize('nps', [10], { confidence: 0.9 } as never)).message).toBe(
      "summarize('nps'): confidence is an option of estimate, not summarize; pass it to estimate(summary, { confidence })",
    );
    expect(thrown(() => estimate(summarize('csat', [5]), { satisfiedMin: 5 } as never)).message).toMatch(
      /^estimate: satisfiedMin is an option of summarize, not estimate/,
    );
  });

  it('errors from reading name the dispatcher and the metric', () => {
    expect(thrown(() => summarize('nps', [10, 11])).message).toBe(
      "summarize('nps'): score at index 1 is 11; expected an integer from 0 to 10",
    );
    expect(thrown(() => summarize('proportion', [true, null] as never)).message).toMatch(
      /^summarize\('proportion'\): answer at index 1 is null; expected true or false/,
    );
  });
});
