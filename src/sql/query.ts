import { CxMetricsError } from '../errors.ts';
import { checkOptions, closestName, isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';
import { checkDialect, type Params, quoteIdentifier, type SqlDialect } from './dialect.ts';

// What every summary query shares: the table, the filters, the group columns and the period
// bucket, checked once and written as one shape —
//
//   SELECT <keys>, <aggregates> FROM (
//     SELECT <group columns>, <period bucket> AS "cx_period", <the metric's columns> FROM <table> WHERE <filters>
//   ) AS "cx_rows" GROUP BY <keys> ORDER BY <keys>
//
// Names are only ever quoted identifiers and values only ever parameters ($1, $2, …): nothing a
// caller passes is spliced into the text. The library's own aliases start with cx_, so a group
// column cannot collide with one (a group column named cx_… is refused).

/**
 * A filter value, sent as a parameter: text, a finite number, a boolean, a bigint or a Date (sent
 * as ISO-8601 text).
 *
 * @example
 * const v: SqlValue = 'email'
 * summaryQuery('mean', { dialect: 'duckdb', table: 't', columns: { value: 'x' }, where: { channel: v } }).params // => ['email']
 */
export type SqlValue = string | number | boolean | bigint | Date;

/**
 * Filters on the table's rows, one entry per column, all of which must hold (AND): a value
 * (`=`), a list (`IN`), `null` (`IS NULL`), or comparisons `{ gte?, gt?, lte?, lt?, not? }` (`not:
 * null` is `IS NOT NULL`). Every value is sent as a parameter, never written into the SQL text.
 *
 * @example
 * const where: SqlWhere = { channel: ['email', 'chat'], submitted_at: { gte: '2026-05-01T00:00:00Z' } }
 * summaryQuery('nps', { dialect: 'postgres', table: 'responses', columns: { score: 'score' }, where }).params // => ['email', 'chat', '2026-05-01T00:00:00Z']
 */
export type SqlWhere = Record<
  string,
  | SqlValue
  | null
  | readonly SqlValue[]
  | { gte?: SqlValue; gt?: SqlValue; lte?: SqlValue; lt?: SqlValue; not?: SqlValue | null }
>;

/**
 * The calendar units a period bucket can be.
 *
 * @example
 * SQL_PERIOD_UNITS // => ['day', 'week', 'month', 'quarter', 'year']
 */
export const SQL_PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/**
 * Bucketing rows by the calendar period of a timestamp column, in a named time zone: `unit` is
 * 'day', 'week' (ISO weeks, from Monday), 'month', 'quarter' or 'year'; `timeZone` an IANA name
 * ('UTC' by default). The column should be a TIMESTAMPTZ (a TIMESTAMP without time zone is read
 * in the session's time zone).
 *
 * @example
 * const period: SqlPeriod = { column: 'submitted_at', unit: 'month', timeZone: 'Europe/Berlin' }
 * summaryQuery('csat', { dialect: 'duckdb', table: 'r', columns: { score: 'score' }, period }).params // => ['month', 'Europe/Berlin']
 */
export interface SqlPeriod {
  /** The timestamp column. */
  column: string;
  /** The calendar unit. */
  unit: (typeof SQL_PERIOD_UNITS)[number];
  /** IANA time zone the periods are calendar periods of; 'UTC' by default. */
  timeZone?: string;
}

/** The checked shared options. @internal */
export interface QueryBase {
  fn: string;
  dialect: SqlDialect;
  table: string;
  /** Group columns as given (the row keys of the result). */
  groupBy: string[];
  period?: { column: string; unit: SqlPeriod['unit']; timeZone: string };
  where: SqlWhere;
  tableColumns?: string[];
  columns: Record<string, string>;
}

/** The option keys every summary query takes. @internal */
export const BASE_KEYS = ['dialect', 'table', 'columns', 'where', 'groupBy', 'period', 'tableColumns'] as const;

/** The alias of the period bucket in the result rows. @internal */
export const PERIOD_ALIAS = 'cx_period';

/** The shared options, checked (the metric's own are checked by the metric). @internal */
export function checkBase(
  fn: string,
  o: Record<string, unknown>,
  columnKeys: { required: readonly string[]; optional: readonly string[] },
  needDialect: boolean,
): QueryBase {
  const dialect = needDialect || o.dialect !== undefined ? checkDialect(fn, o.dialect) : 'postgres';
  const table = checkTable(fn, dialect, o.table, needDialect);
  const columns = checkColumns(fn, dialect, o.columns, columnKeys);
  const groupBy = checkGroupBy(fn, dialect, o.groupBy);
  const period = checkPeriod(fn, dialect, o.period);
  if (o.where !== undefined && !isPlainObject(o.where)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: where must be an object { column: value, … }`, {
      value: o.where,
    });
  }
  const where = (o.where ?? {}) as SqlWhere;
  for (const column of Object.keys(where)) quoteIdentifier(fn, dialect, column, `where column '${column}'`);
  let tableColumns: string[] | undefined;
  if (o.tableColumns !== undefined) {
    const list = o.tableColumns;
    let names = Array.isArray(list);
    // Every index, holes included (some() skips the holes of a sparse array).
    for (let i = 0; names && i < (list as unknown[]).length; i++) names = typeof (list as unknown[])[i] === 'string';
    if (!names) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: tableColumns must be an array of column names`, {
        value: o.tableColumns,
      });
    }
    tableColumns = o.tableColumns as string[];
    const used: [string, string][] = [
      ...Object.entries(columns).map(([k, c]): [string, string] => [`columns.${k}`, c]),
      ...groupBy.map((c): [string, string] => ['groupBy', c]),
      ...(period ? [['period.column', period.column] as [string, string]] : []),
      ...Object.keys(where).map((c): [string, string] => ['where', c]),
    ];
    for (const [what, column] of used) {
      if (!tableColumns.includes(column)) {
        const guess = closestName(column, tableColumns);
        throw new CxMetricsError(
          'INVALID_OPTION',
          `${fn}: ${what} names column ${describe(column)}, which the table does not have` +
            (guess !== undefined ? `; did you mean '${guess}'?` : `; its columns are ${tableColumns.join(', ')}`),
          { value: column },
        );
      }
    }
  }
  return {
    fn,
    dialect,
    table,
    groupBy,
    where,
    columns,
    ...(period ? { period } : {}),
    ...(tableColumns ? { tableColumns } : {}),
  };
}

function checkTable(fn: string, dialect: SqlDialect, table: unknown, required: boolean): string {
  if (table === undefined && !required) return '';
  const parts = Array.isArray(table) ? table : [table];
  if (parts.length === 0 || parts.length > 3) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: table is ${describe(table)}; expected a name, or [schema, name] / [catalog, schema, name]`,
      { value: table },
    );
  }
  return parts.map((p, i) => quoteIdentifier(fn, dialect, p, parts.length > 1 ? `table[${i}]` : 'table')).join('.');
}

function checkColumns(
  fn: string,
  dialect: SqlDialect,
  columns: unknown,
  keys: { required: readonly string[]; optional: readonly string[] },
): Record<string, string> {
  const allowed = [...keys.required, ...keys.optional];
  if (columns === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: columns is required: { ${allowed.map((k) => `${k}${keys.required.includes(k) ? '' : '?'}`).join(', ')} } naming the table's columns`,
    );
  }
  const c = checkOptions(fn, columns as object, allowed, 'columns') as Record<string, unknown>;
  for (const key of keys.required) {
    if (c[key] === undefined) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: columns.${key} is required: the column that holds the ${key}`);
    }
  }
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(c)) {
    if (name === undefined) continue;
    quoteIdentifier(fn, dialect, name, `columns.${key}`);
    out[key] = name as string;
  }
  return out;
}

function checkGroupBy(fn: string, dialect: SqlDialect, groupBy: unknown): string[] {
  if (groupBy === undefined) return [];
  const list = typeof groupBy === 'string' ? [groupBy] : groupBy;
  if (!Array.isArray(list)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: groupBy must be a column name or an array of them`, {
      value: groupBy,
    });
  }
  const seen = new Set<string>();
  list.forEach((name, i) => {
    quoteIdentifier(fn, dialect, name, `groupBy[${i}]`);
    const folded = (name as string).toLowerCase();
    // DuckDB matches quoted names case-insensitively, so 'Region' and 'region' are one column.
    if (seen.has(folded)) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: groupBy names column ${describe(name)} twice`, {
        value: name,
      });
    }
    if (folded.startsWith('cx_')) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: groupBy[${i}] is ${describe(name)}; names starting with cx_ are the library's own result columns (rename it in a view)`,
        { value: name },
      );
    }
    seen.add(folded);
  });
  return [...list] as string[];
}

function checkPeriod(fn: string, dialect: SqlDialect, period: unknown): QueryBase['period'] {
  if (period === undefined) return undefined;
  const p = checkOptions(fn, period as object, ['column', 'unit', 'timeZone'], 'period') as Record<string, unknown>;
  quoteIdentifier(fn, dialect, p.column, 'period.column');
  if (typeof p.unit !== 'string' || !(SQL_PERIOD_UNITS as readonly string[]).includes(p.unit)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: period.unit is ${describe(p.unit)}; expected one of ${SQL_PERIOD_UNITS.map((u) => `'${u}'`).join(', ')}`,
      { value: p.unit },
    );
  }
  const timeZone = p.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !validTimeZone(timeZone)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: period.timeZone is ${describe(timeZone)}; expected an IANA time zone such as 'Europe/Berlin' or 'UTC'`,
      { value: timeZone },
    );
  }
  return { column: p.column as string, unit: p.unit as SqlPeriod['unit'], timeZone };
}

function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The pieces a metric adds to the shared query shape. @internal */
export interface QueryParts {
  /** `<expression> AS "cx_…"` items of the inner SELECT (on the table's rows). */
  projections: string[];
  /** Extra conditions on the table's rows (ANDed with `where`). */
  filters?: string[];
  /**
   * An optional middle SELECT list over the inner rows (window functions), `*` added in front.
   * `sameKeys(alias)` is the condition that a row of the inner rows under `alias` has the current
   * row's group and period (for correlated subqueries; the inner rows are then a CTE "cx_rows").
   */
  window?: (partition: string, sameKeys: (alias: string) => string) => string[];
  /** Whether the middle list reads the inner rows again (a correlated subquery): write them as a CTE. */
  correlated?: boolean;
  /** Whether the aggregates read the inner columns many times (PostgreSQL then computes them once per row first). */
  fence?: boolean;
  /** Extra grouping aliases after the keys (e.g. "cx_score"). */
  extraKeys?: string[];
  /** The aggregates of the outer SELECT. */
  aggregates: string[];
}

/** A quoted identifier of a checked name (the checks ran in checkBase). @internal */
export function q(base: QueryBase, name: string): string {
  return quoteIdentifier(base.fn, base.dialect, name, 'name');
}

/** Assemble the query text of a metric's parts over the shared options. @internal */
export function assemble(base: QueryBase, params: Params, parts: QueryParts): string {
  const keys = [...base.groupBy.map((g) => q(base, g)), ...(base.period ? [`"${PERIOD_ALIAS}"`] : [])];
  const inner = [...base.groupBy.map((g) => `${q(base, g)} AS ${q(base, g)}`)];
  if (base.period) {
    // date_trunc on the wall-clock time in the zone: the period's local start, as text.
    const unit = params.add(base.period.unit);
    const zone = params.add(base.period.timeZone);
    inner.push(
      `CAST(date_trunc(${unit}, CAST(${q(base, base.period.column)} AS TIMESTAMPTZ) AT TIME ZONE ${zone}) AS VARCHAR) AS "${PERIOD_ALIAS}"`,
    );
  }
  inner.push(...parts.projections);
  const conditions = [...whereConditions(base, params), ...(parts.filters ?? [])];
  const innerText =
    `SELECT ${inner.join(', ')} FROM ${base.table}` +
    (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '');
  const partition = keys.length > 0 ? `PARTITION BY ${keys.join(', ')}` : '';
  const sameKeys = (alias: string) =>
    keys.length === 0 ? 'TRUE' : keys.map((k) => `"${alias}".${k} IS NOT DISTINCT FROM "cx_rows".${k}`).join(' AND ');
  // PostgreSQL pulls a plain subquery up into the query around it, writing each use of an inner
  // column as its whole expression: the middle SELECT's ticket state (a CASE over the epoch times)
  // was then computed once per aggregate that reads it, 20 times per row for SLA. OFFSET 0 (a no-op
  // that PostgreSQL never pulls up) computes each column once per row.
  const fence = base.dialect === 'postgres' && (parts.window || parts.fence) ? ' OFFSET 0' : '';
  const source = parts.correlated ? '"cx_rows"' : `(${innerText}${fence}) AS "cx_rows"`;
  const from = parts.window
    ? `(SELECT *, ${parts.window(partition, sameKeys).join(', ')} FROM ${source}${fence}) AS "cx_window"`
    : source;
  const groupKeys = [...keys, ...(parts.extraKeys ?? [])];
  const select = [...groupKeys, ...parts.aggregates].join(', ');
  const grouping = groupKeys.length > 0 ? ` GROUP BY ${groupKeys.join(', ')}` : '';
  const order = groupKeys.length > 0 ? ` ORDER BY ${groupKeys.map((k) => `${k} NULLS LAST`).join(', ')}` : '';
  const cte = parts.correlated ? `WITH "cx_rows" AS (${innerText}) ` : '';
  return `${cte}SELECT ${select} FROM ${from}${grouping}${order}`;
}

function whereConditions(base: QueryBase, params: Params): string[] {
  const { fn } = base;
  const out: string[] = [];
  for (const [column, condition] of Object.entries(base.where)) {
    const c = q(base, column);
    const value = (v: unknown, what: string) => params.add(checkValue(fn, v, `where.${column}${what}`));
    if (condition === null) out.push(`${c} IS NULL`);
    else if (Array.isArray(condition)) {
      if (condition.length === 0) {
        throw new CxMetricsError(
          'INVALID_OPTION',
          `${fn}: where.${column} is an empty list, which no row matches; leave the filter out or give values`,
        );
      }
      out.push(`${c} IN (${condition.map((v, i) => value(v, `[${i}]`)).join(', ')})`);
    } else if (isPlainObject(condition)) {
      const ops = checkOptions(fn, condition, ['gte', 'gt', 'lte', 'lt', 'not'], `where.${column}`) as Record<
        string,
        unknown
      >;
      const symbols: Record<string, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };
      for (const [op, v] of Object.entries(ops)) {
        if (op === 'not') out.push(v === null ? `${c} IS NOT NULL` : `${c} <> ${value(v, '.not')}`);
        else out.push(`${c} ${symbols[op]} ${value(v, `.${op}`)}`);
      }
      if (Object.keys(ops).length === 0) {
        throw new CxMetricsError('INVALID_OPTION', `${fn}: where.${column} is {}; expected gte, gt, lte, lt or not`);
      }
    } else out.push(`${c} = ${value(condition, '')}`);
  }
  return out;
}

/** A parameter value: a string, finite number, boolean, bigint or valid Date (sent as ISO text). @internal */
export function checkValue(fn: string, v: unknown, what: string): unknown {
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v instanceof Date && Number.isFinite(v.getTime())) return v.toISOString();
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: ${what} is ${describe(v)}; expected a string, a finite number, a boolean, a bigint or a valid Date`,
    { value: v },
  );
}
