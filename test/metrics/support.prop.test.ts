import { describe, expect, it } from 'vitest';
import { PROPORTION_METHODS } from '../../src/index.ts';
import { FCR_DEFINITIONS, fcr, fcrFromCounts } from '../../src/metrics/fcr.ts';
import { slaAttainment } from '../../src/metrics/slaAttainment.ts';
import type { TicketRecord } from '../../src/metrics/tickets.ts';
import { fc } from '../helpers/fc.ts';

const H = 3_600_000;
const DAY = 24 * H;
// Tickets given as epoch ms start here: numeric times before 2000 are refused (they look like seconds).
const T = Date.UTC(2026, 4, 1);

// Durations in whole minutes with open/closed flags; targets in minutes.
const sample = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.boolean()), { minLength: 1, maxLength: 60 })
  .map((rows) => ({ durations: rows.map(([d]) => d * 60_000), events: rows.map(([, e]) => e) }));
const target = fc.integer({ min: 0, max: 700 }).map((m) => m * 60_000);
const method = fc.constantFrom(...PROPORTION_METHODS);
const confidence = fc.double({ min: 0.5, max: 0.99, noNaN: true, noDefaultInfinity: true });

function tryOrUndefined<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if ((error as { code?: string }).code === 'INSUFFICIENT_DATA') return undefined;
    throw error;
  }
}

describe('slaAttainment properties', () => {
  it('the share and its interval lie in [0, 1]; every ticket is met, missed or pending', () => {
    fc.assert(
      fc.property(sample, target, method, confidence, ({ durations, events }, t, m, conf) => {
        const r = tryOrUndefined(() => slaAttainment(durations, t, { events, method: m, confidence: conf }));
        if (r === undefined) {
          // Only when every ticket is open and not yet past the target.
          expect(durations.every((d, i) => !events[i] && d < t)).toBe(true);
          return;
        }
        expect(r.met + r.missed + r.pending).toBe(durations.length);
        expect(r.n).toBe(r.met + r.missed);
        expect(r.value).toBe(r.met / r.n);
        for (const x of [r.value, r.lower, r.upper]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        expect(r.lower).toBeLessThanOrEqual(r.upper);
        // A pending ticket is never counted as met.
        const openBelow = durations.filter((d, i) => !events[i] && d < t).length;
        expect(r.pending).toBe(openBelow);
        expect(r.met).toBe(durations.filter((d, i) => events[i] && d <= t).length);
      }),
    );
  });

  it('is monotone in the target: a later target never lowers the share', () => {
    fc.assert(
      fc.property(sample, target, target, ({ durations, events }, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = tryOrUndefined(() => slaAttainment(durations, lo, { events }));
        const high = tryOrUndefined(() => slaAttainment(durations, hi, { events }));
        if (low === undefined || high === undefined) return;
        expect(high.value).toBeGreaterThanOrEqual(low.value);
        expect(high.met).toBeGreaterThanOrEqual(low.met);
      }),
    );
  });

  it('scaling durations and target by 60 changes nothing', () => {
    fc.assert(
      fc.property(sample, target, ({ durations, events }, t) => {
        const a = tryOrUndefined(() => slaAttainment(durations, t, { events }));
        const b = tryOrUndefined(() =>
          slaAttainment(
            durations.map((d) => d * 60),
            t * 60,
            { events },
          ),
        );
        expect(b?.value).toBe(a?.value);
        expect([b?.met, b?.missed, b?.pending]).toEqual([a?.met, a?.missed, a?.pending]);
      }),
    );
  });

  it('tickets give the same counts as their durations, and are not mutated', () => {
    fc.assert(
      fc.property(sample, target, ({ durations, events }, t) => {
        const asOf = T + 10 * DAY;
        const tickets: TicketRecord[] = durations.map((d, i) =>
          events[i] ? { id: i, createdAt: asOf - d - 1, resolvedAt: asOf - 1 } : { id: i, createdAt: asOf - d },
        );
        const copy = structuredClone(tickets);
        const a = tryOrUndefined(() => slaAttainment(tickets, t, { asOf }));
        const b = tryOrUndefined(() => slaAttainment(durations, t, { events }));
        expect([a?.met, a?.missed, a?.pending]).toEqual([b?.met, b?.missed, b?.pending]);
        expect(tickets).toEqual(copy);
      }),
    );
  });
});

// Random tickets over 30 days for five customers, with optional fields sometimes missing.
const ticket = fc
  .record({
    customer: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { nil: undefined, freq: 8 }),
    created: fc.integer({ min: 0, max: 30 * 24 }),
    resolvedAfter: fc.option(fc.integer({ min: 0, max: 72 }), { nil: undefined, freq: 4 }),
    reopenedAfter: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined, freq: 2 }),
    agentReplies: fc.option(fc.nat({ max: 5 }), { nil: undefined, freq: 8 }),
    customerContacts: fc.option(fc.nat({ max: 4 }), { nil: undefined, freq: 8 }),
    firstContactResolved: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
  })
  .map(
    (t): TicketRecord => ({
      createdAt: T + t.created * H,
      ...(t.customer === undefined ? {} : { customerId: t.customer }),
      ...(t.resolvedAfter === undefined ? {} : { resolvedAt: T + (t.created + t.resolvedAfter) * H }),
      ...(t.reopenedAfter === undefined ? {} : { reopenedAt: T + (t.created + t.reopenedAfter) * H }),
      ...(t.agentReplies === undefined ? {} : { agentReplies: t.agentReplies }),
      ...(t.customerContacts === undefined ? {} : { customerContacts: t.customerContacts }),
      ...(t.firstContactResolved === undefined ? {} : { firstContactResolved: t.firstContactResolved }),
    }),
  );
const tickets = fc.array(ticket, { minLength: 1, maxLength: 50 });
const windowMs = fc.integer({ min: 0, max: 10 }).map((d) => d * DAY);

describe('fcr properties', () => {
  it('the rate and its interval lie in [0, 1]; n + excluded = tickets; n = resolved tickets counted', () => {
    fc.assert(
      fc.property(tickets, fc.constantFrom(...FCR_DEFINITIONS), method, windowMs, (list, definition, m, w) => {
        const options = {
          definition,
          method: m,
          missing: 'exclude' as const,
          asOf: T + 40 * DAY,
          ...(definition === 'no-repeat-within' ? { windowMs: w } : {}),
        };
        const copy = structuredClone(list);
        const r = tryOrUndefined(() => fcr(list, options));
        expect(list).toEqual(copy);
        if (r === undefined) return;
        for (const x of [r.value, r.lower, r.upper]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        expect(r.lower).toBeLessThanOrEqual(r.upper);
        expect(r.n + r.excluded).toBe(list.length);
        expect(r.unresolved).toBe(list.filter((t) => t.resolvedAt === undefined).length);
        expect(r.firstContact).toBeLessThanOrEqual(r.n);
        expect(r.definition).toBe(definition);
      }),
    );
  });

  it("'no-repeat-within' never rises when the window widens (asOf far enough for every window)", () => {
    fc.assert(
      fc.property(tickets, windowMs, windowMs, (list, a, b) => {
        const [narrow, wide] = a <= b ? [a, b] : [b, a];
        const options = { definition: 'no-repeat-within' as const, missing: 'exclude' as const, asOf: T + 60 * DAY };
        const x = tryOrUndefined(() => fcr(list, { ...options, windowMs: narrow }));
        const y = tryOrUndefined(() => fcr(list, { ...options, windowMs: wide }));
        if (x === undefined || y === undefined) return;
        expect(y.n).toBe(x.n);
        expect(y.firstContact).toBeLessThanOrEqual(x.firstContact);
      }),
    );
  });

  it('fcrFromCounts lies in [0, 1] with lower ≤ value ≤ upper', () => {
    const counts = fc
      .tuple(fc.nat({ max: 500 }), fc.nat({ max: 500 }))
      .map(([a, b]) => ({ firstContact: Math.min(a, b), total: Math.max(a, b) }))
      .filter((c) => c.total > 0);
    fc.assert(
      fc.property(counts, method, confidence, (c, m, conf) => {
        const r = fcrFromCounts(c, { method: m, confidence: conf });
        expect(r.value).toBe(c.firstContact / c.total);
        expect(0).toBeLessThanOrEqual(r.lower);
        expect(r.upper).toBeLessThanOrEqual(1);
        if (m !== 'wald' && m !== 'agresti-coull') {
          expect(r.lower).toBeLessThanOrEqual(r.value);
          expect(r.value).toBeLessThanOrEqual(r.upper);
        }
      }),
    );
  });
});
