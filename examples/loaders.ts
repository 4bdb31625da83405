/**
 * Loaders for the demo report: each reads one CSV file, validates every row with the library's
 * schemas (cx-metrics/schemas), and returns the usable records together with the rows it could
 * not use and why. Bad rows are collected with their CSV line and reason, never dropped silently.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { type JourneyEvent, NPS_SCALE, type NpsScale } from '../src/index.ts';
import {
  type Customer,
  npsResponseSchema,
  parseCustomers,
  parseResponses,
  parseRows,
  parseTickets,
  type RowError,
  type Ticket,
} from '../src/schemas/index.ts';
import { CsvError, type CsvRow, readCsvTable } from './csv.ts';

const NPS_COLUMNS = ['id', 'respondent_id', 'submitted_at', 'channel', 'score', 'comment'] as const;
/** Required columns of the CSAT/CES file; `touchpoint` and `comment` are read when present. */
const SURVEY_COLUMNS = ['id', 'type', 'submitted_at', 'channel', 'score'] as const;
/** Required columns of the tickets file (examples/data/tickets.README.md); `channel` is read when present. */
const TICKET_COLUMNS = [
  'id',
  'customer_id',
  'created_at',
  'first_response_at',
  'resolved_at',
  'reopened_at',
  'agent_replies',
  'customer_contacts',
  'first_contact_resolved',
] as const;
/** The ticket fields whose column has another name (the parser reads the others by their own). */
const TICKET_FIELDS = {
  customerId: 'customer_id',
  createdAt: 'created_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  reopenedAt: 'reopened_at',
  agentReplies: 'agent_replies',
  customerContacts: 'customer_contacts',
  firstContactResolved: 'first_contact_resolved',
} as const;
/** Required columns of the subscriptions file (examples/data/subscriptions.README.md). */
const SUBSCRIPTION_COLUMNS = ['id', 'started_at', 'ended_at', 'plan', 'mrr'] as const;
/** An optional column `mrr_YYYY_MM_DD`: each customer's MRR on that date, blank when not paying then. */
const START_MRR_COLUMN = /^mrr_(\d{4})_(\d{2})_(\d{2})$/;

/** A row that could not be used, and why. It is reported, never silently dropped. */
export interface RowProblem {
  line: number;
  id: string;
  message: string;
}

// NPS ------------------------------------------------------------------------------------------

/** One survey answer. `score` is null when the respondent skipped the question. */
export interface NpsResponse {
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

export interface NpsSurvey {
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

/** The problems in CSV line order. */
function byLine(problems: ReadonlyMap<number, RowProblem>): RowProblem[] {
  return [...problems.values()].sort((a, b) => a.line - b.line);
}

/**
 * Read the CSV and validate every row with the library's schema (cx-metrics/schemas): a blank
 * score cell is a skipped answer (never 0), numeric strings become numbers, timestamps must be
 * ISO-8601 (no offset = UTC). Bad rows are collected with their reasons, never dropped silently.
 */
export function loadNpsSurvey(file: string): NpsSurvey {
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

// CSAT and CES ---------------------------------------------------------------------------------

/** One CSAT or CES answer. `score` is null when the respondent skipped the question. */
export interface SurveyAnswer {
  line: number;
  id: string;
  submittedAt: Date;
  /** Calendar month of submittedAt in UTC, `YYYY-MM`. */
  month: string;
  channel: string;
  touchpoint: string;
  score: number | null;
}

export interface CsatCesSurvey {
  file: string;
  /** Data rows in the file (excluding the header). */
  rowCount: number;
  csat: SurveyAnswer[];
  ces: SurveyAnswer[];
  /** Rows left out, each with the reason. */
  problems: RowProblem[];
}

/** The scales the CSAT and CES scores are checked against. */
export interface SurveyScales {
  csat: { min: number; max: number };
  ces: { min: number; max: number; direction: 'higher-is-easier' | 'lower-is-easier' };
}

/**
 * Read the CSAT/CES CSV (one `type`-discriminated survey response per row) and validate every row
 * with `parseResponses`, on the scales the report uses. Bad rows, and NPS answers (which belong
 * in the NPS file), are collected with their reasons, never dropped silently.
 */
export function loadCsatCesSurvey(file: string, scales: SurveyScales): CsatCesSurvey {
  const { rows } = readCsvTable(readFileSync(file, 'utf8'), SURVEY_COLUMNS);
  const records = rows.map(({ values }) => values);
  const parsed = parseResponses(records, {
    columns: { submittedAt: 'submitted_at' },
    csatScale: scales.csat,
    cesScale: scales.ces,
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
  survey.problems = byLine(problems);
  return survey;
}

// Support tickets ------------------------------------------------------------------------------

/** A ticket as the library's Ticket schema parses it (times as Dates, blanks undefined), with its line. */
export type TicketRow = Ticket & { line: number };

export interface SupportTickets {
  file: string;
  /** When the data was exported: tickets still open then are censored here, never dropped. */
  asOf: Date;
  /** Data rows in the file (excluding the header). */
  rowCount: number;
  /** Rows that passed the checks; the metrics use these. */
  tickets: TicketRow[];
  /** Rows left out, each with the reason. */
  problems: RowProblem[];
}

/**
 * Read the tickets CSV and validate every row with `parseTickets`: a blank `resolved_at` is a
 * ticket still open at the export (censored by the metrics, never dropped), a blank
 * `first_response_at` one not answered, a blank `first_contact_resolved` no survey answer. A
 * ticket created after the export time `asOf` cannot be in the export and is a bad row. Bad rows
 * are collected with their reasons, never dropped silently.
 */
export function loadTickets(file: string, asOf: Date): SupportTickets {
  const { rows } = readCsvTable(readFileSync(file, 'utf8'), TICKET_COLUMNS);
  const records = rows.map(({ values }) => values);
  const parsed = parseTickets(records, { columns: TICKET_FIELDS });
  const problems = rowProblems(parsed.errors, rows, records);
  const tickets: TicketRow[] = [];
  parsed.data.forEach((ticket, i) => {
    const index = parsed.rows[i] as number;
    const line = (rows[index] as CsvRow).line;
    if (ticket.createdAt > asOf) {
      const message = `createdAt: ${isoSeconds(ticket.createdAt)} is after the export time ${isoSeconds(asOf)}`;
      problems.set(index, { line, id: ticket.id, message });
      return;
    }
    tickets.push({ ...ticket, line });
  });
  return { file, asOf, rowCount: rows.length, tickets, problems: byLine(problems) };
}

// Subscriptions --------------------------------------------------------------------------------

/** One customer (one subscription): the library's Customer with the MRR fields the report reads. */
export interface Subscription extends Customer {
  line: number;
  plan: string;
  /** MRR at the export (active) or just before churning (churned). */
  mrr: number;
  /** MRR on the file's `mrr_YYYY_MM_DD` date; null when blank (not paying then) or without that column. */
  startMrr: number | null;
}

export interface Subscriptions {
  file: string;
  /** When the data was exported: customers without an end date are still active then. */
  asOf: Date;
  /** Data rows in the file (excluding the header). */
  rowCount: number;
  /** Rows that passed the checks; the metrics use these. */
  customers: Subscription[];
  /** Rows left out, each with the reason. */
  problems: RowProblem[];
  /** The date of the `mrr_YYYY_MM_DD` column and its name, or null when the file has none. */
  startMrrColumn: { name: string; date: Date } | null;
}

/**
 * Read the subscriptions CSV and validate every row with `parseCustomers` (a blank `ended_at` is a
 * customer still active, never "ended at the epoch"). Also checked: `mrr` is present; nothing
 * starts or ends after the export time `asOf`; and, when the file has an `mrr_YYYY_MM_DD` column,
 * that it holds a number > 0 or a blank, and a number only for a customer active on that date
 * (startedAt ≤ date < endedAt). Bad rows are collected with their reasons, never dropped silently.
 */
export function loadSubscriptions(file: string, asOf: Date): Subscriptions {
  const { columns, rows } = readCsvTable(readFileSync(file, 'utf8'), SUBSCRIPTION_COLUMNS);
  const startMrrName = columns.find((name) => START_MRR_COLUMN.test(name));
  let startMrrColumn: Subscriptions['startMrrColumn'] = null;
  if (startMrrName !== undefined) {
    const [, y, m, d] = START_MRR_COLUMN.exec(startMrrName) as RegExpExecArray;
    const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) {
      throw new CsvError(`column ${startMrrName} does not name a calendar date`, 1);
    }
    startMrrColumn = { name: startMrrName, date };
  }
  const records = rows.map(({ values }) => values);
  const parsed = parseCustomers(records, { columns: { startedAt: 'started_at', endedAt: 'ended_at' } });
  const problems = rowProblems(parsed.errors, rows, records);
  const customers: Subscription[] = [];
  parsed.data.forEach((c, i) => {
    const index = parsed.rows[i] as number;
    const row = rows[index] as CsvRow;
    const messages: string[] = [];
    if (c.mrr === undefined) messages.push('mrr: required: expected the MRR, a number >= 0');
    if (c.startedAt > asOf) {
      messages.push(`startedAt: ${isoSeconds(c.startedAt)} is after the export time ${isoSeconds(asOf)}`);
    }
    if (c.endedAt !== undefined && c.endedAt > asOf) {
      messages.push(`endedAt: ${isoSeconds(c.endedAt)} is after the export time ${isoSeconds(asOf)}`);
    }
    let startMrr: number | null = null;
    if (startMrrColumn !== null) {
      const cell = (row.values[startMrrColumn.name] ?? '').trim();
      const { date, name } = startMrrColumn;
      const activeThen = c.startedAt <= date && (c.endedAt === undefined || c.endedAt > date);
      if (cell !== '') {
        startMrr = /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : Number.NaN;
        if (!(startMrr > 0)) {
          messages.push(
            `${name}: ${JSON.stringify(cell)} is not an MRR; expected a number > 0, or blank when not paying`,
          );
        } else if (!activeThen) {
          messages.push(`${name}: ${cell}, but the customer was not active on ${isoDay(date)}`);
        }
      }
    }
    if (messages.length > 0) {
      problems.set(index, { line: row.line, id: c.id, message: messages.join('; ') });
      return;
    }
    customers.push({ ...c, line: row.line, plan: c.plan ?? '(none)', mrr: c.mrr as number, startMrr });
  });
  return { file, asOf, rowCount: rows.length, customers, problems: byLine(problems), startMrrColumn };
}

// Journey events -------------------------------------------------------------------------------

/** Columns of journey-events.csv (examples/data/README.md); `touchpoint`, `channel`, `device` are read when present. */
const JOURNEY_COLUMNS = ['customer_id', 'stage', 'at'] as const;

export interface JourneyEvents {
  file: string;
  rowCount: number;
  events: JourneyEvent[];
}

/**
 * journey-events.csv as `funnel`'s records `{ customerId, stage, at, touchpoint?, channel?,
 * device? }`, blank cells absent. The library checks each event (stage, time) when it reads them.
 */
export function loadJourneyEvents(file: string): JourneyEvents {
  const { rows } = readCsvTable(readFileSync(file, 'utf8'), JOURNEY_COLUMNS);
  const events = rows.map(({ values: v }) => {
    const event: JourneyEvent = { customerId: v.customer_id ?? '', stage: v.stage ?? '', at: v.at ?? '' };
    for (const key of ['touchpoint', 'channel', 'device'] as const) {
      const value = v[key];
      if (value !== undefined && value !== '') event[key] = value;
    }
    return event;
  });
  return { file, rowCount: rows.length, events };
}

// Files ----------------------------------------------------------------------------------------

/** A data file that cannot be read (missing, or not a CSV of the expected shape). */
export class InputError extends Error {
  override name = 'InputError';
}

/** `loader(file)`, with a missing file or a malformed CSV turned into an InputError. */
export function load<T>(file: string, loader: (file: string) => T): T {
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

/** The path relative to the working directory when the file is below it, else as given. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** Calendar month in UTC, `YYYY-MM`. */
export function monthOf(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** Calendar day in UTC, `YYYY-MM-DD`. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `2026-04-01T00:00:00Z`: ISO-8601 UTC without milliseconds. */
export function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}
