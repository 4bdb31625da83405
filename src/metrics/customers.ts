import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';
import { parseTimestamp, type Timestamp, timestampHint } from '../time/timestamp.ts';
import { type ArrowTable, isArrowTable } from './arrowColumn.ts';
import { arrowIds, arrowTableColumn, arrowTimes } from './arrowTable.ts';

/**
 * Reading customer (subscription) records and timestamps for the churn and retention metrics.
 * Shared by churn.ts, retention.ts and convertChurnRate.ts. @internal
 */

/**
 * One customer or subscription as the churn and retention metrics read it (the `Customer` of
 * 'cx-metrics/schemas' fits): active from `startedAt` (included) until `endedAt` (excluded);
 * `endedAt` absent, `null`, `undefined` or a blank string means still active. Other fields are
 * ignored; `id` only labels error messages.
 *
 * @example
 * const customers = [{ id: 'a', startedAt: '2025-01-01', endedAt: '2025-01-31' }, { id: 'b', startedAt: '2025-01-01', endedAt: null }]
 * const curve = retentionCurve(customers, { asOf: '2025-03-02' })
 * [curve.churned, curve.active] // => [1, 1]
 */
export interface CustomerRecord {
  id?: string | number | undefined;
  startedAt: Timestamp;
  endedAt?: Timestamp | null | undefined;
}

/**
 * Units of customer-time and tenure. A month is 30.4375 days and a year 365.25 days (averages).
 *
 * @example
 * const customers = [{ startedAt: '2025-01-01', endedAt: '2025-01-31' }]
 * retentionCurve(customers, { asOf: '2025-03-02', unit: 'month' }).points[0].time // => 30 / 30.4375 (to 1e-15) (30 days)
 */
export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** @internal */
export const DAY_MS = 86_400_000;

/**
 * Length of each unit in days: the Gregorian averages, so 12 months are exactly a year and
 * 4 quarters too (30.4375 × 12 = 91.3125 × 4 = 365.25).
 *
 * @example
 * TIME_UNIT_DAYS.quarter // => 91.3125
 * TIME_UNIT_DAYS.month * 12 === TIME_UNIT_DAYS.year // => true
 */
export const TIME_UNIT_DAYS: Readonly<Record<TimeUnit, number>> = Object.freeze({
  day: 1,
  week: 7,
  month: 30.4375,
  quarter: 91.3125,
  year: 365.25,
});

/**
 * The names of the units, shortest first.
 *
 * @example
 * TIME_UNITS // => ['day', 'week', 'month', 'quarter', 'year']
 */
export const TIME_UNITS = Object.keys(TIME_UNIT_DAYS) as readonly TimeUnit[];

/** Active spans in epoch ms; `end` is Infinity for a customer still active. @internal */
export interface CustomerSpans {
  start: Float64Array;
  end: Float64Array;
}

/** Midnight UTC of a calendar day; months overflow into years. Unlike Date.UTC, years 0–99 stay. @internal */
export function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** A timestamp option (`from`, `to`, `asOf`) to epoch ms, or INVALID_OPTION naming it. @internal */
export function timestampOption(fn: string, name: string, value: unknown): number {
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describeTimestamp(value)}; expected an ISO-8601 date or date-time (no offset = UTC), ` +
        `epoch milliseconds or a valid Date${timestampHint(value)}`,
      { value },
    );
  }
  return ms;
}

/** The options object itself: absent is `{}`, anything but an object is INVALID_OPTION. @internal */
export function optionsObject<T extends object>(fn: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options must be an object, got ${describe(options)}`, {
      value: options,
    });
  }
  return options;
}

/** A unit option, or INVALID_OPTION naming it. @internal */
export function checkTimeUnit(fn: string, name: string, unit: unknown): TimeUnit {
  if (typeof unit !== 'string' || !Object.hasOwn(TIME_UNIT_DAYS, unit)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describe(unit)}; expected one of ${TIME_UNITS.map((u) => `'${u}'`).join(', ')}`,
      { value: unit },
    );
  }
  return unit as TimeUnit;
}

/**
 * Validate customer records and return their active spans [start, end) in epoch ms, in input
 * order. Throws EMPTY_INPUT for no records and INVALID_VALUE (index, value, and the field in the
 * message) for a record that is not an object, a timestamp that cannot be read, or an `endedAt`
 * before its `startedAt`. @internal
 */
export function readCustomers(fn: string, customers: readonly CustomerRecord[] | ArrowTable): CustomerSpans {
  if (isArrowTable(customers)) return arrowCustomers(fn, customers);
  if (!Array.isArray(customers)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: customers must be an array of { id, startedAt, endedAt? } records, got ${describe(customers)}`,
      { value: customers },
    );
  }
  const length = customers.length;
  if (length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one customer record`);
  // Every element a record before anything is allocated: a sparse array of huge length fails at
  // its first hole.
  for (let i = 0; i < length; i++) {
    const record: unknown = customers[i];
    if (record === null || typeof record !== 'object') {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: customer at index ${i} is ${describe(record)}${i in customers ? '' : ' (a hole in the array)'}; expected a { id, startedAt, endedAt? } record`,
        { index: i, value: record },
      );
    }
  }
  const start = new Float64Array(length);
  const end = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const record = customers[i] as object;
    const { startedAt, endedAt } = record as Partial<CustomerRecord>;
    const s = parseTimestamp(startedAt);
    if (s === undefined) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: startedAt of the customer at index ${i}${idLabel(record)} is ${describeTimestamp(startedAt)}; ` +
          `expected an ISO-8601 date or date-time (no offset = UTC), epoch milliseconds or a valid Date${timestampHint(startedAt)}`,
        { index: i, value: startedAt },
      );
    }
    let e = Number.POSITIVE_INFINITY;
    if (!isBlank(endedAt)) {
      const ended = parseTimestamp(endedAt);
      if (ended === undefined) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: endedAt of the customer at index ${i}${idLabel(record)} is ${describeTimestamp(endedAt)}; ` +
            'expected an ISO-8601 date or date-time (no offset = UTC), epoch milliseconds, a valid Date, ' +
            `or null/undefined/blank while still active${timestampHint(endedAt)}`,
          { index: i, value: endedAt },
        );
      }
      if (ended < s) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: endedAt of the customer at index ${i}${idLabel(record)} (${iso(ended)}) is before its startedAt ` +
            `(${iso(s)}); expected endedAt ≥ startedAt`,
          { index: i, value: endedAt },
        );
      }
      e = ended;
    }
    start[i] = s;
    end[i] = e;
  }
  return { start, end };
}

/**
 * The spans of an Arrow table of customers: its startedAt and endedAt columns (Timestamp in any
 * unit or Date; a null endedAt is still active), read column by column, never as row objects,
 * with the record path's checks. @internal
 */
function arrowCustomers(fn: string, table: ArrowTable): CustomerSpans {
  const start = arrowTimes(arrowTableColumn(fn, table, 'startedAt', 'time'));
  const end = arrowTimes(arrowTableColumn(fn, table, 'endedAt', 'time'));
  if (table.numRows === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one customer record`);
  const ids = arrowIds(fn, table);
  const at = (i: number) => `the customer at index ${i}${ids === undefined ? '' : idLabel({ id: ids[i] })}`;
  for (let i = 0; i < start.length; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    if (!(Math.abs(s) <= MAX_DATE_MS)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: startedAt of ${at(i)} is ${Number.isNaN(s) ? 'null' : `${s} ms from 1970, outside the range of a Date`}; expected a time`,
        { index: i, value: Number.isNaN(s) ? null : s },
      );
    }
    if (Number.isNaN(e)) {
      end[i] = Number.POSITIVE_INFINITY;
    } else if (!(Math.abs(e) <= MAX_DATE_MS)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: endedAt of ${at(i)} is ${e} ms from 1970, outside the range of a Date`,
        { index: i, value: e },
      );
    } else if (e < s) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: endedAt of ${at(i)} (${iso(e)}) is before its startedAt (${iso(s)}); expected endedAt ≥ startedAt`,
        { index: i, value: e },
      );
    }
  }
  return { start, end };
}

// The instants a Date can hold (±10⁸ days around 1970).
const MAX_DATE_MS = 8.64e15;

/** Absent, null or a blank cell: the customer is still active. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function idLabel(record: object): string {
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? ` (id ${describe(id)})` : '';
}

function describeTimestamp(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date';
  return describe(value);
}

/** Epoch ms as an ISO-8601 string (for messages and results). @internal */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Number of elements of a sorted array strictly greater than x (binary search). @internal
 */
export function countAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return sorted.length - lo;
}
