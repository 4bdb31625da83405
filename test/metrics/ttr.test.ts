import { describe, expect, it } from 'vitest';
import { kaplanMeier, meanInterval, quantile, quantileInterval } from '../../src/index.ts';
import type { TicketRecord } from '../../src/metrics/tickets.ts';
import { firstResponseTime, ttr } from '../../src/metrics/ttr.ts';
import { parseTicketsOrThrow, type Ticket } from '../../src/schemas/index.ts';
import { businessDuration, type Schedule } from '../../src/time/businessDuration.ts';
import { expectClose } from '../helpers/close.ts';
import { loadSampleTickets, SAMPLE_TICKETS_AS_OF } from '../helpers/sampleTickets.ts';
import { thrown } from '../helpers/thrown.ts';

const H = 3_600_000;
// Tickets given as epoch ms start here: numeric times before 2000 are refused (they look like seconds).
const T = Date.UTC(2026, 4, 1);

// The aml data (Miller 1981; R's survival::aml), weeks to relapse; status 0 = censored.
const AML_MAINTAINED = {
  time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161],
  status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0],
};
const AML_NONMAINTAINED = {
  time: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
  status: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
};

describe('ttr with open tickets agrees with R survival (aml data)', () => {
  // R survival's survfit summary table for Surv(time, status) ~ x on aml, as printed in public R
  // output: Maintained rmean 52.64545454545454, se(rmean) 19.82860279556258 (upper limit 161, the
  // largest time); Nonmaintained rmean 22.70833, se(rmean) 4.180942 (the curve reaches 0 at 45).
  // Medians with R's default conf.type 'log': 31 [18, NA] and 23 [8, NA].
  it('restricted mean and its Greenwood-type standard error for Maintained (horizon 161)', () => {
    const r = ttr(AML_MAINTAINED.time, { events: AML_MAINTAINED.status });
    expect(r.method).toBe('kaplan-meier');
    expect(r.mean.method).toBe('restricted-mean');
    expect(r.mean.horizon).toBe(161);
    expectClose(r.mean.value, 52.64545454545454, 1e-13);
    expectClose(r.mean.standardError ?? Number.NaN, 19.82860279556258, 1e-13);
    expectClose(r.mean.lower, 52.64545454545454 - 1.959963984540054 * 19.82860279556258, 1e-12);
  });

  it('restricted mean and standard error for Nonmaintained, where the curve drops to 0', () => {
    const r = ttr(AML_NONMAINTAINED.time, { events: AML_NONMAINTAINED.status });
    expectClose(r.mean.value, 22.70833, 1e-6);
    expectClose(r.mean.standardError ?? Number.NaN, 4.180942, 1e-6);
    expect(r.mean.horizon).toBe(45);
  });

  it("medians with confType 'log' are R's 31 [18, Infinity] and 23 [8, Infinity]", () => {
    const m = ttr(AML_MAINTAINED.time, { events: AML_MAINTAINED.status, confType: 'log' }).median;
    expect([m.value, m.lower, m.upper]).toEqual([31, 18, Number.POSITIVE_INFINITY]);
    expect(m.warnings.map((w) => w.code)).toEqual(['UPPER_NOT_REACHED']);
    const n = ttr(AML_NONMAINTAINED.time, { events: AML_NONMAINTAINED.status, confType: 'log' }).median;
    expect([n.value, n.lower, n.upper]).toEqual([23, 8, Number.POSITIVE_INFINITY]);
  });

  it('the median equals kaplanMeier(…).median with the default log-log band', () => {
    const r = ttr(AML_MAINTAINED.time, { events: AML_MAINTAINED.status });
    const km = kaplanMeier(AML_MAINTAINED.time, AML_MAINTAINED.status);
    expect([r.median.value, r.median.lower, r.median.upper]).toEqual([
      km.median.value,
      km.median.lower,
      km.median.upper,
    ]);
    expect(r.median.method).toBe('brookmeyer-crowley');
  });
});

describe('ttr with every ticket resolved: order statistics', () => {
  const hours = [2, 30, 5, 1, 8, 12, 3, 48, 6, 4, 7, 20];
  const durations = hours.map((h) => h * H);

  it('reports type-7 quantiles with the order-statistic intervals of quantileInterval', () => {
    const r = ttr(durations);
    expect(r.method).toBe('order-statistics');
    expect([r.n, r.completed, r.open]).toEqual([12, 12, 0]);
    expect(r.unit).toBe('ms');
    expect(r.clock).toBe('elapsed');
    expect(Object.keys(r.percentiles)).toEqual(['p50', 'p90']);
    for (const [key, p] of [
      ['p50', 0.5],
      ['p90', 0.9],
    ] as const) {
      const expected = quantileInterval(durations, p);
      const got = r.percentiles[key];
      expect(got?.value).toBe(quantile(durations, p));
      expect([got?.lower, got?.upper, got?.achievedConfidence]).toEqual([
        expected.lower,
        expected.upper,
        expected.achievedConfidence,
      ]);
      expect(got?.p).toBe(p);
    }
    // Sorted: 1 2 3 4 5 6 7 8 12 20 30 48 h; type 7 median (6 + 7)/2.
    expect(r.median.value).toBe(6.5 * H);
    expect(r.median.achievedConfidence).toBeGreaterThanOrEqual(0.95);
  });

  it('reports the t interval of the mean, clipped at 0 with a warning when it reaches below', () => {
    const r = ttr(durations);
    const t = meanInterval(durations);
    expect(r.mean.value).toBe(t.value);
    expect(r.mean.upper).toBe(t.upper);
    expect(r.mean.method).toBe('t');
    expect(r.mean.horizon).toBeUndefined();
    const skewed = ttr([1, 1, 1, 1, 100].map((h) => h * H));
    expect(skewed.mean.lower).toBe(0);
    expect(skewed.mean.warnings.map((w) => w.code)).toEqual(['CLIPPED']);
  });

  it('offers a seeded BCa bootstrap for the mean: same seed, same interval', () => {
    const a = ttr(durations, { meanMethod: 'bootstrap-bca', seed: 7, resamples: 2000 });
    const b = ttr(durations, { meanMethod: 'bootstrap-bca', seed: 7, resamples: 2000 });
    expect(a.mean).toEqual(b.mean);
    expect(a.mean.method).toBe('bootstrap-bca');
    expect(a.mean.lower).toBeLessThan(a.mean.value);
    expect(a.mean.upper).toBeGreaterThan(a.mean.value);
  });

  it('names chosen percentiles p25, p95, p99.9', () => {
    const r = ttr(durations, { percentiles: [0.25, 0.95, 0.999] });
    expect(Object.keys(r.percentiles)).toEqual(['p25', 'p95', 'p99.9']);
    expect(ttr(durations, { percentiles: [] }).percentiles).toEqual({});
  });

  it('with one ticket: the median is it, the mean interval is [0, Infinity) with a warning', () => {
    const r = ttr([3 * H]);
    expect(r.median.value).toBe(3 * H);
    expect([r.mean.value, r.mean.lower, r.mean.upper]).toEqual([3 * H, 0, Number.POSITIVE_INFINITY]);
    expect(r.mean.warnings.map((w) => w.code)).toEqual(['INSUFFICIENT_DATA']);
  });

  it('with a horizon, the mean is the restricted mean: the mean of min(duration, τ)', () => {
    const tau = 10 * H;
    const r = ttr(durations, { horizon: tau });
    expect(r.method).toBe('order-statistics');
    expect(r.mean.method).toBe('restricted-mean');
    expect(r.mean.horizon).toBe(tau);
    const capped = durations.map((d) => Math.min(d, tau));
    expectClose(r.mean.value / H, capped.reduce((a, b) => a + b, 0) / capped.length / H, 1e-12);
  });

  it('at τ = the largest duration the restricted mean is the mean, with variance Σ(x − x̄)²/n²', () => {
    // Without censoring, the Kaplan–Meier (Greenwood-type) variance of the area is the plug-in
    // variance of the mean (divisor n, not n − 1).
    const r = ttr(durations, { horizon: 48 * H });
    const n = hours.length;
    const mean = hours.reduce((a, b) => a + b, 0) / n;
    const plugIn = hours.reduce((s, h) => s + (h - mean) ** 2, 0) / (n * n);
    expectClose(r.mean.value / H, mean, 1e-12);
    expectClose((r.mean.standardError ?? Number.NaN) / H, Math.sqrt(plugIn), 1e-12);
  });
});

describe('ttr reads ticket records', () => {
  const asOf = '2026-05-08T00:00Z';
  const tickets: TicketRecord[] = [
    { id: 'T-1', createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T10:00Z' },
    { id: 'T-2', createdAt: new Date('2026-05-01T10:00Z'), resolvedAt: new Date('2026-05-01T13:00Z') },
    { id: 'T-3', createdAt: Date.parse('2026-05-02T08:00Z'), resolvedAt: Date.parse('2026-05-02T10:00Z') },
    { id: 'T-4', createdAt: '2026-05-03T12:00', resolvedAt: '2026-05-04T12:00' },
    { id: 'T-5', createdAt: '2026-05-06T00:00Z', resolvedAt: null },
  ];

  it('as Dates, ISO strings (no offset = UTC) and epoch ms alike', () => {
    const r = ttr(tickets.slice(0, 4));
    // 1 h, 3 h, 2 h, 24 h
    expect(r.median.value).toBe(2.5 * H);
    expect(r.mean.value).toBe(7.5 * H);
  });

  it('censors an open ticket at asOf and never drops it', () => {
    const r = ttr(tickets, { asOf });
    expect([r.n, r.completed, r.open]).toEqual([5, 4, 1]);
    expect(r.method).toBe('kaplan-meier');
    // T-5 is open for 48 h at asOf: the horizon of the restricted mean.
    expect(r.mean.horizon).toBe(48 * H);
    expect(r.warnings.map((w) => w.code)).toContain('CENSORED');
    expect(r.warnings.find((w) => w.code === 'CENSORED')?.message).toMatch(/restricted mean up to 172800000 ms/);
  });

  it('requires asOf when a ticket is open (INVALID_OPTION naming the ticket)', () => {
    const e = thrown(() => ttr(tickets));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.index).toBe(4);
    expect(e.message).toMatch(
      /^ttr: ticket at index 4 \(id "T-5"\) has no resolvedAt \(still open\), so asOf is required/,
    );
  });

  it('rejects a resolution before creation, naming the index, the field and the value', () => {
    const bad = [...tickets.slice(0, 2), { id: 'X', createdAt: '2026-05-02T10:00Z', resolvedAt: '2026-05-02T09:00Z' }];
    const e = thrown(() => ttr(bad));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 2, '2026-05-02T09:00Z']);
    expect(e.message).toBe(
      'ttr: ticket at index 2 (id "X"): resolvedAt (2026-05-02T09:00:00.000Z) is before createdAt (2026-05-02T10:00:00.000Z); expected a time at or after createdAt',
    );
  });

  it('rejects an unparsable date, naming the index and the field', () => {
    const e = thrown(() => ttr([{ id: 1, createdAt: '05/01/2026', resolvedAt: '2026-05-02' }]));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 0, '05/01/2026']);
    expect(e.message).toMatch(/^ttr: ticket at index 0 \(id 1\): createdAt is "05\/01\/2026"; expected an ISO-8601/);
    const f = thrown(() => ttr([{ createdAt: T, resolvedAt: '2026-02-31' }]));
    expect([f.index, f.value]).toEqual([0, '2026-02-31']);
    expect(f.message).toMatch(/resolvedAt is "2026-02-31"/);
    expect(thrown(() => ttr([{ id: 'a' } as unknown as TicketRecord])).message).toMatch(/has no createdAt/);
  });

  it('rejects a ticket created after asOf', () => {
    const e = thrown(() => ttr(tickets, { asOf: '2026-05-05T00:00Z' }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 4]);
    expect(e.message).toMatch(/createdAt \(2026-05-06T00:00:00.000Z\) is after asOf/);
  });

  it('counts a ticket resolved after asOf as open at asOf, with a warning', () => {
    const r = ttr(tickets.slice(0, 4), { asOf: '2026-05-04T00:00Z' });
    expect([r.completed, r.open]).toEqual([3, 1]);
    expect(r.warnings.map((w) => w.code)).toContain('AFTER_AS_OF');
    expect(r.mean.horizon).toBe(12 * H);
  });

  it('reports a median the Kaplan–Meier curve never reaches as Infinity with a warning', () => {
    const r = ttr(
      [
        { createdAt: T, resolvedAt: T + H },
        { createdAt: T, resolvedAt: null },
        { createdAt: T, resolvedAt: null },
      ],
      { asOf: T + 10 * H },
    );
    expect(r.median.value).toBe(Number.POSITIVE_INFINITY);
    expect(r.median.warnings.map((w) => w.code)).toContain('NOT_REACHED');
    expect(r.warnings.map((w) => w.code)).toContain('NOT_REACHED');
    expect(r.median.warnings[0]?.message).toMatch(/^ttr: /);
  });

  it('does not mutate the tickets', () => {
    const copy = structuredClone(tickets);
    ttr(tickets, { asOf });
    expect(tickets).toEqual(copy);
  });

  it('accepts tickets parsed by the Ticket schema', () => {
    const parsed: Ticket[] = parseTicketsOrThrow([
      { id: 'a', createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T11:00Z', agentReplies: '2' },
      { id: 'b', createdAt: '2026-05-01T09:00Z', resolvedAt: '' },
    ]);
    const r = ttr(parsed, { asOf: '2026-05-01T12:00Z' });
    expect([r.completed, r.open]).toEqual([1, 1]);
  });
});

describe('ttr input and option checks', () => {
  it('rejects empty input, a non-array and bad durations with the index', () => {
    expect(thrown(() => ttr([])).code).toBe('EMPTY_INPUT');
    expect(thrown(() => ttr(null as unknown as number[])).code).toBe('INVALID_VALUE');
    const e = thrown(() => ttr([1, -2, 3]));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 1, -2]);
    expect(e.message).toMatch(/^ttr: duration at index 1 is -2/);
    expect(thrown(() => ttr([1, Number.NaN])).index).toBe(1);
    expect(thrown(() => ttr([{ createdAt: T, resolvedAt: T + 1 }, 5] as unknown as TicketRecord[])).index).toBe(1);
  });

  it('rejects options that do not fit the input', () => {
    const tickets = [{ createdAt: T, resolvedAt: T + H }];
    expect(thrown(() => ttr(tickets, { events: [true] })).code).toBe('INVALID_OPTION');
    expect(thrown(() => ttr([1, 2], { asOf: T })).code).toBe('INVALID_OPTION');
    const schedule: Schedule = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } };
    expect(thrown(() => ttr([1, 2], { businessHours: schedule })).message).toMatch(
      /businessHours is only for ticket records/,
    );
    expect(thrown(() => ttr([1, 2], { events: [true] })).code).toBe('INVALID_VALUE');
  });

  it('rejects bad statistics options', () => {
    for (const options of [
      { confidence: 1 },
      { percentiles: [0.5, 1] },
      { percentiles: [0.9, 0.9] },
      { percentiles: 0.9 as unknown as number[] },
      { meanMethod: 'median' as 't' },
      { horizon: 0 },
      { horizon: Number.POSITIVE_INFINITY },
      { confType: 'arcsine' as 'log' },
      { asOf: 'yesterday' },
    ]) {
      expect(thrown(() => ttr([{ createdAt: T, resolvedAt: T + H }], options)).code).toBe('INVALID_OPTION');
    }
  });
});

describe('ttr in business hours', () => {
  // Mon–Fri 09:00–17:00 UTC. 2026-05-01 is a Friday.
  const schedule: Schedule = {
    timeZone: 'UTC',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
  };
  const tickets = [
    // Fri 16:00 → Mon 10:00: 1 h + 1 h of business time (66 h elapsed).
    { id: 'a', createdAt: '2026-05-01T16:00Z', resolvedAt: '2026-05-04T10:00Z' },
    // Mon 09:00 → Mon 12:00: 3 h.
    { id: 'b', createdAt: '2026-05-04T09:00Z', resolvedAt: '2026-05-04T12:00Z' },
    // Sat 10:00 → Mon 09:30: 0.5 h.
    { id: 'c', createdAt: '2026-05-02T10:00Z', resolvedAt: '2026-05-04T09:30Z' },
    // Open since Mon 15:00; asOf Tue 11:00: 2 h + 2 h = 4 h.
    { id: 'd', createdAt: '2026-05-04T15:00Z' },
  ];
  const asOf = '2026-05-05T11:00Z';

  it('measures durations with businessDuration and censors open tickets at businessDuration(createdAt, asOf)', () => {
    const r = ttr(tickets, { asOf, businessHours: schedule });
    expect(r.clock).toBe('business');
    expect(r.mean.horizon).toBe(4 * H);
    expect(r.mean.horizon).toBe(businessDuration('2026-05-04T15:00Z', asOf, schedule));
    // Kaplan–Meier on 0.5, 2, 3 (events) and 4 (censored): Ŝ = 3/4, 2/4, 1/4; the median sits at
    // 1/2 from 2 h to 3 h, so it is the midpoint 2.5 h.
    expect(r.median.value).toBe(2.5 * H);
    // Elapsed time tells another story.
    expect(ttr(tickets, { asOf }).median.value).toBeGreaterThan(24 * H);
  });

  it('reports a bad schedule as an option of ttr', () => {
    const e = thrown(() => ttr(tickets, { asOf, businessHours: { timeZone: 'Mars/Olympus', week: {} } }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toMatch(/^ttr: businessHours: schedule.timeZone is "Mars\/Olympus"/);
  });
});

describe('firstResponseTime', () => {
  it('measures createdAt → firstResponseAt and censors unanswered open tickets at asOf', () => {
    const tickets = [
      { id: 1, createdAt: T, firstResponseAt: T + 10 * 60_000, resolvedAt: T + 5 * H },
      { id: 2, createdAt: T, firstResponseAt: T + 30 * 60_000 },
      { id: 3, createdAt: T, firstResponseAt: T + 20 * 60_000 },
      { id: 4, createdAt: T },
    ];
    const r = firstResponseTime(tickets, { asOf: T + 2 * H });
    expect(r.method).toBe('kaplan-meier');
    expect([r.completed, r.open]).toEqual([3, 1]);
    // Ŝ = 3/4, 2/4 (flat at 1/2 from 20 to 30 min), 1/4: median (20 + 30)/2 min.
    expect(r.median.value).toBe(25 * 60_000);
  });

  it('censors a ticket resolved without any response at its resolution, with a warning', () => {
    const tickets = [
      { id: 1, createdAt: T, firstResponseAt: T + H },
      { id: 2, createdAt: T, firstResponseAt: T + 3 * H },
      { id: 3, createdAt: T, resolvedAt: T + 2 * H },
    ];
    const r = firstResponseTime(tickets);
    expect([r.completed, r.open]).toEqual([2, 1]);
    expect(r.mean.horizon).toBe(3 * H);
    expect(r.warnings.map((w) => w.code)).toContain('CLOSED_WITHOUT_RESPONSE');
    expect(r.warnings[0]?.message).toMatch(/^firstResponseTime: 1 ticket\(s\) were resolved without a first response/);
  });

  it('rejects a first response before creation, naming the field', () => {
    const e = thrown(() => firstResponseTime([{ id: 'z', createdAt: T + 10, firstResponseAt: T + 5 }]));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 0, T + 5]);
    expect(e.message).toMatch(
      /^firstResponseTime: ticket at index 0 \(id "z"\): firstResponseAt .* is before createdAt/,
    );
  });
});

describe('docs/ttr.md: dropping open tickets biases TTR low', () => {
  // Seven resolved tickets and three still open at asOf, in hours.
  const resolved = [1, 2, 3, 4, 6, 8, 12];
  const openAges = [30, 40, 50];

  it('resolved only: median 4 h, mean 5.14 h', () => {
    const r = ttr(resolved.map((h) => h * H));
    expect(r.median.value / H).toBe(4);
    expect((r.mean.value / H).toFixed(2)).toBe('5.14');
  });

  it('open tickets censored: median 7 h, restricted mean 18.6 h up to 50 h', () => {
    const durations = [...resolved, ...openAges].map((h) => h * H);
    const events = [...resolved.map(() => true), ...openAges.map(() => false)];
    const r = ttr(durations, { events });
    // Ŝ falls by 1/10 at each resolution to 0.5 at 6 h and stays there until 8 h: midpoint 7 h.
    expect(r.median.value / H).toBe(7);
    // 1 + 0.9 + 0.8 + 0.7 + 2·0.6 + 2·0.5 + 4·0.4 + 38·0.3 = 18.6
    expectClose(r.mean.value / H, 18.6, 1e-12);
    expect(r.mean.horizon).toBe(50 * H);
  });
});

describe('the bundled sample tickets (examples/data/tickets.csv)', () => {
  const tickets = loadSampleTickets();
  const asOf = SAMPLE_TICKETS_AS_OF;

  it('parse cleanly, about 300 tickets with some still open at the export time', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(280);
    expect(tickets.length).toBeLessThanOrEqual(320);
    const open = tickets.filter((t) => t.resolvedAt === undefined).length;
    expect(open).toBeGreaterThan(5);
    expect(tickets.every((t) => t.createdAt.getTime() <= Date.parse(asOf))).toBe(true);
  });

  it('give a Kaplan–Meier TTR above the resolved-only one', () => {
    const all = ttr(tickets, { asOf });
    expect(all.method).toBe('kaplan-meier');
    expect(all.n).toBe(tickets.length);
    const resolvedOnly = ttr(tickets.filter((t) => t.resolvedAt !== undefined));
    expect(all.median.value).toBeGreaterThan(resolvedOnly.median.value);
    const frt = firstResponseTime(tickets, { asOf });
    expect(frt.median.value).toBeLessThan(all.median.value);
  });

  it('keeps a first response after the resolution but warns RESPONSE_AFTER_RESOLUTION', () => {
    const r = firstResponseTime([
      {
        id: 1,
        createdAt: '2026-01-01T00:00:00Z',
        firstResponseAt: '2026-01-01T03:00:00Z',
        resolvedAt: '2026-01-01T02:00:00Z',
      },
      {
        id: 2,
        createdAt: '2026-01-01T00:00:00Z',
        firstResponseAt: '2026-01-01T01:00:00Z',
        resolvedAt: '2026-01-01T02:00:00Z',
      },
    ]);
    expect(r.completed).toBe(2);
    expect(r.warnings.map((w) => w.code)).toContain('RESPONSE_AFTER_RESOLUTION');
  });
});
