/**
 * cx-metrics demo: reads the bundled sample survey and prints a plain-text report.
 *
 *   npx tsx examples/demo.ts [path/to/nps-responses.csv]     (or: npm run demo)
 *
 * The report is a list of sections, one function each, all reading from a DemoContext that is
 * loaded once. To add a metric (CSAT, CES, support tickets, churn): add its loader to
 * `loadContext`, write a `xxxSection(ctx)` that returns lines, and list it in SECTIONS.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CxMetricsError, NPS_SCALE, type NpsResult, type NpsScale, nps } from '../src/index.ts';
import { npsResponseSchema, parseRows } from '../src/schemas/index.ts';
import { CsvError, readCsvTable } from './csv.ts';
import {
  confidenceLabel,
  count,
  countWithShare,
  fixed,
  heading,
  interval,
  intervalWidths,
  methodLabel,
  npsGroupsLine,
  npsLine,
  table,
  warningLines,
} from './format.ts';

const DEFAULT_NPS_FILE = fileURLToPath(new URL('./data/nps-responses.csv', import.meta.url));
const NPS_COLUMNS = ['id', 'respondent_id', 'submitted_at', 'channel', 'score', 'comment'] as const;
/** Confidence level of every interval in the report (the library's default). */
const CONFIDENCE = 0.95;

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
  const problems = new Map<number, RowProblem>();
  for (const error of parsed.errors) {
    const field = error.path.join('.') || 'row';
    const message = `${field}: ${error.message}`;
    const known = problems.get(error.index);
    if (known) known.message += `; ${message}`;
    else problems.set(error.index, { line: lineOf(error.index), id: records[error.index]?.id?.trim() ?? '', message });
  }
  const responses = parsed.data.map((r, i): NpsResponse => {
    const index = parsed.rows[i] as number;
    return {
      line: lineOf(index),
      id: r.id ?? '',
      respondentId: r.respondentId ?? '',
      submittedAt: r.submittedAt,
      month: r.submittedAt.toISOString().slice(0, 7),
      channel: r.channel?.trim() || '(none)',
      score: r.score ?? null,
      comment: r.comment ?? '',
    };
  });
  // npsResponseSchema checks the standard 0–10 scale, so that is the scale of the report.
  return { file, scale: NPS_SCALE, rowCount: rows.length, responses, problems: [...problems.values()] };
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

interface DemoContext {
  nps: NpsSurvey;
}

/** A report section: the lines to print, or none to leave it out. */
type Section = (ctx: DemoContext) => string[];

function loadContext(npsFile: string): DemoContext {
  return { nps: loadNpsSurvey(npsFile) };
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

function scaleLabel(s: NpsScale): string {
  const range = (a: number, b: number): string => (a === b ? `${a}` : `${a}-${b}`);
  return `${range(s.min, s.max)}: detractors ${range(s.min, s.detractorMax)}, passives ${range(s.detractorMax + 1, s.promoterMin - 1)}, promoters ${range(s.promoterMin, s.max)}`;
}

function headerSection({ nps: survey }: DemoContext): string[] {
  const skipped = survey.responses.filter((r) => r.score === null).length;
  const answered = survey.responses.length - skipped;
  const title = 'cx-metrics demo: Net Promoter Score';
  return [
    title,
    '='.repeat(title.length),
    `Data file  ${displayPath(survey.file)}`,
    `Rows       ${survey.rowCount} (${answered} answered, ${skipped} skipped score, ${survey.problems.length} rejected)`,
    `Dates      ${dateRange(survey.responses.map((r) => r.submittedAt))}`,
    `Scale      ${scaleLabel(survey.scale)}`,
  ];
}

function dataProblemsSection({ nps: survey }: DemoContext): string[] {
  if (survey.problems.length === 0) return [];
  return [
    ...heading(`Rejected rows (${survey.problems.length}, left out of every figure below)`),
    ...survey.problems.map((p) => `  line ${p.line}${p.id ? ` (id ${p.id})` : ''}: ${p.message}`),
  ];
}

/** NPS of some responses, or null when none of them has an answered score. */
function npsOf(responses: readonly NpsResponse[], scale: NpsScale): NpsResult | null {
  try {
    return nps(responses, { accessor: 'score', scale, confidence: CONFIDENCE });
  } catch (error) {
    if (error instanceof CxMetricsError && error.code === 'EMPTY_INPUT') return null;
    throw error;
  }
}

function npsOverallSection({ nps: survey }: DemoContext): string[] {
  const result = npsOf(survey.responses, survey.scale);
  if (result === null) return [...heading('Overall'), '  no answered scores'];
  return [
    ...heading('Overall'),
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
    ...heading(first ? `${title} (NPS, ${methodLabel(first)} interval)` : title),
    ...table(columns, rows),
    ...warningLines(results.map((r) => ({ label: r.name, warnings: r.result?.warnings ?? [] }))),
  ];
}

function npsByChannelSection({ nps: survey }: DemoContext): string[] {
  const groups = groupBy(survey.responses, (r) => r.channel);
  // Largest channel first.
  const sorted = new Map([...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])));
  return npsTable('By channel', 'channel', sorted, survey.scale);
}

function npsByMonthSection({ nps: survey }: DemoContext): string[] {
  const groups = groupBy(survey.responses, (r) => r.month);
  const sorted = new Map([...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return npsTable('By month, UTC', 'month', sorted, survey.scale);
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

const SECTIONS: readonly Section[] = [
  headerSection,
  dataProblemsSection,
  npsOverallSection,
  npsByChannelSection,
  npsByMonthSection,
  npsReadingSection,
];

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main(argv: readonly string[]): number {
  const npsFile = argv[0] ?? DEFAULT_NPS_FILE;
  let ctx: DemoContext;
  try {
    ctx = loadContext(npsFile);
  } catch (error) {
    if (error instanceof CsvError) {
      console.error(`demo: cannot read ${displayPath(npsFile)}: ${error.message}`);
      return 1;
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      console.error(`demo: no such file: ${displayPath(npsFile)}`);
      return 1;
    }
    throw error;
  }
  const blocks = SECTIONS.map((section) => section(ctx)).filter((lines) => lines.length > 0);
  console.log(blocks.map((lines) => lines.join('\n')).join('\n\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
