import { describe, expect, it } from 'vitest';
import {
  parseCustomers,
  parseCustomersOrThrow,
  parseResponses,
  parseResponsesOrThrow,
  parseRowsOrThrow,
  parseTickets,
  parseTicketsOrThrow,
  surveyResponseSchema,
} from '../../src/schemas/index.ts';
import { thrown } from '../helpers/thrown.ts';

// A survey export as a CSV reader hands it over: every cell a string.
const rows = [
  { type: 'nps', submittedAt: '2026-05-01T09:15', score: '9', channel: 'email', segment: 'smb;emea' },
  { type: 'csat', submittedAt: '2026-05-01', score: '', comment: 'no answer' },
  { type: 'csat', submittedAt: '01/05/2026', score: '6', weight: '-1' },
  { type: 'Nps', submittedAt: '2026-05-02', score: '10' },
  { type: 'ces', submittedAt: '2026-05-03', score: '5', journeyStage: 'Support' },
];

describe('parseResponses', () => {
  it('keeps the good rows and reports every problem of every bad row at once, with index and path', () => {
    const { data, rows: kept, errors } = parseResponses(rows);
    expect(kept).toEqual([0, 1, 4]);
    expect(data.map((r) => [r.type, r.score])).toEqual([
      ['nps', 9],
      ['csat', undefined],
      ['ces', 5],
    ]);
    expect(data[0]?.segment).toEqual(['smb', 'emea']);
    expect(data[2]?.journeyStage).toBe('support');
    expect(errors).toEqual([
      {
        index: 2,
        path: ['submittedAt'],
        message: 'expected an ISO-8601 date or date-time, epoch milliseconds or a Date; got "01/05/2026"',
      },
      { index: 2, path: ['weight'], message: 'expected a weight: a finite number ≥ 0, or blank; got -1' },
      {
        index: 2,
        path: ['score'],
        message: 'expected an integer from 1 to 5 (CSAT scale), or blank for a skipped answer; got 6',
      },
      { index: 3, path: ['type'], message: `expected type 'nps', 'csat' or 'ces'; got "Nps"` },
    ]);
  });

  it('does not mutate the rows', () => {
    const copy = structuredClone(rows);
    parseResponses(rows);
    expect(rows).toEqual(copy);
  });

  it('passes options to the schema (a 1–7 CSAT scale accepts the 6)', () => {
    const { errors } = parseResponses(rows, { csatScale: { min: 1, max: 7 } });
    expect(errors.map((e) => e.path)).toEqual([['submittedAt'], ['weight'], ['type']]);
  });

  it('gives the same result as the default schema when called without options', () => {
    expect(parseResponses(rows).data).toEqual(rows.flatMap((r) => surveyResponseSchema.safeParse(r).data ?? []));
  });

  it('returns empty lists for no rows, and rejects what is not an array', () => {
    expect(parseResponses([])).toEqual({ data: [], rows: [], errors: [] });
    expect(() => parseResponses('type,score\nnps,9' as unknown as unknown[])).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: 'parseResponses: expected an array of rows' }),
    );
  });

  it('throws INVALID_OPTION for bad options', () => {
    expect(() => parseResponses(rows, { cesScale: { min: 7, max: 1 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('parseResponsesOrThrow', () => {
  it('returns the responses when every row is good', () => {
    expect(parseResponsesOrThrow([rows[0], rows[4]]).map((r) => r.score)).toEqual([9, 5]);
  });

  it('throws one CxMetricsError whose message lists every problem, row by row', () => {
    const error = thrown(() => parseResponsesOrThrow(rows));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.index).toBe(2);
    expect(error.message).toBe(
      [
        'parseResponsesOrThrow: 4 problem(s) in 2 row(s):',
        '  row 2, submittedAt: expected an ISO-8601 date or date-time, epoch milliseconds or a Date; got "01/05/2026"',
        '  row 2, weight: expected a weight: a finite number ≥ 0, or blank; got -1',
        '  row 2, score: expected an integer from 1 to 5 (CSAT scale), or blank for a skipped answer; got 6',
        `  row 3, type: expected type 'nps', 'csat' or 'ces'; got "Nps"`,
      ].join('\n'),
    );
    expect(error.value).toEqual(parseResponses(rows).errors);
  });

  it('lists the first 50 problems and says how many more there are; error.value has all', () => {
    const many = Array.from({ length: 60 }, () => ({ type: 'nps', submittedAt: '2026-05-01', score: 11 }));
    const error = thrown(() => parseResponsesOrThrow(many));
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines[0]).toBe('parseResponsesOrThrow: 60 problem(s) in 60 row(s):');
    expect(lines.at(-1)).toBe('  … and 10 more (all of them are in error.value)');
    expect(error.value).toHaveLength(60);
  });

  it('parseRowsOrThrow keeps its own name in the message', () => {
    expect(() => parseRowsOrThrow([{ type: 'nps' }], surveyResponseSchema)).toThrow(
      /^parseRowsOrThrow: 1 problem\(s\)/,
    );
  });
});

describe('parseTickets and parseCustomers', () => {
  const tickets = [
    { id: 'T-1', createdAt: '2026-05-01T09:00Z', firstResponseAt: '2026-05-01T09:05Z', resolvedAt: '' },
    { id: '', createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-04-30' },
  ];
  const customers = [
    { id: 'c1', startedAt: '2025-01-01', endedAt: '', mrr: '120' },
    { id: 'c2', startedAt: '2025-02-01', endedAt: '2025-01-31', mrr: '' },
  ];

  it('keep the good rows and report every problem', () => {
    const t = parseTickets(tickets);
    expect(t.rows).toEqual([0]);
    expect(t.errors).toEqual([
      { index: 1, path: ['id'], message: 'required: expected a non-blank id' },
      {
        index: 1,
        path: ['resolvedAt'],
        message:
          'resolvedAt (2026-04-30T00:00:00.000Z) is before createdAt (2026-05-01T09:00:00.000Z); expected a time at or after createdAt',
      },
    ]);
    const c = parseCustomers(customers);
    expect(c.data).toEqual([{ id: 'c1', startedAt: new Date('2025-01-01T00:00:00Z'), endedAt: undefined, mrr: 120 }]);
    expect(c.errors.map((e) => [e.index, e.path])).toEqual([[1, ['endedAt']]]);
  });

  it('the throwing variants name themselves and list the problems', () => {
    expect(thrown(() => parseTicketsOrThrow(tickets)).message).toMatch(
      /^parseTicketsOrThrow: 2 problem\(s\) in 1 row\(s\):\n {2}row 1, id: required: expected a non-blank id\n {2}row 1, resolvedAt: /,
    );
    expect(thrown(() => parseCustomersOrThrow(customers)).message).toMatch(
      /^parseCustomersOrThrow: 1 problem\(s\) in 1 row\(s\):\n {2}row 1, endedAt: endedAt \(2025-01-31T00:00:00.000Z\) is before startedAt/,
    );
    expect(parseTicketsOrThrow([tickets[0]])[0]?.firstResponseAt).toEqual(new Date('2026-05-01T09:05:00Z'));
    expect(parseCustomersOrThrow([customers[0]])).toHaveLength(1);
  });
});
