import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  churn,
  estimate,
  fcr,
  firstResponseTime,
  type Summary,
  slaAttainment,
  summarize,
  ttr,
} from '../../src/index.ts';
import { type SqlMetric, type SummaryQueryOptions, summariesFromRows, summaryQuery } from '../../src/sql/index.ts';
import { FAMILIES } from '../../src/summary/registry.ts';
import type { DurationSummary } from '../../src/summary/types.ts';
import { loadSampleTickets, SAMPLE_TICKETS_AS_OF } from '../helpers/sampleTickets.ts';
import { expectSame, readData } from './compare.ts';
import { type Engine, openDuckDb, openPostgres } from './engines.ts';

// The support and churn summaries from SQL on both engines, on the bundled tickets and
// subscriptions: each checked against a summary computed by hand from the records (the contract
// in src/summary/types.ts), and its statistic against the in-memory metric function (ttr,
// firstResponseTime, slaAttainment, fcr, churn).

const tickets = loadSampleTickets();
const ticketsCsv = readData('../../examples/data/tickets.csv');
const subscriptions = readData('../../examples/data/subscriptions.csv');
const customers = subscriptions.rows.map((r) => ({
  id: r.id as string,
  startedAt: r.started_at as string,
  ...(r.ended_at ? { endedAt: r.ended_at } : {}),
}));
const asOf = SAMPLE_TICKETS_AS_OF;
const AS_OF = Date.parse(asOf);
const HOUR = 3_600_000;

const TICKET_COLUMNS = {
  createdAt: 'created_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  reopenedAt: 'reopened_at',
  agentReplies: 'agent_replies',
  customerContacts: 'customer_contacts',
  firstContactResolved: 'first_contact_resolved',
  customerId: 'customer_id',
};

const engines: Engine[] = [];
beforeAll(async () => {
  engines.push(await openDuckDb(), await openPostgres());
  for (const e of engines) {
    await e.load(
      'tickets',
      [
        'id TEXT',
        'customer_id TEXT',
        'created_at TIMESTAMPTZ',
        'first_response_at TIMESTAMPTZ',
        'resolved_at TIMESTAMPTZ',
        'reopened_at TIMESTAMPTZ',
        'agent_replies INTEGER',
        'customer_contacts INTEGER',
        'channel TEXT',
        'first_contact_resolved BOOLEAN',
      ],
      ticketsCsv.text,
    );
    await e.load(
      'subscriptions',
      [
        'id TEXT',
        'started_at TIMESTAMPTZ',
        'ended_at TIMESTAMPTZ',
        'plan TEXT',
        'mrr DOUBLE PRECISION',
        'mrr_2025_01_01 DOUBLE PRECISION',
      ],
      subscriptions.text,
    );
  }
}, 120_000);
afterAll(async () => {
  for (const e of engines) await e.close();
});

async function viaSql<M extends SqlMetric>(
  engine: Engine,
  metric: M,
  options: Omit<SummaryQueryOptions<M>, 'dialect'>,
) {
  const o = { ...options, dialect: engine.dialect } as SummaryQueryOptions<M>;
  const { text, params } = summaryQuery(metric, o);
  return summariesFromRows(metric, await engine.query(text, params), o);
}

const ms = (t: unknown) => (t === undefined || t === null ? undefined : Date.parse(t as string));

/** The duration table by hand: each ticket completed, open (censored at asOf) or closed unanswered. */
function durationTable(field: 'resolvedAt' | 'firstResponseAt'): Pick<
  DurationSummary,
  'times' | 'events' | 'censored'
> & {
  late: number;
  unanswered: number;
  swapped: number;
} {
  const table = new Map<number, [number, number]>();
  let late = 0;
  let unanswered = 0;
  let swapped = 0;
  for (const t of tickets) {
    const created = ms(t.createdAt) as number;
    let end = ms(t[field]);
    let resolved = field === 'firstResponseAt' ? ms(t.resolvedAt) : undefined;
    if (end !== undefined && resolved !== undefined && end > resolved) swapped++;
    if (end !== undefined && end > AS_OF) {
      end = undefined;
      late++;
    }
    if (resolved !== undefined && resolved > AS_OF) resolved = undefined;
    const [d, event] =
      end !== undefined ? [end - created, 1] : resolved !== undefined ? [resolved - created, 0] : [AS_OF - created, 0];
    if (end === undefined && resolved !== undefined) unanswered++;
    const entry = table.get(d) ?? [0, 0];
    entry[event === 1 ? 0 : 1]++;
    table.set(d, entry);
  }
  const times = [...table.keys()].sort((a, b) => a - b);
  return {
    times,
    events: times.map((t) => table.get(t)?.[0] as number),
    censored: times.map((t) => table.get(t)?.[1] as number),
    late,
    unanswered,
    swapped,
  };
}

/** Plain durations and events from a duration table, for ttr's plain-durations input. */
function expand(s: DurationSummary): { durations: number[]; events: boolean[] } {
  const durations: number[] = [];
  const events: boolean[] = [];
  s.times.forEach((t, i) => {
    for (let k = 0; k < (s.events[i] as number) + (s.censored[i] as number); k++) {
      durations.push(t);
      events.push(k < (s.events[i] as number));
    }
  });
  return { durations, events };
}

describe.each([0, 1])('engine %#', (index) => {
  const engine = () => engines[index] as Engine;

  it('ttr: the distinct resolution times, open tickets censored at asOf, as computed by hand and as ttr finds them', async () => {
    const [entry, ...rest] = await viaSql(engine(), 'ttr', { table: 'tickets', columns: TICKET_COLUMNS, asOf });
    expect(rest).toEqual([]);
    const s = entry?.summary as DurationSummary;
    const hand = durationTable('resolvedAt');
    expectSame(s, {
      kind: 'ttr-summary',
      version: 1,
      clock: 'elapsed',
      unit: 'ms',
      times: hand.times,
      events: hand.events,
      censored: hand.censored,
      ...(hand.late > 0 ? { notes: { AFTER_AS_OF: hand.late } } : {}),
    });
    expect(s.censored.reduce((a, b) => a + b, 0)).toBe(17); // the README's 17 open tickets
    const { durations, events } = expand(s);
    const viaTable = ttr(durations, { events });
    const inMemory = ttr(tickets, { asOf });
    expectSame(viaTable.median, inMemory.median);
    expectSame(viaTable.percentiles, inMemory.percentiles);
    expect([viaTable.n, viaTable.completed, viaTable.open]).toEqual([inMemory.n, inMemory.completed, inMemory.open]);
  });

  it('first-response: unanswered tickets closed are censored at their resolution, with the notes counted', async () => {
    const [entry] = await viaSql(engine(), 'first-response', { table: 'tickets', columns: TICKET_COLUMNS, asOf });
    const s = entry?.summary as DurationSummary;
    const hand = durationTable('firstResponseAt');
    const notes: Record<string, number> = {};
    if (hand.late > 0) notes.AFTER_AS_OF = hand.late;
    if (hand.swapped > 0) notes.RESPONSE_AFTER_RESOLUTION = hand.swapped;
    if (hand.unanswered > 0) notes.CLOSED_WITHOUT_RESPONSE = hand.unanswered;
    expectSame(s, {
      kind: 'first-response-summary',
      version: 1,
      clock: 'elapsed',
      unit: 'ms',
      times: hand.times,
      events: hand.events,
      censored: hand.censored,
      ...(Object.keys(notes).length > 0 ? { notes } : {}),
    });
    const { durations, events } = expand(s);
    expectSame(firstResponseTime(durations, { events }).median, firstResponseTime(tickets, { asOf }).median);
  });

  it('ttr per channel and month: the tables add up to the whole', async () => {
    const parts = await viaSql(engine(), 'ttr', {
      table: 'tickets',
      columns: TICKET_COLUMNS,
      asOf,
      groupBy: ['channel'],
      period: { column: 'created_at', unit: 'month', timeZone: 'America/New_York' },
    });
    const total = parts.reduce((n, p) => n + (p.summary as DurationSummary).events.reduce((a, b) => a + b, 0), 0);
    const censored = parts.reduce((n, p) => n + (p.summary as DurationSummary).censored.reduce((a, b) => a + b, 0), 0);
    expect([total, censored]).toEqual([tickets.length - 17, 17]);
  });

  it.each([
    ['resolution', 24 * HOUR],
    ['firstResponse', 1 * HOUR],
  ] as const)(
    'sla on %s within %d ms: met, missed, pending and excluded as slaAttainment counts them',
    async (field, targetMs) => {
      const [entry] = await viaSql(engine(), 'sla', {
        table: 'tickets',
        columns: TICKET_COLUMNS,
        asOf,
        targetMs,
        field,
      });
      const s = entry?.summary as { met: number; missed: number; pending: number; excluded: number };
      // By hand: completed within the target met; past it (or open past it, or closed unanswered
      // after waiting longer) missed; open within it pending; closed unanswered within it excluded.
      const hand = { met: 0, missed: 0, pending: 0, excluded: 0 };
      const end = field === 'resolution' ? 'resolvedAt' : 'firstResponseAt';
      for (const t of tickets) {
        const created = ms(t.createdAt) as number;
        const e = ms(t[end]);
        const r = field === 'firstResponse' ? ms(t.resolvedAt) : undefined;
        if (e !== undefined && e <= AS_OF) hand[e - created <= targetMs ? 'met' : 'missed']++;
        else if (r !== undefined && r <= AS_OF) hand[r - created > targetMs ? 'missed' : 'excluded']++;
        else hand[AS_OF - created >= targetMs ? 'missed' : 'pending']++;
      }
      expect({ met: s.met, missed: s.missed, pending: s.pending, excluded: s.excluded }).toEqual(hand);
      const inMemory = slaAttainment(tickets, targetMs, { asOf, field });
      expect(inMemory.n).toBe(s.met + s.missed);
      expectSame(inMemory.value, s.met / (s.met + s.missed));
    },
  );

  it.each(['one-touch', 'single-contact', 'no-reopen', 'reported'] as const)(
    "fcr '%s': the counts fcr finds in memory",
    async (definition) => {
      const options = { definition, asOf, missing: 'exclude' } as const;
      const [entry] = await viaSql(engine(), 'fcr', { table: 'tickets', columns: TICKET_COLUMNS, ...options });
      const s = entry?.summary as { total: number; firstContact: number; unresolved: number; missingField: number };
      const r = fcr(tickets, options);
      expect({
        n: s.total,
        firstContact: s.firstContact,
        unresolved: s.unresolved,
        missingField: s.missingField,
      }).toEqual({
        n: r.n,
        firstContact: r.firstContact,
        unresolved: r.unresolved,
        missingField: r.missingField,
      });
    },
  );

  it.each([
    ['cohort', undefined],
    ['exposure', 'month'],
  ] as const)('churn (%s) over 2025 equals churn in memory', async (definition, unit) => {
    const window = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
    const options = { ...window, definition, ...(unit ? { unit } : {}) };
    const [entry] = await viaSql(engine(), 'churn', {
      table: 'subscriptions',
      columns: { startedAt: 'started_at', endedAt: 'ended_at' },
      ...options,
    });
    const s = entry?.summary as unknown as Record<string, number>;
    const r = churn(customers, options);
    if (definition === 'cohort') {
      expect([s.churned, s.customersAtStart]).toEqual([r.churned, r.n]);
      expectSame(r.value, (s.churned as number) / (s.customersAtStart as number));
    } else {
      expect(s.churned).toBe(r.churned);
      expectSame(r.value, (s.churned as number) / (s.exposure as number));
    }
  });
});

// Once the support families are registered (summarize/estimate for fcr, sla, ttr, first-response
// and churn), the SQL summaries must equal summarize's of the same records, and so must their
// estimates; until then these are skipped.
const registered = ['fcr', 'sla', 'ttr', 'first-response', 'churn'].every((m) => FAMILIES.some((f) => f.metric === m));

describe.skipIf(!registered).each([0, 1])('engine %#: the SQL summaries equal summarize', (index) => {
  const engine = () => engines[index] as Engine;
  const dynamicSummarize = summarize as (metric: string, input: unknown, options: unknown) => Summary;
  const dynamicEstimate = estimate as (summary: Summary) => unknown;

  async function expectSameAsInMemory(
    metric: SqlMetric,
    table: string,
    input: unknown,
    options: Record<string, unknown>,
    columns: object,
  ) {
    const [entry, ...rest] = await viaSql(engine(), metric, { table, columns, ...options } as never);
    expect(rest).toEqual([]);
    const inMemory = dynamicSummarize(metric, input, options);
    expectSame(entry?.summary, inMemory);
    expectSame(dynamicEstimate(entry?.summary as Summary), dynamicEstimate(inMemory));
  }

  it.each([
    ['ttr', { asOf }],
    ['first-response', { asOf }],
    ['sla', { asOf, targetMs: 24 * HOUR }],
    ['sla', { asOf, targetMs: HOUR, field: 'firstResponse' }],
    ['fcr', { asOf, definition: 'one-touch', missing: 'exclude' }],
    ['fcr', { asOf, definition: 'single-contact', missing: 'exclude' }],
    ['fcr', { asOf, definition: 'no-reopen' }],
    ['fcr', { asOf, definition: 'reported', missing: 'exclude' }],
    ['fcr', { asOf, definition: 'no-repeat-within' }],
    ['fcr', { asOf, definition: 'no-repeat-within', windowMs: 2 * 24 * HOUR }],
    ['fcr', { definition: 'no-repeat-within', windowMs: 3 * 24 * HOUR }],
  ] as const)('%s %j on the sample tickets', async (metric, options) => {
    await expectSameAsInMemory(metric, 'tickets', tickets, options, TICKET_COLUMNS);
  });

  it("fcr 'no-repeat-within' per channel: repeats and the window looked for within each group, as summarize per group", async () => {
    const options = { definition: 'no-repeat-within', windowMs: 3 * 24 * HOUR } as const;
    const parts = await viaSql(engine(), 'fcr', {
      table: 'tickets',
      columns: TICKET_COLUMNS,
      groupBy: 'channel',
      ...options,
    });
    expect(parts.length).toBeGreaterThan(1);
    for (const { group, summary } of parts) {
      const inMemory = dynamicSummarize(
        'fcr',
        tickets.filter((t) => t.channel === group.channel),
        options,
      );
      expectSame(summary, inMemory);
    }
  });

  it.each([
    { definition: 'cohort' },
    { definition: 'exposure', unit: 'month' },
    { definition: 'exposure', unit: 'day' },
  ] as const)('churn %j over 2025 on the sample subscriptions', async (options) => {
    const window = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
    await expectSameAsInMemory(
      'churn',
      'subscriptions',
      customers,
      { ...window, ...options },
      {
        startedAt: 'started_at',
        endedAt: 'ended_at',
      },
    );
  });
});
