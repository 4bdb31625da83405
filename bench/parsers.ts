/**
 * The parsers' row loop: what `columns` and `wide` cost over plain rows, and how long a huge
 * sparse row array takes (its rows, not its length), on the TypeScript source:
 * `npx tsx bench/parsers.ts`. Not a test: nothing here asserts (test/schemas/holes.test.ts,
 * columns.test.ts and wide.test.ts check the answers).
 */
import { parseResponses } from '../src/schemas/index.ts';

function time(label: string, run: () => unknown): void {
  run(); // warm up
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(62)} ${ms.toFixed(1).padStart(9)} ms  → ${String(result).slice(0, 24)}`);
}

const N = 30_000;
const at = (i: number) => new Date(Date.UTC(2026, 4, 1) + i * 60_000).toISOString();
const long = Array.from({ length: N }, (_, i) => ({ type: 'nps', submittedAt: at(i), score: String(i % 11) }));
const renamed = long.map((r) => ({ survey: r.type, submitted_at: r.submittedAt, nps_score: r.score }));
const wide = Array.from({ length: N / 3 }, (_, i) => ({
  submitted_at: at(i),
  nps_score: String(i % 11),
  csat_score: String((i % 5) + 1),
  ces_score: String((i % 7) + 1),
}));

time(`parseResponses, ${N} long rows`, () => parseResponses(long).data.length);
time(
  `parseResponses, ${N} long rows through columns`,
  () =>
    parseResponses(renamed, { columns: { type: 'survey', submittedAt: 'submitted_at', score: 'nps_score' } }).data
      .length,
);
time(
  `parseResponses, ${N / 3} wide rows → ${N} responses`,
  () =>
    parseResponses(wide, {
      wide: { nps: 'nps_score', csat: 'csat_score', ces: 'ces_score' },
      columns: { submittedAt: 'submitted_at' },
    }).data.length,
);
for (const length of [2 ** 20, 2 ** 28, 2 ** 32 - 1]) {
  const rows: unknown[] = [];
  rows.length = length;
  rows[5] = long[0];
  rows[length - 1] = long[1];
  time(`parseResponses, sparse array of length ${length} with 2 rows`, () => parseResponses(rows).errors.length);
}
