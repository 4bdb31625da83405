import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBResultReader } from '@duckdb/node-api';
import {
  Bool,
  DateDay,
  Int32,
  makeData,
  makeVector,
  Table,
  TimestampMicrosecond,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { churn, fcr, firstResponseTime, retentionCurve, slaAttainment, summarize, ttr } from '../../src/index.ts';
import { loadSampleTickets, SAMPLE_TICKETS_AS_OF } from '../helpers/sampleTickets.ts';
import { readData } from './compare.ts';

// A DuckDB → Arrow round trip: the bundled tickets and subscriptions loaded into DuckDB, queried
// with the columns aliased to the record fields, and handed over as Arrow the way DuckDB's Arrow
// export does (TIMESTAMPTZ as Timestamp<MICROSECOND> from its int64 micros, DATE as Date32,
// INTEGER as Int32, BOOLEAN as Bool, VARCHAR as Utf8). @duckdb/node-api has no Arrow reader of
// its own, so its raw column values (micros, days) are put into Arrow buffers as they are.

const ticketsCsv = readData('../../examples/data/tickets.csv');
const subscriptions = readData('../../examples/data/subscriptions.csv');
const tickets = loadSampleTickets();
const asOf = SAMPLE_TICKETS_AS_OF;
const asAny = <T>(x: unknown) => x as T;

let run: (sql: string) => Promise<DuckDBResultReader>;
let close: () => void;
beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  run = (sql) => connection.runAndReadAll(sql);
  close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  // DuckDB reads the CSV files itself, with the types declared as in test/sql/engines.ts.
  const dir = mkdtempSync(join(tmpdir(), 'cx-arrow-'));
  writeFileSync(join(dir, 'tickets.csv'), ticketsCsv.text);
  writeFileSync(join(dir, 'subscriptions.csv'), subscriptions.text);
  await connection.run(
    `CREATE TABLE tickets (id TEXT, customer_id TEXT, created_at TIMESTAMPTZ, first_response_at TIMESTAMPTZ,
      resolved_at TIMESTAMPTZ, reopened_at TIMESTAMPTZ, agent_replies INTEGER, customer_contacts INTEGER,
      channel TEXT, first_contact_resolved BOOLEAN)`,
  );
  await connection.run(`COPY tickets FROM '${join(dir, 'tickets.csv')}' (FORMAT csv, HEADER true)`);
  await connection.run(
    'CREATE TABLE subscriptions (id TEXT, started_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, plan TEXT, mrr DOUBLE, mrr_2025_01_01 DOUBLE)',
  );
  await connection.run(`COPY subscriptions FROM '${join(dir, 'subscriptions.csv')}' (FORMAT csv, HEADER true)`);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);
afterAll(() => close?.());

function validity(values: readonly unknown[]) {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] as number) | (1 << (i & 7));
  });
  return { nullBitmap, nullCount, length: values.length };
}

/** A DuckDB result as an Arrow table, column by column in DuckDB's own units. */
function toArrow(result: DuckDBResultReader): Table {
  const names = result.columnNames();
  const types = result.columnTypes().map(String);
  const columns = result.getColumns();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, k) => {
    const values = columns[k] as unknown[];
    const type = types[k] as string;
    if (type.startsWith('TIMESTAMP')) {
      const data = BigInt64Array.from(values, (v) => (v === null ? 0n : (v as { micros: bigint }).micros));
      vectors[name] = makeVector(makeData({ type: new TimestampMicrosecond('UTC'), data, ...validity(values) }));
    } else if (type === 'DATE') {
      const data = Int32Array.from(values, (v) => (v === null ? 0 : (v as { days: number }).days));
      vectors[name] = makeVector(makeData({ type: new DateDay(), data, ...validity(values) }));
    } else if (type === 'INTEGER') {
      vectors[name] = vectorFromArray(values as (number | null)[], new Int32());
    } else if (type === 'BOOLEAN') {
      vectors[name] = vectorFromArray(values as (boolean | null)[], new Bool());
    } else {
      vectors[name] = vectorFromArray(values as (string | null)[], new Utf8());
    }
  });
  return new Table(vectors);
}

const TICKETS_AS_FIELDS = `SELECT id, customer_id AS "customerId", created_at AS "createdAt",
  first_response_at AS "firstResponseAt", resolved_at AS "resolvedAt", reopened_at AS "reopenedAt",
  agent_replies AS "agentReplies", customer_contacts AS "customerContacts",
  first_contact_resolved AS "firstContactResolved" FROM tickets`;

describe('DuckDB → Arrow → the record metrics', () => {
  it('tickets: ttr, firstResponseTime, slaAttainment and fcr equal the parsed records exactly', async () => {
    const table = toArrow(await run(TICKETS_AS_FIELDS));
    expect(String(table.getChild('createdAt')?.type)).toBe('Timestamp<MICROSECOND, UTC>');
    expect(table.numRows).toBe(tickets.length);
    const t = asAny<never>(table);
    expect(ttr(t, { asOf })).toEqual(ttr(tickets, { asOf }));
    expect(ttr(t, { asOf }).open).toBe(17); // the README's 17 open tickets
    expect(firstResponseTime(t, { asOf })).toEqual(firstResponseTime(tickets, { asOf }));
    for (const field of ['resolution', 'firstResponse'] as const) {
      expect(slaAttainment(t, 4 * 3_600_000, { asOf, field })).toEqual(
        slaAttainment(tickets, 4 * 3_600_000, { asOf, field }),
      );
    }
    for (const definition of ['one-touch', 'single-contact', 'no-reopen', 'no-repeat-within', 'reported'] as const) {
      const o = { definition, asOf, missing: 'exclude' as const };
      expect(fcr(t, o), definition).toEqual(fcr(tickets, o));
    }
    expect(summarize('ttr', t, { asOf })).toEqual(summarize('ttr', tickets, { asOf }));
  });

  it('subscriptions: churn and retentionCurve equal the records, from TIMESTAMPTZ and from DATE columns', async () => {
    const customers = subscriptions.rows.map((r) => ({
      id: r.id as string,
      startedAt: r.started_at as string,
      endedAt: r.ended_at ? (r.ended_at as string) : null,
    }));
    // DATE columns (Date32) carry the calendar day: the records' dates, midnight UTC.
    const days = customers.map((c) => ({
      ...c,
      startedAt: c.startedAt.slice(0, 10),
      endedAt: c.endedAt?.slice(0, 10) ?? null,
    }));
    const window = { from: '2025-03-01', to: '2025-06-01' };
    const exposure = { ...window, definition: 'exposure' as const };
    for (const [sql, records] of [
      ['SELECT id, started_at AS "startedAt", ended_at AS "endedAt" FROM subscriptions', customers],
      [
        `SELECT id, CAST(started_at AT TIME ZONE 'UTC' AS DATE) AS "startedAt",
          CAST(ended_at AT TIME ZONE 'UTC' AS DATE) AS "endedAt" FROM subscriptions`,
        days,
      ],
    ] as const) {
      const result = await run(sql);
      const table = asAny<never>(toArrow(result));
      expect(churn(table, window)).toEqual(churn(records, window));
      expect(churn(table, exposure)).toEqual(churn(records, exposure));
      expect(retentionCurve(table, { asOf: '2026-01-01' })).toEqual(retentionCurve(records, { asOf: '2026-01-01' }));
    }
    const dated = toArrow(await run(`SELECT CAST(started_at AT TIME ZONE 'UTC' AS DATE) AS d FROM subscriptions`));
    expect(String(dated.getChild('d')?.type)).toBe('Date32<DAY>');
  });

  it('the table as DuckDB names its columns fails naming what is missing and what is there', async () => {
    const raw = asAny<never>(toArrow(await run('SELECT id, created_at, resolved_at FROM tickets')));
    expect(() => ttr(raw, { asOf })).toThrow(
      'ttr: the Arrow table has no column "createdAt", which this metric reads (it has "id", "created_at", "resolved_at")',
    );
  });
});
