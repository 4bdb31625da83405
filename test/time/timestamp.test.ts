import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ISO_TIMESTAMP_PATTERN as SCHEMA_PATTERN } from '../../src/schemas/index.ts';
import { ISO_TIMESTAMP_PATTERN, parseTimestamp, timestampHint } from '../../src/time/timestamp.ts';
import { fc } from '../helpers/fc.ts';

// Reference instants come from Date.UTC and from Date.parse of the ECMA-262 Date Time String
// Format 'YYYY-MM-DDTHH:mm:ss.sssZ' (ECMA-262 §21.4.1.32), both exact by specification; neither
// is the code under test.
const MAY_1_1030 = Date.UTC(2026, 4, 1, 10, 30); // 1777631400000
const YEAR_0 = Date.parse('0000-01-01T00:00:00.000Z'); // -62167219200000
const YEAR_9999_END = Date.parse('9999-12-31T23:59:59.999Z'); // 253402300799999
const MAX_INSTANT_MS = 8.64e15; // ECMA-262 §21.4.1.1: ±100 000 000 days

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseTimestamp: ISO-8601 strings', () => {
  it('reads the examples in its JSDoc', () => {
    expect(parseTimestamp('2026-05-01T12:30+02:00')).toBe(1777631400000);
    expect(parseTimestamp('2026-05-01 10:30')).toBe(1777631400000);
    expect(parseTimestamp('2026-02-30')).toBeUndefined();
    expect(parseTimestamp('05/01/2026')).toBeUndefined();
    expect(parseTimestamp(1777631400)).toBeUndefined();
    expect(parseTimestamp(1777631400, { unit: 's' })).toBe(1777631400000);
  });

  it('reads a date-time without an offset, and a bare date, as UTC — never local time', () => {
    expect(parseTimestamp('2026-05-01T10:30')).toBe(MAY_1_1030);
    expect(parseTimestamp('2026-05-01T10:30:00')).toBe(MAY_1_1030);
    expect(parseTimestamp('2026-05-01 10:30:00.000')).toBe(MAY_1_1030);
    expect(parseTimestamp('2026-05-01')).toBe(Date.UTC(2026, 4, 1));
  });

  it('accepts the offsets Z, z, ±HH:MM and ±HHMM, and T, t or a space before the time', () => {
    for (const text of [
      '2026-05-01T10:30:00Z',
      '2026-05-01t10:30z',
      '2026-05-01 10:30Z',
      '2026-05-01T12:30:00+02:00',
      '2026-05-01T12:30+0200',
      '2026-05-01T05:00-05:30',
      '2026-05-01T05:00-0530',
      '2026-05-01T10:30+00:00',
      '2026-05-01T10:30-00:00',
    ]) {
      expect(parseTimestamp(text), text).toBe(MAY_1_1030);
    }
  });

  it('accepts offsets up to ±23:59 and rejects hours past 23 or minutes past 59', () => {
    expect(parseTimestamp('2026-05-01T10:30+23:59')).toBe(MAY_1_1030 - (23 * 60 + 59) * 60_000);
    expect(parseTimestamp('2026-05-01T10:30-23:59')).toBe(MAY_1_1030 + (23 * 60 + 59) * 60_000);
    for (const text of ['2026-05-01T10:30+24:00', '2026-05-01T10:30+02:60', '2026-05-01T10:30+9900']) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });

  // Changed (issue 9): '+02' and a space before a numeric offset used to be rejected as outside
  // RFC 3339; exports write them (PostgreSQL's '…14:16:00+02', `date`'s '… +0200'), and neither
  // is ambiguous, so they are read now.
  it('accepts a bare hour offset (+02) and one space before a numeric offset, as exports write them', () => {
    const at1416 = Date.UTC(2026, 3, 26, 12, 16);
    for (const text of [
      '2026-04-26 14:16:00 +0200',
      '2026-04-26 14:16:00 +02:00',
      '2026-04-26 14:16:00 +02',
      '2026-04-26 14:16:00+02',
      '2026-04-26T14:16+02',
      '2026-04-26T07:16-05',
      '2026-04-26 07:16 -0500',
    ]) {
      expect(parseTimestamp(text), text).toBe(at1416);
    }
    expect(parseTimestamp('2026-04-26 14:16:00 +24')).toBeUndefined();
  });

  it('rejects other offset shapes outside RFC 3339 and the forms above', () => {
    for (const text of [
      '2026-05-01T10:30+2:00',
      '2026-05-01T10:30+02:0',
      '2026-05-01T10:30+020',
      '2026-05-01T10:30+2',
      '2026-05-01T10:30  +02:00', // two spaces
      '2026-05-01T10:30 Z', // a space only before a numeric offset
      '2026-05-01T10:30UTC',
      '2026-05-01T10:30GMT+2',
      '2026-05-01+02:00', // an offset needs a time
    ]) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });

  it('reads a fraction of any length after a dot, truncated (not rounded) to the millisecond', () => {
    expect(parseTimestamp('2026-05-01T10:30:00.5Z')).toBe(MAY_1_1030 + 500);
    expect(parseTimestamp('2026-05-01T10:30:00.25')).toBe(MAY_1_1030 + 250);
    expect(parseTimestamp('2026-05-01T10:30:00.123Z')).toBe(MAY_1_1030 + 123);
    expect(parseTimestamp('2026-05-01T10:30:00.9999Z')).toBe(MAY_1_1030 + 999);
    expect(parseTimestamp('2026-05-01T10:30:00.123456789+02:00')).toBe(MAY_1_1030 - 2 * 3_600_000 + 123);
    // Date.parse truncates the same way (V8, SpiderMonkey, JavaScriptCore).
    expect(parseTimestamp('2026-05-01T10:30:00.9999Z')).toBe(Date.parse('2026-05-01T10:30:00.9999Z'));
  });

  it('rejects a comma before the fraction (the CSV separator), a fraction without seconds and an empty one', () => {
    for (const text of [
      '2026-05-01T10:30:00,5Z',
      '2026-05-01T10:30.5',
      '2026-05-01T10:30:00.',
      '2026-05-01T10:30:00.Z',
    ]) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });

  it('rejects impossible calendar dates instead of rolling them over', () => {
    for (const text of [
      '2026-02-29', // 2026 is not a leap year
      '2026-02-30',
      '2026-02-31',
      '2026-04-31',
      '2026-06-31',
      '2026-09-31',
      '2026-11-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-32',
      '1900-02-29', // divisible by 100, not by 400: not a leap year
      '2026-02-29T10:00+02:00', // the offset must not make an impossible date look possible
      '2026-02-30T00:00:00Z',
    ]) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
    expect(parseTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2000-02-29')).toBe(Date.UTC(2000, 1, 29)); // divisible by 400: leap
    expect(parseTimestamp('2026-12-31T23:59:59.999Z')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59, 999));
  });

  it("rejects impossible times: hour 24, minute or second 60 (no '24:00', no leap second)", () => {
    for (const text of ['2026-05-01T24:00', '2026-05-01T24:00:00Z', '2026-05-01T10:60', '2026-05-01T23:59:60Z']) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });

  it('reads every year from 0000 to 9999 as written (years 0–99 are not moved to the 1900s)', () => {
    expect(parseTimestamp('0000-01-01')).toBe(YEAR_0);
    expect(parseTimestamp('0000-01-01T00:00:00.000Z')).toBe(-62167219200000);
    expect(parseTimestamp('9999-12-31T23:59:59.999Z')).toBe(YEAR_9999_END);
    expect(parseTimestamp('0050-03-01T12:00Z')).toBe(Date.parse('0050-03-01T12:00:00.000Z'));
    expect(parseTimestamp('0004-02-29')).toBe(Date.parse('0004-02-29T00:00:00.000Z')); // year 4: leap
    // An offset may move the instant just outside 0000–9999; the instant is still a valid one.
    expect(parseTimestamp('0000-01-01T00:00+01:00')).toBe(YEAR_0 - 3_600_000);
    expect(parseTimestamp('9999-12-31T23:59-01:00')).toBe(Date.UTC(9999, 11, 31, 23, 59) + 3_600_000);
  });

  it('rejects expanded years (±YYYYYY), which toISOString writes outside 0000–9999', () => {
    const late = new Date(Date.UTC(10000, 0, 1));
    expect(late.toISOString()).toBe('+010000-01-01T00:00:00.000Z');
    expect(parseTimestamp(late.toISOString())).toBeUndefined();
    for (const text of ['+002026-05-01', '-000001-01-01', '10000-01-01', '226-05-01']) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
    // The instant itself is readable as a Date or as epoch milliseconds.
    expect(parseTimestamp(late)).toBe(late.getTime());
    expect(parseTimestamp(late.getTime())).toBe(late.getTime());
  });

  it('ignores surrounding whitespace, but not whitespace inside', () => {
    expect(parseTimestamp('  2026-05-01T10:30Z\n')).toBe(MAY_1_1030);
    expect(parseTimestamp('\t2026-05-01 10:30\r\n')).toBe(MAY_1_1030);
    expect(parseTimestamp('\u00a02026-05-01\u00a0')).toBe(Date.UTC(2026, 4, 1));
    for (const text of ['2026-05-01  10:30', '2026-05-01T 10:30', '2026 -05-01', '2026-05-01T10:30 Z']) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });

  it('rejects other formats, digit strings and partial dates', () => {
    for (const text of [
      '',
      '   ',
      '05/01/2026',
      '01.05.2026',
      'May 1, 2026',
      'Fri, 01 May 2026 10:30:00 GMT',
      'yesterday',
      '20260501', // a date, or epoch ms? Ambiguous: epoch ms must be numbers
      '1777631400000',
      '20260501T103000Z', // ISO basic format
      '2026-5-1',
      '2026-05',
      '2026',
      '2026-W18-5', // ISO week date
      '2026-121', // ISO ordinal date
      '2026-05-01T10', // an hour without minutes
      '2026-05-01T1030',
      '2026-05-01T10:30:00Z[Europe/Warsaw]',
      '２０２６-05-01', // full-width digits
    ]) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });
});

describe('parseTimestamp: epoch milliseconds', () => {
  const Y2000 = Date.UTC(2000, 0, 1); // 946684800000

  it('accepts any finite number from 2000-01-01 up to the end of the Date range, bounds included', () => {
    expect(parseTimestamp(MAY_1_1030)).toBe(MAY_1_1030);
    expect(parseTimestamp(Y2000)).toBe(Y2000);
    expect(parseTimestamp(MAX_INSTANT_MS)).toBe(MAX_INSTANT_MS);
  });

  it('rejects a number before 2000-01-01: epoch seconds are never read as milliseconds', () => {
    // 1777631400 is 2026-05-01T10:30Z in seconds, 1970-01-21 in milliseconds.
    for (const value of [1777631400, 0, -0, -1, Y2000 - 1, 1.5, -MAX_INSTANT_MS]) {
      expect(parseTimestamp(value), String(value)).toBeUndefined();
    }
  });

  it('rejects NaN, ±Infinity and numbers outside the Date range', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, MAX_INSTANT_MS + 1, -9e15]) {
      expect(parseTimestamp(value), String(value)).toBeUndefined();
    }
  });

  it('keeps a fraction of a millisecond', () => {
    expect(parseTimestamp(MAY_1_1030 + 0.5)).toBe(MAY_1_1030 + 0.5);
  });

  it("reads numbers as epoch seconds with unit 's', rounded to the microsecond", () => {
    expect(parseTimestamp(1777631400, { unit: 's' })).toBe(MAY_1_1030);
    expect(parseTimestamp(1777631400.123, { unit: 's' })).toBe(MAY_1_1030 + 123);
    expect(parseTimestamp(1777631400.123456, { unit: 's' })).toBe(MAY_1_1030 + 123.456);
    expect(parseTimestamp(MAY_1_1030, { unit: 'ms' })).toBe(MAY_1_1030);
    // The 2000 rule holds in seconds too; milliseconds read as seconds overflow the Date range.
    expect(parseTimestamp(946684799, { unit: 's' })).toBeUndefined();
    expect(parseTimestamp(0, { unit: 's' })).toBeUndefined();
    expect(parseTimestamp(MAY_1_1030 * 1000, { unit: 's' })).toBeUndefined();
  });

  it('reads digit strings as epoch time only when the unit is named', () => {
    expect(parseTimestamp('1777631400')).toBeUndefined();
    expect(parseTimestamp('1777631400000')).toBeUndefined();
    expect(parseTimestamp('1777631400', { unit: 's' })).toBe(MAY_1_1030);
    expect(parseTimestamp(' 1777631400.5 ', { unit: 's' })).toBe(MAY_1_1030 + 500);
    expect(parseTimestamp('1777631400.123456', { unit: 's' })).toBe(MAY_1_1030 + 123);
    expect(parseTimestamp('1777631400000', { unit: 'ms' })).toBe(MAY_1_1030);
    // '20260501' is no date in either unit: before 2000 as epoch time, so still rejected.
    for (const unit of ['ms', 's'] as const) {
      for (const text of ['20260501', '1777631400e0', '-1777631400', '+1777631400', '1777631400.', '0x69F48028']) {
        expect(parseTimestamp(text, { unit }), `${text} in ${unit}`).toBeUndefined();
      }
    }
    expect(parseTimestamp('1777631400', { unit: 'ms' })).toBeUndefined(); // 1970-01-21
  });

  it('an ISO string or a Date is read the same whatever the unit', () => {
    for (const unit of ['ms', 's'] as const) {
      expect(parseTimestamp('2026-05-01T10:30Z', { unit })).toBe(MAY_1_1030);
      expect(parseTimestamp(new Date(0), { unit })).toBe(0);
    }
  });
});

describe('timestampHint', () => {
  it('says a number before 2000 that is a plausible time in seconds looks like epoch seconds', () => {
    expect(timestampHint(1777631400)).toBe(
      "; 1777631400 as epoch milliseconds is 1970-01-21T13:47:11.400Z, before 2000-01-01: it looks like epoch seconds; pass timestampUnit: 's' to the parser (or multiply by 1000)",
    );
    expect(timestampHint('1777631400', { unit: 'ms' })).toContain("looks like epoch seconds; pass timestampUnit: 's'");
  });

  it('says numeric times must be from 2000 on for other numbers before 2000', () => {
    expect(timestampHint(0)).toBe(
      '; 0 as epoch milliseconds is 1970-01-01T00:00:00.000Z, before 2000-01-01: numeric timestamps must be from 2000 on (give an earlier time as an ISO-8601 string or a Date)',
    );
    expect(timestampHint(100, { unit: 's' })).toContain(
      '100 as epoch seconds is 1970-01-01T00:01:40.000Z, before 2000',
    );
  });

  it("says milliseconds given with unit 's' look like epoch milliseconds", () => {
    expect(timestampHint(MAY_1_1030, { unit: 's' })).toContain(
      "it looks like epoch milliseconds (leave out timestampUnit: 's')",
    );
    expect(timestampHint(String(MAY_1_1030), { unit: 's' })).toContain('it looks like epoch milliseconds');
  });

  it('says a long digit string needs a unit, naming the likely one', () => {
    expect(timestampHint('1777631400')).toContain("pass timestampUnit: 's'");
    expect(timestampHint('1777631400000')).toContain("pass timestampUnit: 'ms'");
    expect(timestampHint('20260501')).toBe('');
  });

  it('is empty when the expected forms say it all', () => {
    for (const value of [MAY_1_1030, '05/01/2026', '2026-02-30', null, {}, Number.NaN, new Date(Number.NaN)]) {
      expect(timestampHint(value), String(value)).toBe('');
    }
  });
});

describe('parseTimestamp: Dates', () => {
  it('accepts a valid Date, and a Date subclass', () => {
    expect(parseTimestamp(new Date(MAY_1_1030))).toBe(MAY_1_1030);
    class Stamp extends Date {}
    expect(parseTimestamp(new Stamp(MAY_1_1030))).toBe(MAY_1_1030);
    expect(parseTimestamp(new Date(MAX_INSTANT_MS))).toBe(MAX_INSTANT_MS);
  });

  it('accepts a Date from another realm (a vm context), where instanceof Date is false', () => {
    const foreign: unknown = runInNewContext('new Date(Date.UTC(2026, 4, 1, 10, 30))');
    expect(foreign instanceof Date).toBe(false);
    expect(parseTimestamp(foreign)).toBe(MAY_1_1030);
    expect(parseTimestamp(runInNewContext('new Date(NaN)'))).toBeUndefined();
  });

  it('rejects an Invalid Date and objects that only look like Dates', () => {
    expect(parseTimestamp(new Date(Number.NaN))).toBeUndefined();
    expect(parseTimestamp(new Date('2026-02-30T25:00'))).toBeUndefined();
    const fake = { [Symbol.toStringTag]: 'Date', getTime: () => MAY_1_1030, valueOf: () => MAY_1_1030 };
    expect(Object.prototype.toString.call(fake)).toBe('[object Date]');
    expect(parseTimestamp(fake)).toBeUndefined();
    expect(parseTimestamp(new Proxy(new Date(MAY_1_1030), {}))).toBeUndefined();
  });

  it('rejects everything that is not a string, number or Date', () => {
    for (const value of [null, undefined, true, {}, [], [MAY_1_1030], 1777631400000n, Symbol('t'), () => 0]) {
      expect(parseTimestamp(value), String(value)).toBeUndefined();
    }
  });
});

describe('ISO_TIMESTAMP_PATTERN', () => {
  it('is the pattern the schemas publish, and compiles without flags (a JSON Schema pattern)', () => {
    expect(SCHEMA_PATTERN).toBe(ISO_TIMESTAMP_PATTERN);
    expect(new RegExp(ISO_TIMESTAMP_PATTERN).flags).toBe('');
  });

  it('matches every string parseTimestamp accepts (after trimming)', () => {
    const pattern = new RegExp(ISO_TIMESTAMP_PATTERN);
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}([.,]\d{1,4})?)?([Zz]|[+-]\d{2}(:?\d{2})?)?)?$/),
    );
    fc.assert(
      fc.property(text, (s) => {
        if (parseTimestamp(s) !== undefined) expect(pattern.test(s.trim())).toBe(true);
      }),
    );
  });
});

describe('parseTimestamp: properties', () => {
  // Dates whose toISOString has a four-digit year: the only ones written in the accepted form.
  const fourDigitYears = fc.date({ min: new Date(YEAR_0), max: new Date(YEAR_9999_END), noInvalidDate: true });
  const anyDate = fc.date({ noInvalidDate: true });

  it('for any valid Date d with a year 0000–9999, parseTimestamp(d.toISOString()) === d.getTime()', () => {
    fc.assert(
      fc.property(fourDigitYears, (d) => {
        expect(parseTimestamp(d.toISOString())).toBe(d.getTime());
      }),
    );
  });

  it('for any valid Date d, parseTimestamp(d) is d.getTime(), and so is parseTimestamp(d.getTime()) from 2000 on', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(parseTimestamp(d)).toBe(d.getTime());
        expect(parseTimestamp(d.getTime())).toBe(d.getTime() >= Date.UTC(2000, 0, 1) ? d.getTime() : undefined);
      }),
    );
  });

  it('every way of writing an instant (no offset, a space, ±HH:MM, ±HHMM) reads back to it', () => {
    const offsetMinutes = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });
    fc.assert(
      fc.property(fourDigitYears, offsetMinutes, fc.boolean(), (d, minutes, colon) => {
        const ms = d.getTime();
        const utc = d.toISOString().slice(0, 23); // 'YYYY-MM-DDTHH:mm:ss.sss'
        expect(parseTimestamp(utc)).toBe(ms);
        expect(parseTimestamp(utc.replace('T', ' '))).toBe(ms);
        const local = new Date(ms + minutes * 60_000);
        fc.pre(local.getTime() >= YEAR_0 && local.getTime() <= YEAR_9999_END);
        const sign = minutes < 0 ? '-' : '+';
        const abs = Math.abs(minutes);
        const offset = `${sign}${pad(Math.trunc(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
        expect(parseTimestamp(`${local.toISOString().slice(0, 23)}${offset}`)).toBe(ms);
      }),
    );
  });

  it('a calendar date is accepted exactly when it exists, and then is its midnight UTC', () => {
    // Oracle: Date's own calendar, which rolls 2026-02-30 into March.
    const ymd = fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    );
    fc.assert(
      fc.property(ymd, ([year, month, day]) => {
        const rolled = new Date(0);
        rolled.setUTCFullYear(year, month - 1, day);
        const exists =
          month >= 1 &&
          rolled.getUTCFullYear() === year &&
          rolled.getUTCMonth() === month - 1 &&
          rolled.getUTCDate() === day;
        const parsed = parseTimestamp(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
        expect(parsed).toBe(exists ? rolled.getTime() : undefined);
      }),
    );
  });

  it('never throws, and returns undefined or an instant in the Date range, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double()), (value) => {
        const ms = parseTimestamp(value);
        if (ms !== undefined) expect(Math.abs(ms)).toBeLessThanOrEqual(MAX_INSTANT_MS);
      }),
    );
  });
});

describe('parseTimestamp: date cells parse in linear time', () => {
  // No timing assertion (bench/ measures speed): each is answered at all, inside vitest's
  // timeout, which a quadratic scan of 1 MiB would not be.
  const MIB = 1024 * 1024;

  it('a 1 MiB date-like string (a fraction of 1 MiB digits, then a letter) is rejected', () => {
    expect(parseTimestamp(`2026-05-01T10:30:00.${'1'.repeat(MIB)}x`)).toBeUndefined();
    expect(parseTimestamp(`2026-05-01T10:30:00.${'1'.repeat(MIB)}+02:0`)).toBeUndefined();
  });

  it('a 1 MiB string of digits, or of dates, is rejected', () => {
    expect(parseTimestamp('2'.repeat(MIB))).toBeUndefined();
    expect(parseTimestamp('2026-05-01'.repeat(MIB / 10))).toBeUndefined();
    expect(parseTimestamp(`${' '.repeat(MIB)}x${' '.repeat(MIB)}`)).toBeUndefined();
  });

  it('a 1 MiB fraction is read, truncated to the millisecond', () => {
    expect(parseTimestamp(`2026-05-01T10:30:00.${'9'.repeat(MIB)}Z`)).toBe(MAY_1_1030 + 999);
  });
});
