import { describe, expect, it } from 'vitest';
import { type CalendarUnit, calendarPeriod, nextPeriod, previousPeriod } from '../../src/index.ts';
import { dayStart, dayStarts } from '../../src/time/periods.ts';
import { fc } from '../helpers/fc.ts';

// Northern and southern DST, midnight changes (Santiago, Havana), a 30-minute change (Lord Howe),
// half-hour and 45-minute offsets, a zone that skipped a whole day (Apia, end of 2011) and UTC.
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'UTC',
];
const UNITS: CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const localDate = (t: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);

const arbitraries = {
  // Dates, not numbers: numeric timestamps must be from 2000 on (epoch seconds are refused).
  t: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
  timeZone: fc.constantFrom(...ZONES),
  period: fc.constantFrom(...UNITS),
  weekStart: fc.constantFrom(...WEEKDAYS),
};

describe('calendar periods (properties)', () => {
  it('the period contains the instant: start ≤ t < end, and starts on its local start date', () => {
    fc.assert(
      fc.property(fc.record(arbitraries), ({ t, timeZone, period, weekStart }) => {
        const p = calendarPeriod(new Date(t), { period, timeZone, weekStart });
        const start = Date.parse(p.start);
        const end = Date.parse(p.end);
        expect(start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(end);
        expect(localDate(start, timeZone)).toBe(p.startDate);
        // The instant before the start is on an earlier local date (the period starts at midnight,
        // or at the jump where midnight does not exist).
        expect(localDate(start - 1, timeZone) < p.startDate).toBe(true);
      }),
      { seed: 11_001 },
    );
  });

  it('periods tile time: next starts where this ends, previous undoes next, both ends map back', () => {
    fc.assert(
      fc.property(
        fc.record(arbitraries),
        fc.integer({ min: -30, max: 30 }),
        ({ t, timeZone, period, weekStart }, k) => {
          const p = calendarPeriod(new Date(t), { period, timeZone, weekStart });
          const next = nextPeriod(p);
          expect(next.start).toBe(p.end);
          expect(previousPeriod(next)).toEqual(p);
          expect(previousPeriod(nextPeriod(p, k), k)).toEqual(p);
          expect(calendarPeriod(p.start, { period, timeZone, weekStart })).toEqual(p);
          expect(calendarPeriod(new Date(Date.parse(p.end) - 1), { period, timeZone, weekStart })).toEqual(p);
        },
      ),
      { seed: 11_002, numRuns: 150 },
    );
  });

  it('a period lasts its days ± the DST shifts inside it', () => {
    fc.assert(
      fc.property(fc.record(arbitraries), ({ t, timeZone, period, weekStart }) => {
        const p = calendarPeriod(new Date(t), { period, timeZone, weekStart });
        const hours = (Date.parse(p.end) - Date.parse(p.start)) / 3_600_000;
        const days = { day: [1, 1], week: [7, 7], month: [28, 31], quarter: [90, 92], year: [365, 366] }[period];
        // Apia skipped 30 December 2011 entirely; otherwise shifts are at most a few hours.
        expect(hours).toBeGreaterThanOrEqual((days[0] as number) * 24 - 24);
        expect(hours).toBeLessThanOrEqual((days[1] as number) * 24 + 3);
      }),
      { seed: 11_003 },
    );
  });
});

describe('dayStarts (sequential day starts)', () => {
  it('equals dayStart for every day of a run, across DST changes and midnight gaps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1995, 0, 1) / 86_400_000, max: Date.UTC(2035, 0, 1) / 86_400_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(...ZONES),
        (firstDay, count, timeZone) => {
          const fast = dayStarts(firstDay, count, timeZone);
          expect(fast).toEqual(Array.from({ length: count }, (_, i) => dayStart(firstDay + i, timeZone)));
        },
      ),
      { seed: 11_004, numRuns: 40 },
    );
  });
});
