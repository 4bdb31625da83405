import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';

// Reading the values drivers hand back: DuckDB gives BIGINT and HUGEINT as bigint, PostgreSQL
// drivers give NUMERIC (and sometimes BIGINT) as decimal text, and doubles as numbers. Each
// reader accepts those spellings of one number and refuses anything else, naming the column.

/**
 * A result row, as drivers return them: column alias → value.
 *
 * @example
 * const row: SqlRow = { cx_score: 10, cx_count: 12n }
 * summariesFromRows('nps', [row], { columns: { score: 'score' } })[0].summary.counts[10] // => 12
 */
export type SqlRow = Record<string, unknown>;

/** A number from a row value: number, bigint or decimal text; undefined for NULL. @internal */
export function rowNumber(fn: string, row: SqlRow, alias: string): number | undefined {
  const v = row[alias];
  if (v === null || v === undefined) {
    if (!(alias in row)) throw missingColumn(fn, alias, row);
    return undefined;
  }
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new CxMetricsError('INVALID_VALUE', `${fn}: column ${alias} holds ${describe(v)}; expected a number`, {
    value: v,
  });
}

/** A whole number ≥ 0 (a count) from a row value; NULL (an empty SUM) is 0. @internal */
export function rowCount(fn: string, row: SqlRow, alias: string): number {
  const v = row[alias];
  const x = rowNumber(fn, row, alias) ?? 0;
  if (!Number.isSafeInteger(x) || x < 0 || (typeof v === 'bigint' && v > BigInt(Number.MAX_SAFE_INTEGER))) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: column ${alias} holds ${describe(v)}; expected a count ≥ 0`, {
      value: v,
    });
  }
  return x;
}

/** A finite number from a row value; NULL is `fallback`. @internal */
export function rowFinite(fn: string, row: SqlRow, alias: string, fallback = 0): number {
  const x = rowNumber(fn, row, alias) ?? fallback;
  if (!Number.isFinite(x)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: column ${alias} holds ${describe(row[alias])}; expected a finite number (the values, or their sums, overflow)`,
      { value: row[alias] },
    );
  }
  return x;
}

function missingColumn(fn: string, alias: string, row: SqlRow): CxMetricsError {
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: a row has no column ${alias}; expected the rows of summaryQuery's query (its columns are ${Object.keys(row).join(', ') || 'none'})`,
    { value: row },
  );
}

/** A group key value as plain JSON: safe bigints as numbers, others as text, Dates as ISO text. @internal */
export function plainKey(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString() : null;
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object') return String(v);
  return v;
}
