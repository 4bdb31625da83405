import type * as z from 'zod';
import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';
import { type ColumnMap, MissingColumns } from './columns.ts';
import { type FastRow, fastPathOf, UNSURE } from './fastRows.ts';

/**
 * One problem in one row: which row (0-based index into the input), which field, and what was
 * expected.
 *
 * @example
 * parseTickets([{ createdAt: '2026-05-01' }]).errors // => [{ index: 0, path: ['id'], message: 'required: expected a non-blank id' }]
 */
export interface RowError {
  /**
   * The row's index in the input; −1 for a problem of every row (a required field that no row
   * has, while a similar column exists), which comes first, once.
   */
  index: number;
  path: (string | number)[];
  message: string;
  /**
   * Present only on a run of holes in a sparse array past the first 1000 (`HOLES_LISTED`): the
   * number of consecutive missing rows from `index` on that this one error stands for.
   */
  count?: number;
}

/**
 * What the parse functions return: the good rows, where each came from, and every problem.
 *
 * @example
 * parseCustomers([{ id: 'a', startedAt: 'soon' }, { id: 'b', startedAt: '2026-01-01' }]).rows // => [1]
 */
export interface ParseResult<T> {
  /** The rows that passed, parsed, in input order. */
  data: T[];
  /** The input index of each row in `data` (repeated for a wide row's several responses). */
  rows: number[];
  /**
   * Every problem of every bad row, in row order; a problem of every row (a required column no
   * row has) first, with index −1.
   */
  errors: RowError[];
}

/**
 * Validate rows (parsed CSV or JSON records) against a schema without throwing: every good row
 * is kept in `data`, every problem in every bad row is reported in `errors` with its row index
 * and field path, in the spirit of zod's `safeParse`.
 *
 * A hole in the array (`[ , row]`, or a long array with few rows set) is a bad row, reported
 * with its index and an empty path, never skipped. A huge sparse array costs time and memory in
 * its rows, not its length: past the first `HOLES_LISTED` (1000) holes, each run of consecutive
 * holes is one error with `count` set to its length.
 *
 * @param rows - records to validate (not mutated)
 * @param schema - a zod schema, e.g. `npsResponseSchema`
 * @returns `{ data, errors }`; `data` holds only the rows that passed, in input order, and
 *   `rows` gives each one's original index
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array, or (a proxy) claims a length
 *   that is not a whole number from 0 to 2³² − 1
 * @example
 * parseRows([, { submittedAt: '2026-05-01', score: 9 }], npsResponseSchema).errors[0].index // => 0
 * @example
 * const { data, errors } = parseRows([{ submittedAt: '2026-05-01', score: '' }, { submittedAt: 'x', score: 11 }], npsResponseSchema)
 * data[0].score // => undefined
 * errors.length // => 2
 */
export function parseRows<S extends z.ZodType>(rows: readonly unknown[], schema: S): ParseResult<z.output<S>> {
  return parseRowsAs('parseRows', rows, schema);
}

/**
 * Like `parseRows`, but throws one CxMetricsError listing every problem (row, field, message)
 * when any row is bad.
 *
 * @param rows - records to validate
 * @param schema - a zod schema
 * @returns the parsed rows
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row (none when the only
 *   problem is a file-wide note), `value` the full list of `RowError`s, and a message listing them
 *   (the first 50)
 * @example
 * parseRowsOrThrow([{ submittedAt: '2026-05-01', score: 9 }], npsResponseSchema)[0].score // => 9
 */
export function parseRowsOrThrow<S extends z.ZodType>(rows: readonly unknown[], schema: S): z.output<S>[] {
  return parseRowsOrThrowAs('parseRowsOrThrow', rows, schema);
}

/** `parseRows` under another function's name (for its error messages). @internal */
export function parseRowsAs<S extends z.ZodType>(
  fn: string,
  rows: readonly unknown[],
  schema: S,
  plan: RowPlan = {},
): ParseResult<z.output<S>> {
  const n = checkRows(fn, rows);
  const data: z.output<S>[] = [];
  const kept: number[] = [];
  const errors: RowError[] = [];
  let holes = 0;
  const { columns, view, expand } = plan;
  const fast = fastPathOf(schema);
  const missing =
    plan.required === undefined ? undefined : new MissingColumns(plan.required, columns, plan.wideColumns);
  forEachIndex(
    fn,
    rows,
    n,
    (index) => {
      let checks: readonly RecordCheck[];
      let results: z.ZodSafeParseResult<z.output<S>>[];
      try {
        const row = rows[index];
        const record = view === undefined ? row : view(row);
        missing?.see(row, record);
        if (expand === undefined) {
          // A row the fast path is sure of is kept without zod; any other is zod's to parse and report.
          const parsed = fast === undefined ? UNSURE : readFast(fast, record);
          if (parsed !== UNSURE) {
            data.push(parsed as z.output<S>);
            kept.push(index);
            return;
          }
          checks = [{ record, keep: true, columns }];
        } else checks = expand(row, record);
        results = [];
        for (const check of checks) {
          const parsed = fast === undefined ? UNSURE : readFast(fast, check.record);
          results.push(
            parsed === UNSURE ? schema.safeParse(check.record) : { success: true, data: parsed as z.output<S> },
          );
        }
      } catch (error) {
        // A getter or proxy trap that throws: the row cannot be read, which is a bad row, not a crash.
        errors.push({ index, path: [], message: `could not read the row: ${thrownMessage(error)}` });
        return;
      }
      // One row checked as several records (a wide export) reports a shared field's problem once.
      const said = checks.length > 1 ? new Set<string>() : undefined;
      results.forEach((result, k) => {
        const check = checks[k] as RecordCheck;
        if (result.success) {
          if (check.keep) {
            data.push(result.data);
            kept.push(index);
          }
          return;
        }
        for (const issue of result.error.issues) {
          const column = check.columns?.[issue.path[0] as string];
          const error: RowError = {
            index,
            path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
            message: column === undefined ? issue.message : `${issue.message} (column ${describe(column)})`,
          };
          if (said !== undefined) {
            const key = `${JSON.stringify(error.path)}\u0000${error.message}`;
            if (said.has(key)) continue;
            said.add(key);
          }
          errors.push(error);
        }
      });
    },
    (start, count) => {
      holes = reportHoles(errors, start, count, holes);
    },
  );
  if (missing !== undefined) errors.unshift(...missing.errors());
  return { data, rows: kept, errors };
}

/**
 * A row through the schema's fast path: its parsed record, or UNSURE, also when reading it threw
 * (a getter or proxy trap), so that zod reads it again and has the last word.
 */
function readFast(fast: FastRow, record: unknown): unknown {
  try {
    return fast(record);
  } catch {
    return UNSURE;
  }
}

/** What a parser adds to the row loop besides its schema. @internal */
export interface RowPlan {
  /** Field → the column it is read from (the `columns` option), named in messages. */
  columns?: ColumnMap | undefined;
  /** The row as the schema sees it (`fieldView`); the row itself when left out. */
  view?: ((row: unknown) => unknown) | undefined;
  /** Fields every row must have: one missing from all rows, with a similar column, is said first. */
  required?: readonly string[];
  /** The records to check for one row (default: the row as renamed, kept when it passes). */
  expand?: (row: unknown, record: unknown) => readonly RecordCheck[];
  /** `[name, column]` of the columns `expand` reads, each said once when no row has it. */
  wideColumns?: readonly (readonly [name: string, column: string])[];
}

/** One record a row is checked as: kept in `data` when it passes and `keep` is set. @internal */
export interface RecordCheck {
  record: unknown;
  keep: boolean;
  /** Field → the column it came from, named in messages. */
  columns?: ColumnMap | undefined;
}

// 2³² − 1 is the longest a JavaScript array can be; a (proxied) array claiming more is not data.
const MAX_LENGTH = 2 ** 32 - 1;
// Arrays longer than this cannot hold their elements contiguously in V8 (its largest backing
// store is about 1.7·10⁸ slots), so they are sparse: their rows are visited by key and the holes
// between them reported as runs, never one index at a time (the same bound as the metrics' reader).
const SPARSE_LENGTH = 2 ** 28;
// A run of holes this long in a long array means it is sparse: walk the rest by key.
const HOLE_RUN = 2 ** 16;
/**
 * How many holes of a sparse row array the parsers report one error each; past these, each run of
 * consecutive holes is one `RowError` whose `count` says how many rows it stands for.
 *
 * @example
 * HOLES_LISTED // => 1000
 * const rows = []
 * rows.length = 2 ** 32 - 1
 * parseTickets(rows).errors.length // => 1001
 */
export const HOLES_LISTED = 1000;
const HOLE = 'expected a row (a record); the array has a hole here (a sparse array), so there is no row to read';

function checkRows(fn: string, rows: unknown): number {
  let isArray = false;
  let n: unknown;
  try {
    isArray = Array.isArray(rows);
    if (isArray) n = (rows as unknown[]).length;
  } catch {
    // A revoked proxy: Array.isArray throws on it.
  }
  if (!isArray) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected an array of rows`, { value: rows });
  }
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_LENGTH) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the rows' length is ${describe(n)}; expected a whole number from 0 to 2³² − 1`,
      { value: n },
    );
  }
  return n;
}

/**
 * Visit the rows in index order: `onRow(i)` for each own index, `onHoles(start, count)` for each
 * run of missing indices. Long arrays are walked by their keys, so a huge sparse array costs
 * time and memory in its rows, not in its length.
 */
function forEachIndex(
  fn: string,
  rows: readonly unknown[],
  n: number,
  onRow: (index: number) => void,
  onHoles: (start: number, count: number) => void,
): void {
  let next = 0;
  const visit = (i: number) => {
    if (i > next) onHoles(next, i - next);
    onRow(i);
    next = i + 1;
  };
  // Index by index while the rows are dense; after a long run of holes (or for a length no dense
  // array can have) the rest is walked by its keys, so the cost follows the rows, not the length.
  let from = 0;
  if (n <= SPARSE_LENGTH) {
    let run = 0;
    for (; from < n; from++) {
      if (hasOwnIndex(rows, from)) {
        visit(from);
        run = 0;
      } else if (++run >= HOLE_RUN && n - from > HOLE_RUN) {
        from++;
        break;
      }
    }
  }
  if (from < n) {
    const indices: number[] = [];
    for (const key of ownKeys(fn, rows)) {
      const i = Number(key);
      if (Number.isInteger(i) && i >= from && i < n && String(i) === key) indices.push(i);
    }
    // Ordinary arrays list their indices in ascending order; a proxy may not.
    if (indices.some((i, k) => k > 0 && i <= (indices[k - 1] as number))) {
      indices.sort((a, b) => a - b);
    }
    for (let k = 0; k < indices.length; k++) {
      if (k === 0 || indices[k] !== indices[k - 1]) visit(indices[k] as number);
    }
  }
  if (next < n) onHoles(next, n - next);
}

function hasOwnIndex(rows: readonly unknown[], i: number): boolean {
  try {
    return Object.hasOwn(rows, i);
  } catch {
    return true; // a proxy trap that throws: reading the row reports it
  }
}

function ownKeys(fn: string, rows: readonly unknown[]): string[] {
  try {
    return Object.keys(rows);
  } catch (error) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: could not list the rows: ${thrownMessage(error)}`, {
      value: rows,
    });
  }
}

/**
 * Report a run of holes: one error per hole for the first `HOLES_LISTED` holes, then one error
 * per run (`count` holes from `index` on), so a sparse array of length 2³² − 1 gives a handful of
 * errors, not four billion. Returns the number of holes reported so far.
 */
function reportHoles(errors: RowError[], start: number, count: number, before: number): number {
  const single = Math.max(0, Math.min(count, HOLES_LISTED - before));
  for (let k = 0; k < single; k++) errors.push({ index: start + k, path: [], message: HOLE });
  const rest = count - single;
  if (rest > 0) {
    const first = start + single;
    errors.push({
      index: first,
      path: [],
      message: `expected rows; the array has ${rest} holes from index ${first} to ${first + rest - 1} (a sparse array; holes after the first ${HOLES_LISTED} are reported one error per run)`,
      count: rest,
    });
  }
  return before + count;
}

function thrownMessage(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unprintable error';
  }
}

const LISTED = 50;

/** `parseRowsOrThrow` under another function's name. @internal */
export function parseRowsOrThrowAs<S extends z.ZodType>(
  fn: string,
  rows: readonly unknown[],
  schema: S,
  plan: RowPlan = {},
): z.output<S>[] {
  const { data, errors } = parseRowsAs(fn, rows, schema, plan);
  if (errors.length > 0) throw rowErrorsToError(fn, errors);
  return data;
}

/**
 * One CxMetricsError for a list of row problems, one line each ("row 2, score: expected …"),
 * like `z.prettifyError` but with the row numbers a CSV user needs. Long lists are cut after 50
 * lines; the error's `value` always holds all of them.
 */
function rowErrorsToError(fn: string, errors: RowError[]): CxMetricsError {
  const lines = errors.slice(0, LISTED).map((e) => {
    const where =
      e.index < 0 ? 'every row' : e.count === undefined ? `row ${e.index}` : `rows ${e.index}–${e.index + e.count - 1}`;
    return `  ${where}${e.path.length > 0 ? `, ${e.path.join('.')}` : ''}: ${e.message}`;
  });
  if (errors.length > LISTED) lines.push(`  … and ${errors.length - LISTED} more (all of them are in error.value)`);
  const single = new Set<number>();
  let badRows = 0;
  for (const e of errors) {
    if (e.index < 0) continue; // a problem of the whole file, said once before the rows
    if (e.count !== undefined) badRows += e.count;
    else if (!single.has(e.index)) {
      single.add(e.index);
      badRows++;
    }
  }
  // `index` is the first bad row's; a file-wide note alone (index −1) names no row.
  const first = errors.find((e) => e.index >= 0);
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: ${errors.length} problem(s) in ${badRows} row(s):\n${lines.join('\n')}`,
    first === undefined ? { value: errors } : { index: first.index, value: errors },
  );
}
