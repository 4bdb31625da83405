// The parsers' fast path (src/schemas/fastRows.ts) against zod alone (`withoutFastPath`): on
// valid rows, faulty rows and rows with hostile cells, under every option that changes how a cell
// is read, both give the same result — the same records with the same keys in the same order
// (undefined-valued keys included), the same rows and the same errors, word for word.
import { describe, expect, it } from 'vitest';
import {
  customerRow,
  faultyCustomerRow,
  faultyResponseRow,
  faultyTicketRow,
  responseRow,
  ticketRow,
} from '../../src/arbitraries/index.ts';
import { fastPathOf, UNSURE, withoutFastPath } from '../../src/schemas/fastRows.ts';
import {
  createSurveyResponseSchema,
  customerSchema,
  JOURNEY_STAGES,
  type ParseResult,
  parseCarts,
  parseCartsOrThrow,
  parseCustomers,
  parseJourneyEvents,
  parseResponses,
  parseResponsesOrThrow,
  parseTickets,
  parseTicketsOrThrow,
  surveyResponseSchema,
  ticketSchema,
} from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';
import { rawCart, rawCustomer, rawJourneyEvent, rawResponse, rawTicket } from './arbitraries.ts';

type Row = Record<string, unknown>;

/** A result with each record's keys listed in order, so that key order is compared too. */
function withKeys(result: ParseResult<unknown>) {
  return { ...result, keys: result.data.map((record) => Object.keys(record as object)) };
}

/** The parse on the fast path equals the parse by zod alone. */
function agree(parse: () => ParseResult<unknown>): void {
  const fast = withKeys(parse());
  const zod = withKeys(withoutFastPath(parse));
  expect(fast).toStrictEqual(zod);
}

/** What the function throws (or returns), for comparing the `…OrThrow` forms. */
function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return { value, keys: (value as object[]).map((record) => Object.keys(record)) };
  } catch (error) {
    return { error };
  }
}

// Cells a parser must refuse or read with care: blanks of every kind, numbers at the edges,
// numeric text the parsers refuse, words, stages, tags, Dates, times at the edges of the year
// range and of the epoch rule, times a zone skips or repeats, and things that are no cell at all.
const holey: unknown[] = [];
holey[1] = 'a';
const HOSTILE: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  '\t\n',
  '\u00a0',
  '\ufeff9',
  0,
  -0,
  1,
  0.5,
  -1,
  2,
  5,
  7,
  11,
  1e21,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  false,
  '0',
  '1',
  '-0',
  '+5',
  '5.',
  '.5',
  '1e0',
  '1e400',
  '0x10',
  '4,5',
  ' 9 ',
  '9.0',
  'yes',
  'No',
  'Y',
  'TRUE',
  'nope',
  'nps',
  'NPS',
  'csat',
  'ces',
  'onboarding',
  'ONBOARDING',
  ' Usage ',
  'trial',
  'smb;emea',
  ' ; ',
  ';;',
  'a;a; b',
  [],
  [''],
  ['a', 'b'],
  ['a', 1],
  ['a', Number.NaN],
  ['x', null],
  holey,
  {},
  { a: 1 },
  new Date(Number.NaN),
  new Date(0),
  new Date('2026-05-01T00:00:00Z'),
  new Date(-62_198_755_200_001),
  '2026-05-01',
  '2026-02-30',
  '2026-05-01T10:30',
  '2026-05-01 10:30:00.1234 +0200',
  '2026-03-29T02:30',
  '2026-10-25T02:30',
  '2026-05-01T10:30:00+24:00',
  '05/01/2026',
  '9999-12-31T23:59:59.999-01:00',
  '0000-01-01T00:00:00+01:00',
  1_777_631_400,
  1_777_631_400_000,
  1_777_631_400_000.5,
  '1777631400',
  '1777631400.5',
  946_684_799_999,
  253_402_300_800_000,
  8.64e15,
  5n,
  Symbol('cell'),
];
const hostile = fc.constantFrom(...HOSTILE);

/** A hostile cell, or one drawn near the edges of the readings: numeric text, small numbers, tags. */
const cell = fc.oneof(
  { weight: 3, arbitrary: hostile },
  { weight: 1, arbitrary: fc.stringMatching(/^[ab0129;. eE+-]{0,6}$/) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('a', 'b', ' a', 'a;b', '', 1), { maxLength: 3 }) },
);

/**
 * A row with up to four cells replaced by hostile ones, deleted, or set to undefined, and in one
 * of the forms a row may take: a plain object, one without a prototype, or one that inherits some
 * of its cells (zod reads them through the prototype, and counts an inherited key as present).
 */
function spoiled(rows: fc.Arbitrary<Row>, fields: readonly string[]): fc.Arbitrary<unknown> {
  const change = fc.tuple(fc.constantFrom(...fields, 'extra'), fc.oneof(cell, fc.constant(DELETE)));
  return fc
    .tuple(rows, fc.array(change, { maxLength: 4 }), fc.constantFrom('plain', 'null-prototype', 'inherited'))
    .map(([row, changes, form]) => {
      const out: Row = { ...row };
      for (const [field, cell] of changes) {
        if (cell === DELETE) delete out[field];
        else out[field] = cell;
      }
      if (form === 'plain') return out;
      if (form === 'null-prototype') return Object.assign(Object.create(null), out);
      const keys = Object.keys(out);
      const inherited = Object.fromEntries(keys.filter((_, k) => k % 2 === 0).map((key) => [key, out[key]]));
      const own = Object.fromEntries(keys.filter((_, k) => k % 2 === 1).map((key) => [key, out[key]]));
      return Object.assign(Object.create(inherited), own);
    });
}
const DELETE = Symbol('delete');

const RESPONSE_FIELDS = Object.keys(surveyResponseSchema.options[0].shape);
const TICKET_FIELDS = Object.keys(ticketSchema.shape);
const CUSTOMER_FIELDS = Object.keys(customerSchema.shape);
const EVENT_FIELDS = ['customerId', 'stage', 'at', 'touchpoint', 'channel', 'device'];
const CART_FIELDS = ['cartId', 'createdAt', 'purchasedAt', 'device', 'channel', 'value'];

/** Rows of every kind for one parser: valid, faulty, spoiled and not rows at all. */
function mixed(valid: fc.Arbitrary<Row>, faulty: fc.Arbitrary<Row> | undefined, fields: readonly string[]) {
  const kinds: fc.Arbitrary<unknown>[] = [valid, spoiled(valid, fields), spoiled(valid, fields), hostile];
  if (faulty !== undefined) kinds.push(faulty, spoiled(faulty, fields));
  return fc.array(fc.oneof(...kinds), { maxLength: 12 });
}

const READINGS = [{}, { timestampUnit: 's' as const }, { timeZone: 'Europe/Warsaw' }, { timestampUnit: 'ms' as const }];

describe('the fast path gives what zod gives (properties, seeded globally in test/helpers/fc.ts)', () => {
  it('parseResponses: valid, faulty and spoiled rows, under every time reading', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...READINGS).chain((reading) =>
          fc.tuple(
            fc.constant(reading),
            mixed(
              fc.oneof(responseRow(reading), rawResponse()),
              faultyResponseRow(reading).map((f) => f.row),
              RESPONSE_FIELDS,
            ),
          ),
        ),
        ([reading, rows]) => {
          agree(() => parseResponses(rows, reading));
          expect(outcome(() => parseResponsesOrThrow(rows, reading))).toStrictEqual(
            withoutFastPath(() => outcome(() => parseResponsesOrThrow(rows, reading))),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('parseResponses: custom scales and journey stages', () => {
    const options = {
      csatScale: { min: 0, max: 6 },
      cesScale: { min: 1, max: 5, direction: 'lower-is-easier' as const },
      journeyStages: [...JOURNEY_STAGES, 'Trial', 'post-sale'],
    };
    const arbitrary = {
      csatScale: options.csatScale,
      cesScale: options.cesScale,
      journeyStages: options.journeyStages,
    };
    fc.assert(
      fc.property(
        mixed(
          responseRow(arbitrary),
          faultyResponseRow(arbitrary).map((f) => f.row),
          RESPONSE_FIELDS,
        ),
        (rows) => agree(() => parseResponses(rows, options)),
      ),
      { numRuns: 100 },
    );
  });

  it('parseResponses: through columns, and wide exports', () => {
    const columns = { type: 'kind', submittedAt: 'submitted_at', score: 'answer', respondentId: 'id' };
    fc.assert(
      fc.property(
        mixed(
          responseRow({ columns }),
          faultyResponseRow({ columns }).map((f) => f.row),
          ['kind', 'submitted_at', 'answer', 'id', 'channel', 'segment'],
        ),
        (rows) => agree(() => parseResponses(rows, { columns })),
      ),
      { numRuns: 100 },
    );
    const wide = { nps: 'nps_score', csat: 'csat_score', ces: 'ces_score' };
    const wideRow = fc.record(
      {
        submittedAt: fc.oneof(fc.constant('2026-05-01T10:30'), hostile),
        nps_score: fc.oneof(fc.integer({ min: 0, max: 10 }).map(String), hostile),
        csat_score: fc.oneof(fc.integer({ min: 1, max: 5 }).map(String), hostile),
        ces_score: fc.oneof(fc.integer({ min: 1, max: 7 }).map(String), hostile),
        segment: fc.oneof(fc.constant('smb; emea'), hostile),
      },
      { requiredKeys: ['submittedAt'] },
    );
    fc.assert(
      fc.property(fc.array(wideRow, { maxLength: 8 }), (rows) => agree(() => parseResponses(rows, { wide }))),
      { numRuns: 100 },
    );
  });

  it('parseTickets and parseCustomers: valid, faulty and spoiled rows, under every time reading', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...READINGS).chain((reading) =>
          fc.tuple(
            fc.constant(reading),
            mixed(
              fc.oneof(ticketRow(reading), rawTicket),
              faultyTicketRow(reading).map((f) => f.row),
              TICKET_FIELDS,
            ),
            mixed(
              fc.oneof(customerRow(reading), rawCustomer),
              faultyCustomerRow(reading).map((f) => f.row),
              CUSTOMER_FIELDS,
            ),
          ),
        ),
        ([reading, tickets, customers]) => {
          agree(() => parseTickets(tickets, reading));
          agree(() => parseCustomers(customers, reading));
          expect(outcome(() => parseTicketsOrThrow(tickets, reading))).toStrictEqual(
            withoutFastPath(() => outcome(() => parseTicketsOrThrow(tickets, reading))),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('parseJourneyEvents and parseCarts: valid and spoiled rows, under every time reading', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...READINGS),
        mixed(rawJourneyEvent, undefined, EVENT_FIELDS),
        mixed(rawCart, undefined, CART_FIELDS),
        (reading, events, carts) => {
          agree(() => parseJourneyEvents(events, reading));
          agree(() => parseCarts(carts, reading));
          expect(outcome(() => parseCartsOrThrow(carts, reading))).toStrictEqual(
            withoutFastPath(() => outcome(() => parseCartsOrThrow(carts, reading))),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every hostile cell in every field of an otherwise valid row, in every parser', () => {
    const bases: [(rows: unknown[], options: object) => ParseResult<unknown>, Row, readonly string[]][] = [
      [
        parseResponses,
        { type: 'nps', submittedAt: '2026-05-01T10:30', score: '9', channel: 'web', segment: 'a' },
        RESPONSE_FIELDS,
      ],
      [
        parseResponses,
        { type: 'ces', submittedAt: 1_777_631_400_000, weight: 1, journeyStage: 'usage' },
        RESPONSE_FIELDS,
      ],
      [
        parseTickets,
        { id: 'T-1', createdAt: '2026-05-01', resolvedAt: '2026-05-02', reopens: 1, reopenedAt: '2026-05-03' },
        TICKET_FIELDS,
      ],
      [
        parseCustomers,
        { id: 'C-1', startedAt: '2026-01-01', endedAt: '2026-03-01', mrr: '9.5', plan: 'pro' },
        CUSTOMER_FIELDS,
      ],
      [parseJourneyEvents, { customerId: 'c', stage: 'visit', at: '2026-05-01', device: 'mobile' }, EVENT_FIELDS],
      [parseCarts, { cartId: 'k', createdAt: '2026-05-01', purchasedAt: '2026-05-01T01:00', value: 3 }, CART_FIELDS],
    ];
    for (const reading of READINGS) {
      for (const [parse, base, fields] of bases) {
        const rows = fields.flatMap((field) => HOSTILE.map((cell) => ({ ...base, [field]: cell })));
        agree(() => parse(rows, reading));
        if (reading !== READINGS[0]) continue;
        // Every cell inherited (zod reads and counts it through the prototype), and no prototype.
        const inherited = rows.map((row) => Object.create(row));
        const bare = rows.map((row) => Object.assign(Object.create(null), row));
        agree(() => parse(inherited, reading));
        agree(() => parse(bare, reading));
      }
    }
  });

  it('the fast path takes every valid row itself (none is left to zod)', () => {
    const responses = fastPathOf(surveyResponseSchema);
    const tickets = fastPathOf(ticketSchema);
    const customers = fastPathOf(customerSchema);
    expect([responses, tickets, customers].every((f) => typeof f === 'function')).toBe(true);
    fc.assert(
      fc.property(responseRow(), ticketRow(), customerRow(), (response, ticket, customer) => {
        expect(responses?.(response)).not.toBe(UNSURE);
        expect(tickets?.(ticket)).not.toBe(UNSURE);
        expect(customers?.(customer)).not.toBe(UNSURE);
      }),
    );
    const custom = createSurveyResponseSchema({ csatScale: { min: 1, max: 7 } });
    expect(fastPathOf(custom)?.({ type: 'csat', submittedAt: '2026-05-01', score: '7' })).toStrictEqual({
      type: 'csat',
      submittedAt: new Date('2026-05-01T00:00:00Z'),
      score: 7,
    });
    expect(withoutFastPath(() => fastPathOf(surveyResponseSchema))).toBeUndefined();
  });
});
