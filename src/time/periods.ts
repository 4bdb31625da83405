import { CxMetricsError } from '../errors.ts';
import { withText } from '../format/textHooks.ts';
import { checkOptions } from '../options.ts';
import { describe } from '../stats/validate.ts';
import type { Weekday } from './schedule.ts';
import { parseTimestamp, type Timestamp, timestampHint } from './timestamp.ts';
import { DAY_MS, timeZoneFormatter, utcOffsetAt, wallClockMs, zonedTimeToUtc } from './zonedTime.ts';

// Calendar periods in an IANA time zone. A period is a run of whole local days (a day, a week, a
// month, a quarter, a year) and runs from the instant its first local day starts to the instant the
// next period's first day starts: end-exclusive, so consecutive periods tile the time line with no
// gap and no overlap, whatever DST does in between (a local day lasts 23, 24 or 25 hours). Civil
// dates are counted as days from 1970-01-01 (Hinnant's algorithms, through `wallClockMs`), so the
// arithmetic is exact integers; only the start instants go through Intl (`zonedTimeToUtc`).

/**
 * The calendar periods `calendarPeriod` and `trend` bucket by.
 *
 * @example
 * const unit: CalendarUnit = 'quarter'
 * calendarPeriod('2026-05-10', { period: unit, timeZone: 'UTC' }).label // => '2026-Q2'
 */
export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * The period names, shortest first.
 *
 * @example
 * CALENDAR_UNITS // => ['day', 'week', 'month', 'quarter', 'year']
 */
export const CALENDAR_UNITS: readonly CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Options of `calendarPeriod`: which period, in which time zone, and for weeks the first weekday.
 *
 * @example
 * calendarPeriod('2026-03-31T22:30Z', { period: 'month', timeZone: 'Europe/Berlin' }).label // => '2026-04'
 */
export interface CalendarPeriodOptions {
  /** `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'`. */
  period: CalendarUnit;
  /** IANA time zone the calendar is read in, e.g. `'Europe/Berlin'`; `'UTC'` for UTC. */
  timeZone: string;
  /** First day of a week: `'mon'` (default; ISO 8601 weeks, labelled `2026-W14`) … `'sun'`. */
  weekStart?: Weekday;
}

/**
 * One calendar period in a time zone: its label, its local first day, and the instants it starts
 * and ends at (end exclusive: the next period's start).
 *
 * @example
 * const p = calendarPeriod('2026-03-31T22:30Z', { period: 'month', timeZone: 'Europe/Berlin' })
 * [p.label, p.startDate, p.start, p.end] // => ['2026-04', '2026-04-01', '2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z']
 */
export interface CalendarPeriod {
  kind: 'calendar-period';
  period: CalendarUnit;
  timeZone: string;
  /** The first weekday, for weeks only. */
  weekStart?: Weekday;
  /**
   * `'2026-04-05'` (day), `'2026-W14'` (ISO week: the ISO week-year and week number),
   * `'week of 2026-04-05'` (a week starting on another weekday), `'2026-04'`, `'2026-Q2'`, `'2026'`.
   */
  label: string;
  /** The local date of the period's first day, `YYYY-MM-DD`. */
  startDate: string;
  /** The instant the period starts, ISO-8601 UTC. */
  start: string;
  /** The instant the next period starts (exclusive end), ISO-8601 UTC. */
  end: string;
}

/** A checked period specification. @internal */
export interface PeriodSpec {
  unit: CalendarUnit;
  timeZone: string;
  /** 0 = Monday … 6 = Sunday. */
  weekStart: number;
}

/** A period as a number of days: its first local day (days since 1970-01-01). @internal */
export interface PeriodDays {
  /** First local day of the period (days since 1970-01-01). */
  first: number;
  /** First local day of the next period. */
  next: number;
}

/**
 * Check `period`, `timeZone` and `weekStart`: INVALID_OPTION naming the option, for a period
 * that is not one of CALENDAR_UNITS or a zone the platform does not know. @internal
 */
export function resolvePeriodSpec(fn: string, period: unknown, timeZone: unknown, weekStart: unknown): PeriodSpec {
  if (typeof period !== 'string' || !(CALENDAR_UNITS as readonly string[]).includes(period)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: period is ${describe(period)}; expected one of ${CALENDAR_UNITS.map((u) => `'${u}'`).join(', ')}`,
      { value: period },
    );
  }
  const zone = checkTimeZone(fn, timeZone);
  let start = 0;
  if (weekStart !== undefined) {
    start = (WEEKDAYS as readonly unknown[]).indexOf(weekStart);
    if (start < 0) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: weekStart is ${describe(weekStart)}; expected one of ${WEEKDAYS.map((d) => `'${d}'`).join(', ')}`,
        { value: weekStart },
      );
    }
  }
  return { unit: period as CalendarUnit, timeZone: zone, weekStart: start };
}

/** An IANA zone name the platform knows, as given; INVALID_OPTION naming `timeZone` otherwise. @internal */
export function checkTimeZone(fn: string, timeZone: unknown): string {
  if (typeof timeZone === 'string' && timeZone.trim() !== '') {
    try {
      timeZoneFormatter(timeZone);
      return timeZone;
    } catch {
      // fall through to the error below
    }
  }
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: timeZone is ${describe(timeZone)}; expected an IANA time zone name such as 'Europe/Berlin' or 'UTC'`,
    { value: timeZone },
  );
}

/** Days since 1970-01-01 → proleptic Gregorian [year, month 1…12, day]; Hinnant's `civil_from_days`. @internal */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Proleptic Gregorian date → days since 1970-01-01. @internal */
export function daysFromCivil(year: number, month: number, day: number): number {
  return wallClockMs(year, month, day) / DAY_MS;
}

/** The local day (days since 1970-01-01) an instant falls on in the zone. @internal */
export function localDay(instant: number, timeZone: string): number {
  const offset = utcOffsetAt(instant, timeZoneFormatter(timeZone));
  return Math.floor((instant + offset) / DAY_MS);
}

/** The instant a local day starts (its first instant: the jump, when midnight falls in a DST gap). @internal */
export function dayStart(days: number, timeZone: string): number {
  const [y, m, d] = civilFromDays(days);
  return zonedTimeToUtc(y, m, d, 0, 0, timeZone, 'earlier');
}

/**
 * The first instants of `count` consecutive local days from `firstDay`: `dayStart` of each, for
 * one Intl call per day instead of several. Each day's midnight is tried at the previous day's
 * offset; it is right when the zone's offset at that instant is that same offset (the clock then
 * shows 00:00 there, and no earlier instant can: that would take two offset changes within one
 * day, which the tz database does not have, see zonedTime.ts). Otherwise — a change at or
 * before midnight — the day goes through `dayStart`. @internal
 */
export function dayStarts(firstDay: number, count: number, timeZone: string): number[] {
  const formatter = timeZoneFormatter(timeZone);
  const out: number[] = [];
  let offset: number | undefined;
  for (let d = firstDay; d < firstDay + count; d++) {
    let start: number | undefined;
    if (offset !== undefined) {
      const guess = d * DAY_MS - offset;
      if (utcOffsetAt(guess, formatter) === offset) start = guess;
    }
    if (start === undefined) {
      start = dayStart(d, timeZone);
      offset = utcOffsetAt(start, formatter);
    }
    out.push(start);
  }
  return out;
}

/** The period (as days) that contains the local day `days`. @internal */
export function periodDaysOf(days: number, spec: PeriodSpec): PeriodDays {
  switch (spec.unit) {
    case 'day':
      return { first: days, next: days + 1 };
    case 'week': {
      // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
      const weekday = (((days + 3) % 7) + 7) % 7;
      const first = days - ((weekday - spec.weekStart + 7) % 7);
      return { first, next: first + 7 };
    }
    default: {
      const [y, m] = civilFromDays(days);
      const months = spec.unit === 'month' ? 1 : spec.unit === 'quarter' ? 3 : 12;
      const startMonth = months === 12 ? 1 : Math.floor((m - 1) / months) * months + 1;
      const first = daysFromCivil(y, startMonth, 1);
      const nm = startMonth + months;
      const next = nm > 12 ? daysFromCivil(y + 1, nm - 12, 1) : daysFromCivil(y, nm, 1);
      return { first, next };
    }
  }
}

/** The period `steps` periods after (before, when negative) the one starting on local day `first`. @internal */
export function shiftPeriodDays(first: number, steps: number, spec: PeriodSpec): PeriodDays {
  if (spec.unit === 'day') return { first: first + steps, next: first + steps + 1 };
  if (spec.unit === 'week') return { first: first + 7 * steps, next: first + 7 * steps + 7 };
  const [y, m] = civilFromDays(first);
  const months = spec.unit === 'month' ? 1 : spec.unit === 'quarter' ? 3 : 12;
  const index = y * 12 + (m - 1) + steps * months;
  const year = Math.floor(index / 12);
  return periodDaysOf(daysFromCivil(year, index - year * 12 + 1, 1), spec);
}

/** The period containing an instant, exact at DST changes: start ≤ instant < end. @internal */
export function periodDaysAt(instant: number, spec: PeriodSpec): PeriodDays {
  let p = periodDaysOf(localDay(instant, spec.timeZone), spec);
  // The local date decides, except where a day's midnight is itself ambiguous; containment is the
  // definition, so check it and step (at most once in the tz database).
  for (let guard = 0; guard < 2; guard++) {
    if (instant < dayStart(p.first, spec.timeZone)) p = shiftPeriodDays(p.first, -1, spec);
    else if (instant >= dayStart(p.next, spec.timeZone)) p = shiftPeriodDays(p.first, 1, spec);
    else break;
  }
  return p;
}

const pad = (x: number, width = 2) => String(x).padStart(width, '0');

/** `YYYY-MM-DD` of a local day. @internal */
export function isoDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(m)}-${pad(d)}`;
}

/** The label of the period starting on local day `first`. @internal */
export function periodLabel(first: number, spec: PeriodSpec): string {
  const [y, m] = civilFromDays(first);
  switch (spec.unit) {
    case 'day':
      return isoDate(first);
    case 'week': {
      if (spec.weekStart !== 0) return `week of ${isoDate(first)}`;
      // ISO 8601: the week belongs to the year of its Thursday, and week 1 holds the first Thursday.
      const [thursdayYear] = civilFromDays(first + 3);
      const week = Math.floor((first + 3 - daysFromCivil(thursdayYear, 1, 1)) / 7) + 1;
      return `${pad(thursdayYear, 4)}-W${pad(week)}`;
    }
    case 'month':
      return `${pad(y, 4)}-${pad(m)}`;
    case 'quarter':
      return `${pad(y, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return pad(y, 4);
  }
}

/** The public CalendarPeriod of a period given as days. @internal */
export function calendarPeriodOf(p: PeriodDays, spec: PeriodSpec): CalendarPeriod {
  const out: CalendarPeriod = {
    kind: 'calendar-period',
    period: spec.unit,
    timeZone: spec.timeZone,
    label: periodLabel(p.first, spec),
    startDate: isoDate(p.first),
    start: new Date(dayStart(p.first, spec.timeZone)).toISOString(),
    end: new Date(dayStart(p.next, spec.timeZone)).toISOString(),
  };
  if (spec.unit === 'week') out.weekStart = WEEKDAYS[spec.weekStart] as Weekday;
  return withText(out, periodLine);
}

/** A period as its label, zone and half-open range: `2026-04 in UTC [2026-04-01T00:00:00.000Z, 2026-05-01T00:00:00.000Z)`. */
function periodLine(p: CalendarPeriod): string {
  return `${p.label} in ${p.timeZone} [${p.start}, ${p.end})`;
}

/**
 * The calendar period (day, week, month, quarter or year) an instant falls in, read in an IANA
 * time zone: a response at 2026-03-31T22:30Z is in April in Europe/Berlin (00:30 local) and in
 * March in UTC.
 *
 * A period starts at the first instant of its first local day and ends where the next period
 * starts, so consecutive periods tile time with no gap or overlap and a day across a DST change
 * lasts 23 or 25 hours. Weeks are ISO 8601 weeks by default (Monday first, labelled with the ISO
 * week-year and number, `2026-W01`, which may start in the previous December); `weekStart` picks
 * another first weekday (labelled `week of YYYY-MM-DD`). Where midnight does not exist (a DST gap at
 * 00:00, as in America/Havana), the day starts at the jump. Dates are proleptic Gregorian, computed
 * with H. Hinnant's `days_from_civil` / `civil_from_days` (References:
 * https://howardhinnant.github.io/date_algorithms.html; ISO 8601-1:2019 §5.2.4 for week dates);
 * the zone's offsets come from the platform's tz database through `Intl.DateTimeFormat`.
 *
 * @param at - the instant: a Date, an ISO-8601 string (no offset = UTC) or epoch milliseconds
 * @param options - `period`, `timeZone` (both required) and `weekStart`
 * @returns the period: label, local start date, start and end instants (ISO-8601 UTC); it prints
 *   (String, template literals, the console) as its label, zone and half-open range
 * @throws CxMetricsError INVALID_VALUE for an instant that cannot be read; INVALID_OPTION for a
 *   period that is not one of CALENDAR_UNITS, a time zone the platform does not know, a bad
 *   weekStart or an unknown option
 * @example
 * calendarPeriod('2026-03-31T22:30Z', { period: 'month', timeZone: 'Europe/Berlin' }).label // => '2026-04'
 * calendarPeriod('2026-03-31T22:30Z', { period: 'month', timeZone: 'UTC' }).label // => '2026-03'
 * calendarPeriod('2027-01-01', { period: 'week', timeZone: 'UTC' }).label // => '2026-W53'
 * calendarPeriod('2026-03-29T12:00Z', { period: 'day', timeZone: 'Europe/Berlin' }).start // => '2026-03-28T23:00:00.000Z'
 * calendarPeriod('2026-03-29T12:00Z', { period: 'day', timeZone: 'Europe/Berlin' }).end // => '2026-03-29T22:00:00.000Z' (23 hours)
 * `${calendarPeriod('2026-04-10', { period: 'month', timeZone: 'UTC' })}` // => '2026-04 in UTC [2026-04-01T00:00:00.000Z, 2026-05-01T00:00:00.000Z)'
 */
export function calendarPeriod(at: Timestamp, options: CalendarPeriodOptions): CalendarPeriod {
  const fn = 'calendarPeriod';
  const spec = readOptions(fn, options);
  const instant = parseTimestamp(at);
  if (instant === undefined) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: at is ${describe(at)}; expected a Date, an ISO-8601 string or epoch milliseconds${timestampHint(at)}`,
      { value: at },
    );
  }
  return calendarPeriodOf(periodDaysAt(instant, spec), spec);
}

/**
 * The period right after a calendar period: the next day, week, month, quarter or year in the
 * same zone (it starts where this one ends).
 *
 * Computed on the local calendar (Hinnant's `days_from_civil`, References:
 * https://howardhinnant.github.io/date_algorithms.html), so a month after January is February
 * whatever the DST rules, and `steps` months after March 31 is the month, never a date.
 *
 * @param period - a CalendarPeriod, as `calendarPeriod` returns it
 * @param steps - how many periods forward (negative: back); 1 by default
 * @returns the period `steps` periods later
 * @throws CxMetricsError INVALID_VALUE for a value that is not a CalendarPeriod (naming the field);
 *   INVALID_OPTION for steps that is not a whole number
 * @example
 * const march = calendarPeriod('2026-03-15', { period: 'month', timeZone: 'Europe/Berlin' })
 * nextPeriod(march).label // => '2026-04'
 * nextPeriod(march).start === march.end // => true
 * nextPeriod(march, 12).label // => '2027-03'
 */
export function nextPeriod(period: CalendarPeriod, steps = 1): CalendarPeriod {
  return shiftPeriod('nextPeriod', period, steps);
}

/**
 * The period right before a calendar period (it ends where this one starts).
 *
 * The inverse of `nextPeriod`, on the local calendar (Hinnant's `civil_from_days`, References:
 * https://howardhinnant.github.io/date_algorithms.html).
 *
 * @param period - a CalendarPeriod, as `calendarPeriod` returns it
 * @param steps - how many periods back; 1 by default
 * @returns the period `steps` periods earlier
 * @throws CxMetricsError INVALID_VALUE for a value that is not a CalendarPeriod (naming the field);
 *   INVALID_OPTION for steps that is not a whole number
 * @example
 * const w1 = calendarPeriod('2026-01-01', { period: 'week', timeZone: 'UTC' })
 * [w1.label, previousPeriod(w1).label] // => ['2026-W01', '2025-W52']
 */
export function previousPeriod(period: CalendarPeriod, steps = 1): CalendarPeriod {
  // Checked before negating: −steps of a Symbol or an object without a prototype would throw.
  return shiftPeriod('previousPeriod', period, Number.isSafeInteger(steps) ? -steps : steps);
}

function shiftPeriod(fn: string, period: CalendarPeriod, steps: number): CalendarPeriod {
  if (!Number.isSafeInteger(steps)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: steps is ${describe(steps)}; expected a whole number`, {
      value: steps,
    });
  }
  if (period === null || typeof period !== 'object') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected a CalendarPeriod, got ${describe(period)}`, {
      value: period,
    });
  }
  const spec = resolvePeriodSpec(fn, period.period, period.timeZone, period.weekStart);
  const startDate = typeof period.startDate === 'string' ? period.startDate : '';
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(startDate);
  if (match === null) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: startDate is ${describe(period.startDate)}; expected the local date YYYY-MM-DD of a CalendarPeriod`,
      { value: period.startDate },
    );
  }
  const first = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  // Re-anchor first, so a hand-made startDate inside a period still names that period.
  const anchored = periodDaysOf(first, spec);
  return calendarPeriodOf(shiftPeriodDays(anchored.first, Number(steps), spec), spec);
}

function readOptions(fn: string, options: CalendarPeriodOptions): PeriodSpec {
  if (options === undefined) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options { period, timeZone } are required`);
  }
  const o = checkOptions(fn, options, ['period', 'timeZone', 'weekStart']);
  if (o.period === undefined) throw new CxMetricsError('INVALID_OPTION', `${fn}: period is required`);
  if (o.timeZone === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: timeZone is required (an IANA name such as 'Europe/Berlin', or 'UTC'); periods differ by zone`,
    );
  }
  return resolvePeriodSpec(fn, o.period, o.timeZone, o.weekStart);
}
