/**
 * The demo's HTML report: the headline figures and the charts of `cx-metrics/notebook`, rendered
 * to inline SVG with vega headless, in one self-contained page (inline CSS, no scripts, nothing
 * fetched). `npm run demo` writes it beside the text report:
 *
 *   DEMO_REPORT_HTML=out/report.html npm run demo   (default: report.html in the current directory;
 *                                                     DEMO_REPORT_HTML= (empty) writes none)
 *
 * vega and vega-lite are devDependencies: they are loaded only here, when the report is written,
 * so the text report runs without them. Every chart is the notebook's own chart builder, so the
 * page shows what a notebook shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  breakdown,
  type CesDirection,
  type CohortRetentionResult,
  type CsatScale,
  CxMetricsError,
  ces,
  churn,
  cohortRetention,
  csat,
  type Estimate,
  fcr,
  funnelBy,
  kaplanMeier,
  type NpsResult,
  nps,
  retentionCurve,
  slaAttainment,
  type TrendResult,
  trend,
  ttr,
} from '../src/index.ts';
import {
  cohortRetentionChart,
  comparisonChart,
  distributionChart,
  formatResult,
  funnelChart,
  intervalChart,
  JUPYTER_DISPLAY,
  kaplanMeierChart,
  metricOverTimeChart,
  npsBreakdownChart,
  segmentChart,
  show,
  trendChart,
  type VegaLiteSpec,
} from '../src/notebook/index.ts';
import {
  type CsatCesSurvey,
  displayPath,
  isoDay,
  type JourneyEvents,
  monthOf,
  type NpsSurvey,
  type Subscriptions,
  type SupportTickets,
} from './loaders.ts';

/** The data the demo loaded (its DemoContext). */
export interface ReportData {
  nps: NpsSurvey;
  surveys: CsatCesSurvey;
  tickets: SupportTickets;
  subscriptions: Subscriptions;
  journey: JourneyEvents;
}

/** The demo's definitions, passed in so the page and the text report always agree. */
export interface ReportSettings {
  confidence: number;
  csatScale: CsatScale;
  cesScale: { min: number; max: number; direction: CesDirection; easyMin: number };
  /** The two months of the comparison chart (`YYYY-MM`); the latest two months when either has no answers. */
  compare: { before: string; after: string };
  /** The SLA target shown in the headline figures. */
  sla: { label: string; targetMs: number };
  /** The funnel of the journey part: its stages, export time and step window. */
  funnel: { stages: readonly string[]; asOf: Date; within: { days: number }; by: 'device' | 'channel' };
}

/** Environment variable with the report's path; empty: write no report. */
export const REPORT_PATH_VARIABLE = 'DEMO_REPORT_HTML';

/** Monthly cohorts drawn in the cohort chart: the latest ones. */
const COHORTS_DRAWN = 12;
const DAY_MS = 86_400_000;
/** The resolution-time curve is drawn up to this many days (see resolutionCurve). */
const RESOLUTION_HORIZON_DAYS = 14;

/** One headline card: a label and a result, shown in the notebook's one-line text (formatResult). */
interface Headline {
  label: string;
  result: unknown;
}

/** A chart of the page: its id, the notebook spec, and a sentence on how to read it. */
interface Chart {
  id: string;
  spec: VegaLiteSpec;
  caption: string;
}

/** What could not be drawn and why (no data for it, a month missing, …). */
interface Skipped {
  id: string;
  reason: string;
}

interface ReportParts {
  headlines: Headline[];
  charts: (Chart | Skipped)[];
}

const isChart = (x: Chart | Skipped): x is Chart => 'spec' in x;

/** compute(), or a Skipped with the library's message when the data cannot give it. */
function attempt<T>(id: string, compute: () => T): T | Skipped {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CxMetricsError) return { id, reason: error.message };
    throw error;
  }
}

function isSkipped(x: unknown): x is Skipped {
  return typeof x === 'object' && x !== null && 'reason' in x && 'id' in x && Object.keys(x).length === 2;
}

/** `in-app higher, phone lower`, or `none`: the groups or periods flagged after the adjustment. */
function flagged(items: readonly { label: string; flag: 'higher' | 'lower' | 'none' }[]): string {
  const out = items.filter((g) => g.flag !== 'none').map((g) => `${g.label} ${g.flag}`);
  return out.length === 0 ? 'none' : out.join(', ');
}

/** `p = 0.016` / `p < 0.001`. */
function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** Every figure and chart of the page, computed from the demo's data with the library. */
function reportParts(data: ReportData, settings: ReportSettings): ReportParts {
  const { confidence, csatScale, cesScale } = settings;
  const survey = data.nps;
  const headlines: Headline[] = [];
  const charts: (Chart | Skipped)[] = [];
  const add = (h: Headline): void => {
    if (!isSkipped(h.result)) headlines.push(h);
  };

  // Surveys --------------------------------------------------------------------------------
  const overall = attempt('nps', () => nps(survey.responses, { accessor: 'score', scale: survey.scale, confidence }));
  add({ label: 'NPS', result: overall });
  const csatResult = attempt('csat', () =>
    csat(data.surveys.csat, { accessor: 'score', scale: csatScale, confidence }),
  );
  add({ label: 'CSAT', result: csatResult });
  const cesResult = attempt('ces', () =>
    ces(data.surveys.ces, {
      accessor: 'score',
      scale: { min: cesScale.min, max: cesScale.max },
      direction: cesScale.direction,
      easyThreshold: cesScale.easyMin,
      confidence,
    }),
  );
  add({ label: 'CES', result: cesResult });

  const monthly = attempt('nps-by-month', () =>
    trend(survey.responses, {
      at: 'submittedAt',
      period: 'month',
      timeZone: 'UTC',
      metric: 'nps',
      accessor: 'score',
      scale: survey.scale,
      confidence,
    }),
  );
  const byMonth: Record<string, NpsResult> = {};
  if (!isSkipped(monthly)) for (const p of monthly.periods) if (p.estimate) byMonth[p.label] = p.estimate;
  charts.push(
    Object.keys(byMonth).length === 0
      ? { id: 'nps-by-month', reason: 'no answered NPS scores' }
      : {
          id: 'nps-by-month',
          spec: metricOverTimeChart(byMonth, {
            metric: 'NPS',
            title: `NPS by month (UTC), ${label(confidence)} interval as a band`,
          }),
          caption:
            'Each month’s NPS with its own interval (the band is pointwise, month by month). Months whose bands ' +
            'overlap a lot may not really differ. Each month against the one before, with the p-values adjusted ' +
            `across the series (Holm): flagged ${isSkipped(monthly) ? 'none' : flagged(monthly.periods)}.`,
        },
  );

  const channels = attempt('nps-breakdown', () =>
    breakdown(survey.responses, {
      by: 'channel',
      metric: 'nps',
      accessor: 'score',
      scale: survey.scale,
      confidence,
      order: 'size',
    }),
  );
  const byChannel: Record<string, NpsResult> = {};
  if (!isSkipped(channels)) for (const g of channels.groups) if (g.estimate) byChannel[g.label] = g.estimate;
  charts.push(
    isSkipped(overall)
      ? { id: 'nps-breakdown', reason: overall.reason }
      : {
          id: 'nps-breakdown',
          spec: npsBreakdownChart({ all: overall, ...byChannel }, { title: 'NPS breakdown, overall and by channel' }),
          caption:
            'Left: the shares of detractors, passives and promoters. Right: NPS = % promoters − % detractors, ' +
            `in points, with its ${label(confidence)} interval; the dashed line is 0. Each channel against all the ` +
            `others, the p-values adjusted across the channels (Holm): flagged ${isSkipped(channels) ? 'none' : flagged(channels.groups)}` +
            (isSkipped(channels) || channels.test === null
              ? '.'
              : `; any difference at all: ${channels.test.method}, ${pText(channels.test.pValue)}.`),
        },
  );

  charts.push(
    isSkipped(channels)
      ? channels
      : {
          id: 'nps-segments',
          spec: segmentChart(channels, { title: `NPS by channel against the rest (${label(confidence)} intervals)` }),
          caption:
            'Each channel’s NPS with its interval; the dashed rule is the overall NPS. A channel is coloured higher ' +
            'or lower only when its difference from all the other channels holds after the Holm adjustment across ' +
            `the channels: ${flagged(channels.groups)}.`,
        },
  );
  const rolling = attempt('nps-rolling', () =>
    trend(survey.responses, {
      at: 'submittedAt',
      period: 'week',
      timeZone: 'UTC',
      metric: 'nps',
      accessor: 'score',
      scale: survey.scale,
      confidence,
      window: { days: 28 },
    }),
  );
  charts.push(
    isSkipped(rolling)
      ? rolling
      : {
          id: 'nps-rolling',
          spec: trendChart(rolling, {
            title: `NPS by ISO week (UTC) and the trailing 28-day NPS, ${label(confidence)} band`,
          }),
          caption:
            'Each week’s NPS with its interval as the band; the second line is the NPS of the 28 days ending with ' +
            'each week (merged weekly summaries, not a re-read), steadier than a single week. Week-to-week changes ' +
            `are adjusted across the whole series (Holm): flagged ${flagged(rolling.periods)}.`,
        },
  );

  charts.push(comparison(monthly, settings));

  charts.push(
    isSkipped(csatResult)
      ? { id: 'csat-distribution', reason: csatResult.reason }
      : {
          id: 'csat-distribution',
          spec: distributionChart(csatResult, { title: 'CSAT: answers by score' }),
          caption: `Satisfied answers (${csatScale.satisfiedMin}–${csatScale.max} on the ${csatScale.min}–${csatScale.max} scale) highlighted.`,
        },
  );
  charts.push(
    isSkipped(cesResult)
      ? { id: 'ces-distribution', reason: cesResult.reason }
      : {
          id: 'ces-distribution',
          spec: distributionChart(cesResult, { title: 'CES: answers by score' }),
          caption: `“The company made it easy for me to handle my issue”, ${cesScale.min}–${cesScale.max}; easy answers (${cesScale.easyMin}–${cesScale.max}) highlighted.`,
        },
  );

  // Support operations -----------------------------------------------------------------------
  const { tickets, asOf } = data.tickets;
  add({ label: 'Time to resolution', result: attempt('ttr', () => ttr(tickets, { asOf, confidence })) });
  add({
    label: `SLA: ${settings.sla.label}`,
    result: attempt('sla', () =>
      slaAttainment(tickets, settings.sla.targetMs, { asOf, field: 'resolution', confidence }),
    ),
  });
  const fcrDefinitions = ['one-touch', 'no-reopen', 'reported'] as const;
  const fcrResults = fcrDefinitions.map((definition) =>
    attempt('fcr', () => fcr(tickets, { definition, asOf, missing: 'exclude', confidence })),
  );
  add({ label: 'FCR (one-touch)', result: fcrResults[0] });

  charts.push(resolutionCurve(data.tickets, confidence));
  const fcrDrawn: Record<string, Estimate> = {};
  fcrDefinitions.forEach((definition, i) => {
    const r = fcrResults[i];
    if (r !== undefined && !isSkipped(r)) fcrDrawn[definition] = r;
  });
  charts.push(
    Object.keys(fcrDrawn).length === 0
      ? { id: 'fcr-by-definition', reason: 'no resolved tickets' }
      : {
          id: 'fcr-by-definition',
          spec: intervalChart(fcrDrawn, {
            metric: 'FCR',
            format: 'share',
            title: 'First-contact resolution under three definitions',
          }),
          caption:
            'The same tickets under three definitions of “resolved at first contact”: the definition moves the ' +
            'number more than sampling noise does, so quote it with the number.',
        },
  );

  // The customer journey ---------------------------------------------------------------------
  const { stages, asOf: journeyAsOf, within, by } = settings.funnel;
  const funnelResult = attempt('funnel', () =>
    funnelBy(data.journey.events, { stages, asOf: journeyAsOf, within, by, confidence }),
  );
  const endToEnd = isSkipped(funnelResult) ? null : funnelResult.funnel.endToEnd.conversion;
  if (endToEnd) add({ label: 'Funnel, end to end', result: endToEnd });
  const moment = isSkipped(funnelResult) ? null : funnelResult.momentOfAbandonment;
  charts.push(
    isSkipped(funnelResult)
      ? funnelResult
      : {
          id: 'funnel',
          spec: funnelChart(funnelResult.funnel, {
            title: `Journey funnel: customers per stage and each step's conversion (${label(confidence)} interval)`,
          }),
          caption:
            `Each step within ${within.days} days; customers still inside a window at the export are pending, in neither ` +
            `count. By ${by}, each ${by} against the others with the p-values adjusted (Holm): ` +
            (moment === null
              ? 'no step where one falls below the rest.'
              : `${moment.key} loses most at ${moment.from} → ${moment.to}, ${(100 * moment.difference).toFixed(1)} ` +
                `percentage points against the rest (adjusted ${pText(moment.adjustedPValue)}).`),
        },
  );

  // Churn and retention ----------------------------------------------------------------------
  const subs = data.subscriptions;
  const to = new Date(Date.UTC(subs.asOf.getUTCFullYear(), subs.asOf.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1));
  add({
    label: `Churn in ${monthOf(from)}`,
    result: attempt('churn', () => churn(subs.customers, { from, to, definition: 'cohort', confidence })),
  });
  const curve = attempt('retention-curve', () =>
    retentionCurve(subs.customers, { asOf: subs.asOf, unit: 'month', confidence }),
  );
  charts.push(
    isSkipped(curve)
      ? curve
      : {
          id: 'retention-curve',
          spec: kaplanMeierChart(curve, {
            title: `Customer retention by tenure (Kaplan–Meier, ${label(confidence)} band)`,
            timeTitle: 'tenure (months)',
            survivalTitle: 'still a customer',
          }),
          caption:
            `${curve.n} customers, ${curve.active} still active at ${isoDay(subs.asOf)} (censored there, ticks on ` +
            'the curve): each counts for as long as they have been observed.',
        },
  );
  const cohorts = attempt('cohort-retention', () =>
    cohortRetention(subs.customers, { period: 'month', asOf: subs.asOf, confidence }),
  );
  charts.push(
    isSkipped(cohorts)
      ? cohorts
      : {
          id: 'cohort-retention',
          spec: cohortRetentionChart(latestCohorts(cohorts, COHORTS_DRAWN), {
            title: `Monthly cohorts: share still active k months after signup (latest ${Math.min(COHORTS_DRAWN, cohorts.cohorts.length)})`,
          }),
          caption:
            'One row per signup month. Blank cells are not observable yet, not zero; with a few dozen customers ' +
            'a cohort, one customer is several points, so read rows rather than single cells.',
        },
  );
  return { headlines, charts };
}

/** The table with only its latest `count` cohorts. */
function latestCohorts(table: CohortRetentionResult, count: number): CohortRetentionResult {
  return { ...table, cohorts: table.cohorts.slice(-count) };
}

/**
 * NPS in `after` against the month before (`before`), from the monthly trend; the latest change
 * the trend has when either month has no answers.
 */
function comparison(monthly: TrendResult<NpsResult> | Skipped, settings: ReportSettings): Chart | Skipped {
  const id = 'nps-comparison';
  if (isSkipped(monthly)) return { id, reason: monthly.reason };
  const periods = monthly.periods;
  const wanted = periods.findIndex(
    (p, i) => p.label === settings.compare.after && periods[i - 1]?.label === settings.compare.before,
  );
  const changes = periods.flatMap((p, i) => (p.vsPrevious ? [i] : []));
  const i = wanted >= 0 && periods[wanted]?.vsPrevious ? wanted : changes.at(-1);
  const period = i === undefined ? undefined : periods[i];
  const previous = i === undefined ? undefined : periods[i - 1];
  if (period?.vsPrevious == null || previous === undefined) {
    return { id, reason: 'fewer than two consecutive months with answered NPS scores' };
  }
  const d = period.vsPrevious;
  const [after, before] = [period.label, previous.label];
  const adjusted =
    period.adjustedPValue === null
      ? ''
      : `, ${pText(period.adjustedPValue).replace('p', 'Holm-adjusted p')} across the series`;
  return {
    id,
    spec: comparisonChart(d, { labels: [after, before], title: `NPS: ${after} against ${before}` }),
    caption:
      `Top: each month’s NPS with its interval. Bottom: the change ${after} − ${before} with its interval; an ` +
      'interval that crosses the dashed line at 0 is a change the data cannot tell from none. ' +
      `${pText(d.pValue)} for this pair chosen beforehand${adjusted} (the figure to use when the pair was picked by scanning the months).`,
  };
}

/**
 * Kaplan–Meier curve of time to resolution in days, drawn up to RESOLUTION_HORIZON_DAYS: tickets
 * open at the export are censored there, and tickets still open at the horizon are censored at it.
 * Censoring everyone at the horizon leaves the curve up to the horizon exactly as it was (the
 * estimate at t uses only what happened by t); it only stops the long tail from squeezing the
 * part that matters into the left edge.
 */
function resolutionCurve(data: SupportTickets, confidence: number): Chart | Skipped {
  const id = 'resolution-curve';
  const asOf = data.asOf.getTime();
  const durations: number[] = [];
  const events: boolean[] = [];
  let open = 0;
  let beyond = 0;
  for (const t of data.tickets) {
    const resolved = t.resolvedAt !== undefined && t.resolvedAt.getTime() <= asOf;
    if (!resolved) open++;
    const days = Math.max(0, (resolved ? (t.resolvedAt as Date).getTime() : asOf) - t.createdAt.getTime()) / DAY_MS;
    if (days > RESOLUTION_HORIZON_DAYS) beyond++;
    durations.push(Math.min(days, RESOLUTION_HORIZON_DAYS));
    events.push(resolved && days <= RESOLUTION_HORIZON_DAYS);
  }
  const km = attempt(id, () => kaplanMeier(durations, events, { confidence }));
  if (isSkipped(km)) return km;
  return {
    id,
    spec: kaplanMeierChart(km, {
      title: `Time to resolution: share of tickets still open (Kaplan–Meier, ${label(confidence)} band)`,
      timeTitle: 'days since the ticket was created',
      survivalTitle: 'still open',
    }),
    caption:
      `${durations.length} tickets; the ${open} still open at the export are censored there (ticks), never dropped. ` +
      `The median time to resolution is where the curve crosses 50%. Drawn up to ${RESOLUTION_HORIZON_DAYS} days ` +
      `(${beyond} tickets ran longer; the curve up to there is unchanged by the cut).`,
  };
}

/** `95%` */
function label(confidence: number): string {
  return `${Number((confidence * 100).toFixed(1))}%`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** The chart rendered to SVG markup by vega-lite (compile) and vega (headless view, no renderer). */
async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: #1d2633; font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #d9dee5; }
p.lead { margin: 0 0 16px; color: #4a5565; max-width: 80ch; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; align-items: start; }
.card { background: #fff; border: 1px solid #dde2e8; border-radius: 8px; padding: 12px 14px; }
.card h3 { margin: 0; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: #5b6676; }
.card .figure { margin: 8px 0 0; font-size: 13px; font-variant-numeric: tabular-nums; }
.card .figure .value { display: block; font-weight: 600; }
.card .figure.main .value { font-size: 19px; }
.card .figure .how { display: block; color: #5b6676; font-size: 12px; }
.card .figure .warn { display: block; color: #9a5b00; font-size: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
figure.chart { margin: 0; background: #fff; border: 1px solid #dde2e8; border-radius: 8px; padding: 12px; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { margin-top: 8px; font-size: 13px; color: #4a5565; }
.skipped { background: #fff8e6; border: 1px solid #f0d9a0; border-radius: 8px; padding: 10px 12px; }
.table { background: #fff; border: 1px solid #dde2e8; border-radius: 8px; padding: 8px; overflow-x: auto; }
footer { margin-top: 36px; font-size: 12px; color: #5b6676; }
code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 12px; }
`;

/**
 * One headline card: the label, then one line per figure of the result in the notebook's text
 * (formatResult): the figure and its interval, then method, confidence and n, then warning codes.
 */
function cardHtml(h: Headline): string {
  const figures = formatResult(h.result)
    .split('\n')
    .map((line, i) => {
      const [text, warnings] = line.split(' ⚠ ') as [string, string | undefined];
      const parts = /^(.*) \(([^()]*)\)$/.exec(text);
      const figure = parts ? (parts[1] as string) : text;
      const how = parts ? `<span class="how">${escapeHtml(parts[2] as string)}</span>` : '';
      const warn = warnings === undefined ? '' : `<span class="warn">⚠ ${escapeHtml(warnings)}</span>`;
      return `<p class="${i === 0 ? 'figure main' : 'figure'}"><span class="value">${escapeHtml(figure)}</span>${how}${warn}</p>`;
    });
  return `<div class="card" data-metric="${escapeHtml(h.label)}"><h3>${escapeHtml(h.label)}</h3>${figures.join('')}</div>`;
}

function chartHtml(chart: Chart | Skipped, svg: string | undefined): string {
  if (!isChart(chart) || svg === undefined) {
    const reason = isChart(chart) ? 'not rendered' : chart.reason;
    return `<div class="skipped" data-chart="${escapeHtml(chart.id)}">Not drawn (${escapeHtml(chart.id)}): ${escapeHtml(reason)}</div>`;
  }
  return (
    `<figure class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}">${svg}` +
    `<figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`
  );
}

const SECTIONS: readonly { title: string; ids: readonly string[] }[] = [
  {
    title: 'Surveys: NPS, CSAT, CES',
    ids: [
      'nps-by-month',
      'nps-rolling',
      'nps-breakdown',
      'nps-segments',
      'nps-comparison',
      'csat-distribution',
      'ces-distribution',
    ],
  },
  { title: 'Support operations', ids: ['resolution-curve', 'fcr-by-definition'] },
  { title: 'Churn and retention', ids: ['retention-curve', 'cohort-retention'] },
  { title: 'The customer journey', ids: ['funnel'] },
];

/**
 * The report as one HTML page: headline cards (the notebook's one-line text of each result),
 * the notebook's table of the same results (`show(…)`'s text/html, interval bars included), and
 * every chart as inline SVG. The same data gives the same page (no timestamps, no randomized methods).
 */
export async function buildHtmlReport(
  data: ReportData,
  settings: ReportSettings,
): Promise<{ html: string; charts: number }> {
  const { headlines, charts } = reportParts(data, settings);
  const svgs = await Promise.all(charts.map((c) => (isChart(c) ? renderSvg(c.spec) : Promise.resolve(undefined))));
  const byId = new Map(charts.map((c, i) => [c.id, chartHtml(c, svgs[i])]));
  const table: Record<string, unknown> = {};
  for (const h of headlines) table[h.label] = h.result;
  const tableHtml = headlines.length > 0 ? (show(table)[JUPYTER_DISPLAY]()['text/html'] ?? '') : '';
  const files = [data.nps.file, data.surveys.file, data.tickets.file, data.subscriptions.file, data.journey.file].map(
    (f) => `<code>${escapeHtml(displayPath(f))}</code>`,
  );
  const sections = SECTIONS.map(
    (s) =>
      `<section><h2>${escapeHtml(s.title)}</h2><div class="charts">${s.ids
        .map((id) => byId.get(id) ?? '')
        .join('')}</div></section>`,
  );
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cx-metrics demo report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>cx-metrics demo report</h1>
<p class="lead">The figures of <code>npm run demo</code>, each with its ${label(settings.confidence)} interval, the method
and the sample it rests on, drawn with the chart builders of <code>cx-metrics/notebook</code>. Data: ${files.join(', ')}.</p>
</header>
<section id="headline">
<h2>Headline figures</h2>
<div class="cards">${headlines.map(cardHtml).join('')}</div>
</section>
${sections.join('\n')}
<section id="table">
<h2>All headline figures, as a notebook shows them</h2>
<div class="table">${tableHtml}</div>
</section>
<footer>Generated by <code>examples/report.ts</code> from the bundled sample data. Self-contained: inline SVG and CSS,
no scripts, nothing loaded from the network. Intervals cover sampling noise only; see the text report for the
definitions and the rows left out.</footer>
</main>
</body>
</html>
`;
  return { html, charts: svgs.filter((s) => s !== undefined).length };
}

/**
 * Write the HTML report where DEMO_REPORT_HTML says (report.html in the current directory by
 * default; nothing when it is empty). Never throws: a failure is printed to stderr and sets the
 * exit code; missing devDependencies (vega, vega-lite) only skip the page with a note.
 */
export async function writeHtmlReport(data: ReportData, settings: ReportSettings): Promise<void> {
  const target = process.env[REPORT_PATH_VARIABLE] ?? 'report.html';
  if (target === '') return;
  const file = resolve(target);
  try {
    const { html, charts } = await buildHtmlReport(data, settings);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    console.error(`demo: wrote ${displayPath(file)} (${charts} charts)`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && /\bvega(-lite)?\b/.test(String((error as Error).message))) {
      console.error('demo: no HTML report: vega and vega-lite (devDependencies) are not installed');
      return;
    }
    console.error(`demo: could not write ${displayPath(file)}: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
