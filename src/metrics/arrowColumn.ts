import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';

// Apache Arrow input for the survey metrics: a column (an Arrow Vector) or a table with a column
// name as the accessor — the shape DuckDB, Polars and Arrow-based notebooks hand over. Read
// chunk by chunk from the typed-array buffers and the validity bitmap, without building a row
// object or even a boxed value per answer. Recognized by shape, so apache-arrow stays an
// optional peer: nothing here imports it.

/**
 * One chunk of an Arrow column (apache-arrow's `Data`): its value buffer, validity bitmap and
 * offset. Only what cx-metrics reads.
 *
 * @example
 * const chunk: ArrowChunk = { offset: 0, length: 2, values: Int32Array.of(9, 3), nullBitmap: null, nullCount: 0, type: { typeId: 2 } }
 * chunk.length // => 2
 */
export interface ArrowChunk {
  readonly offset: number;
  readonly length: number;
  readonly values?: unknown;
  readonly nullBitmap?: Uint8Array | null | undefined;
  readonly nullCount: number;
  readonly stride?: number;
  readonly dictionary?: unknown;
  /** The column's Arrow type; its `typeId` says how to read `values`. */
  readonly type?: unknown;
}

/**
 * An Arrow column (apache-arrow's `Vector`, as `table.getChild('score')` returns it): what
 * `nps`, `csat`, `ces` and `summarize` read without converting it to an array.
 *
 * @example
 * const column: ArrowColumn = { length: 3, nullCount: 1, data: [{ offset: 0, length: 3, values: Int32Array.of(10, 0, 3), nullBitmap: Uint8Array.of(0b101), nullCount: 1, type: { typeId: 2 } }], get: (i) => [10, null, 3][i] }
 * nps(column).skipped // => 1
 */
export interface ArrowColumn {
  readonly length: number;
  readonly nullCount: number;
  readonly data: readonly ArrowChunk[];
  get(index: number): unknown;
}

/**
 * An Arrow table (apache-arrow's `Table`): the survey metrics read the column named by
 * `accessor`; the record metrics (`ttr`, `fcr`, `churn`, …) the columns named as the record fields.
 *
 * @example
 * const score: ArrowColumn = { length: 2, nullCount: 0, data: [{ offset: 0, length: 2, values: Int32Array.of(10, 9), nullBitmap: null, nullCount: 0, type: { typeId: 2 } }], get: (i) => [10, 9][i] }
 * const table: ArrowTable = { numRows: 2, getChild: (name) => (name === 'score' ? score : null) }
 * nps(table, { accessor: 'score' }).value // => 100
 */
export interface ArrowTable {
  readonly numRows: number;
  getChild(name: string): ArrowColumn | null;
}

/** Whether x is shaped like an Arrow column (a Vector). @internal */
export function isArrowColumn(x: unknown): x is ArrowColumn {
  if (x === null || typeof x !== 'object' || Array.isArray(x) || ArrayBuffer.isView(x)) return false;
  const v = x as Partial<ArrowColumn>;
  return Array.isArray(v.data) && typeof v.get === 'function' && typeof v.length === 'number' && 'nullCount' in v;
}

/** Whether x is shaped like an Arrow table. @internal */
export function isArrowTable(x: unknown): x is ArrowTable {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const t = x as Partial<ArrowTable>;
  return typeof t.getChild === 'function' && typeof t.numRows === 'number';
}

/** The column an Arrow input holds: the vector itself, or the table's column named by accessor. @internal */
export function arrowColumnOf(fn: string, input: unknown, accessor: unknown): ArrowColumn | undefined {
  if (isArrowColumn(input)) {
    if (accessor !== undefined) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: accessor reads a column of an Arrow table; the input is already one column (an Arrow vector)`,
        { value: accessor },
      );
    }
    return input;
  }
  if (!isArrowTable(input)) return undefined;
  if (typeof accessor !== 'string') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: an Arrow table needs accessor: the name of its score column (e.g. { accessor: 'score' })`,
      { value: accessor },
    );
  }
  const column = input.getChild(accessor);
  if (!isArrowColumn(column)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: the Arrow table has no column ${describe(accessor)}`, {
      value: accessor,
    });
  }
  return column;
}

type NumberArray =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array;

// Arrow's type ids (apache-arrow's `Type` enum) of the layouts read from the buffers directly.
const ARROW_INT = 2;
const ARROW_FLOAT = 3;

function numberValues(chunk: ArrowChunk): NumberArray | undefined {
  const v = chunk.values;
  const typeId = (chunk.type as { typeId?: unknown } | undefined)?.typeId;
  // Integers up to 32 bits, and 32- and 64-bit floats: one number per slot. Everything else —
  // 64-bit integers (bigints), half floats (stored as Uint16), text and binary (bytes), booleans
  // (bits), decimals, dictionaries — takes the general path through the column's own get.
  const plain =
    typeId === ARROW_INT
      ? v instanceof Int8Array ||
        v instanceof Int16Array ||
        v instanceof Int32Array ||
        v instanceof Uint8Array ||
        v instanceof Uint16Array ||
        v instanceof Uint32Array
      : typeId === ARROW_FLOAT && (v instanceof Float64Array || v instanceof Float32Array);
  return plain && (chunk.stride ?? 1) === 1 && chunk.dictionary === undefined ? (v as NumberArray) : undefined;
}

/**
 * Visit every value of an Arrow column in order: `visit(value, index)` with null for a null.
 * Primitive chunks are read from their buffers (value j at values[j], validity at bit offset + j);
 * anything else through the column's own `get`. @internal
 */
export function forEachArrowValue(
  column: ArrowColumn,
  visit: (value: number | null | unknown, index: number) => void,
): void {
  let base = 0;
  for (const chunk of column.data) {
    const values = numberValues(chunk);
    const bitmap =
      chunk.nullCount > 0 && chunk.nullBitmap && chunk.nullBitmap.length > 0 ? chunk.nullBitmap : undefined;
    const n = chunk.length;
    if (values !== undefined && bitmap === undefined) {
      for (let j = 0; j < n; j++) visit(values[j] as number, base + j);
    } else if (values !== undefined && bitmap !== undefined) {
      const offset = chunk.offset;
      for (let j = 0; j < n; j++) {
        const bit = offset + j;
        visit(((bitmap[bit >> 3] as number) >> (bit & 7)) & 1 ? (values[j] as number) : null, base + j);
      }
    } else {
      for (let j = 0; j < n; j++) {
        const v = column.get(base + j);
        visit(typeof v === 'bigint' ? Number(v) : v === undefined ? null : v, base + j);
      }
    }
    base += n;
  }
}

/** The values of an Arrow column as a plain array (null for nulls), for the general loops. @internal */
export function arrowValues(column: ArrowColumn): unknown[] {
  const out: unknown[] = new Array(column.length);
  forEachArrowValue(column, (v, i) => {
    out[i] = v;
  });
  return out;
}
