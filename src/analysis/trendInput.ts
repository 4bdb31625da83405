import { CxMetricsError } from '../errors.ts';
import { readDuration } from '../journey/records.ts';
import { isPlainObject } from '../options.ts';
import { ownFieldReader } from '../ownField.ts';
import { describe } from '../stats/validate.ts';
import { parseTimestamp, timestampHint } from '../time/timestamp.ts';
import { DAY_MS } from '../time/zonedTime.ts';

// Reading the options and records of `trend`: each record's time, the range bounds, the rolling
// window; and the boundary search that puts a time in its bucket.

/** The first index whose boundary is greater than t (boundaries ascending). @internal */
export function upperBound(boundaries: Float64Array, t: number): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((boundaries[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each record's time (epoch ms), read with `at`; INVALID_VALUE naming the index. @internal */
export function readTimes(fn: string, items: ArrayLike<unknown>, at: unknown): Float64Array {
  if (at === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: at is required: the field with each record's time, or a function (record, index) => time`,
    );
  }
  if (typeof at !== 'string' && typeof at !== 'function') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: at is ${describe(at)}; expected a field name or a function (record, index) => time`,
      {
        value: at,
      },
    );
  }
  const read = typeof at === 'function' ? (at as (r: unknown, i: number) => unknown) : ownFieldReader(at);
  const times = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = read(items[i], i);
    const t = parseTimestamp(v);
    if (t === undefined) {
      if (typeof at === 'string' && !hasField(items, at)) {
        throw new CxMetricsError('INVALID_OPTION', `${fn}: no record has the field '${at}' given as at`, { value: at });
      }
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: the time (${typeof at === 'string' ? `'${at}'` : 'at'}) of record at index ${i} is ${describe(v)}; expected a Date, an ISO-8601 string or epoch milliseconds${timestampHint(v)}`,
        { index: i, value: v },
      );
    }
    times[i] = t;
  }
  return times;
}

function hasField(items: ArrayLike<unknown>, field: string): boolean {
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    if (r !== null && typeof r === 'object' && Object.hasOwn(r, field)) return true;
  }
  return false;
}

/** A from/to option as epoch ms; INVALID_OPTION otherwise. @internal */
export function readInstant(fn: string, name: string, value: unknown): number {
  const t = parseTimestamp(value);
  if (t === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describe(value)}; expected a Date, an ISO-8601 string or epoch milliseconds${timestampHint(value)}`,
      { value },
    );
  }
  return t;
}

/** The rolling window, normalised to { days } or { periods }. @internal */
export function readWindow(fn: string, window: unknown): { days: number } | { periods: number } | undefined {
  if (window === undefined) return undefined;
  if (isPlainObject(window) && 'periods' in window) {
    const n = window.periods;
    if (Object.keys(window).length !== 1 || typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: window is ${describe(window)}; expected { periods: N } with a whole N ≥ 1, or { days: N }`,
        { value: window },
      );
    }
    return { periods: n };
  }
  const ms = readDuration(fn, 'window', window);
  const days = ms / DAY_MS;
  if (!Number.isSafeInteger(days)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: window is ${describe(window)}; a rolling window counts whole local days (e.g. { days: 30 }) or periods ({ periods: 3 })`,
      { value: window },
    );
  }
  return { days };
}
