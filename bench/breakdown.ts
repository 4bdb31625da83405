/**
 * breakdown and trend on the built package (dist/: run `npx tsup` first):
 * `NODE_OPTIONS=--expose-gc npx tsx bench/breakdown.ts [--quick]`.
 *
 * - breakdown of 1e6 records into 50 groups vs one `nps` pass over the same records (target ≤ 2×).
 * - a daily trend over 2 years (730 days, 1e6 records) with a 30-day window vs the same trend
 *   without a window (target ≤ 2×).
 *
 * Records are seeded and in random order (sorted input would let the branch predictor and the
 * caches learn it). Each figure is the median of repeated runs, taken in rotation (A B A B …) so a
 * burst of load from another process falls on both. Not a test: nothing here asserts.
 *
 * A third row times a bare loop doing nothing but the Map lookup of each record's group key: the
 * floor of any grouping by a string field, which on its own costs several `nps` passes (an `nps`
 * pass reads one small integer per record; a string key must be hashed and compared).
 */
import { pathToFileURL } from 'node:url';

type Fn = (records: unknown, options: unknown) => unknown;
const dist = pathToFileURL(new URL('../dist/index.js', import.meta.url).pathname).href;
const lib = (await import(dist)) as Record<string, unknown>;
const nps = lib.nps as Fn;
const breakdown = lib.breakdown as Fn;
const trend = lib.trend as Fn;
const seededRandom = lib.seededRandom as (seed: number) => () => number;

const quick = process.argv.includes('--quick');
const n = 1e6;
const repetitions = quick ? 5 : 11;
let sink = 0;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function times(fs: (() => unknown)[]): number[] {
  collect();
  for (const f of fs) for (let i = 0; i < 2; i++) sink += f() === undefined ? 0 : 1;
  const all: number[][] = fs.map(() => []);
  for (let r = 0; r < repetitions; r++) {
    fs.forEach((f, k) => {
      const start = performance.now();
      sink += f() === undefined ? 0 : 1;
      (all[k] as number[]).push(performance.now() - start);
    });
  }
  return all.map(median);
}

const rng = seededRandom(20261202);
const start = Date.UTC(2024, 0, 1);
const span = 730 * 86_400_000;
const records = Array.from({ length: n }, () => ({
  channel: `segment-${Math.floor(rng() * 50)}`,
  score: Math.floor(rng() * 11),
  at: start + Math.floor(rng() * span),
}));

const rows: string[][] = [['case', 'ms', 'baseline', 'baseline ms', 'ratio', 'target']];
const ms = (t: number) => t.toFixed(1);

// The floor of any grouping by a string field: one Map lookup per record, nothing else.
const bareGrouping = () => {
  const codes = new Map<string, number>();
  let s = 0;
  for (let i = 0; i < records.length; i++) {
    const v = (records[i] as { channel: string }).channel;
    let c = codes.get(v);
    if (c === undefined) {
      c = codes.size;
      codes.set(v, c);
    }
    s += c;
  }
  return s;
};
const [b, one, bare] = times([
  () => breakdown(records, { by: 'channel', metric: 'nps', accessor: 'score' }),
  () => nps(records, { accessor: 'score' }),
  bareGrouping,
]) as [number, number, number];
rows.push(['breakdown 1e6 records, 50 groups', ms(b), 'nps, one pass', ms(one), (b / one).toFixed(2), '≤ 2']);
rows.push(['bare Map lookup of the group key', ms(bare), 'nps, one pass', ms(one), (bare / one).toFixed(2), '—']);

const base = { at: 'at', period: 'day', timeZone: 'Europe/Berlin', metric: 'nps', accessor: 'score' };
const [windowed, plain] = times([
  () => trend(records, { ...base, window: { days: 30 } }),
  () => trend(records, base),
]) as [number, number];
rows.push([
  'daily trend 2 years, 30-day window',
  ms(windowed),
  'same, no window',
  ms(plain),
  (windowed / plain).toFixed(2),
  '≤ 2',
]);

const widths = (rows[0] as string[]).map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] as number)).join('  '));
console.log(`(median of ${repetitions}; node ${process.version}; sink ${sink})`);
