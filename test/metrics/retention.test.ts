import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/intervals/kaplanMeier.ts';
import { proportionInterval } from '../../src/intervals/proportionInterval.ts';
import { cohortRetention, retentionCurve } from '../../src/metrics/retention.ts';
import { expectClose } from '../helpers/close.ts';

describe('retentionCurve', () => {
  const customers = [
    { id: 'a', startedAt: '2025-01-01', endedAt: '2025-01-11' }, // 10 days, churned
    { id: 'b', startedAt: '2025-01-01', endedAt: '2025-01-21' }, // 20 days, churned
    { id: 'c', startedAt: '2025-01-11' }, // active: censored at asOf, 30 days
    { id: 'd', startedAt: '2025-01-01', endedAt: '2025-01-31' }, // 30 days, churned
    { id: 'e', startedAt: '2025-01-01', endedAt: '2025-02-05' }, // 35 days, churned
  ];

  it('is Kaplan–Meier on tenure in days, active customers censored at asOf', () => {
    const curve = retentionCurve(customers, { asOf: '2025-02-10' });
    // By hand: 5 at risk at 10 → 4/5; 4 at 20 → 3/4; 3 at 30 (one churn, c censored) → 2/3; 1 at 35 → 0.
    expect(curve.points.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
      [10, 5, 1, 0],
      [20, 4, 1, 0],
      [30, 3, 1, 1],
      [35, 1, 1, 0],
    ]);
    expectClose(curve.points[2]?.survival ?? Number.NaN, 0.4, 1e-15);
    expect(curve.points[3]?.survival).toBe(0);
    expect(curve.median.value).toBe(30);
    expect(curve).toMatchObject({
      unit: 'day',
      asOf: '2025-02-10T00:00:00.000Z',
      n: 5,
      churned: 4,
      active: 1,
      excluded: 0,
      confidence: 0.95,
      confType: 'log-log',
    });
    const km = kaplanMeier([10, 20, 30, 30, 35], [1, 1, 0, 1, 1]);
    expect(curve.points).toEqual(km.points);
    const { warnings, ...median } = km.median;
    expect(curve.median).toMatchObject(median);
    expect(curve.median.warnings.map((w) => w.code)).toEqual(warnings.map((w) => w.code));
  });

  it('censors a customer who ends after asOf at asOf, and counts one ending exactly at asOf as churned', () => {
    const curve = retentionCurve(
      [
        { startedAt: '2025-01-01', endedAt: '2025-03-01' }, // ends after asOf: censored at 31 days
        { startedAt: '2025-01-01', endedAt: '2025-02-01' }, // ends at asOf: churned at 31 days
        { startedAt: '2025-01-21' }, // censored at 11 days
      ],
      { asOf: '2025-02-01' },
    );
    expect(curve.points.map((p) => [p.time, p.events, p.censored])).toEqual([
      [11, 0, 1],
      [31, 1, 1],
    ]);
    expect([curve.churned, curve.active]).toEqual([1, 2]);
  });

  it('measures tenure in the unit asked for (month = 30.4375 days, year = 365.25 days)', () => {
    const days = retentionCurve(customers, { asOf: '2025-02-10' });
    for (const [unit, length] of [
      ['week', 7],
      ['month', 30.4375],
      ['quarter', 91.3125],
      ['year', 365.25],
    ] as const) {
      const curve = retentionCurve(customers, { asOf: '2025-02-10', unit });
      expect(curve.unit).toBe(unit);
      curve.points.forEach((p, i) => {
        expectClose(p.time, (days.points[i]?.time ?? Number.NaN) / length, 1e-14);
        expect(p.survival).toBe(days.points[i]?.survival);
      });
      expectClose(curve.median.value, days.median.value / length, 1e-14);
    }
  });

  it('reports a median that is not reached as Infinity with a warning', () => {
    const curve = retentionCurve(customers, { asOf: '2025-01-15' });
    expect(curve.median.value).toBe(Number.POSITIVE_INFINITY);
    expect(curve.median.upper).toBe(Number.POSITIVE_INFINITY);
    expect(curve.warnings.map((w) => w.code)).toContain('NOT_REACHED');
    expect(curve.warnings.find((w) => w.code === 'NOT_REACHED')?.message).toMatch(
      /^retentionCurve: retention is still 0\.75 at the longest tenure observed \(14 days\)/,
    );
    expect(curve.median.warnings.every((w) => w.message.startsWith('retentionCurve:'))).toBe(true);
  });

  it('leaves out customers who start after asOf and says so', () => {
    const curve = retentionCurve([...customers, { id: 'late', startedAt: '2025-03-01' }], { asOf: '2025-02-10' });
    expect([curve.n, curve.excluded]).toEqual([5, 1]);
    expect(curve.warnings.map((w) => w.code)).toEqual(['NOT_STARTED']);
    expect(() => retentionCurve([{ startedAt: '2025-03-01' }], { asOf: '2025-02-10' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
  });

  it('passes confidence and confType to kaplanMeier', () => {
    const curve = retentionCurve(customers, { asOf: '2025-02-10', confidence: 0.9, confType: 'log' });
    const km = kaplanMeier([10, 20, 30, 30, 35], [1, 1, 0, 1, 1], { confidence: 0.9, confType: 'log' });
    expect(curve.points).toEqual(km.points);
    expect([curve.confidence, curve.confType]).toEqual([0.9, 'log']);
  });

  it('rejects a missing asOf, unknown units and bad records', () => {
    expect(() => retentionCurve(customers, {} as never)).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: expect.stringMatching(/^retentionCurve: asOf is undefined/),
      }),
    );
    expect(() => retentionCurve(customers, { asOf: '2025-02-10', unit: 'days' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => retentionCurve([{ startedAt: '2025-01-05', endedAt: '2025-01-04' }], { asOf: '2025-02-10' })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', index: 0, message: expect.stringMatching(/endedAt/) }),
    );
  });
});

describe('cohortRetention', () => {
  const customers = [
    { id: 'a', startedAt: '2025-01-05', endedAt: '2025-02-10' },
    { id: 'b', startedAt: '2025-01-20' },
    { id: 'c', startedAt: '2025-01-31', endedAt: '2025-03-15' },
    { id: 'd', startedAt: '2025-02-14' },
  ];

  it('counts each cohort’s customers still active after 0, 1, 2, … months', () => {
    const table = cohortRetention(customers, { period: 'month', asOf: '2025-04-01' });
    expect(table).toMatchObject({ period: 'month', asOf: '2025-04-01T00:00:00.000Z', n: 4, excluded: 0, warnings: [] });
    const [jan, feb] = table.cohorts;
    expect(jan).toMatchObject({ cohort: '2025-01', start: '2025-01-01T00:00:00.000Z', size: 3 });
    // Active at Jan (own start), Feb 1, Mar 1, Apr 1: a ends Feb 10, c ends Mar 15.
    expect(jan?.cells.map((c) => [c.period, c.active, c.atStart])).toEqual([
      [0, 3, 3],
      [1, 3, 3],
      [2, 2, 3],
      [3, 1, 3],
    ]);
    expect(feb?.cells.map((c) => [c.period, c.active])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    for (const cell of [...(jan?.cells ?? []), ...(feb?.cells ?? [])]) {
      const { warnings, kind, ...expected } = proportionInterval(cell.active, cell.atStart);
      expect(cell.retained).toMatchObject(expected);
      expect(cell.retained.n).toBe(cell.atStart);
    }
  });

  it('leaves cells absent, not zero, until their boundary has passed', () => {
    const table = cohortRetention(customers, { period: 'month', asOf: '2025-02-28T23:59:59Z' });
    expect(table.cohorts.map((row) => [row.cohort, row.size, row.cells.length])).toEqual([
      ['2025-01', 3, 2],
      ['2025-02', 1, 0], // February is still open: no cells yet
    ]);
    const atBoundary = cohortRetention(customers, { period: 'month', asOf: '2025-03-01' });
    expect(atBoundary.cohorts.map((row) => row.cells.length)).toEqual([3, 2]);
  });

  it('a customer ending exactly at a boundary is not active at it', () => {
    const table = cohortRetention(
      [
        { startedAt: '2025-01-10', endedAt: '2025-02-01' },
        { startedAt: '2025-01-10', endedAt: '2025-02-01T00:00:00.001Z' },
      ],
      { period: 'month', asOf: '2025-03-01' },
    );
    expect(table.cohorts[0]?.cells.map((c) => c.active)).toEqual([2, 1, 0]);
  });

  it('period 0 leaves out only zero-length subscriptions', () => {
    const table = cohortRetention(
      [
        { startedAt: '2025-01-10', endedAt: '2025-01-10' },
        { startedAt: '2025-01-10', endedAt: '2025-01-11' },
        { startedAt: '2025-01-12' },
      ],
      { period: 'month', asOf: '2025-02-01' },
    );
    expect(table.cohorts[0]?.cells.map((c) => [c.active, c.atStart])).toEqual([
      [2, 3],
      [1, 3],
    ]);
  });

  it('uses ISO weeks starting Monday (UTC), labelled by ISO week-numbering year', () => {
    const table = cohortRetention(
      [
        { id: 'mon', startedAt: '2024-12-30T00:00:00Z' }, // Monday of 2025-W01
        { id: 'sun', startedAt: '2025-01-05T23:59:59Z' }, // Sunday of 2025-W01
        { id: 'next', startedAt: '2025-01-06T00:00:00Z' }, // Monday of 2025-W02
        { id: 'w53', startedAt: '2021-01-03T12:00:00Z', endedAt: '2021-01-12' }, // Sunday of 2020-W53
        { id: 'w01', startedAt: '2026-01-01T08:00:00Z' }, // Thursday of 2026-W01
        { id: 'local', startedAt: '2025-01-06T00:30:00+01:00' }, // Sunday 23:30 UTC: 2025-W01
      ],
      { period: 'week', asOf: '2026-01-20' },
    );
    expect(table.cohorts.map((row) => [row.cohort, row.start, row.size])).toEqual([
      ['2020-W53', '2020-12-28T00:00:00.000Z', 1],
      ['2025-W01', '2024-12-30T00:00:00.000Z', 3],
      ['2025-W02', '2025-01-06T00:00:00.000Z', 1],
      ['2026-W01', '2025-12-29T00:00:00.000Z', 1],
    ]);
    // 2020-W53: active at its start, Jan 4 and Jan 11 (ends Jan 12), gone by Jan 18.
    expect(table.cohorts[0]?.cells.slice(0, 4).map((c) => c.active)).toEqual([1, 1, 1, 0]);
    // 2026-W01 started 2025-12-29; boundaries Jan 5, 12 and 19 have passed by Jan 20.
    expect(table.cohorts[3]?.cells.map((c) => c.period)).toEqual([0, 1, 2, 3]);
  });

  it('uses calendar quarters', () => {
    const table = cohortRetention(
      [
        { startedAt: '2025-05-15', endedAt: '2025-08-01' },
        { startedAt: '2025-06-30T23:00:00Z' },
        { startedAt: '2025-07-01' },
      ],
      { period: 'quarter', asOf: '2026-01-01' },
    );
    expect(table.cohorts.map((row) => [row.cohort, row.start, row.cells.map((c) => c.active)])).toEqual([
      ['2025-Q2', '2025-04-01T00:00:00.000Z', [2, 2, 1, 1]],
      ['2025-Q3', '2025-07-01T00:00:00.000Z', [1, 1, 1]],
    ]);
  });

  it('handles years before 100 without Date.UTC’s 1900 shift', () => {
    const table = cohortRetention([{ startedAt: '0050-03-15' }], { period: 'month', asOf: '0050-06-01' });
    expect(table.cohorts.map((row) => [row.cohort, row.start, row.cells.length])).toEqual([
      ['0050-03', '0050-03-01T00:00:00.000Z', 4],
    ]);
  });

  it('leaves out customers who start after asOf and says so', () => {
    const table = cohortRetention([...customers, { startedAt: '2025-05-01' }], { period: 'month', asOf: '2025-04-01' });
    expect([table.n, table.excluded]).toEqual([4, 1]);
    expect(table.warnings.map((w) => w.code)).toEqual(['NOT_STARTED']);
  });

  it('passes method and confidence to the cell intervals', () => {
    const table = cohortRetention(customers, {
      period: 'month',
      asOf: '2025-04-01',
      method: 'clopper-pearson',
      confidence: 0.8,
    });
    const cell = table.cohorts[0]?.cells[2];
    const { warnings, kind, ...expected } = proportionInterval(2, 3, { method: 'clopper-pearson', confidence: 0.8 });
    expect(cell?.retained).toMatchObject(expected);
  });

  it('rejects a missing or unknown period, a missing asOf and bad records', () => {
    expect(() => cohortRetention(customers, { asOf: '2025-04-01' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/period is undefined/) }),
    );
    expect(() => cohortRetention(customers, { period: 'year' as never, asOf: '2025-04-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => cohortRetention(customers, { period: 'month' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() =>
      cohortRetention([{ startedAt: '2025-01-01' }, { startedAt: 'yesterday' }], {
        period: 'month',
        asOf: '2025-04-01',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', index: 1 }));
    expect(() => cohortRetention([{ startedAt: '2025-05-01' }], { period: 'month', asOf: '2025-04-01' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
  });
});
