import { describe, expect, it } from 'vitest';
import { businessDuration, type Schedule } from '../../src/time/businessDuration.ts';
import { nextTransition, timeZoneFormatter, zonedTimeToUtc } from '../../src/time/zonedTime.ts';
import { fc } from '../helpers/fc.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];

// Northern and southern DST, a midnight change (Santiago), a 30-minute change (Lord Howe), a
// half-hour offset (Kolkata) and no DST at all (UTC, Tokyo).
const ZONES = [
  'America/New_York',
  'Europe/Warsaw',
  'Australia/Sydney',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'UTC',
] as const;

/** Each zone's offset changes in 2019–2030, where the properties look hardest. */
const CHANGES = new Map<string, number[]>(
  ZONES.map((zone) => {
    const out: number[] = [];
    const formatter = timeZoneFormatter(zone);
    const end = Date.UTC(2031, 0, 1);
    for (let t: number | undefined = Date.UTC(2019, 0, 1); t !== undefined; ) {
      t = nextTransition(t, end, formatter);
      if (t !== undefined) out.push(t);
    }
    return [zone, out];
  }),
);

const hhmm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

/** Non-overlapping quarter-hour windows in a day: sorted distinct boundaries paired up. */
const dayWindows = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6, size: 'max' }).map((qs) => {
  const sorted = [...qs].sort((a, b) => a - b);
  const windows: [string, string][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    windows.push([hhmm(sorted[i] as number), hhmm(sorted[i + 1] as number)]);
  return windows;
});

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const holidays = fc.array(fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 11, 31) }).map(isoDay), {
  maxLength: 12,
});

function scheduleOf(days: readonly Day[]) {
  return fc.record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.tuple(...days.map(() => dayWindows)).map((ws) => Object.fromEntries(days.map((d, i) => [d, ws[i]]))),
    holidays,
  }) as fc.Arbitrary<Schedule & { holidays: string[] }>;
}
const schedule = scheduleOf(DAYS);

/** An instant in 2019–2030, half the time within three days of one of the zone's offset changes. */
function instantIn(zone: string, { minutes = false } = {}) {
  const changes = CHANGES.get(zone) ?? [];
  const near =
    changes.length === 0
      ? fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 11, 31) })
      : fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([t, d]) => t + d);
  const any = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 11, 31) });
  return fc.oneof(near, any).map((t) => (minutes ? Math.floor(t / MIN) * MIN : t));
}
const length = (maxDays: number) => fc.integer({ min: 0, max: maxDays * DAY });

/** A schedule and three instants a ≤ b ≤ c in its zone. */
const scheduleAndSpan = schedule.chain((s) =>
  fc
    .tuple(instantIn(s.timeZone), length(45), length(45))
    .map(([a, ab, bc]) => ({ schedule: s, a, b: a + ab, c: a + ab + bc })),
);

describe('businessDuration properties', () => {
  it('lies between 0 and the calendar duration', () => {
    fc.assert(
      fc.property(scheduleAndSpan, ({ schedule, a, c }) => {
        const d = businessDuration(a, c, schedule);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(c - a);
      }),
    );
  });

  it('is additive over a split point: d(a, c) = d(a, b) + d(b, c), exactly', () => {
    fc.assert(
      fc.property(scheduleAndSpan, ({ schedule, a, b, c }) => {
        expect(businessDuration(a, c, schedule)).toBe(
          businessDuration(a, b, schedule) + businessDuration(b, c, schedule),
        );
      }),
    );
  });

  it('is monotone in the end: a later end never gives less', () => {
    fc.assert(
      fc.property(scheduleAndSpan, ({ schedule, a, b, c }) => {
        expect(businessDuration(a, b, schedule)).toBeLessThanOrEqual(businessDuration(a, c, schedule));
      }),
    );
  });

  it('a 24/7 schedule without holidays equals end − start in every zone', () => {
    const allWeek = Object.fromEntries(DAYS.map((d) => [d, [['00:00', '24:00']]]));
    const span = fc.constantFrom(...ZONES).chain((zone) => fc.tuple(fc.constant(zone), instantIn(zone), length(400)));
    fc.assert(
      fc.property(span, ([timeZone, a, len]) => {
        expect(businessDuration(a, a + len, { timeZone, week: allWeek })).toBe(len);
      }),
      { numRuns: 100 },
    );
  });

  it('is 0 for a span inside a local weekend when only weekdays have hours', () => {
    const weekdaySchedule = scheduleOf(['mon', 'tue', 'wed', 'thu', 'fri']);
    const weekend = fc.record({
      schedule: weekdaySchedule,
      week: fc.integer({ min: 0, max: 52 * 11 }),
      from: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
      to: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
    });
    fc.assert(
      fc.property(weekend, ({ schedule, week, from, to }) => {
        // 2019-01-05 was a Saturday; the weekend runs from its local midnight to Monday's.
        const saturday = new Date(Date.UTC(2019, 0, 5 + 7 * week));
        const monday = new Date(Date.UTC(2019, 0, 7 + 7 * week));
        const start = zonedTimeToUtc(
          saturday.getUTCFullYear(),
          saturday.getUTCMonth() + 1,
          saturday.getUTCDate(),
          0,
          0,
          schedule.timeZone,
        );
        const end = zonedTimeToUtc(
          monday.getUTCFullYear(),
          monday.getUTCMonth() + 1,
          monday.getUTCDate(),
          0,
          0,
          schedule.timeZone,
        );
        const [lo, hi] = from < to ? [from, to] : [to, from];
        const a = Math.round(start + lo * (end - start));
        const b = Math.round(start + hi * (end - start));
        expect(businessDuration(a, b, schedule)).toBe(0);
        // And the whole weekend.
        expect(businessDuration(start, end, schedule)).toBe(0);
      }),
    );
  });

  it('never grows when a holiday is added', () => {
    fc.assert(
      fc.property(scheduleAndSpan, fc.integer({ min: 0, max: 90 }), ({ schedule, a, c }, k) => {
        const extra = isoDay(a + k * DAY);
        const more = { ...schedule, holidays: [...schedule.holidays, extra] };
        expect(businessDuration(a, c, more)).toBeLessThanOrEqual(businessDuration(a, c, schedule));
      }),
    );
  });

  it('reads a Date, epoch ms and an ISO string of the same instant alike', () => {
    fc.assert(
      fc.property(scheduleAndSpan, ({ schedule, a, c }) => {
        const d = businessDuration(a, c, schedule);
        expect(businessDuration(new Date(a), new Date(c).toISOString(), schedule)).toBe(d);
        expect(businessDuration(new Date(a).toISOString().replace('Z', ''), c, schedule)).toBe(d);
      }),
      { numRuns: 50 },
    );
  });

  it("agrees with zonedTimeToUtc: a day's window lasts from its start (earlier) to its end (later)", () => {
    // Holds whenever neither boundary is a wall time that happens twice; a boundary in a gap maps
    // to the instant of the jump on both sides.
    const arb = fc.constantFrom(...ZONES).chain((zone) =>
      fc.record({
        zone: fc.constant(zone),
        at: (CHANGES.get(zone) ?? []).length === 0 ? instantIn(zone) : fc.constantFrom(...(CHANGES.get(zone) ?? [])),
        shift: fc.integer({ min: -1, max: 1 }),
        quarters: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 2 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ zone, at, shift, quarters }) => {
        const date = new Date(at + shift * DAY);
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const [open, close] = [...quarters].sort((a, b) => a - b) as [number, number];
        const toUtc = (q: number, which: 'earlier' | 'later') =>
          zonedTimeToUtc(y, m, d, Math.floor(q / 4), (q % 4) * 15, zone, which);
        fc.pre(toUtc(open, 'earlier') === toUtc(open, 'later') && toUtc(close, 'earlier') === toUtc(close, 'later'));
        const day = DAYS[(date.getUTCDay() + 6) % 7] as Day;
        const schedule: Schedule = { timeZone: zone, week: { [day]: [[hhmm(open), hhmm(close)]] } };
        const midnight = toUtc(0, 'earlier');
        expect(businessDuration(midnight - DAY, midnight + 2 * DAY, schedule)).toBe(
          toUtc(close, 'later') - toUtc(open, 'earlier'),
        );
      }),
    );
  });

  it('matches its definition: a minute-by-minute reading of the wall clock through Intl', () => {
    // Independent oracle: for each minute of the span ask Intl for the local weekday, date and
    // time, and count the minute if that date is no holiday and the time is in a window of that
    // weekday. The zones here change offset on whole minutes, so minute-aligned spans are exact.
    const oracle = (s: Schedule & { holidays: string[] }, a: number, b: number) => {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: s.timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      const holidaySet = new Set(s.holidays);
      let minutes = 0;
      for (let t = a; t < b; t += MIN) {
        const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
        if (holidaySet.has(`${p.year}-${p.month}-${p.day}`)) continue;
        const day = (p.weekday as string).toLowerCase().slice(0, 3) as Day;
        const clock = `${p.hour}:${p.minute}`;
        if ((s.week[day] ?? []).some(([open, close]) => open <= clock && clock < close)) minutes++;
      }
      return minutes * MIN;
    };
    // Minute-aligned spans of up to 3 days; most of them cross one of the zone's offset changes.
    const span = schedule.chain((s) => {
      const changes = CHANGES.get(s.timeZone) ?? [];
      const anywhere = fc.record({
        a: instantIn(s.timeZone, { minutes: true }),
        minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      });
      if (changes.length === 0)
        return fc.record({ s: fc.constant(s), span: anywhere, holiday: fc.integer({ min: -1, max: 2 }) });
      const crossing = fc
        .record({
          at: fc.constantFrom(...changes),
          before: fc.integer({ min: 0, max: 36 * 60 }),
          after: fc.integer({ min: 0, max: 36 * 60 }),
        })
        .map(({ at, before, after }) => ({ a: at - before * MIN, minutes: before + after }));
      return fc.record({
        s: fc.constant(s),
        span: fc.oneof({ weight: 3, arbitrary: crossing }, anywhere),
        holiday: fc.integer({ min: -1, max: 2 }),
      });
    });
    fc.assert(
      fc.property(span, ({ s, span: { a, minutes }, holiday }) => {
        // Sometimes a holiday on one of the days the span touches, to make that comparison bite.
        const local = holiday < 0 ? s : { ...s, holidays: [...s.holidays, isoDay(a + holiday * DAY)] };
        expect(businessDuration(a, a + minutes * MIN, local)).toBe(oracle(local, a, a + minutes * MIN));
      }),
      { numRuns: 60 },
    );
  });
});
