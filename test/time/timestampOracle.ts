// The regex-based reader parseTimestamp used before the character-code scanner (issue 10), kept
// verbatim as a test oracle for it (test/time/timestampScanner.test.ts): ISO_TIMESTAMP_PATTERN
// matched with RegExp#exec, fields cut out with slice and Number. Only the names of the two
// exported functions changed (regexParseTimestamp, regexTimestampHint) and `export` was dropped
// from the types and constants.
import { daysInMonth } from '../../src/time/schedule.ts';
import { MAX_INSTANT_MS, timeZoneFormatter, wallClockMs, wallTimeInstants } from '../../src/time/zonedTime.ts';

// ISO_TIMESTAMP_PATTERN as it was, copied so the oracle does not move with the source.
const ISO_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([Zz]| ?[+-]\d{2}(?::?\d{2})?)?)?$/;

// Epoch time written as digits (an optional fraction), read only when the caller names the unit.
const EPOCH_DIGITS = /^\d+(?:\.\d+)?$/;

/**
 * The unit of numeric timestamps in an export: epoch milliseconds (the default) or epoch seconds
 * (the parsers' `timestampUnit` option).
 *
 * @example
 * parseCustomersOrThrow([{ id: 'a', startedAt: '1735689600' }], { timestampUnit: 's' })[0].startedAt.toISOString() // => '2025-01-01T00:00:00.000Z'
 */
type TimestampUnit = 'ms' | 's';

/**
 * How to read timestamps the data does not fully describe (@internal): `unit` for numbers and
 * digit strings ('ms' by default; digit strings are read only when `unit` is given), `timeZone`
 * (an IANA name, already validated) for date-times without an offset (UTC when absent).
 */
interface TimestampReading {
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
const EARLIEST_NUMERIC_MS = 946_684_800_000;

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
 * engine-specific formats. Days from the civil date by H. Hinnant's `days_from_civil` (through
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
export function regexParseTimestamp(value: unknown, reading: TimestampReading = {}): number | undefined {
  let ms: number;
  if (typeof value === 'number') ms = numericMs(value, reading.unit);
  else if (typeof value === 'string') ms = parseText(value.trim(), reading);
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
export function regexTimestampHint(value: unknown, reading: TimestampReading = {}): string {
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
  const match = reading.timeZone === undefined ? null : ISO_TIMESTAMP.exec(text);
  if (match === null || match[3] !== undefined || reading.timeZone === undefined) return '';
  const fields = civilFields(match);
  if (fields === undefined) return '';
  const instants = zonedInstants(wallMs(fields), reading.timeZone);
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

interface CivilFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

/** The date and time fields of an ISO match, or undefined when the date or time does not exist. */
function civilFields(match: RegExpExecArray): CivilFields | undefined {
  // The pattern fixes every field's position: date 'YYYY-MM-DD', time 'HH:MM[:SS[.fraction]]'.
  const [, date = '', time = ''] = match;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const hour = Number(time.slice(0, 2) || '0');
  const minute = Number(time.slice(3, 5) || '0');
  const second = Number(time.slice(6, 8) || '0');
  const millis = Number(time.slice(9, 12).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second, millis };
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

const wallMs = (f: CivilFields) => wallClockMs(f.year, f.month, f.day, f.hour, f.minute, f.second) + f.millis;

/** An ISO string (already trimmed) to epoch ms; NaN when it does not match or names no real time. */
function parseIso(text: string, timeZone: string | undefined): number {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) return Number.NaN;
  const fields = civilFields(match);
  if (fields === undefined) return Number.NaN;
  const zone = match[3];
  if (zone === undefined) {
    if (timeZone === undefined) return wallMs(fields);
    // A wall time in the named zone: exactly one instant, or none (skipped) or two (repeated),
    // which are refused rather than guessed.
    const instants = zonedInstants(wallMs(fields), timeZone);
    return instants.length === 1 ? (instants[0] as number) : Number.NaN;
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    // '±HH:MM', '±HHMM' or '±HH', maybe after a space: hours follow the sign, minutes (if any)
    // are the last two digits.
    const signed = zone.trimStart();
    const hours = Number(signed.slice(1, 3));
    const minutes = signed.length > 3 ? Number(signed.slice(-2)) : 0;
    if (hours > 23 || minutes > 59) return Number.NaN;
    offsetMinutes = (signed.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return wallMs(fields) - offsetMinutes * 60_000;
}
