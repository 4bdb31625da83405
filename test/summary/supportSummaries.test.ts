import { describe, expect, it } from 'vitest';
import { estimate, fcr, mergeSummaries, summarize, ttr } from '../../src/index.ts';
import { expectSameResult } from '../helpers/sameResult.ts';
import { thrown } from '../helpers/thrown.ts';

const HOUR = 3_600_000;

describe('support summaries from outside (check)', () => {
  const ttrSummary = summarize('ttr', [5, 1, 5], { events: [1, 1, 0] });

  it('a duration table from a warehouse estimates like the records it came from', () => {
    const fromSql = {
      kind: 'ttr-summary',
      version: 1,
      clock: 'elapsed',
      unit: 'ms',
      times: [1, 5],
      events: [1, 1],
      censored: [0, 1],
    };
    expectSameResult(estimate(fromSql as never), ttr([5, 1, 5], { events: [1, 1, 0] }));
  });

  it('names the bad field of a duration summary', () => {
    const bad = (patch: Record<string, unknown>) => thrown(() => estimate({ ...ttrSummary, ...patch } as never));
    expect(bad({ times: [5, 1] }).message).toMatch(/times\[1\] is 1, not after times\[0\]/);
    expect(bad({ events: [1] }).message).toMatch(/events has 1 entries; expected 2/);
    expect(bad({ censored: [0, -1] }).message).toMatch(/censored\[1\] is -1/);
    expect(bad({ events: [0, 1], censored: [0, 1] }).message).toMatch(/times\[0\] \(1\) has no events/);
    expect(bad({ unit: 's' }).message).toMatch(/unit is "s"; expected 'ms'/);
    expect(bad({ clock: 'business' }).message).toMatch(/clock is 'business' but the schedule is not valid/);
    expect(bad({ notes: { LATE: 1 } }).message).toMatch(/notes.LATE is not a note/);
    expect(bad({ time: [1] }).message).toMatch(/unknown field "time".*did you mean 'times'/);
    for (const patch of [{ times: [5, 1] }, { unit: 's' }]) expect(bad(patch).code).toBe('INVALID_VALUE');
  });

  it('names the bad field of FCR, SLA and churn summaries', () => {
    const f = summarize('fcr', [{ createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T10:00Z', agentReplies: 1 }], {
      definition: 'one-touch',
    });
    expect(thrown(() => estimate({ ...f, firstContact: 2 })).message).toMatch(/firstContact \(2\) exceeds total \(1\)/);
    expect(thrown(() => estimate({ ...f, definition: 'first-call' } as never)).message).toMatch(
      /definition is "first-call"/,
    );
    expect(thrown(() => estimate({ ...f, windowMs: 5 })).message).toMatch(
      /windowMs is given but definition is 'one-touch'/,
    );
    const s = summarize('sla', [1000, 5000], { targetMs: 2000 });
    expect(thrown(() => estimate({ ...s, targetMs: -1 })).message).toMatch(/targetMs is -1/);
    expect(thrown(() => estimate({ ...s, field: 'reply' } as never)).message).toMatch(/field is "reply"/);
    const customers = [{ startedAt: '2026-01-01', endedAt: '2026-02-10' }, { startedAt: '2026-01-01' }];
    const c = summarize('churn', customers, { from: '2026-02-01', to: '2026-03-01' });
    expect(thrown(() => estimate({ ...c, churned: 3 })).message).toMatch(
      /churned \(3\) exceeds customersAtStart \(2\)/,
    );
    expect(thrown(() => estimate({ ...c, from: 'February' })).message).toMatch(/from is "February"/);
    expect(thrown(() => estimate({ ...c, unit: 'day' } as never)).message).toMatch(/unit is not a field of a 'cohort'/);
  });
});

describe('support summaries: merging partitions', () => {
  const may = [
    { id: 1, createdAt: '2026-05-04T09:00Z', resolvedAt: '2026-05-04T10:00Z', reopens: 0 },
    { id: 2, createdAt: '2026-05-05T09:00Z', resolvedAt: '2026-05-05T15:00Z', reopens: 1 },
  ];
  const june = [
    { id: 3, createdAt: '2026-06-01T09:00Z', resolvedAt: '2026-06-01T09:30Z' },
    { id: 4, createdAt: '2026-06-02T09:00Z' },
  ];

  it('months of FCR counts add up to the whole, and the reopen information of one month covers the other', () => {
    const options = { definition: 'no-reopen', asOf: '2026-06-30T00:00Z' } as const;
    // June alone carries no reopen information; merged with May it is counted.
    expect(summarize('fcr', june, options).withField).toBe(0);
    expect(thrown(() => estimate(summarize('fcr', june, options))).code).toBe('INSUFFICIENT_DATA');
    const merged = mergeSummaries(summarize('fcr', may, options), summarize('fcr', june, options));
    expectSameResult(estimate(merged), fcr([...may, ...june], options));
    expect([merged.total, merged.firstContact, merged.unresolved]).toEqual([3, 2, 1]);
  });

  it('resolution-time tables of two months merge by distinct time', () => {
    const asOf = '2026-06-30T00:00Z';
    const merged = mergeSummaries(summarize('ttr', may, { asOf }), summarize('ttr', june, { asOf }));
    expect(merged.times.slice(0, 2)).toEqual([HOUR / 2, HOUR]);
    expectSameResult(estimate(merged), ttr([...may, ...june], { asOf }));
  });

  it('summaries from other sources without withField merge into one without it (not checked)', () => {
    const options = { definition: 'one-touch' } as const;
    const a = summarize(
      'fcr',
      [{ createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T10:00Z', agentReplies: 1 }],
      options,
    );
    const { withField: _, ...b } = a;
    expect(mergeSummaries(a, b as typeof a).withField).toBeUndefined();
    expect(estimate(mergeSummaries(a, b as typeof a)).n).toBe(2);
  });
});

describe('support and churn inputs: holes and huge sparse arrays (issue 9)', () => {
  const sparse = (first?: unknown): unknown[] => {
    const a: unknown[] = [];
    a.length = 2 ** 32 - 1;
    if (first !== undefined) a[0] = first;
    return a;
  };

  it('a hole in a ticket array is a missing ticket, reported at its index', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const e = thrown(() => ttr([{ createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T10:00Z' }, ,] as never));
    expect([e.code, e.index, e.message]).toEqual(['INVALID_VALUE', 1, expect.stringMatching(/a hole in the array/)]);
  });

  it('a sparse array of length 2³² − 1 fails at its first hole at once, allocating nothing', () => {
    const start = performance.now();
    for (const f of [
      () => ttr(sparse() as never, { asOf: '2026-06-01' }),
      () => fcr(sparse() as never, { definition: 'one-touch' }),
      () => summarize('sla', sparse() as never, { targetMs: 1 }),
      () => summarize('churn', sparse() as never, { from: '2026-01-01', to: '2026-02-01' }),
      () => summarize('ttr', sparse(5) as never),
      () => summarize('first-response', sparse(5) as never, { events: sparse(1) as never }),
    ]) {
      expect(thrown(f).code).toBe('INVALID_VALUE');
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
