import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  customerRow,
  type FaultyRow,
  faultyCustomerRow,
  faultyResponseRow,
  faultyTicketRow,
  type RawRow,
  responseRow,
  scores,
  ticketRow,
} from '../../src/arbitraries/index.ts';
import { ces, csat, nps } from '../../src/index.ts';
import {
  JOURNEY_STAGES,
  parseCustomers,
  parseResponses,
  parseTickets,
  SURVEY_SCALES,
} from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';
import { thrown } from '../helpers/thrown.ts';

const SEED = 20261202;
const run = { seed: SEED, numRuns: 150 };

/** The one error of a faulty row parsed alone, or a description of what went wrong instead. */
function oneErrorAt(parse: (rows: RawRow[]) => { errors: { path: (string | number)[] }[] }, faulty: FaultyRow) {
  const { errors } = parse([faulty.row]);
  return errors.map((e) => e.path);
}

describe('responseRow', () => {
  it('every drawn row parses with parseResponses with no error, one response per row', () => {
    fc.assert(
      fc.property(fc.array(responseRow(), { maxLength: 20 }), (rows) => {
        const { data, errors } = parseResponses(rows);
        expect(errors).toEqual([]);
        expect(data).toHaveLength(rows.length);
        expect(data.map((r) => r.type)).toEqual(rows.map((r) => r.type));
      }),
      run,
    );
  });

  it("format 'csv' gives text cells only; 'json' also numbers, null and tag lists", () => {
    fc.assert(
      fc.property(responseRow({ format: 'csv' }), (row) => {
        for (const cell of Object.values(row)) expect(typeof cell).toBe('string');
      }),
      run,
    );
    const cells = fc.sample(responseRow({ format: 'json' }), { seed: SEED, numRuns: 300 }).flatMap(Object.values);
    expect(cells.some((c) => typeof c === 'number')).toBe(true);
    expect(cells.some((c) => c === null)).toBe(true);
    expect(cells.some((c) => Array.isArray(c))).toBe(true);
  });

  it('draws blank cells, absent columns, skipped scores and times with Z, offsets and no zone', () => {
    const rows = fc.sample(responseRow({ format: 'csv' }), { seed: SEED, numRuns: 500 });
    expect(rows.some((r) => r.score !== undefined && String(r.score).trim() === '')).toBe(true);
    expect(rows.some((r) => !('score' in r))).toBe(true);
    const times = rows.map((r) => r.submittedAt as string);
    expect(times.some((t) => t.endsWith('Z'))).toBe(true);
    expect(times.some((t) => /[+-]\d{2}:\d{2}$/.test(t))).toBe(true);
    expect(times.some((t) => /[+-]\d{4}$/.test(t))).toBe(true);
    expect(times.some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toBe(true);
    expect(times.some((t) => /\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t))).toBe(true);
    expect(times.some((t) => /\.\d{6}/.test(t))).toBe(true);
  });

  it('its default journey stages are JOURNEY_STAGES, matched in any letter case', () => {
    const stages = fc
      .sample(responseRow(), { seed: SEED, numRuns: 2000 })
      .map((r) => r.journeyStage)
      .filter((s): s is string => typeof s === 'string' && s.trim() !== '');
    expect([...new Set(stages.map((s) => s.trim().toLowerCase()))].sort()).toEqual([...JOURNEY_STAGES].sort());
  });

  it('rows drawn for a custom questionnaire parse with the same options', () => {
    const options = {
      csatScale: SURVEY_SCALES.csat7,
      cesScale: SURVEY_SCALES.cesLegacy,
      journeyStages: ['trial', 'Paid'],
    } as const;
    fc.assert(
      fc.property(fc.array(responseRow({ ...options, types: ['csat', 'ces'] }), { maxLength: 10 }), (rows) => {
        const { data, errors } = parseResponses(rows, options);
        expect(errors).toEqual([]);
        expect(data.every((r) => r.type !== 'nps')).toBe(true);
      }),
      // Custom options build a schema per parse: fewer runs.
      { seed: SEED, numRuns: 50 },
    );
    // The scale is used to its ends: CSAT 7 appears, and parsing with the default 1–5 scale refuses it.
    const csat7 = fc.sample(responseRow({ csatScale: SURVEY_SCALES.csat7, types: ['csat'] }), {
      seed: SEED,
      numRuns: 300,
    });
    expect(parseResponses(csat7, { csatScale: SURVEY_SCALES.csat7 }).errors).toEqual([]);
    expect(parseResponses(csat7).errors.length).toBeGreaterThan(0);
  });

  it('the same seed draws the same rows', () => {
    expect(fc.sample(responseRow(), { seed: 7, numRuns: 20 })).toEqual(
      fc.sample(responseRow(), { seed: 7, numRuns: 20 }),
    );
  });
});

describe('ticketRow and customerRow', () => {
  it('every drawn ticket parses with parseTickets with no error, times in order', () => {
    fc.assert(
      fc.property(fc.array(ticketRow(), { maxLength: 20 }), (rows) => {
        const { data, errors } = parseTickets(rows);
        expect(errors).toEqual([]);
        expect(data).toHaveLength(rows.length);
        for (const t of data) {
          for (const later of [t.firstResponseAt, t.reopenedAt, t.resolvedAt]) {
            if (later !== undefined) expect(later.getTime()).toBeGreaterThanOrEqual(t.createdAt.getTime());
          }
        }
      }),
      run,
    );
  });

  it('tickets come open (no resolvedAt) and resolved, with blank and absent optional columns', () => {
    const parsed = parseTickets(fc.sample(ticketRow(), { seed: SEED, numRuns: 300 })).data;
    expect(parsed.some((t) => t.resolvedAt === undefined)).toBe(true);
    expect(parsed.some((t) => t.resolvedAt !== undefined)).toBe(true);
    expect(parsed.some((t) => t.firstContactResolved === true)).toBe(true);
    expect(parsed.some((t) => t.firstContactResolved === false)).toBe(true);
  });

  it('tickets carry a reopens count, at least 1 beside a reopenedAt, and sometimes only the count', () => {
    const rows = fc.sample(ticketRow({ format: 'json' }), { seed: SEED, numRuns: 400 });
    const reopens = (row: RawRow) => (typeof row.reopens === 'number' ? row.reopens : -1);
    const reopened = (row: RawRow) =>
      typeof row.reopenedAt === 'number' || (typeof row.reopenedAt === 'string' && row.reopenedAt.trim() !== '');
    expect(rows.filter(reopened).length).toBeGreaterThan(0);
    expect(rows.filter(reopened).every((row) => reopens(row) === -1 || reopens(row) >= 1)).toBe(true);
    expect(rows.some((row) => reopens(row) > 0 && !reopened(row))).toBe(true);
    expect(rows.some((row) => reopens(row) === 0)).toBe(true);
  });

  it('every drawn customer parses with parseCustomers with no error, active and churned', () => {
    fc.assert(
      fc.property(fc.array(customerRow(), { maxLength: 20 }), (rows) => {
        const { data, errors } = parseCustomers(rows);
        expect(errors).toEqual([]);
        expect(data).toHaveLength(rows.length);
      }),
      run,
    );
    const parsed = parseCustomers(fc.sample(customerRow(), { seed: SEED, numRuns: 200 })).data;
    expect(parsed.some((c) => c.endedAt === undefined)).toBe(true);
    expect(parsed.some((c) => c.endedAt !== undefined)).toBe(true);
  });

  it("format 'csv' gives text cells only", () => {
    fc.assert(
      fc.property(ticketRow({ format: 'csv' }), customerRow({ format: 'csv' }), (ticket, customer) => {
        for (const cell of [...Object.values(ticket), ...Object.values(customer)]) expect(typeof cell).toBe('string');
      }),
      run,
    );
  });
});

describe('faulty rows', () => {
  const cases = [
    [
      'faultyResponseRow',
      faultyResponseRow,
      parseResponses,
      ['type', 'submittedAt', 'score', 'weight', 'journeyStage'],
    ],
    [
      'faultyTicketRow',
      faultyTicketRow,
      parseTickets,
      [
        'id',
        'createdAt',
        'firstResponseAt',
        'resolvedAt',
        'reopenedAt',
        'agentReplies',
        'customerContacts',
        'reopens',
        'firstContactResolved',
      ],
    ],
    ['faultyCustomerRow', faultyCustomerRow, parseCustomers, ['id', 'startedAt', 'endedAt', 'mrr']],
  ] as const;

  for (const [name, arbitrary, parse, fields] of cases) {
    it(`${name}: every row parsed alone yields exactly one error, at its path`, () => {
      for (const format of ['csv', 'json'] as const) {
        fc.assert(
          fc.property(arbitrary({ format }), (faulty) => {
            expect(oneErrorAt(parse as never, faulty), faulty.fault).toEqual([faulty.path]);
          }),
          run,
        );
      }
    });

    it(`${name}: faults every field it lists (${fields.join(', ')})`, () => {
      const paths = fc.sample(arbitrary(), { seed: SEED, numRuns: 1500 }).map((f) => f.path.join('.'));
      expect([...new Set(paths)].sort()).toEqual([...fields].sort());
    });

    it(`${name}: among valid rows, exactly the faulty rows are reported, each once at its path`, () => {
      const valid =
        name === 'faultyResponseRow' ? responseRow() : name === 'faultyTicketRow' ? ticketRow() : customerRow();
      const mixed = fc.array(
        fc.oneof(
          valid.map((row) => ({ row, path: undefined })),
          arbitrary(),
        ),
        { maxLength: 15 },
      );
      fc.assert(
        fc.property(mixed, (items) => {
          const { rows, errors } = (parse as (r: RawRow[]) => ReturnType<typeof parseTickets>)(items.map((i) => i.row));
          const expected = items.flatMap((item, index) =>
            item.path === undefined ? [] : [{ index, path: item.path }],
          );
          expect(errors.map(({ index, path }) => ({ index, path }))).toEqual(expected);
          expect(rows).toEqual(items.flatMap((item, index) => (item.path === undefined ? [index] : [])));
        }),
        run,
      );
    });
  }

  it('faultyResponseRow spoils scores against the questionnaire it is given', () => {
    const options = { csatScale: SURVEY_SCALES.csat7, journeyStages: ['post-sale', 'trial'] } as const;
    fc.assert(
      fc.property(faultyResponseRow(options), (faulty) => {
        expect(
          parseResponses([faulty.row], options).errors.map((e) => e.path),
          faulty.fault,
        ).toEqual([faulty.path]);
      }),
      run,
    );
  });
});

describe('scores', () => {
  const named = [
    ['nps', 0, 10],
    ['csat', 1, 5],
    ['csat7', 1, 7],
    ['ces', 1, 7],
    ['cesLegacy', 1, 5],
    ['1-3', 1, 3],
    ['1-5', 1, 5],
    ['1-7', 1, 7],
    ['1-10', 1, 10],
    ['0-10', 0, 10],
  ] as const;

  it.each(named)("scores({ scale: '%s' }) draws integers from %i to %i, both ends reached", (scale, min, max) => {
    fc.assert(
      fc.property(scores({ scale }), (s) => {
        for (const x of s) {
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(max);
        }
      }),
      run,
    );
    const all = fc.sample(scores({ scale }), { seed: SEED, numRuns: 300 }).flat();
    expect(Math.min(...all)).toBe(min);
    expect(Math.max(...all)).toBe(max);
  });

  it('scores are accepted by the metric of their scale', () => {
    fc.assert(
      fc.property(
        scores({ scale: 'nps', minLength: 1 }),
        scores({ scale: '1-7', minLength: 1 }),
        scores({ scale: 'cesLegacy', minLength: 2 }),
        (n, c, e) => {
          expect(nps(n).n).toBe(n.length);
          expect(csat(c, { scale: '1-7' }).n).toBe(c.length);
          expect(ces(e, { direction: 'lower-is-easier' }).n).toBe(e.length);
        },
      ),
      run,
    );
  });

  it('a custom { min, max } scale, also a metric scale object, bounds the scores', () => {
    fc.assert(
      fc.property(scores({ scale: { min: 1, max: 5, detractorMax: 2, promoterMin: 5 }, maxLength: 30 }), (s) => {
        expect(s.every((x) => x >= 1 && x <= 5)).toBe(true);
        expect(s.length).toBeLessThanOrEqual(30);
      }),
      run,
    );
  });

  it('skipped: true mixes null and undefined among the scores, counted as skipped by nps', () => {
    const all = fc.sample(scores({ skipped: true }), { seed: SEED, numRuns: 200 }).flat();
    expect(all).toContain(null);
    expect(all).toContain(undefined);
    fc.assert(
      fc.property(scores({ skipped: true, minLength: 1 }), (s) => {
        const answered = s.filter((x) => x !== null && x !== undefined);
        fc.pre(answered.length > 0);
        const r = nps(s);
        expect(r.n).toBe(answered.length);
        expect(r.skipped).toBe(s.length - answered.length);
      }),
      run,
    );
  });

  it('without skipped, no null or undefined is drawn', () => {
    const all = fc.sample(scores(), { seed: SEED, numRuns: 200 }).flat();
    expect(all.every((x) => typeof x === 'number')).toBe(true);
  });
});

describe('options are checked', () => {
  it('an unknown option fails INVALID_OPTION naming the closest valid one', () => {
    const error = thrown(() => responseRow({ formats: 'csv' } as never));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe("responseRow: unknown option 'formats'; did you mean 'format'?");
    expect(thrown(() => scores({ scales: 'nps' } as never)).message).toBe(
      "scores: unknown option 'scales'; did you mean 'scale'?",
    );
  });

  it.each([
    ['responseRow', () => responseRow(null as never)],
    ['ticketRow', () => ticketRow([] as never)],
    ['customerRow', () => customerRow('csv' as never)],
    ['faultyResponseRow', () => faultyResponseRow(1 as never)],
    ['faultyTicketRow', () => faultyTicketRow(null as never)],
    ['faultyCustomerRow', () => faultyCustomerRow(new Date() as never)],
    ['scores', () => scores(null as never)],
  ])('%s: options that are not a plain object fail INVALID_OPTION', (name, call) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message.startsWith(`${name}: options must be a plain object`)).toBe(true);
  });

  it.each([
    [
      "format 'xlsx'",
      () => ticketRow({ format: 'xlsx' as never }),
      "ticketRow: format is \"xlsx\"; expected 'csv', 'json' or 'any'",
    ],
    [
      'an empty type list',
      () => responseRow({ types: [] }),
      "responseRow: types is an array; expected a non-empty list of distinct survey types from 'nps', 'csat', 'ces'",
    ],
    [
      'a scale with min ≥ max',
      () => faultyResponseRow({ csatScale: { min: 5, max: 1 } }),
      'faultyResponseRow: csatScale needs integers min < max; got min 5, max 1',
    ],
    [
      'an unknown scale key',
      () => responseRow({ cesScale: { min: 1, max: 7, maxx: 8 } as never }),
      "responseRow: unknown cesScale option 'maxx'; did you mean 'max'?",
    ],
    [
      'an unknown scale name',
      () => scores({ scale: 'stars' as never }),
      "scores: scale is \"stars\"; expected one of 'nps', 'csat', 'csat7', 'ces', 'cesLegacy', '1-3', '1-5', '1-7', '1-10', '0-10' or { min, max }",
    ],
    ['a negative length', () => scores({ minLength: -1 }), 'scores: minLength is -1; expected a whole number ≥ 0'],
    [
      'minLength above maxLength',
      () => scores({ minLength: 5, maxLength: 2 }),
      'scores: minLength 5 is above maxLength 2',
    ],
    [
      'skipped not a boolean',
      () => scores({ skipped: 'yes' as never }),
      'scores: skipped is "yes"; expected true or false',
    ],
  ])('%s fails INVALID_OPTION with a message that says what was expected', (_, call, message) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(message);
  });
});

/** Bare specifiers imported by the modules reachable from `entry` through relative imports. */
function packagesReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else bare.add(spec);
    }
  };
  visit(join(import.meta.dirname, '..', '..', entry));
  return [...bare].sort();
}

describe('the cx-metrics/arbitraries subpath', () => {
  it('imports fast-check (its optional peer) and nothing else: no zod', () => {
    expect(packagesReachedFrom('src/arbitraries/index.ts')).toEqual(['fast-check']);
  });
});
