// The character-code ISO scanner behind parseTimestamp (issue 10) against the regex reader it
// replaced (test/time/timestampOracle.ts, kept verbatim): on random valid strings of every
// accepted form and on near misses (one character changed, inserted or deleted, or several), both
// return the same thing — the same number, bit for bit, or both undefined — and timestampHint
// says the same (asked of every string, not only the rejected ones). The parsers' and metrics' error messages are built from exactly these two calls
// (`${expected}${timestampHint(value)}` wherever parseTimestamp gives undefined), so equal
// answers here mean equal accept/reject decisions and equal messages there.
import { describe, expect, it } from 'vitest';
import { ttr } from '../../src/index.ts';
import {
  ISO_TIMESTAMP_PATTERN,
  parseTimestamp,
  type TimestampReading,
  timestampHint,
} from '../../src/time/timestamp.ts';
import { fc } from '../helpers/fc.ts';
import { regexParseTimestamp, regexTimestampHint } from './timestampOracle.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const PATTERN = new RegExp(ISO_TIMESTAMP_PATTERN);

/** Both readers agree on `text` under `reading`: same result (Object.is) and same hint. */
function expectSame(text: string, reading?: TimestampReading): void {
  const label = `${JSON.stringify(text)} ${JSON.stringify(reading)}`;
  const expected = regexParseTimestamp(text, reading);
  const actual = parseTimestamp(text, reading);
  expect(Object.is(actual, expected), `${label}: ${actual} vs ${expected}`).toBe(true);
  expect(timestampHint(text, reading), label).toBe(regexTimestampHint(text, reading));
}

// Mostly in range, sometimes just past it (month 13, day 32, hour 24, minute 60, offset +24:00…),
// so that the range checks are exercised as well as the shape.
const year = fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 99, 100, 1900, 2000, 2024, 2100, 9999));
const month = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 12 }) }, fc.integer({ min: 0, max: 99 }));
const day = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 31 }) }, fc.integer({ min: 0, max: 99 }));
const hour = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 23 }) }, fc.integer({ min: 0, max: 99 }));
const sixty = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 59 }) }, fc.integer({ min: 0, max: 99 }));
const fraction = fc.stringMatching(/^[0-9]{1,12}$/);

const offset = fc.oneof(
  fc.constantFrom('Z', 'z'),
  fc
    .record({
      space: fc.boolean(),
      sign: fc.constantFrom('+', '-'),
      hours: hour,
      minutes: sixty,
      form: fc.constantFrom('HH:MM', 'HHMM', 'HH'),
    })
    .map(({ space, sign, hours, minutes, form }) => {
      const hh = `${sign}${pad(hours)}`;
      const numeric = form === 'HH' ? hh : form === 'HHMM' ? `${hh}${pad(minutes)}` : `${hh}:${pad(minutes)}`;
      return `${space ? ' ' : ''}${numeric}`;
    }),
);

const time = fc
  .record({
    separator: fc.constantFrom('T', 't', ' '),
    hour,
    minute: sixty,
    second: fc.option(sixty),
    fraction: fc.option(fraction),
    offset: fc.option(offset),
  })
  .map(
    (t) =>
      `${t.separator}${pad(t.hour)}:${pad(t.minute)}` +
      (t.second === null ? '' : `:${pad(t.second)}${t.fraction === null ? '' : `.${t.fraction}`}`) +
      (t.offset ?? ''),
  );

/** A string of an accepted form (its fields possibly out of range): date, optional time and offset. */
const isoLike = fc
  .record({ year, month, day, time: fc.option(time, { freq: 4 }) })
  .map((d) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}${d.time ?? ''}`);

// What String#trim removes (ASCII and Unicode white space, line terminators) and some look-alikes
// it keeps (zero-width space, U+180E, NUL, DEL).
const padding = fc
  .array(
    fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '\u3000',
      '\u200b',
      '\u180e',
      '\0',
      '\x7f',
    ),
    {
      maxLength: 2,
    },
  )
  .map((cs) => cs.join(''));
const padded = fc.tuple(padding, isoLike, padding).map(([a, s, b]) => `${a}${s}${b}`);

const readings: fc.Arbitrary<TimestampReading | undefined> = fc.constantFrom(
  undefined,
  {},
  { timeZone: 'Europe/Warsaw' },
  { timeZone: 'America/New_York' },
  { timeZone: 'Asia/Kolkata' },
  { timeZone: 'Australia/Lord_Howe' },
  { unit: 's' as const },
  { unit: 'ms' as const, timeZone: 'UTC' },
);
const zoneless: fc.Arbitrary<TimestampReading | undefined> = fc.constantFrom(undefined, {}, { unit: 's' as const });

// Characters a timestamp is made of, and near misses: other digits (Arabic-Indic, full-width),
// the CSV comma, letters, white space.
const alphabet = fc.constantFrom(
  ...'0123456789-:.+Tt Zz'.split(''),
  ',',
  '/',
  'x',
  'e',
  '\u0660',
  '\uff11',
  '\t',
  '\u00a0',
  '\ud800',
);

type Mutation = { kind: 'replace' | 'insert' | 'delete'; at: number; char: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'delete'),
  at: fc.nat(),
  char: alphabet,
});

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  if (m.kind === 'insert') return text.slice(0, at) + m.char + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + m.char + text.slice(at + 1);
}

describe('parseTimestamp (character-code scanner) = the regex reader', () => {
  it('generates every accepted form (the generator is not vacuous)', () => {
    const samples = fc.sample(isoLike, { numRuns: 2000, seed: 7 });
    const accepted = samples.filter((s) => regexParseTimestamp(s) !== undefined);
    expect(accepted.length).toBeGreaterThan(500);
    for (const re of [
      /^.{10}$/,
      /T/,
      /t/,
      / \d/,
      /:\d\d:\d\d(?!\.)/,
      /\.\d+/,
      /[Zz]$/,
      /[+-]\d\d:\d\d$/,
      /[+-]\d{4}$/,
    ]) {
      expect(
        accepted.some((s) => re.test(s)),
        String(re),
      ).toBe(true);
    }
    expect(accepted.some((s) => / [+-]\d\d$/.test(s))).toBe(true);
    expect(samples.some((s) => PATTERN.test(s) && regexParseTimestamp(s) === undefined)).toBe(true);
  });

  it('agrees on strings of every accepted form, zone-less ones read as UTC', () => {
    fc.assert(
      fc.property(isoLike, zoneless, (text, reading) => expectSame(text, reading)),
      { seed: 1001, numRuns: 5000 },
    );
  });

  it('agrees with a timeZone for zone-less times (DST gaps and overlaps included) and with a unit', () => {
    // Dates around the 2026 DST changes of the zones above, so that skipped and repeated wall times
    // (and their hints) come up, plus the general generator.
    const dstDay = fc.constantFrom('2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01');
    const nearDst = fc
      .record({
        date: dstDay,
        separator: fc.constantFrom('T', ' '),
        hour: fc.integer({ min: 0, max: 3 }),
        minute: sixty,
        offset: fc.option(offset, { freq: 4 }),
      })
      .map((t) => `${t.date}${t.separator}${pad(t.hour)}:${pad(t.minute)}${t.offset ?? ''}`);
    fc.assert(
      fc.property(fc.oneof(nearDst, isoLike), readings, (text, reading) => expectSame(text, reading)),
      { seed: 1002, numRuns: 1500 },
    );
  });

  it('agrees with surrounding white space (what trim removes and what it keeps)', () => {
    fc.assert(
      fc.property(padded, readings, (text, reading) => expectSame(text, reading)),
      { seed: 1003, numRuns: 1500 },
    );
  });

  it('agrees on near misses: one character changed, inserted or deleted', () => {
    fc.assert(
      fc.property(isoLike, mutation, zoneless, (text, m, reading) => expectSame(mutate(text, m), reading)),
      { seed: 1004, numRuns: 10_000 },
    );
  });

  it('agrees on strings several edits away, and with a timeZone', () => {
    fc.assert(
      fc.property(padded, fc.array(mutation, { minLength: 1, maxLength: 4 }), readings, (text, ms, reading) =>
        expectSame(ms.reduce(mutate, text), reading),
      ),
      { seed: 1005, numRuns: 3000 },
    );
  });

  it('agrees on arbitrary short strings over the timestamp alphabet and on any strings', () => {
    const short = fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.oneof(short, fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })),
        zoneless,
        (text, reading) => expectSame(text, reading),
      ),
      { seed: 1006, numRuns: 1000 },
    );
  });

  it('agrees on the edge cases written out', () => {
    for (const text of [
      '',
      ' ',
      '2026-05-01',
      '2026-05-01T',
      '2026-05-01 ',
      '2026-05-01T10',
      '2026-05-01T10:3',
      '2026-05-01T10:30:',
      '2026-05-01T10:30:0',
      '2026-05-01T10:30:00.',
      '2026-05-01T10:30:00.Z',
      '2026-05-01T10:30.5',
      '2026-05-01T10:30:00,5',
      '2026-05-01T10:30Z ',
      '2026-05-01T10:30ZZ',
      '2026-05-01T10:30 Z',
      '2026-05-01T10:30  +02',
      '2026-05-01T10:30+',
      '2026-05-01T10:30+0',
      '2026-05-01T10:30+02:',
      '2026-05-01T10:30+02:0',
      '2026-05-01T10:30+020',
      '2026-05-01T10:30+02000',
      '2026-05-01T10:30+02:000',
      '2026-05-01T10:30+02 00',
      '2026-05-01T10:30-00:00',
      '2026-05-01Z',
      '2026-05-01+02:00',
      '0000-01-01T00:00:00.000Z',
      '0000-02-29',
      '1900-02-29',
      '2000-02-29',
      '9999-12-31T23:59:59.999999999-23:59',
      '0000-01-01T00:00+23:59',
      '+010000-01-01',
      '2026-05-01T10:30:00.123456789',
      '1777631400',
      '1777631400.5',
      '20260501',
    ]) {
      for (const reading of [undefined, { timeZone: 'Europe/Warsaw' }, { unit: 's' as const }])
        expectSame(text, reading);
    }
  });

  it('ttr refuses exactly the strings the regex reader refused, with its hint', () => {
    // One metric end to end, the error message included: `…: createdAt is "…"; expected …<hint>`.
    fc.assert(
      fc.property(isoLike, mutation, (text, m) => {
        const s = mutate(text, m);
        fc.pre(s.trim() !== ''); // blank is "has no createdAt", before any parsing
        let message = '';
        try {
          ttr([{ id: 1, createdAt: s }], { asOf: '9999-12-31T23:59:59.999Z' });
        } catch (error) {
          message = (error as Error).message;
        }
        if (regexParseTimestamp(s) === undefined) {
          expect(message).toContain(`createdAt is ${JSON.stringify(s)}; expected`);
          expect(message.endsWith(regexTimestampHint(s)), message).toBe(true);
        } else {
          expect(message).not.toContain('createdAt is');
        }
      }),
      { seed: 1007, numRuns: 500 },
    );
  });

  it('agrees on values that are not strings (the scanner is not involved; a guard)', () => {
    for (const value of [
      0,
      1777631400000,
      1777631400,
      Number.NaN,
      -0,
      new Date(0),
      new Date(Number.NaN),
      null,
      {},
      [],
    ]) {
      expect(parseTimestamp(value)).toBe(regexParseTimestamp(value));
      expect(timestampHint(value)).toBe(regexTimestampHint(value));
    }
  });
});
