import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nps } from '../../src/index.ts';
import { parseResponses, parseResponsesOrThrow } from '../../src/schemas/index.ts';
import { thrown } from '../helpers/thrown.ts';

// A time in epoch milliseconds (numbers before 2000 are refused as looking like seconds).
const T = Date.parse('2026-05-01T09:00:00Z');

// A wide survey export: one row per respondent, one column per question.
const exported = [
  { respondent: 'r1', submitted_at: '2026-05-01T09:00Z', nps_score: '9', csat_score: '4', ces_score: '6' },
  { respondent: 'r2', submitted_at: '2026-05-02T10:00Z', nps_score: '3', csat_score: '', ces_score: ' ' },
  { respondent: 'r3', submitted_at: '2026-05-03T11:00Z', nps_score: '10', csat_score: null },
];
const wide = { nps: 'nps_score', csat: 'csat_score', ces: 'ces_score' } as const;
const columns = { respondentId: 'respondent', submittedAt: 'submitted_at' } as const;

describe('wide exports', () => {
  it('one row holding NPS, CSAT and CES answers becomes one typed response per answer, sharing respondent and time', () => {
    const { data, rows, errors } = parseResponses(exported, { wide, columns });
    expect(errors).toEqual([]);
    expect(rows).toEqual([0, 0, 0, 1, 2]);
    expect(data).toEqual([
      { type: 'nps', respondentId: 'r1', submittedAt: new Date('2026-05-01T09:00Z'), score: 9 },
      { type: 'csat', respondentId: 'r1', submittedAt: new Date('2026-05-01T09:00Z'), score: 4 },
      { type: 'ces', respondentId: 'r1', submittedAt: new Date('2026-05-01T09:00Z'), score: 6 },
      { type: 'nps', respondentId: 'r2', submittedAt: new Date('2026-05-02T10:00Z'), score: 3 },
      { type: 'nps', respondentId: 'r3', submittedAt: new Date('2026-05-03T11:00Z'), score: 10 },
    ]);
  });

  it('the typed responses go to a metric without pooling the types', () => {
    const { data } = parseResponses(exported, { wide, columns });
    // NPS of 9, 3, 10: 2 promoters, 1 detractor of 3 = 33.3; the CSAT 4 and CES 6 are left out, and said.
    const result = nps(data, { accessor: 'score', otherTypes: 'exclude' });
    expect([result.n, result.value]).toEqual([3, ((2 - 1) / 3) * 100]);
    expect(result.warnings.map((w) => w.code)).toContain('OTHER_TYPES');
    expect(() => nps(data, { accessor: 'score' })).toThrow(expect.objectContaining({ index: 1 }));
  });

  it('ignores a type or score column in a wide row: the wide columns say both', () => {
    const [r] = parseResponsesOrThrow([{ type: 'csat', score: '1', submittedAt: T, nps: '8' }], {
      wide: { nps: 'nps' },
    });
    expect(r).toEqual({ type: 'nps', submittedAt: new Date(T), score: 8 });
  });

  it('reports a bad answer with its column and keeps the row’s good answers', () => {
    const { data, rows, errors } = parseResponses(
      [{ respondent: 'r1', submitted_at: '2026-05-01', nps_score: '9', csat_score: '6', ces_score: '' }],
      { wide, columns },
    );
    expect(rows).toEqual([0]);
    expect(data.map((r) => r.type)).toEqual(['nps']);
    expect(errors).toEqual([
      {
        index: 0,
        path: ['score'],
        message:
          'expected an integer from 1 to 5 (CSAT scale), or blank for a skipped answer; got 6 (column "csat_score")',
      },
    ]);
  });

  it('reports a problem of a shared field once per row, not once per answer', () => {
    const { data, errors } = parseResponses(
      [{ submittedAt: 'May 1', nps_score: '9', csat_score: '4', ces_score: '6' }],
      { wide },
    );
    expect(data).toEqual([]);
    expect(errors).toEqual([
      {
        index: 0,
        path: ['submittedAt'],
        message: 'expected an ISO-8601 date or date-time, epoch milliseconds or a Date; got "May 1"',
      },
    ]);
  });

  it('a row with no answer gives no response, but its other problems are still reported', () => {
    const { data, errors } = parseResponses(
      [
        { submittedAt: '2026-05-01', nps_score: '', csat_score: null },
        { submittedAt: '', nps_score: ' ' },
      ],
      { wide: { nps: 'nps_score', csat: 'csat_score' } },
    );
    expect(data).toEqual([]);
    expect(errors.map((e) => [e.index, e.path])).toEqual([[1, ['submittedAt']]]);
  });

  it('says first, once, when no row has a wide column, with the similar column when there is one', () => {
    const { errors } = parseResponses(
      [
        { submittedAt: T, nps_score: '9', csatScore: '4' },
        { submittedAt: T, nps_score: '7', csatScore: '5' },
      ],
      { wide },
    );
    expect(errors).toEqual([
      {
        index: -1,
        path: ['score'],
        message:
          "no row has `csat_score` (the column given for wide.csat); the rows have `csatScore` — pass wide: { csat: 'csatScore' }",
      },
      {
        index: -1,
        path: ['score'],
        message:
          'no row has `ces_score` (the column given for wide.ces), so there are no CES answers; expected the name of a column in your rows',
      },
    ]);
    const error = thrown(() => parseResponsesOrThrow([{ submittedAt: T, nps: '9' }], { wide: { nps: 'NPS ' } }));
    expect(error.index).toBeUndefined();
    expect(error.message.split('\n')).toEqual([
      'parseResponsesOrThrow: 1 problem(s) in 0 row(s):',
      "  every row, score: no row has `NPS ` (the column given for wide.nps); the rows have `nps` — pass wide: { nps: 'nps' }",
    ]);
  });

  it('checks the wide option: survey types with the closest name, column names, no type/score columns', () => {
    const cases: [unknown, string][] = [
      [
        { wide: { NPS: 'nps_score' } },
        'parseResponses: wide names an unknown survey type "NPS"; did you mean \'nps\'?',
      ],
      [
        { wide: { cast: 'csat_score' } },
        'parseResponses: wide names an unknown survey type "cast"; did you mean \'csat\'?',
      ],
      [
        { wide: { nps: 9 } },
        'parseResponses: wide.nps is 9; expected the name of the column holding the NPS answers (a non-empty string)',
      ],
      [
        { wide: {} },
        "parseResponses: wide maps no survey type; expected at least one of nps, csat, ces, e.g. { nps: 'nps_score' }",
      ],
      [
        { wide: 'nps_score' },
        "parseResponses: wide is \"nps_score\"; expected an object mapping survey types to answer columns, e.g. { nps: 'nps_score', csat: 'csat_score' }",
      ],
      [
        { wide, columns: { score: 'nps_score' } },
        "parseResponses: columns.score cannot be used with wide: a wide row's responses take their type and score from the wide columns",
      ],
      [{ wides: wide }, "parseResponses: unknown option 'wides'; did you mean 'wide'?"],
    ];
    for (const [options, message] of cases) {
      const error = thrown(() => parseResponses([], options as never));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toBe(message);
    }
  });

  it('does not mutate the rows', () => {
    const copy = structuredClone(exported);
    parseResponses(exported, { wide, columns });
    expect(exported).toEqual(copy);
  });
});

describe('docs/schemas.md', () => {
  it('shows what the wide example really gives', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'schemas.md'), 'utf8');
    const { data, rows } = parseResponses(exported.slice(0, 2), { wide, columns });
    const shown = data.map((r) => `['${r.type}', ${r.score}, '${r.respondentId}']`).join(', ');
    expect(text).toContain(`// [${shown}]\nfrom; // [${rows.join(', ')}]: each response's input row`);
  });
});
