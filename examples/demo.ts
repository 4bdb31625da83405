/**
 * cx-metrics demo: reads the bundled sample data and prints a plain-text report: NPS, CSAT and CES
 * surveys by channel, touchpoint and month (breakdown, trend), support operations (tickets), churn
 * and retention (subscriptions), and the customer journey (funnelBy, journeyScoreboard).
 *
 *   npx tsx examples/demo.ts [nps.csv [csat-ces.csv [tickets.csv [subscriptions.csv [journey.csv]]]]]   (or: npm run demo)
 *
 * The tickets and subscriptions are read as exported at TICKETS_AS_OF and SUBSCRIPTIONS_AS_OF (the
 * sample files' export times); other files must have been exported then too.
 *
 * The report is a list of sections, one function each, all reading from a DemoContext that is
 * loaded once (examples/loaders.ts). To add a metric: add its loader to `loadContext`, write a
 * `xxxSection(ctx)` that returns lines, and list it in SECTIONS.
 */
import { fileURLToPath } from 'node:url';
import {
  type BreakdownResult,
  breakdown,
  type CesResult,
  type ChurnResult,
  CSAT_SCALES,
  type CsatResult,
  type CustomerMrr,
  CxMetricsError,
  type CxWarning,
  ces,
  churn,
  cohortRetention,
  convertChurnRate,
  csat,
  customerLifetimeValue,
  type Difference,
  type DurationQuantile,
  type DurationResult,
  type FcrDefinition,
  type FcrResult,
  fcr,
  firstResponseTime,
  funnelBy,
  type GroupTest,
  journeyScoreboard,
  type NpsResult,
  type NpsScale,
  nps,
  type RetentionCurveResult,
  retentionCurve,
  revenueRetention,
  type Schedule,
  type SeriesTrendTest,
  slaAttainment,
  TIME_UNIT_DAYS,
  type TrendResult,
  trend,
  ttr,
} from '../src/index.ts';
import {
  type BoundFormat,
  confidenceLabel,
  count,
  distributionTable,
  duration,
  durationInterval,
  fixed,
  heading,
  interval,
  intervalWidths,
  methodLabel,
  money,
  npsGroupsLine,
  npsLine,
  partHeading,
  percent,
  pValue,
  readableMs,
  signed,
  table,
  warningLines,
} from './format.ts';
import {
  type CsatCesSurvey,
  displayPath,
  InputError,
  isoDay,
  isoSeconds,
  type JourneyEvents,
  load,
  loadCsatCesSurvey,
  loadJourneyEvents,
  loadNpsSurvey,
  loadSubscriptions,
  loadTickets,
  monthOf,
  type NpsResponse,
  type NpsSurvey,
  type RowProblem,
  type Subscription,
  type Subscriptions,
  type SupportTickets,
  type SurveyAnswer,
  type TicketRow,
} from './loaders.ts';
import { writeHtmlReport } from './report.ts';

const DEFAULT_NPS_FILE = fileURLToPath(new URL('./data/nps-responses.csv', import.meta.url));
const DEFAULT_SURVEYS_FILE = fileURLToPath(new URL('./data/csat-ces-responses.csv', import.meta.url));
const DEFAULT_TICKETS_FILE = fileURLToPath(new URL('./data/tickets.csv', import.meta.url));
const DEFAULT_SUBSCRIPTIONS_FILE = fileURLToPath(new URL('./data/subscriptions.csv', import.meta.url));
const DEFAULT_JOURNEY_FILE = fileURLToPath(new URL('./data/journey-events.csv', import.meta.url));
/** Confidence level of every interval in the report (the library's default). */
const CONFIDENCE = 0.95;
/** CSAT: 1–5, satisfied = 4–5 (top-2 box). The schema checks the scores against the same range. */
const CSAT_SCALE = CSAT_SCALES['1-5'];
/** CES 2.0: 1–7, "The company made it easy for me to handle my issue", higher is easier; easy = 5–7. */
const CES_SCALE = { min: 1, max: 7, direction: 'higher-is-easier', easyMin: 5 } as const;

/** The options `ces` (and `breakdown`/`trend` with metric 'ces') read the CES answers with. */
const CES_OPTIONS = {
  accessor: 'score',
  scale: { min: CES_SCALE.min, max: CES_SCALE.max },
  direction: CES_SCALE.direction,
  easyThreshold: CES_SCALE.easyMin,
} as const;
const HOUR_MS = 3_600_000;
/** Export time of tickets.csv (examples/data/tickets.README.md): open tickets are censored here. */
const TICKETS_AS_OF = new Date('2026-04-01T00:00:00Z');
/** SLA targets, in elapsed (wall-clock) time. */
const SLA_TARGETS = [
  { label: 'resolved within 24 h', field: 'resolution', targetMs: 24 * HOUR_MS },
  { label: 'first response within 1 h', field: 'firstResponse', targetMs: HOUR_MS },
] as const;
/** The FCR definitions compared, with what each counts as resolved at first contact. */
const FCR_COMPARED: readonly { definition: FcrDefinition; meaning: string }[] = [
  { definition: 'one-touch', meaning: 'at most one agent reply' },
  { definition: 'no-reopen', meaning: 'never reopened' },
  { definition: 'reported', meaning: 'customer said yes in the survey' },
];
const NINE_TO_FIVE = [['09:00', '17:00']] as const;
/**
 * Business hours for the business-time figures. The sample's agents work Mon–Fri 09:00–17:00
 * UTC (tickets.README.md), so the schedule is in UTC; no holidays.
 */
const BUSINESS_HOURS: Schedule = {
  timeZone: 'UTC',
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
};

/** Export time of subscriptions.csv (examples/data/subscriptions.README.md). */
const SUBSCRIPTIONS_AS_OF = new Date('2026-01-01T00:00:00Z');
/** Tenures (months) at which the retention curve is read. */
const RETENTION_MONTHS = [3, 6, 12] as const;
/** Monthly cohorts shown in the cohort table: the latest ones. */
const COHORTS_SHOWN = 8;
/** Resamples and seed of the revenue-retention bootstrap (seeded, so the report is reproducible). */
const BOOTSTRAP = { resamples: 10_000, seed: 1 } as const;
/** Gross margin for customer lifetime value: an assumption, not in the data. */
const ASSUMED_MARGIN = 0.8;

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

interface DemoContext {
  nps: NpsSurvey;
  surveys: CsatCesSurvey;
  tickets: SupportTickets;
  subscriptions: Subscriptions;
  journey: JourneyEvents;
}

/** A report section: the lines to print, or none to leave it out. */
type Section = (ctx: DemoContext) => string[];

interface DemoFiles {
  nps: string;
  surveys: string;
  tickets: string;
  subscriptions: string;
  journey: string;
}

function loadContext(files: DemoFiles): DemoContext {
  const scales = {
    csat: { min: CSAT_SCALE.min, max: CSAT_SCALE.max },
    ces: { min: CES_SCALE.min, max: CES_SCALE.max, direction: CES_SCALE.direction },
  };
  return {
    nps: load(files.nps, loadNpsSurvey),
    surveys: load(files.surveys, (file) => loadCsatCesSurvey(file, scales)),
    tickets: load(files.tickets, (file) => loadTickets(file, TICKETS_AS_OF)),
    subscriptions: load(files.subscriptions, (file) => loadSubscriptions(file, SUBSCRIPTIONS_AS_OF)),
    journey: load(files.journey, loadJourneyEvents),
  };
}

function dateRange(dates: readonly Date[]): string {
  if (dates.length === 0) return '(no dates)';
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const d of dates) {
    min = Math.min(min, d.getTime());
    max = Math.max(max, d.getTime());
  }
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  return `${day(min)} .. ${day(max)} (UTC)`;
}

/** `4-5`, or `5` when both ends are the same. */
function range(a: number, b: number): string {
  return a === b ? `${a}` : `${a}-${b}`;
}

function scaleLabel(s: NpsScale): string {
  return `${range(s.min, s.max)}: detractors ${range(s.min, s.detractorMax)}, passives ${range(s.detractorMax + 1, s.promoterMin - 1)}, promoters ${range(s.promoterMin, s.max)}`;
}

/** Two decimals, for mean scores on a rating scale. */
const twoDecimals: BoundFormat = (x) => fixed(x, 2);

function titleSection(): string[] {
  return partHeading('cx-metrics demo');
}

function npsHeaderSection({ nps: survey }: DemoContext): string[] {
  const skipped = survey.responses.filter((r) => r.score === null).length;
  const answered = survey.responses.length - skipped;
  return [
    ...partHeading('Net Promoter Score (NPS)'),
    `Data file  ${displayPath(survey.file)}`,
    `Rows       ${survey.rowCount} (${answered} answered, ${skipped} skipped score, ${survey.problems.length} rejected)`,
    `Dates      ${dateRange(survey.responses.map((r) => r.submittedAt))}`,
    `Scale      ${scaleLabel(survey.scale)}`,
  ];
}

function problemLines(problems: readonly RowProblem[]): string[] {
  if (problems.length === 0) return [];
  return [
    ...heading(`Rejected rows (${problems.length}, left out of every figure below)`),
    ...problems.map((p) => `  line ${p.line}${p.id ? ` (id ${p.id})` : ''}: ${p.message}`),
  ];
}

function npsProblemsSection({ nps: survey }: DemoContext): string[] {
  return problemLines(survey.problems);
}

/** The result of a metric, or null when there is nothing to compute it from (no answered scores). */
function unlessEmpty<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CxMetricsError && error.code === 'EMPTY_INPUT') return null;
    throw error;
  }
}

/** NPS of some responses, or null when none of them has an answered score. */
function npsOf(responses: readonly NpsResponse[], scale: NpsScale): NpsResult | null {
  return unlessEmpty(() => nps(responses, { accessor: 'score', scale, confidence: CONFIDENCE }));
}

/** CSAT (share satisfied, mean, distribution) of some answers, or null when none is answered. */
function csatOf(answers: readonly SurveyAnswer[]): CsatResult | null {
  return unlessEmpty(() => csat(answers, { accessor: 'score', scale: CSAT_SCALE, confidence: CONFIDENCE }));
}

/** CES (mean, easy share, net effort, distribution) of some answers, or null when none is answered. */
function cesOf(answers: readonly SurveyAnswer[]): CesResult | null {
  return unlessEmpty(() => ces(answers, { ...CES_OPTIONS, confidence: CONFIDENCE }));
}

function npsOverallSection({ nps: survey }: DemoContext): string[] {
  const result = npsOf(survey.responses, survey.scale);
  if (result === null) return [...heading('NPS overall'), '  no answered scores'];
  return [
    ...heading('NPS overall'),
    `  ${npsLine(result)}`,
    `  ${npsGroupsLine(result)}`,
    ...warningLines([{ label: 'overall', warnings: result.warnings }]),
  ];
}

// Segments and periods: breakdown and trend -------------------------------------------------

/** The figures of an estimate the tables print. */
interface Figure {
  value: number;
  lower: number;
  upper: number;
  confidence: number;
  method: string;
  warnings: readonly CxWarning[];
}

/** How one metric prints: its value, its differences (in `unit`, after `factor`) and digits. */
interface MetricFormat {
  /** Column header of the value. */
  header: string;
  value: BoundFormat;
  /** Factor from the result's units to the printed ones (100 for shares). */
  factor: number;
  digits: number;
  unit: string;
}

const NPS_FORMAT: MetricFormat = { header: 'NPS', value: fixed, factor: 1, digits: 1, unit: 'points' };
const CSAT_FORMAT: MetricFormat = {
  header: 'CSAT',
  value: percent,
  factor: 100,
  digits: 1,
  unit: 'percentage points',
};
const CES_FORMAT: MetricFormat = { header: 'mean CES', value: twoDecimals, factor: 1, digits: 2, unit: 'points' };

/** `+1.3  [-11.9, +14.3]`: a signed difference and its interval, in the format's units. */
function differenceCells(d: Difference | null, f: MetricFormat): [string, string] {
  if (d === null) return ['-', ''];
  const s = (x: number): string => signed(x * f.factor, f.digits);
  return [s(d.difference), `[${s(d.lower)}, ${s(d.upper)}]`];
}

/** `higher` / `lower` / blank: the result's flag at its level, after the adjustment. */
function flagCell(flag: 'higher' | 'lower' | 'none'): string {
  return flag === 'none' ? '' : `** ${flag}`;
}

/** `Wald chi-square 10.54 on 3 df, p = 0.014`, or why the test could not be run. */
function groupTestLine(
  test: GroupTest | SeriesTrendTest | { method: string; statistic: number; df: number; pValue: number } | null,
): string {
  if (test === null) return 'not run (see the warnings)';
  const df2 = 'df2' in test ? test.df2 : undefined;
  const df = 'df' in test ? ` on ${test.df}${df2 === undefined ? '' : ` and ${fixed(df2)}`} df` : '';
  const p = test.pValue < 0.001 ? 'p < 0.001' : `p = ${pValue(test.pValue)}`;
  return `${test.method} ${fixed(test.statistic, 2)}${df}, ${p}`;
}

/**
 * A breakdown as a table: each group's estimate with its interval, then the group minus all the
 * other records (`vsRest`) with its interval, raw and adjusted p-values and the flag; then the
 * test of any difference across the groups.
 */
function breakdownLines(title: string, label: string, b: BreakdownResult<Figure>, f: MetricFormat): string[] {
  const widths = intervalWidths(
    b.groups.flatMap((g) => (g.estimate ? [g.estimate] : [])),
    f.value,
  );
  const rows = b.groups.map((g) => [
    g.label,
    count(g.n),
    g.estimate ? f.value(g.estimate.value) : '-',
    g.estimate ? interval(g.estimate.lower, g.estimate.upper, widths, f.value) : 'too few answers',
    ...differenceCells(g.vsRest, f),
    g.pValue === null ? '' : pValue(g.pValue),
    g.adjustedPValue === null ? '' : pValue(g.adjustedPValue),
    flagCell(g.flag),
  ]);
  const level = confidenceLabel(b.overall.confidence);
  const columns = [
    { header: label },
    { header: 'n', align: 'right' as const },
    { header: f.header, align: 'right' as const },
    { header: `${level} interval` },
    { header: 'vs rest', align: 'right' as const },
    { header: `${level} interval` },
    { header: 'p', align: 'right' as const },
    { header: `${b.adjust} p`, align: 'right' as const },
    { header: 'flag' },
  ];
  return [
    ...heading(`${title} (${methodLabel(b.overall)} intervals)`),
    ...table(columns, rows),
    `  overall ${f.value(b.overall.value)} ${interval(b.overall.lower, b.overall.upper, undefined, f.value)}, n=${count(b.groups.reduce((s, g) => s + g.n, 0))}. Any difference across ${label}s: ${groupTestLine(b.test)}`,
    ...warningLines([
      { label: 'breakdown', warnings: b.warnings },
      ...b.groups.map((g) => ({ label: g.label, warnings: g.warnings })),
    ]),
  ];
}

/**
 * A trend as a table: each period's estimate with its interval, the change from the previous
 * period with its interval, raw and adjusted p-values (across the series) and the flag; then the
 * test of a steady rise or fall.
 */
function trendLines(title: string, t: TrendResult<Figure>, f: MetricFormat): string[] {
  const widths = intervalWidths(
    t.periods.flatMap((p) => (p.estimate ? [p.estimate] : [])),
    f.value,
  );
  const rows = t.periods.map((p) => [
    `${p.label}${p.partial ? ' (part)' : ''}`,
    count(p.n),
    p.estimate ? f.value(p.estimate.value) : '-',
    p.estimate ? interval(p.estimate.lower, p.estimate.upper, widths, f.value) : 'no answers',
    ...differenceCells(p.vsPrevious, f),
    p.pValue === null ? '' : pValue(p.pValue),
    p.adjustedPValue === null ? '' : pValue(p.adjustedPValue),
    flagCell(p.flag),
  ]);
  const level = confidenceLabel(t.overall.confidence);
  const columns = [
    { header: t.period },
    { header: 'n', align: 'right' as const },
    { header: f.header, align: 'right' as const },
    { header: `${level} interval` },
    { header: 'vs previous', align: 'right' as const },
    { header: `${level} interval` },
    { header: 'p', align: 'right' as const },
    { header: `${t.adjust} p`, align: 'right' as const },
    { header: 'flag' },
  ];
  return [
    ...heading(`${title} (${methodLabel(t.overall)} intervals)`),
    ...table(columns, rows),
    `  Steady rise or fall across the ${t.period}s: ${groupTestLine(t.trendTest)}; slope ${signed((t.trendTest?.slope ?? Number.NaN) * f.factor, f.digits)} ${f.unit} a ${t.period}`,
    ...warningLines([
      { label: 'trend', warnings: t.warnings },
      ...t.periods.map((p) => ({ label: p.label, warnings: p.warnings })),
    ]),
  ];
}

/** The months (UTC) every survey is bucketed into: from the first of the earliest month to the end of the latest. */
function surveyMonths(ctx: DemoContext): { from: Date; to: Date } | null {
  const dates = [...ctx.nps.responses, ...ctx.surveys.csat, ...ctx.surveys.ces].map((r) => r.submittedAt.getTime());
  if (dates.length === 0) return null;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of dates) {
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const first = new Date(min);
  const last = new Date(max);
  return {
    from: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)),
    to: new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)),
  };
}

/** NPS, CSAT and CES month by month (UTC), each month against the previous one. */
interface MonthlyTrends {
  nps: TrendResult<NpsResult> | null;
  csat: TrendResult<CsatResult> | null;
  ces: TrendResult<CesResult> | null;
}

const MONTHLY = new WeakMap<DemoContext, MonthlyTrends>();

/** The monthly trends of the three surveys, computed once per context (null where a survey has no answers). */
function monthlyTrends(ctx: DemoContext): MonthlyTrends {
  const cached = MONTHLY.get(ctx);
  if (cached) return cached;
  const range = surveyMonths(ctx);
  const common = range
    ? { at: 'submittedAt' as const, period: 'month' as const, timeZone: 'UTC', from: range.from, to: range.to }
    : null;
  const result: MonthlyTrends =
    common === null
      ? { nps: null, csat: null, ces: null }
      : {
          nps: unlessEmpty(() =>
            trend(ctx.nps.responses, {
              ...common,
              metric: 'nps',
              accessor: 'score',
              scale: ctx.nps.scale,
              confidence: CONFIDENCE,
            }),
          ),
          csat: unlessEmpty(() =>
            trend(ctx.surveys.csat, {
              ...common,
              metric: 'csat',
              accessor: 'score',
              scale: CSAT_SCALE,
              confidence: CONFIDENCE,
            }),
          ),
          ces: unlessEmpty(() =>
            trend(ctx.surveys.ces, { ...common, metric: 'ces', ...CES_OPTIONS, confidence: CONFIDENCE }),
          ),
        };
  MONTHLY.set(ctx, result);
  return result;
}

function npsByChannelSection({ nps: survey }: DemoContext): string[] {
  const b = unlessEmpty(() =>
    breakdown(survey.responses, {
      by: 'channel',
      metric: 'nps',
      accessor: 'score',
      scale: survey.scale,
      confidence: CONFIDENCE,
      order: 'size',
    }),
  );
  if (b === null) return [...heading('NPS by channel'), '  no answered scores'];
  return breakdownLines('NPS by channel, each against the rest', 'channel', b, NPS_FORMAT);
}

function npsByMonthSection(ctx: DemoContext): string[] {
  const t = monthlyTrends(ctx).nps;
  if (t === null) return [...heading('NPS by month, UTC'), '  no answered scores'];
  return trendLines('NPS by month (UTC), each against the month before', t, NPS_FORMAT);
}

function npsReadingSection(): string[] {
  const level = confidenceLabel(CONFIDENCE);
  return [
    `How to read it: NPS = % promoters - % detractors, in points from -100 to 100. The ${level}`,
    'interval is the range of true scores (of everyone the respondents stand for) compatible with',
    `these answers: ${level} of intervals built this way contain the true NPS. Wide intervals (small n)`,
    'mean the figure could easily move. "vs rest" is a channel minus all the other answers, "vs',
    'previous" a month minus the month before, each with its interval and p-value. Comparing four',
    'channels (or five month-to-month changes) at once, one of them can easily look "significant" by',
    'chance alone, so each p-value is adjusted for the others (Holm): a row is flagged higher or lower',
    'only when its adjusted p is below 0.05. An unflagged row is no evidence of a difference, not',
    'evidence of none; the test line under each table asks whether the groups differ at all.',
  ];
}

// CSAT and CES ---------------------------------------------------------------------------------

function surveysHeaderSection({ surveys: survey }: DemoContext): string[] {
  const rowsLine = (answers: readonly SurveyAnswer[]): string => {
    const skipped = answers.filter((a) => a.score === null).length;
    const touchpoints = [...new Set(answers.map((a) => a.touchpoint))].sort().join(', ');
    return `${answers.length} rows: ${answers.length - skipped} answered, ${skipped} skipped score; touchpoints: ${touchpoints || '-'}`;
  };
  const { min, max, satisfiedMin } = CSAT_SCALE;
  return [
    ...partHeading('Customer satisfaction (CSAT) and customer effort (CES)'),
    `Data file  ${displayPath(survey.file)}`,
    `Rows       ${survey.rowCount} (${survey.problems.length} rejected)`,
    `CSAT       ${rowsLine(survey.csat)}`,
    `CES        ${rowsLine(survey.ces)}`,
    `Dates      ${dateRange([...survey.csat, ...survey.ces].map((a) => a.submittedAt))}`,
    `Scales     CSAT ${range(min, max)}, satisfied = ${range(satisfiedMin, max)} (top-2 box); ` +
      `CES ${range(CES_SCALE.min, CES_SCALE.max)}, higher is easier, easy = ${range(CES_SCALE.easyMin, CES_SCALE.max)}`,
  ];
}

function surveysProblemsSection({ surveys: survey }: DemoContext): string[] {
  return problemLines(survey.problems);
}

/** `label` padded so the values of a block of `label  value` lines start in one column. */
function labelled(label: string, text: string): string {
  return `  ${label.padEnd(12)}${text}`;
}

function csatOverallSection({ surveys: survey }: DemoContext): string[] {
  const result = csatOf(survey.csat);
  if (result === null) return [...heading('CSAT overall'), '  no answered scores'];
  const { mean, scale } = result;
  return [
    ...heading('CSAT overall'),
    labelled(
      'CSAT',
      `${percent(result.value)}  ${interval(result.lower, result.upper, undefined, percent)}  ${methodLabel(result)}  n=${count(result.n)}  skipped=${result.skipped}`,
    ),
    labelled(
      'satisfied',
      `${result.satisfied} of ${count(result.n)} answered ${range(scale.satisfiedMin, scale.max)} on the ${range(scale.min, scale.max)} scale`,
    ),
    ...(mean
      ? [
          labelled(
            'mean score',
            `${fixed(mean.value, 2)}  ${interval(mean.lower, mean.upper, undefined, twoDecimals)}  ${methodLabel(mean)}`,
          ),
        ]
      : []),
    ...warningLines([
      { label: 'CSAT', warnings: result.warnings },
      { label: 'mean', warnings: mean?.warnings ?? [] },
    ]),
    '',
    ...distributionTable(result.distribution),
  ];
}

function csatByChannelSection({ surveys: survey }: DemoContext): string[] {
  const b = unlessEmpty(() =>
    breakdown(survey.csat, {
      by: 'channel',
      metric: 'csat',
      accessor: 'score',
      scale: CSAT_SCALE,
      confidence: CONFIDENCE,
      order: 'size',
    }),
  );
  if (b === null) return [...heading('CSAT by channel'), '  no answered scores'];
  return breakdownLines('CSAT by channel, each against the rest', 'channel', b, CSAT_FORMAT);
}

/** Answers in the easy range (unweighted), from the distribution. */
function easyCount(result: CesResult): number {
  const { easyThreshold, direction } = result.scale;
  return result.distribution
    .filter((p) => (direction === 'higher-is-easier' ? p.score >= easyThreshold : p.score <= easyThreshold))
    .reduce((sum, p) => sum + p.count, 0);
}

function cesWarnings(label: string, result: CesResult | null): { label: string; warnings: readonly CxWarning[] }[] {
  if (result === null) return [];
  return [
    { label, warnings: result.warnings },
    { label: `${label} easy`, warnings: result.easy.warnings },
    { label: `${label} net effort`, warnings: result.netEffort.warnings },
  ];
}

function cesOverallSection({ surveys: survey }: DemoContext): string[] {
  const result = cesOf(survey.ces);
  if (result === null) return [...heading('CES overall'), '  no answered scores'];
  const { easy, netEffort } = result;
  const { min, max, easyThreshold } = result.scale;
  return [
    ...heading('CES overall'),
    labelled(
      'mean score',
      `${fixed(result.value, 2)}  ${interval(result.lower, result.upper, undefined, twoDecimals)}  ${methodLabel(result)}  n=${count(result.n)}  skipped=${result.skipped}`,
    ),
    labelled(
      'easy',
      `${percent(easy.value)}  ${interval(easy.lower, easy.upper, undefined, percent)}  ${methodLabel(easy)}  (${easyCount(result)} of ${count(result.n)} answered ${range(easyThreshold, max)})`,
    ),
    labelled(
      'net effort',
      `${signed(netEffort.value)}  ${interval(netEffort.lower, netEffort.upper)}  ${methodLabel(netEffort)}  (% at ${range(max - 1, max)} minus % at ${range(min, min + 1)}, in points)`,
    ),
    ...warningLines(cesWarnings('CES', result)),
    '',
    ...distributionTable(result.distribution),
  ];
}

/** Mean CES by a field of the answers, each group against the rest (Welch). */
function cesBreakdownLines(answers: readonly SurveyAnswer[], by: 'touchpoint' | 'channel'): string[] {
  const b = unlessEmpty(() =>
    breakdown(answers, { by, metric: 'ces', ...CES_OPTIONS, confidence: CONFIDENCE, order: 'size' }),
  );
  if (b === null) return [...heading(`CES by ${by}`), '  no answered scores'];
  return breakdownLines(`Mean CES by ${by}, each against the rest`, by, b, CES_FORMAT);
}

function cesByTouchpointSection({ surveys: survey }: DemoContext): string[] {
  return cesBreakdownLines(survey.ces, 'touchpoint');
}

function cesByChannelSection({ surveys: survey }: DemoContext): string[] {
  return cesBreakdownLines(survey.ces, 'channel');
}

function surveysReadingSection(): string[] {
  const { min, max, satisfiedMin } = CSAT_SCALE;
  return [
    `How to read it: CSAT is the share of answers at ${range(satisfiedMin, max)} ("satisfied" or "very satisfied") on the`,
    `${range(min, max)} scale; the mean score beside it also moves when unhappy answers get worse. CES 2.0 asks how`,
    `much customers agree that "the company made it easy for me to handle my issue", ${range(CES_SCALE.min, CES_SCALE.max)}, higher is`,
    `easier: the mean is in points of that scale, "easy" is the share at ${range(CES_SCALE.easyMin, CES_SCALE.max)}, and net effort is`,
    '% at the two easiest points minus % at the two hardest, in points like NPS. Skipped answers are',
    'left out of every figure (not counted as unhappy). Intervals read as for NPS above.',
  ];
}

// Changes between months -------------------------------------------------------------------

/** One metric compared between two months: how to print it, and the comparison (or why not). */
interface Change {
  /** Row label in the table, with the unit of the values. */
  label: string;
  /** Name in the reading sentence. */
  name: string;
  /** Unit of the change, in words. */
  unit: string;
  /** Factor from the result's units to the printed ones (100 for shares). */
  factor: number;
  digits: number;
  /** A group's value as printed in the table. */
  value: (x: number) => string;
  result: Difference | { problem: string };
  /** The change's p-value adjusted across the metric's month-to-month changes. */
  adjustedPValue: number | null;
  /** How many month-to-month changes the adjustment counts. */
  comparisons: number;
  adjust: string;
}

/**
 * NPS, CSAT and CES in month `after` against the month before, as `after − before`, from the
 * monthly trends: NPS in points, the CSAT satisfied share in percentage points, the mean CES score
 * (Welch) in points of the scale. The months are independent samples; each change carries its
 * p-value adjusted across the whole series of month-to-month changes of its metric.
 */
function monthChanges(ctx: DemoContext, after: string): Change[] {
  const trends = monthlyTrends(ctx);
  const change = (label: string, name: string, f: MetricFormat, t: TrendResult<Figure> | null): Change => {
    const i = t ? t.periods.findIndex((p) => p.label === after) : -1;
    const period = t?.periods[i];
    const previous = t?.periods[i - 1];
    const missing = [period, previous].find((p) => p === undefined || p.estimate === null);
    const result: Change['result'] =
      period?.vsPrevious && previous
        ? period.vsPrevious
        : {
            problem:
              missing === undefined
                ? 'no comparison'
                : `no answered ${name} scores in ${missing === period ? after : (previous?.label ?? 'the month before')}`,
          };
    return {
      label,
      name,
      unit: f.unit,
      factor: f.factor,
      digits: f.digits,
      value: f.value,
      result,
      adjustedPValue: period?.adjustedPValue ?? null,
      comparisons: t ? t.periods.filter((p) => p.pValue !== null).length : 0,
      adjust: t?.adjust ?? 'holm',
    };
  };
  return [
    change('NPS, points', 'NPS', NPS_FORMAT, trends.nps),
    change('CSAT, % satisfied', 'CSAT', CSAT_FORMAT, trends.csat),
    change(`CES, mean ${range(CES_SCALE.min, CES_SCALE.max)}`, 'CES mean', CES_FORMAT, trends.ces),
  ];
}

function isDifference(result: Change['result']): result is Difference {
  return !('problem' in result);
}

/** True when the interval lies wholly on one side of 0. */
function excludesZero(d: Difference): boolean {
  return d.lower > 0 || d.upper < 0;
}

/**
 * A plain-language reading that claims no more than the interval supports: "larger than the
 * noise" only when the interval excludes 0, otherwise "no evidence of a change" (which is not
 * evidence of no change).
 */
function changeReading(c: Change, d: Difference): string {
  const amount = (x: number): string => fixed(Math.abs(x * c.factor), c.digits);
  const move = (x: number): string =>
    amount(x) === fixed(0, c.digits) ? 'no change' : x < 0 ? `a drop of ${amount(x)}` : `a rise of ${amount(x)}`;
  const level = confidenceLabel(d.confidence);
  const p = d.pValue < 0.001 ? 'p < 0.001' : `p = ${pValue(d.pValue)}`;
  let text: string;
  if (excludesZero(d)) {
    const drop = d.upper < 0;
    const [near, far] = drop ? [d.upper, d.lower] : [d.lower, d.upper];
    text =
      `${c.name} ${drop ? 'fell' : 'rose'} ${amount(d.difference)} ${c.unit}: the ${drop ? 'drop' : 'rise'} is larger ` +
      `than the noise. The ${level} interval puts it between ${amount(near)} and ${amount(far)} ${c.unit}: all of ` +
      `it ${drop ? 'below' : 'above'} 0, but the size is uncertain (${p}).`;
  } else {
    text =
      `${c.name}: ${signed(d.difference * c.factor, c.digits)} ${c.unit}, no clear evidence of a change. The ${level} ` +
      `interval runs from ${move(d.lower)} to ${move(d.upper)} ${c.unit}, which includes no change at all (${p}).`;
  }
  if (c.adjustedPValue !== null && c.comparisons > 1) {
    const adjusted = c.adjustedPValue < 0.001 ? '< 0.001' : `= ${pValue(c.adjustedPValue)}`;
    text +=
      ` Counted as one of the ${c.comparisons} month-to-month changes of the series (${c.adjust}), ` +
      `p ${adjusted}: the figure to use when the pair was picked by scanning the months, not chosen beforehand.`;
  }
  const alpha = 1 - d.confidence;
  if (excludesZero(d) !== d.pValue < alpha) {
    text += ` Borderline: the p-value comes from a slightly different calculation and falls on the other side of ${fixed(alpha, 2)}.`;
  }
  return text;
}

/**
 * Words wrapped into lines of at most `width` characters (a longer word gets a line of its own):
 * the first line starts with `indent`, the others with `hanging` (the same by default).
 */
function wrap(text: string, indent: string, width = 100, hanging = indent): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const prefix = lines.length === 0 ? indent : hanging;
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push((lines.length === 0 ? indent : hanging) + line);
  return lines;
}

/** A table of the changes from `before` to `after`, then one reading per metric. */
function changeLines(ctx: DemoContext, before: string, after: string): string[] {
  const changes = monthChanges(ctx, after);
  const rows = changes.map((c) => {
    const r = c.result;
    if (!isDifference(r)) return [c.label, '-', '-', '-'];
    const group = (e: Difference['a']): string => `${c.value(e.value)} (n=${count(e.n)})`;
    return [
      c.label,
      group(r.b),
      group(r.a),
      signed(r.difference * c.factor, c.digits),
      interval(r.lower * c.factor, r.upper * c.factor, undefined, (x) => fixed(x, c.digits)),
      pValue(r.pValue),
      c.adjustedPValue === null ? '' : pValue(c.adjustedPValue),
      r.method,
    ];
  });
  const level = confidenceLabel(CONFIDENCE);
  const columns = [
    { header: 'metric' },
    { header: before },
    { header: after },
    { header: 'change', align: 'right' as const },
    { header: `${level} interval` },
    { header: 'p-value', align: 'right' as const },
    { header: 'adjusted', align: 'right' as const },
    { header: 'method' },
  ];
  return [
    ...table(columns, rows),
    ...warningLines(changes.map((c) => ({ label: c.name, warnings: isDifference(c.result) ? c.result.warnings : [] }))),
    '',
    ...changes.flatMap((c) =>
      wrap(
        isDifference(c.result) ? changeReading(c, c.result) : `${c.name}: not compared: ${c.result.problem}.`,
        '  ',
        100,
        '    ',
      ),
    ),
  ];
}

/** `YYYY-MM` of the month before. */
function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(year, m - 2, 1)));
}

/**
 * The latest full month of the data, UTC: the month of the latest answer (NPS, CSAT or CES) when
 * the data runs to its last day, else the month before. Null when there is no data.
 */
function latestFullMonth(ctx: DemoContext): string | null {
  const dates = [...ctx.nps.responses, ...ctx.surveys.csat, ...ctx.surveys.ces].map((r) => r.submittedAt.getTime());
  if (dates.length === 0) return null;
  const latest = new Date(Math.max(...dates));
  const lastDay = new Date(Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth() + 1, 0)).getUTCDate();
  return latest.getUTCDate() === lastDay ? monthOf(latest) : previousMonth(monthOf(latest));
}

function changesHeaderSection(): string[] {
  return partHeading('Changes between months');
}

function thisMonthSection(ctx: DemoContext): string[] {
  const after = latestFullMonth(ctx);
  if (after === null) return [];
  const before = previousMonth(after);
  return [
    ...heading(`This month vs last month: ${after} vs ${before} (UTC)`),
    `  ${after} is the latest full month in the data. Change = ${after} minus ${before}.`,
    '',
    ...changeLines(ctx, before, after),
  ];
}

/** The sample data's known event: a botched release in 2026-08 (examples/data/README.md). */
const INCIDENT = { before: '2026-07', after: '2026-08' } as const;

function incidentSection(ctx: DemoContext): string[] {
  const { before, after } = INCIDENT;
  const months = new Set(ctx.nps.responses.map((r) => r.month));
  if (!months.has(before) || !months.has(after)) return [];
  return [
    ...heading(`The incident month: ${after} vs ${before} (UTC)`),
    `  The sample has a botched release in ${after} (examples/data/README.md): this pair of months is`,
    '  compared for that known reason, not picked as the biggest change in the data.',
    '',
    ...changeLines(ctx, before, after),
  ];
}

function changesReadingSection(): string[] {
  const level = confidenceLabel(CONFIDENCE);
  return wrap(
    `How to read it: each change is the later month minus the earlier one, the months treated as ` +
      `independent samples. The ${level} interval is the range of true changes compatible with the ` +
      `answers. When it excludes 0 the change is larger than sampling noise alone would usually ` +
      `produce; when it includes 0 there is no clear evidence of a change - which is not evidence of no ` +
      `change: with a month's worth of answers only large moves can be told from noise. The p-value ` +
      `is the chance of a difference at least this large, either way, if nothing had really changed. ` +
      `A small p says noise is an unlikely explanation; it does not say the change is large or ` +
      `important, and it is not the chance that the change is real. Many comparisons make false ` +
      `alarms likely: six months give five month-to-month changes per metric, and the 'adjusted' ` +
      `p-value (Holm) counts all five, so "adjusted p < 0.05" keeps its meaning for the series. ` +
      `Comparing three metrics at once makes a false alarm in one of them about three times as ` +
      `likely again. The month tables flag a change only when its adjusted p-value is below 0.05.`,
    '',
    96,
  );
}

// Support operations ---------------------------------------------------------------------------

/** A metric's result, or why there is nothing to compute it from. */
type Outcome<T> = T | { problem: string };

/** The result, or the library's reason when no data is left for it (no tickets, nothing resolved, …). */
function attempt<T extends object>(compute: () => T): Outcome<T> {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CxMetricsError && (error.code === 'EMPTY_INPUT' || error.code === 'INSUFFICIENT_DATA')) {
      return { problem: error.message };
    }
    throw error;
  }
}

function failed<T extends object>(outcome: Outcome<T>): outcome is { problem: string } {
  return 'problem' in outcome;
}

/**
 * The library's duration warnings give times in raw milliseconds ("horizon 4746299000 ms"); each
 * is followed here by the same time for a reader, the message otherwise as the library wrote it.
 */
function readableWarnings(warnings: readonly CxWarning[]): CxWarning[] {
  // Only a bare "N ms": the library now follows most with its own "(54.9 days)", not to be doubled.
  return warnings.map((w) => ({
    code: w.code,
    message: w.message.replace(/\b\d+(?:\.\d+)? ms\b(?! \()/g, readableMs),
  }));
}

/** Still open at `asOf`: no resolution yet, or one after the export (the library counts it open too). */
function isOpen(ticket: TicketRow, asOf: Date): boolean {
  return ticket.resolvedAt === undefined || ticket.resolvedAt > asOf;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

const WEEKDAY_NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

/** `Mon-Fri 09:00-17:00 UTC`: runs of days with the same hours grouped. */
function scheduleLabel(schedule: Schedule): string {
  const days = Object.keys(WEEKDAY_NAMES) as (keyof typeof WEEKDAY_NAMES)[];
  const hours = days.map((day) => (schedule.week[day] ?? []).map(([from, to]) => `${from}-${to}`).join(', '));
  const runs: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && hours[j + 1] === hours[i]) j++;
    if (hours[i] !== '') {
      const first = WEEKDAY_NAMES[days[i] as keyof typeof WEEKDAY_NAMES];
      const last = WEEKDAY_NAMES[days[j] as keyof typeof WEEKDAY_NAMES];
      runs.push(`${i === j ? first : `${first}-${last}`} ${hours[i]}`);
    }
    i = j + 1;
  }
  const holidays = schedule.holidays?.length ? `, ${plural(schedule.holidays.length, 'holiday')} off` : '';
  return `${runs.join('; ') || 'no hours'} ${schedule.timeZone}${holidays}`;
}

function supportHeaderSection({ tickets: data }: DemoContext): string[] {
  const open = data.tickets.filter((t) => isOpen(t, data.asOf)).length;
  const unanswered = data.tickets.filter((t) => t.firstResponseAt === undefined).length;
  return [
    ...partHeading('Support operations'),
    `Data file  ${displayPath(data.file)}`,
    `Rows       ${data.rowCount} tickets (${data.tickets.length - open} resolved, ${open} still open at the export, ${data.problems.length} rejected)`,
    `Created    ${dateRange(data.tickets.map((t) => t.createdAt))}; ${unanswered} never got an agent reply`,
    `As of      ${isoSeconds(data.asOf)}, the export time: open tickets are censored there, never dropped`,
    'Clock      elapsed (wall-clock) time, except in the business-hours section',
  ];
}

function supportProblemsSection({ tickets: data }: DemoContext): string[] {
  return problemLines(data.problems);
}

/** `brookmeyer-crowley 95%`, with the exact coverage of an order-statistic interval when it differs. */
function quantileMethod(q: DurationQuantile): string {
  const achieved = q.achievedConfidence;
  return achieved === undefined || confidenceLabel(achieved) === confidenceLabel(q.confidence)
    ? methodLabel(q)
    : `${methodLabel(q)} (exact coverage ${percent(achieved)})`;
}

/** `46 h 32 min  [31 h 14 min, 58 h 4 min]  brookmeyer-crowley 95%` (`not reached` for Infinity). */
function durationLine(q: DurationQuantile): string {
  return `${duration(q.value)}  ${durationInterval(q)}  ${quantileMethod(q)}`;
}

/** How much lower `biased` is than `value`, as `-6%`; blank when either is not finite. */
function lowerBy(biased: number, value: number): string {
  if (!Number.isFinite(biased) || !Number.isFinite(value) || value === 0) return '';
  return `${signed((100 * (biased - value)) / value, 0)}%`;
}

function ttrSection({ tickets: data }: DemoContext): string[] {
  const { asOf } = data;
  const title = 'Time to resolution (TTR)';
  const result = attempt(() => ttr(data.tickets, { asOf, confidence: CONFIDENCE }));
  if (failed(result)) return [...heading(title), `  not computed: ${result.problem}`];
  const p90 = result.percentiles.p90 as DurationQuantile;
  const { mean } = result;
  const restricted = mean.horizon !== undefined;
  const lines = [
    ...heading(`${title}, method: ${result.method}`),
    labelled('median', durationLine(result.median)),
    labelled('p90', durationLine(p90)),
    labelled('mean', `${duration(mean.value)}  ${durationInterval(mean)}  ${methodLabel(mean)}`),
    ...(restricted
      ? wrap(
          `the mean of min(TTR, ${duration(mean.horizon as number)}), the longest time observed: lower than the ` +
            'true mean if tickets run longer',
          ' '.repeat(14),
        )
      : []),
    ...wrap(
      result.open === 0
        ? `every one of the ${result.n} tickets is resolved, so nothing is censored`
        : `${result.open} of the ${result.n} tickets were still open at ${isoSeconds(asOf)}. They are kept, ` +
            'censored at their age then (each took at least that long), not dropped and not counted as resolved.',
      labelled('open', ''),
      100,
      ' '.repeat(14),
    ),
    ...warningLines(
      [
        { label: 'TTR', warnings: result.warnings },
        { label: 'TTR p90', warnings: p90.warnings },
        { label: 'TTR mean', warnings: mean.warnings },
      ].map((item) => ({ ...item, warnings: readableWarnings(item.warnings) })),
    ),
  ];
  const resolved = data.tickets.filter((t) => !isOpen(t, asOf));
  if (result.open === 0 || resolved.length === 0) return lines;
  // What a helpdesk report that drops the open tickets shows: order statistics on the resolved ones.
  const biased = ttr(resolved, { confidence: CONFIDENCE });
  const rows = [
    ['median', result.median, biased.median],
    ['p90', p90, biased.percentiles.p90 as DurationQuantile],
    [restricted ? 'mean (restricted)' : 'mean', mean, biased.mean],
  ] as const;
  return [
    ...lines,
    '',
    ...wrap(
      `For contrast only - BIASED LOW, do not quote: what a helpdesk report that drops the ${result.open} open ` +
        `tickets shows (${biased.method} on the ${biased.n} resolved ones).`,
      '  ',
    ),
    '',
    ...table(
      [
        { header: 'statistic' },
        { header: result.method, align: 'right' },
        { header: 'resolved only', align: 'right' },
        { header: `${confidenceLabel(CONFIDENCE)} interval` },
        { header: 'lower by', align: 'right' },
      ],
      rows.map(([label, kept, dropped]) => [
        label,
        duration(kept.value),
        duration(dropped.value),
        durationInterval(dropped),
        lowerBy(dropped.value, kept.value),
      ]),
    ),
    ...warningLines([{ label: 'resolved only', warnings: readableWarnings(biased.warnings) }]),
  ];
}

function firstResponseSection({ tickets: data }: DemoContext): string[] {
  const { asOf } = data;
  const title = 'First response time (FRT)';
  const result = attempt(() => firstResponseTime(data.tickets, { asOf, confidence: CONFIDENCE }));
  if (failed(result)) return [...heading(title), `  not computed: ${result.problem}`];
  const p90 = result.percentiles.p90 as DurationQuantile;
  const unanswered = data.tickets.filter((t) => t.firstResponseAt === undefined || t.firstResponseAt > asOf);
  const openUnanswered = unanswered.filter((t) => isOpen(t, asOf)).length;
  const closedUnanswered = unanswered.length - openUnanswered;
  const censored = [
    closedUnanswered > 0
      ? `${plural(closedUnanswered, 'ticket')} closed without a reply ${closedUnanswered === 1 ? 'is' : 'are'} ` +
        'censored at the closing (waited at least that long, then stopped waiting)'
      : '',
    openUnanswered > 0
      ? `${plural(openUnanswered, 'ticket')} still open and unanswered ${openUnanswered === 1 ? 'is' : 'are'} ` +
        'censored at the export'
      : '',
  ].filter((part) => part !== '');
  return [
    ...heading(`${title}, method: ${result.method}`),
    labelled('median', durationLine(result.median)),
    labelled('p90', durationLine(p90)),
    ...wrap(
      censored.length === 0
        ? `every one of the ${result.n} tickets got a first agent reply, so nothing is censored`
        : `${result.completed} of the ${result.n} tickets got a first agent reply by the export. None of the ` +
            `others is dropped: ${censored.join('; ')}.`,
      labelled('unanswered', ''),
      100,
      ' '.repeat(14),
    ),
    ...warningLines(
      [
        { label: 'FRT', warnings: result.warnings },
        { label: 'FRT p90', warnings: p90.warnings },
      ].map((item) => ({ ...item, warnings: readableWarnings(item.warnings) })),
    ),
  ];
}

function slaSection({ tickets: data }: DemoContext): string[] {
  const { asOf } = data;
  const results = SLA_TARGETS.map((target) => ({
    ...target,
    result: attempt(() =>
      slaAttainment(data.tickets, target.targetMs, { asOf, field: target.field, confidence: CONFIDENCE }),
    ),
  }));
  const computed = results.flatMap((r) => (failed(r.result) ? [] : [r.result]));
  const first = computed[0];
  const widths = intervalWidths(computed, percent);
  const rows = results.map(({ label, result }) =>
    failed(result)
      ? [label, '-', `not computed: ${result.problem}`]
      : [
          label,
          percent(result.value),
          interval(result.lower, result.upper, widths, percent),
          String(result.met),
          String(result.missed),
          String(result.pending),
          String(result.excluded),
        ],
  );
  const columns = [
    { header: 'target (elapsed time)' },
    { header: 'attainment', align: 'right' as const },
    { header: first ? `${confidenceLabel(first.confidence)} interval` : 'interval' },
    { header: 'met', align: 'right' as const },
    { header: 'missed', align: 'right' as const },
    { header: 'pending', align: 'right' as const },
    { header: 'excluded', align: 'right' as const },
  ];
  return [
    ...heading(first ? `SLA attainment (${methodLabel(first)} interval)` : 'SLA attainment'),
    ...table(columns, rows),
    ...warningLines(
      results.map((r) => ({ label: r.label, warnings: failed(r.result) ? [] : readableWarnings(r.result.warnings) })),
    ),
  ];
}

/** What a resolved ticket lacks when `fcr` leaves it out under a definition (missing: 'exclude'). */
const FCR_MISSING: Record<FcrDefinition, string> = {
  'one-touch': 'no reply count',
  'single-contact': 'no contact count',
  'no-reopen': 'no reopen field',
  'no-repeat-within': 'no customer id',
  reported: 'no survey answer',
};

/** `17 open, 189 no survey answer`: every ticket left out of n, by reason. */
function fcrLeftOut(r: FcrResult): string {
  const parts = [
    r.unresolved > 0 ? `${r.unresolved} open` : '',
    r.missingField > 0 ? `${r.missingField} ${FCR_MISSING[r.definition as FcrDefinition]}` : '',
    (r.windowOpen ?? 0) > 0 ? `${r.windowOpen} window still open` : '',
  ];
  return parts.filter((p) => p !== '').join(', ') || '-';
}

function fcrSection({ tickets: data }: DemoContext): string[] {
  const { asOf } = data;
  // missing: 'exclude' leaves a resolved ticket without the definition's field out of n, counted
  // in missingField and shown in the table ("reported" has a survey answer on a third of them).
  const results = FCR_COMPARED.map(({ definition, meaning }) => ({
    definition,
    meaning,
    result: attempt(() => fcr(data.tickets, { definition, asOf, missing: 'exclude', confidence: CONFIDENCE })),
  }));
  const computed = results.flatMap((r) => (failed(r.result) ? [] : [r.result]));
  const first = computed[0];
  const widths = intervalWidths(computed, percent);
  const rows = results.map(({ definition, meaning, result }) =>
    failed(result)
      ? [definition, meaning, '-', `not computed: ${result.problem}`]
      : [
          definition,
          meaning,
          percent(result.value),
          interval(result.lower, result.upper, widths, percent),
          `${result.firstContact} / ${result.n}`,
          fcrLeftOut(result),
        ],
  );
  const columns = [
    { header: 'definition' },
    { header: 'resolved at first contact when' },
    { header: 'FCR', align: 'right' as const },
    { header: first ? `${confidenceLabel(first.confidence)} interval` : 'interval' },
    { header: 'first / n', align: 'right' as const },
    { header: 'left out of n' },
  ];
  const spread =
    computed.length > 1
      ? [
          '',
          ...wrap(
            `Same tickets, ${computed.length} definitions: FCR from ${percent(Math.min(...computed.map((r) => r.value)))} ` +
              `to ${percent(Math.max(...computed.map((r) => r.value)))}. The definition moves the number far more than ` +
              'sampling noise does; quote it with the number.',
            '  ',
          ),
        ]
      : [];
  return [
    ...heading(`First-contact resolution (FCR) by definition${first ? ` (${methodLabel(first)} interval)` : ''}`),
    ...table(columns, rows),
    ...warningLines(results.map((r) => ({ label: r.definition, warnings: failed(r.result) ? [] : r.result.warnings }))),
    ...spread,
  ];
}

function businessHoursSection({ tickets: data }: DemoContext): string[] {
  const { asOf } = data;
  const title = `Business hours: ${scheduleLabel(BUSINESS_HOURS)}`;
  const options = { asOf, confidence: CONFIDENCE };
  const run = (businessHours?: Schedule) => {
    const opts = businessHours === undefined ? options : { ...options, businessHours };
    return {
      FRT: attempt(() => firstResponseTime(data.tickets, opts)),
      TTR: attempt(() => ttr(data.tickets, opts)),
    };
  };
  const elapsed = run();
  const business = run(BUSINESS_HOURS);
  const measures = [
    { label: 'first response, median', metric: 'FRT', key: 'p50' },
    { label: 'first response, p90', metric: 'FRT', key: 'p90' },
    { label: 'resolution, median', metric: 'TTR', key: 'p50' },
  ] as const;
  const cells = (result: Outcome<DurationResult>, key: string): string[] => {
    if (failed(result)) return ['-', result.problem];
    const q = result.percentiles[key] as DurationQuantile;
    return [duration(q.value), durationInterval(q)];
  };
  const level = `${confidenceLabel(CONFIDENCE)} interval`;
  const rows = measures.map(({ label, metric, key }) => [
    label,
    ...cells(elapsed[metric], key),
    ...cells(business[metric], key),
  ]);
  // The business-clock results repeat the elapsed ones' warnings (open and unanswered tickets,
  // printed in the sections above); only warnings with a new code are printed here.
  const newWarnings = (metric: 'FRT' | 'TTR'): CxWarning[] => {
    const seen = new Set(failed(elapsed[metric]) ? [] : elapsed[metric].warnings.map((w) => w.code));
    const result = business[metric];
    return failed(result) ? [] : result.warnings.filter((w) => !seen.has(w.code));
  };
  return [
    ...heading(title),
    ...wrap(
      `The sample's agents work ${scheduleLabel(BUSINESS_HOURS)} (tickets.README.md), so the business-hours ` +
        'schedule is in UTC, chosen to match the data. Business time counts only the time inside it: a ticket ' +
        'sent on Friday evening and answered on Monday at 09:30 waited 30 business minutes.',
      '  ',
    ),
    '',
    ...table(
      [
        { header: 'measure' },
        { header: 'elapsed', align: 'right' },
        { header: level },
        { header: 'business hours', align: 'right' },
        { header: level },
      ],
      rows,
    ),
    ...warningLines(
      (['FRT', 'TTR'] as const).map((metric) => ({
        label: `${metric} business`,
        warnings: readableWarnings(newWarnings(metric)),
      })),
    ),
  ];
}

function supportReadingSection(): string[] {
  return wrap(
    'How to read it: the median is the headline (half the tickets take longer), p90 the slow tail (one ' +
      'in ten takes longer). Tickets still open at the export are censored, not dropped: each counts as ' +
      '"took at least its age so far", and Kaplan-Meier uses exactly that. Dropping them, as many helpdesk ' +
      'reports do, removes the slowest tickets and biases every figure low; treating their age as their ' +
      'time to resolution biases them low too. The mean is a restricted mean (the mean of min(time, ' +
      'horizon)) because the true mean is not known while tickets are open. SLA attainment counts an ' +
      'open ticket already past the target as missed and one not yet past it as pending: left out, never ' +
      'counted as met; a ticket closed without any reply missed a first-response target if it waited ' +
      'longer than the target. FCR depends on its definition more than on noise, and "reported" rests on the ' +
      'third of customers who answered the survey, who may not be typical. Intervals are the range of ' +
      'true values compatible with these tickets, as for NPS above.',
    '',
    96,
  );
}

// Churn and retention --------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** A churn share with two decimals: `0.0274` → `2.74%` (monthly churn is small). */
const percent2: BoundFormat = (x) => `${fixed(100 * x, 2)}%`;

/** Midnight UTC on the first of the month `months` after the month of `d`. */
function monthStart(d: Date, months = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** The latest calendar month (UTC) that had ended by `asOf`: [from, to). */
function lastFullMonth(asOf: Date): { from: Date; to: Date } {
  const to = monthStart(asOf);
  return { from: monthStart(to, -1), to };
}

/** Active at instant t: startedAt ≤ t < endedAt (the library's convention, docs/churn.md). */
function activeAt(c: Subscription, t: Date): boolean {
  return c.startedAt <= t && (c.endedAt === undefined || c.endedAt > t);
}

function churnHeaderSection({ subscriptions: data }: DemoContext): string[] {
  const churned = data.customers.filter((c) => c.endedAt !== undefined).length;
  const perPlan = new Map<string, number>();
  for (const c of data.customers) perPlan.set(c.plan, (perPlan.get(c.plan) ?? 0) + 1);
  const plans = [...perPlan]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([plan, n]) => `${plan} ${n}`)
    .join(', ');
  return [
    ...partHeading('Churn and retention'),
    `Data file  ${displayPath(data.file)}`,
    `Rows       ${data.rowCount} customers (${data.customers.length - churned} active at the export, ${churned} churned, ${data.problems.length} rejected)`,
    `Started    ${dateRange(data.customers.map((c) => c.startedAt))}`,
    `Plans      ${plans || '-'}`,
    `As of      ${isoSeconds(data.asOf)}, the export time: customers still active then are censored there`,
  ];
}

function churnProblemsSection({ subscriptions: data }: DemoContext): string[] {
  return problemLines(data.problems);
}

function monthlyChurnSection({ subscriptions: data }: DemoContext): string[] {
  const { from, to } = lastFullMonth(data.asOf);
  const month = monthOf(from);
  const title = `Monthly churn in ${month}, UTC`;
  const window = { from, to, confidence: CONFIDENCE };
  const cohort = attempt(() => churn(data.customers, { ...window, definition: 'cohort' }));
  const exposure = attempt(() => churn(data.customers, { ...window, definition: 'exposure', unit: 'month' }));
  const results = [
    { name: 'cohort', result: cohort },
    { name: 'exposure', result: exposure },
  ];
  const computed = results.flatMap((r) => (failed(r.result) ? [] : [r.result]));
  const widths = intervalWidths(computed, percent2);
  const denominator = (r: ChurnResult): string =>
    r.definition === 'cohort'
      ? `${r.n} customers on ${isoDay(from)}`
      : `${fixed(r.exposure as number)} customer-months (${r.customers} customers)`;
  const rows = results.map(({ name, result }) =>
    failed(result)
      ? [name, '-', `not computed: ${result.problem}`]
      : [
          name,
          percent2(result.value),
          interval(result.lower, result.upper, widths, percent2),
          result.definition === 'cohort' ? 'of the customers on day 1' : 'per customer-month',
          String(result.churned),
          denominator(result),
        ],
  );
  const methods = computed.map((r) => `${r.definition}: ${r.method}`).join(', ');
  const lines = [
    ...heading(`${title}${methods ? ` (${methods} ${confidenceLabel(CONFIDENCE)} intervals)` : ''}`),
    ...table(
      [
        { header: 'definition' },
        { header: 'churn', align: 'right' },
        { header: `${confidenceLabel(CONFIDENCE)} interval` },
        { header: 'unit' },
        { header: 'churned', align: 'right' },
        { header: 'out of' },
      ],
      rows,
    ),
    ...warningLines(results.map((r) => ({ label: r.name, warnings: failed(r.result) ? [] : r.result.warnings }))),
  ];
  if (failed(cohort) || failed(exposure)) return lines;
  const joined = data.customers.filter((c) => c.startedAt > from && c.startedAt < to).length;
  const counts =
    cohort.churned === exposure.churned
      ? `both count the same ${cohort.churned} churns`
      : `the cohort rate counts the ${cohort.churned} churns of customers present on ${isoDay(from)}, the exposure ` +
        `rate all ${exposure.churned} in the month, new customers' too`;
  return [
    ...lines,
    '',
    ...wrap(
      `Why they differ: ${counts}, but the cohort rate divides by the ${cohort.n} customers present on ` +
        `${isoDay(from)} (a probability for the month), while the exposure rate divides by the ` +
        `${fixed(exposure.exposure as number)} customer-months actually lived in ${month}, including the ${joined} ` +
        'customers who joined during it (a rate per customer-month, not a probability).',
      '  ',
    ),
  ];
}

function annualChurnSection({ subscriptions: data }: DemoContext): string[] {
  const { from, to } = lastFullMonth(data.asOf);
  const month = monthOf(from);
  const title = 'Annual churn: one month annualized, and a year measured';
  const monthly = attempt(() => churn(data.customers, { from, to, confidence: CONFIDENCE }));
  if (failed(monthly)) return [...heading(title), `  not computed: ${monthly.problem}`];
  const annualized = convertChurnRate(monthly, { from: 'month', to: 'year' });
  const yearFrom = monthStart(to, -12);
  const measured = attempt(() => churn(data.customers, { from: yearFrom, to, confidence: CONFIDENCE }));
  const computed = failed(measured) ? [annualized] : [annualized, measured];
  const widths = intervalWidths(computed, percent);
  const rows = [
    [
      `${month}, annualized`,
      percent(annualized.value),
      interval(annualized.lower, annualized.upper, widths, percent),
      `1 - (1 - ${percent2(monthly.value)})^12, the bounds converted alike`,
    ],
    failed(measured)
      ? [`measured from ${isoDay(yearFrom)}`, '-', `not computed: ${measured.problem}`]
      : [
          `measured ${isoDay(yearFrom)} .. ${isoDay(to)}`,
          percent(measured.value),
          interval(measured.lower, measured.upper, widths, percent),
          `${measured.churned} of the ${measured.n} customers on ${isoDay(yearFrom)}, ${measured.method}`,
        ],
  ];
  return [
    ...heading(title),
    ...table(
      [
        { header: 'annual churn' },
        { header: 'value', align: 'right' },
        { header: `${confidenceLabel(CONFIDENCE)} interval` },
        { header: 'how' },
      ],
      rows,
    ),
    ...warningLines([
      { label: 'annualized', warnings: annualized.warnings },
      { label: 'measured', warnings: failed(measured) ? [] : measured.warnings },
    ]),
  ];
}

/** Retention at `t` (in the curve's units) with its band: the curve's last step at or before t; null beyond follow-up. */
function retentionAt(curve: RetentionCurveResult, t: number): { value: number; lower: number; upper: number } | null {
  const last = curve.points[curve.points.length - 1];
  if (last === undefined || t > last.time) return null;
  const point = curve.points.filter((p) => p.time <= t).at(-1);
  return point === undefined
    ? { value: 1, lower: 1, upper: 1 }
    : { value: point.survival, lower: point.lower, upper: point.upper };
}

function retentionCurveSection({ subscriptions: data }: DemoContext): string[] {
  const title = 'Retention curve';
  const curve = attempt(() =>
    retentionCurve(data.customers, { asOf: data.asOf, unit: 'month', confidence: CONFIDENCE }),
  );
  if (failed(curve)) return [...heading(title), `  not computed: ${curve.problem}`];
  const monthMs = TIME_UNIT_DAYS.month * DAY_MS;
  const tenures = data.customers
    .filter((c) => c.startedAt <= data.asOf)
    .map((c) => ((c.endedAt ?? data.asOf).getTime() - c.startedAt.getTime()) / monthMs);
  const readings = RETENTION_MONTHS.map((t) => ({ t, at: retentionAt(curve, t) }));
  const widths = intervalWidths(
    readings.flatMap((r) => (r.at === null ? [] : [r.at])),
    percent,
  );
  const rows = readings.map(({ t, at }) =>
    at === null
      ? [`${t} months`, '-', 'beyond the longest tenure observed', '0']
      : [
          `${t} months`,
          percent(at.value),
          interval(at.lower, at.upper, widths, percent),
          String(tenures.filter((x) => x >= t).length),
        ],
  );
  const { median } = curve;
  const last = curve.points[curve.points.length - 1];
  const months: BoundFormat = (x) => (x === Number.POSITIVE_INFINITY ? 'not reached' : `${fixed(x)} months`);
  const label = '  median lifetime  ';
  const notReached =
    median.value === Number.POSITIVE_INFINITY && last !== undefined
      ? wrap(
          `retention is still ${percent(last.survival)} at the longest tenure observed (${months(last.time)}), so ` +
            'the median lifetime is longer than that',
          ' '.repeat(label.length),
        )
      : [];
  // The curve repeats the median's NOT_REACHED in words with units; the median's own copy is left out.
  const curveCodes = new Set(curve.warnings.map((w) => w.code));
  return [
    ...heading(
      `${title}, kaplan-meier (${curve.confType} ${confidenceLabel(curve.confidence)} band; ${curve.active} active customers censored)`,
    ),
    ...table(
      [
        { header: 'tenure' },
        { header: 'retained', align: 'right' },
        { header: `${confidenceLabel(curve.confidence)} interval` },
        { header: 'followed that long', align: 'right' },
      ],
      rows,
    ),
    '',
    `${label}${months(median.value)}  ${interval(median.lower, median.upper, undefined, months)}  ${methodLabel(median)}`,
    ...notReached,
    ...warningLines([
      { label: 'curve', warnings: curve.warnings },
      { label: 'median', warnings: median.warnings.filter((w) => !curveCodes.has(w.code)) },
    ]),
  ];
}

function cohortTableSection({ subscriptions: data }: DemoContext): string[] {
  const title = 'Monthly cohorts: share still active k months after the signup month (UTC)';
  const result = attempt(() =>
    cohortRetention(data.customers, { period: 'month', asOf: data.asOf, confidence: CONFIDENCE }),
  );
  if (failed(result)) return [...heading(title), `  not computed: ${result.problem}`];
  const shown = result.cohorts.slice(-COHORTS_SHOWN);
  const periods = Math.max(0, ...shown.map((row) => row.cells.length));
  const columns = [
    { header: 'cohort' },
    { header: 'size', align: 'right' as const },
    ...Array.from({ length: periods }, (_, k) => ({ header: String(k), align: 'right' as const })),
  ];
  const rows = shown.map((row) => [
    row.cohort,
    String(row.size),
    ...Array.from({ length: periods }, (_, k) => {
      const cell = row.cells[k];
      return cell === undefined ? '' : `${fixed(100 * cell.retained.value, 0)}%`;
    }),
  ]);
  const notes = [
    `Showing the latest ${shown.length} of ${result.cohorts.length} cohorts. Column k: share of the cohort still ` +
      'active on the first day of the k-th month after its signup month (calendar months, so month 1 is one day ' +
      'for a customer who joined on the 31st). A blank cell is not observable yet - not zero.',
  ];
  const example = shown.flatMap((row) => row.cells).find((cell) => cell.active < cell.atStart);
  const sizes = shown.map((row) => row.size).filter((size) => size > 0);
  if (example !== undefined && sizes.length > 0) {
    const level = confidenceLabel(example.retained.confidence);
    notes.push(
      `With ${range(Math.min(...sizes), Math.max(...sizes))} customers a cohort, one customer is ` +
        `${fixed(100 / Math.max(...sizes), 0)}-${fixed(100 / Math.min(...sizes), 0)} points and the ${level} ` +
        `intervals are wide (${example.cohort} after ${example.period} months: ${percent(example.retained.value)} ` +
        `${interval(example.retained.lower, example.retained.upper, undefined, percent)}, ${example.retained.method}); ` +
        'differences between neighbouring cohorts are mostly noise.',
    );
  }
  return [
    ...heading(title),
    ...table(columns, rows),
    ...warningLines([{ label: 'cohorts', warnings: result.warnings }]),
    '',
    ...notes.flatMap((note) => wrap(note, '  ')),
  ];
}

function revenueRetentionSection({ subscriptions: data }: DemoContext): string[] {
  const column = data.startMrrColumn;
  const title = 'Revenue retention (GRR, NRR)';
  if (column === null) {
    return [
      ...heading(title),
      "  not computed: the file has no mrr_YYYY_MM_DD column (each customer's MRR at the start of a period)",
    ];
  }
  const start = column.date;
  const end = data.asOf;
  // One record per customer paying at the start: startMrr from the mrr_YYYY_MM_DD column; endMrr
  // 0 when they churned by the export (the loader checked that they were active at the start, so
  // they churned inside the period), else `mrr`, their MRR at the export, the end of the period.
  const base = data.customers.filter((c) => c.startMrr !== null);
  const records: CustomerMrr[] = base.map((c) => ({
    id: c.id,
    startMrr: c.startMrr as number,
    endMrr: c.endedAt === undefined ? c.mrr : 0,
  }));
  const result = attempt(() => revenueRetention(records, { confidence: CONFIDENCE, ...BOOTSTRAP }));
  const period = `${isoDay(start)} .. ${isoDay(end)}`;
  if (failed(result)) return [...heading(`${title}, ${period}`), `  not computed: ${result.problem}`];
  const { grr, nrr, totals } = result;
  const widths = intervalWidths([grr, nrr], percent);
  const notPaying = data.customers.filter((c) => c.startMrr === null && activeAt(c, start)).length;
  const sorted = records.map((r) => r.startMrr).sort((a, b) => b - a);
  const top = Math.ceil(sorted.length / 10);
  const topShare = sorted.slice(0, top).reduce((sum, x) => sum + x, 0) / totals.startingMrr;
  return [
    ...heading(`${title}, ${period} (${methodLabel(grr)} interval, seed ${BOOTSTRAP.seed})`),
    ...wrap(
      `Built per customer from the file: one record for each of the ${result.n} customers paying on ` +
        `${isoDay(start)}, with startMrr = ${column.name} and endMrr = 0 if they churned by ${isoDay(end)} ` +
        '(ended_at set), else mrr, their MRR at the export. ' +
        (notPaying > 0 ? `${plural(notPaying, 'customer')} active then without an MRR are not in the base. ` : '') +
        `New customers are in neither figure. ${result.resamples} bootstrap resamples of the customers.`,
      '  ',
    ),
    '',
    ...table(
      [
        { header: 'measure' },
        { header: 'value', align: 'right' },
        { header: `${confidenceLabel(grr.confidence)} interval` },
        { header: 'what it counts' },
      ],
      [
        [
          'GRR',
          percent(grr.value),
          interval(grr.lower, grr.upper, widths, percent),
          `start MRR kept, expansion ignored (gross MRR churn ${percent(result.grossMrrChurn.value)})`,
        ],
        [
          'NRR',
          percent(nrr.value),
          interval(nrr.lower, nrr.upper, widths, percent),
          `with the same customers' expansion (net MRR churn ${percent(result.netMrrChurn.value)})`,
        ],
      ],
    ),
    ...warningLines([
      { label: 'revenue', warnings: result.warnings },
      { label: 'GRR', warnings: grr.warnings },
      { label: 'NRR', warnings: nrr.warnings },
    ]),
    '',
    labelled(
      'start MRR',
      `${money(totals.startingMrr)}: expansion +${money(totals.expansion)}, contraction -${money(totals.contraction)}, ` +
        `churned -${money(totals.churned)}`,
    ),
    ...wrap(
      `The largest ${top} accounts (${percent(top / sorted.length)} of them) hold ${percent(topShare)} of the start ` +
        'MRR: a few accounts move both figures, hence the wide intervals.',
      labelled('accounts', ''),
      100,
      ' '.repeat(14),
    ),
  ];
}

function lifetimeValueSection({ subscriptions: data }: DemoContext): string[] {
  const { from, to } = lastFullMonth(data.asOf);
  const month = monthOf(from);
  const title = `Customer lifetime value (CLV), from ${month} churn`;
  const monthly = attempt(() => churn(data.customers, { from, to, confidence: CONFIDENCE }));
  if (failed(monthly)) return [...heading(title), `  not computed: ${monthly.problem}`];
  const cohort = data.customers.filter((c) => activeAt(c, from));
  const arpa = cohort.reduce((sum, c) => sum + c.mrr, 0) / cohort.length;
  const clv = customerLifetimeValue({ arpa, churnRate: monthly, margin: ASSUMED_MARGIN });
  return [
    ...heading(title),
    labelled(
      'CLV',
      `${money(clv.value)}  ${interval(clv.lower, clv.upper, undefined, money)}  carried from the ${methodLabel(monthly)} churn interval`,
    ),
    labelled('= ARPA', `${money(arpa)} a month: mean MRR of the ${cohort.length} customers active on ${isoDay(from)}`),
    labelled('x margin', `${percent(ASSUMED_MARGIN)}: an assumption, not in the data`),
    labelled(
      '/ churn',
      `${percent2(monthly.value)} a month ${interval(monthly.lower, monthly.upper, undefined, percent2)} (${month} cohort ` +
        `churn above): expected lifetime ${fixed(clv.expectedLifetime)} months`,
    ),
    ...warningLines([{ label: 'CLV', warnings: clv.warnings }]),
  ];
}

function churnReadingSection(): string[] {
  return wrap(
    'How to read it: cohort churn is the share of the customers on the first day of a month who left ' +
      'during it; exposure churn is leavers per customer-month, new customers included for the time they ' +
      'were customers. Their intervals cover sampling noise only, and one month with a handful of ' +
      'churns is noisy. The annualized rate assumes every customer churns at the same rate every month; ' +
      'in this sample churn falls with tenure and differs by plan (subscriptions.README.md), so prefer churn ' +
      'measured over a year. The retention curve uses every customer for as long as they have been ' +
      'observed; a median lifetime "not reached" is longer than the longest tenure seen, and its interval ' +
      'still gives a lower bound. In the cohort table one customer is several points: read rows, not ' +
      'single cells. GRR (at most 100%) is the revenue ' +
      'kept from the customers paying at the start; NRR adds what those same customers expanded. CLV = ' +
      'ARPA x margin / monthly churn under constant churn: its interval carries only the churn ' +
      "estimate's uncertainty, not ARPA's, the margin's or the model's, so it understates the real uncertainty.",
    '',
    96,
  );
}

// The customer journey --------------------------------------------------------------------------

/** Export time of journey-events.csv: customers still inside their window then are pending. */
const JOURNEY_AS_OF = new Date('2026-07-01T00:00:00Z');
/** The shop's funnel, in journey order, and the time a customer has from one stage to the next. */
const JOURNEY_STAGES = ['visit', 'product-view', 'cart', 'checkout', 'purchase'] as const;
const JOURNEY_WITHIN = { days: 14 } as const;

function journeyHeaderSection({ journey: data }: DemoContext): string[] {
  const customers = new Set(data.events.map((e) => String(e.customerId))).size;
  return [
    ...partHeading('The customer journey'),
    `Data file  ${displayPath(data.file)}`,
    `Rows       ${data.rowCount} events of ${customers} customers`,
    `Funnel     ${JOURNEY_STAGES.join(' → ')}, each step within ${JOURNEY_WITHIN.days} days`,
    `As of      ${isoSeconds(JOURNEY_AS_OF)}: customers still inside a step's window then are pending, in neither count`,
  ];
}

/** Each step of the funnel by device: every device's conversion against the other devices'. */
function funnelByDeviceSection({ journey: data }: DemoContext): string[] {
  const r = attempt(() =>
    funnelBy(data.events, {
      stages: JOURNEY_STAGES,
      asOf: JOURNEY_AS_OF,
      within: JOURNEY_WITHIN,
      by: 'device',
      confidence: CONFIDENCE,
    }),
  );
  const title = 'Funnel by device, each device against the others';
  if (failed(r)) return [...heading(title), `  not computed: ${r.problem}`];
  const level = confidenceLabel(CONFIDENCE);
  const rows = [...r.steps, r.endToEnd].flatMap((step, i) =>
    step.segments.map((s, j) => [
      j === 0 ? (i === r.steps.length ? 'end to end' : `${step.from} → ${step.to}`) : '',
      s.key,
      `${count(s.converted)} / ${count(s.converted + s.dropped)}`,
      s.conversion ? percent(s.conversion.value) : '-',
      s.conversion ? interval(s.conversion.lower, s.conversion.upper, undefined, percent) : 'all pending',
      ...differenceCells(s.vsRest, CSAT_FORMAT),
      s.adjustedPValue === null ? '' : pValue(s.adjustedPValue),
      flagCell(s.flag),
    ]),
  );
  const columns = [
    { header: 'step' },
    { header: 'device' },
    { header: 'converted / decided', align: 'right' as const },
    { header: 'conversion', align: 'right' as const },
    { header: `${level} interval` },
    { header: 'vs rest, pp', align: 'right' as const },
    { header: `${level} interval` },
    { header: `${r.adjust} p`, align: 'right' as const },
    { header: 'flag' },
  ];
  const tests = [...r.steps, r.endToEnd].map(
    (step, i) => `${i === r.steps.length ? 'end to end' : `${step.from} → ${step.to}`}: ${groupTestLine(step.test)}`,
  );
  const m = r.momentOfAbandonment;
  return [
    ...heading(title),
    ...table(columns, rows),
    ...wrap(`Any difference across the devices, step by step: ${tests.join('; ')}.`, '  '),
    ...wrap(
      m === null
        ? 'Moment of abandonment: none - no device falls below the others at any step once all the step × device comparisons are adjusted together.'
        : `Moment of abandonment: ${m.key} at ${m.from} → ${m.to}, ${signed(100 * m.difference)} percentage points against the other devices (${r.adjust}-adjusted p = ${pValue(m.adjustedPValue)} over every step × device comparison). That is where to look and where to test a change; it is where customers drop out, not yet why.`,
      '  ',
    ),
    ...warningLines([
      { label: 'funnelBy', warnings: r.warnings },
      ...r.steps.map((s) => ({ label: `${s.from} → ${s.to}`, warnings: s.warnings })),
    ]),
  ];
}

/** CSAT and CES side by side per touchpoint (journeyScoreboard), with the moment of truth. */
function scoreboardSection({ surveys: survey }: DemoContext): string[] {
  const responses = [
    ...survey.csat.map((a) => ({ type: 'csat', touchpoint: a.touchpoint, score: a.score })),
    ...survey.ces.map((a) => ({ type: 'ces', touchpoint: a.touchpoint, score: a.score })),
  ];
  const title = 'Journey scoreboard by touchpoint (CSAT and CES survey)';
  const s = attempt(() =>
    journeyScoreboard(responses, {
      by: 'touchpoint',
      metrics: ['csat', 'ces'],
      csat: { scale: CSAT_SCALE },
      ces: { scale: CES_OPTIONS.scale, direction: CES_OPTIONS.direction, easyThreshold: CES_OPTIONS.easyThreshold },
      confidence: CONFIDENCE,
    }),
  );
  if (failed(s)) return [...heading(title), `  not computed: ${s.problem}`];
  return [...heading(title), ...wrap(String(s), '  '), ...wrap(s.momentOfTruthReason, '  ')];
}

const SECTIONS: readonly Section[] = [
  titleSection,
  npsHeaderSection,
  npsProblemsSection,
  npsOverallSection,
  npsByChannelSection,
  npsByMonthSection,
  npsReadingSection,
  surveysHeaderSection,
  surveysProblemsSection,
  csatOverallSection,
  csatByChannelSection,
  cesOverallSection,
  cesByTouchpointSection,
  cesByChannelSection,
  surveysReadingSection,
  changesHeaderSection,
  thisMonthSection,
  incidentSection,
  changesReadingSection,
  supportHeaderSection,
  supportProblemsSection,
  ttrSection,
  firstResponseSection,
  slaSection,
  fcrSection,
  businessHoursSection,
  supportReadingSection,
  churnHeaderSection,
  churnProblemsSection,
  monthlyChurnSection,
  annualChurnSection,
  retentionCurveSection,
  cohortTableSection,
  revenueRetentionSection,
  lifetimeValueSection,
  churnReadingSection,
  journeyHeaderSection,
  funnelByDeviceSection,
  scoreboardSection,
];

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main(argv: readonly string[]): number {
  const files: DemoFiles = {
    nps: argv[0] ?? DEFAULT_NPS_FILE,
    surveys: argv[1] ?? DEFAULT_SURVEYS_FILE,
    tickets: argv[2] ?? DEFAULT_TICKETS_FILE,
    subscriptions: argv[3] ?? DEFAULT_SUBSCRIPTIONS_FILE,
    journey: argv[4] ?? DEFAULT_JOURNEY_FILE,
  };
  let ctx: DemoContext;
  try {
    ctx = loadContext(files);
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`demo: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const blocks = SECTIONS.map((section) => section(ctx)).filter((lines) => lines.length > 0);
  console.log(blocks.map((lines) => lines.join('\n')).join('\n\n'));
  // The same figures as charts in report.html (examples/report.ts; path: DEMO_REPORT_HTML).
  void writeHtmlReport(ctx, {
    confidence: CONFIDENCE,
    csatScale: CSAT_SCALE,
    cesScale: CES_SCALE,
    compare: INCIDENT,
    sla: SLA_TARGETS[0],
    funnel: { stages: JOURNEY_STAGES, asOf: JOURNEY_AS_OF, within: JOURNEY_WITHIN, by: 'device' },
  });
  return 0;
}

process.exitCode = main(process.argv.slice(2));
