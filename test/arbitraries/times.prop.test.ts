import { describe, expect, it } from 'vitest';
import { formatTime, type Reading, resolveReading, timeStyle } from '../../src/arbitraries/cells.ts';
import {
  customerRow,
  faultyCustomerRow,
  faultyResponseRow,
  faultyTicketRow,
  responseRow,
  ticketRow,
} from '../../src/arbitraries/index.ts';
import { parseCustomers, parseResponses, parseTickets } from '../../src/schemas/index.ts';
import { parseTimestamp } from '../../src/time/timestamp.ts';
import { fc } from '../helpers/fc.ts';
import { thrown } from '../helpers/thrown.ts';

const SEED = 20261202;
const run = { seed: SEED, numRuns: 60 };
// Zones with DST (north and south), a :30 DST shift (Lord Howe), DST at midnight (São Paulo until
// 2019, Havana), none (Tokyo), and UTC.
const ZONES = [
  'Europe/Warsaw',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Sao_Paulo',
  'America/Havana',
  'Asia/Tokyo',
  'UTC',
];

describe('times as the rows write them', () => {
  it('every written time is read back by the parsers’ reader as the instant the row arbitraries expect', () => {
    const reading = fc
      .record({
        unit: fc.constantFrom<Reading['unit']>(undefined, 'ms', 's'),
        timeZone: fc.constantFrom(undefined, ...ZONES),
      })
      .map((o) => resolveReading('test', { timestampUnit: o.unit, timeZone: o.timeZone }));
    const style = (r: Reading) => fc.constantFrom('csv', 'json' as const).chain((format) => timeStyle(format, r));
    fc.assert(
      fc.property(
        reading.chain((r) =>
          fc.tuple(fc.constant(r), style(r), fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2098, 11, 31) })),
        ),
        ([r, s, ms]) => {
          const { cell, at } = formatTime(ms, s, r);
          expect(parseTimestamp(cell, { unit: r.unit, timeZone: r.timeZone })).toBe(at);
          expect(at).toBeLessThanOrEqual(ms);
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('a zone-less time the zone shows twice is written with its offset (New York, 01:30 on 2026-11-01)', () => {
    const reading = resolveReading('test', { timeZone: 'America/New_York' });
    const style = {
      precision: 'minutes',
      digits: 3,
      separator: ' ',
      zone: 'none',
      offsetForm: 'compact',
      offsetSpace: true,
      digitString: false,
    } as const;
    // 05:30Z is 01:30 EDT, the first of the two 01:30s.
    const ms = Date.UTC(2026, 10, 1, 5, 30);
    expect(formatTime(ms, style, reading)).toEqual({ cell: '2026-11-01 01:30:00.000 -04:00', at: ms });
    // An hour later, 02:30 EST is shown once: written zone-less.
    expect(formatTime(ms + 2 * 3_600_000, style, reading)).toEqual({ cell: '2026-11-01 02:30', at: ms + 7_200_000 });
  });

  it('a bare date whose midnight the zone skips is written with a time and offset (São Paulo, 2018-11-04)', () => {
    const reading = resolveReading('test', { timeZone: 'America/Sao_Paulo' });
    const style = {
      precision: 'date',
      digits: 1,
      separator: 'T',
      zone: 'none',
      offsetForm: 'colon',
      offsetSpace: false,
      digitString: false,
    } as const;
    const ms = Date.UTC(2018, 10, 4, 15); // 13:00 local (−02:00, DST began at midnight)
    expect(formatTime(ms, style, reading)).toEqual({ cell: '2018-11-04T13:00:00.000-02:00', at: ms });
  });

  it('offsets come as ±HH:MM, ±HHMM and ±HH, after a space or not', () => {
    const times = fc
      .sample(responseRow({ format: 'csv' }), { seed: SEED, numRuns: 800 })
      .map((r) => r.submittedAt as string);
    expect(times.some((t) => / [+-]\d{2}:\d{2}$/.test(t))).toBe(true);
    expect(times.some((t) => /\d[+-]\d{4}$/.test(t))).toBe(true);
    expect(times.some((t) => /:\d{2}(\.\d+)? ?[+-]\d{2}$/.test(t))).toBe(true);
  });
});

describe('rows for a parser told the unit and the zone', () => {
  const readings = [
    { timestampUnit: 's' },
    { timestampUnit: 'ms' },
    ...ZONES.map((timeZone) => ({ timeZone })),
    { timestampUnit: 's', timeZone: 'America/New_York' },
  ] as const;

  it.each(readings)('rows drawn for %o parse with the same options, with no error', (reading) => {
    fc.assert(
      fc.property(
        fc.array(responseRow(reading), { maxLength: 8 }),
        fc.array(ticketRow(reading), { maxLength: 8 }),
        fc.array(customerRow(reading), { maxLength: 8 }),
        (responses, tickets, customers) => {
          expect(parseResponses(responses, reading).errors).toEqual([]);
          expect(parseTickets(tickets, reading).errors).toEqual([]);
          expect(parseCustomers(customers, reading).errors).toEqual([]);
        },
      ),
      run,
    );
  });

  it.each(readings)('faulty rows drawn for %o give exactly one error at their path', (reading) => {
    fc.assert(
      fc.property(faultyResponseRow(reading), faultyTicketRow(reading), faultyCustomerRow(reading), (r, t, c) => {
        expect(
          parseResponses([r.row], reading).errors.map((e) => e.path),
          r.fault,
        ).toEqual([r.path]);
        expect(
          parseTickets([t.row], reading).errors.map((e) => e.path),
          t.fault,
        ).toEqual([t.path]);
        expect(
          parseCustomers([c.row], reading).errors.map((e) => e.path),
          c.fault,
        ).toEqual([c.path]);
      }),
      run,
    );
  });

  it("with timestampUnit 's', epoch seconds come as numbers and digit strings", () => {
    const cells = fc
      .sample(ticketRow({ timestampUnit: 's' }), { seed: SEED, numRuns: 400 })
      .map((row) => row.createdAt);
    expect(cells.some((c) => typeof c === 'number' && c < 1e10)).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && /^\d{10}$/.test(c))).toBe(true);
  });

  it('without a unit, no digit string is drawn (the parsers refuse them as ambiguous)', () => {
    const cells = fc.sample(ticketRow(), { seed: SEED, numRuns: 400 }).map((row) => row.createdAt);
    expect(cells.some((c) => typeof c === 'string' && /^\d+$/.test(c))).toBe(false);
  });

  it.each([
    [
      "timestampUnit 'sec'",
      () => ticketRow({ timestampUnit: 'sec' as never }),
      "ticketRow: timestampUnit is \"sec\"; expected 'ms' (epoch milliseconds, the default) or 's' (epoch seconds)",
    ],
    [
      "timeZone 'Mars/Olympus'",
      () => responseRow({ timeZone: 'Mars/Olympus' }),
      "responseRow: timeZone is \"Mars/Olympus\"; expected an IANA time zone name such as 'Europe/Warsaw' or 'UTC' that this platform's Intl knows",
    ],
  ])('%s fails INVALID_OPTION', (_, call, message) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(message);
  });
});
