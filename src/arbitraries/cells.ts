// Building blocks of the row arbitraries: cells as exports write them. Internal to
// 'cx-metrics/arbitraries' (not re-exported). Every cell drawn here is one the parsers in
// 'cx-metrics/schemas' accept, by the rules in src/schemas/cells.ts and src/time/timestamp.ts.
import * as fc from 'fast-check';
import { CxMetricsError } from '../errors.ts';
import { checkOptions, isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';
import type { RawCell, RawRow, RowFormat } from './types.ts';

/** A concrete cell shape (`'any'` is resolved per row). */
export type Format = 'csv' | 'json';

/** Marks a column left out of the row (an export without that column). */
export const ABSENT: unique symbol = Symbol('absent');
export type Maybe<T> = T | typeof ABSENT;

/** Build a row from columns in order, leaving out the absent ones (a fresh plain object). */
export function rowOf(columns: [string, Maybe<RawCell>][]): RawRow {
  const row: RawRow = {};
  for (const [name, cell] of columns) if (cell !== ABSENT) row[name] = cell;
  return row;
}

/** The `format` option, checked. */
export function resolveFormat(fn: string, format: unknown): readonly Format[] {
  if (format === undefined || format === 'any') return ['csv', 'json'];
  if (format === 'csv' || format === 'json') return [format];
  throw new CxMetricsError('INVALID_OPTION', `${fn}: format is ${describe(format)}; expected 'csv', 'json' or 'any'`, {
    value: format,
  });
}

/** Draw a format per row, then a row in it. */
export function perFormat<T>(formats: readonly Format[], make: (format: Format) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  const arbitraries = formats.map(make);
  return arbitraries.length === 1 ? (arbitraries[0] as fc.Arbitrary<T>) : fc.oneof(...arbitraries);
}

/** A blank cell: '' or spaces in a CSV, also null in JSON (pandas' to_json writes NaN as null). */
export function blank(format: Format): fc.Arbitrary<RawCell> {
  return format === 'csv' ? fc.constantFrom('', ' ', '   ') : fc.constantFrom<RawCell>('', null);
}

/** An optional column: left out, blank, or a value. */
export function optional(format: Format, value: fc.Arbitrary<RawCell>): fc.Arbitrary<Maybe<RawCell>> {
  return fc.oneof(
    { arbitrary: fc.constant<Maybe<RawCell>>(ABSENT), weight: 1 },
    { arbitrary: blank(format) as fc.Arbitrary<Maybe<RawCell>>, weight: 1 },
    { arbitrary: value as fc.Arbitrary<Maybe<RawCell>>, weight: 3 },
  );
}

/** An integer as a cell: '7', ' 7 ' or '7.0' (a float column) in a CSV, 7 in JSON. */
export function integerCell(format: Format, n: number): fc.Arbitrary<RawCell> {
  if (format === 'json') return fc.constant(n);
  return fc.constantFrom(String(n), ` ${n} `, `${n}.0`);
}

/** A whole-number count ≥ 0 as a cell. */
export function countCell(format: Format): fc.Arbitrary<RawCell> {
  return fc.integer({ min: 0, max: 40 }).chain((n) => integerCell(format, n));
}

/** A finite number ≥ 0 with up to two decimals (a weight, an MRR) as a cell. */
export function amountCell(format: Format, max: number): fc.Arbitrary<RawCell> {
  return fc.tuple(fc.integer({ min: 0, max: max * 100 }), fc.boolean()).map(([cents, twoDecimals]) => {
    const value = cents / 100;
    if (format === 'json') return value;
    // '490.5' and '490.50' are both what exports write.
    return twoDecimals ? value.toFixed(2) : String(value);
  });
}

/** A text id: 'R-1042' or '1042' (numbers are ids too; JSON may give 1042). */
export function idCell(format: Format, prefix: string): fc.Arbitrary<RawCell> {
  return fc
    .integer({ min: 1, max: 999_999 })
    .chain((n) =>
      format === 'json' ? fc.constantFrom<RawCell>(`${prefix}-${n}`, n) : fc.constantFrom(`${prefix}-${n}`, String(n)),
    );
}

/** A word from a list, in the letter case an export may use. */
export function wordCell(words: readonly string[]): fc.Arbitrary<RawCell> {
  return fc.constantFrom(...words);
}

/** Free text (a comment): any string, kept as written. */
export function textCell(): fc.Arbitrary<RawCell> {
  return fc.string({ minLength: 1, maxLength: 30 });
}

/** A yes/no flag as a cell, in the spellings the parsers read. */
export function flagCell(format: Format): fc.Arbitrary<RawCell> {
  const words = ['true', 'false', 'TRUE', 'False', 'yes', 'no', 'Yes', 'No', 'y', 'n', 'Y', 'N', '1', '0'];
  return format === 'json' ? fc.oneof(fc.boolean(), fc.constantFrom(...words)) : fc.constantFrom(...words);
}

// -----------------------------------------------------------------------------------------------
// Timestamps

/** Instants drawn for valid rows: 2001-01-01 to 2098-12-31 UTC, well clear of the epoch-seconds zone before 2000. */
export const EARLIEST_MS = Date.UTC(2001, 0, 1);
export const LATEST_MS = Date.UTC(2098, 11, 31);

/**
 * How one row writes its times. A row writes all its times alike (one export, one format), and
 * every style only rounds an instant down, monotonically, so times in order stay in order once
 * written and read back (ties allowed: 'at or after').
 */
export interface TimeStyle {
  /** 'date' (YYYY-MM-DD, the UTC day), 'minutes', 'seconds', 'fraction' (1–6 digits), 'epoch' (ms, JSON only). */
  precision: 'date' | 'minutes' | 'seconds' | 'fraction' | 'epoch';
  digits: number;
  separator: 'T' | ' ';
  /** 'Z', 'none' (a zone-less time, read as UTC) or an offset in minutes. */
  zone: 'Z' | 'none' | number;
  /** ±HHMM rather than ±HH:MM. */
  compact: boolean;
}

// Offsets in use somewhere (whole hours, :30 and :45 zones, the extremes −12:00 and +14:00).
const OFFSETS = [0, 60, 120, 180, -300, -240, -180, 330, 345, 540, -210, 840, -720, 570];

/** A time style; JSON rows may also give epoch milliseconds. */
export function timeStyle(format: Format): fc.Arbitrary<TimeStyle> {
  const precisions: TimeStyle['precision'][] = ['date', 'minutes', 'seconds', 'fraction'];
  if (format === 'json') precisions.push('epoch');
  return fc.record({
    precision: fc.constantFrom(...precisions),
    digits: fc.integer({ min: 1, max: 6 }),
    separator: fc.constantFrom<TimeStyle['separator']>('T', ' '),
    zone: fc.oneof(fc.constantFrom<'Z' | 'none'>('Z', 'none'), fc.constantFrom(...OFFSETS)),
    compact: fc.boolean(),
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Write an instant (epoch ms, whole milliseconds) in a style. */
export function formatTime(ms: number, style: TimeStyle): string | number {
  if (style.precision === 'epoch') return ms;
  if (style.precision === 'date') return new Date(ms).toISOString().slice(0, 10);
  const offset = typeof style.zone === 'number' ? style.zone : 0;
  // The wall clock at that offset, read off a shifted UTC date.
  const wall = new Date(ms + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  let text = `${wall.slice(0, 10)}${style.separator}${wall.slice(11, 16)}`;
  if (style.precision !== 'minutes') text += wall.slice(16, 19);
  // Digits past the millisecond are zeros (microsecond columns of whole-ms times), so a reader
  // that rounds instead of truncating reads the same instant.
  if (style.precision === 'fraction') text += `.${wall.slice(20, 23).padEnd(6, '0').slice(0, style.digits)}`;
  if (style.zone === 'Z') return `${text}Z`;
  if (style.zone === 'none') return text;
  const sign = offset < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(offset) / 60));
  const minutes = pad(Math.abs(offset) % 60);
  return `${text}${sign}${hours}${style.compact ? '' : ':'}${minutes}`;
}

/** An instant for a required time. */
export function instant(): fc.Arbitrary<number> {
  return fc.integer({ min: EARLIEST_MS, max: LATEST_MS });
}

/**
 * Time cells no parser reads, whatever the export: a day-first or month-first date (ambiguous), an
 * impossible date or hour, a word.
 */
export const UNREADABLE_TIMES = [
  '05/01/2026',
  '31/12/2026',
  '2026-02-30',
  '2026-13-01',
  '2026-05-01T25:00',
  'yesterday',
] as const;

/** A time before every instant drawn for valid rows (2000, as ISO text, never as a number). */
export function earlierTime(): fc.Arbitrary<string> {
  return fc
    .integer({ min: Date.UTC(2000, 2, 1), max: Date.UTC(2000, 11, 1) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
}

// -----------------------------------------------------------------------------------------------
// Scales

/** A checked score range. */
export interface Range {
  min: number;
  max: number;
}

const RANGE_KEYS = [
  'min',
  'max',
  'direction',
  'labels',
  'detractorMax',
  'promoterMin',
  'satisfiedMin',
  'easyThreshold',
] as const;

/** A `{ min, max, … }` scale option to its integer range; INVALID_OPTION when it is not one. */
export function resolveRange(fn: string, name: string, scale: unknown): Range {
  if (!isPlainObject(scale)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${name} is ${describe(scale)}; expected { min, max }`, {
      value: scale,
    });
  }
  const { min, max } = checkOptions(fn, scale, RANGE_KEYS, name) as Partial<Range>;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || (min as number) >= (max as number)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} needs integers min < max; got min ${describe(min)}, max ${describe(max)}`,
      { value: scale },
    );
  }
  if ((max as number) - (min as number) > 1000) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} has ${(max as number) - (min as number) + 1} points; expected at most 1001`,
      { value: scale },
    );
  }
  return { min: min as number, max: max as number };
}

/** Re-export for the row files. */
export type { RawCell, RawRow, RowFormat };
