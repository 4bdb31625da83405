import { daysInMonth } from './schedule.ts';
import { MAX_INSTANT_MS, wallClockMs } from './zonedTime.ts';

/**
 * A point in time as cx-metrics accepts it: a `Date`, an ISO-8601 string (no offset = UTC) or
 * epoch milliseconds. The record and option fields of the churn, retention and support metrics
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
 * optional; 'T', 't' or a space between) and an offset ('Z', 'z', ±HH:MM or ±HHMM). Written
 * without the `i` flag so the same source is a valid JSON Schema `pattern` (ECMA-262). It checks
 * the shape only: the parsers (`timestampSchema` included) also reject impossible dates such as
 * 2026-02-31 and times such as 24:00.
 *
 * @example
 * new RegExp(ISO_TIMESTAMP_PATTERN).test('2026-05-01 10:30') // => true
 * new RegExp(ISO_TIMESTAMP_PATTERN).test('05/01/2026') // => false
 */
export const ISO_TIMESTAMP_PATTERN =
  '^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([Zz]|[+-]\\d{2}:?\\d{2})?)?$';

const ISO_TIMESTAMP = new RegExp(ISO_TIMESTAMP_PATTERN);

// Captured once: the brand check below must not depend on what a caller did to Date.prototype.
const getTime = Date.prototype.getTime;

/**
 * A timestamp to epoch milliseconds, or `undefined` when it cannot be read. The one reader of
 * times in cx-metrics: `businessDuration`, the support metrics, the churn and retention metrics
 * and `timestampSchema` all call it, and each turns `undefined` into its own error.
 *
 * Accepted:
 * - an ISO-8601 string (the RFC 3339 profile, plus a space for 'T' and optional seconds) that
 *   matches `ISO_TIMESTAMP_PATTERN`, surrounding whitespace ignored: `YYYY-MM-DD`, optionally
 *   followed by 'T', 't' or one space and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`, then
 *   optionally 'Z', 'z', `±HH:MM` or `±HHMM` (hours 00–23, minutes 00–59). **No offset, and a
 *   bare date, is UTC**, never the machine's local time. The date must exist (2026-02-30 and
 *   2026-13-01 are rejected, not rolled into the next month or year); hours are 00–23 ('24:00'
 *   is rejected), minutes and seconds 00–59 (no leap second). Fraction digits past the
 *   millisecond are truncated, as `Date` does. Years are 0000–9999 as written; an offset may move
 *   the instant just outside them.
 * - a number of epoch milliseconds: finite and within the `Date` range, ±8.64e15 ms
 *   (±100 000 000 days). A fraction of a millisecond is kept; −0 is read as 0.
 * - a valid `Date`, including one from another realm (an iframe or a `vm` context, where
 *   `instanceof Date` is false).
 *
 * Rejected, among others: a bare hour offset ('+02'), a comma before the fraction (the CSV field
 * separator), an hour without minutes, expanded years ('+010000-01-01', which `toISOString`
 * writes outside 0000–9999), digit strings ('20260501', '1777631400000': epoch milliseconds
 * must be numbers), other formats ('05/01/2026', read differently by different engines), an
 * Invalid Date and an object that only claims to be a Date.
 *
 * Why not `Date.parse`: it reads a date-time without an offset as local time, and it accepts
 * engine-specific formats. Days from the civil date by H. Hinnant's `days_from_civil` (through
 * `wallClockMs`), exact for every year, where `Date.UTC` maps years 0–99 to 1900–1999.
 * References: ISO 8601-1:2019 §5.4; RFC 3339 §5.6, https://www.rfc-editor.org/rfc/rfc3339#section-5.6;
 * ECMA-262 §21.4.1 (time values and their range).
 *
 * Examples (internal, so mirrored in test/time/timestamp.test.ts rather than run as `@example`s):
 * `parseTimestamp('2026-05-01T12:30+02:00')` and `parseTimestamp('2026-05-01 10:30')` are both
 * 1777631400000; `parseTimestamp('2026-02-30')` and `parseTimestamp('05/01/2026')` are undefined.
 *
 * @param value - a string, number or Date; anything else is unreadable
 * @returns epoch milliseconds, or `undefined` when `value` is not a timestamp as above; never throws
 * @internal
 */
export function parseTimestamp(value: unknown): number | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') ms = parseIso(value.trim());
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

/** An ISO string (already trimmed) to epoch ms; NaN when it does not match or names no real time. */
function parseIso(text: string): number {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) return Number.NaN;
  // The pattern fixes every field's position: date 'YYYY-MM-DD', time 'HH:MM[:SS[.fraction]]'.
  const [, date = '', time = '', zone = 'Z'] = match;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const hour = Number(time.slice(0, 2) || '0');
  const minute = Number(time.slice(3, 5) || '0');
  const second = Number(time.slice(6, 8) || '0');
  const millis = Number(time.slice(9, 12).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    // '±HH:MM' or '±HHMM': hours follow the sign, minutes are the last two digits.
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(-2));
    if (hours > 23 || minutes > 59) return Number.NaN;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return wallClockMs(year, month, day, hour, minute, second) + millis - offsetMinutes * 60_000;
}
