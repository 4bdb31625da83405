import {
  Dictionary,
  Float64,
  Int32,
  Int64,
  Table,
  tableFromArrays,
  tableFromJSON,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { churn, fcr, firstResponseTime, retentionCurve, slaAttainment, summarize, ttr } from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';
import { TIME_UNITS, timeVector } from './arrowTables.ts';

// Arrow tables of tickets and customers (the shape DuckDB, Polars and Arrow notebooks hand over):
// the record metrics read the columns named as the record fields, with the record path's numbers
// and its errors, plus the errors only a table can have (a missing column, a wrong column type).

const asAny = <T>(x: unknown) => x as T;
const H = 3_600_000;
const t0 = Date.UTC(2026, 4, 1, 9);
const tickets = [
  { id: 'T-1', customerId: 7, createdAt: t0, firstResponseAt: t0 + H / 4, resolvedAt: t0 + 2 * H, agentReplies: 1 },
  { id: 'T-2', customerId: 8, createdAt: t0 + H, firstResponseAt: null, resolvedAt: t0 + 5 * H, agentReplies: 3 },
  {
    id: 'T-3',
    customerId: 7,
    createdAt: t0 + 3 * H,
    firstResponseAt: t0 + 4 * H,
    resolvedAt: null,
    agentReplies: null,
  },
  {
    id: 'T-4',
    customerId: 9,
    createdAt: t0 + 4 * H,
    firstResponseAt: t0 + 6 * H,
    resolvedAt: t0 + 7 * H,
    agentReplies: 0,
  },
];
const asOf = new Date(t0 + 10 * H);
const pick = <K extends keyof (typeof tickets)[number]>(k: K) => tickets.map((t) => t[k]);

/** The tickets as a table with time columns in `unit`, other columns as given (or left out). */
function ticketTable(unit: (typeof TIME_UNITS)[number] = 'ms', extra: Record<string, Vector> = {}) {
  return new Table({
    id: vectorFromArray(pick('id'), new Utf8()),
    customerId: vectorFromArray(pick('customerId'), new Int32()),
    createdAt: timeVector(pick('createdAt'), unit),
    firstResponseAt: timeVector(pick('firstResponseAt'), unit),
    resolvedAt: timeVector(pick('resolvedAt'), unit),
    agentReplies: vectorFromArray(pick('agentReplies'), new Float64()),
    ...extra,
  });
}

describe('Arrow tables of tickets', () => {
  it('tableFromArrays of Dates (Timestamp<MILLISECOND> columns) equals the records, result and summary', () => {
    const table = tableFromArrays({
      id: pick('id'),
      createdAt: pick('createdAt').map((ms) => new Date(ms)),
      firstResponseAt: pick('firstResponseAt').map((ms) => (ms === null ? null : new Date(ms))),
      resolvedAt: pick('resolvedAt').map((ms) => (ms === null ? null : new Date(ms))),
    });
    expect(String(table.getChild('createdAt')?.type)).toBe('Timestamp<MILLISECOND>');
    // Typed: apache-arrow's Table fits every record metric's input as it is, no cast.
    const t = table;
    expect(ttr(t, { asOf })).toEqual(ttr(tickets, { asOf }));
    expect(ttr(t, { asOf }).open).toBe(1);
    expect(firstResponseTime(t, { asOf })).toEqual(firstResponseTime(tickets, { asOf }));
    expect(slaAttainment(t, 3 * H, { asOf })).toEqual(slaAttainment(tickets, 3 * H, { asOf }));
    expect(summarize('ttr', t, { asOf })).toEqual(summarize('ttr', tickets, { asOf }));
    expect(summarize('sla', t, { targetMs: 3 * H, asOf, field: 'firstResponse' })).toEqual(
      summarize('sla', tickets, { targetMs: 3 * H, asOf, field: 'firstResponse' }),
    );
  });

  it('every time unit (Timestamp s/ms/µs/ns, Date64) gives the same numbers, on business hours too', () => {
    const hours = [['08:00', '12:00']] as const;
    const businessHours = { timeZone: 'Europe/Berlin', week: { fri: hours, mon: hours } };
    const expected = ttr(tickets, { asOf, businessHours });
    expect(expected.clock).toBe('business');
    for (const unit of ['s', 'ms', 'us', 'ns', 'date64'] as const) {
      expect(ttr(asAny<never>(ticketTable(unit)), { asOf, businessHours }), unit).toEqual(expected);
    }
  });

  it('Date32 columns are whole days: the same as records at midnight UTC', () => {
    const day = 86_400_000;
    const days = [
      { createdAt: t0 - (t0 % day), resolvedAt: t0 - (t0 % day) + 2 * day },
      { createdAt: t0 - (t0 % day) + day, resolvedAt: null },
    ];
    const table = new Table({
      createdAt: timeVector(
        days.map((d) => d.createdAt),
        'date32',
      ),
      resolvedAt: timeVector(
        days.map((d) => d.resolvedAt),
        'date32',
      ),
    });
    const o = { asOf: new Date(t0 + 5 * day) };
    expect(ttr(asAny<never>(table), o)).toEqual(ttr(days, o));
  });

  it('fcr reads the definition’s column: counts as doubles or 64-bit integers, ids dictionary-encoded', () => {
    const o = { definition: 'one-touch' as const, asOf };
    const expected = fcr(tickets, o);
    expect([expected.firstContact, expected.n, expected.unresolved]).toEqual([2, 3, 1]);
    expect(fcr(asAny<never>(ticketTable()), o)).toEqual(expected);
    const int64 = vectorFromArray(
      pick('agentReplies').map((n) => (n === null ? null : BigInt(n))),
      new Int64(),
    );
    expect(fcr(asAny<never>(ticketTable('us', { agentReplies: int64 })), o)).toEqual(expected);
    const repeat = { definition: 'no-repeat-within' as const, windowMs: 2 * H, asOf };
    const ids = vectorFromArray(
      pick('customerId').map((c) => `C-${c}`),
      new Dictionary(new Utf8(), new Int32()),
    );
    const records = tickets.map((t) => ({ ...t, customerId: `C-${t.customerId}` }));
    expect(fcr(asAny<never>(ticketTable('ms', { customerId: ids })), repeat)).toEqual(fcr(records, repeat));
    expect(summarize('fcr', asAny<never>(ticketTable()), o)).toEqual(summarize('fcr', tickets, o));
  });

  it("fcr 'no-reopen' reads reopenedAt, reopens or both, whichever columns the table has", () => {
    const reopens = [0, 2, null, 0];
    const records = tickets.map((t, i) => ({ ...t, reopens: reopens[i] }));
    const o = { definition: 'no-reopen' as const, asOf };
    const table = ticketTable('ms', { reopens: vectorFromArray(reopens, new Int32()) });
    expect(fcr(asAny<never>(table), o)).toEqual(fcr(records, o));
    const e = thrown(() => fcr(asAny<never>(ticketTable()), o));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toBe(
      'fcr: the Arrow table has no column "reopenedAt" or "reopens", which definition \'no-reopen\' reads ' +
        '(it has "id", "customerId", "createdAt", "firstResponseAt", "resolvedAt", "agentReplies")',
    );
    const both = ticketTable('ms', {
      reopens: vectorFromArray(reopens, new Int32()),
      reopenedAt: timeVector([null, t0 + 2 * H, null, null], 'ms'),
    });
    const reopened = records.map((t, i) => ({ ...t, reopenedAt: i === 1 ? t0 + 2 * H : null }));
    expect(fcr(asAny<never>(both), o)).toEqual(fcr(reopened, o));
  });

  it('a missing column is INVALID_OPTION naming it and the table’s columns', () => {
    const table = asAny<never>(tableFromJSON([{ created_at: 1, resolved_at: 2 }]));
    const e = thrown(() => ttr(table, { asOf }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toBe(
      'ttr: the Arrow table has no column "createdAt", which this metric reads (it has "created_at", "resolved_at")',
    );
    const f = thrown(() => fcr(asAny<never>(ticketTable()), { definition: 'reported' }));
    expect([f.code, f.value]).toEqual(['INVALID_OPTION', 'firstContactResolved']);
    const noResolved = new Table({ createdAt: timeVector(pick('createdAt'), 'ms') });
    expect(thrown(() => slaAttainment(asAny<never>(noResolved), H, { asOf })).message).toMatch(
      /no column "resolvedAt"/,
    );
    // First response reads resolutions only where the export has them (none: no ticket closed unanswered).
    const answers = new Table({
      createdAt: timeVector(pick('createdAt'), 'ms'),
      firstResponseAt: timeVector(pick('firstResponseAt'), 'ms'),
    });
    const unresolved = tickets.map(({ resolvedAt: _, ...t }) => t);
    expect(firstResponseTime(asAny<never>(answers), { asOf })).toEqual(firstResponseTime(unresolved, { asOf }));
  });

  it('a column of the wrong type is INVALID_VALUE naming the column and its type', () => {
    const text = ticketTable('ms', { createdAt: vectorFromArray(['2026-05-01', '2026-05-02', 'x', 'y'], new Utf8()) });
    const e = thrown(() => ttr(asAny<never>(text), { asOf }));
    expect([e.code, e.value]).toEqual(['INVALID_VALUE', 'createdAt']);
    expect(e.message).toMatch(
      /column "createdAt" is of type Dictionary<Int32, Utf8>|column "createdAt" is of type Utf8/,
    );
    const numbers = ticketTable('ms', { resolvedAt: vectorFromArray(pick('createdAt'), new Float64()) });
    expect(thrown(() => ttr(asAny<never>(numbers), { asOf })).message).toMatch(
      /column "resolvedAt" is of type Float64; expected a Timestamp \(any unit\) or Date column/,
    );
    const replies = ticketTable('ms', { agentReplies: vectorFromArray(['1', '3', null, '0'], new Utf8()) });
    expect(thrown(() => fcr(asAny<never>(replies), { definition: 'one-touch', asOf })).message).toMatch(
      /column "agentReplies" is of type Utf8; expected an integer or floating-point column/,
    );
    const flags = ticketTable('ms', { firstContactResolved: vectorFromArray([1, 0, 1, 1], new Int32()) });
    expect(thrown(() => fcr(asAny<never>(flags), { definition: 'reported', asOf })).value).toBe('firstContactResolved');
  });

  it('bad values fail as in the record path: a null createdAt, an open ticket without asOf, a fractional count', () => {
    const created = [t0, null, t0, t0];
    const e = thrown(() => ttr(asAny<never>(ticketTable('ms', { createdAt: timeVector(created, 'ms') })), { asOf }));
    expect([e.code, e.index, e.message]).toEqual([
      'INVALID_VALUE',
      1,
      'ttr: ticket at index 1 (id "T-2") has no createdAt; expected an ISO-8601 date or date-time (without an offset it is UTC), epoch milliseconds or a valid Date',
    ]);
    const open = thrown(() => ttr(asAny<never>(ticketTable())));
    expect([open.code, open.index]).toEqual(['INVALID_OPTION', 2]);
    expect(open.message).toBe(thrown(() => ttr(tickets)).message);
    const fractional = ticketTable('ms', { agentReplies: vectorFromArray([1, 1.5, null, 0], new Float64()) });
    const f = thrown(() => fcr(asAny<never>(fractional), { definition: 'one-touch', asOf }));
    expect([f.code, f.index, f.message]).toEqual([
      'INVALID_VALUE',
      1,
      'fcr: ticket at index 1 (id "T-2"): agentReplies is 1.5; expected a whole number ≥ 0',
    ]);
    const before = ticketTable('ns', { resolvedAt: timeVector([t0 - 1, null, null, null], 'ns') });
    expect(thrown(() => ttr(asAny<never>(before), { asOf })).message).toMatch(
      /index 0 \(id "T-1"\): resolvedAt .* is before createdAt/,
    );
  });

  it('an id column of any type only labels messages', () => {
    const numericIds = ticketTable('ms', { id: vectorFromArray([1.5, 2.5, 3.5, 4.5], new Float64()) });
    expect(ttr(asAny<never>(numericIds), { asOf })).toEqual(ttr(tickets, { asOf }));
    const e = thrown(() => ttr(asAny<never>(numericIds)));
    expect(e.message).toMatch(/^ttr: ticket at index 2 \(id 3.5\) has no resolvedAt/);
  });

  it('an empty table is EMPTY_INPUT; events with a table is INVALID_OPTION', () => {
    const empty = new Table({ createdAt: timeVector([], 'ms'), resolvedAt: timeVector([], 'ms') });
    expect(thrown(() => ttr(asAny<never>(empty), { asOf })).code).toBe('EMPTY_INPUT');
    expect(thrown(() => ttr(asAny<never>(ticketTable()), { asOf, events: [true] })).code).toBe('INVALID_OPTION');
  });

  it('a table read does not change it', () => {
    const table = ticketTable('us');
    const before = JSON.stringify(table.toArray(), (_, v) => (typeof v === 'bigint' ? String(v) : v));
    ttr(asAny<never>(table), { asOf });
    fcr(asAny<never>(table), { definition: 'one-touch', asOf });
    expect(JSON.stringify(table.toArray(), (_, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(before);
  });
});

describe('Arrow tables of customers', () => {
  const day = 86_400_000;
  const c0 = Date.UTC(2025, 0, 1);
  const customers = [
    { id: 'a', startedAt: c0 + 9 * day, endedAt: c0 + 63 * day },
    { id: 'b', startedAt: c0 + 31 * day, endedAt: null },
    { id: 'c', startedAt: c0 + 50 * day, endedAt: c0 + 91 * day },
    { id: 'd', startedAt: c0 + 68 * day, endedAt: c0 + 78 * day },
  ];
  const table = (unit: (typeof TIME_UNITS)[number]) =>
    new Table({
      startedAt: timeVector(
        customers.map((c) => c.startedAt),
        unit,
      ),
      endedAt: timeVector(
        customers.map((c) => c.endedAt),
        unit,
      ),
    });
  const window = { from: '2025-03-01', to: '2025-04-01' };

  it('churn, retentionCurve and summarize read startedAt and endedAt in any unit (null = still active)', () => {
    for (const unit of TIME_UNITS) {
      const t = asAny<never>(table(unit));
      expect(churn(t, window), unit).toEqual(churn(customers, window));
      expect(churn(t, { ...window, definition: 'exposure' })).toEqual(
        churn(customers, { ...window, definition: 'exposure' }),
      );
      expect(summarize('churn', t, window)).toEqual(summarize('churn', customers, window));
      expect(retentionCurve(t, { asOf: '2025-05-01' })).toEqual(retentionCurve(customers, { asOf: '2025-05-01' }));
    }
    expect(churn(asAny<never>(table('ns')), window).value).toBe(1 / 3);
  });

  it('a missing endedAt column, a null startedAt and an endedAt before startedAt are refused', () => {
    const noEnd = new Table({ startedAt: timeVector([c0], 'ms') });
    const e = thrown(() => churn(asAny<never>(noEnd), window));
    expect([e.code, e.message]).toEqual([
      'INVALID_OPTION',
      'churn: the Arrow table has no column "endedAt", which this metric reads (it has "startedAt")',
    ]);
    const nullStart = new Table({ startedAt: timeVector([c0, null], 's'), endedAt: timeVector([null, null], 's') });
    expect([
      thrown(() => churn(asAny<never>(nullStart), window)).code,
      thrown(() => churn(asAny<never>(nullStart), window)).index,
    ]).toEqual(['INVALID_VALUE', 1]);
    const backwards = new Table({ startedAt: timeVector([c0 + day], 'ms'), endedAt: timeVector([c0], 'ms') });
    expect(thrown(() => retentionCurve(asAny<never>(backwards), { asOf: '2025-05-01' })).message).toMatch(
      /endedAt of the customer at index 0 \(2025-01-01T00:00:00.000Z\) is before its startedAt/,
    );
    // With an id column, the message is the records' own.
    const labelled = new Table({
      id: vectorFromArray(['a', 'b'], new Utf8()),
      startedAt: timeVector([c0, c0 + day], 'ms'),
      endedAt: timeVector([null, c0], 'ms'),
    });
    const records = [
      { id: 'a', startedAt: new Date(c0), endedAt: null },
      { id: 'b', startedAt: new Date(c0 + day), endedAt: new Date(c0) },
    ];
    expect(thrown(() => churn(asAny<never>(labelled), window)).message).toBe(
      thrown(() => churn(records, window)).message,
    );
    const wrong = new Table({ startedAt: vectorFromArray([c0], new Float64()), endedAt: timeVector([null], 'ms') });
    expect(thrown(() => churn(asAny<never>(wrong), window)).code).toBe('INVALID_VALUE');
  });
});
