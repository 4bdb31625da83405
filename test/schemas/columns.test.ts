import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseCustomers,
  parseCustomersOrThrow,
  parseResponses,
  parseResponsesOrThrow,
  parseTickets,
  parseTicketsOrThrow,
} from '../../src/schemas/index.ts';
import { thrown } from '../helpers/thrown.ts';

// A time in epoch milliseconds (numbers before 2000 are refused as looking like seconds).
const T = Date.parse('2026-05-01T09:00:00Z');

// An export with its own column names, as a CSV reader hands it over.
const exported = [
  { survey: 'nps', submitted_at: '2026-05-01T09:15', nps_score: '9', respondent: 'r1' },
  { survey: 'nps', submitted_at: '2026-05-02', nps_score: '' },
];

describe('column mapping', () => {
  it('parseResponses reads the mapped column names', () => {
    const { data, errors } = parseResponses(exported, {
      columns: { type: 'survey', submittedAt: 'submitted_at', score: 'nps_score', respondentId: 'respondent' },
    });
    expect(errors).toEqual([]);
    expect(data).toEqual([
      { type: 'nps', submittedAt: new Date('2026-05-01T09:15Z'), score: 9, respondentId: 'r1' },
      { type: 'nps', submittedAt: new Date('2026-05-02T00:00Z'), score: undefined },
    ]);
  });

  it('a mapped column wins over a column named like the field, and is not read twice', () => {
    const rows = [{ type: 'nps', submittedAt: T, score: '3', nps_score: '10', id: 'x' }];
    const [r] = parseResponsesOrThrow(rows, { columns: { score: 'nps_score', respondentId: 'id' } });
    expect(r).toEqual({ type: 'nps', submittedAt: new Date(T), score: 10, respondentId: 'x' });
  });

  it('combines with the schema options', () => {
    const rows = [{ type: 'csat', when: '2026-05-01', score: '7' }];
    expect(parseResponses(rows, { columns: { submittedAt: 'when' }, csatScale: { min: 1, max: 7 } }).errors).toEqual(
      [],
    );
  });

  it('names the column in a mapped field’s error, on the field’s path', () => {
    const { errors } = parseResponses([{ type: 'nps', submitted_at: 'May 1', nps_score: 11 }], {
      columns: { submittedAt: 'submitted_at', score: 'nps_score' },
    });
    expect(errors).toEqual([
      {
        index: 0,
        path: ['submittedAt'],
        message:
          'expected an ISO-8601 date or date-time, epoch milliseconds or a Date; got "May 1" (column "submitted_at")',
      },
      {
        index: 0,
        path: ['score'],
        message:
          'expected an integer from 0 to 10 (NPS scale), or blank for a skipped answer; got 11 (column "nps_score")',
      },
    ]);
  });

  it('parseTickets and parseCustomers read the mapped column names', () => {
    const tickets = parseTicketsOrThrow(
      [{ ticket_id: 'T-1', opened: '2026-05-01T09:00Z', closed: '2026-05-01T10:00Z', replies: '2' }],
      { columns: { id: 'ticket_id', createdAt: 'opened', resolvedAt: 'closed', agentReplies: 'replies' } },
    );
    expect(tickets).toEqual([
      {
        id: 'T-1',
        createdAt: new Date('2026-05-01T09:00Z'),
        resolvedAt: new Date('2026-05-01T10:00Z'),
        agentReplies: 2,
      },
    ]);
    const customers = parseCustomersOrThrow([{ account: 'acme', start: '2025-01-15', MRR: '490.5' }], {
      columns: { id: 'account', startedAt: 'start', mrr: 'MRR' },
    });
    expect(customers).toEqual([{ id: 'acme', startedAt: new Date('2025-01-15T00:00Z'), mrr: 490.5 }]);
  });

  it('an unknown target field fails INVALID_OPTION with the closest field name', () => {
    const cases: [() => unknown, string][] = [
      [
        () => parseResponses([], { columns: { submitedAt: 'submitted_at' } as never }),
        'parseResponses: columns names an unknown field "submitedAt"; did you mean \'submittedAt\'? (keys are the fields, values the column names in your rows)',
      ],
      [
        () => parseTickets([], { columns: { created: 'opened' } as never }),
        'parseTickets: columns names an unknown field "created"; did you mean \'createdAt\'? (keys are the fields, values the column names in your rows)',
      ],
      [
        () => parseCustomersOrThrow([], { columns: { revenue: 'mrr' } as never }),
        'parseCustomersOrThrow: columns names an unknown field "revenue"; expected one of id, startedAt, endedAt, plan, mrr (keys are the fields, values the column names in your rows)',
      ],
    ];
    for (const [call, message] of cases) {
      const error = thrown(call);
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toBe(message);
    }
  });

  it('refuses columns that are not an object of non-empty names, and unknown options', () => {
    expect(thrown(() => parseResponses([], { columns: ['submitted_at'] as never })).code).toBe('INVALID_OPTION');
    expect(thrown(() => parseTickets([], { columns: { id: 3 } as never })).message).toBe(
      'parseTickets: columns.id is 3; expected the name of a column in your rows (a non-empty string)',
    );
    expect(thrown(() => parseCustomers([], { columns: { id: '' } })).code).toBe('INVALID_OPTION');
    expect(thrown(() => parseTickets([], { column: {} } as never)).message).toBe(
      "parseTickets: unknown option 'column'; did you mean 'columns'?",
    );
    expect(thrown(() => parseResponses([], null as never)).code).toBe('INVALID_OPTION');
    expect(parseCustomers([{ id: 'a', startedAt: T }], { columns: { plan: undefined } }).errors).toEqual([]);
  });

  it('reads mapped and unmapped fields through getters, as without a mapping', () => {
    class Row {
      get submitted_at() {
        return '2026-05-01';
      }
      get type() {
        return 'nps';
      }
      get nps_score() {
        return '9';
      }
    }
    expect(
      parseResponsesOrThrow([new Row()], { columns: { submittedAt: 'submitted_at', score: 'nps_score' } }),
    ).toEqual([{ type: 'nps', submittedAt: new Date('2026-05-01T00:00Z'), score: 9 }]);
    expect(
      parseResponsesOrThrow([new Row()], { columns: { submittedAt: 'submitted_at' }, wide: { nps: 'nps_score' } }),
    ).toEqual([{ type: 'nps', submittedAt: new Date('2026-05-01T00:00Z'), score: 9 }]);
  });

  it('does not mutate the rows', () => {
    const copy = structuredClone(exported);
    parseResponses(exported, { columns: { type: 'survey', submittedAt: 'submitted_at', score: 'nps_score' } });
    expect(exported).toEqual(copy);
  });
});

describe('a required field missing from every row', () => {
  it('says so first, once, naming the similar column and the fix, then lists the rows', () => {
    const rows = [
      { type: 'nps', submitted_at: '2026-05-01', score: 9 },
      { type: 'nps', submitted_at: '2026-05-02', score: 7 },
    ];
    const { errors } = parseResponses(rows);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toEqual({
      index: -1,
      path: ['submittedAt'],
      message: "no row has `submittedAt`; the rows have `submitted_at` — pass columns: { submittedAt: 'submitted_at' }",
    });
    expect(errors.slice(1).map((e) => [e.index, e.path])).toEqual([
      [0, ['submittedAt']],
      [1, ['submittedAt']],
    ]);
    const error = thrown(() => parseResponsesOrThrow(rows));
    expect(error.index).toBe(0);
    expect(error.message.split('\n').slice(0, 3)).toEqual([
      'parseResponsesOrThrow: 3 problem(s) in 2 row(s):',
      "  every row, submittedAt: no row has `submittedAt`; the rows have `submitted_at` — pass columns: { submittedAt: 'submitted_at' }",
      `  row 0, submittedAt: ${errors[1]?.message}`,
    ]);
  });

  it('finds columns that differ in case, separators, a typo, or that contain the name', () => {
    const hint = (rows: unknown[], parse = parseTickets) => parse(rows).errors.find((e) => e.index === -1)?.message;
    expect(hint([{ ID: 'T-1', CreatedAt: T }])).toBe(
      "no row has `id`; the rows have `ID` — pass columns: { id: 'ID' }",
    );
    expect(parseTickets([{ ID: 'T-1', 'Created At': 0 }]).errors[1]?.message).toBe(
      "no row has `createdAt`; the rows have `Created At` — pass columns: { createdAt: 'Created At' }",
    );
    expect(hint([{ id: 'T-1', craetedAt: T }])).toBe(
      "no row has `createdAt`; the rows have `craetedAt` — pass columns: { createdAt: 'craetedAt' }",
    );
    expect(hint([{ ticket_id: 'T-1', createdAt: T }])).toBe(
      "no row has `id`; the rows have `ticket_id` — pass columns: { id: 'ticket_id' }",
    );
    expect(hint([{ ticket_id: 'T-1', customer_id: 'c', createdAt: T }])).toBe(
      "no row has `id`; the rows have `ticket_id`, `customer_id` — pass columns: { id: '…' } with the one that holds it",
    );
    expect(hint([{ customer: 'a', start_date: '2025-01-01' }], parseCustomers as never)).toBe(
      "no row has `startedAt`; the rows have `start_date` — pass columns: { startedAt: 'start_date' }",
    );
  });

  it('names the mapped column when the mapping itself points nowhere', () => {
    const { errors } = parseResponses([{ type: 'nps', submitted_at: T }], { columns: { submittedAt: 'submited_at' } });
    expect(errors[0]?.message).toBe(
      "no row has `submited_at` (the column given for submittedAt); the rows have `submitted_at` — pass columns: { submittedAt: 'submitted_at' }",
    );
  });

  it('says nothing extra when some row has the field, or no column looks like it', () => {
    const some = parseResponses([
      { type: 'nps', submittedAt: T },
      { type: 'nps', submitted_at: T },
    ]).errors;
    expect(some.map((e) => e.index)).toEqual([1]);
    const none = parseResponses([{ type: 'nps', score: 9 }]).errors;
    expect(none.map((e) => e.index)).toEqual([0]);
    expect(parseResponses([]).errors).toEqual([]);
    // A blank cell is a column that is there: no hint, the row's own error says it is blank.
    expect(
      parseResponses([{ type: 'nps', submittedAt: '', submitted: '2026-05-01' }]).errors.map((e) => e.index),
    ).toEqual([0]);
  });
});

describe('docs/schemas.md', () => {
  it('quotes the real message for a required column that no row has', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'schemas.md'), 'utf8');
    const error = thrown(() =>
      parseResponsesOrThrow([
        { type: 'nps', submitted_at: '2026-05-01', score: 9 },
        { type: 'nps', submitted_at: '2026-05-02', score: 7 },
      ]),
    );
    expect(text).toContain(`\`\`\`\n${error.message}\n\`\`\``);
  });
});
