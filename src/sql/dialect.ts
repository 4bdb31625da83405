import { CxMetricsError } from '../errors.ts';
import { closestName } from '../options.ts';
import { describe } from '../stats/validate.ts';

// How each SQL engine spells an identifier and a parameter. Both verified dialects quote with
// double quotes (a quote inside the name doubled) and number parameters $1, $2, …; what differs is
// the identifier limit (PostgreSQL truncates names past 63 bytes, which could silently make two
// columns one) and, in DuckDB, that quoted names still match case-insensitively.

/**
 * The SQL dialects `summaryQuery` writes: `'duckdb'` and `'postgres'`, both verified on real
 * engines (DuckDB through @duckdb/node-api, PostgreSQL through PGlite).
 *
 * @example
 * SQL_DIALECTS // => ['duckdb', 'postgres']
 */
export const SQL_DIALECTS = ['duckdb', 'postgres'] as const;

/**
 * A dialect `summaryQuery` writes, one of `SQL_DIALECTS`.
 *
 * @example
 * const d: SqlDialect = 'duckdb'
 * SQL_DIALECTS.includes(d) // => true
 */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** The dialect option, checked; INVALID_OPTION naming the closest dialect otherwise. @internal */
export function checkDialect(fn: string, dialect: unknown): SqlDialect {
  if (typeof dialect === 'string' && (SQL_DIALECTS as readonly string[]).includes(dialect)) {
    return dialect as SqlDialect;
  }
  const guess = typeof dialect === 'string' ? closestName(dialect, SQL_DIALECTS) : undefined;
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: dialect is ${describe(dialect)}; expected ${SQL_DIALECTS.map((d) => `'${d}'`).join(' or ')}` +
      (guess !== undefined ? ` (did you mean '${guess}'?)` : '') +
      (dialect === undefined ? ' (the dialect is required: the SQL is written for one engine)' : ''),
    { value: dialect },
  );
}

const POSTGRES_MAX_BYTES = 63;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_LENGTH = 255;

/**
 * A table or column name, checked and quoted for the dialect: any non-empty string without NUL
 * or unpaired surrogates (quotes, semicolons, comment markers and Unicode are fine: inside double
 * quotes they are only characters), at most 63 UTF-8 bytes for PostgreSQL. `what` names the
 * option in messages. @internal
 */
export function quoteIdentifier(fn: string, dialect: SqlDialect, name: unknown, what: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${what} is ${describe(name)}; expected a non-empty name`, {
      value: name,
    });
  }
  if (name.includes('\u0000')) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${what} contains a NUL character, which no SQL name can hold`, {
      value: name,
    });
  }
  if (LONE_SURROGATE.test(name)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${what} has an unpaired surrogate (not valid Unicode text); expected a well-formed name`,
      { value: name },
    );
  }
  const bytes = new TextEncoder().encode(name).length;
  if (dialect === 'postgres' && bytes > POSTGRES_MAX_BYTES) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${what} is ${bytes} bytes long; PostgreSQL truncates names to ${POSTGRES_MAX_BYTES} bytes, so it would name another column`,
      { value: name },
    );
  }
  if (name.length > MAX_LENGTH) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${what} is longer than ${MAX_LENGTH} characters`, {
      value: name,
    });
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** Collects parameter values and hands out their placeholders ($1, $2, … in both dialects). @internal */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
