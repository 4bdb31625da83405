import * as z from 'zod';
import { parseTimestamp } from '../time/timestamp.ts';
import { got, optionalCell } from './cells.ts';

export { ISO_TIMESTAMP_PATTERN } from '../time/timestamp.ts';

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
 * accepted as numbers only: a digit string such as "20260501" is ambiguous and rejected. The
 * forms are exactly those the metrics read (ISO_TIMESTAMP_PATTERN, offset 'Z', ±HH:MM or ±HHMM);
 * the output is a new Date, whole milliseconds, also for a Date from another realm.
 *
 * @example
 * timestampSchema.parse('2026-05-01T10:30').toISOString() // => '2026-05-01T10:30:00.000Z'
 * timestampSchema.parse('2026-05-01T12:30:00+02:00').toISOString() // => '2026-05-01T10:30:00.000Z'
 * timestampSchema.parse(0).toISOString() // => '1970-01-01T00:00:00.000Z'
 * timestampSchema.safeParse('05/01/2026').success // => false
 */
export const timestampSchema = z.preprocess(
  (value) => {
    // The core's parser, so a schema and a metric read every time alike; what it cannot read
    // goes on unchanged, for z.date to report with the value as given.
    const ms = parseTimestamp(value);
    return ms === undefined ? value : new Date(ms);
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
