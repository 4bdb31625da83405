import { CxMetricsError } from '../errors.ts';

/**
 * Wall clock ↔ UTC in an IANA time zone, with nothing but the platform's `Intl.DateTimeFormat`
 * (ECMA-402): no hand-written time-zone tables, so the answers follow the tz database the
 * JavaScript engine ships (Node, Deno and browsers all bundle ICU's copy of it).
 *
 * Vocabulary used below. An *instant* is epoch milliseconds (UTC). A *wall time* is what a clock
 * on the wall in the zone shows, written as the epoch milliseconds that `Date.UTC` would give
 * for the same year, month, day, hour and minute — a naive number we can do calendar arithmetic
 * on. The zone's *offset* at an instant t is wall(t) − t; it changes only at *transitions* (DST
 * starting or ending, or a country changing its standard time). @internal
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Bound on |offset|: the largest in the tz database are local mean times before 1900 (Asia/Manila −15:56:08). */
const MAX_OFFSET_MS = DAY_MS;

/**
 * Probe step when looking for the next transition. A step this long would miss a pair of
 * transitions less than a day apart that cancel out. The tz database has none: a scan of every
 * zone in Node 20's ICU, 1900–2040 at 3-hour steps, found consecutive transitions no closer than
 * 6.9 days (America/Boa_Vista, October 2000). One Intl call per day spanned keeps a wide margin.
 */
const PROBE_MS = DAY_MS;

// Building an Intl.DateTimeFormat costs tens of microseconds and formatting with one a few, so
// keep one per zone. The cache holds only what callers name (a few hundred zones exist at most)
// and never changes a result, so the functions stay pure.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The cached formatter for a zone. Throws the platform's RangeError for an unknown zone; callers
 * validating user input turn that into a CxMetricsError naming the option.
 */
export function timeZoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Gregorian calendar and Latin digits whatever the host locale; hourCycle 'h23' because
    // `hour12: false` printed midnight as "24" in older V8. The era tells 1 BC (year 0) from 1 AD.
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Naive wall-clock ms of a proleptic Gregorian date and time: what Date.UTC would give, but for
 * every year (Date.UTC maps years 0–99 to 1900–1999) and without Date's ±8.64e15 ms clip (a wall
 * time a few hours past the last representable instant is still a number). Month 1…12; hour 24
 * is the next day's 00:00. Days from the epoch by H. Hinnant's `days_from_civil`
 * (https://howardhinnant.github.io/date_algorithms.html), exact integer arithmetic.
 */
export function wallClockMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const y = month <= 2 ? year - 1 : year; // years start in March, so leap days end them
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** The range of instants a Date (and so Intl) accepts: ±100 000 000 days around the epoch. */
export const MAX_INSTANT_MS = 8.64e15;

const clampInstant = (t: number) => Math.min(MAX_INSTANT_MS, Math.max(-MAX_INSTANT_MS, t));

/** The zone's UTC offset (wall − UTC, in ms) at an instant. */
export function utcOffsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of formatter.formatToParts(instant)) {
    switch (part.type) {
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24; // defensive: some engines once printed midnight as 24
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  if (bc) year = 1 - year; // 1 BC is year 0 of the proleptic Gregorian calendar
  // formatToParts shows whole seconds, so compare with the instant truncated to its second.
  const offset = wallClockMs(year, month, day, hour, minute, second) - Math.floor(instant / 1000) * 1000;
  if (!(Math.abs(offset) < MAX_OFFSET_MS)) {
    // An engine reading the distant past in the Julian calendar would land here; better loud than
    // a result that is days off.
    const zone = formatter.resolvedOptions().timeZone;
    throw new CxMetricsError(
      'INVALID_VALUE',
      `time zone ${zone}: this platform's Intl.DateTimeFormat gives a UTC offset of ${offset / 3_600_000} h at ` +
        `${new Date(instant).toISOString()}; expected less than 24 h (dates before 1582 may not be supported here)`,
      { value: instant },
    );
  }
  return offset;
}

/**
 * The first instant in (from, until] at which the offset differs from the one in force at
 * `from`, or `undefined` if it does not change there. Probes once a day, then bisects: transitions
 * fall on whole seconds, so the search stops when the bracket is narrower than a second.
 */
export function nextTransition(from: number, until: number, formatter: Intl.DateTimeFormat): number | undefined {
  const offset = utcOffsetAt(from, formatter);
  let lo = from;
  while (lo < until) {
    const probe = Math.min(lo + PROBE_MS, until);
    if (utcOffsetAt(probe, formatter) !== offset) {
      let hi = probe;
      // Invariant: offset at lo is the old one, at hi a new one.
      while (hi - lo >= 1000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (utcOffsetAt(mid, formatter) === offset) lo = mid;
        else hi = mid;
      }
      // Exactly one whole second lies in (lo, hi]: the transition.
      return Math.floor(hi / 1000) * 1000;
    }
    lo = probe;
  }
  return undefined;
}

/**
 * Every instant (epoch ms, ascending) at which the zone's wall clock shows `wall` (a naive
 * wall-clock ms, see `wallClockMs`): one for most wall times, none in a gap (the clocks jump
 * over it), two in an overlap (the clocks show it twice). Candidates are wall − offset for the
 * offsets in force a day before and a day after (one transition at most in between, see
 * PROBE_MS); a candidate is real if the zone's offset at it is the one that produced it.
 */
export function wallTimeInstants(wall: number, formatter: Intl.DateTimeFormat): number[] {
  const before = utcOffsetAt(clampInstant(wall - DAY_MS), formatter);
  const after = utcOffsetAt(clampInstant(wall + DAY_MS), formatter);
  const instants: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wall - offset;
    if (Math.abs(instant) <= MAX_INSTANT_MS && utcOffsetAt(instant, formatter) === offset) instants.push(instant);
  }
  return instants.sort((a, b) => a - b);
}

/** How to pick one instant when a wall time happens twice (the hour repeated when DST ends). */
export type Disambiguation = 'earlier' | 'later';

/**
 * The instant (epoch ms) at which the wall clock in `timeZone` shows the given local date and
 * time.
 *
 * Most wall times happen exactly once. Two kinds do not, and the rule for each is:
 * - **gap** (spring forward: in America/New_York on 2026-03-08 the clock jumps from 02:00 to
 *   03:00, so 02:30 never happens): the result is the instant of the jump, i.e. the instant the
 *   clock jumps *to* (02:30 → the instant of 03:00 EDT = 07:00Z). Every wall time in the gap
 *   maps to that same instant, so a window that starts or ends in the gap loses exactly the
 *   missing part.
 * - **overlap** (fall back: on 2026-11-01 New York shows 01:00–01:59 twice, first in EDT, then in
 *   EST): `'earlier'` (the default) gives the first occurrence, `'later'` the second. A window
 *   running from before to after the repeated hour therefore lasts one hour longer in real time:
 *   from `zonedTimeToUtc(start, 'earlier')` to `zonedTimeToUtc(end, 'later')`.
 *
 * Hour 24 with minute 0 is the next day's 00:00 (the end of the day).
 *
 * Method: candidate instants are wall − offset for the offsets in force a day before and a day
 * after (one transition at most in between, see PROBE_MS); a candidate is real if the zone's
 * offset at it is the one that produced it. Two real candidates: an overlap; none: a gap, whose
 * transition is found by bisection. Cost: a handful of `formatToParts` calls.
 *
 * @param year - full year, e.g. 2026
 * @param month - 1…12
 * @param day - 1…31
 * @param hour - 0…24
 * @param minute - 0…59
 * @param timeZone - IANA name, e.g. 'Europe/Warsaw'
 * @param disambiguation - which occurrence of a repeated wall time: 'earlier' (default) or 'later'
 * @returns epoch milliseconds
 * @throws RangeError from Intl for an unknown time zone (callers validate the zone first)
 */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
  disambiguation: Disambiguation = 'earlier',
): number {
  const formatter = timeZoneFormatter(timeZone);
  const wall = wallClockMs(year, month, day, hour, minute);
  const [first, second] = wallTimeInstants(wall, formatter);
  if (first === undefined) {
    const before = utcOffsetAt(clampInstant(wall - DAY_MS), formatter);
    const after = utcOffsetAt(clampInstant(wall + DAY_MS), formatter);
    // Gap: wall − after falls before the jump and wall − before after it, so the jump lies
    // between them (searching from a day back would also work, but this bracket is tighter).
    const from = Math.min(wall - after, wall - before);
    const until = Math.max(wall - after, wall - before);
    return nextTransition(from, until, formatter) ?? wall - before;
  }
  return disambiguation === 'later' && second !== undefined ? second : first;
}
