// The only module that imports zod at top level: it is reached through 'cx-metrics/schemas',
// so consumers of the main entry never bundle zod.
import * as z from 'zod';
import { CxMetricsError } from '../errors.ts';

/**
 * A CSV cell or JSON value to a score: a blank or whitespace-only string is a skipped answer
 * (undefined), never 0 — `z.coerce.number()` would turn '' into 0 and invent a detractor.
 * Numeric strings become numbers; anything else is passed on for the schema to reject.
 */
function cellToScore(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    const n = Number(trimmed);
    return Number.isNaN(n) ? value : n;
  }
  return value;
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO-8601 string to a Date; a date-time without an offset is read as UTC, never local time. */
function isoToDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, day, time, offset] = match;
  const date = new Date(time === undefined ? `${day}T00:00:00Z` : `${day}T${time}${offset ?? 'Z'}`);
  // Reject calendar overflow such as 2026-02-31, which Date would roll into March.
  if (Number.isNaN(date.getTime())) return date;
  const shifted = new Date(date.getTime() + offsetMinutes(offset) * 60_000).toISOString().slice(0, 10);
  return shifted === day ? date : new Date(Number.NaN);
}

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/**
 * A timestamp as an ISO-8601 string, epoch milliseconds or a Date, parsed to a Date. A date-time
 * without an offset is taken as UTC, so results never depend on the machine's time zone. Strings
 * that are not ISO-8601 (such as "05/01/2026", which engines read differently) and impossible
 * dates (2026-02-31) are rejected.
 */
export const timestampSchema = z.preprocess(
  (value) => {
    if (typeof value === 'string') return isoToDate(value) ?? value;
    if (typeof value === 'number' && Number.isFinite(value)) return new Date(value);
    return value;
  },
  z.date({ error: 'expected an ISO-8601 date or date-time, epoch milliseconds or a Date' }),
);

/**
 * An NPS answer: an integer from 0 to 10, or missing (null, undefined, blank cell) for a skipped
 * answer. Numeric strings are accepted ("9"), blank strings are missing, never 0.
 */
export const npsScoreSchema = z.preprocess(
  cellToScore,
  z
    .number({ error: 'expected an integer from 0 to 10, or blank for a skipped answer' })
    .int({ error: 'expected an integer from 0 to 10' })
    .min(0, { error: 'expected an integer from 0 to 10' })
    .max(10, { error: 'expected an integer from 0 to 10' })
    .nullish(),
);

const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'number' ? String(v) : v),
  z.string().optional(),
);

/**
 * One NPS survey response. `score` is null/undefined when the respondent skipped the question;
 * `nps(responses, { accessor: 'score' })` then counts it in `skipped`.
 */
export const npsResponseSchema = z.object({
  id: optionalText,
  respondentId: optionalText,
  submittedAt: timestampSchema,
  channel: optionalText,
  score: npsScoreSchema,
  comment: optionalText,
  weight: z.preprocess(
    cellToScore,
    z.number().finite().nonnegative({ error: 'expected a finite weight ≥ 0' }).optional(),
  ),
});

/** A parsed NPS response. */
export type NpsResponse = z.infer<typeof npsResponseSchema>;

/** One problem in one row: which row, which field, and what was expected. */
export interface RowError {
  index: number;
  path: (string | number)[];
  message: string;
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
export function parseRows<S extends z.ZodType>(
  rows: readonly unknown[],
  schema: S,
): { data: z.output<S>[]; rows: number[]; errors: RowError[] } {
  if (!Array.isArray(rows)) {
    throw new CxMetricsError('INVALID_VALUE', 'parseRows: expected an array of rows', { value: rows });
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

/**
 * Like `parseRows`, but throws one CxMetricsError listing every problem (row, field, message)
 * when any row is bad.
 *
 * @param rows - records to validate
 * @param schema - a zod schema
 * @returns the parsed rows
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and a message listing all
 * @example
 * parseRowsOrThrow([{ submittedAt: '2026-05-01', score: 9 }], npsResponseSchema)[0].score // => 9
 */
export function parseRowsOrThrow<S extends z.ZodType>(rows: readonly unknown[], schema: S): z.output<S>[] {
  const { data, errors } = parseRows(rows, schema);
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  row ${e.index}${e.path.length > 0 ? `, ${e.path.join('.')}` : ''}: ${e.message}`,
    );
    throw new CxMetricsError(
      'INVALID_VALUE',
      `parseRowsOrThrow: ${errors.length} problem(s) in ${new Set(errors.map((e) => e.index)).size} row(s):\n${lines.join('\n')}`,
      { index: (errors[0] as RowError).index },
    );
  }
  return data;
}

export { CxMetricsError };
