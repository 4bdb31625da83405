import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarPeriod, estimate, summarize } from '../../src/index.ts';
import { summariesFromRows, summaryQuery } from '../../src/sql/index.ts';
import { thrown } from '../helpers/thrown.ts';
import { type Engine, openDuckDb, openPostgres } from './engines.ts';

// The text summaryQuery writes, its refusals, and hostile names run for real on both engines.

const HOSTILE_NAMES = [
  'score"; DROP TABLE answers; --',
  "it's /* not */ a comment",
  'naïve 分数 😀',
  'semi;colon',
  '"',
  'line\nbreak',
  '$1',
];

describe('summaryQuery writes one parameterized GROUP BY', () => {
  it('quotes every identifier and doubles the quotes inside it', () => {
    const q = summaryQuery('nps', {
      dialect: 'duckdb',
      table: ['analytics', 'we"ird'],
      columns: { score: 'a"b' },
      groupBy: ['c;d'],
    });
    expect(q.text).toBe(
      'SELECT "c;d", "cx_score", COUNT(*) AS "cx_count" FROM (SELECT "c;d" AS "c;d", "a""b" AS "cx_score" FROM "analytics"."we""ird") AS "cx_rows" GROUP BY "c;d", "cx_score" ORDER BY "c;d" NULLS LAST, "cx_score" NULLS LAST',
    );
    expect(q.params).toEqual([]);
  });

  it('sends every filter value, the period unit and the time zone as parameters, never in the text', () => {
    const evil = "x'); DROP TABLE t; --";
    const q = summaryQuery('csat', {
      dialect: 'postgres',
      table: 't',
      columns: { score: 's', weight: 'w' },
      where: { a: evil, b: [1, 2], c: null, d: { gte: new Date('2026-01-01T00:00:00Z'), lt: 5n, not: null } },
      period: { column: 'at', unit: 'month', timeZone: 'Europe/Warsaw' },
    });
    expect(q.text).not.toContain('DROP');
    expect(q.text).not.toContain('Warsaw');
    expect(q.text).toContain(
      'WHERE "a" = $3 AND "b" IN ($4, $5) AND "c" IS NULL AND "d" >= $6 AND "d" < $7 AND "d" IS NOT NULL',
    );
    expect(q.text).toContain('date_trunc($1, CAST("at" AS TIMESTAMPTZ) AT TIME ZONE $2)');
    expect(q.params).toEqual(['month', 'Europe/Warsaw', evil, 1, 2, '2026-01-01T00:00:00.000Z', 5n]);
  });

  it('a mean is a two-pass over a window mean, partitioned by the keys', () => {
    const q = summaryQuery('mean', { dialect: 'duckdb', table: 't', columns: { value: 'x' }, groupBy: 'g' });
    expect(q.text).toContain('AVG("cx_value") OVER (PARTITION BY "g") AS "cx_first"');
    expect(q.text).toContain('SUM(("cx_value" - "cx_first") * ("cx_value" - "cx_first")) AS "cx_squares"');
  });
});

describe('summaryQuery refuses what it cannot write safely (INVALID_OPTION)', () => {
  const base = { dialect: 'duckdb', table: 't', columns: { score: 's' } } as const;
  it.each([
    ['an unknown metric, with the closest name', () => summaryQuery('npss' as 'nps', base), /did you mean 'nps'/],
    ['an unknown dialect', () => summaryQuery('nps', { ...base, dialect: 'mysql' as 'duckdb' }), /dialect is "mysql"/],
    [
      'a missing dialect',
      () => summaryQuery('nps', { ...base, dialect: undefined as unknown as 'duckdb' }),
      /required/,
    ],
    [
      'an unknown column role',
      () => summaryQuery('nps', { ...base, columns: { scroe: 's' } as never }),
      /did you mean 'score'/,
    ],
    ['a missing column', () => summaryQuery('nps', { ...base, columns: {} as never }), /columns.score is required/],
    ['an unknown option', () => summaryQuery('nps', { ...base, grupBy: ['g'] } as never), /did you mean 'groupBy'/],
    ['an empty name', () => summaryQuery('nps', { ...base, table: '' }), /table is ""/],
    ['a NUL in a name', () => summaryQuery('nps', { ...base, columns: { score: 'a\u0000b' } }), /NUL/],
    ['an unpaired surrogate', () => summaryQuery('nps', { ...base, groupBy: ['\uD800x'] }), /surrogate/],
    [
      'a name PostgreSQL would truncate',
      () => summaryQuery('nps', { ...base, dialect: 'postgres', columns: { score: 'é'.repeat(32) } }),
      /64 bytes/,
    ],
    ['a cx_ group name', () => summaryQuery('nps', { ...base, groupBy: ['cx_count'] }), /library's own/],
    ['a group named twice', () => summaryQuery('nps', { ...base, groupBy: ['Region', 'region'] }), /twice/],
    ['a column the table lacks', () => summaryQuery('nps', { ...base, tableColumns: ['score', 'g'] }), /column "s"/],
    ['a misspelt table column', () => summaryQuery('nps', { ...base, tableColumns: ['S', 't'] }), /did you mean 'S'/],
    [
      'a bad time zone',
      () => summaryQuery('nps', { ...base, period: { column: 'a', unit: 'day', timeZone: 'Mars/Olympus' } }),
      /IANA/,
    ],
    [
      'a bad unit',
      () => summaryQuery('nps', { ...base, period: { column: 'a', unit: 'hour' as 'day' } }),
      /period.unit/,
    ],
    [
      'an object as a filter value',
      () => summaryQuery('nps', { ...base, where: { a: { gte: {} as never } } }),
      /where.a.gte/,
    ],
    ['NaN as a filter value', () => summaryQuery('nps', { ...base, where: { a: Number.NaN } }), /finite/],
    ['an empty IN list', () => summaryQuery('nps', { ...base, where: { a: [] } }), /empty list/],
    ['a bad scale', () => summaryQuery('csat', { ...base, scale: '1-4' as '1-5' }), /scale/],
  ])('%s', (_name, f, message) => {
    const e = thrown(f);
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toMatch(message);
  });
});

describe('summariesFromRows reads the rows back as summaries', () => {
  it('reads bigints and decimal text, and sums weights into the summary convention', () => {
    const rows = [
      {
        cx_score: 10n,
        cx_count: 2n,
        cx_weight_sum: '3',
        cx_weight_squares: 5,
        cx_weight_max: 2,
        cx_weight_min: 1,
        cx_weighted: 2,
      },
      {
        cx_score: 0,
        cx_count: 1,
        cx_weight_sum: 4,
        cx_weight_squares: 16,
        cx_weight_max: 4,
        cx_weight_min: 4,
        cx_weighted: 1,
      },
    ];
    const [entry] = summariesFromRows('nps', rows, { columns: { score: 's', weight: 'w' } });
    expect(entry?.summary).toEqual(summarize('nps', [10, 10, 0], { weights: [1, 2, 4] }));
  });

  it('an empty table is one summary of no answers when ungrouped, none when grouped', () => {
    const [one, ...rest] = summariesFromRows('csat', [], { columns: { score: 's' } });
    expect(rest).toEqual([]);
    expect(one?.summary).toEqual(summarize('csat', []));
    expect(summariesFromRows('csat', [], { columns: { score: 's' }, groupBy: ['g'] })).toEqual([]);
  });

  it('labels periods in their zone and gives the instant they start', () => {
    const rows = [{ cx_period: '2026-03-30 00:00:00', cx_score: 9, cx_count: 1 }];
    const [entry] = summariesFromRows('nps', rows, {
      columns: { score: 's' },
      period: { column: 'at', unit: 'week', timeZone: 'Europe/Berlin' },
    });
    expect(entry?.period).toEqual(
      calendarPeriod('2026-03-30T12:00:00+02:00', { period: 'week', timeZone: 'Europe/Berlin' }),
    );
    expect([entry?.period?.label, entry?.period?.start]).toEqual(['2026-W14', '2026-03-29T22:00:00.000Z']);
  });

  it.each([
    ['a score off the scale', 'nps', [{ cx_score: 11, cx_count: 1 }], /score 11; expected an integer from 0 to 10/],
    ['a fractional score', 'ces', [{ cx_score: 2.5, cx_count: 1 }], /score 2.5/],
    ['a NULL proportion value', 'proportion', [{ cx_value: null, cx_count: 3 }], /filter them/],
    ['rows of another query', 'nps', [{ score: 1, n: 2 }], /no column cx_count/],
    ['a count that is not whole', 'csat', [{ cx_score: 5, cx_count: 1.5 }], /expected a count/],
  ] as const)('%s is INVALID_VALUE', (_name, metric, rows, message) => {
    const columns = metric === 'proportion' ? { value: 'v' } : { score: 's' };
    const e = thrown(() => summariesFromRows(metric, rows as never, { columns } as never));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.message).toMatch(message);
  });

  it('a NULL or negative weight is INVALID_VALUE', () => {
    const o = { columns: { score: 's', weight: 'w' } };
    const row = {
      cx_score: 9,
      cx_count: 2,
      cx_weight_sum: 1,
      cx_weight_squares: 1,
      cx_weight_max: 1,
      cx_weight_min: 1,
    };
    expect(thrown(() => summariesFromRows('nps', [{ ...row, cx_weighted: 1 }], o)).message).toMatch(
      /1 have a NULL weight/,
    );
    expect(thrown(() => summariesFromRows('nps', [{ ...row, cx_weighted: 2, cx_weight_min: -1 }], o)).message).toMatch(
      /from -1 to 1/,
    );
  });

  it('a NULL mean value is INVALID_VALUE, naming the fix', () => {
    const row = { cx_rows: 3, cx_n: 2, cx_first_mean: 1, cx_correction: 0, cx_squares: 2 };
    expect(thrown(() => summariesFromRows('mean', [row], { columns: { value: 'x' } })).message).toMatch(
      /1 row\(s\) have a NULL value/,
    );
  });
});

describe.each(['duckdb', 'postgres'] as const)('hostile names on %s', (dialect) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = dialect === 'duckdb' ? await openDuckDb() : await openPostgres();
  }, 60_000);
  afterAll(async () => {
    await engine.close();
  });

  it.each(HOSTILE_NAMES)('a table, score column and group column named %j work and harm nothing', async (name) => {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const table = `${name} table`;
    const quotedTable = `"${table.replaceAll('"', '""')}"`;
    // The group column gets a suffix: DuckDB matches quoted names case-insensitively, and both
    // columns must differ from each other.
    const group = `${name} group`;
    await engine.query(`CREATE TABLE ${quotedTable} (${quoted} INTEGER, "${group.replaceAll('"', '""')}" TEXT)`);
    await engine.query(`INSERT INTO ${quotedTable} VALUES (10, 'a'), (9, 'a'), (3, 'b'), (NULL, 'b')`);
    const options = { dialect, table, columns: { score: name }, groupBy: [group] } as const;
    const q = summaryQuery('nps', options);
    const rows = await engine.query(q.text, q.params);
    const got = summariesFromRows('nps', rows, options);
    expect(got.map((g) => g.group[group])).toEqual(['a', 'b']);
    expect(got.map((g) => estimate(g.summary).value)).toEqual([100, -100]);
    expect(got[1]?.summary.skipped).toBe(1);
    // The table is still there: nothing in the names ran as SQL.
    expect(await engine.query(`SELECT COUNT(*) AS n FROM ${quotedTable}`)).toEqual([
      { n: dialect === 'duckdb' ? 4n : 4 },
    ]);
  });

  it('a filter value that looks like SQL is only a value', async () => {
    await engine.query('CREATE TABLE plain (s INTEGER, c TEXT)');
    await engine.query(`INSERT INTO plain VALUES (10, 'x''; DROP TABLE plain; --'), (0, 'y')`);
    const options = {
      dialect,
      table: 'plain',
      columns: { score: 's' },
      where: { c: "x'; DROP TABLE plain; --" },
    } as const;
    const q = summaryQuery('nps', options);
    const [entry] = summariesFromRows('nps', await engine.query(q.text, q.params), options);
    expect(entry?.summary.counts[10]).toBe(1);
    expect(entry?.summary.counts[0]).toBe(0);
  });
});
