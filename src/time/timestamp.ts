import { daysInMonth } from './schedule.ts';
import { DAY_MS, MAX_INSTANT_MS, timeZoneFormatter, wallTimeInstants } from './zonedTime.ts';

/**
 * A point in time as cx-metrics accepts it: a `Date`, an ISO-8601 string (no offset = UTC) or
 * epoch milliseconds from 2000-01-01 on (an earlier number is most likely epoch seconds, and is
 * rejected with that hint). The record and option fields of the churn, retention and support metrics
 * (`CustomerRecord`, `TicketRecord`, `ChurnOptions`, `asOf`, …) take it; what is read and what is
 * rejected is spelled out on the parsers (`timestampSchema` in 'cx-metrics/schemas').
 *
 * @example
 * const customers = [{ startedAt: '2026-01-01', endedAt: new Date('2026-03-15T00:00:00Z') }]
 * churn(customers, { from: '2026-01-01', to: Date.UTC(2026, 3, 1) }).value // => 1
 */
export type Timestamp = Date | string | number;

/**
 * ISO-8601 as cx-metrics accepts it: a calendar date, optionally a time (seconds and a fraction
 * optional; 'T', 't' or a space between) and an offset ('Z', 'z', ±HH:MM, ±HHMM or ±HH, the
 * numeric ones optionally after one space, as in `2026-04-26 14:16:00 +0200`). Written without
 * the `i` flag so the same source is a valid JSON Schema `pattern` (ECMA-262). It checks the
 * shape only: the parsers (`timestampSchema` included) also reject impossible dates such as
 * 2026-02-31 and times such as 24:00.
 *
 * Linear time on any input: every quantified part is followed by a character it cannot match
 * (digits by '-', ':', '.', a sign, 'Z' or the end), so a backtracking engine never tries more
 * than one split; a 1 MiB string is answered in about a millisecond.
 *
 * @example
 * new RegExp(ISO_TIMESTAMP_PATTERN).test('2026-05-01 10:30') // => true
 * new RegExp(ISO_TIMESTAMP_PATTERN).test('2026-04-26 14:16:00 +0200') // => true
 * new RegExp(ISO_TIMESTAMP_PATTERN).test('05/01/2026') // => false
 */
export const ISO_TIMESTAMP_PATTERN =
  '^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([Zz]| ?[+-]\\d{2}(?::?\\d{2})?)?)?$';

// Epoch time written as digits (an optional fraction), read only when the caller names the unit.
const EPOCH_DIGITS = /^\d+(?:\.\d+)?$/;

/**
 * The unit of numeric timestamps in an export: epoch milliseconds (the default) or epoch seconds
 * (the parsers' `timestampUnit` option).
 *
 * @example
 * parseCustomersOrThrow([{ id: 'a', startedAt: '1735689600' }], { timestampUnit: 's' })[0].startedAt.toISOString() // => '2025-01-01T00:00:00.000Z'
 */
export type TimestampUnit = 'ms' | 's';

/**
 * How to read timestamps the data does not fully describe (@internal): `unit` for numbers and
 * digit strings ('ms' by default; digit strings are read only when `unit` is given), `timeZone`
 * (an IANA name, already validated) for date-times without an offset (UTC when absent).
 */
export interface TimestampReading {
  unit?: TimestampUnit | undefined;
  timeZone?: string | undefined;
}

/**
 * The earliest instant a number may name: 2000-01-01T00:00Z. Epoch seconds of any time from 1970
 * to 2286, misread as milliseconds, land in the first four months of 1970; real exports of
 * tickets, surveys and subscriptions hold no numeric times before 2000. So a smaller number is
 * refused (with a hint) rather than silently read 1000× too early. Earlier times can still be
 * given as ISO-8601 strings or Dates. @internal
 */
export const EARLIEST_NUMERIC_MS = 946_684_800_000;

const NO_READING: TimestampReading = Object.freeze({});

// Captured once: the brand check below must not depend on what a caller did to Date.prototype.
const getTime = Date.prototype.getTime;

/**
 * A timestamp to epoch milliseconds, or `undefined` when it cannot be read. The one reader of
 * times in cx-metrics: `businessDuration`, the support metrics, the churn and retention metrics,
 * the journey metrics and `timestampSchema` all call it, and each turns `undefined` into its own
 * error, with `timestampHint` saying why when there is more to say than the expected forms.
 *
 * Accepted:
 * - an ISO-8601 string (the RFC 3339 profile, plus the forms common in exports) that matches
 *   `ISO_TIMESTAMP_PATTERN`, surrounding whitespace ignored: `YYYY-MM-DD`, optionally followed
 *   by 'T', 't' or one space and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`, then optionally
 *   'Z', 'z', `±HH:MM`, `±HHMM` or `±HH`, a numeric offset optionally after one space
 *   (`2026-04-26 14:16:00 +0200`, PostgreSQL's `2026-04-26 14:16:00+02`). **No offset, and a
 *   bare date, is UTC** — or, when `reading.timeZone` names a zone, the wall time there; a wall
 *   time the zone skips (DST starts) or shows twice (DST ends) is rejected, never guessed. The
 *   date must exist (2026-02-30 and 2026-13-01 are rejected, not rolled into the next month or
 *   year); hours are 00–23 ('24:00' is rejected), minutes and seconds 00–59 (no leap second).
 *   Fraction digits past the millisecond (microseconds, nanoseconds) are truncated, as `Date`
 *   does. Years are 0000–9999 as written; an offset may move the instant just outside them.
 * - a number of epoch milliseconds (`reading.unit` 's': epoch seconds), within the `Date` range,
 *   ±8.64e15 ms, and **not before 2000-01-01** (`EARLIEST_NUMERIC_MS`: smaller numbers are almost
 *   always epoch seconds). A fraction of a millisecond is kept; −0 is read as 0; seconds are
 *   rounded to the microsecond (so 1777631400.123 s is exactly …400123 ms).
 * - with `reading.unit` given, a digit string (optionally with a '.' fraction) as epoch time in
 *   that unit, under the same rule: '1777631400' with unit 's'. Without a unit a digit string is
 *   ambiguous ('20260501' is a date or 20 million ms) and rejected.
 * - a valid `Date`, including one from another realm (an iframe or a `vm` context, where
 *   `instanceof Date` is false), of any year.
 *
 * Rejected, among others: a comma before the fraction (the CSV field separator), an hour without
 * minutes, expanded years ('+010000-01-01', which `toISOString` writes outside 0000–9999), other
 * formats ('05/01/2026', read differently by different engines), an Invalid Date and an object
 * that only claims to be a Date.
 *
 * Why not `Date.parse`: it reads a date-time without an offset as local time, and it accepts
 * engine-specific formats. ISO strings are read by a character-code scanner (`scanIso`: no regex,
 * no substrings), property-tested to accept, reject and compute exactly as matching
 * `ISO_TIMESTAMP_PATTERN` did. Days from the civil date by H. Hinnant's `days_from_civil` (through
 * `wallClockMs`), exact for every year, where `Date.UTC` maps years 0–99 to 1900–1999. Linear
 * time in the length of the input.
 * References: ISO 8601-1:2019 §5.4; RFC 3339 §5.6, https://www.rfc-editor.org/rfc/rfc3339#section-5.6;
 * ECMA-262 §21.4.1 (time values and their range).
 *
 * Examples (internal, so mirrored in test/time/timestamp.test.ts rather than run as `@example`s):
 * `parseTimestamp('2026-05-01T12:30+02:00')` and `parseTimestamp('2026-05-01 10:30')` are both
 * 1777631400000; `parseTimestamp('2026-02-30')`, `parseTimestamp('05/01/2026')` and
 * `parseTimestamp(1777631400)` are undefined; `parseTimestamp(1777631400, { unit: 's' })` is
 * 1777631400000.
 *
 * @param value - a string, number or Date; anything else is unreadable
 * @param reading - the unit of numbers and the zone of zone-less times, when the data does not say
 * @returns epoch milliseconds, or `undefined` when `value` is not a timestamp as above; never throws
 * @internal
 */
export function parseTimestamp(value: unknown, reading: TimestampReading = NO_READING): number | undefined {
  let ms: number;
  if (typeof value === 'number') ms = numericMs(value, reading.unit);
  else if (typeof value === 'string') ms = parseText(trimmed(value), reading);
  else if (typeof value === 'object' && value !== null) {
    // getTime checks the internal [[DateValue]] slot, so it tells a real Date of any realm from
    // a fake (a Symbol.toStringTag of 'Date' only), on which it throws.
    try {
      ms = getTime.call(value);
    } catch {
      return undefined;
    }
  } else return undefined;
  // The range check also rejects NaN and ±Infinity.
  return Math.abs(ms) <= MAX_INSTANT_MS ? ms + 0 : undefined;
}

/**
 * Why `value` was not read, when there is more to say than the expected forms: `''` or a clause
 * starting with '; ' for the end of an error message. Epoch seconds given as milliseconds ("looks
 * like epoch seconds; pass timestampUnit: 's'…"), digit strings without a unit, wall times that a
 * zone skips or repeats. Only called on the error path.
 *
 * @param value - a value `parseTimestamp(value, reading)` returned `undefined` for
 * @param reading - as given to `parseTimestamp`
 * @returns the hint, or '' when the expected forms say it all
 * @internal
 */
export function timestampHint(value: unknown, reading: TimestampReading = NO_READING): string {
  const unit = reading.unit;
  if (typeof value === 'number' && Number.isFinite(value)) return numericHint(value, String(value), unit ?? 'ms');
  if (typeof value !== 'string') return '';
  const text = value.trim();
  if (EPOCH_DIGITS.test(text)) {
    if (unit !== undefined) return numericHint(Number(text), `'${text}'`, unit);
    if (text.length > 8) {
      const seconds = Number(text) < EARLIEST_NUMERIC_MS;
      return `; a digit string is read as epoch time only when the unit is named: pass timestampUnit: '${seconds ? 's' : 'ms'}' to the parser (or give a number)`;
    }
    return '';
  }
  if (reading.timeZone === undefined) return '';
  const wall = scanIso(text);
  if (Number.isNaN(wall) || scannedOffset) return '';
  const instants = zonedInstants(wall, reading.timeZone);
  if (instants === UNKNOWN) return '';
  if (instants.length === 0) {
    return `; ${text} never happens in ${reading.timeZone} (the clocks skip it: DST starts); expected an existing local time, or an offset`;
  }
  if (instants.length > 1) {
    const at = instants.map((t) => new Date(t).toISOString()).join(' and ');
    return `; ${text} happens twice in ${reading.timeZone} (the clocks go back: DST ends), at ${at}; write it with its UTC offset`;
  }
  return '';
}

function numericHint(value: number, shown: string, unit: TimestampUnit): string {
  const ms = unit === 's' ? secondsToMs(value) : value;
  const words = unit === 's' ? 'epoch seconds' : 'epoch milliseconds';
  if (!(Math.abs(ms) <= MAX_INSTANT_MS)) {
    return unit === 's' && Math.abs(value) <= MAX_INSTANT_MS
      ? `; ${shown} as ${words} is past the year 275760: it looks like epoch milliseconds (leave out timestampUnit: 's')`
      : '';
  }
  if (ms >= EARLIEST_NUMERIC_MS) {
    // In range but still refused: by the schemas' 0000–9999 years, after this hint is asked for.
    return unit === 's' && value >= EARLIEST_NUMERIC_MS
      ? `; ${shown} as ${words} is ${new Date(ms).toISOString()}: it looks like epoch milliseconds (leave out timestampUnit: 's')`
      : '';
  }
  const when = `${shown} as ${words} is ${new Date(ms).toISOString()}, before 2000-01-01`;
  if (unit === 'ms' && value * 1000 >= EARLIEST_NUMERIC_MS && value * 1000 <= LATEST_YEAR_MS) {
    return `; ${when}: it looks like epoch seconds; pass timestampUnit: 's' to the parser (or multiply by 1000)`;
  }
  return `; ${when}: numeric timestamps must be from 2000 on (give an earlier time as an ISO-8601 string or a Date)`;
}

const LATEST_YEAR_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** Epoch seconds to ms, rounded to the microsecond so decimal fractions come out exact. */
function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e3;
}

/** A number in `unit` to epoch ms; NaN before 2000 (see EARLIEST_NUMERIC_MS). */
function numericMs(value: number, unit: TimestampUnit | undefined): number {
  const ms = unit === 's' ? secondsToMs(value) : value;
  return ms >= EARLIEST_NUMERIC_MS ? ms : Number.NaN;
}

/** A trimmed string to epoch ms; NaN when it is not a timestamp. */
function parseText(text: string, reading: TimestampReading): number {
  if (reading.unit !== undefined && EPOCH_DIGITS.test(text)) {
    const dot = text.indexOf('.');
    if (reading.unit === 'ms' || dot < 0) return numericMs(Number(text), reading.unit);
    // Whole seconds and the fraction apart, so '…400.123' is exactly …400123 ms (truncated past
    // the millisecond, as for ISO fractions).
    const ms = Number(text.slice(0, dot)) * 1000 + Number(text.slice(dot + 1, dot + 4).padEnd(3, '0'));
    return ms >= EARLIEST_NUMERIC_MS ? ms : Number.NaN;
  }
  return parseIso(text, reading.timeZone);
}

const UNKNOWN: readonly number[] = Object.freeze([]);

/**
 * The instants of a wall time in a zone; for a time the platform's Intl cannot place (a zone it
 * does not know, dates before 1582 on some engines) none, so the reader stays total.
 */
function zonedInstants(wall: number, timeZone: string): readonly number[] {
  try {
    return wallTimeInstants(wall, timeZoneFormatter(timeZone));
  } catch {
    return UNKNOWN;
  }
}

/** `text.trim()`, without the call when there is nothing to trim (an ASCII non-space at both ends). */
function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** An ISO string (already trimmed) to epoch ms; NaN when it does not match or names no real time. */
function parseIso(text: string, timeZone: string | undefined): number {
  const ms = scanIso(text);
  if (scannedOffset || timeZone === undefined || Number.isNaN(ms)) return ms;
  // A wall time in the named zone: exactly one instant, or none (skipped) or two (repeated),
  // which are refused rather than guessed.
  const instants = zonedInstants(ms, timeZone);
  return instants.length === 1 ? (instants[0] as number) : Number.NaN;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const SPACE = 32;
const PLUS = 43;
const MINUS = 45;

/**
 * The two decimal digits at `at` and `at + 1` as a number 0–99, or −1. Both positions must be
 * inside the string (the callers check the length first): past the end charCodeAt is NaN, and
 * NaN >>> 0 is 0. Unsigned, a code below '0' wraps past 9, so one comparison checks each digit.
 */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >>> 0 <= 9 && ones >>> 0 <= 9 ? tens * 10 + ones : -1;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, by H. Hinnant's `days_from_civil`
 * (https://howardhinnant.github.io/date_algorithms.html) in integer arithmetic: the same numbers
 * as `wallClockMs` (which it replaces on this path only for speed), for years 0–9999 as the
 * pattern writes them. Years are shifted by one 400-year era so that every quotient is of a
 * non-negative number and truncation (`| 0`) is the floor.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = (month <= 2 ? year - 1 : year) + 400; // years start in March, so leap days end them
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + (yearOfEra >> 2) - ((yearOfEra / 100) | 0) + dayOfYear;
  return (era - 1) * 146_097 + dayOfEra - 719_468;
}

/**
 * Whether the string `scanIso` last read carried an offset ('Z' or numeric), so that a zone-less
 * wall time can be placed in `timeZone`. Module state rather than a returned object, so that
 * reading a million timestamps allocates nothing; read it right after the call.
 */
let scannedOffset = false;

/**
 * An ISO string (already trimmed) as `ISO_TIMESTAMP_PATTERN` and the field ranges define it, read
 * by character codes: epoch ms when it has an offset, the naive wall-clock ms (see `wallClockMs`)
 * when it has none (`scannedOffset` tells which), NaN when it does not match, names a date or
 * time that does not exist, or an offset past ±23:59. Every position is fixed except the fraction
 * (1 or more digits; the first three are the milliseconds, the rest truncated) and the offset's
 * optional space and colon, so the scan never backtracks.
 */
function scanIso(text: string): number {
  scannedOffset = false;
  const length = text.length;
  // YYYY-MM-DD
  if (length < 10) return Number.NaN;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if ((century | yy | month | day) < 0 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) {
    return Number.NaN;
  }
  const year = century * 100 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (length === 10) return daysFromCivil(year, month, day) * DAY_MS;
  // 'T', 't' or a space, then HH:MM
  if (length < 16) return Number.NaN;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 116 && separator !== SPACE) return Number.NaN;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if ((hour | minute) < 0 || text.charCodeAt(13) !== COLON) return Number.NaN;
  let second = 0;
  let millis = 0;
  let at = 16;
  // (charCodeAt past the end is NaN, equal to no character code.)
  if (text.charCodeAt(16) === COLON) {
    if (length < 19) return Number.NaN;
    second = twoDigits(text, 17);
    if (second < 0) return Number.NaN;
    at = 19;
    if (text.charCodeAt(19) === DOT) {
      at = 20;
      let digits = 0;
      for (; at < length; at++) {
        const digit = text.charCodeAt(at) - 48;
        if (digit >>> 0 > 9) break;
        if (digits < 3) millis = millis * 10 + digit;
        digits++;
      }
      if (digits === 0) return Number.NaN;
      if (digits === 1) millis *= 100;
      else if (digits === 2) millis *= 10;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const wall = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (at === length) return wall;
  // The offset: 'Z', 'z', or (after an optional space) ±HH, ±HHMM or ±HH:MM.
  scannedOffset = true;
  let sign = text.charCodeAt(at);
  if (sign === 90 || sign === 122) return at + 1 === length ? wall : Number.NaN;
  if (sign === SPACE) sign = text.charCodeAt(++at);
  if ((sign !== PLUS && sign !== MINUS) || at + 3 > length) return Number.NaN;
  const offsetHours = twoDigits(text, at + 1);
  if (offsetHours < 0) return Number.NaN;
  at += 3;
  let offsetMinutes = 0;
  if (at < length) {
    if (text.charCodeAt(at) === COLON) at++;
    if (at + 2 !== length) return Number.NaN;
    offsetMinutes = twoDigits(text, at);
    if (offsetMinutes < 0) return Number.NaN;
  }
  if (offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return sign === MINUS ? wall + offsetMs : wall - offsetMs;
}
