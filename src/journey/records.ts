import { CxMetricsError } from '../errors.ts';
import { checkOptions, isPlainObject } from '../options.ts';
import { ownField } from '../ownField.ts';
import { describe } from '../stats/validate.ts';
import { parseTimestamp, type Timestamp, timestampHint } from '../time/timestamp.ts';

// The journey record types and the readers funnel and cartAbandonment share: ids, timestamps,
// the `by` grouping. Internal to cx-metrics except the record types, which index.ts re-exports.

/**
 * One event of a customer journey: the customer reached `stage` at `at`. The `JourneyEvent` schema
 * of 'cx-metrics/schemas' parses CSV rows into exactly this shape; plain records work too. Times
 * are `Date`s, ISO-8601 strings (no offset = UTC) or epoch ms. `touchpoint`, `channel` and
 * `device` describe where it happened; `funnel` reads them only through its `by` option.
 *
 * @example
 * const events = [
 *   { customerId: 'c1', stage: 'visit', at: '2026-06-01T10:00Z', channel: 'search', device: 'mobile' },
 *   { customerId: 'c1', stage: 'purchase', at: '2026-06-01T10:20Z', touchpoint: 'checkout' },
 * ]
 * funnel(events, { stages: ['visit', 'purchase'], asOf: '2026-07-01' }).endToEnd.converted // => 1
 */
export interface JourneyEvent {
  /** The customer (person or account); a string or a number, compared as text ('7' and 7 are one customer). */
  customerId: string | number;
  /** The journey stage reached, one of the funnel's `stages`. */
  stage: string;
  /** When the stage was reached. */
  at: Timestamp;
  /** Where it happened: a page, a mail, a store visit ('product page', 'newsletter', …). */
  touchpoint?: string | null | undefined;
  /** The marketing or sales channel ('search', 'email', 'store', …). */
  channel?: string | null | undefined;
  /** The device ('desktop', 'mobile', …). */
  device?: string | null | undefined;
}

/**
 * A shopping cart as `cartAbandonment` reads it: created at `createdAt`, bought at `purchasedAt`
 * (absent, `null` or a blank string: not bought). The `Cart` schema of 'cx-metrics/schemas'
 * parses CSV rows into exactly this shape; plain records work too.
 *
 * @example
 * const carts = [
 *   { cartId: 'k1', createdAt: '2026-06-01T10:00Z', purchasedAt: '2026-06-01T10:09Z', device: 'desktop', value: 59.9 },
 *   { cartId: 'k2', createdAt: '2026-06-02T18:30Z', purchasedAt: null, device: 'mobile', value: 24 },
 * ]
 * cartAbandonment(carts, { asOf: '2026-07-01', window: { days: 7 } }).abandoned // => 1
 */
export interface CartRecord {
  /** Cart id, unique; a string or a number, compared as text. */
  cartId: string | number;
  /** When the cart was created (the first item added). */
  createdAt: Timestamp;
  /** When the cart was bought; absent, `null` or blank while not bought. */
  purchasedAt?: Timestamp | null | undefined;
  /** The device ('desktop', 'mobile', …); read only through the `by` option. */
  device?: string | null | undefined;
  /** The channel ('search', 'email', …); read only through the `by` option. */
  channel?: string | null | undefined;
  /** The cart's value in the shop's currency, a finite number ≥ 0; totals are reported per outcome. */
  value?: number | null | undefined;
}

/**
 * How records are split into groups: the name of a field (`'device'`, `'channel'`), or a function
 * of the record and its index returning the group's key. A key is a string or a number (compared
 * as text); `null`, `undefined` or a blank string is "no group": the record counts in the
 * overall result and in `ungrouped`, in no group.
 *
 * @example
 * const carts = [
 *   { cartId: 1, createdAt: '2026-06-01', purchasedAt: '2026-06-01', device: 'mobile' },
 *   { cartId: 2, createdAt: '2026-06-01', device: 'desktop' },
 * ]
 * const byDevice = cartAbandonment(carts, { asOf: '2026-07-01', window: { days: 7 }, by: 'device' })
 * byDevice.groups.map((g) => g.key) // => ['desktop', 'mobile']
 * const byWeekday = cartAbandonment(carts, { asOf: '2026-07-01', window: { days: 7 }, by: (cart) => new Date(cart.createdAt).getUTCDay() })
 * byWeekday.groups.map((g) => g.key) // => ['1']
 */
export type GroupBy<T> = string | ((record: T, index: number) => string | number | null | undefined);

const TIMESTAMP_EXPECTED =
  'expected an ISO-8601 date or date-time (without an offset it is UTC), epoch milliseconds or a valid Date';

/**
 * A duration given as an option (`within`, `window`): a number of milliseconds, or
 * `{ days?, hours?, minutes? }` — the one duration convention of cx-metrics. It must add up to
 * more than 0.
 *
 * @example
 * const week = { days: 7 }
 * const carts = [{ cartId: 1, createdAt: '2026-06-28' }]
 * cartAbandonment(carts, { asOf: '2026-07-01', window: week }).windowMs // => 604800000
 * cartAbandonment(carts, { asOf: '2026-07-01', window: { hours: 36 } }).abandoned // => 1
 */
export type TimeWindow = number | { days?: number; hours?: number; minutes?: number };

/** True for null, undefined and blank strings. @internal */
export function isAbsent(value: unknown): value is null | undefined | string {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Check that `records` is a non-empty array of plain records; `what` names one ('event', 'cart'). @internal */
export function checkRecords<T>(fn: string, records: unknown, what: string): readonly T[] {
  if (!Array.isArray(records)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected an array of ${what}s, got ${describe(records)}`, {
      value: records,
    });
  }
  if (records.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one ${what}`);
  return records as readonly T[];
}

/** The record at index i, which must be an object; INVALID_VALUE naming the index otherwise. @internal */
export function recordAt<T>(fn: string, records: readonly T[], i: number, what: string, shape: string): T {
  const record: unknown = records[i];
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${what} at index ${i} is ${describe(record)}; expected a record ${shape}`,
      { index: i, value: record },
    );
  }
  return record as T;
}

/** An id field (customerId, cartId) as text: a non-blank string or a finite number. @internal */
export function readId(fn: string, value: unknown, i: number, what: string, field: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: ${what} at index ${i} has ${field} ${describe(value)}; expected a non-blank string or a finite number`,
    { index: i, value },
  );
}

/** A timestamp field to epoch ms; `undefined` when absent and optional. @internal */
export function readTime(
  fn: string,
  value: unknown,
  i: number,
  label: string,
  field: string,
  required: boolean,
): number | undefined {
  if (isAbsent(value)) {
    if (!required) return undefined;
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${label} has no ${field}; ${TIMESTAMP_EXPECTED}`, {
      index: i,
      value,
    });
  }
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${label}: ${field} is ${describe(value)}; ${TIMESTAMP_EXPECTED}${timestampHint(value)}`,
      {
        index: i,
        value,
      },
    );
  }
  return ms;
}

/** A required timestamp option (asOf) to epoch ms; INVALID_OPTION when missing or unreadable. @internal */
export function readTimeOption(fn: string, name: string, value: unknown, hint: string): number {
  if (value === undefined) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${name} is required: ${hint}`);
  }
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describe(value)}; ${TIMESTAMP_EXPECTED}${timestampHint(value)}`,
      {
        value,
      },
    );
  }
  return ms;
}

/**
 * A duration option (`within`, `window`): a number of ms > 0, or `{ days?, hours?, minutes? }`
 * (each a finite number ≥ 0, adding up to more than 0), the one duration convention of
 * cx-metrics. @internal
 */
export function readDuration(fn: string, name: string, value: unknown): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return value;
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describe(value)}; expected a finite number of ms > 0 or { days?, hours?, minutes? }`,
      { value },
    );
  }
  if (!isPlainObject(value)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describe(value)}; expected a number of ms or { days?, hours?, minutes? } (e.g. { days: 30 })`,
      { value },
    );
  }
  checkOptions(fn, value, ['days', 'hours', 'minutes'], name);
  const units = { days: 86_400_000, hours: 3_600_000, minutes: 60_000 } as const;
  let ms = 0;
  for (const [key, size] of Object.entries(units)) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: ${name}.${key} is ${describe(v)}; expected a finite number ≥ 0`,
        { value: v },
      );
    }
    ms += v * size;
  }
  if (!(ms > 0) || !Number.isFinite(ms)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} adds up to ${ms} ms; expected a duration greater than 0 (e.g. { days: 30 })`,
      { value },
    );
  }
  return ms;
}

/** The `by` option checked: a field name or a function. @internal */
export function checkGroupBy<T>(fn: string, by: unknown): GroupBy<T> | undefined {
  if (by === undefined) return undefined;
  if ((typeof by === 'string' && by !== '') || typeof by === 'function') return by as GroupBy<T>;
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: by is ${describe(by)}; expected a field name (e.g. 'device') or a function (record, index) => key`,
    { value: by },
  );
}

/** The group key of one record as text, or undefined for "no group". @internal */
export function groupKey<T>(fn: string, by: GroupBy<T>, record: T, i: number, what: string): string | undefined {
  const key: unknown = typeof by === 'string' ? ownField(record, by) : by(record, i);
  if (isAbsent(key)) return undefined;
  if (typeof key === 'string') return key;
  if (typeof key === 'number' && Number.isFinite(key)) return String(key);
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: the group of the ${what} at index ${i} (by ${typeof by === 'string' ? `'${by}'` : 'function'}) is ${describe(key)}; expected a string, a number, or null for no group`,
    { index: i, value: key },
  );
}

/** Group keys in one order that does not depend on the input order: by code units. @internal */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Epoch ms as an ISO-8601 UTC string. @internal */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A share with three decimals for messages. @internal */
export function round3(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
