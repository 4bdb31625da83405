import { CxMetricsError } from '../errors.ts';
import { printableSummary } from '../format/summaryText.ts';
import { describe } from '../stats/validate.ts';
import type { SummaryFamily } from '../summary/family.ts';
import { FAMILIES } from '../summary/registry.ts';
import type { SummaryByMetric } from '../summary/typeMaps.ts';
import {
  type CalendarPeriod,
  calendarPeriodOf,
  daysFromCivil,
  periodDaysOf,
  resolvePeriodSpec,
} from '../time/periods.ts';
import { PERIOD_ALIAS, type QueryBase } from './query.ts';
import { plainKey, type SqlRow } from './rows.ts';
import { resolveQuery, type SqlMetric, type SummaryQueryOptions } from './summaryQuery.ts';

/**
 * One summary read from a summary query's rows: the group's column values (`{}` when not
 * grouped), the period when bucketed, and the summary that `estimate` finishes.
 *
 * @example
 * const [{ group, summary }] = summariesFromRows('proportion', [{ cx_value: true, cx_count: 3 }, { cx_value: false, cx_count: 1 }], { columns: { value: 'ok' } })
 * [group, summary.successes, summary.n] // => [{}, 3, 4]
 */
export interface SqlSummary<S> {
  group: Record<string, unknown>;
  /** The calendar period, as `calendarPeriod` gives it (label, first day, start and end instants). */
  period?: CalendarPeriod;
  summary: S;
}

/**
 * Options of `summariesFromRows`: those given to `summaryQuery`, where `dialect` and `table` may
 * be left out (the rows are read the same whichever engine made them).
 *
 * @example
 * const o: SummariesFromRowsOptions<'nps'> = { columns: { score: 'score' }, groupBy: ['channel'] }
 * summariesFromRows('nps', [{ channel: 'email', cx_score: 9, cx_count: 2 }], o)[0].group // => { channel: 'email' }
 */
export type SummariesFromRowsOptions<M extends SqlMetric = SqlMetric> = {
  [K in keyof SummaryQueryOptions<M> as K extends 'dialect' | 'table' ? never : K]: SummaryQueryOptions<M>[K];
} & {
  /** As given to summaryQuery (not needed to read the rows). */
  dialect?: SummaryQueryOptions<M>['dialect'];
  /** As given to summaryQuery (not needed to read the rows). */
  table?: SummaryQueryOptions<M>['table'];
};

/**
 * The summaries in the rows of `summaryQuery`'s query: one per group and period, in the rows'
 * order, each checked as `estimate` checks a summary from outside, with the counts exactly those
 * the engine counted. Without `groupBy` and `period` there is exactly one summary (of no rows
 * when the table is empty). Give the same options as to `summaryQuery` (`dialect` and `table`
 * may be left out): they say which columns are groups, whether weights were read and the scale.
 * Rows from several queries (partitions, shards, engines) can be concatenated first, or their
 * summaries merged with `mergeSummaries`.
 *
 * Drivers' value types are all read: numbers, bigints (DuckDB's BIGINT and HUGEINT) and decimal
 * text (PostgreSQL's NUMERIC). Group values come back as plain JSON (bigints as numbers when
 * safe, Dates as ISO text).
 *
 * @param metric - the metric the query was written for
 * @param rows - the result rows, as objects keyed by column alias (DuckDB `getRowObjectsJS()`,
 *   `pg` `result.rows`)
 * @param options - the options given to `summaryQuery`
 * @returns one `{ group, period?, summary }` per group and period
 * @throws CxMetricsError INVALID_OPTION as `summaryQuery`; INVALID_VALUE for rows that are not
 *   the query's (a missing column, a value of the wrong type), for a score off the scale, a NULL
 *   or negative weight, a NULL proportion value or mean value, or a summary that fails its check
 * @example
 * const rows = [{ cx_score: 10, cx_count: 5 }, { cx_score: 8, cx_count: 3 }, { cx_score: 2, cx_count: 2 }, { cx_score: null, cx_count: 1 }]
 * const [{ summary }] = summariesFromRows('nps', rows, { columns: { score: 'score' } })
 * [summary.counts[10], summary.skipped] // => [5, 1]
 * estimate(summary).value // => 30
 */
export function summariesFromRows<M extends SqlMetric>(
  metric: M,
  rows: readonly SqlRow[],
  options: SummaryQueryOptions<M> | SummariesFromRowsOptions<M>,
): SqlSummary<SummaryByMetric[M]>[] {
  const fn = typeof metric === 'string' && metric.length <= 40 ? `summariesFromRows('${metric}')` : 'summariesFromRows';
  const { spec, base, o } = resolveQuery(fn, metric, options, false);
  if (!Array.isArray(rows)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: rows is ${describe(rows)}; expected an array of row objects`, {
      value: rows,
    });
  }
  // Every summary is checked by its family, as estimate checks one from outside.
  const family = FAMILIES.find((f) => f.metric === metric) as SummaryFamily | undefined;
  const groups = new Map<string, { key: unknown[]; rows: SqlRow[] }>();
  const keyNames = [...base.groupBy, ...(base.period ? [PERIOD_ALIAS] : [])];
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object') {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: row at index ${i} is ${describe(row)}; expected an object`, {
        index: i,
        value: row,
      });
    }
    const key = keyNames.map((name) => {
      if (!(name in row)) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: row at index ${i} has no column ${describe(name)}; expected the rows of summaryQuery's query under the same groupBy and period`,
          { index: i, value: row },
        );
      }
      return plainKey(fn, name, row[name]);
    });
    const id = JSON.stringify(key);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { key, rows: [row] });
    else group.rows.push(row);
  });
  if (keyNames.length === 0 && groups.size === 0) groups.set('[]', { key: [], rows: [] });
  const out: SqlSummary<SummaryByMetric[M]>[] = [];
  for (const { key, rows: part } of groups.values()) {
    const raw = spec.summary(fn, part, base, o);
    const summary = (family === undefined ? raw : family.check(fn, raw)) as SummaryByMetric[M];
    const group: Record<string, unknown> = {};
    base.groupBy.forEach((name, i) => {
      group[name] = key[i];
    });
    const entry: SqlSummary<SummaryByMetric[M]> = { group, summary: printableSummary(summary) };
    if (base.period) entry.period = periodKey(fn, key[key.length - 1], base.period);
    out.push(entry);
  }
  return out;
}

function periodKey(fn: string, value: unknown, period: NonNullable<QueryBase['period']>): CalendarPeriod {
  const m = typeof value === 'string' ? /^(\d{4,})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/.exec(value) : null;
  const spec = resolvePeriodSpec(fn, period.unit, period.timeZone, undefined);
  const days = m === null ? Number.NaN : daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const p = Number.isFinite(days) ? periodDaysOf(days, spec) : undefined;
  // The engine's date_trunc and the library's calendar must agree on where the period starts.
  if (p === undefined || p.first !== days) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${PERIOD_ALIAS} is ${describe(value)}; expected the local start of a ${period.unit} as text 'YYYY-MM-DD 00:00:00'`,
      { value },
    );
  }
  return calendarPeriodOf(p, spec);
}
