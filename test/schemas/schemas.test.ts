import { describe, expect, it } from 'vitest';
import { nps } from '../../src/index.ts';
import {
  CxMetricsError,
  npsResponseSchema,
  npsScoreSchema,
  parseRows,
  parseRowsOrThrow,
  timestampSchema,
} from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';

describe('npsScoreSchema', () => {
  it('treats a blank or whitespace-only CSV cell as a skipped answer, never 0', () => {
    for (const cell of ['', ' ', '\t', '  \n']) expect(npsScoreSchema.parse(cell)).toBeUndefined();
    expect(npsScoreSchema.parse(null)).toBeNull();
    expect(npsScoreSchema.parse(undefined)).toBeUndefined();
  });

  it('coerces numeric strings and rejects everything off the 0–10 integer scale', () => {
    expect(npsScoreSchema.parse(' 9 ')).toBe(9);
    expect(npsScoreSchema.parse('0')).toBe(0);
    for (const bad of ['ten', '7.5', 11, -1, Number.NaN, Number.POSITIVE_INFINITY, true, {}]) {
      expect(npsScoreSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('a blank cell never becomes a detractor (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\s*$/), (blank) => {
        expect(npsScoreSchema.parse(blank)).toBeUndefined();
      }),
    );
  });
});

describe('timestampSchema', () => {
  it('accepts ISO-8601 strings, epoch milliseconds and Dates', () => {
    const expected = Date.UTC(2026, 4, 1, 10, 30);
    expect(timestampSchema.parse('2026-05-01T10:30:00Z').getTime()).toBe(expected);
    expect(timestampSchema.parse('2026-05-01T12:30:00+02:00').getTime()).toBe(expected);
    expect(timestampSchema.parse(expected).getTime()).toBe(expected);
    expect(timestampSchema.parse(new Date(expected)).getTime()).toBe(expected);
  });

  it('reads a date-time without an offset as UTC, never as local time', () => {
    expect(timestampSchema.parse('2026-05-01T10:30').getTime()).toBe(Date.UTC(2026, 4, 1, 10, 30));
    expect(timestampSchema.parse('2026-05-01 10:30:00').getTime()).toBe(Date.UTC(2026, 4, 1, 10, 30));
    expect(timestampSchema.parse('2026-05-01').getTime()).toBe(Date.UTC(2026, 4, 1));
  });

  it('rejects ambiguous or impossible dates', () => {
    for (const bad of [
      '05/01/2026',
      '2026-13-45',
      '2026-02-31',
      '2026-02-30T10:00:00+02:00',
      'yesterday',
      '',
      Number.NaN,
      new Date('x'),
    ]) {
      expect(timestampSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('parseRows', () => {
  const rows = [
    { id: 'a', submittedAt: '2026-05-01', channel: 'web', score: '10', comment: '' },
    { id: 'b', submittedAt: '2026-05-02', channel: 'email', score: '' },
    { id: 'c', submittedAt: 'not a date', channel: 'web', score: '11' },
    { id: 'd', submittedAt: '2026-05-03', channel: 'web', score: '3', weight: '1.5' },
  ];

  it('keeps the good rows, reports every problem of the bad ones with row index and path', () => {
    const { data, rows: kept, errors } = parseRows(rows, npsResponseSchema);
    expect(kept).toEqual([0, 1, 3]);
    expect(data.map((r) => r.score)).toEqual([10, undefined, 3]);
    expect(data[2]?.weight).toBe(1.5);
    expect(errors).toEqual([
      { index: 2, path: ['submittedAt'], message: expect.stringContaining('ISO-8601') },
      { index: 2, path: ['score'], message: 'expected an integer from 0 to 10' },
    ]);
  });

  it('feeds nps directly, with skipped answers counted', () => {
    const { data } = parseRows(rows, npsResponseSchema);
    const r = nps(data, { accessor: 'score' });
    expect([r.promoters, r.detractors, r.skipped]).toEqual([1, 1, 1]);
  });

  it('does not mutate the rows', () => {
    const copy = structuredClone(rows);
    parseRows(rows, npsResponseSchema);
    expect(rows).toEqual(copy);
  });

  it('the throwing variant lists every problem in one CxMetricsError', () => {
    expect(() => parseRowsOrThrow(rows, npsResponseSchema)).toThrow(CxMetricsError);
    expect(() => parseRowsOrThrow(rows, npsResponseSchema)).toThrow(
      /2 problem\(s\) in 1 row\(s\):\n {2}row 2, submittedAt: .*\n {2}row 2, score: expected an integer from 0 to 10/,
    );
    expect(parseRowsOrThrow([rows[0]], npsResponseSchema)).toHaveLength(1);
  });

  it('rejects input that is not an array', () => {
    expect(() => parseRows('rows' as unknown as unknown[], npsResponseSchema)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE' }),
    );
  });
});
