import { CxMetricsError } from '../errors.ts';
import type { CesSummaryOptions } from '../metrics/ces.ts';
import { CES_FAMILY } from '../metrics/cesSummary.ts';
import type { CsatSummaryOptions } from '../metrics/csat.ts';
import { CSAT_FAMILY } from '../metrics/csatSummary.ts';
import type { TimeUnit } from '../metrics/customers.ts';
import type { NpsSummaryOptions } from '../metrics/nps.ts';
import { NPS_FAMILY } from '../metrics/npsSummary.ts';
import { closestName, isPlainObject, unknownOption } from '../options.ts';
import { describe } from '../stats/validate.ts';
import type { Timestamp } from '../time/timestamp.ts';
import { Params, type SqlDialect } from './dialect.ts';
import { assemble, BASE_KEYS, checkBase, type QueryBase, type SqlPeriod, type SqlWhere } from './query.ts';
import { CHURN_SPEC, durationSpec, FCR_SPEC, SLA_SPEC } from './supportMetrics.ts';
import { histogramSpec, MEAN_SPEC, PROPORTION_SPEC, type SqlMetricSpec } from './surveyMetrics.ts';

/**
 * The metrics `summaryQuery` writes SQL for.
 *
 * @example
 * SQL_METRICS.includes('nps') // => true
 */
export const SQL_METRICS = [
  'nps',
  'csat',
  'ces',
  'proportion',
  'mean',
  'fcr',
  'sla',
  'ttr',
  'first-response',
  'churn',
] as const;

/**
 * A metric `summaryQuery` writes SQL for, one of `SQL_METRICS`.
 *
 * @example
 * const m: SqlMetric = 'csat'
 * SQL_METRICS.includes(m) // => true
 */
export type SqlMetric = (typeof SQL_METRICS)[number];

/**
 * The columns each metric reads, by role: the value is the column's name in the table.
 *
 * @example
 * const columns: SqlColumnsByMetric['nps'] = { score: 'likelihood', weight: 'w' }
 * columns.score // => 'likelihood'
 */
export interface SqlColumnsByMetric {
  /** score: the 0–10 answer (NULL = skipped); weight: an optional weight ≥ 0. */
  nps: { score: string; weight?: string };
  /** score: the answer on the CSAT scale (NULL = skipped); weight: an optional weight ≥ 0. */
  csat: { score: string; weight?: string };
  /** score: the answer on the CES scale (NULL = skipped); weight: an optional weight ≥ 0. */
  ces: { score: string; weight?: string };
  /** value: true/false (or 1/0) per row. */
  proportion: { value: string };
  /** value: a finite number per row. */
  mean: { value: string };
  /** The ticket columns (as `SqlTicketColumns`), resolvedAt required; the definition reads agentReplies, customerContacts, reopenedAt or reopens, or firstContactResolved. */
  fcr: SqlTicketColumns & { resolvedAt: string };
  /** The ticket columns: resolvedAt for field 'resolution', firstResponseAt for 'firstResponse' (resolvedAt too when tickets close unanswered). */
  sla: SqlTicketColumns;
  /** The ticket columns, resolvedAt required (NULL = still open, censored at asOf). */
  ttr: SqlTicketColumns & { resolvedAt: string };
  /** The ticket columns, firstResponseAt required (NULL = not answered yet); resolvedAt censors tickets closed without a response. */
  'first-response': SqlTicketColumns & { firstResponseAt: string };
  /** startedAt and endedAt (NULL = still a customer). */
  churn: { startedAt: string; endedAt: string };
}

/**
 * The columns of a ticket table by role, one map for every ticket metric (each reads the roles it
 * needs; the others are only checked as names).
 *
 * @example
 * const columns: SqlTicketColumns = { createdAt: 'created_at', resolvedAt: 'resolved_at', agentReplies: 'agent_replies' }
 * summaryQuery('ttr', { dialect: 'duckdb', table: 'tickets', columns: { ...columns, resolvedAt: 'resolved_at' }, asOf: '2026-04-01T00:00:00Z' }).params // => [1775001600000]
 */
export interface SqlTicketColumns {
  createdAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  reopenedAt?: string;
  reopens?: string;
  agentReplies?: string;
  customerContacts?: string;
  firstContactResolved?: string;
  customerId?: string;
}

/**
 * The metric's own options, as `summarize` takes them: the scale and thresholds of NPS, CSAT
 * and CES (weights come from `columns.weight`); the definition and `asOf` of FCR; the target,
 * field and `asOf` of SLA; `asOf` of the duration metrics; the window, definition and unit of churn.
 * Ticket metrics run on the elapsed clock (`businessHours` is refused).
 *
 * @example
 * const o: SqlMetricOptionsByMetric['csat'] = { scale: '1-7' }
 * o.scale // => '1-7'
 */
export interface SqlMetricOptionsByMetric {
  nps: Pick<NpsSummaryOptions, 'scale'>;
  csat: Pick<CsatSummaryOptions, 'scale' | 'satisfiedMin'>;
  ces: Pick<CesSummaryOptions, 'scale' | 'direction' | 'easyThreshold'>;
  proportion: Record<never, never>;
  mean: Record<never, never>;
  fcr: {
    definition: 'one-touch' | 'single-contact' | 'no-reopen' | 'no-repeat-within' | 'reported';
    missing?: 'error' | 'exclude';
    windowMs?: number;
    asOf?: Timestamp;
  };
  sla: { targetMs: number; field?: 'resolution' | 'firstResponse'; asOf?: Timestamp };
  ttr: { asOf?: Timestamp };
  'first-response': { asOf?: Timestamp };
  churn: { from: Timestamp; to: Timestamp; definition?: 'cohort' | 'exposure'; unit?: TimeUnit };
}

/**
 * Options of `summaryQuery` (and of `summariesFromRows`, which reads the rows back under the same
 * options): where the data is, which columns hold what, how to filter, group and bucket it, the
 * dialect to write, and the metric's own options (scale, …).
 *
 * @example
 * const o: SummaryQueryOptions<'nps'> = { dialect: 'duckdb', table: 'responses', columns: { score: 'score' }, groupBy: ['channel'] }
 * summaryQuery('nps', o).params // => []
 */
export type SummaryQueryOptions<M extends SqlMetric = SqlMetric> = {
  /** The engine to write for: 'duckdb' or 'postgres'. */
  dialect: SqlDialect;
  /** The table (or view): a name, or [schema, name] / [catalog, schema, name]. A dot in a string is part of the name. */
  table: string | readonly string[];
  /** The metric's columns by role (see `SqlColumnsByMetric`). */
  columns: SqlColumnsByMetric[M];
  /** Row filters; values go in as parameters. */
  where?: SqlWhere;
  /** Columns to group by: one summary per distinct combination. */
  groupBy?: string | readonly string[];
  /** Bucket by calendar period of a timestamp column, in a named time zone. */
  period?: SqlPeriod;
  /** The table's column names (e.g. from DESCRIBE): every column named above must be one of them. */
  tableColumns?: readonly string[];
} & SqlMetricOptionsByMetric[M];

/**
 * A parameterized query: the SQL text with $1, $2, … placeholders and the values that go in them,
 * for the driver's prepared statements (`connection.run(text, params)`, `pg.query(text, params)`).
 *
 * @example
 * const query: SqlQuery = summaryQuery('mean', { dialect: 'duckdb', table: 't', columns: { value: 'x' }, where: { y: 1 } })
 * query.params // => [1]
 */
export interface SqlQuery {
  /** The SQL text; identifiers quoted for the dialect, every value a placeholder. */
  text: string;
  /** The placeholder values, in order. */
  params: unknown[];
}

/** Metric name → how it is written; the summary family checks what comes back. @internal */
export const SQL_SPECS: Record<SqlMetric, SqlMetricSpec> = {
  nps: histogramSpec(NPS_FAMILY, ['scale']),
  csat: histogramSpec(CSAT_FAMILY, ['scale', 'satisfiedMin']),
  ces: histogramSpec(CES_FAMILY, ['scale', 'direction', 'easyThreshold']),
  proportion: PROPORTION_SPEC,
  mean: MEAN_SPEC,
  fcr: FCR_SPEC,
  sla: SLA_SPEC,
  ttr: durationSpec('ttr-summary'),
  'first-response': durationSpec('first-response-summary'),
  churn: CHURN_SPEC,
};

/** The metric's spec and the checked options. @internal */
export function resolveQuery(
  fn: string,
  metric: unknown,
  options: unknown,
  needDialect: boolean,
): { spec: SqlMetricSpec; base: QueryBase; o: Record<string, unknown> } {
  if (typeof metric !== 'string' || !(SQL_METRICS as readonly string[]).includes(metric)) {
    const guess = typeof metric === 'string' ? closestName(metric, SQL_METRICS) : undefined;
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: metric is ${describe(metric)}; expected one of ${SQL_METRICS.map((m) => `'${m}'`).join(', ')}` +
        (guess !== undefined ? ` (did you mean '${guess}'?)` : ''),
      { value: metric },
    );
  }
  const spec = SQL_SPECS[metric as SqlMetric];
  if (!isPlainObject(options)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: options are required: { dialect, table, columns, … }, got ${describe(options)}`,
      { value: options },
    );
  }
  const allowed = [...BASE_KEYS, ...spec.optionKeys];
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw unknownOption(fn, key, allowed);
  }
  const base = checkBase(fn, options, spec.columns, needDialect);
  spec.check(fn, options);
  return { spec, base, o: options };
}

/**
 * The SQL that computes a metric's summary inside the warehouse: one GROUP BY over the table,
 * whose result rows are the summary's sufficient statistic (per group when grouped, per calendar
 * period when bucketed) — for NPS, CSAT and CES the count of each score (and Σw, Σw² of the
 * weights), for a proportion the count of each value, for a mean n, the mean and the sums
 * for M2; for resolution and first-response times the table of distinct durations with events
 * and censored counts (open tickets censored at `asOf`), for SLA and FCR the counts under the
 * target or definition, for churn the cohort counts or the exposure sums of the window. `summariesFromRows` turns the rows into summaries and `estimate` finishes them, with
 * the same numbers as the in-memory `summarize` (docs/warehouse.md).
 *
 * Table and column names are validated and quoted for the dialect (double quotes, inner quotes
 * doubled; NUL, unpaired surrogates and, for PostgreSQL, names over 63 bytes refused); every
 * value — filters, the period's unit and time zone — goes in as a parameter, never into the text.
 * Verified on DuckDB (@duckdb/node-api) and PostgreSQL (PGlite).
 *
 * @param metric - 'nps', 'csat', 'ces', 'proportion', 'mean', 'fcr', 'sla', 'ttr', 'first-response'
 *   or 'churn'
 * @param options - `dialect`, `table`, `columns` (by role), and optionally `where`, `groupBy`,
 *   `period`, `tableColumns`, and the metric's scale options
 * @returns `{ text, params }` for the driver's prepared statement
 * @throws CxMetricsError INVALID_OPTION for an unknown metric, dialect, option or column role; a
 *   missing required column; a bad name (empty, NUL, too long); a column not in `tableColumns`;
 *   a bad filter value, period unit or time zone; a bad scale
 * @example
 * const q = summaryQuery('nps', { dialect: 'postgres', table: 'responses', columns: { score: 'score' }, where: { channel: 'email' } })
 * q.text // => 'SELECT "cx_score", COUNT(*) AS "cx_count" FROM (SELECT "score" AS "cx_score" FROM "responses" WHERE "channel" = $1) AS "cx_rows" GROUP BY "cx_score" ORDER BY "cx_score" NULLS LAST'
 * q.params // => ['email']
 */
export function summaryQuery<M extends SqlMetric>(metric: M, options: SummaryQueryOptions<M>): SqlQuery {
  const fn = 'summaryQuery';
  const { spec, base, o } = resolveQuery(fn, metric, options, true);
  const params = new Params();
  const parts = spec.query(base, params, o);
  const text = assemble(base, params, parts);
  return { text, params: params.values };
}
