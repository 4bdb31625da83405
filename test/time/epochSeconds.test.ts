import { describe, expect, it } from 'vitest';
import { businessDuration, churn, funnel, ttr } from '../../src/index.ts';
import {
  parseCustomers,
  parseCustomersOrThrow,
  parseResponses,
  parseTickets,
  parseTicketsOrThrow,
  timestampSchema,
} from '../../src/schemas/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Issue 9: "Tickets with epoch-second timestamps parse with no error (createdAt in January 1970);
// ttr then reports a median of 36 s for a real 10 h." 1777626000 s is 2026-05-01T09:00Z; as
// milliseconds it is 1970-01-21T13:47:06Z.
const H = 3_600_000;
const OPENED_S = 1777626000; // 2026-05-01T09:00:00Z in epoch seconds
const OPENED_MS = OPENED_S * 1000;
const SECONDS_HINT = "it looks like epoch seconds; pass timestampUnit: 's'";
const secondsTickets = [
  { id: 'T-1', createdAt: OPENED_S, resolvedAt: OPENED_S + 10 * 3600 },
  { id: 'T-2', createdAt: OPENED_S + 60, resolvedAt: OPENED_S + 60 + 10 * 3600 },
];

describe('epoch seconds are never read as milliseconds: the parsers', () => {
  it('parseTickets reports epoch-second numbers as bad rows, with the hint, on each time field', () => {
    const { data, errors } = parseTickets(secondsTickets);
    expect(data).toEqual([]);
    expect(errors.map((e) => [e.index, e.path])).toEqual([
      [0, ['createdAt']],
      [0, ['resolvedAt']],
      [1, ['createdAt']],
      [1, ['resolvedAt']],
    ]);
    expect(errors[0]?.message).toBe(
      'expected an ISO-8601 date or date-time, epoch milliseconds or a Date; got 1777626000; 1777626000 as epoch ' +
        "milliseconds is 1970-01-21T13:47:06.000Z, before 2000-01-01: it looks like epoch seconds; pass timestampUnit: 's' " +
        'to the parser (or multiply by 1000)',
    );
  });

  it("parseTickets with timestampUnit: 's' reads them, and ttr then measures the real 10 h", () => {
    const tickets = parseTicketsOrThrow(secondsTickets, { timestampUnit: 's' });
    expect(tickets[0]?.createdAt.toISOString()).toBe('2026-05-01T09:00:00.000Z');
    expect(ttr(tickets).median.value).toBe(10 * H);
  });

  it('reads digit strings (CSV cells) as epoch time only with a timestampUnit, and says so', () => {
    const row = { id: 'T-1', createdAt: String(OPENED_S) };
    const plain = parseTickets([row]);
    expect(plain.errors[0]?.message).toContain("pass timestampUnit: 's' to the parser");
    expect(parseTicketsOrThrow([row], { timestampUnit: 's' })[0]?.createdAt.getTime()).toBe(OPENED_MS);
    const msRow = { id: 'T-1', createdAt: String(OPENED_MS) };
    expect(parseTickets([msRow]).errors[0]?.message).toContain("pass timestampUnit: 'ms'");
    expect(parseTicketsOrThrow([msRow], { timestampUnit: 'ms' })[0]?.createdAt.getTime()).toBe(OPENED_MS);
    expect(
      parseTicketsOrThrow([{ id: 'T-1', createdAt: `${OPENED_S}.250` }], {
        timestampUnit: 's',
      })[0]?.createdAt.getTime(),
    ).toBe(OPENED_MS + 250);
  });

  it('parseCustomers and parseResponses take timestampUnit too, and report seconds without it', () => {
    const customers = [{ id: 'a', startedAt: 1735689600, endedAt: '1738368000' }]; // 2025-01-01, 2025-02-01
    expect(parseCustomers(customers).errors.map((e) => e.path)).toEqual([['startedAt'], ['endedAt']]);
    expect(parseCustomers(customers).errors[0]?.message).toContain(SECONDS_HINT);
    const [customer] = parseCustomersOrThrow(customers, { timestampUnit: 's' });
    expect([customer?.startedAt.toISOString(), customer?.endedAt?.toISOString()]).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-02-01T00:00:00.000Z',
    ]);
    const responses = [{ type: 'nps', submittedAt: OPENED_S, score: 9 }];
    expect(parseResponses(responses).errors[0]?.message).toContain(SECONDS_HINT);
    const parsed = parseResponses(responses, { timestampUnit: 's', csatScale: { min: 1, max: 5 } });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]?.submittedAt.getTime()).toBe(OPENED_MS);
  });

  it("milliseconds given with timestampUnit: 's' are reported as looking like milliseconds", () => {
    const { errors } = parseTickets([{ id: 'T-1', createdAt: OPENED_MS }], { timestampUnit: 's' });
    expect(errors[0]?.message).toContain("it looks like epoch milliseconds (leave out timestampUnit: 's')");
  });

  it('a number before 2000 that is no plausible time in seconds still fails, saying numeric times start in 2000', () => {
    const { errors } = parseTickets([{ id: 'T-1', createdAt: 0 }]);
    expect(errors[0]?.message).toContain('numeric timestamps must be from 2000 on');
    // Earlier times are fine as ISO strings or Dates.
    expect(parseTicketsOrThrow([{ id: 'T-1', createdAt: '1999-12-31T23:59Z' }])[0]?.createdAt.getUTCFullYear()).toBe(
      1999,
    );
    expect(parseTicketsOrThrow([{ id: 'T-1', createdAt: new Date(0) }])[0]?.createdAt.getTime()).toBe(0);
  });

  it('rejects a bad timestampUnit or an unknown option with INVALID_OPTION naming it', () => {
    const e = thrown(() => parseTickets([], { timestampUnit: 'seconds' as 's' }));
    expect([e.code, e.message]).toEqual([
      'INVALID_OPTION',
      "parseTickets: timestampUnit is \"seconds\"; expected 'ms' (epoch milliseconds, the default) or 's' (epoch seconds)",
    ]);
    const f = thrown(() => parseCustomersOrThrow([], { timestampUnits: 's' } as never));
    expect([f.code, f.message]).toEqual([
      'INVALID_OPTION',
      "parseCustomersOrThrow: unknown option 'timestampUnits'; did you mean 'timestampUnit'?",
    ]);
    expect(thrown(() => parseResponses([], { timestampUnit: 1000 as never })).code).toBe('INVALID_OPTION');
    expect(thrown(() => parseTickets([], null as never)).code).toBe('INVALID_OPTION');
  });

  it('timestampSchema on its own reads the default way (milliseconds), before and after a parser call with seconds', () => {
    expect(timestampSchema.safeParse(OPENED_S).success).toBe(false);
    parseTicketsOrThrow(secondsTickets, { timestampUnit: 's' });
    expect(timestampSchema.safeParse(OPENED_S).success).toBe(false);
    expect(() => parseTicketsOrThrow([{ id: 'x', createdAt: OPENED_MS }], { timestampUnit: 's' })).toThrow();
    expect(timestampSchema.parse(OPENED_MS).getTime()).toBe(OPENED_MS);
  });
});

describe('epoch seconds are never read as milliseconds: the metrics', () => {
  it('ttr refuses epoch-second tickets with the hint instead of a 36 s median', () => {
    const e = thrown(() => ttr(secondsTickets));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 0, OPENED_S]);
    expect(e.message).toMatch(/^ttr: ticket at index 0 \(id "T-1"\): createdAt is 1777626000; /);
    expect(e.message).toContain(SECONDS_HINT);
  });

  it('ttr refuses an asOf in epoch seconds as an option, with the hint', () => {
    const tickets = [{ id: 'T-1', createdAt: OPENED_MS }];
    const e = thrown(() => ttr(tickets, { asOf: OPENED_S + 3600 }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toContain(SECONDS_HINT);
  });

  it('churn refuses epoch-second customers and options, with the hint', () => {
    const e = thrown(() => churn([{ startedAt: 1735689600 }], { from: '2025-01-01', to: '2025-02-01' }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 0]);
    expect(e.message).toContain(SECONDS_HINT);
    const f = thrown(() => churn([{ startedAt: '2025-01-01' }], { from: 1735689600, to: '2025-02-01' }));
    expect(f.code).toBe('INVALID_OPTION');
    expect(f.message).toContain(SECONDS_HINT);
  });

  it('businessDuration and funnel refuse epoch seconds, with the hint', () => {
    const schedule = { timeZone: 'UTC', week: { fri: [['09:00', '17:00']] } } as const;
    const e = thrown(() => businessDuration(OPENED_S, OPENED_S + 3600, schedule));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.message).toContain(SECONDS_HINT);
    const events = [{ customerId: 1, stage: 'visit', at: OPENED_S }];
    const f = thrown(() => funnel(events, { stages: ['visit', 'purchase'], asOf: '2026-07-01' }));
    expect(f.code).toBe('INVALID_VALUE');
    expect(f.message).toContain(SECONDS_HINT);
  });

  it('the same instants in milliseconds, as Dates or as ISO strings are read', () => {
    const inMs = secondsTickets.map((t) => ({ ...t, createdAt: t.createdAt * 1000, resolvedAt: t.resolvedAt * 1000 }));
    expect(ttr(inMs).median.value).toBe(10 * H);
    const asDates = inMs.map((t) => ({ ...t, createdAt: new Date(t.createdAt), resolvedAt: new Date(t.resolvedAt) }));
    expect(ttr(asDates).median.value).toBe(10 * H);
    expect(businessDuration(new Date(0), new Date(H), { timeZone: 'UTC', week: { thu: [['00:00', '24:00']] } })).toBe(
      H,
    );
  });
});
