// Type tests of cx-metrics/notebook (show, formatResult, chartFor and the chart builders): the
// calls a user writes compile with the types they should have; common misuses do not (each
// `@ts-expect-error` line must be an error).
import {
  cohortRetention,
  compareNps,
  csatFromCounts,
  kaplanMeier,
  meanInterval,
  npsFromCounts,
  retentionCurve,
  ttr,
} from '../../src/index.ts';
import {
  type ChartOptions,
  chartFor,
  cohortRetentionChart,
  comparisonChart,
  distributionChart,
  formatResult,
  intervalChart,
  kaplanMeierChart,
  type MimeBundle,
  metricOverTimeChart,
  npsBreakdownChart,
  type ResultKind,
  resultKind,
  type Shown,
  show,
  type VegaLiteSpec,
} from '../../src/notebook/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

const march = npsFromCounts({ promoters: 278, passives: 164, detractors: 128 });
const february = npsFromCounts({ promoters: 250, passives: 170, detractors: 150 });
const satisfaction = csatFromCounts({ satisfied: 40, total: 50 });
const customers = [{ startedAt: '2025-01-15', endedAt: '2025-06-30' }, { startedAt: '2025-02-01' }];

// show(x) wraps anything and keeps its type; formatResult and resultKind read anything
expectTrue<Equal<ReturnType<typeof show<typeof march>>, Shown<typeof march>>>();
expectTrue<Equal<Shown<typeof march>['value'], typeof march>>();
expectType<ResultKind>(show(march).kind);
expectType<string>(formatResult(ttr([1, 2, 3])));
expectType<ResultKind>(resultKind({ anything: true }));
expectType<VegaLiteSpec | undefined>(chartFor(march));
const bundle: MimeBundle = { 'text/plain': formatResult(march) };
expectType<string>(bundle['text/plain']);

// Chart builders take the results they draw, and return a Vega-Lite spec
const size: ChartOptions = { title: 'NPS', width: 400, height: 120 };
expectType<VegaLiteSpec>(npsBreakdownChart(march, { ...size, label: 'March' }));
expectType<VegaLiteSpec>(npsBreakdownChart({ March: march, February: february }));
expectType<VegaLiteSpec>(comparisonChart(compareNps(march, february), { labels: ['March', 'February'] }));
expectType<VegaLiteSpec>(intervalChart({ email: satisfaction, chat: satisfaction }, { format: 'share' }));
expectType<VegaLiteSpec>(intervalChart([meanInterval([1, 2, 3]), meanInterval([2, 3, 4])], { metric: 'mean' }));
expectType<VegaLiteSpec>(
  metricOverTimeChart([{ period: '2025-Q1', value: 31, lower: 25, upper: 37, n: 400 }], { metric: 'NPS' }),
);
expectType<VegaLiteSpec>(metricOverTimeChart({ '2025-01': march, '2025-02': february }));
expectType<VegaLiteSpec>(kaplanMeierChart(kaplanMeier([2, 3, 5, 8], [1, 0, 1, 1]), { timeTitle: 'days' }));
expectType<VegaLiteSpec>(kaplanMeierChart(retentionCurve(customers, { asOf: '2025-12-31' })));
expectType<VegaLiteSpec>(cohortRetentionChart(cohortRetention(customers, { period: 'month', asOf: '2025-12-31' })));
expectType<VegaLiteSpec>(distributionChart(satisfaction, { metric: 'CSAT' }));

// @ts-expect-error a CSAT result is not an NPS breakdown
npsBreakdownChart(satisfaction);
// @ts-expect-error a comparison chart draws a Difference, not one estimate
comparisonChart(march);
// @ts-expect-error two labels, for a and b
comparisonChart(compareNps(march, february), { labels: ['March'] });
// @ts-expect-error the formats are 'share', 'points', 'number' and 'duration'
intervalChart([march], { format: 'percent' });
// @ts-expect-error a point needs its interval
metricOverTimeChart([{ period: '2025-Q1', value: 31 }]);
// @ts-expect-error a Kaplan–Meier chart draws survival points, not a duration summary
kaplanMeierChart(ttr([1, 2, 3]));
// @ts-expect-error a cohort table, not a retention curve
cohortRetentionChart(retentionCurve(customers, { asOf: '2025-12-31' }));
// @ts-expect-error NPS results have no distribution to draw
distributionChart(march);
// @ts-expect-error width is a number of pixels
npsBreakdownChart(march, { width: '400px' });
// @ts-expect-error a misspelt option key (title)
npsBreakdownChart(march, { titel: 'NPS' });
