import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { summarize } from '../../src/index.ts';
import { summariesFromRows, summaryQuery } from '../../src/sql/index.ts';
import { expectSame } from './compare.ts';
import { type Engine, openDuckDb, openPostgres } from './engines.ts';

// Properties on both engines: for any small table of answers (scores with skips, weights ≥ 0
// including zeros, a group column with NULLs), the SQL summaries per group are summarize's of the
// same rows — counts exactly, weighted sums and M2 to 1e-12.

const row = fc.record({
  score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 5 }),
  weight: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1000, noNaN: true, noDefaultInfinity: true })),
  group: fc.option(fc.constantFrom('a', 'b', "c'd"), { nil: null, freq: 6 }),
  // Values with three decimals: PostgreSQL raises an underflow error squaring a subnormal double
  // (docs/warehouse.md), which real measurements never are.
  value: fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1000),
});
type Row = { score: number | null; weight: number; group: string | null; value: number };

const engines: Engine[] = [];
let tables = 0;
beforeAll(async () => {
  engines.push(await openDuckDb(), await openPostgres());
}, 120_000);
afterAll(async () => {
  for (const e of engines) await e.close();
});

async function load(engine: Engine, rows: Row[]): Promise<string> {
  const table = `prop_${tables++}`;
  await engine.query(
    `CREATE TABLE ${table} (score INTEGER, weight DOUBLE PRECISION, grp TEXT, value DOUBLE PRECISION)`,
  );
  if (rows.length > 0) {
    const params: unknown[] = [];
    const values = rows.map((r) => {
      params.push(r.score, r.weight, r.group, r.value);
      const k = params.length;
      return `($${k - 3}, $${k - 2}, $${k - 1}, $${k})`;
    });
    await engine.query(`INSERT INTO ${table} VALUES ${values.join(', ')}`, params);
  }
  return table;
}

function byGroup(rows: Row[]): Map<string | null, Row[]> {
  const out = new Map<string | null, Row[]>();
  for (const r of rows) out.set(r.group, [...(out.get(r.group) ?? []), r]);
  return out;
}

describe.each([0, 1])('engine %#', (index) => {
  it('weighted NPS and the mean per group equal summarize of the same rows', async () => {
    const engine = engines[index] as Engine;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), async (rows) => {
        const table = await load(engine, rows);
        const groups = byGroup(rows);
        const nps = {
          dialect: engine.dialect,
          table,
          columns: { score: 'score', weight: 'weight' },
          groupBy: ['grp'],
        } as const;
        const q = summaryQuery('nps', nps);
        const got = summariesFromRows('nps', await engine.query(q.text, q.params), nps);
        expectSame(got.length, groups.size);
        for (const { group, summary } of got) {
          const part = groups.get(group.grp as string | null) as Row[];
          expectSame(
            summary,
            summarize(
              'nps',
              part.map((r) => r.score),
              { weights: part.map((r) => r.weight) },
            ),
          );
        }
        const mean = { dialect: engine.dialect, table, columns: { value: 'value' }, groupBy: 'grp' } as const;
        const m = summaryQuery('mean', mean);
        for (const { group, summary } of summariesFromRows('mean', await engine.query(m.text, m.params), mean)) {
          const part = groups.get(group.grp as string | null) as Row[];
          expectSame(
            summary,
            summarize(
              'mean',
              part.map((r) => r.value),
            ),
          );
        }
      }),
      { seed: 1313, numRuns: 25 },
    );
  }, 120_000);
});
