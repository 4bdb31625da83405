import type * as z from 'zod';
import { CxMetricsError } from '../errors.ts';

/**
 * One problem in one row: which row (0-based index into the input), which field, and what was
 * expected.
 *
 * @example
 * parseTickets([{ createdAt: '2026-05-01' }]).errors // => [{ index: 0, path: ['id'], message: 'required: expected a non-blank id' }]
 */
export interface RowError {
  index: number;
  path: (string | number)[];
  message: string;
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
  /** The input index of each row in `data`. */
  rows: number[];
  /** Every problem of every bad row, in row order. */
  errors: RowError[];
}

/**
 * Validate rows (parsed CSV or JSON records) against a schema without throwing: every good row
 * is kept in `data`, every problem in every bad row is reported in `errors` with its row index
 * and field path, in the spirit of zod's `safeParse`.
 *
 * @param rows - records to validate (not mutated)
 * @param schema - a zod schema, e.g. `npsResponseSchema`
 * @returns `{ data, errors }`; `data` holds only the rows that passed, in input order, and
 *   `rows` gives each one's original index
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array
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
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row, `value` the full list of
 *   `RowError`s, and a message listing them (the first 50)
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
): ParseResult<z.output<S>> {
  if (!Array.isArray(rows)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected an array of rows`, { value: rows });
  }
  const data: z.output<S>[] = [];
  const kept: number[] = [];
  const errors: RowError[] = [];
  rows.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) {
      data.push(result.data);
      kept.push(index);
    } else {
      for (const issue of result.error.issues) {
        errors.push({
          index,
          path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: issue.message,
        });
      }
    }
  });
  return { data, rows: kept, errors };
}

const LISTED = 50;

/** `parseRowsOrThrow` under another function's name. @internal */
export function parseRowsOrThrowAs<S extends z.ZodType>(
  fn: string,
  rows: readonly unknown[],
  schema: S,
): z.output<S>[] {
  const { data, errors } = parseRowsAs(fn, rows, schema);
  if (errors.length > 0) throw rowErrorsToError(fn, errors);
  return data;
}

/**
 * One CxMetricsError for a list of row problems, one line each ("row 2, score: expected …"),
 * like `z.prettifyError` but with the row numbers a CSV user needs. Long lists are cut after 50
 * lines; the error's `value` always holds all of them.
 */
function rowErrorsToError(fn: string, errors: RowError[]): CxMetricsError {
  const lines = errors
    .slice(0, LISTED)
    .map((e) => `  row ${e.index}${e.path.length > 0 ? `, ${e.path.join('.')}` : ''}: ${e.message}`);
  if (errors.length > LISTED) lines.push(`  … and ${errors.length - LISTED} more (all of them are in error.value)`);
  const badRows = new Set(errors.map((e) => e.index)).size;
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: ${errors.length} problem(s) in ${badRows} row(s):\n${lines.join('\n')}`,
    { index: (errors[0] as RowError).index, value: errors },
  );
}
