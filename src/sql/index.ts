// cx-metrics/sql: the SQL that computes the summaries inside a warehouse, and the summaries read
// back from its rows. Re-exports only.
export { SQL_DIALECTS, type SqlDialect } from './dialect.ts';
export { SQL_PERIOD_UNITS, type SqlPeriod, type SqlValue, type SqlWhere } from './query.ts';
export type { SqlRow } from './rows.ts';
export {
  type SqlSummary,
  type SummariesFromRowsOptions,
  summariesFromRows,
} from './summariesFromRows.ts';
export {
  SQL_METRICS,
  type SqlColumnsByMetric,
  type SqlMetric,
  type SqlMetricOptionsByMetric,
  type SqlQuery,
  type SqlTicketColumns,
  type SummaryQueryOptions,
  summaryQuery,
} from './summaryQuery.ts';
