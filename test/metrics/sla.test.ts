import { describe, expect, it } from 'vitest';
import { PROPORTION_METHODS, proportionInterval } from '../../src/index.ts';
import { slaAttainment } from '../../src/metrics/slaAttainment.ts';
import type { TicketRecord } from '../../src/metrics/tickets.ts';
import type { Schedule } from '../../src/time/businessDuration.ts';
import { thrown } from '../helpers/thrown.ts';

const H = 3_600_000;
// Tickets given as epoch ms start here: numeric times before 2000 are refused (they look like seconds).
const T = Date.UTC(2026, 4, 1);

describe('slaAttainment on durations', () => {
  it('is the share with duration ≤ target, with the Wilson interval of proportionInterval', () => {
    const r = slaAttainment(
      [1, 2, 3, 4, 5, 8].map((h) => h * H),
      4 * H,
    );
    // A ticket exactly at the target met it.
    expect([r.met, r.missed, r.pending, r.excluded, r.n]).toEqual([4, 2, 0, 0, 6]);
    const wilson = proportionInterval(4, 6);
    expect([r.value, r.lower, r.upper, r.method]).toEqual([wilson.value, wilson.lower, wilson.upper, 'wilson']);
    expect([r.targetMs, r.field, r.clock]).toEqual([4 * H, 'resolution', 'elapsed']);
  });

  it('offers every proportion method', () => {
    for (const method of PROPORTION_METHODS) {
      const r = slaAttainment(
        [1, 2, 3, 9].map((h) => h * H),
        4 * H,
        { method, confidence: 0.9 },
      );
      const expected = proportionInterval(3, 4, { method, confidence: 0.9 });
      expect([r.lower, r.upper, r.method, r.confidence]).toEqual([expected.lower, expected.upper, method, 0.9]);
    }
  });

  it('counts an open duration past the target as a miss and one not yet past it as pending', () => {
    // Open at 5 h (past 4 h): missed whatever happens. Open at 4 h exactly: it finishes after 4 h, a
    // miss. Open at 1 h: pending.
    const r = slaAttainment(
      [1, 3, 6, 5, 4, 1].map((h) => h * H),
      4 * H,
      {
        events: [true, true, true, false, false, false],
      },
    );
    expect([r.met, r.missed, r.pending, r.n]).toEqual([2, 3, 1, 5]);
    expect(r.value).toBe(2 / 5);
  });
});

describe('slaAttainment on tickets', () => {
  const asOf = '2026-05-01T13:00Z';
  const tickets: TicketRecord[] = [
    { id: 'a', createdAt: '2026-05-01T08:00Z', resolvedAt: '2026-05-01T09:00Z', firstResponseAt: '2026-05-01T08:10Z' },
    { id: 'b', createdAt: '2026-05-01T08:00Z', resolvedAt: '2026-05-01T12:30Z', firstResponseAt: '2026-05-01T09:30Z' },
    { id: 'c', createdAt: '2026-05-01T08:00Z', firstResponseAt: '2026-05-01T08:30Z' },
    { id: 'd', createdAt: '2026-05-01T11:00Z' },
    { id: 'e', createdAt: '2026-05-01T12:00Z' },
  ];

  it('never counts a pending ticket as met, and says so in a warning with the range to come', () => {
    const r = slaAttainment(tickets, 4 * H, { asOf });
    // a met (1 h); b missed (4.5 h); c open 5 h: missed; d open 2 h, e open 1 h: pending.
    expect([r.met, r.missed, r.pending, r.n]).toEqual([1, 2, 2, 3]);
    expect(r.value).toBe(1 / 3);
    const pending = r.warnings.find((w) => w.code === 'PENDING');
    expect(pending?.message).toBe(
      'slaAttainment: 2 open ticket(s) not yet past the target are pending and left out of n (never counted as met); once they finish, the share will lie between 0.2 and 0.6',
    );
  });

  it('has no PENDING warning when nothing is pending', () => {
    const r = slaAttainment(tickets.slice(0, 2), 4 * H);
    expect(r.warnings).toEqual([]);
  });

  it("measures first response with field: 'firstResponse'", () => {
    const r = slaAttainment(tickets, H, { asOf, field: 'firstResponse' });
    // a 10 min met, b 90 min missed, c 30 min met; d open 2 h: missed; e open 1 h = target: missed.
    expect([r.met, r.missed, r.pending, r.field]).toEqual([2, 3, 0, 'firstResponse']);
  });

  it('a ticket resolved without a first response misses if it waited past the target, else is excluded', () => {
    const unanswered = [
      { id: 1, createdAt: T, firstResponseAt: T + 0.5 * H },
      { id: 2, createdAt: T, resolvedAt: T + 3 * H },
      { id: 3, createdAt: T, resolvedAt: T + 0.5 * H },
    ];
    const r = slaAttainment(unanswered, H, { field: 'firstResponse' });
    expect([r.met, r.missed, r.excluded, r.n]).toEqual([1, 1, 1, 2]);
    expect(r.warnings.map((w) => w.code)).toEqual(['CLOSED_WITHOUT_RESPONSE', 'EXCLUDED']);
  });

  it('requires asOf when a ticket is open', () => {
    const e = thrown(() => slaAttainment(tickets, 4 * H));
    expect([e.code, e.index]).toEqual(['INVALID_OPTION', 2]);
  });

  it('throws INSUFFICIENT_DATA when every ticket is pending', () => {
    const e = thrown(() => slaAttainment([{ createdAt: '2026-05-01T12:00Z' }], 4 * H, { asOf }));
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.message).toMatch(/1 pending/);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(tickets);
    slaAttainment(tickets, 4 * H, { asOf });
    expect(tickets).toEqual(copy);
  });

  it('works in business hours: durations and the target are business time', () => {
    const schedule: Schedule = {
      timeZone: 'UTC',
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
    };
    const friday = [
      // Fri 16:00 → Mon 10:00: 2 business hours, 66 elapsed.
      { id: 'x', createdAt: '2026-05-01T16:00Z', resolvedAt: '2026-05-04T10:00Z' },
      // Open since Fri 16:30; asOf Mon 11:00: 0.5 + 2 = 2.5 business hours, pending against 4 h.
      { id: 'y', createdAt: '2026-05-01T16:30Z' },
    ];
    const business = slaAttainment(friday, 4 * H, { asOf: '2026-05-04T11:00Z', businessHours: schedule });
    expect([business.met, business.missed, business.pending, business.clock]).toEqual([1, 0, 1, 'business']);
    const elapsed = slaAttainment(friday, 4 * H, { asOf: '2026-05-04T11:00Z' });
    expect([elapsed.met, elapsed.missed, elapsed.pending]).toEqual([0, 2, 0]);
  });
});

describe('slaAttainment checks', () => {
  it('rejects a target that is not a finite number ≥ 0', () => {
    for (const target of [-1, Number.NaN, Number.POSITIVE_INFINITY, '4h' as unknown as number]) {
      const e = thrown(() => slaAttainment([1, 2], target));
      expect(e.code).toBe('INVALID_VALUE');
      expect(e.message).toMatch(/^slaAttainment: targetMs is/);
    }
  });

  it('rejects bad options and bad data with the index', () => {
    expect(thrown(() => slaAttainment([1], 1, { field: 'close' as 'resolution' })).code).toBe('INVALID_OPTION');
    expect(thrown(() => slaAttainment([1], 1, { method: 'exact' as 'wald' })).code).toBe('INVALID_OPTION');
    expect(thrown(() => slaAttainment([1], 1, { confidence: 95 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => slaAttainment([], 1)).code).toBe('EMPTY_INPUT');
    const e = thrown(() => slaAttainment([{ id: 'q', createdAt: T + 5, resolvedAt: T + 1 }], 1));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 0]);
    expect(e.message).toMatch(/resolvedAt .* is before createdAt/);
  });
});
