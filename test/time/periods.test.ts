import { describe, expect, it } from 'vitest';
import { calendarPeriod, nextPeriod, previousPeriod } from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

describe('calendarPeriod', () => {
  it('reads the calendar in the given zone: 2026-03-31T22:30Z is April in Berlin, March in UTC', () => {
    const berlin = calendarPeriod('2026-03-31T22:30Z', { period: 'month', timeZone: 'Europe/Berlin' });
    expect(berlin).toEqual({
      kind: 'calendar-period',
      period: 'month',
      timeZone: 'Europe/Berlin',
      label: '2026-04',
      startDate: '2026-04-01',
      // 00:00 CEST (UTC+2) and 00:00 on 1 May, also CEST
      start: '2026-03-31T22:00:00.000Z',
      end: '2026-04-30T22:00:00.000Z',
    });
    expect(calendarPeriod('2026-03-31T22:30Z', { period: 'month', timeZone: 'UTC' }).label).toBe('2026-03');
  });

  it('a day across a DST change lasts 23 or 25 hours', () => {
    const spring = calendarPeriod('2026-03-08T12:00Z', { period: 'day', timeZone: 'America/New_York' });
    expect([spring.start, spring.end]).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    const fall = calendarPeriod('2026-11-01T12:00Z', { period: 'day', timeZone: 'America/New_York' });
    expect(Date.parse(fall.end) - Date.parse(fall.start)).toBe(25 * 3_600_000);
  });

  it('a month that starts in a DST gap at midnight starts at the jump', () => {
    // America/Santiago: clocks went from 00:00 to 01:00 on 2024-09-08 (tz database 2024a)
    const day = calendarPeriod('2024-09-08T12:00Z', { period: 'day', timeZone: 'America/Santiago' });
    expect(day.start).toBe('2024-09-08T04:00:00.000Z');
    expect(Date.parse(day.end) - Date.parse(day.start)).toBe(23 * 3_600_000);
  });

  it('ISO weeks belong to the year of their Thursday', () => {
    const cases: [string, string][] = [
      ['2026-01-01', '2026-W01'], // a Thursday
      ['2027-01-01', '2026-W53'], // a Friday: 2026 has 53 ISO weeks
      ['2024-12-30', '2025-W01'], // a Monday
      ['2021-01-03', '2020-W53'], // a Sunday
      ['2026-12-31', '2026-W53'],
    ];
    for (const [date, label] of cases) {
      expect(calendarPeriod(date, { period: 'week', timeZone: 'UTC' }).label, date).toBe(label);
    }
  });

  it('weeks may start on another weekday', () => {
    const p = calendarPeriod('2026-04-08T10:00Z', { period: 'week', timeZone: 'UTC', weekStart: 'sun' });
    expect([p.label, p.startDate, p.weekStart]).toEqual(['week of 2026-04-05', '2026-04-05', 'sun']);
    expect(Date.parse(p.end) - Date.parse(p.start)).toBe(7 * 86_400_000);
  });

  it('labels quarters and years, and honours half-hour offsets', () => {
    const q = calendarPeriod('2026-05-10', { period: 'quarter', timeZone: 'Asia/Kolkata' });
    expect([q.label, q.start]).toEqual(['2026-Q2', '2026-03-31T18:30:00.000Z']);
    const y = calendarPeriod(Date.UTC(2026, 11, 31, 23), { period: 'year', timeZone: 'Asia/Tokyo' });
    expect([y.label, y.start]).toEqual(['2027', '2026-12-31T15:00:00.000Z']);
  });

  it('accepts a Date, an ISO string and epoch ms alike', () => {
    const o = { period: 'day', timeZone: 'Europe/Warsaw' } as const;
    const t = Date.UTC(2026, 4, 1, 12);
    expect(calendarPeriod(new Date(t), o)).toEqual(calendarPeriod(t, o));
    expect(calendarPeriod('2026-05-01T12:00Z', o)).toEqual(calendarPeriod(t, o));
  });

  it('refuses a period or zone that does not exist, naming it', () => {
    const zone = thrown(() => calendarPeriod('2026-05-01', { period: 'month', timeZone: 'Europe/Atlantis' }));
    expect([zone.code, zone.value]).toEqual(['INVALID_OPTION', 'Europe/Atlantis']);
    expect(zone.message).toMatch(/calendarPeriod: timeZone is "Europe\/Atlantis"/);
    const period = thrown(() => calendarPeriod('2026-05-01', { period: 'fortnight' as never, timeZone: 'UTC' }));
    expect([period.code, period.value]).toEqual(['INVALID_OPTION', 'fortnight']);
    expect(period.message).toMatch(/period is "fortnight"; expected one of 'day'/);
    expect(thrown(() => calendarPeriod('2026-05-01', { period: 'day' } as never)).message).toMatch(
      /timeZone is required/,
    );
    expect(
      thrown(() => calendarPeriod('2026-05-01', { period: 'week', timeZone: 'UTC', weekStart: 'monday' as never }))
        .value,
    ).toBe('monday');
    expect(thrown(() => calendarPeriod('05/01/2026', { period: 'day', timeZone: 'UTC' })).code).toBe('INVALID_VALUE');
    expect(
      thrown(() => calendarPeriod('2026-05-01', { period: 'day', timeZone: 'UTC', zone: 'UTC' } as never)).code,
    ).toBe('INVALID_OPTION');
  });
});

describe('nextPeriod and previousPeriod', () => {
  it('step on the local calendar, so months keep their names across DST', () => {
    const jan = calendarPeriod('2026-01-31', { period: 'month', timeZone: 'Europe/Berlin' });
    const labels = [0, 1, 2, 3].map((k) => nextPeriod(jan, k).label);
    expect(labels).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(nextPeriod(jan, 2).end).toBe('2026-03-31T22:00:00.000Z'); // CEST from 29 March
    expect(previousPeriod(jan, 13).label).toBe('2024-12');
  });

  it('next starts where this one ends and previous undoes next', () => {
    const q = calendarPeriod('2026-12-15', { period: 'quarter', timeZone: 'America/Los_Angeles' });
    expect(nextPeriod(q).start).toBe(q.end);
    expect(nextPeriod(q).label).toBe('2027-Q1');
    expect(previousPeriod(nextPeriod(q))).toEqual(q);
  });

  it('refuses a value that is not a CalendarPeriod and steps that are not whole', () => {
    const d = calendarPeriod('2026-05-01', { period: 'day', timeZone: 'UTC' });
    expect(thrown(() => nextPeriod({ ...d, startDate: 'May 1' })).message).toMatch(/startDate is "May 1"/);
    expect(thrown(() => nextPeriod({ ...d, timeZone: 'Mars/Olympus' })).value).toBe('Mars/Olympus');
    expect(thrown(() => nextPeriod(d, 1.5)).code).toBe('INVALID_OPTION');
    expect(thrown(() => previousPeriod(null as never)).code).toBe('INVALID_VALUE');
  });
});
