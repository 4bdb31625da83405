import { describe, expect, it } from 'vitest';
import { adjustPValues, compareNps, compareProportions, nps, summarize, trend } from '../../src/index.ts';
import reference from '../fixtures/r-analysis.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

const DAY = 86_400_000;

/** Daily answers over 2026-01-01 … 2026-03-31 (UTC noon), score cycling so NPS drifts. */
const daily = Array.from({ length: 90 * 8 }, (_, i) => {
  const day = Math.floor(i / 8);
  return { at: Date.UTC(2026, 0, 1 + day, 12), score: (i * 7 + (day > 60 ? 3 : 0)) % 11 };
});

describe('trend', () => {
  it('buckets in the caller’s zone: 2026-03-31T22:30Z is April in Europe/Berlin', () => {
    const rows = [
      { at: '2026-03-31T22:30Z', score: 10 },
      { at: '2026-03-31T21:30Z', score: 0 },
    ];
    const berlin = trend(rows, {
      at: 'at',
      period: 'month',
      timeZone: 'Europe/Berlin',
      metric: 'nps',
      accessor: 'score',
    });
    expect(berlin.periods.map((p) => [p.label, p.records])).toEqual([
      ['2026-03', 1],
      ['2026-04', 1],
    ]);
    const utc = trend(rows, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' });
    expect(utc.periods.map((p) => [p.label, p.records])).toEqual([['2026-03', 2]]);
  });

  it('each period is the metric on its records; vsPrevious is period − previous, adjusted across the series', () => {
    const t = trend(daily, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' });
    expect(t.periods.map((p) => p.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    const own = (p: (typeof t.periods)[number]) =>
      daily.filter((r) => r.at >= Date.parse(p.start) && r.at < Date.parse(p.end));
    for (const p of t.periods) expect(p.estimate).toEqual(nps(own(p), { accessor: 'score' }));
    const [jan, feb, mar] = t.periods;
    expect(jan?.vsPrevious).toBeNull();
    const expected = compareNps(
      summarize('nps', own(mar as never), { accessor: 'score' }),
      summarize('nps', own(feb as never), { accessor: 'score' }),
    );
    expect(mar?.vsPrevious).toEqual(expected);
    expect([feb?.adjustedPValue, mar?.adjustedPValue]).toEqual(
      adjustPValues([feb?.pValue as number, mar?.pValue as number]),
    );
    expect(t.overall).toEqual(nps(daily, { accessor: 'score' }));
  });

  it('keeps empty periods, with no estimate and no comparison', () => {
    const rows = [
      { at: '2026-01-15', score: 9 },
      { at: '2026-04-15', score: 3 },
    ];
    const t = trend(rows, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' });
    expect(t.periods.map((p) => [p.label, p.records, p.estimate === null, p.vsPrevious === null])).toEqual([
      ['2026-01', 1, false, true],
      ['2026-02', 0, true, true],
      ['2026-03', 0, true, true],
      ['2026-04', 1, false, true],
    ]);
  });

  it('flags partial first and last periods', () => {
    const t = trend(daily, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' });
    // data from 1 January 12:00 to 31 March 12:00: both ends cut
    expect(t.periods.map((p) => p.partial)).toEqual([true, false, true]);
    expect(t.warnings.map((w) => w.code)).toContain('PARTIAL_PERIOD');
    const whole = trend(daily, {
      at: 'at',
      period: 'month',
      timeZone: 'UTC',
      metric: 'nps',
      accessor: 'score',
      from: '2026-01-01',
      to: '2026-04-01',
    });
    expect(whole.periods.map((p) => p.partial)).toEqual([false, false, false]);
    expect([whole.from, whole.to]).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
  });

  it('from/to leave records outside out, counted and warned', () => {
    const t = trend(daily, {
      at: 'at',
      period: 'month',
      timeZone: 'UTC',
      metric: 'nps',
      accessor: 'score',
      from: '2026-02-01',
      to: '2026-03-01',
    });
    expect(t.periods.map((p) => p.label)).toEqual(['2026-02']);
    expect(t.excluded).toBe(daily.length - 28 * 8);
    expect(t.warnings.map((w) => w.code)).toContain('EXCLUDED');
  });

  it('a trailing 30-day window merges the daily summaries: equal to the metric on those 30 days', () => {
    const t = trend(daily, {
      at: 'at',
      period: 'day',
      timeZone: 'UTC',
      metric: 'nps',
      accessor: 'score',
      window: { days: 30 },
    });
    expect(t.periods).toHaveLength(90);
    for (const i of [0, 10, 29, 30, 59, 89]) {
      const p = t.periods[i];
      const end = Date.parse(p?.end as string);
      const window = daily.filter((r) => r.at < end && r.at >= end - 30 * DAY);
      expect(p?.rolling?.estimate, String(i)).toEqual(nps(window, { accessor: 'score' }));
      // the range starts at the first record, 1 January 12:00: a window reaching back to 00:00 is not complete
      expect(p?.rolling?.complete).toBe(i >= 30);
    }
  });

  it('a days window with weekly or monthly periods uses local days; { periods: N } merges N periods', () => {
    const weekly = trend(daily, {
      at: 'at',
      period: 'week',
      timeZone: 'Europe/Berlin',
      metric: 'nps',
      accessor: 'score',
      window: { days: 28 },
    });
    for (const p of weekly.periods) {
      const end = Date.parse(p.end);
      const start = Date.parse(p.rolling?.start as string);
      const window = daily.filter((r) => r.at < end && r.at >= start);
      expect(p.rolling?.estimate).toEqual(nps(window, { accessor: 'score' }));
    }
    const quarterly = trend(daily, {
      at: 'at',
      period: 'month',
      timeZone: 'UTC',
      metric: 'nps',
      accessor: 'score',
      window: { periods: 3 },
    });
    expect(quarterly.periods[2]?.rolling?.estimate).toEqual(nps(daily, { accessor: 'score' }));
    expect(quarterly.window).toEqual({ periods: 3 });
  });

  it('proportions: the trend test is R’s prop.trend.test, empty periods left out with their spacing (r-analysis.json)', () => {
    for (const ref of reference.trend) {
      const rows = ref.score.flatMap((score, i) => {
        const x = ref.successes[i] as number;
        const n = ref.n[i] as number;
        const at = Date.UTC(2020, score - 1, 15);
        return Array.from({ length: n }, (_, j) => ({ at, ok: j < x }));
      });
      const t = trend(rows, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'proportion', accessor: 'ok' });
      expect(t.periods).toHaveLength((ref.score.at(-1) as number) - (ref.score[0] as number) + 1);
      // R 4.2.2: prop.trend.test(successes, n, score)
      expectClose(t.trendTest?.statistic as number, ref.statistic, 1e-9, 'statistic');
      expectClose(t.trendTest?.pValue as number, ref.pValue, 1e-9, 'p');
    }
  });

  it('proportions: vsPrevious is compareProportions of the two periods', () => {
    const rows = [
      ...Array.from({ length: 200 }, (_, i) => ({ at: '2026-01-10', ok: i < 150 })),
      ...Array.from({ length: 180 }, (_, i) => ({ at: '2026-02-10', ok: i < 110 })),
    ];
    const t = trend(rows, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'proportion', accessor: 'ok' });
    expect(t.periods[1]?.vsPrevious).toEqual(
      compareProportions({ successes: 110, n: 180 }, { successes: 150, n: 200 }),
    );
    expect(t.periods[1]?.flag).toBe('lower');
  });

  it('NPS: the trend test is the weighted regression on the period estimates', () => {
    const t = trend(daily, { at: 'at', period: 'week', timeZone: 'UTC', metric: 'nps', accessor: 'score' });
    expect(t.trendTest?.method).toBe('fixed-effect');
    expect(t.trendTest?.pValue).toBeGreaterThan(0);
  });

  it('refuses a period or zone that does not exist, a window longer than the series, unreadable times', () => {
    const o = { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' } as const;
    const zone = thrown(() => trend(daily, { ...o, timeZone: 'Europe/Atlantis' }));
    expect([zone.code, zone.value]).toEqual(['INVALID_OPTION', 'Europe/Atlantis']);
    expect(thrown(() => trend(daily, { ...o, period: 'fortnight' as never })).value).toBe('fortnight');
    const long = thrown(() => trend(daily, { ...o, window: { periods: 4 } }));
    expect(long.message).toMatch(/window is 4 periods but the series spans 3/);
    expect(thrown(() => trend(daily, { ...o, window: { days: 91 } })).message).toMatch(/spans 90/);
    expect(thrown(() => trend(daily, { ...o, window: { hours: 36 } })).message).toMatch(/whole local days/);
    const bad = thrown(() =>
      trend(
        daily.map((r, i) => (i === 7 ? { ...r, at: 'yesterday' } : r)),
        o as never,
      ),
    );
    expect([bad.code, bad.index, bad.value]).toEqual(['INVALID_VALUE', 7, 'yesterday']);
    expect(thrown(() => trend(daily, { ...o, at: 'when' } as never)).message).toMatch(/no record has the field 'when'/);
    expect(thrown(() => trend(daily, { ...o, timeZone: undefined } as never)).message).toMatch(/timeZone is required/);
    expect(thrown(() => trend(daily, { ...o, from: '2026-03-01', to: '2026-02-01' })).code).toBe('INVALID_OPTION');
    expect(thrown(() => trend(daily, { ...o, from: '2027-01-01', to: '2027-02-01' })).code).toBe('EMPTY_INPUT');
    expect(thrown(() => trend([], o as never)).code).toBe('EMPTY_INPUT');
    expect(thrown(() => trend(daily, { ...o, period: 'day', from: '1700-01-01' })).message).toMatch(/more than 100000/);
  });
});
