import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';
import { type ArrowChunk, type ArrowColumn, type ArrowTable, arrowValues, isArrowColumn } from './arrowColumn.ts';

// The columns of an Arrow table of records (tickets, customers) for the record-based metrics:
// each column the metric reads, once, into a plain typed array or value array — never a row
// object. Times come from Timestamp columns in any unit (epoch seconds to nanoseconds, as
// bigints) and Date32/Date64 columns, read from the value buffer and the validity bitmap; a null
// is "has not happened". Kept apart from arrowColumn.ts so that `import { nps }` does not carry it.

// Arrow's type ids (apache-arrow's `Type` enum).
const TYPE_INT = 2;
const TYPE_FLOAT = 3;
const TYPE_UTF8 = 5;
const TYPE_BOOL = 6;
const TYPE_DATE = 8;
const TYPE_TIMESTAMP = 10;
const TYPE_LARGE_UTF8 = 20;
const TYPE_DICTIONARY = -1;

/**
 * What a column must hold: times, whole-number counts, true/false flags, ids (text or integers),
 * or anything (a label for messages, read through the column's `get`). @internal
 */
export type ArrowColumnKind = 'time' | 'count' | 'flag' | 'id' | 'label';

const KIND_TYPES: Record<ArrowColumnKind, readonly number[] | undefined> = {
  time: [TYPE_TIMESTAMP, TYPE_DATE],
  count: [TYPE_INT, TYPE_FLOAT],
  flag: [TYPE_BOOL],
  id: [TYPE_UTF8, TYPE_LARGE_UTF8, TYPE_INT, TYPE_DICTIONARY],
  label: undefined,
};

const KIND_EXPECTED: Record<ArrowColumnKind, string> = {
  time: 'a Timestamp (any unit) or Date column',
  count: 'an integer or floating-point column',
  flag: 'a Bool column',
  id: 'a Utf8, dictionary-encoded Utf8 or integer column',
  label: 'any column',
};

/** The names of the table's columns, for messages ("it has \"a\", \"b\""). @internal */
export function columnNames(table: ArrowTable): string {
  const fields = (table as { schema?: { fields?: readonly { name?: unknown }[] } }).schema?.fields;
  if (!Array.isArray(fields)) return 'its columns could not be listed';
  return fields.length === 0 ? 'it has no columns' : `it has ${fields.map((f) => describe(f.name)).join(', ')}`;
}

function typeOf(column: ArrowColumn): { typeId?: unknown; unit?: unknown } | undefined {
  const type = (column as { type?: unknown }).type ?? column.data[0]?.type;
  return type === null || typeof type !== 'object' ? undefined : (type as { typeId?: unknown; unit?: unknown });
}

/**
 * The column `name` of an Arrow table, checked to hold `kind`. A missing column is INVALID_OPTION
 * naming it and the table's columns (unless `optional`: then undefined); a column of another type
 * is INVALID_VALUE naming it and its type. @internal
 */
export function arrowTableColumn(fn: string, table: ArrowTable, name: string, kind: ArrowColumnKind): ArrowColumn;
export function arrowTableColumn(
  fn: string,
  table: ArrowTable,
  name: string,
  kind: ArrowColumnKind,
  optional: boolean | undefined,
): ArrowColumn | undefined;
export function arrowTableColumn(
  fn: string,
  table: ArrowTable,
  name: string,
  kind: ArrowColumnKind,
  optional = false,
): ArrowColumn | undefined {
  const column = table.getChild(name);
  if (!isArrowColumn(column)) {
    if (optional) return undefined;
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: the Arrow table has no column ${describe(name)}, which this metric reads (${columnNames(table)})`,
      { value: name },
    );
  }
  if (column.length !== table.numRows) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: column ${describe(name)} has ${column.length} values for ${table.numRows} rows`,
      { value: name },
    );
  }
  const type = typeOf(column);
  const types = KIND_TYPES[kind];
  if (types !== undefined && !types.includes(type?.typeId as number)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: column ${describe(name)} is ${type === undefined ? 'of an unknown type' : `of type ${String(type)}`}; expected ${KIND_EXPECTED[kind]}`,
      { value: name },
    );
  }
  return column;
}

/** The values of a checked column as a plain array, null for a null (64-bit integers as numbers). @internal */
export function arrowCells(column: ArrowColumn): unknown[] {
  return arrowValues(column);
}

/** The table's `id` column when it has one (any type), for messages; undefined otherwise. @internal */
export function arrowIds(fn: string, table: ArrowTable): unknown[] | undefined {
  const column = arrowTableColumn(fn, table, 'id', 'label', true);
  return column === undefined ? undefined : arrowCells(column);
}

const MS_PER_DAY = 86_400_000;
const NS_PER_MS = 1_000_000n;

/** One timestamp or date slot to epoch ms; sub-millisecond parts are kept as a fraction. */
function slotMs(typeId: number, unit: number, v: bigint | number): number {
  if (typeId === TYPE_DATE) return unit === 0 ? (v as number) * MS_PER_DAY : Number(v);
  switch (unit) {
    case 0:
      return Number(v) * 1000;
    case 1:
      return Number(v);
    case 2:
      // Exact below 2^53 µs (year 2255); one correctly rounded division.
      return Number(v) / 1000;
    default: {
      // Nanoseconds pass 2^53 in 1970: whole ms and the rest apart, so ms stay exact.
      const ns = v as bigint;
      return Number(ns / NS_PER_MS) + Number(ns % NS_PER_MS) / 1e6;
    }
  }
}

/** Whether the chunk's value buffer is the layout slotMs reads (else the column's get is used). */
function plainTimes(chunk: ArrowChunk, typeId: number, unit: number): boolean {
  const v = chunk.values;
  if ((chunk.stride ?? 1) !== 1) return false;
  return typeId === TYPE_DATE && unit === 0 ? v instanceof Int32Array : v instanceof BigInt64Array;
}

/**
 * A time column (Timestamp in any unit, or Date32/Date64) as epoch ms, NaN for a null. Read from
 * the value buffers; a layout other than apache-arrow's current one (e.g. 64-bit values as pairs
 * of 32-bit words) goes through the column's own `get`. @internal
 */
export function arrowTimes(column: ArrowColumn): Float64Array {
  const type = typeOf(column);
  const typeId = type?.typeId as number;
  const unit = typeof type?.unit === 'number' ? type.unit : 1;
  const out = new Float64Array(column.length);
  let base = 0;
  for (const chunk of column.data) {
    const n = chunk.length;
    const bitmap =
      chunk.nullCount > 0 && chunk.nullBitmap && chunk.nullBitmap.length > 0 ? chunk.nullBitmap : undefined;
    if (plainTimes(chunk, typeId, unit)) {
      const values = chunk.values as BigInt64Array | Int32Array;
      const offset = chunk.offset;
      for (let j = 0; j < n; j++) {
        const bit = offset + j;
        out[base + j] =
          bitmap === undefined || ((bitmap[bit >> 3] as number) >> (bit & 7)) & 1
            ? slotMs(typeId, unit, values[j] as bigint | number)
            : Number.NaN;
      }
    } else {
      for (let j = 0; j < n; j++) {
        const v = column.get(base + j);
        out[base + j] =
          v === null || v === undefined
            ? Number.NaN
            : v instanceof Date
              ? v.getTime()
              : typeof v === 'bigint'
                ? slotMs(typeId, unit, v)
                : Number(v);
      }
    }
    base += n;
  }
  return out;
}
