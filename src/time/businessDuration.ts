import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';
import { daysInMonth, parseSchedule, type Schedule, scheduledMs } from './schedule.ts';
import { MAX_INSTANT_MS, wallClockMs } from './zonedTime.ts';

export type { BusinessWindow, Schedule, Weekday } from './schedule.ts';

/**
 * Milliseconds of the span [start, end) that fall inside a schedule's business hours.
 *
 * Definition: an instant counts when the wall clock in `schedule.timeZone` shows, at that
 * instant, a date that is not one of `schedule.holidays` and a time inside one of that weekday's
 * windows of `schedule.week`. The result is real elapsed time, so it is exact across DST changes:
 * a wall time that never happens (the spring-forward gap) counts nothing, and one that happens
 * twice (the repeated fall-back hour) counts both times. In America/New_York 'mon 01:00–04:00'
 * is 2 h on a spring-forward Monday and 4 h on a fall-back one; a '00:00–24:00' day is 23 h or
 * 25 h then, so a 24/7 schedule equals `end − start` exactly. Holidays are whole local calendar
 * days. Time-zone rules come from the platform's `Intl.DateTimeFormat` (ECMA-402), i.e. the IANA
 * tz database the engine ships. See docs/business-hours.md.
 *
 * Timestamps are `Date`s, epoch milliseconds or ISO-8601 strings; a date-time without an offset
 * (and a bare date) is UTC, never the machine's local time. Cost grows with the days spanned
 * (about one `Intl` call per day), not with minutes; the schedule is validated on every call.
 *
 * @param start - start of the span (included)
 * @param end - end of the span (excluded), not before `start`
 * @param schedule - `{ timeZone, week, holidays? }`, e.g.
 *   `{ timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-12-25'] }`
 * @returns business milliseconds, from 0 to `end − start`
 * @throws CxMetricsError INVALID_VALUE for a timestamp that cannot be read or an end before the
 *   start; INVALID_OPTION (naming the path, e.g. `schedule.week.mon[1]`) for an unknown time zone,
 *   a time that is not 'HH:MM', a window whose end is not after its start, overlapping windows in
 *   a day, an unknown weekday key or a holiday that is not a 'YYYY-MM-DD' calendar date
 * @example
 * const support = { timeZone: 'America/New_York', week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } }
 * businessDuration('2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z', support) // => 7200000 (Fri 16–17 + Mon 09–10)
 * businessDuration('2026-03-07T12:00:00Z', '2026-03-08T12:00:00Z', support) // => 0 (a weekend)
 */
export function businessDuration(
  start: Date | string | number,
  end: Date | string | number,
  schedule: Schedule,
): number {
  const fn = 'businessDuration';
  const from = toEpochMs(fn, 'start', start);
  const to = toEpochMs(fn, 'end', end);
  const parsed = parseSchedule(fn, schedule);
  if (to < from) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: end (${new Date(to).toISOString()}) is before start (${new Date(from).toISOString()}); expected end ≥ start`,
      { value: end },
    );
  }
  return scheduledMs(parsed, from, to);
}

// YYYY-MM-DD, optionally [T or space]HH:MM[:SS[.fraction]] and an offset Z, ±HH, ±HHMM or ±HH:MM.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * A timestamp to epoch ms. Strings are parsed here rather than by `Date.parse`, which reads a
 * date-time without an offset as local time and accepts engine-specific formats; calendar
 * overflow (2026-02-31) is rejected rather than rolled into March. @internal
 */
export function toEpochMs(fn: string, name: string, value: unknown): number {
  let ms = Number.NaN;
  if (typeof value === 'number') ms = value;
  else if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    // A Date from another realm (iframe, vm) fails instanceof; a fake one makes getTime throw.
    try {
      ms = Date.prototype.getTime.call(value);
    } catch {}
  } else if (typeof value === 'string') ms = parseIso(value.trim());
  if (!(Math.abs(ms) <= MAX_INSTANT_MS)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(value)}; expected an ISO-8601 date or date-time (without an offset it is UTC), ` +
        'epoch milliseconds or a valid Date',
      { value },
    );
  }
  return ms;
}

function parseIso(text: string): number {
  const match = ISO.exec(text);
  if (match === null) return Number.NaN;
  const [, y, mo, d, hh = '0', mm = '0', ss = '0', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, hh, mm, ss].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = Number(zone.slice(3).replace(':', '') || '0');
    if (offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
    offset = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  // Milliseconds truncated, as Date does with more than three fraction digits.
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  return wallClockMs(year, month, day, hour, minute, second) + millis - offset;
}
