import { describe, expect, it } from 'vitest';
import {
  ces,
  compareMeans,
  compareNps,
  compareProportions,
  csat,
  csatFromCounts,
  estimate,
  nps,
  npsFromCounts,
  npsSampleSize,
  summarize,
} from '../../src/index.ts';
import { parseResponses } from '../../src/schemas/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Where users' data meets the survey metrics: records of mixed survey types, options objects,
// and inputs that are not what they look like.

const mixed = parseResponses([
  { type: 'nps', submittedAt: '2026-03-01', score: '10' },
  { type: 'nps', submittedAt: '2026-03-01', score: '9' },
  { type: 'csat', submittedAt: '2026-03-02', score: '5' },
  { type: 'nps', submittedAt: '2026-03-02', score: '3' },
  { type: 'ces', submittedAt: '2026-03-03', score: '2' },
  { type: 'nps', submittedAt: '2026-03-03', score: '' },
]).data;

describe('records of another survey type are never pooled', () => {
  it('nps given parseResponses rows of mixed types fails loudly, naming the first foreign record', () => {
    const error = thrown(() => nps(mixed, { accessor: 'score' }));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.index).toBe(2);
    expect(error.value).toBe('csat');
    expect(error.message).toBe(
      "nps: record at index 2 is a 'csat' response; answers of different surveys are never pooled — select the NPS responses, or pass otherTypes: 'exclude' to use the NPS answers only",
    );
    // A function accessor reads the same records: the same refusal.
    expect(thrown(() => nps(mixed, { accessor: (r) => r.score })).index).toBe(2);
  });

  it("otherTypes: 'exclude' uses the metric's own answers, counts the rest and warns OTHER_TYPES", () => {
    const r = nps(mixed, { accessor: 'score', otherTypes: 'exclude' });
    expect([r.promoters, r.passives, r.detractors, r.skipped]).toEqual([2, 0, 1, 1]);
    expect(r.warnings[0]).toEqual({
      code: 'OTHER_TYPES',
      message: "nps: 2 records of another survey type left out (otherTypes: 'exclude')",
    });
    expect(summarize('nps', mixed, { accessor: 'score', otherTypes: 'exclude' }).otherTypes).toBe(2);
    expect(csat(mixed, { accessor: 'score', otherTypes: 'exclude' }).n).toBe(1);
    expect(ces(mixed, { accessor: 'score', otherTypes: 'exclude' }).n).toBe(1);
  });

  it('the count survives merging and estimate warns from it', () => {
    const s = summarize('nps', mixed, { accessor: 'score', otherTypes: 'exclude' });
    expect(estimate(s).warnings.map((w) => w.code)).toContain('OTHER_TYPES');
  });

  it('exclusion with weights, and with the weighted loop', () => {
    const weights = mixed.map(() => 2);
    const r = nps(mixed, { accessor: 'score', otherTypes: 'exclude', weights });
    expect(r.promoters + r.detractors + r.passives).toBe(3);
    expect(thrown(() => nps(mixed, { accessor: 'score', weights })).index).toBe(2);
  });

  it("types are matched in any case; a 'type' that names no survey is the user's own field and is ignored", () => {
    expect(thrown(() => nps([{ type: 'CSAT', score: 5 }], { accessor: 'score' })).value).toBe('CSAT');
    expect(nps([{ type: 'NPS', score: 10 }], { accessor: 'score' }).promoters).toBe(1);
    const tickets = [
      { type: 'email', score: 9 },
      { type: 'chat', score: 3 },
    ];
    expect(nps(tickets, { accessor: 'score' }).n).toBe(2);
  });

  it('compareNps passes otherTypes on to both groups', () => {
    const d = compareNps(mixed, mixed, { accessor: 'score', otherTypes: 'exclude' });
    expect(d.difference).toBe(0);
    expect(() => compareNps(mixed, mixed, { accessor: 'score' })).toThrow(/record at index 2 is a 'csat'/);
  });
});

describe('options objects are checked', () => {
  it.each([
    ['nps', () => nps([10], { weight: [1] } as never), "nps: unknown option 'weight'; did you mean 'weights'?"],
    [
      'nps',
      () => nps([10], { confidance: 0.9 } as never),
      "nps: unknown option 'confidance'; did you mean 'confidence'?",
    ],
    [
      'nps scale',
      () => nps([10], { scale: { promoterMn: 9 } } as never),
      "nps: unknown scale option 'promoterMn'; did you mean 'promoterMin'?",
    ],
    [
      'npsFromCounts',
      () => npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }, { scale: {} } as never),
      "npsFromCounts: unknown option 'scale'; expected one of 'method', 'confidence', 'resamples', 'seed', 'rng'",
    ],
    [
      'npsSampleSize',
      () => npsSampleSize({ promoters: 0.4, detractors: 0.2, halfWidth: 5, confidenc: 0.9 } as never),
      "npsSampleSize: unknown option 'confidenc'; did you mean 'confidence'?",
    ],
    [
      'csat',
      () => csat([5], { satisfiedMn: 4 } as never),
      "csat: unknown option 'satisfiedMn'; did you mean 'satisfiedMin'?",
    ],
    [
      'csat scale',
      () => csat([5], { scale: { min: 1, max: 5, satisfied: 4 } } as never),
      "csat: unknown scale option 'satisfied'; did you mean 'satisfiedMin'?",
    ],
    [
      'csatFromCounts',
      () => csatFromCounts({ satisfied: 1, total: 2 }, { metod: 'wald' } as never),
      "csatFromCounts: unknown option 'metod'; did you mean 'method'?",
    ],
    [
      'ces',
      () => ces([5], { easyThreshhold: 5 } as never),
      "ces: unknown option 'easyThreshhold'; did you mean 'easyThreshold'?",
    ],
    ['ces scale', () => ces([5], { scale: { min: 1, max: 7, step: 1 } } as never), "ces: unknown scale option 'step'"],
    [
      'compareNps',
      () => compareNps([10], [3], { weights: [1] } as never),
      "compareNps: unknown option 'weights'; expected one of 'method', 'confidence', 'scale', 'missing', 'accessor', 'otherTypes'",
    ],
    [
      'compareProportions',
      () => compareProportions({ successes: 1, n: 2 }, { successes: 1, n: 2 }, { methd: 'wald' } as never),
      "compareProportions: unknown option 'methd'; did you mean 'method'?",
    ],
    [
      'compareMeans',
      () => compareMeans([1, 2], [3, 4], { confidance: 0.9 } as never),
      "compareMeans: unknown option 'confidance'; did you mean 'confidence'?",
    ],
  ])('%s: an unknown key is INVALID_OPTION naming the closest valid one', (_, call, message) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('options that are not a plain object are INVALID_OPTION, never a bare TypeError', () => {
    const calls: (() => unknown)[] = [
      () => nps([10], null as never),
      () => npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }, null as never),
      () => csat([5], 'wilson' as never),
      () => csatFromCounts({ satisfied: 1, total: 1 }, [] as never),
      () => ces([5], 7 as never),
      () => compareNps([10], [9], null as never),
      () => compareProportions({ successes: 1, n: 2 }, { successes: 1, n: 2 }, null as never),
      () => compareMeans([1, 2], [1, 3], null as never),
      () => nps([10], { scale: null } as never),
      () => ces([5], { scale: 'big' } as never),
    ];
    for (const call of calls) expect(thrown(call).code).toBe('INVALID_OPTION');
  });
});

describe('inputs that are not what they look like', () => {
  it('a huge sparse array is read by its present elements, the holes counted as skipped', () => {
    const sparse: (number | undefined)[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[0] = 10;
    sparse[7] = 3;
    sparse[2 ** 31] = 9;
    const r = nps(sparse);
    expect([r.promoters, r.detractors, r.skipped]).toEqual([2, 1, 2 ** 32 - 4]);
    expect(thrown(() => nps(Object.assign([], { length: 2 ** 29, 5: 11 }))).index).toBe(5);
  });

  it('an array-like of impossible length is refused', () => {
    for (const length of [-1, 1.5, Number.NaN, 2 ** 53, Number.POSITIVE_INFINITY]) {
      const error = thrown(() => nps({ length } as never));
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.message).toMatch(/^nps: the input's length is .*; expected a whole number from 0 to 2³² − 1/);
    }
    expect(thrown(() => nps({} as never)).message).toBe(
      'nps: expected an array of scores (or records with an accessor), got an object without a length',
    );
  });

  it('BigInt arrays are not scores', () => {
    const error = thrown(() => nps(new BigInt64Array([10n]) as never));
    expect(error.message).toBe('nps: score at index 0 is 10n; expected an integer from 0 to 10');
  });

  it('NaN in a Float64Array is refused with the hint to use null', () => {
    expect(thrown(() => csat(new Float64Array([5, Number.NaN]))).message).toBe(
      'csat: score at index 1 is NaN; expected an integer from 1 to 5 (use null or undefined for a skipped answer)',
    );
  });

  it('with a key accessor, a record that is not an object is an error, null a skipped answer', () => {
    const rows = [{ score: 10 }, null, 7, { score: 9 }];
    expect(thrown(() => nps(rows as never, { accessor: 'score' })).message).toBe(
      "nps: record at index 2 is 7; expected an object to read 'score' from (or null for a skipped answer)",
    );
    expect(nps([{ score: 10 }, null], { accessor: 'score' }).skipped).toBe(1);
  });

  it('weights spanning beyond ~1e150 between skipped and answered answers are refused, not turned into NaN', () => {
    const error = thrown(() => ces([null, null, 1], { weights: [0, 1.53e-81, 5e-324] }));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.message).toMatch(/weights cannot span that range/);
    // Huge or tiny weights alike are fine: only their ratios matter.
    expect(nps([10, 0, null], { weights: [1e-300, 2e-300, 1e-300] }).n).toBeCloseTo(1.8, 12);
  });

  it('scales are at most 1001 points (the histogram is O(scale))', () => {
    expect(thrown(() => nps([1], { scale: { min: 0, max: 1e6, detractorMax: 6, promoterMin: 9 } })).message).toBe(
      'nps: scale has 1000001 points; expected at most 1001',
    );
  });
});
