import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarPeriod, nextPeriod, type Summary, type SummaryMetric, summarize } from '../../src/index.ts';
import type { SqlPeriod } from '../../src/sql/index.ts';
import { expectSameSummaries, viaSql } from './compare.ts';
import { type Engine, openDuckDb, openPostgres } from './engines.ts';
import {
  ANCHORS,
  AS_OF,
  CONTACT_COLUMNS,
  type Contact,
  contacts,
  contactsSql,
  fingerprint,
  fingerprintSql,
  GROUP,
} from './generated.ts';

// The SQL path against the in-memory path on a million generated rows, on both engines, for
// every metric summaryQuery writes that a contact table holds (nps, csat, ces, ttr,
// first-response, sla, fcr, churn), grouped and bucketed by calendar periods in Europe/Berlin
// (day, week, month, quarter) across month ends and both DST changes: counts exactly, every other
// number of the summaries and of their estimates to 1e-12.
//
// The rows are generated inside each engine from one integer formula (generated.ts) — DuckDB
// stores them (CREATE TABLE … AS), PostgreSQL (PGlite) reads them through a view, as writing a
// million rows into PGlite's in-memory file system costs ten times the queries — and in
// JavaScript by the same formula; the first test proves the two agree. The insert path (COPY of
// CSV text) is covered by the generated rows of survey.engines.test.ts.
// CX_SQL_MILLION=<n> runs another size.

const N = Number(process.env.CX_SQL_MILLION ?? 1_000_000);
const rows = contacts(N);
const asOf = new Date(AS_OF).toISOString();
const BERLIN = 'Europe/Berlin';

const tickets = rows.map((c) => ({
  createdAt: c.at,
  firstResponseAt: c.firstResponseAt,
  resolvedAt: c.resolvedAt,
  reopenedAt: c.reopenedAt,
  agentReplies: c.agentReplies,
  customerContacts: c.customerContacts,
  firstContactResolved: c.firstContactResolved,
  customerId: c.customerId,
}));
const TICKET_COLUMNS = {
  createdAt: 'at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  reopenedAt: 'reopened_at',
  agentReplies: 'agent_replies',
  customerContacts: 'customer_contacts',
  firstContactResolved: 'first_contact_resolved',
  customerId: 'customer_id',
};

/** The calendar period label of an instant, by calendarPeriod's boundaries over the data's span (binary search). */
function periodsOf(unit: SqlPeriod['unit'], timeZone: string): (ms: number) => string {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const c of rows) {
    lo = Math.min(lo, c.at);
    hi = Math.max(hi, c.at);
  }
  const starts: number[] = [];
  const labels: string[] = [];
  for (let p = calendarPeriod(lo, { period: unit, timeZone }); Date.parse(p.start) <= hi; p = nextPeriod(p)) {
    starts.push(Date.parse(p.start));
    labels.push(p.label);
  }
  return (ms) => {
    let a = 0;
    let b = starts.length - 1;
    while (a < b) {
      const m = (a + b + 1) >> 1;
      if ((starts[m] as number) <= ms) a = m;
      else b = m - 1;
    }
    return labels[a] as string;
  };
}

/** In memory: the rows split by group value(s) and period label, each part summarized. */
function inMemory<T>(
  items: readonly T[],
  key: (c: Contact) => unknown[],
  summary: (part: T[]) => Summary,
): Map<string, Summary> {
  const parts = new Map<string, T[]>();
  items.forEach((item, i) => {
    const k = JSON.stringify(key(rows[i] as Contact));
    const part = parts.get(k);
    if (part === undefined) parts.set(k, [item]);
    else part.push(item);
  });
  const out = new Map<string, Summary>();
  for (const [k, part] of parts) out.set(k, summary(part));
  return out;
}

/** Each in-memory result once, shared by both engines. */
const memo = new Map<string, Map<string, Summary>>();
function expected(name: string, compute: () => Map<string, Summary>): Map<string, Summary> {
  let out = memo.get(name);
  if (out === undefined) {
    out = compute();
    memo.set(name, out);
  }
  return out;
}

const dynamicSummarize = summarize as (metric: SummaryMetric, input: unknown, options?: unknown) => Summary;

const engines: Engine[] = [];
beforeAll(async () => {
  engines.push(await openDuckDb(), await openPostgres());
  for (const e of engines) {
    await e.query(`CREATE ${e.dialect === 'duckdb' ? 'TABLE' : 'VIEW'} contacts AS ${contactsSql(e.dialect, N)}`);
  }
}, 600_000);
afterAll(async () => {
  for (const e of engines) await e.close();
});

describe.each([0, 1])(`${N} generated rows, engine %#`, (index) => {
  const engine = () => engines[index] as Engine;

  it('the engine holds the rows of the formula: the first and last 1000 read back, and a fingerprint of all', async () => {
    const e = engine();
    const names = CONTACT_COLUMNS.map(([name]) => `"${name.replaceAll('"', '""')}"`);
    const ms = (c: string) =>
      e.dialect === 'duckdb' ? `epoch_ms(${c})` : `CAST(FLOOR(EXTRACT(EPOCH FROM ${c}) * 1000) AS BIGINT)`;
    const select = CONTACT_COLUMNS.map(([, type], k) =>
      type === 'TIMESTAMPTZ' ? `${ms(names[k] as string)} AS ${names[k]}` : names[k],
    );
    const read = await e.query(
      `SELECT ${select.join(', ')} FROM contacts WHERE "i" < 1000 OR "i" >= ${N - 1000} ORDER BY "i"`,
    );
    const want = rows.filter((c) => c.i < 1000 || c.i >= N - 1000);
    expect(read.length).toBe(want.length);
    read.forEach((r, k) => {
      const c = want[k] as Contact;
      const got = Object.values(r).map((v) =>
        typeof v === 'bigint' || (typeof v === 'string' && /^\d+$/.test(v)) ? Number(v) : v,
      );
      expect(got).toEqual([
        c.i,
        c.nps,
        c.csat,
        c.ces,
        c.w,
        c.group,
        c.at,
        c.firstResponseAt,
        c.resolvedAt,
        c.reopenedAt,
        c.agentReplies,
        c.customerContacts,
        c.firstContactResolved,
        c.customerId,
        c.startedAt,
        c.endedAt,
        c.plan,
      ]);
    });
    const [sums] = await e.query(fingerprintSql(e.dialect, 'contacts'));
    const big = Object.fromEntries(Object.entries(sums ?? {}).map(([k, v]) => [k, BigInt(String(v ?? 0))]));
    expect(big).toEqual(fingerprint(rows));
    // The data reaches what the checks below are about.
    expect(rows.filter((c) => ANCHORS.some((a) => Math.abs(c.at - a) < 3_600_000)).length).toBeGreaterThan(N / 100);
  }, 600_000);

  it('weighted NPS per hostile-named group and ISO week in Berlin', async () => {
    const week = periodsOf('week', BERLIN);
    const sql = await viaSql(engine(), 'nps', {
      table: 'contacts',
      columns: { score: 'nps', weight: 'w' },
      groupBy: [GROUP],
      period: { column: 'at', unit: 'week', timeZone: BERLIN },
    });
    expectSameSummaries(
      sql,
      expected('nps', () =>
        inMemory(
          rows,
          (c) => [c.group, week(c.at)],
          (part) =>
            summarize(
              'nps',
              part.map((c) => c.nps),
              { weights: part.map((c) => c.w) },
            ),
        ),
      ),
    );
  }, 600_000);

  it('CSAT (1-5) per group and month, CES (1-7) per day in Berlin', async () => {
    const month = periodsOf('month', BERLIN);
    const csat = await viaSql(engine(), 'csat', {
      table: 'contacts',
      columns: { score: 'csat' },
      scale: '1-5',
      groupBy: GROUP,
      period: { column: 'at', unit: 'month', timeZone: BERLIN },
    });
    expectSameSummaries(
      csat,
      expected('csat', () =>
        inMemory(
          rows,
          (c) => [c.group, month(c.at)],
          (part) =>
            summarize(
              'csat',
              part.map((c) => c.csat),
              { scale: '1-5' },
            ),
        ),
      ),
    );
    const day = periodsOf('day', BERLIN);
    const ces = await viaSql(engine(), 'ces', {
      table: 'contacts',
      columns: { score: 'ces' },
      scale: { min: 1, max: 7 },
      period: { column: 'at', unit: 'day', timeZone: BERLIN },
    });
    expectSameSummaries(
      ces,
      expected('ces', () =>
        inMemory(
          rows,
          (c) => [day(c.at)],
          (part) =>
            summarize(
              'ces',
              part.map((c) => c.ces),
              { scale: { min: 1, max: 7 } },
            ),
        ),
      ),
    );
  }, 600_000);

  it('ttr per month in Berlin and first-response per group: open tickets censored at asOf', async () => {
    const month = periodsOf('month', BERLIN);
    const ttr = await viaSql(engine(), 'ttr', {
      table: 'contacts',
      columns: TICKET_COLUMNS,
      asOf,
      period: { column: 'at', unit: 'month', timeZone: BERLIN },
    });
    expectSameSummaries(
      ttr,
      expected('ttr', () =>
        inMemory(
          tickets,
          (c) => [month(c.at)],
          (part) => dynamicSummarize('ttr', part, { asOf }),
        ),
      ),
    );
    const first = await viaSql(engine(), 'first-response', {
      table: 'contacts',
      columns: TICKET_COLUMNS,
      asOf,
      groupBy: GROUP,
    });
    expectSameSummaries(
      first,
      expected('first-response', () =>
        inMemory(
          tickets,
          (c) => [c.group],
          (part) => dynamicSummarize('first-response', part, { asOf }),
        ),
      ),
    );
  }, 600_000);

  it('SLA (resolution within 24 h) per group and day in Berlin', async () => {
    const day = periodsOf('day', BERLIN);
    const options = { asOf, targetMs: 24 * 3_600_000 };
    const sql = await viaSql(engine(), 'sla', {
      table: 'contacts',
      columns: TICKET_COLUMNS,
      ...options,
      groupBy: GROUP,
      period: { column: 'at', unit: 'day', timeZone: BERLIN },
    });
    expectSameSummaries(
      sql,
      expected('sla', () =>
        inMemory(
          tickets,
          (c) => [c.group, day(c.at)],
          (part) => dynamicSummarize('sla', part, options),
        ),
      ),
    );
  }, 600_000);

  it.each([
    ['one-touch', { missing: 'exclude' }],
    ['no-reopen', {}],
  ] as const)(
    'FCR (%s) per group and quarter in Berlin',
    async (definition, extra) => {
      const quarter = periodsOf('quarter', BERLIN);
      const options = { asOf, definition, ...extra };
      const sql = await viaSql(engine(), 'fcr', {
        table: 'contacts',
        columns: TICKET_COLUMNS,
        ...options,
        groupBy: GROUP,
        period: { column: 'at', unit: 'quarter', timeZone: BERLIN },
      });
      expectSameSummaries(
        sql,
        expected(`fcr ${definition}`, () =>
          inMemory(
            tickets,
            (c) => [c.group, quarter(c.at)],
            (part) => dynamicSummarize('fcr', part, options),
          ),
        ),
      );
    },
    120_000,
  );

  it.each([{ definition: 'cohort' }, { definition: 'exposure', unit: 'month' }] as const)(
    'churn %j over the first half of 2026 per plan',
    async (extra) => {
      const options = { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', ...extra };
      const sql = await viaSql(engine(), 'churn', {
        table: 'contacts',
        columns: { startedAt: 'started_at', endedAt: 'ended_at' },
        ...options,
        groupBy: 'plan',
      });
      expectSameSummaries(
        sql,
        expected(`churn ${extra.definition}`, () =>
          inMemory(
            rows.map((c) => ({ startedAt: c.startedAt, endedAt: c.endedAt })),
            (c) => [c.plan],
            (part) => dynamicSummarize('churn', part, options),
          ),
        ),
      );
    },
    120_000,
  );
});
