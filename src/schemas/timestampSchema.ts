import * as z from 'zod';
import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';
import { parseTimestamp, type TimestampReading, type TimestampUnit, timestampHint } from '../time/timestamp.ts';
import { timeZoneFormatter } from '../time/zonedTime.ts';
import { got, optionalCell } from './cells.ts';
import { type Fast, UNSURE } from './fastCells.ts';

export { ISO_TIMESTAMP_PATTERN, type TimestampUnit } from '../time/timestamp.ts';

// Four-digit years only: Date.toISOString() writes years outside 0000–9999 as '+010000-…', which
// no ISO reader (this one included) takes back, so such a time could not round-trip through a CSV.
const EARLIEST = new Date('0000-01-01T00:00:00.000Z');
const LATEST = new Date('9999-12-31T23:59:59.999Z');
const EXPECTED = 'expected an ISO-8601 date or date-time, epoch milliseconds or a Date';

// How the parsers' `timestampUnit` and `timeZone` reach the timestamp cells: a setting in force
// only while one parse call runs (synchronously; restored in `finally`), rather than a schema
// per option. The row schemas stay single constants (their JSON Schemas, inferred types and docs
// are those of the default reading), and used on their own they always read the default way.
let reading: TimestampReading = {};

/**
 * Run `parse` with timestamp cells read as `next` says (the parsers' `timestampUnit` and
 * `timeZone`), then restore the previous reading, also when `parse` throws. @internal
 */
export function withTimestampReading<T>(next: TimestampReading, parse: () => T): T {
  const previous = reading;
  reading = next;
  try {
    return parse();
  } finally {
    reading = previous;
  }
}

/**
 * The timestamp options every parser takes (`parseTickets`, `parseCustomers`, `parseResponses`
 * and their `…OrThrow` forms): the unit of numeric times and the zone of zone-less ones.
 *
 * @example
 * parseTicketsOrThrow([{ id: 'T-1', createdAt: '2026-04-26 14:16' }], { timeZone: 'Europe/Warsaw' })[0].createdAt.toISOString() // => '2026-04-26T12:16:00.000Z'
 */
export interface TimestampParseOptions {
  /**
   * The unit of numeric times in the rows: 'ms' (epoch milliseconds, the default) or 's' (epoch
   * seconds, as Unix tools, Python's `time.time()` and many exports write them). Naming a unit
   * also reads digit strings ('1777631400') as epoch times in it.
   */
  timestampUnit?: TimestampUnit;
  /**
   * The IANA time zone (e.g. 'Europe/Warsaw') of date-times written without an offset, such as
   * '2026-04-26 14:16'; UTC when left out. A time with an offset keeps its offset.
   */
  timeZone?: string;
}

/** The names of `TimestampParseOptions`, for the parsers' option checks. @internal */
export const TIMESTAMP_OPTION_KEYS = Object.freeze(['timestampUnit', 'timeZone'] as const);

/**
 * The parsers' `timestampUnit` and `timeZone` options, checked, as a reading for
 * `withTimestampReading`; INVALID_OPTION naming the option when one is bad. @internal
 */
export function timestampReadingOption(fn: string, options: TimestampParseOptions | undefined): TimestampReading {
  if (options === undefined || options === null || typeof options !== 'object') return {};
  const { timestampUnit, timeZone } = options;
  if (timestampUnit !== undefined && timestampUnit !== 'ms' && timestampUnit !== 's') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: timestampUnit is ${describe(timestampUnit)}; expected 'ms' (epoch milliseconds, the default) or 's' (epoch seconds)`,
      { value: timestampUnit },
    );
  }
  if (timeZone !== undefined) {
    const expected = "expected an IANA time zone name such as 'Europe/Warsaw' or 'UTC'";
    if (typeof timeZone !== 'string' || timeZone === '') {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: timeZone is ${describe(timeZone)}; ${expected}`, {
        value: timeZone,
      });
    }
    try {
      timeZoneFormatter(timeZone);
    } catch {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: timeZone is ${describe(timeZone)}, which this platform's Intl does not know; ${expected}`,
        { value: timeZone },
      );
    }
  }
  return { unit: timestampUnit, timeZone };
}

/**
 * A timestamp as an ISO-8601 string, epoch milliseconds or a Date, parsed to a Date. A date-time
 * without an offset is taken as UTC, so results never depend on the machine's time zone. Strings
 * that are not ISO-8601 (such as "05/01/2026", which engines read differently), impossible dates
 * (2026-02-31), invalid Dates and years outside 0000–9999 are rejected. Epoch milliseconds are
 * accepted as numbers from 2000-01-01 on: an earlier number is rejected with a hint, since it is
 * almost always epoch seconds (1777631400 is 2026 in seconds, January 1970 in milliseconds); a
 * digit string such as "20260501" is ambiguous and rejected. The parsers' `timestampUnit` ('s'
 * for exports in epoch seconds, also as digit strings) and `timeZone` (for date-times written
 * without an offset) change that reading for one call. The forms are exactly those the metrics
 * read (ISO_TIMESTAMP_PATTERN: offset 'Z', ±HH:MM, ±HHMM or ±HH, after an optional space); the
 * output is a new Date, whole milliseconds, also for a Date from another realm.
 *
 * @example
 * timestampSchema.parse('2026-05-01T10:30').toISOString() // => '2026-05-01T10:30:00.000Z'
 * timestampSchema.parse('2026-05-01T12:30:00+02:00').toISOString() // => '2026-05-01T10:30:00.000Z'
 * timestampSchema.parse('2026-04-26 14:16:00.123456 +0200').toISOString() // => '2026-04-26T12:16:00.123Z'
 * timestampSchema.parse(1777631400000).toISOString() // => '2026-05-01T10:30:00.000Z'
 * timestampSchema.safeParse(1777631400).error.issues[0].message.includes("looks like epoch seconds; pass timestampUnit: 's'") // => true
 * timestampSchema.safeParse('05/01/2026').success // => false
 */
export const timestampSchema = z.preprocess(
  (value) => {
    // The core's parser, so a schema and a metric read every time alike; what it cannot read
    // goes on unchanged, for z.date to report with the value as given.
    const ms = parseTimestamp(value, reading);
    if (ms === undefined) return value;
    // Milliseconds read as seconds land tens of thousands of years ahead: report the value as
    // given, with the hint, rather than only its year.
    if (ms > LATEST.getTime() && typeof value !== 'object' && timestampHint(value, reading) !== '') return value;
    return new Date(ms);
  },
  z
    .date({ error: (issue) => `${EXPECTED}${got(issue.input)}${timestampHint(issue.input, reading)}` })
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

/**
 * A required timestamp cell as `timestampSchema` reads it under the reading in force, for the
 * parsers' fast path: the Date it gives, or UNSURE when it gives none (zod then says why). @internal
 */
export function fastTimestamp(value: unknown): Fast<Date> {
  const ms = parseTimestamp(value, reading);
  if (ms === undefined) return UNSURE;
  const date = new Date(ms);
  const time = date.getTime();
  return time >= EARLIEST_MS && time <= LATEST_MS ? date : UNSURE;
}

/** `optionalTimestampSchema` on the fast path: null, undefined and blank text are missing. @internal */
export function fastOptionalTimestamp(value: unknown): Fast<Date | undefined> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return fastTimestamp(value);
}

const EARLIEST_MS = EARLIEST.getTime();
const LATEST_MS = LATEST.getTime();
