import { describe, expect, it } from 'vitest';
import {
  customerRow,
  faultyCustomerRow,
  faultyResponseRow,
  faultyTicketRow,
  type RawRow,
  responseRow,
  ticketRow,
} from '../../src/arbitraries/index.ts';
import { parseCustomers, parseResponses, parseTickets } from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';
import { thrown } from '../helpers/thrown.ts';

// Rows drawn under an export's own column names (the parsers' `columns` option): they parse with
// the same `columns`, and renamed back to the fields by hand they parse without.
const SEED = 20261202;
const run = { seed: SEED, numRuns: 80 };

function back(row: RawRow, columns: Record<string, string>): RawRow {
  const field = new Map(Object.entries(columns).map(([f, c]) => [c, f]));
  return Object.fromEntries(Object.entries(row).map(([key, cell]) => [field.get(key) ?? key, cell]));
}

const responseColumns = { submittedAt: 'submitted_at', score: 'nps_score', respondentId: 'id' };
const ticketColumns = { id: 'ticket_id', createdAt: 'created_at', resolvedAt: 'solved_at', reopens: 'reopen_count' };
const customerColumns = { id: 'account', startedAt: 'start_date', mrr: 'MRR' };

describe('columns', () => {
  it('rows come under the mapped column names, and under the fields again they parse', () => {
    fc.assert(
      fc.property(
        fc.array(responseRow({ columns: responseColumns }), { maxLength: 8 }),
        fc.array(ticketRow({ columns: ticketColumns }), { maxLength: 8 }),
        fc.array(customerRow({ columns: customerColumns }), { maxLength: 8 }),
        (responses, tickets, customers) => {
          for (const row of responses) {
            expect('submittedAt' in row || 'score' in row).toBe(false);
            expect('submitted_at' in row).toBe(true);
          }
          for (const row of tickets) expect(Object.keys(row)).toContain('ticket_id');
          for (const row of customers) expect(Object.keys(row)).toContain('start_date');
          expect(parseResponses(responses, { columns: responseColumns }).errors).toEqual([]);
          expect(parseTickets(tickets, { columns: ticketColumns }).errors).toEqual([]);
          expect(parseCustomers(customers, { columns: customerColumns }).errors).toEqual([]);
          expect(parseResponses(responses.map((r) => back(r, responseColumns))).errors).toEqual([]);
          expect(parseTickets(tickets.map((r) => back(r, ticketColumns))).errors).toEqual([]);
          expect(parseCustomers(customers.map((r) => back(r, customerColumns))).errors).toEqual([]);
        },
      ),
      run,
    );
  });

  it("a field whose name another field's column takes has no column ({ respondentId: 'id' } leaves the response id out)", () => {
    const rows = fc.sample(responseRow({ columns: { respondentId: 'id' } }), { seed: SEED, numRuns: 300 });
    const parsed = parseResponses(rows.map((r) => back(r, { respondentId: 'id' }))).data;
    expect(parsed.some((r) => r.respondentId !== undefined)).toBe(true);
    expect(parsed.every((r) => r.id === undefined)).toBe(true);
  });

  it('faulty rows come under the mapped names; the path stays the field, never one left without a column', () => {
    fc.assert(
      fc.property(
        faultyResponseRow({ columns: responseColumns }),
        faultyTicketRow({ columns: ticketColumns }),
        faultyCustomerRow({ columns: customerColumns }),
        (r, t, c) => {
          expect(
            parseResponses([back(r.row, responseColumns)]).errors.map((e) => e.path),
            r.fault,
          ).toEqual([r.path]);
          expect(
            parseTickets([back(t.row, ticketColumns)]).errors.map((e) => e.path),
            t.fault,
          ).toEqual([t.path]);
          expect(
            parseCustomers([back(c.row, customerColumns)]).errors.map((e) => e.path),
            c.fault,
          ).toEqual([c.path]);
          expect(parseResponses([r.row], { columns: responseColumns }).errors.map((e) => e.path)).toEqual([r.path]);
          expect(parseTickets([t.row], { columns: ticketColumns }).errors.map((e) => e.path)).toEqual([t.path]);
          expect(parseCustomers([c.row], { columns: customerColumns }).errors.map((e) => e.path)).toEqual([c.path]);
          expect(r.path).not.toEqual(['id']);
        },
      ),
      run,
    );
  });

  it.each([
    [
      'an unknown field',
      () => ticketRow({ columns: { createdAT: 'created' } }),
      'ticketRow: columns names an unknown field "createdAT"; did you mean \'createdAt\'?',
    ],
    [
      'one column for two fields',
      () => customerRow({ columns: { startedAt: 'date', endedAt: 'date' } }),
      'customerRow: columns.endedAt is "date"; expected a column name (a non-empty string, one per field)',
    ],
    [
      'a required field left without a column',
      () => faultyTicketRow({ columns: { customerId: 'id' } }),
      "faultyTicketRow: columns.customerId is 'id', the name of the required field id, which then has no column; map id to a column too",
    ],
    [
      'columns that are not an object',
      () => responseRow({ columns: 'submitted_at' as never }),
      'responseRow: columns is "submitted_at"; expected an object mapping fields to column names, e.g. { submittedAt: \'submitted_at\' }',
    ],
  ])('%s fails INVALID_OPTION', (_, call, message) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(message);
  });
});
