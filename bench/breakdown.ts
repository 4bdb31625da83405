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
 * Floors: bare loops doing nothing but looking up each record's group key, in a Map and in a
 * null-prototype dictionary object (what breakdown uses for string keys). Either is the floor of
 * any grouping by a string field, and costs about as much as, or more than, a whole `nps` pass: an
 * `nps` pass reads one small integer per record; a string key must be loaded, hashed and compared.
 * So the ratio breakdown / nps is about (key lookup + nps work) / nps work, and the lookup alone
 * is already near the 2× target.
 *
 * Warm and cold: the rows above run repeatedly on the same records, where V8 has already hashed
 * every key string (and, after a dictionary lookup, turned each into a pointer to its internalized
 * copy). A caller's first breakdown of freshly parsed data pays that once; the `cold` rows time
 * each repetition on a fresh copy of the records (same content, new strings, built outside the
 * timing), against `nps` on a fresh copy too.
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

const start = Date.UTC(2024, 0, 1);
const span = 730 * 86_400_000;
const make = (seed: number) => {
  const next = seededRandom(seed);
  return Array.from({ length: n }, () => ({
    channel: `segment-${Math.floor(next() * 50)}`,
    score: Math.floor(next() * 11),
    at: start + Math.floor(next() * span),
  }));
};
const records = make(20261202);

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
const bareDictionary = () => {
  const codes: Record<string, number> = Object.create(null);
  let k = 0;
  let s = 0;
  for (let i = 0; i < records.length; i++) {
    const v = (records[i] as { channel: string }).channel;
    let c = codes[v];
    if (c === undefined) {
      c = k++;
      codes[v] = c;
    }
    s += c;
  }
  return s;
};
const [b, one, bare, dictionary] = times([
  () => breakdown(records, { by: 'channel', metric: 'nps', accessor: 'score' }),
  () => nps(records, { accessor: 'score' }),
  bareGrouping,
  bareDictionary,
]) as [number, number, number, number];
const ratio = (x: number, y: number) => (x / y).toFixed(2);
rows.push(['breakdown 1e6 records, 50 groups', ms(b), 'nps, one pass', ms(one), ratio(b, one), '≤ 2']);
rows.push(['bare Map lookup of the group key', ms(bare), 'nps, one pass', ms(one), ratio(bare, one), '—']);
rows.push(['bare dictionary lookup of the key', ms(dictionary), 'nps, one pass', ms(one), ratio(dictionary, one), '—']);

// Cold: each timing on records it has never seen (built before the clock starts).
const cold = { breakdown: [] as number[], nps: [] as number[] };
for (let r = 0; r < repetitions; r++) {
  for (const which of ['breakdown', 'nps'] as const) {
    const fresh = make(20261202);
    collect();
    const t0 = performance.now();
    sink +=
      (which === 'breakdown'
        ? breakdown(fresh, { by: 'channel', metric: 'nps', accessor: 'score' })
        : nps(fresh, { accessor: 'score' })) === undefined
        ? 0
        : 1;
    cold[which].push(performance.now() - t0);
  }
}
const [cb, cn] = [median(cold.breakdown), median(cold.nps)];
rows.push(['breakdown, cold (fresh records)', ms(cb), 'nps, cold', ms(cn), ratio(cb, cn), '—']);

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
