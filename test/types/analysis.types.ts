// Type tests of breakdown, trend and cx-metrics/sql: the calls a user writes compile with the
// result types they should have; common misuses do not (each `@ts-expect-error` line must be an
// error).
import { breakdown, type NpsResult, trend } from '../../src/index.ts';
import { summariesFromRows, summaryQuery } from '../../src/sql/index.ts';
import { expectType } from './expect.ts';

const rows = [
  { channel: 'email', score: 9, at: '2026-05-01T10:00Z' },
  { channel: 'phone', score: 3, at: '2026-05-02T10:00Z' },
];

// breakdown(records, { by, metric, … }): the estimate type follows the metric
const b = breakdown(rows, { by: 'channel', metric: 'nps', accessor: 'score' });
expectType<NpsResult>(b.overall);
expectType<NpsResult | null | undefined>(b.groups[0]?.estimate);
breakdown(rows, { by: (r) => r.channel.toUpperCase(), metric: 'nps', accessor: 'score' });
breakdown(rows, { by: ['channel', (r) => r.score > 5], metric: 'nps', accessor: 'score' });
// @ts-expect-error `by` names a field the records have
breakdown(rows, { by: 'chanel', metric: 'nps', accessor: 'score' });
// @ts-expect-error `metric` is a metric name summarize knows
breakdown(rows, { by: 'channel', metric: 'net-promoter', accessor: 'score' });
// @ts-expect-error `by` is required
breakdown(rows, { metric: 'nps', accessor: 'score' });

// trend(records, { at, period, timeZone, metric, … })
const t = trend(rows, { at: 'at', period: 'month', timeZone: 'Europe/Berlin', metric: 'nps', accessor: 'score' });
expectType<string>(t.periods[0]?.label ?? '');
// @ts-expect-error the period is a calendar unit
trend(rows, { at: 'at', period: 'fortnight', timeZone: 'UTC', metric: 'nps', accessor: 'score' });
// @ts-expect-error the time zone is required (a period is a local calendar period)
trend(rows, { at: 'at', period: 'month', metric: 'nps', accessor: 'score' });
// @ts-expect-error `at` names a field the records have
trend(rows, { at: 'submittedAt', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' });

// summaryQuery(metric, { dialect, table, columns, … }) → { text, params }
const q = summaryQuery('nps', { dialect: 'duckdb', table: 'responses', columns: { score: 'nps_score' } });
expectType<string>(q.text);
expectType<readonly unknown[]>(q.params);
summariesFromRows('nps', [], { dialect: 'duckdb', table: 'responses', columns: { score: 'nps_score' } });
// @ts-expect-error the dialect is one the library writes
summaryQuery('nps', { dialect: 'oracle', table: 'responses', columns: { score: 'nps_score' } });
// @ts-expect-error the metric is one the SQL path knows
summaryQuery('net-promoter', { dialect: 'duckdb', table: 'responses', columns: { score: 'nps_score' } });
