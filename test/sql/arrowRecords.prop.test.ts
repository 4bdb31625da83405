import { Bool, Float64, Int32, Utf8, type Vector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  CxMetricsError,
  churn,
  type FcrDefinition,
  fcr,
  firstResponseTime,
  retentionCurve,
  slaAttainment,
  summarize,
  ttr,
} from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';
import { chunkedTable, TIME_UNITS, type TimeUnitName, timeVector, UNIT_STEP_MS } from './arrowTables.ts';

// An Arrow table of tickets (or customers) built from records gives the record path's result to
// the last bit — or the same error (code, index, message) — whatever the time unit of its
// columns, however it is split into record batches. Seeded: a failure replays.

const SEED = 20261202;
const asAny = <T>(x: unknown) => x as T;
const T0 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

interface Ticket {
  id: string;
  customerId: number | null;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  reopenedAt: number | null;
  reopens: number | null;
  agentReplies: number | null;
  customerContacts: number | null;
  firstContactResolved: boolean | null;
}

/** What a call gives: its result, or its error's code, index and message. */
function outcome(f: () => unknown): unknown {
  try {
    return { result: f() };
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    return { code: error.code, index: error.index, message: error.message };
  }
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

/** Tickets whose times are multiples of `step` ms, in 60 days from T0. */
function tickets(step: number): fc.Arbitrary<Ticket[]> {
  const time = (max: number) => fc.integer({ min: 0, max: Math.floor(max / step) }).map((k) => k * step);
  const ticket = fc
    .record({
      created: time(60 * DAY),
      response: maybe(time(2 * DAY)),
      resolution: maybe(time(10 * DAY)),
      reopen: maybe(time(5 * DAY)),
      customerId: maybe(fc.integer({ min: 1, max: 6 })),
      reopens: maybe(fc.integer({ min: 0, max: 3 })),
      agentReplies: maybe(fc.integer({ min: 0, max: 4 })),
      customerContacts: maybe(fc.integer({ min: 0, max: 3 })),
      firstContactResolved: maybe(fc.boolean()),
    })
    .map(
      (t): Omit<Ticket, 'id'> => ({
        customerId: t.customerId,
        createdAt: T0 + t.created,
        firstResponseAt: t.response === null ? null : T0 + t.created + t.response,
        resolvedAt: t.resolution === null ? null : T0 + t.created + t.resolution,
        reopenedAt: t.reopen === null ? null : T0 + t.created + t.reopen,
        reopens: t.reopens,
        agentReplies: t.agentReplies,
        customerContacts: t.customerContacts,
        firstContactResolved: t.firstContactResolved,
      }),
    );
  return fc
    .array(ticket, { minLength: 1, maxLength: 40 })
    .map((list) => list.map((t, i) => ({ id: `T-${i + 1}`, ...t })));
}

/** The records as the record path takes them: times as Dates (null stays null). */
function records(list: readonly Ticket[]) {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return list.map((t) => ({
    ...t,
    createdAt: new Date(t.createdAt),
    firstResponseAt: date(t.firstResponseAt),
    resolvedAt: date(t.resolvedAt),
    reopenedAt: date(t.reopenedAt),
  }));
}

function ticketTable(list: readonly Ticket[], unit: TimeUnitName, cuts: number[]) {
  const column = <K extends keyof Ticket>(k: K) => list.map((t) => t[k]);
  const columns: Record<string, Vector> = {
    id: vectorFromArray(column('id'), new Utf8()),
    customerId: vectorFromArray(column('customerId'), new Int32()),
    createdAt: timeVector(column('createdAt'), unit),
    firstResponseAt: timeVector(column('firstResponseAt'), unit),
    resolvedAt: timeVector(column('resolvedAt'), unit),
    reopenedAt: timeVector(column('reopenedAt'), unit),
    reopens: vectorFromArray(column('reopens'), new Int32()),
    agentReplies: vectorFromArray(column('agentReplies'), new Float64()),
    customerContacts: vectorFromArray(column('customerContacts'), new Int32()),
    firstContactResolved: vectorFromArray(column('firstContactResolved'), new Bool()),
  };
  return chunkedTable(columns, cuts);
}

/** A unit, then data on its grid, an asOf (sometimes before some tickets: the same error) and cuts. */
const ticketCase = fc.constantFrom(...TIME_UNITS).chain((unit) =>
  tickets(UNIT_STEP_MS[unit]).chain((list) =>
    fc.record({
      unit: fc.constant(unit),
      list: fc.constant(list),
      asOf: fc.integer({ min: 50, max: 80 }).map((d) => T0 + d * DAY),
      cuts: fc
        .uniqueArray(fc.integer({ min: 1, max: Math.max(1, list.length - 1) }), { maxLength: 3 })
        .map((c) => c.filter((k) => k < list.length).sort((a, b) => a - b)),
    }),
  ),
);

const DEFINITIONS: FcrDefinition[] = ['one-touch', 'single-contact', 'no-reopen', 'no-repeat-within', 'reported'];

describe('Arrow tables of tickets give the record path’s numbers exactly', () => {
  it('ttr, firstResponseTime and slaAttainment (both clocks), and their summaries', () => {
    fc.assert(
      fc.property(ticketCase, ({ unit, list, asOf, cuts }) => {
        const rows = records(list);
        const table = asAny<never>(ticketTable(list, unit, cuts));
        const o = { asOf: new Date(asOf) };
        expect(outcome(() => ttr(table, o))).toEqual(outcome(() => ttr(rows, o)));
        expect(outcome(() => firstResponseTime(table, o))).toEqual(outcome(() => firstResponseTime(rows, o)));
        for (const field of ['resolution', 'firstResponse'] as const) {
          const s = { ...o, field };
          expect(outcome(() => slaAttainment(table, DAY, s))).toEqual(outcome(() => slaAttainment(rows, DAY, s)));
        }
        expect(outcome(() => summarize('first-response', table, o))).toEqual(
          outcome(() => summarize('first-response', rows, o)),
        );
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('fcr under every definition, missing excluded or an error, and its summary', () => {
    fc.assert(
      fc.property(ticketCase, fc.boolean(), ({ unit, list, asOf, cuts }, withAsOf) => {
        const rows = records(list);
        const table = asAny<never>(ticketTable(list, unit, cuts));
        for (const definition of DEFINITIONS) {
          for (const missing of ['exclude', 'error'] as const) {
            const o = { definition, missing, ...(withAsOf ? { asOf: new Date(asOf) } : {}) };
            expect(outcome(() => fcr(table, o))).toEqual(outcome(() => fcr(rows, o)));
          }
        }
        const o = { definition: 'no-repeat-within' as const, windowMs: 3 * DAY, missing: 'exclude' as const };
        expect(outcome(() => summarize('fcr', table, o))).toEqual(outcome(() => summarize('fcr', rows, o)));
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});

describe('Arrow tables of customers give the record path’s numbers exactly', () => {
  const customerCase = fc.constantFrom(...TIME_UNITS).chain((unit) => {
    const step = UNIT_STEP_MS[unit];
    const time = (max: number) => fc.integer({ min: 0, max: Math.floor(max / step) }).map((k) => k * step);
    const customer = fc.record({ start: time(400 * DAY), length: maybe(time(300 * DAY)) }).map(({ start, length }) => ({
      startedAt: T0 + start,
      endedAt: length === null ? null : T0 + start + length,
    }));
    return fc.record({
      unit: fc.constant(unit),
      list: fc.array(customer, { minLength: 1, maxLength: 40 }),
      cut: fc.nat(),
    });
  });

  it('churn (cohort and exposure), retentionCurve and the churn summary', () => {
    fc.assert(
      fc.property(customerCase, ({ unit, list, cut }) => {
        const rows = list.map((c) => ({
          startedAt: new Date(c.startedAt),
          endedAt: c.endedAt === null ? null : new Date(c.endedAt),
        }));
        const cuts = list.length > 1 ? [1 + (cut % (list.length - 1))] : [];
        const table = asAny<never>(
          chunkedTable(
            {
              startedAt: timeVector(
                list.map((c) => c.startedAt),
                unit,
              ),
              endedAt: timeVector(
                list.map((c) => c.endedAt),
                unit,
              ),
            },
            cuts,
          ),
        );
        const window = { from: new Date(T0 + 100 * DAY), to: new Date(T0 + 200 * DAY) };
        expect(outcome(() => churn(table, window))).toEqual(outcome(() => churn(rows, window)));
        const exposure = { ...window, definition: 'exposure' as const, unit: 'month' as const };
        expect(outcome(() => churn(table, exposure))).toEqual(outcome(() => churn(rows, exposure)));
        expect(outcome(() => summarize('churn', table, exposure))).toEqual(
          outcome(() => summarize('churn', rows, exposure)),
        );
        const asOf = { asOf: new Date(T0 + 500 * DAY) };
        expect(outcome(() => retentionCurve(table, asOf))).toEqual(outcome(() => retentionCurve(rows, asOf)));
      }),
      { numRuns: 150, seed: SEED },
    );
  });
});
