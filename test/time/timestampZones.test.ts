import { describe, expect, it } from 'vitest';
import { parseTickets, parseTicketsOrThrow, timestampSchema } from '../../src/schemas/index.ts';
import { parseTimestamp, timestampHint } from '../../src/time/timestamp.ts';
import { fc } from '../helpers/fc.ts';
import { thrown } from '../helpers/thrown.ts';

// Reference instants from Date.UTC (ECMA-262, exact by specification). Zone rules: the IANA tz
// database — Europe/Warsaw is UTC+2 (CEST) from the last Sunday of March, 01:00 UTC, to the last
// Sunday of October, 01:00 UTC, else UTC+1; America/New_York is UTC−4 from the second Sunday of
// March to the first Sunday of November, else UTC−5; Asia/Kolkata is UTC+5:30 all year.
const WARSAW = { timeZone: 'Europe/Warsaw' };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseTimestamp: common export formats', () => {
  it('reads `2026-04-26 14:16:00 +0200`, `+02`, `+02:00` and fractions to the microsecond and beyond', () => {
    const at = Date.UTC(2026, 3, 26, 12, 16);
    expect(parseTimestamp('2026-04-26 14:16:00 +0200')).toBe(at);
    expect(parseTimestamp('2026-04-26 14:16:00+02')).toBe(at);
    expect(parseTimestamp('2026-04-26T14:16:00+02:00')).toBe(at);
    expect(parseTimestamp('2026-04-26 14:16:00.123456 +0200')).toBe(at + 123);
    expect(parseTimestamp('2026-04-26 14:16:00.123456+02')).toBe(at + 123);
    expect(parseTimestamp('2026-04-26T12:16:00.123456Z')).toBe(at + 123);
    expect(parseTimestamp('2026-04-26T12:16:00.123456789Z')).toBe(at + 123);
  });

  it('ambiguous and engine-specific forms keep failing, with or without a time zone', () => {
    for (const reading of [{}, WARSAW]) {
      for (const text of [
        '05/01/2026',
        '01.05.2026',
        '26/04/2026 14:16',
        'Apr 26, 2026 2:16 PM',
        '2026-04-26 2:16 PM',
        '2026-04-26 14:16 CEST',
        '2026-04-26 14:16 Europe/Warsaw',
        '20260426',
        '2026-04-26 14',
      ]) {
        expect(parseTimestamp(text, reading), text).toBeUndefined();
      }
    }
  });
});

describe('parseTimestamp: zone-less local times with a named time zone', () => {
  it('reads a zone-less date-time, and a bare date, as the wall time in the zone', () => {
    expect(parseTimestamp('2026-04-26 14:16', WARSAW)).toBe(Date.UTC(2026, 3, 26, 12, 16)); // CEST
    expect(parseTimestamp('2026-01-15T14:16:30.5', WARSAW)).toBe(Date.UTC(2026, 0, 15, 13, 16, 30, 500)); // CET
    expect(parseTimestamp('2026-04-26', WARSAW)).toBe(Date.UTC(2026, 3, 25, 22));
    expect(parseTimestamp('2026-04-26 14:16', { timeZone: 'Asia/Kolkata' })).toBe(Date.UTC(2026, 3, 26, 8, 46));
    expect(parseTimestamp('2026-04-26 14:16', { timeZone: 'UTC' })).toBe(Date.UTC(2026, 3, 26, 14, 16));
  });

  it('without a time zone a zone-less time is still UTC, never the machine’s local time', () => {
    expect(parseTimestamp('2026-04-26 14:16')).toBe(Date.UTC(2026, 3, 26, 14, 16));
  });

  it('a time with an offset keeps its offset whatever the zone', () => {
    expect(parseTimestamp('2026-04-26 14:16 +0000', WARSAW)).toBe(Date.UTC(2026, 3, 26, 14, 16));
    expect(parseTimestamp('2026-04-26T14:16Z', WARSAW)).toBe(Date.UTC(2026, 3, 26, 14, 16));
  });

  it('refuses a wall time the zone skips (DST starts), with a hint', () => {
    // Warsaw 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens.
    expect(parseTimestamp('2026-03-29 02:30', WARSAW)).toBeUndefined();
    expect(parseTimestamp('2026-03-29 01:59', WARSAW)).toBe(Date.UTC(2026, 2, 29, 0, 59));
    expect(parseTimestamp('2026-03-29 03:00', WARSAW)).toBe(Date.UTC(2026, 2, 29, 1));
    expect(timestampHint('2026-03-29 02:30', WARSAW)).toBe(
      '; 2026-03-29 02:30 never happens in Europe/Warsaw (the clocks skip it: DST starts); expected an existing local time, or an offset',
    );
  });

  it('refuses a wall time the zone shows twice (DST ends), naming both instants', () => {
    // Warsaw 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 happens at 00:30Z and 01:30Z.
    expect(parseTimestamp('2026-10-25 02:30', WARSAW)).toBeUndefined();
    expect(timestampHint('2026-10-25 02:30', WARSAW)).toBe(
      '; 2026-10-25 02:30 happens twice in Europe/Warsaw (the clocks go back: DST ends), at 2026-10-25T00:30:00.000Z and 2026-10-25T01:30:00.000Z; write it with its UTC offset',
    );
    expect(parseTimestamp('2026-10-25 02:30 +0200', WARSAW)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(parseTimestamp('2026-10-25 02:30 +01', WARSAW)).toBe(Date.UTC(2026, 9, 25, 1, 30));
    expect(parseTimestamp('2026-10-25 03:00', WARSAW)).toBe(Date.UTC(2026, 9, 25, 2));
  });
});

describe('parsers: the timeZone option', () => {
  it('parseTickets reads zone-less times in the named zone and keeps explicit offsets', () => {
    const [t] = parseTicketsOrThrow(
      [{ id: 'T-1', createdAt: '2026-04-26 14:16', resolvedAt: '2026-04-26 16:00:00 +0200' }],
      WARSAW,
    );
    expect([t?.createdAt.toISOString(), t?.resolvedAt?.toISOString()]).toEqual([
      '2026-04-26T12:16:00.000Z',
      '2026-04-26T14:00:00.000Z',
    ]);
  });

  it('reports a skipped or repeated local time as a bad row, with the reason', () => {
    const { errors } = parseTickets(
      [
        { id: 'T-1', createdAt: '2026-03-29 02:30' },
        { id: 'T-2', createdAt: '2026-10-25 02:30' },
      ],
      WARSAW,
    );
    expect(errors.map((e) => [e.index, e.path])).toEqual([
      [0, ['createdAt']],
      [1, ['createdAt']],
    ]);
    expect(errors[0]?.message).toContain('never happens in Europe/Warsaw');
    expect(errors[1]?.message).toContain('happens twice in Europe/Warsaw');
  });

  it('rejects an unknown or malformed time zone with INVALID_OPTION naming it', () => {
    const e = thrown(() => parseTickets([], { timeZone: 'Mars/Olympus' }));
    expect([e.code, e.message]).toEqual([
      'INVALID_OPTION',
      "parseTickets: timeZone is \"Mars/Olympus\", which this platform's Intl does not know; expected an IANA time zone name such as 'Europe/Warsaw' or 'UTC'",
    ]);
    expect(thrown(() => parseTickets([], { timeZone: '' })).code).toBe('INVALID_OPTION');
    expect(thrown(() => parseTickets([], { timeZone: 2 as unknown as string })).code).toBe('INVALID_OPTION');
  });

  it('timestampSchema used on its own reads zone-less times as UTC, also after a parse with a zone', () => {
    parseTicketsOrThrow([{ id: 'T-1', createdAt: '2026-04-26 14:16' }], WARSAW);
    expect(timestampSchema.parse('2026-04-26 14:16').toISOString()).toBe('2026-04-26T14:16:00.000Z');
  });
});

// --- Round trips: format an instant as a clock in a zone shows it, parse it back. ---

const ZONES = [
  'UTC',
  'Europe/Warsaw',
  'America/New_York',
  'America/St_Johns', // −03:30 / −02:30
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The wall clock in `timeZone` at `ms`, from the platform's Intl (the oracle, not zonedTime.ts). */
function wallClock(ms: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const part = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(part[k]));
  const wall = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s) + (((ms % 1000) + 1000) % 1000);
  return {
    text: `${pad(y as number, 4)}-${pad(mo as number)}-${pad(d as number)} ${pad(h as number)}:${pad(mi as number)}:${pad(s as number)}`,
    offsetMinutes: Math.round((wall - ms) / 60_000),
  };
}

const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
const zone = fc.constantFrom(...ZONES);
const micros = fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 3));

describe('parseTimestamp: round trips through the wall clock of a zone', () => {
  it('an instant written with its UTC offset (±HHMM, ±HH:MM, ±HH, after a space or not) reads back to it', () => {
    fc.assert(
      fc.property(
        instant,
        zone,
        micros,
        fc.constantFrom(' ', ''),
        fc.constantFrom('HHMM', 'HH:MM', 'HH'),
        (ms, tz, us, space, style) => {
          const { text, offsetMinutes } = wallClock(ms, tz);
          fc.pre(style !== 'HH' || offsetMinutes % 60 === 0);
          const abs = Math.abs(offsetMinutes);
          const hh = pad(Math.trunc(abs / 60));
          const mm = pad(abs % 60);
          const offset = `${offsetMinutes < 0 ? '-' : '+'}${style === 'HH' ? hh : style === 'HH:MM' ? `${hh}:${mm}` : `${hh}${mm}`}`;
          const fraction = `.${pad(ms % 1000, 3)}${us}`; // microseconds: truncated to the millisecond
          expect(parseTimestamp(`${text}${fraction}${space}${offset}`)).toBe(ms);
        },
      ),
      { seed: 26_04_2026 },
    );
  });

  it('an instant written as a zone-less wall time reads back to it with timeZone, unless that wall time happens twice', () => {
    fc.assert(
      fc.property(instant, zone, (ms, tz) => {
        const { text } = wallClock(ms, tz);
        const wallText = `${text}.${pad(ms % 1000, 3)}`;
        const parsed = parseTimestamp(wallText, { timeZone: tz });
        // The oracle for "happens twice": another instant up to an hour away shows the same clock.
        const repeated = [-60, -30, 30, 60].some((m) => wallClock(ms + m * 60_000, tz).text === text);
        expect(parsed).toBe(repeated ? undefined : ms);
      }),
      { seed: 9_2026 },
    );
  });

  it('around each DST change of Warsaw and New York in 2026, every minute round-trips or is refused as repeated', () => {
    const changes = [
      Date.UTC(2026, 2, 29, 1), // Warsaw, CET → CEST
      Date.UTC(2026, 9, 25, 1), // Warsaw, CEST → CET
      Date.UTC(2026, 2, 8, 7), // New York, EST → EDT
      Date.UTC(2026, 10, 1, 6), // New York, EDT → EST
    ];
    for (const [i, change] of changes.entries()) {
      const tz = i < 2 ? 'Europe/Warsaw' : 'America/New_York';
      let refused = 0;
      for (let ms = change - 2 * 3_600_000; ms <= change + 2 * 3_600_000; ms += 60_000) {
        const { text } = wallClock(ms, tz);
        const parsed = parseTimestamp(text, { timeZone: tz });
        if (parsed === undefined) refused++;
        else expect(parsed, `${text} in ${tz}`).toBe(ms);
      }
      // Spring forward: nothing real is refused. Fall back: the repeated hour, both times (120 min).
      expect(refused, tz).toBe(i % 2 === 0 ? 0 : 120);
    }
  });
});
