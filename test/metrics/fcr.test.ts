import { describe, expect, it } from 'vitest';
import { estimate, PROPORTION_METHODS, proportionInterval } from '../../src/index.ts';
import { FCR_DEFINITIONS, fcr, fcrFromCounts } from '../../src/metrics/fcr.ts';
import type { TicketRecord } from '../../src/metrics/tickets.ts';
import { fc } from '../helpers/fc.ts';
import { loadSampleTickets, SAMPLE_TICKETS_AS_OF } from '../helpers/sampleTickets.ts';
import { thrown } from '../helpers/thrown.ts';

const DAY = 86_400_000;
// Tickets given as epoch ms start here: numeric times before 2000 are refused (they look like seconds).
const T = Date.UTC(2026, 4, 1);

// Eight tickets touching every definition; T-8 is open.
const tickets: TicketRecord[] = [
  {
    id: 'T-1',
    customerId: 'C1',
    createdAt: '2026-05-01T09:00Z',
    resolvedAt: '2026-05-01T10:00Z',
    agentReplies: 1,
    customerContacts: 1,
    firstContactResolved: true,
  },
  {
    id: 'T-2',
    customerId: 'C2',
    createdAt: '2026-05-01T09:00Z',
    resolvedAt: '2026-05-02T10:00Z',
    agentReplies: 3,
    customerContacts: 2,
    firstContactResolved: false,
  },
  {
    id: 'T-3',
    customerId: 'C1',
    createdAt: '2026-05-03T09:00Z',
    resolvedAt: '2026-05-03T11:00Z',
    agentReplies: 0,
    customerContacts: 1,
    reopenedAt: '2026-05-04T09:00Z',
  },
  {
    id: 'T-4',
    customerId: 'C3',
    createdAt: '2026-05-04T09:00Z',
    resolvedAt: '2026-05-04T12:00Z',
    agentReplies: 2,
    customerContacts: 1,
    firstContactResolved: true,
  },
  { id: 'T-5', customerId: 'C2', createdAt: '2026-05-12T09:00Z', resolvedAt: '2026-05-12T10:00Z', agentReplies: 1 },
  { id: 'T-6', customerId: 1042, createdAt: '2026-05-13T09:00Z', resolvedAt: '2026-05-13T10:00Z', agentReplies: 1 },
  { id: 'T-7', customerId: '1042', createdAt: '2026-05-15T09:00Z', resolvedAt: '2026-05-15T10:00Z', agentReplies: 1 },
  { id: 'T-8', customerId: 'C3', createdAt: '2026-05-30T09:00Z', agentReplies: 1 },
];

describe('fcr definitions', () => {
  it("'one-touch': resolved with agentReplies ≤ 1; unresolved tickets counted, not in n", () => {
    const r = fcr(tickets, { definition: 'one-touch' });
    // T-1 (1), T-3 (0), T-5, T-6, T-7 (1) yes; T-2 (3), T-4 (2) no; T-8 open.
    expect([r.firstContact, r.n, r.unresolved, r.excluded, r.missingField]).toEqual([5, 7, 1, 1, 0]);
    expect(r.definition).toBe('one-touch');
    const wilson = proportionInterval(5, 7);
    expect([r.value, r.lower, r.upper, r.method]).toEqual([wilson.value, wilson.lower, wilson.upper, 'wilson']);
    expect(r.warnings.map((w) => w.code)).toEqual(['UNRESOLVED']);
    expect(r.windowOpen).toBeUndefined();
  });

  it("'single-contact': customerContacts ≤ 1; a missing count is an error naming index and field", () => {
    const e = thrown(() => fcr(tickets, { definition: 'single-contact' }));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 4, undefined]);
    expect(e.message).toBe(
      `fcr: ticket at index 4 (id "T-5") is resolved but has no customerContacts, which definition 'single-contact' needs; fill it in, or pass missing: 'exclude' to leave such tickets out (counted in excluded)`,
    );
    const r = fcr(tickets, { definition: 'single-contact', missing: 'exclude' });
    // T-1, T-3, T-4 yes; T-2 no; T-5, T-6, T-7 missing; T-8 open.
    expect([r.firstContact, r.n, r.missingField, r.unresolved, r.excluded]).toEqual([3, 4, 3, 1, 4]);
    expect(r.warnings.map((w) => w.code)).toEqual(['UNRESOLVED', 'MISSING_FIELD']);
  });

  it("'no-reopen': resolved and never reopened", () => {
    const r = fcr(tickets, { definition: 'no-reopen' });
    expect([r.firstContact, r.n]).toEqual([6, 7]);
    // A reopening after asOf has not happened yet at asOf.
    const early = fcr(tickets.slice(0, 3), { definition: 'no-reopen', asOf: '2026-05-04T08:00Z' });
    expect([early.firstContact, early.n]).toEqual([3, 3]);
  });

  it("'no-repeat-within': no new ticket from the same customer within the window after resolution", () => {
    const r = fcr(tickets, { definition: 'no-repeat-within', asOf: '2026-06-01T00:00Z' });
    // T-1 (C1, resolved 05-01 10:00): T-3 opened 05-03, within 7 days → no. T-2 (C2, resolved
    // 05-02 10:00): T-5 on 05-12, after the window → yes. T-3: yes. T-4 (C3): T-8 on 05-30 → yes.
    // T-5: yes. T-6 (customer 1042, a number): T-7 ('1042') on 05-15 → no. T-7: yes.
    expect([r.firstContact, r.n, r.windowOpen, r.windowMs]).toEqual([5, 7, 0, 7 * DAY]);
    const tight = fcr(tickets, { definition: 'no-repeat-within', windowMs: DAY, asOf: '2026-06-01T00:00Z' });
    // With one day only T-6's repeat is too late too, and T-1's (two days later).
    expect([tight.firstContact, tight.n]).toEqual([7, 7]);
  });

  it("'no-repeat-within' leaves out tickets whose window has not ended, by default at the latest createdAt", () => {
    const r = fcr(tickets, { definition: 'no-repeat-within' });
    // Data end = T-8's createdAt 05-30 09:00; every resolved window ends before it.
    expect(r.windowOpen).toBe(0);
    const cut = fcr(tickets, { definition: 'no-repeat-within', asOf: '2026-05-30T12:00Z', windowMs: 20 * DAY });
    // Windows of 20 days end after 05-30 12:00 for tickets resolved after 05-10 12:00: T-5, T-6, T-7.
    expect([cut.windowOpen, cut.n, cut.excluded]).toEqual([3, 4, 4]);
    expect(cut.warnings.map((w) => w.code)).toContain('WINDOW_OPEN');
  });

  it("'no-repeat-within' needs customerId", () => {
    const noId = [
      { id: 9, createdAt: T, resolvedAt: T + 1 },
      { id: 10, customerId: 'C1', createdAt: T },
    ];
    const e = thrown(() => fcr(noId, { definition: 'no-repeat-within', asOf: T + 30 * DAY }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 0]);
    expect(e.message).toMatch(/has no customerId/);
    expect(
      thrown(() => fcr(noId, { definition: 'no-repeat-within', asOf: T + 30 * DAY, missing: 'exclude' })).code,
    ).toBe('INSUFFICIENT_DATA');
    // No record carries customerId at all: the definition has nothing to read.
    const none = thrown(() => fcr(noId.slice(0, 1), { definition: 'no-repeat-within', asOf: T + 30 * DAY }));
    expect([none.code, none.message]).toEqual([
      'INSUFFICIENT_DATA',
      expect.stringMatching(/no ticket carries customerId/),
    ]);
  });

  it("'reported': the survey flag firstContactResolved", () => {
    const r = fcr(tickets, { definition: 'reported', missing: 'exclude' });
    expect([r.firstContact, r.n, r.missingField]).toEqual([2, 3, 4]);
  });

  it('rejects a field of the wrong type even with missing: exclude', () => {
    const bad = [{ id: 1, createdAt: T, resolvedAt: T + 1, agentReplies: 1.5 }];
    const e = thrown(() => fcr(bad, { definition: 'one-touch', missing: 'exclude' }));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 0, 1.5]);
    const flag = [{ id: 1, createdAt: T, resolvedAt: T + 1, firstContactResolved: 'yes' as unknown as boolean }];
    expect(thrown(() => fcr(flag, { definition: 'reported' })).message).toMatch(/firstContactResolved is "yes"/);
  });
});

describe('fcr checks', () => {
  it('requires a known definition', () => {
    const e = thrown(() => fcr(tickets, {} as { definition: 'one-touch' }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toBe(
      "fcr: definition is required; expected one of 'one-touch', 'single-contact', 'no-reopen', 'no-repeat-within', 'reported'",
    );
    expect(thrown(() => fcr(tickets, { definition: 'first-call' as 'one-touch' })).code).toBe('INVALID_OPTION');
    expect(thrown(() => fcr(tickets, { definition: 'one-touch', windowMs: DAY })).code).toBe('INVALID_OPTION');
    expect(thrown(() => fcr(tickets, { definition: 'no-repeat-within', windowMs: -1 })).code).toBe('INVALID_OPTION');
  });

  it('rejects a ticket created after asOf, a bad time and an empty list', () => {
    const e = thrown(() => fcr(tickets, { definition: 'one-touch', asOf: '2026-05-20T00:00Z' }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 7]);
    const f = thrown(() => fcr([{ id: 1, createdAt: 'soon' }], { definition: 'one-touch' }));
    expect([f.code, f.index, f.value]).toEqual(['INVALID_VALUE', 0, 'soon']);
    expect(f.message).toMatch(/^fcr: ticket at index 0 \(id 1\): createdAt is "soon"/);
    expect(thrown(() => fcr([], { definition: 'one-touch' })).code).toBe('EMPTY_INPUT');
  });

  it('counts a resolution after asOf as unresolved', () => {
    const r = fcr(tickets.slice(0, 6), { definition: 'one-touch', asOf: '2026-05-13T09:30Z' });
    expect([r.unresolved, r.n]).toEqual([1, 5]);
  });

  it('throws INSUFFICIENT_DATA when nothing is resolved', () => {
    expect(thrown(() => fcr([{ createdAt: T }], { definition: 'no-reopen' })).code).toBe('INSUFFICIENT_DATA');
  });

  it('does not mutate the tickets', () => {
    const copy = structuredClone(tickets);
    for (const definition of FCR_DEFINITIONS) fcr(tickets, { definition, missing: 'exclude' });
    expect(tickets).toEqual(copy);
  });
});

describe('fcrFromCounts', () => {
  it('is firstContact / total with a Wilson interval and the definition named', () => {
    const r = fcrFromCounts({ firstContact: 140, total: 200 }, { definition: 'reported' });
    const wilson = proportionInterval(140, 200);
    expect([r.value, r.lower, r.upper, r.n]).toEqual([0.7, wilson.lower, wilson.upper, 200]);
    expect([r.definition, r.firstContact, r.excluded]).toEqual(['reported', 140, 0]);
    expect(fcrFromCounts({ firstContact: 1, total: 2 }).definition).toBe('unspecified');
  });

  it('offers every proportion method and agrees with fcr on the same counts', () => {
    const fromTickets = fcr(tickets, { definition: 'one-touch', method: 'clopper-pearson' });
    const fromCounts = fcrFromCounts(
      { firstContact: 5, total: 7 },
      { definition: 'one-touch', method: 'clopper-pearson' },
    );
    expect([fromCounts.value, fromCounts.lower, fromCounts.upper]).toEqual([
      fromTickets.value,
      fromTickets.lower,
      fromTickets.upper,
    ]);
    for (const method of PROPORTION_METHODS)
      expect(fcrFromCounts({ firstContact: 3, total: 4 }, { method }).method).toBe(method);
  });

  it('property: the numbers of fcr, estimate of the FCR summary and fcrFromCounts are the same to the bit', () => {
    // One engine behind the three paths: one-touch tickets (agentReplies 1 at first contact, 3
    // otherwise) through fcr, the summary of those counts through estimate, and the counts.
    const same = (a: Record<string, unknown>, b: Record<string, unknown>) => {
      for (const key of ['value', 'lower', 'upper', 'standardError', 'n', 'confidence', 'method', 'firstContact']) {
        expect(Object.is(a[key], b[key]), `${key}: ${String(a[key])} vs ${String(b[key])}`).toBe(true);
      }
      const codes = (r: Record<string, unknown>) => (r.warnings as { code: string }[]).map((w) => w.code);
      expect(codes(a)).toEqual(codes(b));
    };
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 300 })
          .chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))),
        fc.constantFrom(...PROPORTION_METHODS),
        fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true }),
        ([firstContact, total], method, confidence) => {
          const fromCounts = fcrFromCounts({ firstContact, total }, { definition: 'one-touch', method, confidence });
          const summary = {
            kind: 'fcr-summary' as const,
            version: 1 as const,
            definition: 'one-touch' as const,
            total,
            firstContact,
            unresolved: 0,
            missingField: 0,
            windowOpen: 0,
          };
          same(fromCounts as never, estimate(summary, { method, confidence }) as never);
          const list: TicketRecord[] = Array.from({ length: total }, (_, i) => ({
            id: `T-${i}`,
            createdAt: T,
            resolvedAt: T + DAY,
            agentReplies: i < firstContact ? 1 : 3,
          }));
          same(fromCounts as never, fcr(list, { definition: 'one-touch', method, confidence }) as never);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps its shape: nothing left out, and no window fields (none was given) under 'no-repeat-within'", () => {
    const r = fcrFromCounts({ firstContact: 3, total: 4 }, { definition: 'no-repeat-within' });
    expect([r.excluded, r.unresolved, r.missingField]).toEqual([0, 0, 0]);
    expect('windowOpen' in r || 'windowMs' in r).toBe(false);
  });

  it('rejects bad counts', () => {
    expect(thrown(() => fcrFromCounts({ firstContact: 3, total: 2 })).code).toBe('INVALID_VALUE');
    expect(thrown(() => fcrFromCounts({ firstContact: 0, total: 0 })).code).toBe('EMPTY_INPUT');
    expect(thrown(() => fcrFromCounts({ firstContact: 1.5, total: 2 })).code).toBe('INVALID_VALUE');
    expect(thrown(() => fcrFromCounts(null as unknown as { firstContact: number; total: number })).code).toBe(
      'INVALID_VALUE',
    );
    expect(thrown(() => fcrFromCounts({ firstContact: 1, total: 2 }, { definition: 'x' as 'reported' })).code).toBe(
      'INVALID_OPTION',
    );
  });
});

describe('fcr on the bundled sample tickets (examples/data/tickets.csv)', () => {
  const sample = loadSampleTickets();
  const asOf = SAMPLE_TICKETS_AS_OF;

  it('every definition runs; the denominator is the resolved tickets', () => {
    const resolved = sample.filter((t) => t.resolvedAt !== undefined).length;
    for (const definition of FCR_DEFINITIONS) {
      const r = fcr(sample, { definition, asOf, missing: 'exclude' });
      expect(r.n + r.excluded).toBe(sample.length);
      expect(r.unresolved).toBe(sample.length - resolved);
      expect(r.value).toBeGreaterThan(0.3);
      expect(r.value).toBeLessThan(0.95);
    }
  });

  it('has reopened tickets, repeat customers and survey answers to work with', () => {
    expect(sample.filter((t) => t.reopenedAt !== undefined).length).toBeGreaterThan(10);
    expect(sample.filter((t) => t.firstContactResolved !== undefined).length).toBeGreaterThan(50);
    const perCustomer = new Map<string, number>();
    for (const t of sample) perCustomer.set(t.customerId ?? '', (perCustomer.get(t.customerId ?? '') ?? 0) + 1);
    expect([...perCustomer.values()].filter((count) => count > 1).length).toBeGreaterThan(20);
    expect(fcr(sample, { definition: 'no-repeat-within', asOf }).windowOpen).toBeGreaterThan(0);
  });
});

describe('fcr: the field a definition reads (issue 9)', () => {
  const resolved = (extra: Partial<TicketRecord>, id = 1): TicketRecord => ({
    id,
    createdAt: '2026-05-01T09:00Z',
    resolvedAt: '2026-05-01T10:00Z',
    ...extra,
  });

  it("'no-reopen' reads a reopens count where the export carries one: reopens === 0 is never reopened", () => {
    const tickets = [resolved({ reopens: 0 }, 1), resolved({ reopens: 2 }, 2), resolved({ reopens: 0 }, 3)];
    const r = fcr(tickets, { definition: 'no-reopen' });
    expect([r.firstContact, r.n]).toEqual([2, 3]);
    expect(r.value).toBe(2 / 3);
  });

  it("'no-reopen' with a reopenedAt time counts the ticket as reopened whatever its reopens count", () => {
    const tickets = [resolved({ reopens: 0, reopenedAt: '2026-05-02T09:00Z' }, 1), resolved({ reopens: 0 }, 2)];
    expect(fcr(tickets, { definition: 'no-reopen' }).firstContact).toBe(1);
  });

  it("'no-reopen' refuses a reopens count that is not a whole number ≥ 0, naming the ticket", () => {
    const e = thrown(() => fcr([resolved({ reopens: -1 })], { definition: 'no-reopen' }));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 0, -1]);
    expect(e.message).toMatch(/^fcr: ticket at index 0 \(id 1\): reopens is -1/);
  });

  it("'no-reopen' without any reopenedAt or reopens fails with INSUFFICIENT_DATA naming the fields, never 100%", () => {
    const tickets = [resolved({}, 1), resolved({}, 2), resolved({ reopenedAt: null }, 3)];
    const e = thrown(() => fcr(tickets, { definition: 'no-reopen' }));
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.message).toMatch(/^fcr: no ticket carries reopenedAt or reopens, which definition 'no-reopen' reads/);
    expect(e.message).toMatch(/false 100%/);
  });

  it("'one-touch' without agentReplies on any ticket fails with INSUFFICIENT_DATA naming agentReplies", () => {
    for (const missing of ['error', 'exclude'] as const) {
      const e = thrown(() => fcr([resolved({}, 1), resolved({}, 2)], { definition: 'one-touch', missing }));
      expect([e.code, e.message]).toEqual([
        'INSUFFICIENT_DATA',
        expect.stringMatching(/no ticket carries agentReplies/),
      ]);
    }
  });

  it("'single-contact' and 'reported' without their field on any ticket fail with INSUFFICIENT_DATA", () => {
    const e = thrown(() => fcr([resolved({})], { definition: 'single-contact' }));
    expect([e.code, e.message]).toEqual(['INSUFFICIENT_DATA', expect.stringMatching(/customerContacts/)]);
    const f = thrown(() => fcr([resolved({})], { definition: 'reported', missing: 'exclude' }));
    expect([f.code, f.message]).toEqual(['INSUFFICIENT_DATA', expect.stringMatching(/firstContactResolved/)]);
  });

  it('a field carried by some tickets only still makes a ticket without it an error (missing: error)', () => {
    const e = thrown(() => fcr([resolved({ agentReplies: 1 }, 1), resolved({}, 2)], { definition: 'one-touch' }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 1]);
  });

  it('refuses unknown options with the closest name', () => {
    const e = thrown(() => fcr([resolved({ agentReplies: 1 })], { definition: 'one-touch', confidance: 0.9 } as never));
    expect([e.code, e.message]).toEqual([
      'INVALID_OPTION',
      "fcr: unknown option 'confidance'; did you mean 'confidence'?",
    ]);
    expect(thrown(() => fcr([resolved({ agentReplies: 1 })], null as never)).code).toBe('INVALID_OPTION');
  });
});
