import { describe, expect, it } from 'vitest';
import { nps, trend } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
const rows = fc.array(
  fc.record({
    at: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) }),
    score: fc.integer({ min: 0, max: 10 }),
  }),
  { minLength: 1, maxLength: 150 },
);
const options = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  period: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const),
});

describe('trend (properties)', () => {
  it('periods cover the range contiguously and partition the records; overall is the metric on all', () => {
    fc.assert(
      fc.property(rows, options, (data, { timeZone, period }) => {
        const t = trend(data, { at: 'at', period, timeZone, metric: 'nps', accessor: 'score' });
        const ps = t.periods;
        for (let i = 1; i < ps.length; i++) expect(ps[i]?.start).toBe(ps[i - 1]?.end);
        expect(Date.parse(ps[0]?.start as string)).toBeLessThanOrEqual(Date.parse(t.from));
        expect(Date.parse(ps.at(-1)?.end as string)).toBeGreaterThanOrEqual(Date.parse(t.to));
        expect(ps.reduce((s, p) => s + p.records, 0)).toBe(data.length);
        for (const p of ps) {
          const own = data.filter((r) => r.at >= Date.parse(p.start) && r.at < Date.parse(p.end));
          expect(p.records).toBe(own.length);
          if (own.length === 0) expect(p.estimate).toBeNull();
        }
        expect(t.overall).toEqual(nps(data, { accessor: 'score' }));
      }),
      { seed: 11_201, numRuns: 60 },
    );
  });

  it('a rolling window of one period is the period; of all periods, the overall', () => {
    fc.assert(
      fc.property(rows, options, (data, { timeZone, period }) => {
        const one = trend(data, {
          at: 'at',
          period,
          timeZone,
          metric: 'nps',
          accessor: 'score',
          window: { periods: 1 },
        });
        for (const p of one.periods) expect(p.rolling?.estimate).toEqual(p.estimate);
        const k = one.periods.length;
        const all = trend(data, {
          at: 'at',
          period,
          timeZone,
          metric: 'nps',
          accessor: 'score',
          window: { periods: k },
        });
        expect(all.periods.at(-1)?.rolling?.estimate).toEqual(all.overall);
      }),
      { seed: 11_202, numRuns: 40 },
    );
  });
});
