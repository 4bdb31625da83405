import { describe, expect, it } from 'vitest';
import {
  type ChurnSummary,
  churn,
  estimate,
  fcr,
  firstResponseTime,
  mergeSummaries,
  type Schedule,
  type Summary,
  type SummaryMetric,
  slaAttainment,
  summarize,
  type TicketRecord,
  ttr,
} from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';
import { expectSameResult } from '../helpers/sameResult.ts';

// Properties of the support and churn summary families (fcr, sla, ttr, first-response, churn):
// each metric function is estimate(summarize(…)); any split of the records, summarized and merged
// in any order, equals the whole; a summary survives a JSON round trip; merges of summaries made
// under different definitions, targets, clocks or windows are refused.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = Date.UTC(2026, 4, 4); // a Monday
const AS_OF = BASE + 30 * DAY;
const SCHEDULE: Schedule = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } };

/** Tickets on a coarse grid (ties in time are common), some open, all created before AS_OF. */
const ticketArb = fc
  .record({
    created: fc.integer({ min: 0, max: 20 * 24 }),
    resolveAfter: fc.option(fc.integer({ min: 0, max: 5 * 24 * 4 }), { nil: undefined, freq: 4 }),
    respondAfter: fc.option(fc.integer({ min: 0, max: 24 * 4 }), { nil: undefined, freq: 3 }),
    agentReplies: fc.integer({ min: 0, max: 3 }),
    customerContacts: fc.integer({ min: 0, max: 3 }),
    reopens: fc.integer({ min: 0, max: 2 }),
    reported: fc.boolean(),
    customer: fc.integer({ min: 1, max: 6 }),
  })
  .map((t) => {
    const createdAt = BASE + t.created * HOUR;
    const ticket: TicketRecord = {
      customerId: `C${t.customer}`,
      createdAt,
      agentReplies: t.agentReplies,
      customerContacts: t.customerContacts,
      reopens: t.reopens,
      firstContactResolved: t.reported,
    };
    if (t.resolveAfter !== undefined) ticket.resolvedAt = createdAt + (t.resolveAfter * HOUR) / 4;
    if (t.respondAfter !== undefined) ticket.firstResponseAt = createdAt + (t.respondAfter * HOUR) / 4;
    return ticket;
  });
const ticketsArb = fc
  .array(ticketArb, { minLength: 1, maxLength: 60 })
  .map((list) => list.map((t, i) => ({ id: i + 1, ...t })));

type Case = { metric: SummaryMetric; shaping: Record<string, unknown>; interval: Record<string, unknown> };

const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true });
const shareMethod = fc.constantFrom('wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys', 'wald');

const fcrCase: fc.Arbitrary<Case> = fc
  .record({
    definition: fc.constantFrom('one-touch', 'single-contact', 'no-reopen', 'reported'),
    confidence,
    method: shareMethod,
  })
  .map((c) => ({
    metric: 'fcr',
    shaping: { definition: c.definition, asOf: AS_OF },
    interval: { method: c.method, confidence: c.confidence },
  }));
const slaCase: fc.Arbitrary<Case> = fc
  .record({
    target: fc.integer({ min: 0, max: 48 }),
    field: fc.constantFrom('resolution', 'firstResponse'),
    business: fc.boolean(),
    confidence,
    method: shareMethod,
  })
  .map((c) => ({
    metric: 'sla',
    shaping: {
      targetMs: c.target * HOUR,
      field: c.field,
      asOf: AS_OF,
      ...(c.business ? { businessHours: SCHEDULE } : {}),
    },
    interval: { method: c.method, confidence: c.confidence },
  }));
const durationCase: fc.Arbitrary<Case> = fc
  .record({
    metric: fc.constantFrom<SummaryMetric>('ttr', 'first-response'),
    business: fc.boolean(),
    confidence,
    confType: fc.constantFrom('log-log', 'log', 'plain'),
    horizon: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  })
  .map((c) => ({
    metric: c.metric,
    shaping: { asOf: AS_OF, ...(c.business ? { businessHours: SCHEDULE } : {}) },
    interval: {
      confidence: c.confidence,
      confType: c.confType,
      percentiles: [0.25, 0.5, 0.9],
      ...(c.horizon === undefined ? {} : { horizon: c.horizon * HOUR }),
    },
  }));

const caseArb = fc.oneof(fcrCase, slaCase, durationCase);

/** The metric function for a support case. */
function direct(c: Case, tickets: readonly TicketRecord[]): unknown {
  const options = { ...c.shaping, ...c.interval };
  switch (c.metric) {
    case 'fcr':
      return fcr(tickets, options as never);
    case 'sla': {
      const { targetMs, ...rest } = options as { targetMs: number };
      return slaAttainment(tickets, targetMs, rest as never);
    }
    case 'ttr':
      return ttr(tickets, options as never);
    default:
      return firstResponseTime(tickets, options as never);
  }
}

/** Call f, returning its result or the error code it threw. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return { threw: (error as { code?: string }).code };
  }
}

/** Random cut points splitting xs into parts (some may be empty). */
function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const to of [...at, xs.length]) {
    parts.push(xs.slice(from, to));
    from = to;
  }
  return parts;
}

/** The parts in a shuffled order, empty ones left out (a summary needs at least one record). */
function shuffled<T>(parts: T[][], seed: number): T[][] {
  const nonEmpty = parts.filter((p) => p.length > 0);
  return fc.sample(fc.shuffledSubarray(nonEmpty, { minLength: nonEmpty.length, maxLength: nonEmpty.length }), {
    seed,
    numRuns: 1,
  })[0] as T[][];
}

describe('support summaries: properties', () => {
  it('fcr, slaAttainment, ttr and firstResponseTime are exactly estimate(summarize(…)), results and errors alike', () => {
    fc.assert(
      fc.property(caseArb, ticketsArb, (c, tickets) => {
        const viaSummary = outcome(() => estimate(summarize(c.metric, tickets, c.shaping), c.interval));
        expectSameResult(
          viaSummary,
          outcome(() => direct(c, tickets)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('any split of the tickets, summarized and merged in any order, equals the whole', () => {
    fc.assert(
      fc.property(caseArb, ticketsArb, fc.array(fc.nat(), { maxLength: 5 }), fc.integer(), (c, tickets, cuts, seed) => {
        const whole = summarize(c.metric, tickets, c.shaping);
        const merged = mergeSummaries(
          shuffled(split(tickets, cuts), seed).map((p) => summarize(c.metric, p, c.shaping)),
        );
        expect(merged).toStrictEqual(whole);
        expect(outcome(() => estimate(merged, c.interval))).toStrictEqual(outcome(() => estimate(whole, c.interval)));
      }),
      { numRuns: 150 },
    );
  });

  it("'no-repeat-within': tickets split by customer, merged in any order, equal the whole", () => {
    fc.assert(
      fc.property(ticketsArb, fc.integer({ min: 0, max: 10 }), fc.integer(), (tickets, days, seed) => {
        const shaping = { definition: 'no-repeat-within', windowMs: days * DAY, asOf: AS_OF };
        const byCustomer = new Map<unknown, TicketRecord[]>();
        for (const t of tickets) byCustomer.set(t.customerId, [...(byCustomer.get(t.customerId) ?? []), t]);
        const merged = mergeSummaries(
          shuffled([...byCustomer.values()], seed).map((p) => summarize('fcr', p, shaping as never)),
        );
        expect(merged).toStrictEqual(summarize('fcr', tickets, shaping as never));
      }),
    );
  });

  it('a summary survives JSON.parse(JSON.stringify(s)) unchanged in meaning', () => {
    fc.assert(
      fc.property(caseArb, ticketsArb, (c, tickets) => {
        const s = summarize(c.metric, tickets, c.shaping);
        const copy = JSON.parse(JSON.stringify(s)) as Summary;
        expect(copy).toStrictEqual(s);
        expect(mergeSummaries(copy)).toStrictEqual(s);
        expect(outcome(() => estimate(copy, c.interval))).toStrictEqual(outcome(() => estimate(s, c.interval)));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses to merge summaries made under a different definition, target, field or clock', () => {
    fc.assert(
      fc.property(ticketsArb, fc.integer({ min: 0, max: 48 }), (tickets, target) => {
        const refuse = (a: Summary, b: Summary, what: RegExp) => {
          let error: { code?: string; message?: string } = {};
          try {
            mergeSummaries(a as never, b as never);
          } catch (e) {
            error = e as typeof error;
          }
          expect(error.code).toBe('INVALID_VALUE');
          expect(error.message).toMatch(what);
        };
        const oneTouch = summarize('fcr', tickets, { definition: 'one-touch' });
        refuse(oneTouch, summarize('fcr', tickets, { definition: 'no-reopen' }), /different definitions/);
        const window = (d: number) =>
          summarize('fcr', tickets, { definition: 'no-repeat-within', windowMs: d * DAY, asOf: AS_OF });
        refuse(window(7), window(30), /different windows/);
        const sla = (o: Record<string, unknown>) =>
          summarize('sla', tickets, { targetMs: target * HOUR, asOf: AS_OF, ...o } as never);
        refuse(sla({}), summarize('sla', tickets, { targetMs: target * HOUR + 1, asOf: AS_OF }), /different targets/);
        refuse(sla({}), sla({ field: 'firstResponse' }), /different fields/);
        refuse(sla({}), sla({ businessHours: SCHEDULE }), /different clocks/);
        const other: Schedule = { ...SCHEDULE, holidays: ['2026-05-04'] };
        refuse(sla({ businessHours: SCHEDULE }), sla({ businessHours: other }), /different schedules/);
        const t = summarize('ttr', tickets, { asOf: AS_OF });
        refuse(t, summarize('ttr', tickets, { asOf: AS_OF, businessHours: SCHEDULE }), /different clocks/);
        refuse(t, summarize('first-response', tickets, { asOf: AS_OF }), /only summaries of one kind/);
      }),
      { numRuns: 30 },
    );
  });
});

/** Customers on a day grid, some still active. */
const customersArb = fc.array(
  fc
    .record({
      start: fc.integer({ min: 0, max: 120 }),
      length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined, freq: 3 }),
    })
    .map((c) => ({
      startedAt: BASE + c.start * DAY,
      ...(c.length === undefined ? {} : { endedAt: BASE + (c.start + c.length) * DAY }),
    })),
  { minLength: 1, maxLength: 60 },
);
const churnCase = fc.record({
  definition: fc.constantFrom('cohort', 'exposure'),
  from: fc.integer({ min: 0, max: 90 }),
  length: fc.integer({ min: 1, max: 60 }),
  unit: fc.constantFrom('day', 'week', 'month', 'year'),
  confidence,
  method: shareMethod,
});
function pickChurn(c: {
  definition: string;
  from: number;
  length: number;
  unit: string;
  confidence: number;
  method: string;
}) {
  const window = { from: BASE + c.from * DAY, to: BASE + (c.from + c.length) * DAY };
  return c.definition === 'cohort'
    ? { shaping: { ...window }, interval: { method: c.method, confidence: c.confidence } }
    : { shaping: { ...window, definition: 'exposure', unit: c.unit }, interval: { confidence: c.confidence } };
}

describe('churn summaries: properties', () => {
  it('churn is exactly estimate(summarize(…)), results and errors alike', () => {
    fc.assert(
      fc.property(churnCase, customersArb, (c, customers) => {
        const { shaping, interval } = pickChurn(c);
        const viaSummary = outcome(() => estimate(summarize('churn', customers, shaping as never), interval as never));
        expectSameResult(
          viaSummary,
          outcome(() => churn(customers, { ...shaping, ...interval } as never)),
        );
      }),
    );
  });

  it('any split, merged in any order, equals the whole: counts exactly, exposure to 1e-12', () => {
    fc.assert(
      fc.property(
        churnCase,
        customersArb,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.integer(),
        (c, customers, cuts, seed) => {
          const { shaping } = pickChurn(c);
          const whole = summarize('churn', customers, shaping as never);
          const merged = mergeSummaries(
            shuffled(split(customers, cuts), seed).map((p) => summarize('churn', p, shaping as never)),
          ) as ChurnSummary;
          if (whole.definition === 'cohort') {
            expect(merged).toStrictEqual(whole);
          } else {
            const { exposure, ...rest } = merged as Extract<ChurnSummary, { definition: 'exposure' }>;
            const { exposure: wholeExposure, ...wholeRest } = whole;
            expect(rest).toStrictEqual(wholeRest);
            expect(Math.abs(exposure - wholeExposure)).toBeLessThanOrEqual(1e-12 * Math.max(1, wholeExposure));
          }
        },
      ),
    );
  });

  it('a churn summary survives a JSON round trip; merges across windows, definitions or units are refused', () => {
    fc.assert(
      fc.property(churnCase, customersArb, (c, customers) => {
        const { shaping, interval } = pickChurn(c);
        const s = summarize('churn', customers, shaping as never);
        const copy = JSON.parse(JSON.stringify(s)) as ChurnSummary;
        expect(mergeSummaries(copy)).toStrictEqual(s);
        expect(outcome(() => estimate(copy, interval as never))).toStrictEqual(
          outcome(() => estimate(s, interval as never)),
        );
        const shifted = summarize('churn', customers, { ...shaping, to: (shaping.to as number) + DAY } as never);
        expect(() => mergeSummaries(s, shifted)).toThrow(/different windows/);
        const otherDefinition =
          s.definition === 'cohort'
            ? summarize('churn', customers, { ...shaping, definition: 'exposure' } as never)
            : summarize('churn', customers, { from: shaping.from, to: shaping.to } as never);
        expect(() => mergeSummaries(s, otherDefinition)).toThrow(/different definitions/);
        if (s.definition === 'exposure') {
          const unit = s.unit === 'day' ? 'week' : 'day';
          expect(() => mergeSummaries(s, summarize('churn', customers, { ...shaping, unit } as never))).toThrow(
            /different units/,
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
