import * as z from 'zod';
import { got, optionalCell } from './cells.ts';

/**
 * ISO-8601 as the schemas accept it: a calendar date, optionally a time (minutes, seconds and a
 * fraction optional; 'T', 't' or a space between) and an offset ('Z' or ±HH:MM / ±HHMM). Written
 * without the `i` flag so the same source is a valid JSON Schema `pattern` (ECMA-262). It checks
 * the shape only; `timestampSchema` also rejects impossible dates such as 2026-02-31.
 *
 * @example
 * new RegExp(ISO_TIMESTAMP_PATTERN).test('2026-05-01 10:30') // => true
 * new RegExp(ISO_TIMESTAMP_PATTERN).test('05/01/2026') // => false
 */
export const ISO_TIMESTAMP_PATTERN =
  '^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([Zz]|[+-]\\d{2}:?\\d{2})?)?$';

const ISO_TIMESTAMP = new RegExp(ISO_TIMESTAMP_PATTERN);

/** An ISO-8601 string to a Date; a date-time without an offset is read as UTC, never local time. */
function isoToDate(text: string): Date | undefined {
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (match === null) return undefined;
  const [, day, time, offset] = match;
  const date = new Date(time === undefined ? `${day}T00:00:00Z` : `${day}T${time}${offset?.toUpperCase() ?? 'Z'}`);
  // Reject calendar overflow such as 2026-02-31, which Date would roll into March.
  if (Number.isNaN(date.getTime())) return date;
  const shifted = new Date(date.getTime() + offsetMinutes(offset) * 60_000).toISOString().slice(0, 10);
  return shifted === day ? date : new Date(Number.NaN);
}

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

// Four-digit years only: Date.toISOString() writes years outside 0000–9999 as '+010000-…', which
// no ISO reader (this one included) takes back, so such a time could not round-trip through a CSV.
const EARLIEST = new Date('0000-01-01T00:00:00.000Z');
const LATEST = new Date('9999-12-31T23:59:59.999Z');
const EXPECTED = 'expected an ISO-8601 date or date-time, epoch milliseconds or a Date';

/**
 * A timestamp as an ISO-8601 string, epoch milliseconds or a Date, parsed to a Date. A date-time
 * without an offset is taken as UTC, so results never depend on the machine's time zone. Strings
 * that are not ISO-8601 (such as "05/01/2026", which engines read differently), impossible dates
 * (2026-02-31), invalid Dates and years outside 0000–9999 are rejected. Epoch milliseconds are
 * accepted as numbers only: a digit string such as "20260501" is ambiguous and rejected.
 *
 * @example
 * timestampSchema.parse('2026-05-01T10:30').toISOString() // => '2026-05-01T10:30:00.000Z'
 * timestampSchema.parse('2026-05-01T12:30:00+02:00').toISOString() // => '2026-05-01T10:30:00.000Z'
 * timestampSchema.parse(0).toISOString() // => '1970-01-01T00:00:00.000Z'
 * timestampSchema.safeParse('05/01/2026').success // => false
 */
export const timestampSchema = z.preprocess(
  (value) => {
    if (typeof value === 'string') return isoToDate(value) ?? value;
    if (typeof value === 'number' && Number.isFinite(value)) return new Date(value);
    return value;
  },
  z
    .date({ error: (issue) => `${EXPECTED}${got(issue.input)}` })
    .min(EARLIEST, { error: `${EXPECTED}, with a year from 0000 to 9999` })
    .max(LATEST, { error: `${EXPECTED}, with a year from 0000 to 9999` }),
);

/**
 * An optional timestamp (`resolvedAt`, `endedAt`, …): as `timestampSchema`, and a blank cell or
 * null is `undefined` (not yet happened), never the epoch.
 *
 * @example
 * optionalTimestampSchema.parse('  ') // => undefined
 * optionalTimestampSchema.parse(null) // => undefined
 * optionalTimestampSchema.parse('2026-05-01').toISOString() // => '2026-05-01T00:00:00.000Z'
 */
export const optionalTimestampSchema = optionalCell(timestampSchema);
