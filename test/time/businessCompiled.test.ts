import { describe, expect, it } from 'vitest';
import {
  businessDuration,
  type CompiledSchedule,
  compileSchedule,
  firstResponseTime,
  type Schedule,
  slaAttainment,
  ttr,
} from '../../src/index.ts';
import { nextTransition, timeZoneFormatter } from '../../src/time/zonedTime.ts';
import { fc } from '../helpers/fc.ts';
import { slowBusinessDuration } from './businessOracle.ts';

const H = 3_600_000;
const MIN = 60_000;
const DAY = 86_400_000;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const weekdays = (window: readonly [string, string]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [window]]));

describe('compileSchedule', () => {
  const plain: Schedule = {
    timeZone: 'Europe/Warsaw',
    week: { ...weekdays(['09:00', '17:00']), sat: [['10:00', '12:00']] },
    holidays: ['2026-12-25', '2026-01-01'],
  };

  it('gives the same results as the plain schedule, DST weekends and holidays included', () => {
    const compiled = compileSchedule(plain);
    const spans: [string, string][] = [
      ['2026-03-27T11:00:00Z', '2026-03-30T10:00:00Z'], // over the spring-forward weekend
      ['2026-10-23T07:00:00Z', '2026-10-27T07:00:00Z'], // over the fall-back weekend
      ['2026-12-20T00:00:00Z', '2027-01-05T00:00:00Z'], // over both holidays and a year end
      ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
      ['2026-06-01T12:34:56.789Z', '2026-06-01T12:34:56.789Z'],
    ];
    for (const [a, b] of spans) {
      expect(businessDuration(a, b, compiled)).toBe(businessDuration(a, b, plain));
      expect(businessDuration(a, b, compiled)).toBe(slowBusinessDuration(Date.parse(a), Date.parse(b), plain));
    }
    // Fri 03-27 12:00 CET → Mon 03-30 12:00 CEST: Fri 12–17 + Sat 10–12 + Mon 09–12 = 10 h.
    expect(businessDuration(spans[0]?.[0] ?? '', spans[0]?.[1] ?? '', compiled)).toBe(10 * H);
  });

  it('is a frozen copy of the schedule that JSON writes as the plain schedule', () => {
    const compiled = compileSchedule(plain);
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.week)).toBe(true);
    expect(Object.isFrozen(compiled.week.mon)).toBe(true);
    expect(Object.isFrozen(compiled.week.mon?.[0])).toBe(true);
    expect(Object.isFrozen(compiled.holidays)).toBe(true);
    expect(Object.keys(compiled)).toEqual(['timeZone', 'week', 'holidays']);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(plain);
    expect(compiled.week).not.toBe(plain.week);
    // Without holidays there is no holidays field.
    expect(Object.keys(compileSchedule({ timeZone: 'UTC', week: {} }))).toEqual(['timeZone', 'week']);
  });

  it('is not affected by later changes to the schedule it was compiled from', () => {
    const mutable = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] as [string, string][] }, holidays: [] };
    const compiled = compileSchedule(mutable);
    (mutable.week.mon[0] as [string, string])[1] = '10:00';
    mutable.timeZone = 'Asia/Tokyo';
    expect(businessDuration('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z', compiled)).toBe(8 * H);
    expect(compiled.timeZone).toBe('UTC');
  });

  it('returns a compiled schedule unchanged, and a JSON copy of one is an ordinary schedule again', () => {
    const compiled = compileSchedule(plain);
    expect(compileSchedule(compiled)).toBe(compiled);
    const copy = JSON.parse(JSON.stringify(compiled)) as Schedule;
    expect(businessDuration('2026-12-20T00:00:00Z', '2027-01-05T00:00:00Z', copy)).toBe(
      businessDuration('2026-12-20T00:00:00Z', '2027-01-05T00:00:00Z', compiled),
    );
    // A spread copy loses the compiled data (a symbol-keyed, non-enumerable field): it is a plain
    // schedule, validated again. Day 0, 1970-01-01, was a Thursday.
    expect(businessDuration(new Date(0), new Date(DAY), { ...compiled })).toBe(8 * H);
    expect(() => businessDuration(new Date(0), new Date(DAY), { ...compiled, extra: 1 } as Schedule)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining('schedule.extra') }),
    );
  });

  it('type-checks wherever a Schedule is accepted', () => {
    const compiled: CompiledSchedule = compileSchedule(plain);
    const asSchedule: Schedule = compiled;
    expect(businessDuration('2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z', asSchedule)).toBe(8 * H);
  });

  it('is accepted as businessHours by ttr, firstResponseTime and slaAttainment, with the same results', () => {
    const tickets = [
      {
        id: 'a',
        createdAt: '2026-03-27T15:00Z',
        firstResponseAt: '2026-03-30T08:00Z',
        resolvedAt: '2026-03-31T09:00Z',
      },
      {
        id: 'b',
        createdAt: '2026-10-23T14:00Z',
        firstResponseAt: '2026-10-23T15:00Z',
        resolvedAt: '2026-10-26T12:00Z',
      },
      { id: 'c', createdAt: '2026-12-23T09:00Z', firstResponseAt: '2026-12-28T09:00Z' },
      { id: 'd', createdAt: '2026-12-30T12:00Z' },
    ];
    const asOf = '2027-01-04T12:00Z';
    const compiled = compileSchedule(plain);
    const clean = (x: object) => JSON.parse(JSON.stringify(x));
    expect(clean(ttr(tickets, { asOf, businessHours: compiled }))).toEqual(
      clean(ttr(tickets, { asOf, businessHours: plain })),
    );
    expect(clean(firstResponseTime(tickets, { asOf, businessHours: compiled }))).toEqual(
      clean(firstResponseTime(tickets, { asOf, businessHours: plain })),
    );
    expect(clean(slaAttainment(tickets, 8 * H, { asOf, businessHours: compiled }))).toEqual(
      clean(slaAttainment(tickets, 8 * H, { asOf, businessHours: plain })),
    );
  });

  it('validates once, with INVALID_OPTION errors naming compileSchedule and the path', () => {
    const bad = (schedule: unknown, message: string) =>
      expect(() => compileSchedule(schedule as Schedule)).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining(message) }),
      );
    bad({ timeZone: 'Mars/Olympus', week: {} }, 'compileSchedule: schedule.timeZone is "Mars/Olympus"');
    bad({ timeZone: 'UTC', week: { mon: [['9:00', '17:00']] } }, 'compileSchedule: schedule.week.mon[0][0] is "9:00"');
    bad(
      {
        timeZone: 'UTC',
        week: {
          wed: [
            ['09:00', '12:00'],
            ['11:00', '17:00'],
          ],
        },
      },
      'compileSchedule: schedule.week.wed[1] overlaps schedule.week.wed[0]',
    );
    bad(
      { timeZone: 'UTC', week: {}, holidays: ['2026-02-29'] },
      'compileSchedule: schedule.holidays[0] is "2026-02-29"',
    );
    bad({ timeZone: 'UTC', week: {}, holiday: [] }, 'compileSchedule: schedule.holiday is not a schedule field');
    bad(null, 'compileSchedule: schedule is null');
  });

  it('still checks the timestamps and the span when the schedule is compiled', () => {
    const compiled = compileSchedule(plain);
    expect(() => businessDuration('2026-06-02', '2026-06-01', compiled)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringContaining('before start') }),
    );
    expect(() => businessDuration('05/01/2026', '2026-06-01', compiled)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringContaining('businessDuration: start') }),
    );
    expect(() => businessDuration(new Date(0), new Date(8.64e15), compiled)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: expect.stringContaining('at most 100 years') }),
    );
  });

  it('handles duplicate and unsorted holidays, and holidays on weekends', () => {
    const s = compileSchedule({
      timeZone: 'America/New_York',
      week: weekdays(['09:00', '17:00']),
      holidays: ['2026-07-03', '2026-07-04', '2026-07-03', '2026-01-01'],
    });
    // Week of Mon 2026-06-29: Mon–Thu count, Fri 07-03 is a holiday, Sat 07-04 has no hours anyway.
    expect(businessDuration('2026-06-29T00:00:00Z', '2026-07-06T00:00:00Z', s)).toBe(32 * H);
    // 2026: 261 weekdays less two weekday holidays.
    expect(businessDuration('2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', s)).toBe(259 * 8 * H);
  });

  it('agrees with the per-day walk at the ends of the Date range and before 1970', () => {
    const all = Object.fromEntries(DAYS.map((d) => [d, [['00:00', '24:00']]]));
    const cases: [number, number, Schedule][] = [
      [-8.64e15, -8.64e15 + 5 * DAY, { timeZone: 'UTC', week: all }],
      [8.64e15 - 9 * DAY, 8.64e15, { timeZone: 'Europe/Warsaw', week: weekdays(['09:00', '17:00']) }],
      [8.64e15 - 400 * DAY, 8.64e15, { timeZone: 'America/New_York', week: weekdays(['08:30', '18:00']) }],
      [Date.UTC(1916, 0, 1), Date.UTC(1922, 6, 1), { timeZone: 'Europe/Warsaw', week: weekdays(['09:00', '17:00']) }],
      [Date.UTC(1969, 11, 1), Date.UTC(1970, 1, 1), { timeZone: 'Australia/Lord_Howe', week: all }],
    ];
    for (const [a, b, schedule] of cases) {
      expect(businessDuration(new Date(a), new Date(b), compileSchedule(schedule))).toBe(
        slowBusinessDuration(a, b, schedule),
      );
    }
    expect(businessDuration(8.64e15 - 2 * DAY, 8.64e15, compileSchedule(cases[1]?.[2] as Schedule))).toBe(16 * H);
  });
});

// The zones of the issue: northern DST, southern DST with a 30-minute change (Lord Howe), a
// half-hour offset without DST (Kolkata) and UTC; plus Santiago (changes at midnight).
const ZONES = ['America/New_York', 'Europe/Warsaw', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/Santiago'];

const FROM = Date.UTC(1995, 0, 1);
const TO = Date.UTC(2040, 0, 1);
const CHANGES = new Map<string, number[]>(
  ZONES.map((zone) => {
    const out: number[] = [];
    const formatter = timeZoneFormatter(zone);
    for (let t: number | undefined = Date.UTC(2018, 0, 1); t !== undefined; ) {
      t = nextTransition(t, Date.UTC(2032, 0, 1), formatter);
      if (t !== undefined) out.push(t);
    }
    return [zone, out];
  }),
);

const hhmm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
const dayWindows = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((qs) => {
  const sorted = [...qs].sort((a, b) => a - b);
  const windows: [string, string][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    windows.push([hhmm(sorted[i] as number), hhmm(sorted[i + 1] as number)]);
  return windows;
});
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

const scheduleArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week: fc
    .tuple(...DAYS.map(() => fc.option(dayWindows, { nil: undefined })))
    .map((ws) => Object.fromEntries(DAYS.flatMap((d, i) => (ws[i] === undefined ? [] : [[d, ws[i]]])))),
  holidays: fc.array(fc.integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2033, 0, 1) }).map(isoDay), {
    maxLength: 30,
  }),
}) as fc.Arbitrary<Schedule & { holidays: string[] }>;

/** A start near an offset change, near a year end, or anywhere in 1995–2040; any ms, not only minutes. */
function startIn(zone: string) {
  const changes = CHANGES.get(zone) ?? [];
  const anywhere = fc.integer({ min: FROM, max: TO });
  const yearEnd = fc
    .tuple(fc.integer({ min: 2018, max: 2031 }), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
    .map(([y, d]) => Date.UTC(y, 0, 1) + d);
  if (changes.length === 0) return fc.oneof(anywhere, yearEnd);
  const near = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
    .map(([t, d]) => t + d);
  return fc.oneof(near, yearEnd, anywhere);
}

/** Lengths from nothing to a few years, most of them short; sometimes a whole number of minutes. */
const lengthArb = fc.oneof(
  fc.integer({ min: 0, max: 3 * DAY }),
  fc.integer({ min: 0, max: 45 * DAY }),
  fc.integer({ min: 0, max: 3 * 366 * DAY }),
  fc.integer({ min: 0, max: 30 * 24 * 60 }).map((m) => m * MIN),
);

describe('compiled fast path == the per-day walk (the previous algorithm)', () => {
  it('on random schedules, zones and spans, exactly', () => {
    const arb = scheduleArb.chain((s) => fc.record({ s: fc.constant(s), a: startIn(s.timeZone), len: lengthArb }));
    fc.assert(
      fc.property(arb, ({ s, a, len }) => {
        const expected = slowBusinessDuration(a, a + len, s);
        expect(businessDuration(new Date(a), new Date(a + len), compileSchedule(s))).toBe(expected);
        expect(businessDuration(new Date(a), new Date(a + len), s)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('with one compiled schedule reused for many spans in random order', () => {
    const arb = scheduleArb.chain((s) =>
      fc.record({
        s: fc.constant(s),
        spans: fc.array(fc.tuple(startIn(s.timeZone), lengthArb), { minLength: 1, maxLength: 20 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ s, spans }) => {
        const compiled = compileSchedule(s);
        for (const [a, len] of spans)
          expect(businessDuration(new Date(a), new Date(a + len), compiled)).toBe(slowBusinessDuration(a, a + len, s));
      }),
      { numRuns: 40 },
    );
  });

  it('on office hours with a holiday in Europe/Warsaw (the benchmark schedule), 0–10-day spans', () => {
    const office: Schedule = {
      timeZone: 'Europe/Warsaw',
      week: weekdays(['09:00', '17:00']),
      holidays: ['2026-11-11'],
    };
    const compiled = compileSchedule(office);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 0, max: 10 * DAY }),
        (a, len) => {
          expect(businessDuration(new Date(a), new Date(a + len), compiled)).toBe(
            slowBusinessDuration(a, a + len, office),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
