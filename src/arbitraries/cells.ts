// Building blocks of the row arbitraries: cells as exports write them. Internal to
// 'cx-metrics/arbitraries' (not re-exported). Every cell drawn here is one the parsers in
// 'cx-metrics/schemas' accept, by the rules in src/schemas/cells.ts and src/time/timestamp.ts.
import * as fc from 'fast-check';
import { CxMetricsError } from '../errors.ts';
import { checkOptions, closestName, isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';
import { timeZoneFormatter, utcOffsetAt, wallTimeInstants } from '../time/zonedTime.ts';
import type { RawCell, RawRow, RowFormat, RowOptions } from './types.ts';

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

/** The options of `ticketRow`, `customerRow` and their faulty variants. */
export const ROW_OPTIONS = ['format', 'timestampUnit', 'timeZone', 'columns'] as const;

/** The fields of each kind of row, in column order. */
export const RESPONSE_FIELDS = [
  'id',
  'respondentId',
  'type',
  'submittedAt',
  'score',
  'channel',
  'touchpoint',
  'journeyStage',
  'segment',
  'weight',
  'comment',
] as const;
export const TICKET_FIELDS = [
  'id',
  'customerId',
  'createdAt',
  'firstResponseAt',
  'resolvedAt',
  'reopenedAt',
  'reopens',
  'agentReplies',
  'customerContacts',
  'channel',
  'firstContactResolved',
] as const;
export const CUSTOMER_FIELDS = ['id', 'startedAt', 'endedAt', 'plan', 'mrr'] as const;

/** Field → the column an export names it (the parsers' `columns` option). */
export type Columns = Readonly<Record<string, string>>;

/**
 * The `columns` option, checked as the parsers check it: field names as keys (an unknown one
 * fails with the closest field), column names (non-empty, distinct) as values; a required field
 * whose name another field's column takes must have a column of its own.
 */
export function resolveColumns(
  fn: string,
  columns: unknown,
  fields: readonly string[],
  required: readonly string[],
): Columns | undefined {
  if (columns === undefined) return undefined;
  if (!isPlainObject(columns)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: columns is ${describe(columns)}; expected an object mapping fields to column names, e.g. { submittedAt: 'submitted_at' }`,
      { value: columns },
    );
  }
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const [field, column] of Object.entries(columns)) {
    if (!fields.includes(field)) {
      const guess = closestName(field, fields);
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: columns names an unknown field ${describe(field)}${
          guess === undefined ? `; expected one of ${fields.join(', ')}` : `; did you mean '${guess}'?`
        }`,
        { value: field },
      );
    }
    if (column === undefined) continue;
    if (typeof column !== 'string' || column === '' || used.has(column)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: columns.${field} is ${describe(column)}; expected a column name (a non-empty string, one per field)`,
        { value: column },
      );
    }
    used.add(column);
    out[field] = column;
  }
  if (Object.keys(out).length === 0) return undefined;
  for (const field of required) {
    const taker = Object.keys(out).find((other) => out[other] === field);
    if (out[field] === undefined && taker !== undefined) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: columns.${taker} is '${field}', the name of the required field ${field}, which then has no column; map ${field} to a column too`,
        { value: columns },
      );
    }
  }
  return out;
}

/** The fields a column mapping leaves without a column (another field's column took their name). */
export function droppedFields(columns: Columns | undefined): Set<string> {
  if (columns === undefined) return new Set();
  return new Set(Object.values(columns).filter((name) => columns[name] === undefined));
}

/**
 * A field-keyed row under the export's column names. A field whose own name another field's
 * column takes (`{ respondentId: 'id' }`) has no column of its own in that export: left out.
 */
export function renameRow(row: RawRow, columns: Columns | undefined): RawRow {
  if (columns === undefined) return row;
  const taken = new Set(Object.values(columns));
  const out: RawRow = {};
  for (const [field, cell] of Object.entries(row)) {
    const column = columns[field];
    if (column !== undefined) out[column] = cell;
    else if (!taken.has(field)) out[field] = cell;
  }
  return out;
}

/** Draw a format per row, then a row in it. */
export function perFormat<T>(formats: readonly Format[], make: (format: Format) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  const arbitraries = formats.map(make);
  return arbitraries.length === 1 ? (arbitraries[0] as fc.Arbitrary<T>) : fc.oneof(...arbitraries);
}

/** The checked `RowOptions` of a ticket or customer row arbitrary (valid or faulty). @internal */
export interface RowSetup {
  formats: readonly Format[];
  reading: Reading;
  columns: Columns | undefined;
}

/**
 * Check a row arbitrary's `RowOptions` once: the keys, then the reading (unit, zone), the column
 * mapping onto `fields` (the `required` ones must stay mapped to something), the format — in that
 * order, so the first mistake is the one reported. @internal
 */
export function readRowOptions(
  fn: string,
  options: RowOptions | undefined,
  fields: readonly string[],
  required: readonly string[],
): RowSetup {
  const o = checkOptions(fn, options, ROW_OPTIONS) as Record<string, unknown>;
  const reading = resolveReading(fn, o);
  const columns = resolveColumns(fn, o.columns, fields, required);
  return { formats: resolveFormat(fn, o.format), reading, columns };
}

/**
 * A valid-row arbitrary from its one-format builder: rows drawn per format under the options'
 * reading, then renamed to the options' columns. @internal
 */
export function rowArbitrary(
  fn: string,
  options: RowOptions | undefined,
  fields: readonly string[],
  required: readonly string[],
  rowIn: (format: Format, reading: Reading) => fc.Arbitrary<RawRow>,
): fc.Arbitrary<RawRow> {
  const { formats, reading, columns } = readRowOptions(fn, options, fields, required);
  return perFormat(formats, (format) => rowIn(format, reading)).map((row) => renameRow(row, columns));
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
 * How the parsers will be told to read times (their `timestampUnit` and `timeZone` options), so
 * the rows are drawn to match: numbers and digit strings in that unit, zone-less times as wall
 * times in that zone.
 */
export interface Reading {
  unit?: 'ms' | 's' | undefined;
  timeZone?: string | undefined;
  formatter?: Intl.DateTimeFormat | undefined;
}

/** The `timestampUnit` and `timeZone` options, checked as the parsers check them. */
export function resolveReading(fn: string, o: Record<string, unknown>): Reading {
  const { timestampUnit: unit, timeZone } = o;
  if (unit !== undefined && unit !== 'ms' && unit !== 's') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: timestampUnit is ${describe(unit)}; expected 'ms' (epoch milliseconds, the default) or 's' (epoch seconds)`,
      { value: unit },
    );
  }
  if (timeZone === undefined) return { unit };
  let formatter: Intl.DateTimeFormat | undefined;
  try {
    formatter = typeof timeZone === 'string' && timeZone !== '' ? timeZoneFormatter(timeZone) : undefined;
  } catch {
    formatter = undefined;
  }
  if (formatter === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: timeZone is ${describe(timeZone)}; expected an IANA time zone name such as 'Europe/Warsaw' or 'UTC' that this platform's Intl knows`,
      { value: timeZone },
    );
  }
  return { unit, timeZone: timeZone as string, formatter };
}

/** A time written into a cell, and the instant the parser reads from it. */
export interface Written {
  cell: string | number;
  at: number;
}

/**
 * How one row writes its times. A row writes all its times alike (one export, one format). Each
 * style may round an instant down (to the day, minute, second or fraction written); the row
 * arbitraries compare the instants read back (`Written.at`), so times stay in order as read.
 */
export interface TimeStyle {
  /** 'date' (YYYY-MM-DD), 'minutes', 'seconds', 'fraction' (1–6 digits), 'epoch' (a number, or digits with a unit). */
  precision: 'date' | 'minutes' | 'seconds' | 'fraction' | 'epoch';
  digits: number;
  separator: 'T' | ' ';
  /** 'Z', 'none' (a zone-less time: UTC, or the wall time in the reading's zone) or an offset in minutes. */
  zone: 'Z' | 'none' | number;
  /** ±HH:MM, ±HHMM or ±HH (whole hours only; otherwise ±HH:MM). */
  offsetForm: 'colon' | 'compact' | 'hours';
  /** One space before a numeric offset ('2026-04-26 14:16:00 +0200'). */
  offsetSpace: boolean;
  /** An epoch time as a digit string rather than a number (always in CSV; in JSON only with a unit). */
  digitString: boolean;
}

// Offsets in use somewhere (whole hours, :30 and :45 zones, the extremes −12:00 and +14:00).
const OFFSETS = [0, 60, 120, 180, -300, -240, -180, 330, 345, 540, -210, 840, -720, 570];

/**
 * A time style. Epoch numbers appear in JSON rows, and in CSV rows (as digits) only when the
 * reading names a unit, as the parsers read digit strings only then.
 */
export function timeStyle(format: Format, reading: Reading): fc.Arbitrary<TimeStyle> {
  const precisions: TimeStyle['precision'][] = ['date', 'minutes', 'seconds', 'fraction'];
  if (format === 'json' || reading.unit !== undefined) precisions.push('epoch');
  return fc.record({
    precision: fc.constantFrom(...precisions),
    digits: fc.integer({ min: 1, max: 6 }),
    separator: fc.constantFrom<TimeStyle['separator']>('T', ' '),
    zone: fc.oneof(fc.constantFrom<'Z' | 'none'>('Z', 'none'), fc.constantFrom(...OFFSETS)),
    offsetForm: fc.constantFrom<TimeStyle['offsetForm']>('colon', 'compact', 'hours'),
    offsetSpace: fc.boolean(),
    digitString: format === 'csv' ? fc.constant(true) : reading.unit === undefined ? fc.constant(false) : fc.boolean(),
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall time `wall` (naive ms) written down to `precision`, and that truncated wall time. */
function wallText(wall: number, style: TimeStyle): { text: string; wall: number } {
  const iso = new Date(wall).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  if (style.precision === 'date') return { text: iso.slice(0, 10), wall: wall - (((wall % DAY) + DAY) % DAY) };
  let text = `${iso.slice(0, 10)}${style.separator}${iso.slice(11, 16)}`;
  let unit = 60_000;
  if (style.precision !== 'minutes') {
    text += iso.slice(16, 19);
    unit = 1000;
  }
  if (style.precision === 'fraction') {
    // Digits past the millisecond are zeros (microsecond columns of whole-ms times).
    text += `.${iso.slice(20, 23).padEnd(6, '0').slice(0, style.digits)}`;
    unit = 10 ** Math.max(0, 3 - style.digits);
  }
  return { text, wall: wall - (((wall % unit) + unit) % unit) };
}

const DAY = 86_400_000;

function offsetText(minutes: number, style: TimeStyle): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(minutes) / 60));
  const rest = pad(Math.abs(minutes) % 60);
  const space = style.offsetSpace ? ' ' : '';
  if (style.offsetForm === 'hours' && rest === '00') return `${space}${sign}${hours}`;
  return `${space}${sign}${hours}${style.offsetForm === 'compact' ? '' : ':'}${rest}`;
}

/** Write an instant (epoch ms, whole milliseconds) in a style, for a reading. */
export function formatTime(ms: number, style: TimeStyle, reading: Reading): Written {
  if (style.precision === 'epoch') {
    const n = reading.unit === 's' ? Math.floor(ms / 1000) : ms;
    const at = reading.unit === 's' ? n * 1000 : n;
    return { cell: style.digitString ? String(n) : n, at };
  }
  if (style.precision !== 'date' && style.zone !== 'none') {
    const offset = style.zone === 'Z' ? 0 : style.zone;
    const { text, wall } = wallText(ms + offset * 60_000, style);
    return {
      cell: style.zone === 'Z' ? `${text}Z` : `${text}${offsetText(offset, style)}`,
      at: wall - offset * 60_000,
    };
  }
  // Zone-less: UTC, or the wall time in the reading's zone.
  const formatter = reading.formatter;
  if (formatter === undefined) {
    const { text, wall } = wallText(ms, style);
    return { cell: text, at: wall };
  }
  const offset = utcOffsetAt(ms, formatter);
  const { text, wall } = wallText(ms + offset, style);
  const [only, twice] = wallTimeInstants(wall, formatter);
  if (only !== undefined && twice === undefined) return { cell: text, at: only };
  // A wall time the zone skips or shows twice (DST) is refused by the parsers, rightly: the row
  // then gives this time with its offset, as an export that knows it would.
  const exact = { ...style, precision: 'fraction' as const, digits: 3, offsetForm: 'colon' as const };
  const minutes = Math.round(offset / 60_000);
  return { cell: `${wallText(ms + offset, exact).text}${offsetText(minutes, exact)}`, at: ms };
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
