/**
 * cx-metrics demo: reads the bundled sample surveys and prints a plain-text report.
 *
 *   npx tsx examples/demo.ts [nps-responses.csv [csat-ces-responses.csv]]     (or: npm run demo)
 *
 * The report is a list of sections, one function each, all reading from a DemoContext that is
 * loaded once. To add a metric (support tickets, churn): add its loader to `loadContext`, write a
 * `xxxSection(ctx)` that returns lines, and list it in SECTIONS.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CesResult,
  CSAT_SCALES,
  type CsatResult,
  CxMetricsError,
  type CxWarning,
  ces,
  compareMeans,
  compareNps,
  compareProportions,
  csat,
  type Difference,
  NPS_SCALE,
  type NpsResult,
  type NpsScale,
  nps,
} from '../src/index.ts';
import { npsResponseSchema, parseResponses, parseRows, type RowError } from '../src/schemas/index.ts';
import { CsvError, type CsvRow, readCsvTable } from './csv.ts';
import {
  type BoundFormat,
  confidenceLabel,
  count,
  countWithShare,
  distributionTable,
  fixed,
  heading,
  interval,
  intervalWidths,
  methodLabel,
  npsGroupsLine,
  npsLine,
  partHeading,
  percent,
  pValue,
  signed,
  table,
  warningLines,
} from './format.ts';

const DEFAULT_NPS_FILE = fileURLToPath(new URL('./data/nps-responses.csv', import.meta.url));
const NPS_COLUMNS = ['id', 'respondent_id', 'submitted_at', 'channel', 'score', 'comment'] as const;
const DEFAULT_SURVEYS_FILE = fileURLToPath(new URL('./data/csat-ces-responses.csv', import.meta.url));
/** Required columns of the CSAT/CES file; `touchpoint` and `comment` are read when present. */
const SURVEY_COLUMNS = ['id', 'type', 'submitted_at', 'channel', 'score'] as const;
/** Confidence level of every interval in the report (the library's default). */
const CONFIDENCE = 0.95;
/** CSAT: 1–5, satisfied = 4–5 (top-2 box). The schema checks the scores against the same range. */
const CSAT_SCALE = CSAT_SCALES['1-5'];
/** CES 2.0: 1–7, "The company made it easy for me to handle my issue", higher is easier; easy = 5–7. */
const CES_SCALE = { min: 1, max: 7, direction: 'higher-is-easier', easyMin: 5 } as const;

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/** One survey answer. `score` is null when the respondent skipped the question. */
interface NpsResponse {
  line: number;
  id: string;
  respondentId: string;
  submittedAt: Date;
  /** Calendar month of submittedAt in UTC, `YYYY-MM`. */
  month: string;
  channel: string;
  score: number | null;
  comment: string;
}

/** A row that could not be used, and why. It is reported, never silently dropped. */
interface RowProblem {
  line: number;
  id: string;
  message: string;
}

interface NpsSurvey {
  file: string;
  scale: NpsScale;
  /** Data rows in the file (excluding the header). */
  rowCount: number;
  /** Rows that passed the checks; the metrics use these. */
  responses: NpsResponse[];
  /** Rows left out, each with the reason. */
  problems: RowProblem[];
}

/** The schema's errors grouped by row (one message per row, fields joined), with CSV line numbers. */
function rowProblems(
  errors: readonly RowError[],
  rows: readonly CsvRow[],
  records: readonly { id?: string | undefined }[],
): Map<number, RowProblem> {
  const problems = new Map<number, RowProblem>();
  for (const error of errors) {
    const field = error.path.join('.') || 'row';
    const message = `${field}: ${error.message}`;
    const known = problems.get(error.index);
    if (known) known.message += `; ${message}`;
    else {
      const line = (rows[error.index] as CsvRow).line;
      problems.set(error.index, { line, id: records[error.index]?.id?.trim() ?? '', message });
    }
  }
  return problems;
}

/**
 * Read the CSV and validate every row with the library's schema (cx-metrics/schemas): a blank
 * score cell is a skipped answer (never 0), numeric strings become numbers, timestamps must be
 * ISO-8601 (no offset = UTC). Bad rows are collected with their reasons, never dropped silently.
 */
function loadNpsSurvey(file: string): NpsSurvey {
  const { rows } = readCsvTable(readFileSync(file, 'utf8'), NPS_COLUMNS);
  const records = rows.map(({ values }) => ({
    id: values.id,
    respondentId: values.respondent_id,
    submittedAt: values.submitted_at,
    channel: values.channel,
    score: values.score,
    comment: values.comment,
  }));
  const parsed = parseRows(records, npsResponseSchema);
  const lineOf = (index: number): number => (rows[index] as (typeof rows)[number]).line;
  const problems = rowProblems(parsed.errors, rows, records);
  const responses = parsed.data.map((r, i): NpsResponse => {
    const index = parsed.rows[i] as number;
    return {
      line: lineOf(index),
      id: r.id ?? '',
      respondentId: r.respondentId ?? '',
      submittedAt: r.submittedAt,
      month: monthOf(r.submittedAt),
      channel: r.channel?.trim() || '(none)',
      score: r.score ?? null,
      comment: r.comment ?? '',
    };
  });
  // npsResponseSchema checks the standard 0–10 scale, so that is the scale of the report.
  return { file, scale: NPS_SCALE, rowCount: rows.length, responses, problems: [...problems.values()] };
}

/** One CSAT or CES answer. `score` is null when the respondent skipped the question. */
interface SurveyAnswer {
  line: number;
  id: string;
  submittedAt: Date;
  /** Calendar month of submittedAt in UTC, `YYYY-MM`. */
  month: string;
  channel: string;
  touchpoint: string;
  score: number | null;
}

interface CsatCesSurvey {
  file: string;
  /** Data rows in the file (excluding the header). */
  rowCount: number;
  csat: SurveyAnswer[];
  ces: SurveyAnswer[];
  /** Rows left out, each with the reason. */
  problems: RowProblem[];
}

/**
 * Read the CSAT/CES CSV (one `type`-discriminated survey response per row) and validate every row
 * with `parseResponses`, on the scales this report uses. Bad rows, and NPS answers (which belong
 * in the NPS file), are collected with their reasons, never dropped silently.
 */
function loadCsatCesSurvey(file: string): CsatCesSurvey {
  const { rows } = readCsvTable(readFileSync(file, 'utf8'), SURVEY_COLUMNS);
  const records = rows.map(({ values }) => ({
    id: values.id,
    type: values.type,
    submittedAt: values.submitted_at,
    channel: values.channel,
    touchpoint: values.touchpoint,
    score: values.score,
    comment: values.comment,
  }));
  const parsed = parseResponses(records, {
    csatScale: { min: CSAT_SCALE.min, max: CSAT_SCALE.max },
    cesScale: { min: CES_SCALE.min, max: CES_SCALE.max, direction: CES_SCALE.direction },
  });
  const problems = rowProblems(parsed.errors, rows, records);
  const survey: CsatCesSurvey = { file, rowCount: rows.length, csat: [], ces: [], problems: [] };
  parsed.data.forEach((r, i) => {
    const index = parsed.rows[i] as number;
    const line = (rows[index] as CsvRow).line;
    if (r.type === 'nps') {
      const message = "type: 'nps' answers are not read from this file (the NPS survey has its own file)";
      problems.set(index, { line, id: r.id ?? '', message });
      return;
    }
    survey[r.type].push({
      line,
      id: r.id ?? '',
      submittedAt: r.submittedAt,
      month: monthOf(r.submittedAt),
      channel: r.channel?.trim() || '(none)',
      touchpoint: r.touchpoint?.trim() || '(none)',
      score: r.score ?? null,
    });
  });
  survey.problems = [...problems.values()].sort((a, b) => a.line - b.line);
  return survey;
}

/** Calendar month in UTC, `YYYY-MM`. */
function monthOf(d: Date): string {
  return d.toISOString().slice(0, 7);
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

interface DemoContext {
  nps: NpsSurvey;
  surveys: CsatCesSurvey;
}

/** A report section: the lines to print, or none to leave it out. */
type Section = (ctx: DemoContext) => string[];

/** A data file that cannot be read (missing, or not a CSV of the expected shape). */
class InputError extends Error {
  override name = 'InputError';
}

function load<T>(file: string, loader: (file: string) => T): T {
  try {
    return loader(file);
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(`cannot read ${displayPath(file)}: ${error.message}`);
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new InputError(`no such file: ${displayPath(file)}`);
    }
    throw error;
  }
}

function loadContext(npsFile: string, surveysFile: string): DemoContext {
  return { nps: load(npsFile, loadNpsSurvey), surveys: load(surveysFile, loadCsatCesSurvey) };
}

/** The path relative to the working directory when the file is below it, else as given. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
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
  return unlessEmpty(() =>
    ces(answers, {
      accessor: 'score',
      scale: { min: CES_SCALE.min, max: CES_SCALE.max },
      direction: CES_SCALE.direction,
      easyThreshold: CES_SCALE.easyMin,
      confidence: CONFIDENCE,
    }),
  );
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Groups with the largest first (ties by name). */
function largestFirst<T>(groups: ReadonlyMap<string, T[]>): Map<string, T[]> {
  return new Map([...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])));
}

/** One table row per group: NPS, interval, n, skipped, and the three groups with their shares. */
function npsTable(
  title: string,
  label: string,
  groups: ReadonlyMap<string, readonly NpsResponse[]>,
  scale: NpsScale,
): string[] {
  const results = [...groups].map(([name, responses]) => ({
    name,
    responses,
    result: npsOf(responses, scale),
  }));
  const computed = results.flatMap((r) => (r.result === null ? [] : [r.result]));
  const first = computed[0];
  const widths = intervalWidths(computed);
  const rows = results.map(({ name, responses, result }) =>
    result === null
      ? [name, '-', 'no answered scores', '0', String(responses.length)]
      : [
          name,
          fixed(result.value),
          interval(result.lower, result.upper, widths),
          count(result.n),
          String(result.skipped),
          countWithShare(result.promoters, result.shares.promoters),
          countWithShare(result.passives, result.shares.passives),
          countWithShare(result.detractors, result.shares.detractors),
        ],
  );
  const columns = [
    { header: label },
    { header: 'NPS', align: 'right' as const },
    { header: first ? `${confidenceLabel(first.confidence)} interval` : 'interval' },
    { header: 'n', align: 'right' as const },
    { header: 'skipped', align: 'right' as const },
    { header: 'promoters', align: 'right' as const },
    { header: 'passives', align: 'right' as const },
    { header: 'detractors', align: 'right' as const },
  ];
  return [
    ...heading(first ? `${title} (${methodLabel(first)} interval)` : title),
    ...table(columns, rows),
    ...warningLines(results.map((r) => ({ label: r.name, warnings: r.result?.warnings ?? [] }))),
  ];
}

function npsByChannelSection({ nps: survey }: DemoContext): string[] {
  const groups = largestFirst(groupBy(survey.responses, (r) => r.channel));
  return npsTable('NPS by channel', 'channel', groups, survey.scale);
}

function npsByMonthSection({ nps: survey }: DemoContext): string[] {
  const groups = groupBy(survey.responses, (r) => r.month);
  const sorted = new Map([...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return npsTable('NPS by month, UTC', 'month', sorted, survey.scale);
}

function npsReadingSection(): string[] {
  const level = confidenceLabel(CONFIDENCE);
  return [
    `How to read it: NPS = % promoters - % detractors, in points from -100 to 100. The ${level}`,
    'interval is the range of true scores (of everyone the respondents stand for) compatible with',
    `these answers: ${level} of intervals built this way contain the true NPS. Wide intervals (small n)`,
    'mean the figure could easily move; rows whose intervals overlap a lot may not really differ.',
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
  const groups = largestFirst(groupBy(survey.csat, (a) => a.channel));
  const results = [...groups].map(([name, answers]) => ({ name, answers, result: csatOf(answers) }));
  const computed = results.flatMap((r) => (r.result === null ? [] : [r.result]));
  const first = computed[0];
  const widths = intervalWidths(computed, percent);
  const meanWidths = intervalWidths(
    computed.flatMap((r) => (r.mean ? [r.mean] : [])),
    twoDecimals,
  );
  const level = first ? `${confidenceLabel(first.confidence)} interval` : 'interval';
  const rows = results.map(({ name, answers, result }) =>
    result === null
      ? [name, '-', 'no answered scores', '0', String(answers.length)]
      : [
          name,
          percent(result.value),
          interval(result.lower, result.upper, widths, percent),
          count(result.n),
          String(result.skipped),
          result.mean ? fixed(result.mean.value, 2) : '-',
          result.mean ? interval(result.mean.lower, result.mean.upper, meanWidths, twoDecimals) : '',
        ],
  );
  const columns = [
    { header: 'channel' },
    { header: 'CSAT', align: 'right' as const },
    { header: level },
    { header: 'n', align: 'right' as const },
    { header: 'skipped', align: 'right' as const },
    { header: 'mean', align: 'right' as const },
    { header: level },
  ];
  return [
    ...heading(first ? `CSAT by channel (${methodLabel(first)} interval; mean: t interval)` : 'CSAT by channel'),
    ...table(columns, rows),
    ...warningLines(
      results.flatMap((r) => [
        { label: r.name, warnings: r.result?.warnings ?? [] },
        { label: `${r.name} mean`, warnings: r.result?.mean?.warnings ?? [] },
      ]),
    ),
  ];
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

/** One table row per group: mean CES with its interval, n, skipped, easy share and net effort. */
function cesTable(title: string, label: string, groups: ReadonlyMap<string, readonly SurveyAnswer[]>): string[] {
  const results = [...groups].map(([name, answers]) => ({ name, answers, result: cesOf(answers) }));
  const computed = results.flatMap((r) => (r.result === null ? [] : [r.result]));
  const first = computed[0];
  const meanWidths = intervalWidths(computed, twoDecimals);
  const easyWidths = intervalWidths(
    computed.map((r) => r.easy),
    percent,
  );
  const netWidths = intervalWidths(computed.map((r) => r.netEffort));
  const rows = results.map(({ name, answers, result }) =>
    result === null
      ? [name, '-', 'no answered scores', '0', String(answers.length)]
      : [
          name,
          fixed(result.value, 2),
          interval(result.lower, result.upper, meanWidths, twoDecimals),
          count(result.n),
          String(result.skipped),
          percent(result.easy.value),
          interval(result.easy.lower, result.easy.upper, easyWidths, percent),
          signed(result.netEffort.value),
          interval(result.netEffort.lower, result.netEffort.upper, netWidths),
        ],
  );
  const level = first ? `${confidenceLabel(first.confidence)} interval` : 'interval';
  const columns = [
    { header: label },
    { header: 'mean', align: 'right' as const },
    { header: level },
    { header: 'n', align: 'right' as const },
    { header: 'skipped', align: 'right' as const },
    { header: 'easy', align: 'right' as const },
    { header: level },
    { header: 'net effort', align: 'right' as const },
    { header: level },
  ];
  const methods = first
    ? ` (mean: ${first.method}, easy: ${first.easy.method}, net effort: ${first.netEffort.method} intervals)`
    : '';
  return [
    ...heading(`${title}${methods}`),
    ...table(columns, rows),
    ...warningLines(results.flatMap((r) => cesWarnings(r.name, r.result))),
  ];
}

function cesByTouchpointSection({ surveys: survey }: DemoContext): string[] {
  return cesTable('CES by touchpoint', 'touchpoint', largestFirst(groupBy(survey.ces, (a) => a.touchpoint)));
}

function cesByChannelSection({ surveys: survey }: DemoContext): string[] {
  return cesTable('CES by channel', 'channel', largestFirst(groupBy(survey.ces, (a) => a.channel)));
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
}

/**
 * The comparison, or why it cannot be made: a month with fewer than `needed` answered scores.
 * `answered` counts the answered scores of each month.
 */
function compareIfEnough(
  what: string,
  answered: { before: number; after: number },
  months: { before: string; after: string },
  needed: number,
  compare: () => Difference,
): Difference | { problem: string } {
  for (const key of ['after', 'before'] as const) {
    if (answered[key] < needed) {
      return {
        problem: `${answered[key]} answered ${what} score${answered[key] === 1 ? '' : 's'} in ${months[key]}; the comparison needs at least ${needed}`,
      };
    }
  }
  return compare();
}

/**
 * NPS, CSAT and CES in `after` against `before` (months `YYYY-MM`), as `after − before`: NPS by
 * compareNps (points), the CSAT satisfied share by compareProportions (percentage points), the
 * mean CES score by compareMeans (Welch; points of the scale). The months are independent samples.
 */
function monthChanges(ctx: DemoContext, before: string, after: string): Change[] {
  const months = { before, after };
  const inMonth = <T extends { month: string }>(items: readonly T[], month: string): T[] =>
    items.filter((item) => item.month === month);
  const scores = (answers: readonly { score: number | null }[]): number[] =>
    answers.flatMap((a) => (a.score === null ? [] : [a.score]));
  const nps = { before: inMonth(ctx.nps.responses, before), after: inMonth(ctx.nps.responses, after) };
  const csat = { before: scores(inMonth(ctx.surveys.csat, before)), after: scores(inMonth(ctx.surveys.csat, after)) };
  const ces = { before: scores(inMonth(ctx.surveys.ces, before)), after: scores(inMonth(ctx.surveys.ces, after)) };
  const satisfied = (values: readonly number[]) => ({
    successes: values.filter((x) => x >= CSAT_SCALE.satisfiedMin).length,
    n: values.length,
  });
  return [
    {
      label: 'NPS, points',
      name: 'NPS',
      unit: 'points',
      factor: 1,
      digits: 1,
      value: (x) => fixed(x),
      result: compareIfEnough(
        'NPS',
        { before: scores(nps.before).length, after: scores(nps.after).length },
        months,
        1,
        () => compareNps(nps.after, nps.before, { accessor: 'score', scale: ctx.nps.scale, confidence: CONFIDENCE }),
      ),
    },
    {
      label: 'CSAT, % satisfied',
      name: 'CSAT',
      unit: 'percentage points',
      factor: 100,
      digits: 1,
      value: percent,
      result: compareIfEnough('CSAT', { before: csat.before.length, after: csat.after.length }, months, 1, () =>
        compareProportions(satisfied(csat.after), satisfied(csat.before), { confidence: CONFIDENCE }),
      ),
    },
    {
      label: `CES, mean ${range(CES_SCALE.min, CES_SCALE.max)}`,
      name: 'CES mean',
      unit: 'points',
      factor: 1,
      digits: 2,
      value: twoDecimals,
      result: compareIfEnough('CES', { before: ces.before.length, after: ces.after.length }, months, 2, () =>
        compareMeans(ces.after, ces.before, { confidence: CONFIDENCE }),
      ),
    },
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
  const changes = monthChanges(ctx, before, after);
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
      `important, and it is not the chance that the change is real. Comparing three metrics at once ` +
      `makes a false alarm in one of them about three times as likely as in a single comparison.`,
    '',
    96,
  );
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
];

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main(argv: readonly string[]): number {
  const npsFile = argv[0] ?? DEFAULT_NPS_FILE;
  const surveysFile = argv[1] ?? DEFAULT_SURVEYS_FILE;
  let ctx: DemoContext;
  try {
    ctx = loadContext(npsFile, surveysFile);
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`demo: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const blocks = SECTIONS.map((section) => section(ctx)).filter((lines) => lines.length > 0);
  console.log(blocks.map((lines) => lines.join('\n')).join('\n\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
