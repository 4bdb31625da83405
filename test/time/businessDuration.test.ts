import { describe, expect, it } from 'vitest';
import { businessDuration, type Schedule } from '../../src/time/businessDuration.ts';
import { zonedTimeToUtc } from '../../src/time/zonedTime.ts';

// Expected values are derived by hand in the comments. The 2026 transitions they rely on (read
// off Intl with timeZoneName 'longOffset' at 15-minute steps, and matching the tz database rules):
//   America/New_York    Sun 03-08 02:00 EST → 03:00 EDT (07:00Z); Sun 11-01 02:00 EDT → 01:00 EST (06:00Z)
//   Europe/Warsaw       Sun 03-29 02:00 CET → 03:00 CEST (01:00Z); Sun 10-25 03:00 CEST → 02:00 CET (01:00Z)
//   Australia/Sydney    Sun 04-05 03:00 AEDT → 02:00 AEST (04-04 16:00Z); Sun 10-04 02:00 AEST → 03:00 AEDT (10-03 16:00Z)
//   America/Santiago    Sat 04-04 24:00 −03 → 23:00 −04 (04-05 03:00Z); Sun 09-06 00:00 −04 → 01:00 −03 (04:00Z)
//   Australia/Lord_Howe Sun 04-05 02:00 +11 → 01:30 +10:30 (04-04 15:00Z); Sun 10-04 02:00 +10:30 → 02:30 +11
//   Asia/Kolkata        +05:30 all year
const H = 3_600_000;
const MIN = 60_000;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function every(days: readonly (typeof DAYS)[number][], ...windows: [string, string][]): Schedule['week'] {
  return Object.fromEntries(days.map((d) => [d, windows]));
}
const weekdays = (...windows: [string, string][]) => every(['mon', 'tue', 'wed', 'thu', 'fri'], ...windows);
const allWeek = (...windows: [string, string][]) => every(DAYS, ...windows);
const nineToFive = (timeZone: string, holidays?: string[]): Schedule => ({
  timeZone,
  week: weekdays(['09:00', '17:00']),
  ...(holidays === undefined ? {} : { holidays }),
});

describe('businessDuration: the documented examples', () => {
  it('09:00–17:00 Mon and Fri from Fri 16:00 to Mon 10:00 New York = 1 h + 1 h over the spring-forward weekend', () => {
    // Fri 2026-03-06 16:00 EST = 21:00Z; Mon 2026-03-09 10:00 EDT = 14:00Z. 7 200 000 ms.
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
    };
    expect(businessDuration('2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z', schedule)).toBe(2 * H);
    expect(businessDuration('2026-03-07T12:00:00Z', '2026-03-08T12:00:00Z', schedule)).toBe(0);
  });
});

describe('businessDuration across DST changes', () => {
  const sunday = (timeZone: string, ...windows: [string, string][]): Schedule => ({ timeZone, week: { sun: windows } });

  it('America/New_York spring forward: 01:00–04:00 is 2 h, a whole day 23 h', () => {
    // Sun 2026-03-08 00:00 EST = 05:00Z … Mon 00:00 EDT = 04:00Z (23 h). 02:00–03:00 never happens:
    // 01:00–04:00 is 01:00–02:00 EST + 03:00–04:00 EDT = 2 h; 00:00–24:00 is 23 h = 82 800 000 ms.
    const from = '2026-03-08T05:00:00Z';
    const to = '2026-03-09T04:00:00Z';
    expect(businessDuration(from, to, sunday('America/New_York', ['01:00', '04:00']))).toBe(2 * H);
    expect(businessDuration(from, to, sunday('America/New_York', ['00:00', '24:00']))).toBe(23 * H);
    // A window inside the gap is empty; one starting in it starts at the jump (03:00 EDT).
    expect(businessDuration(from, to, sunday('America/New_York', ['02:00', '03:00']))).toBe(0);
    expect(businessDuration(from, to, sunday('America/New_York', ['02:30', '05:00']))).toBe(2 * H);
  });

  it('America/New_York fall back: 01:00–04:00 is 4 h, a whole day 25 h', () => {
    // Sun 2026-11-01 00:00 EDT = 04:00Z … Mon 00:00 EST = 05:00Z (25 h). 01:00–02:00 happens twice:
    // 01:00–04:00 is 1 h EDT + 1 h EST + 02:00–04:00 (2 h) = 4 h; 00:00–24:00 is 25 h = 90 000 000 ms.
    const from = '2026-11-01T04:00:00Z';
    const to = '2026-11-02T05:00:00Z';
    expect(businessDuration(from, to, sunday('America/New_York', ['01:00', '04:00']))).toBe(4 * H);
    expect(businessDuration(from, to, sunday('America/New_York', ['00:00', '24:00']))).toBe(25 * H);
    // Only the second 01:00–02:00 (06:00Z–07:00Z) lies in this span: 1 h of the repeated hour + 2 h.
    expect(businessDuration('2026-11-01T06:00:00Z', to, sunday('America/New_York', ['01:00', '04:00']))).toBe(3 * H);
  });

  it('counts a wall time in the repeated hour every time the clock shows it', () => {
    // New York, Sun 2026-11-01. 00:00–01:30 = 00:00–01:00 (1 h) + 01:00–01:30 EDT + 01:00–01:30 EST = 2 h.
    const from = '2026-11-01T04:00:00Z';
    const to = '2026-11-02T05:00:00Z';
    expect(businessDuration(from, to, sunday('America/New_York', ['00:00', '01:30']))).toBe(2 * H);
    // A break 01:15–01:45 is a break both times: 00:00–03:00 is 4 h of real time, minus 2 × 30 min = 3 h.
    const split = sunday('America/New_York', ['00:00', '01:15'], ['01:45', '03:00']);
    expect(businessDuration(from, to, split)).toBe(3 * H);
    // Touching windows never count an instant twice: 00:00–01:30 + 01:30–03:00 = 00:00–03:00 = 4 h.
    const touching = sunday('America/New_York', ['00:00', '01:30'], ['01:30', '03:00']);
    expect(businessDuration(from, to, touching)).toBe(4 * H);
  });

  it('Europe/Warsaw spring forward and fall back', () => {
    // Sun 2026-03-29 00:00 CET = 03-28 23:00Z … Mon 00:00 CEST = 03-29 22:00Z (23 h); 02:00–03:00 missing.
    const spring = ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'] as const;
    expect(businessDuration(...spring, sunday('Europe/Warsaw', ['01:00', '04:00']))).toBe(2 * H);
    expect(businessDuration(...spring, sunday('Europe/Warsaw', ['00:00', '24:00']))).toBe(23 * H);
    // Sun 2026-10-25 00:00 CEST = 10-24 22:00Z … Mon 00:00 CET = 10-25 23:00Z (25 h); 02:00–03:00 twice.
    const fall = ['2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'] as const;
    expect(businessDuration(...fall, sunday('Europe/Warsaw', ['01:00', '04:00']))).toBe(4 * H);
    expect(businessDuration(...fall, sunday('Europe/Warsaw', ['00:00', '24:00']))).toBe(25 * H);
  });

  it('Europe/Warsaw office hours over the DST weekend: Fri 12:00 → Mon 12:00 is 4 h + 4 h', () => {
    // Fri 2026-03-27 12:00 CET = 11:00Z; Mon 2026-03-30 12:00 CEST = 10:00Z (71 h of calendar time).
    // 08:00–16:00 weekdays: Fri 12–16 (4 h) + Mon 08–12 (4 h) = 8 h = 28 800 000 ms.
    const schedule: Schedule = { timeZone: 'Europe/Warsaw', week: weekdays(['08:00', '16:00']) };
    expect(businessDuration('2026-03-27T11:00:00Z', '2026-03-30T10:00:00Z', schedule)).toBe(8 * H);
  });

  it('Australia/Sydney (southern hemisphere): DST ends in April and starts in October', () => {
    // Sun 2026-04-05 00:00 AEDT = 04-04 13:00Z … Mon 00:00 AEST = 04-05 14:00Z (25 h); 02:00–03:00 twice.
    const april = ['2026-04-04T13:00:00Z', '2026-04-05T14:00:00Z'] as const;
    expect(businessDuration(...april, sunday('Australia/Sydney', ['00:00', '24:00']))).toBe(25 * H);
    expect(businessDuration(...april, sunday('Australia/Sydney', ['02:00', '03:00']))).toBe(2 * H);
    expect(businessDuration(...april, sunday('Australia/Sydney', ['01:00', '04:00']))).toBe(4 * H);
    // Sun 2026-10-04 00:00 AEST = 10-03 14:00Z … Mon 00:00 AEDT = 10-04 13:00Z (23 h); 02:00–03:00 missing.
    const october = ['2026-10-03T14:00:00Z', '2026-10-04T13:00:00Z'] as const;
    expect(businessDuration(...october, sunday('Australia/Sydney', ['00:00', '24:00']))).toBe(23 * H);
    expect(businessDuration(...october, sunday('Australia/Sydney', ['01:00', '04:00']))).toBe(2 * H);
  });

  it('Australia/Sydney weekday hours use the summer offset in January (UTC+11)', () => {
    // Mon 2026-01-05 09:00 AEDT = 01-04 22:00Z; 17:00 AEDT = 01-05 06:00Z. Span 01-04 20:00Z … 01-05 08:00Z
    // is Mon 07:00–19:00 local: 8 h of the 09:00–17:00 window.
    expect(businessDuration('2026-01-04T20:00:00Z', '2026-01-05T08:00:00Z', nineToFive('Australia/Sydney'))).toBe(
      8 * H,
    );
    // The same UTC span shifted into July (UTC+10): 06:00–18:00 local, still 8 h.
    expect(businessDuration('2026-07-05T20:00:00Z', '2026-07-06T08:00:00Z', nineToFive('Australia/Sydney'))).toBe(
      8 * H,
    );
    // 10 h earlier in UTC would be Sun 21:00 – Mon 09:00 local in July: nothing.
    expect(businessDuration('2026-07-05T11:00:00Z', '2026-07-05T23:00:00Z', nineToFive('Australia/Sydney'))).toBe(0);
  });

  it('zones whose clocks change at midnight or by 30 minutes (Santiago, Lord Howe)', () => {
    // Santiago: Sat 2026-04-04 00:00 −03 = 03:00Z … Sun 00:00 −04 = 04-05 04:00Z: 25 h (23:00–24:00 twice).
    const santiago = (day: 'sat' | 'sun'): Schedule => ({
      timeZone: 'America/Santiago',
      week: { [day]: [['00:00', '24:00']] },
    });
    expect(businessDuration('2026-04-04T03:00:00Z', '2026-04-05T04:00:00Z', santiago('sat'))).toBe(25 * H);
    // Sun 2026-09-06 starts at 01:00 −03 = 04:00Z (00:00–01:00 never happens) … Mon 00:00 −03 = 09-07 03:00Z: 23 h.
    expect(businessDuration('2026-09-05T00:00:00Z', '2026-09-08T00:00:00Z', santiago('sun'))).toBe(23 * H);
    // Lord Howe: Sun 2026-10-04 00:00 +10:30 = 10-03 13:30Z … Mon 00:00 +11 = 10-04 13:00Z: 23.5 h.
    const lordHowe: Schedule = { timeZone: 'Australia/Lord_Howe', week: { sun: [['00:00', '24:00']] } };
    expect(businessDuration('2026-10-03T00:00:00Z', '2026-10-06T00:00:00Z', lordHowe)).toBe(23.5 * H);
    // Sun 2026-04-05 00:00 +11 = 04-04 13:00Z … Mon 00:00 +10:30 = 04-05 13:30Z: 24.5 h.
    expect(businessDuration('2026-04-04T00:00:00Z', '2026-04-07T00:00:00Z', lordHowe)).toBe(24.5 * H);
  });

  it('a 24/7 schedule equals calendar time exactly across DST changes', () => {
    const ny: Schedule = { timeZone: 'America/New_York', week: allWeek(['00:00', '24:00']) };
    // March 2026 in UTC: 31 days = 2 678 400 000 ms, spring-forward included.
    expect(businessDuration('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', ny)).toBe(31 * 24 * H);
    // Local Sun 2026-11-01 00:00 EDT to local Mon 00:00 EST: 25 h.
    expect(businessDuration('2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', ny)).toBe(25 * H);
    // A whole year in Sydney (both changes): 365 days.
    const sydney: Schedule = { timeZone: 'Australia/Sydney', week: allWeek(['00:00', '24:00']) };
    expect(businessDuration('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', sydney)).toBe(365 * 24 * H);
    // Sub-second precision survives: 1 ms and 1.5 s spans.
    expect(businessDuration(1_000_000_000_000, 1_000_000_000_001, sydney)).toBe(1);
    expect(businessDuration('2026-04-04T15:59:59.250Z', '2026-04-04T16:00:00.750Z', sydney)).toBe(1500);
  });
});

describe('businessDuration: half-hour offsets', () => {
  it('Asia/Kolkata (UTC+05:30): 09:30–18:00 opens at 04:00Z', () => {
    const schedule: Schedule = { timeZone: 'Asia/Kolkata', week: weekdays(['09:30', '18:00']) };
    // Mon 2026-03-09 00:00Z = 05:30 IST … 06:00Z = 11:30 IST: 09:30–11:30 = 2 h.
    expect(businessDuration('2026-03-09T00:00:00Z', '2026-03-09T06:00:00Z', schedule)).toBe(2 * H);
    // 03:59Z–04:01Z = 09:29–09:31 IST: only 09:30–09:31 counts, 60 000 ms.
    expect(businessDuration('2026-03-09T03:59:00Z', '2026-03-09T04:01:00Z', schedule)).toBe(MIN);
    // A whole week: 5 × 8.5 h = 42.5 h = 153 000 000 ms (Mon 00:00 IST = Sun 18:30Z).
    expect(businessDuration('2026-03-08T18:30:00Z', '2026-03-15T18:30:00Z', schedule)).toBe(42.5 * H);
  });
});

describe('businessDuration: holidays', () => {
  it('a holiday is a whole local day with no hours', () => {
    // New York 09:00–17:00, Mon 2026-12-21 00:00 EST (05:00Z) to Mon 12-28 00:00 EST, Fri 12-25 a holiday:
    // Mon–Thu = 4 × 8 h = 32 h = 115 200 000 ms.
    const from = '2026-12-21T05:00:00Z';
    const to = '2026-12-28T05:00:00Z';
    expect(businessDuration(from, to, nineToFive('America/New_York'))).toBe(40 * H);
    expect(businessDuration(from, to, nineToFive('America/New_York', ['2026-12-25']))).toBe(32 * H);
    // A holiday on a weekend or outside the span changes nothing.
    expect(businessDuration(from, to, nineToFive('America/New_York', ['2026-12-26', '2025-12-25']))).toBe(40 * H);
  });

  it('holidays follow the schedule’s local calendar, not UTC', () => {
    // Sydney is UTC+11 in December: local 2026-12-25 is 12-24 13:00Z … 12-25 13:00Z. Of the UTC day
    // 12-25 00:00Z … 12-26 00:00Z, 13 h are the local holiday and 11 h (local 12-26 00:00–11:00) are not.
    const schedule: Schedule = {
      timeZone: 'Australia/Sydney',
      week: allWeek(['00:00', '24:00']),
      holidays: ['2026-12-25'],
    };
    expect(businessDuration('2026-12-25T00:00:00Z', '2026-12-26T00:00:00Z', schedule)).toBe(11 * H);
  });

  it('a holiday on a fall-back day removes all 25 hours', () => {
    // New York 24/7, local Sat 2026-10-31 00:00 EDT (04:00Z) … Tue 11-03 00:00 EST (05:00Z) = 73 h;
    // holiday Sun 11-01 (25 h) leaves 48 h.
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      week: allWeek(['00:00', '24:00']),
      holidays: ['2026-11-01'],
    };
    expect(businessDuration('2026-10-31T04:00:00Z', '2026-11-03T05:00:00Z', schedule)).toBe(48 * H);
  });
});

describe('businessDuration: windows', () => {
  it('split shifts count only the hours in each window', () => {
    // Warsaw Mon 09:00–12:00 and 13:00–17:00; Mon 2026-06-01 10:00–14:00 CEST = 08:00Z–12:00Z: 2 h + 1 h.
    const schedule: Schedule = {
      timeZone: 'Europe/Warsaw',
      week: {
        mon: [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
      },
    };
    expect(businessDuration('2026-06-01T08:00:00Z', '2026-06-01T12:00:00Z', schedule)).toBe(3 * H);
    // The lunch hour alone: 0. The whole day: 7 h.
    expect(businessDuration('2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z', schedule)).toBe(0);
    expect(businessDuration('2026-05-31T22:00:00Z', '2026-06-01T22:00:00Z', schedule)).toBe(7 * H);
  });

  it("'24:00' ends the day: a night shift Fri 18:00–24:00 + Sat 00:00–06:00", () => {
    // New York, Fri 2026-06-05 20:00 EDT (06-06 00:00Z) … Sat 08:00 EDT (12:00Z): Fri 20–24 (4 h) + Sat 00–06 (6 h).
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      week: { fri: [['18:00', '24:00']], sat: [['00:00', '06:00']] },
    };
    expect(businessDuration('2026-06-06T00:00:00Z', '2026-06-06T12:00:00Z', schedule)).toBe(10 * H);
    // Across the fall-back night: Sat 2026-10-31 22:00–24:00 (2 h) + Sun 11-01 00:00–02:00, which is
    // 00:00–01:00 + 01:00–02:00 EDT + 01:00–02:00 EST = 3 h. 5 h in all.
    const night: Schedule = {
      timeZone: 'America/New_York',
      week: { sat: [['22:00', '24:00']], sun: [['00:00', '02:00']] },
    };
    expect(businessDuration('2026-10-31T12:00:00Z', '2026-11-01T12:00:00Z', night)).toBe(5 * H);
  });

  it('days with no hours and empty schedules give 0', () => {
    const closed: Schedule = { timeZone: 'Europe/Warsaw', week: {} };
    expect(businessDuration('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', closed)).toBe(0);
    const emptyDays: Schedule = { timeZone: 'Europe/Warsaw', week: { mon: [], tue: [] } };
    expect(businessDuration('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', emptyDays)).toBe(0);
  });
});

describe('businessDuration: spans', () => {
  const ny = nineToFive('America/New_York');

  it('start == end gives 0, in or out of hours', () => {
    expect(businessDuration('2026-06-01T15:00:00Z', '2026-06-01T15:00:00Z', ny)).toBe(0);
    expect(businessDuration(Date.UTC(2026, 5, 1), Date.UTC(2026, 5, 1), ny)).toBe(0);
  });

  it('both ends outside hours count the whole windows between them', () => {
    // Mon 2026-06-01 07:00 EDT (11:00Z) … 20:00 EDT (06-02 00:00Z): the 8 h window.
    expect(businessDuration('2026-06-01T11:00:00Z', '2026-06-02T00:00:00Z', ny)).toBe(8 * H);
    // Tue 06-02 06:00 EDT (10:00Z) … Thu 06-04 22:00 EDT (06-05 02:00Z): Tue, Wed, Thu = 24 h.
    expect(businessDuration('2026-06-02T10:00:00Z', '2026-06-05T02:00:00Z', ny)).toBe(24 * H);
    // Sat 06-06 noon … Sun 06-07 noon: nothing.
    expect(businessDuration('2026-06-06T16:00:00Z', '2026-06-07T16:00:00Z', ny)).toBe(0);
  });

  it('a ticket open for two weeks across the spring-forward change', () => {
    // Mon 2026-03-02 09:00 EST (14:00Z) … Mon 03-16 09:00 EDT (13:00Z): 10 weekdays × 8 h = 80 h.
    expect(businessDuration('2026-03-02T14:00:00Z', '2026-03-16T13:00:00Z', ny)).toBe(80 * H);
  });

  it('a ticket open for a whole year, with and without US federal holidays', () => {
    // Local 2026-01-01 00:00 EST (05:00Z) … 2027-01-01 00:00 EST. 2026 starts on a Thursday and has
    // 365 = 52 × 7 + 1 days, the extra one Thu 12-31: 52 × 5 + 1 = 261 weekdays × 8 h = 2 088 h.
    const from = '2026-01-01T05:00:00Z';
    const to = '2027-01-01T05:00:00Z';
    expect(businessDuration(from, to, ny)).toBe(2088 * H);
    // The 11 federal holidays of 2026 all fall on weekdays (Jul 3 is Independence Day observed):
    // 250 days × 8 h = 2 000 h = 7 200 000 000 ms.
    const federal = [
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ];
    expect(businessDuration(from, to, nineToFive('America/New_York', federal))).toBe(2000 * H);
  });

  it('works at the ends of the Date range', () => {
    const utc: Schedule = { timeZone: 'UTC', week: allWeek(['00:00', '24:00']) };
    // The first days only as Dates: numbers before 2000 are refused (they look like epoch seconds).
    expect(businessDuration(new Date(-8.64e15), new Date(-8.64e15 + 5 * 86_400_000), utc)).toBe(120 * H);
    // The last two days a Date can hold are Thu and Fri +275760-09-11 and 12 (day 10⁸ is a Saturday): 2 × 8 h.
    expect(businessDuration(8.64e15 - 2 * 86_400_000, 8.64e15, nineToFive('Europe/Warsaw'))).toBe(16 * H);
  });
});

describe('businessDuration: timestamps', () => {
  const utc: Schedule = { timeZone: 'UTC', week: allWeek(['00:00', '24:00']) };
  const at = Date.UTC(2026, 2, 6, 21, 0);

  it('accepts Dates, epoch milliseconds and ISO-8601 strings alike', () => {
    for (const start of [
      new Date(at),
      at,
      '2026-03-06T21:00:00Z',
      '2026-03-06T22:00:00+01:00',
      '2026-03-06T16:00-0500',
    ]) {
      expect(businessDuration(start, at + H, utc)).toBe(H);
    }
  });

  it('reads a date-time without an offset, and a bare date, as UTC — never local time', () => {
    expect(businessDuration('2026-03-06T21:00:00', at + H, utc)).toBe(H);
    expect(businessDuration('2026-03-06 21:00', at + H, utc)).toBe(H);
    expect(businessDuration('2026-03-06', '2026-03-07', utc)).toBe(24 * H);
    expect(businessDuration('2026-03-06T21:00:00.5', at + H, utc)).toBe(H - 500);
  });

  it('rejects unreadable timestamps with INVALID_VALUE', () => {
    const bad = [
      '05/01/2026',
      '2026-02-30',
      '2026-13-01',
      '2026-03-06T25:00',
      'yesterday',
      '',
      Number.NaN,
      Infinity,
      9e15,
      new Date(Number.NaN),
      null,
      {},
    ];
    for (const value of bad) {
      expect(() => businessDuration(value as never, at, utc)).toThrow(
        expect.objectContaining({ name: 'CxMetricsError', code: 'INVALID_VALUE' }),
      );
    }
    expect(() => businessDuration(at, '2026-02-30', utc)).toThrow(
      /businessDuration: end is "2026-02-30"; expected an ISO-8601/,
    );
  });

  it('rejects an end before the start with INVALID_VALUE', () => {
    expect(() => businessDuration(at + 1, at, utc)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => businessDuration(at + 1, at, utc)).toThrow(
      /businessDuration: end \(2026-03-06T21:00:00.000Z\) is before start/,
    );
  });
});

describe('businessDuration: schedule validation (INVALID_OPTION, path in the message)', () => {
  const at = Date.UTC(2026, 2, 6);
  const check = (schedule: unknown, message: RegExp) => {
    let error: unknown;
    try {
      businessDuration(at, at + H, schedule as Schedule);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'CxMetricsError', code: 'INVALID_OPTION' });
    expect((error as Error).message).toMatch(/^businessDuration: /);
    expect((error as Error).message).toMatch(message);
  };
  const week = { mon: [['09:00', '17:00']] };

  it('an unknown time zone', () => {
    check({ timeZone: 'Mars/Olympus_Mons', week }, /schedule\.timeZone is "Mars\/Olympus_Mons"/);
    check({ timeZone: '', week }, /schedule\.timeZone is ""/);
    check({ week }, /schedule\.timeZone is undefined/);
  });

  it("a time that is not 'HH:MM', and '24:00' as a start", () => {
    check(
      { timeZone: 'UTC', week: { mon: [['9:00', '17:00']] } },
      /schedule\.week\.mon\[0\]\[0\] is "9:00"; expected a 24-hour time 'HH:MM'/,
    );
    check(
      {
        timeZone: 'UTC',
        week: {
          mon: [
            ['09:00', '17:00'],
            ['18:00', '25:00'],
          ],
        },
      },
      /schedule\.week\.mon\[1\]\[1\] is "25:00"/,
    );
    check({ timeZone: 'UTC', week: { tue: [['24:00', '24:00']] } }, /schedule\.week\.tue\[0\]\[0\] is "24:00"/);
    check({ timeZone: 'UTC', week: { mon: [['09:60', '17:00']] } }, /week\.mon\[0\]\[0\]/);
    check({ timeZone: 'UTC', week: { mon: [[900, 1700]] } }, /week\.mon\[0\]\[0\] is 900/);
  });

  it('a window whose end is not after its start', () => {
    check(
      {
        timeZone: 'UTC',
        week: {
          mon: [
            ['09:00', '17:00'],
            ['22:00', '06:00'],
          ],
        },
      },
      /schedule\.week\.mon\[1\] is \['22:00', '06:00'\]; expected the end after the start/,
    );
    check({ timeZone: 'UTC', week: { fri: [['09:00', '09:00']] } }, /schedule\.week\.fri\[0\]/);
  });

  it('overlapping windows in a day', () => {
    check(
      {
        timeZone: 'UTC',
        week: {
          wed: [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
        },
      },
      /schedule\.week\.wed\[1\] overlaps schedule\.week\.wed\[0\]/,
    );
    // Given out of order, the later-listed window is blamed.
    check(
      {
        timeZone: 'UTC',
        week: {
          wed: [
            ['12:00', '17:00'],
            ['08:00', '10:00'],
            ['09:00', '13:00'],
          ],
        },
      },
      /wed\[2\] overlaps schedule\.week\.wed\[1\]/,
    );
  });

  it('unknown weekday keys and malformed days or windows', () => {
    check({ timeZone: 'UTC', week: { monday: [['09:00', '17:00']] } }, /schedule\.week\.monday is not a weekday/);
    check(
      { timeZone: 'UTC', week: { mon: ['09:00', '17:00'] } },
      /schedule\.week\.mon\[0\] is "09:00"; expected a window/,
    );
    check({ timeZone: 'UTC', week: { mon: [['09:00', '12:00', '17:00']] } }, /schedule\.week\.mon\[0\] is an array/);
    check({ timeZone: 'UTC', week: { mon: '09:00-17:00' } }, /schedule\.week\.mon is "09:00-17:00"/);
    check({ timeZone: 'UTC', week: [] }, /schedule\.week is an array/);
    check({ timeZone: 'UTC' }, /schedule\.week is undefined/);
  });

  it('malformed holidays', () => {
    check(
      { timeZone: 'UTC', week, holidays: ['2026-12-25', '2026-02-29'] },
      /schedule\.holidays\[1\] is "2026-02-29"; expected a calendar date 'YYYY-MM-DD'/,
    );
    check({ timeZone: 'UTC', week, holidays: ['26-12-25'] }, /schedule\.holidays\[0\]/);
    check({ timeZone: 'UTC', week, holidays: ['2026-12-25T00:00'] }, /schedule\.holidays\[0\]/);
    check({ timeZone: 'UTC', week, holidays: '2026-12-25' }, /schedule\.holidays is "2026-12-25"/);
  });

  it('a schedule that is not an object, or has a misspelt field', () => {
    check(null, /schedule is null/);
    check('UTC', /schedule is "UTC"/);
    check(
      { timeZone: 'UTC', week, holiday: ['2026-12-25'] },
      /schedule\.holiday is not a schedule field: unknown key 'holiday' \(did you mean 'holidays'\?\)/,
    );
  });

  it('is validated even for an empty span', () => {
    expect(() => businessDuration(at, at, { timeZone: 'Nowhere/Special', week: {} })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('zonedTimeToUtc', () => {
  const iso = (t: number) => new Date(t).toISOString();

  it('converts an ordinary wall time with the offset in force', () => {
    expect(iso(zonedTimeToUtc(2026, 7, 1, 9, 0, 'America/New_York'))).toBe('2026-07-01T13:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 1, 15, 9, 30, 'Asia/Kolkata'))).toBe('2026-01-15T04:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 1, 15, 9, 0, 'Australia/Sydney'))).toBe('2026-01-14T22:00:00.000Z');
  });

  it('maps a wall time in the spring-forward gap to the instant the clock jumps to', () => {
    // 2026-03-08 02:30 does not exist in New York; the clock jumps from 02:00 EST to 03:00 EDT at 07:00Z.
    expect(iso(zonedTimeToUtc(2026, 3, 8, 2, 30, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 3, 8, 2, 30, 'America/New_York', 'later'))).toBe('2026-03-08T07:00:00.000Z');
    // Santiago skips Sun 2026-09-06 00:00–01:00: midnight is the jump, 04:00Z.
    expect(iso(zonedTimeToUtc(2026, 9, 6, 0, 0, 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('gives the earlier or the later instant of a repeated wall time', () => {
    // 2026-11-01 01:30 New York happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso(zonedTimeToUtc(2026, 11, 1, 1, 30, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 11, 1, 1, 30, 'America/New_York', 'later'))).toBe('2026-11-01T06:30:00.000Z');
    // Sydney 2026-04-05 02:30 happens at 04-04 15:30Z (AEDT) and 16:30Z (AEST).
    expect(iso(zonedTimeToUtc(2026, 4, 5, 2, 30, 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 4, 5, 2, 30, 'Australia/Sydney', 'later'))).toBe('2026-04-04T16:30:00.000Z');
  });

  it('reads hour 24 as the end of the day', () => {
    expect(iso(zonedTimeToUtc(2026, 3, 28, 24, 0, 'Europe/Warsaw'))).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedTimeToUtc(2026, 12, 31, 24, 0, 'UTC')).toBe(Date.UTC(2027, 0, 1));
  });

  it('handles years before 100 and before year 1', () => {
    expect(zonedTimeToUtc(50, 6, 1, 12, 0, 'UTC')).toBe(new Date('0050-06-01T12:00:00Z').getTime());
    expect(zonedTimeToUtc(-1, 1, 1, 0, 0, 'UTC')).toBe(new Date('-000001-01-01T00:00:00Z').getTime());
  });

  it('refuses spans of more than 100 years (a unit mistake) instead of iterating for minutes', () => {
    // Found in review: ±8.64e15 ms apart took over 10 minutes, one day at a time.
    const utc = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } } as const;
    const y2000 = Date.UTC(2000, 0, 1);
    expect(() => businessDuration(y2000, 8.64e15, utc)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringContaining('at most 100 years') }),
    );
    expect(businessDuration(y2000, y2000 + 99 * 365.25 * 86_400_000, utc)).toBeGreaterThan(0);
  });
});
