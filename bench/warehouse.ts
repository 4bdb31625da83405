/**
 * 1e7 NPS answers in DuckDB: the summary query plus `estimate`, against reading the rows into
 * JavaScript and calling `nps` — the two ways to get the same number from a warehouse table.
 * `npx tsx bench/warehouse.ts [--rows 10000000]`. Not a test: it prints times and their ratio,
 * and checks only that both paths give the same NPS.
 *
 * The table is generated inside DuckDB (a seeded hash of the row number, NULL for 5% skipped),
 * so loading is not measured. Reading the rows uses the driver's columnar reader for one column
 * (`getColumnsJS`), the fastest way @duckdb/node-api offers; row objects would be slower still.
 * Each figure is the median of three runs, the two paths in rotation.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { estimate, nps } from '../src/index.ts';
import { summariesFromRows, summaryQuery } from '../src/sql/index.ts';

const at = process.argv.indexOf('--rows');
const rows = at > 0 ? Number(process.argv[at + 1]) : 10_000_000;

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const loadStart = performance.now();
await db.run(
  `CREATE TABLE answers AS SELECT i AS id,
     CASE WHEN hash(i * 2) % 20 = 0 THEN NULL ELSE CAST(hash(i) % 11 AS INTEGER) END AS score,
     CASE hash(i * 3) % 3 WHEN 0 THEN 'email' WHEN 1 THEN 'web' ELSE 'in-app' END AS channel
   FROM range(${rows}) AS t(i)`,
);
console.log(
  `generated ${rows.toLocaleString('en')} answers in DuckDB in ${(performance.now() - loadStart).toFixed(0)} ms`,
);

const options = { dialect: 'duckdb', table: 'answers', columns: { score: 'score' } } as const;

async function viaSql(): Promise<number> {
  const { text, params } = summaryQuery('nps', options);
  const result = (await db.runAndReadAll(text, params as never)).getRowObjectsJS();
  const [entry] = summariesFromRows('nps', result, options);
  return estimate(entry?.summary as never).value;
}

async function viaRows(): Promise<number> {
  const reader = await db.runAndReadAll('SELECT score FROM answers');
  const [scores] = reader.getColumnsJS() as unknown as [(number | null)[]];
  return nps(scores).value;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

const times = { sql: [] as number[], rows: [] as number[] };
let a = 0;
let b = 0;
for (let run = 0; run < 3; run++) {
  let t = performance.now();
  a = await viaSql();
  times.sql.push(performance.now() - t);
  t = performance.now();
  b = await viaRows();
  times.rows.push(performance.now() - t);
}
const sql = median(times.sql);
const js = median(times.rows);
console.log(`summary query + estimate      ${sql.toFixed(0).padStart(8)} ms   NPS ${a}`);
console.log(`rows into JavaScript + nps    ${js.toFixed(0).padStart(8)} ms   NPS ${b}`);
console.log(`ratio (rows / summary query)  ${(js / sql).toFixed(1).padStart(8)} ×`);
if (a !== b) console.log(`MISMATCH: the two paths differ (${a} vs ${b})`);
db.closeSync();
instance.closeSync();
