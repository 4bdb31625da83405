// Type tests of cx-metrics/schemas (parseResponses, parseTickets, parseCustomers, parseRows and
// their …OrThrow variants): the calls a user writes compile with the types they should have, the
// parsed records go straight into the main entry's metrics; common misuses do not (each
// `@ts-expect-error` line must be an error).
import { churn, fcr, ttr } from '../../src/index.ts';
import {
  type Customer,
  CxMetricsError,
  createSurveyResponseSchema,
  type JourneyStage,
  npsResponseSchema,
  type ParseResult,
  parseCustomers,
  parseCustomersOrThrow,
  parseResponses,
  parseResponsesOrThrow,
  parseRows,
  parseRowsOrThrow,
  parseTickets,
  parseTicketsOrThrow,
  type RowError,
  SURVEY_SCALES,
  type SurveyResponse,
  type Ticket,
} from '../../src/schemas/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

const rows: Record<string, string>[] = [{ id: 'T-1', createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T11:00Z' }];

// parseTickets / parseCustomers: { data, rows, errors }, and the data feeds the metrics as is
const tickets = parseTickets(rows);
expectTrue<Equal<typeof tickets, ParseResult<Ticket>>>();
expectType<RowError[]>(tickets.errors);
expectType<number[]>(tickets.rows);
ttr(tickets.data, { asOf: '2026-05-02T00:00Z' });
fcr(parseTicketsOrThrow(rows), { definition: 'one-touch' });
const customers = parseCustomers([{ id: 'c1', startedAt: '2025-01-15', endedAt: '' }]);
expectTrue<Equal<typeof customers, ParseResult<Customer>>>();
churn(customers.data, { from: '2025-04-01', to: '2025-07-01' });
expectType<Customer[]>(parseCustomersOrThrow([]));
// @ts-expect-error the parse result is not the tickets: pass its .data
ttr(tickets, { asOf: '2026-05-02T00:00Z' });
// @ts-expect-error rows are an array, not CSV text
parseTickets('id,createdAt\nT-1,2026-05-01');
// @ts-expect-error one row is not an array of rows
parseCustomers({ id: 'c1', startedAt: '2025-01-15' });
// @ts-expect-error errors are listed, never a single message
tickets.errors.toUpperCase();

// parseResponses: a type-discriminated union, narrowed by `type`
const responses = parseResponses([{ type: 'nps', submittedAt: '2026-05-01', score: '9' }]);
expectTrue<Equal<typeof responses, ParseResult<SurveyResponse>>>();
for (const r of responses.data) {
  if (r.type === 'nps') expectType<number | undefined>(r.score);
}
parseResponses([], { csatScale: SURVEY_SCALES.csat7 });
expectType<SurveyResponse[]>(parseResponsesOrThrow([]));
// @ts-expect-error a survey type is 'nps', 'csat' or 'ces'
responses.data.filter((r) => r.type === 'enps');
// @ts-expect-error a misspelt option key (csatScale)
parseResponses([], { csatscale: SURVEY_SCALES.csat7 });

// parseRows with any schema: the output type follows the schema
const nps = parseRows([{ submittedAt: '2026-05-01', score: 9 }], npsResponseSchema);
expectType<number | null | undefined>(nps.data[0]?.score);
expectType<number[]>(parseRowsOrThrow([{ submittedAt: 0, score: 10 }], npsResponseSchema).map((r) => r.score ?? 0));
// @ts-expect-error the schema is required
parseRows([{ score: 9 }]);
// @ts-expect-error a schema, not a list of column names
parseRows([{ score: 9 }], ['score']);

// The throwing variants throw CxMetricsError, the same class as the main entry's
try {
  parseTicketsOrThrow(rows);
} catch (error) {
  if (error instanceof CxMetricsError)
    expectType<'INVALID_VALUE' | 'EMPTY_INPUT' | 'INVALID_OPTION' | 'INSUFFICIENT_DATA'>(error.code);
}

// journey stages: the parsed stage is the union of the stage names (the default list, or the
// caller's list), and the schema's .d.ts carries no mapped enum type a consumer cannot index
const parsedStage = parseResponsesOrThrow([{ type: 'nps', submittedAt: '2026-05-01', score: 9 }])[0]?.journeyStage;
expectTrue<Equal<typeof parsedStage, JourneyStage | undefined>>();
const trialStage = createSurveyResponseSchema({ journeyStages: ['trial', 'paid'] }).parse({}).journeyStage;
expectTrue<Equal<typeof trialStage, 'trial' | 'paid' | undefined>>();
