import { describe, expect, it } from 'vitest';
import { breakdown, estimate, nps, summarize } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const record = fc.record({
  channel: fc.constantFrom('email', 'phone', 'chat', 'social', 'in-app'),
  device: fc.constantFrom('mobile', 'desktop'),
  score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 10 }),
});

describe('breakdown (properties)', () => {
  it('overall equals the metric on all records; groups partition the records and the answers', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 300 }), fc.boolean(), (rows, cross) => {
        const by = cross ? (['channel', 'device'] as const) : ('channel' as const);
        const all = rows.filter((r) => r.score !== null).length;
        if (all === 0) {
          // no answer at all: the metric's own EMPTY_INPUT
          expect(() => breakdown(rows, { by: by as never, metric: 'nps', accessor: 'score' })).toThrow(
            /no answered scores/,
          );
          return;
        }
        const b = breakdown(rows, { by: by as never, metric: 'nps', accessor: 'score' });
        expect(b.overall).toEqual(nps(rows, { accessor: 'score' }));
        expect(b.groups.reduce((s, g) => s + g.records, 0)).toBe(rows.length);
        expect(b.groups.reduce((s, g) => s + g.n, 0)).toBe(all);
        for (const g of b.groups) {
          if (g.adjustedPValue !== null) expect(g.adjustedPValue).toBeGreaterThanOrEqual(g.pValue as number);
          if (g.flag !== 'none') expect(g.adjustedPValue as number).toBeLessThan(0.05);
        }
      }),
      { seed: 11_101, numRuns: 100 },
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 120 }), fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort(
          (a, b) => (((a.score ?? 11) * 31 + seed) % 7) - (((b.score ?? 11) * 31 + seed) % 7),
        );
        const a = breakdown(rows, {
          by: 'channel',
          metric: 'proportion',
          accessor: (r: { score: number | null }) => (r.score ?? 0) >= 9,
        });
        const b = breakdown(shuffled, {
          by: 'channel',
          metric: 'proportion',
          accessor: (r: { score: number | null }) => (r.score ?? 0) >= 9,
        });
        expect(b.groups.map((g) => [g.key, g.summary])).toEqual(a.groups.map((g) => [g.key, g.summary]));
        expect(b.test).toEqual(a.test);
      }),
      { seed: 11_102, numRuns: 80 },
    );
  });

  it('each group summary merged with its rest estimates like the overall', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 5, maxLength: 200 }), (rows) => {
        const b = breakdown(rows, {
          by: 'channel',
          metric: 'csat',
          accessor: (r: { score: number | null }) =>
            r.score === null ? null : Math.min(5, 1 + Math.floor(r.score / 2)),
        });
        const total = summarize(
          'csat',
          rows.map((r) => (r.score === null ? null : Math.min(5, 1 + Math.floor(r.score / 2)))),
        );
        if (total.counts.some((c) => c > 0)) expect(b.overall.value).toBe(estimate(total).value);
      }),
      { seed: 11_103, numRuns: 80 },
    );
  });
});
