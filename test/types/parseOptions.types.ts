// Type tests of the parsers' `columns` and `wide` options (cx-metrics/schemas): mappings name
// real fields and survey types, column names are strings; misspellings do not compile (each
// `@ts-expect-error` line must be an error).
import {
  type ParseCustomersOptions,
  type ParseResponsesOptions,
  type ParseResult,
  type ParseTicketsOptions,
  parseCustomers,
  parseResponses,
  parseResponsesOrThrow,
  parseTickets,
  type SurveyResponse,
  type SurveyResponseField,
  type Ticket,
} from '../../src/schemas/index.ts';
import { type Equal, expectTrue } from './expect.ts';

const rows: Record<string, string>[] = [{ submitted_at: '2026-05-01', nps_score: '9', csat_score: '4' }];

// columns: field → column name, for every parser; the result types do not change
expectTrue<Equal<ReturnType<typeof parseTickets>, ParseResult<Ticket>>>();
parseTickets(rows, { columns: { id: 'ticket_id', createdAt: 'opened', reopens: 'reopen_count' } });
parseCustomers(rows, { columns: { startedAt: 'start_date' }, timestampUnit: 's' });
const responses = parseResponses(rows, { columns: { submittedAt: 'submitted_at', score: 'nps_score' } });
expectTrue<Equal<typeof responses, ParseResult<SurveyResponse>>>();
expectTrue<Equal<SurveyResponseField, keyof SurveyResponse>>();
const ticketOptions: ParseTicketsOptions = { columns: { resolvedAt: 'closed' } };
const customerOptions: ParseCustomersOptions = { columns: { mrr: 'MRR' } };
parseTickets(rows, ticketOptions);
parseCustomers(rows, customerOptions);
// @ts-expect-error columns keys are fields (submittedAt), not column names
parseResponses(rows, { columns: { submitted_at: 'submittedAt' } });
// @ts-expect-error a column name is a string
parseTickets(rows, { columns: { id: 3 } });
// @ts-expect-error tickets have no submittedAt
parseTickets(rows, { columns: { submittedAt: 'submitted_at' } });
// @ts-expect-error a misspelt option key (columns)
parseCustomers(rows, { column: { id: 'account' } });

// wide: survey type → answer column
const wide: ParseResponsesOptions = { wide: { nps: 'nps_score', csat: 'csat_score' } };
parseResponsesOrThrow(rows, { ...wide, columns: { submittedAt: 'submitted_at' } });
// @ts-expect-error survey types are nps, csat and ces
parseResponses(rows, { wide: { enps: 'enps_score' } });
// @ts-expect-error an answer column is a string
parseResponses(rows, { wide: { nps: true } });
