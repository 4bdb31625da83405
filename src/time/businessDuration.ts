import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';
import { type CompiledSchedule, compileData, compiledScheduledMs } from './compiledSchedule.ts';
import type { Schedule } from './schedule.ts';
import { parseTimestamp, timestampHint } from './timestamp.ts';

export { type CompiledSchedule, compileSchedule } from './compiledSchedule.ts';
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
 * Timestamps are `Date`s, epoch milliseconds or ISO-8601 strings with an offset 'Z', ±HH:MM or
 * ±HHMM; a date-time without an offset (and a bare date) is UTC, never the machine's local time.
 * The cost does not depend on the span's length: whole weeks are counted in closed form,
 * holidays found by binary search, and the zone's UTC-offset changes cached per year (the first
 * span in a zone and year costs ~400 `Intl` calls, about a millisecond, once). A plain schedule is
 * validated on every call; compile it once with `compileSchedule` for many calls (a 1-day and a
 * 365-day span then cost about the same, see docs/business-hours.md).
 *
 * @param start - start of the span (included)
 * @param end - end of the span (excluded), not before `start`
 * @param schedule - `{ timeZone, week, holidays? }`, e.g.
 *   `{ timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-12-25'] }`,
 *   or the same compiled once by `compileSchedule` (then not validated again)
 * @returns business milliseconds, from 0 to `end − start`
 * @throws CxMetricsError INVALID_VALUE for a timestamp that cannot be read, an end before the
 *   start, or a span of more than 100 years (a unit mistake); INVALID_OPTION (naming the path, e.g. `schedule.week.mon[1]`) for an unknown time zone,
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
  schedule: Schedule | CompiledSchedule,
): number {
  const fn = 'businessDuration';
  return businessMsBetween(fn, toEpochMs(fn, 'start', start), toEpochMs(fn, 'end', end), schedule, end);
}

/**
 * `businessDuration` of two instants already read (epoch ms, of any year: the 2000 rule is for
 * numbers a user gives, not for instants a caller parsed from Dates or strings). @internal
 */
export function businessMsBetween(
  fn: string,
  from: number,
  to: number,
  schedule: Schedule | CompiledSchedule,
  end: unknown = to,
): number {
  const compiled = compileData(fn, schedule);
  if (to < from) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: end (${new Date(to).toISOString()}) is before start (${new Date(from).toISOString()}); expected end ≥ start`,
      { value: end },
    );
  }
  // A span of centuries is a unit mistake (microseconds or seconds passed as milliseconds), not a
  // ticket; and the first span in a year scans that year's offset changes through Intl.
  if (to - from > MAX_SPAN_MS) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the span from start to end is ${Math.round((to - from) / YEAR_MS)} years; expected at most 100 years (are the timestamps in milliseconds?)`,
      { value: end },
    );
  }
  return compiledScheduledMs(compiled, from, to);
}

const YEAR_MS = 365.25 * 86_400_000;
const MAX_SPAN_MS = 100 * YEAR_MS;

/** A timestamp to epoch ms, or INVALID_VALUE naming the function and the argument. */
function toEpochMs(fn: string, name: string, value: unknown): number {
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(value)}; expected an ISO-8601 date or date-time (without an offset it is UTC), ` +
        `epoch milliseconds or a valid Date${timestampHint(value)}`,
      { value },
    );
  }
  return ms;
}
