/**
 * kaplanMeier on 1e6 (and, with --large, 1e7) distinct durations, on the built package (dist/:
 * run `npx tsup` first), against sorting a Float64Array copy of the same durations, measured in
 * the same run: `NODE_OPTIONS=--expose-gc npx tsx bench/kaplanMeier.ts [--large]`.
 *
 * Data are seeded random-order doubles (all distinct), 70% events. Each figure is the median of
 * repeated runs, run in rotation with the baseline so that load from other processes falls on
 * both alike; the ratio is kaplanMeier ÷ sort. Also: kaplanMeierQuantile on the result, and
 * `summarize('ttr', …)` + `estimate` on the same durations. Not a test: nothing here asserts.
 */
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(new URL('../dist/index.js', import.meta.url).pathname).href;
const lib = (await import(dist)) as Record<string, unknown>;
type Km = { points: unknown[]; median: { value: number } };
const kaplanMeier = lib.kaplanMeier as (d: ArrayLike<number>, e: ArrayLike<number>) => Km;
const kaplanMeierQuantile = lib.kaplanMeierQuantile as (km: Km, p: number) => { value: number };
const summarize = lib.summarize as (m: string, x: unknown, o?: unknown) => unknown;
const estimate = lib.estimate as (s: unknown) => { median: { value: number } };
const seededRandom = lib.seededRandom as (seed: number) => () => number;

const sizes = process.argv.includes('--large') ? [1e6, 1e7] : [1e6];
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
let sink = 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function times(fs: (() => number)[], repetitions: number): number[] {
  collect();
  for (const f of fs) sink += f(); // warm up
  const all: number[][] = fs.map(() => []);
  for (let r = 0; r < repetitions; r++) {
    fs.forEach((f, k) => {
      collect();
      const start = performance.now();
      sink += f();
      (all[k] as number[]).push(performance.now() - start);
    });
  }
  return all.map(median);
}

for (const n of sizes) {
  const rng = seededRandom(20261202);
  const durations = new Float64Array(n);
  const events = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    durations[i] = rng() * 1e9; // distinct with probability ~1
    events[i] = rng() < 0.7 ? 1 : 0;
  }
  const repetitions = n >= 1e7 ? 3 : 7;
  const heapBefore = process.memoryUsage().heapUsed;
  const [sort, km] = times(
    [() => Float64Array.from(durations).sort()[0] as number, () => kaplanMeier(durations, events).points.length],
    repetitions,
  );
  const result = kaplanMeier(durations, events);
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const [quantile] = times([() => kaplanMeierQuantile(result, 0.9).value], repetitions);
  const [viaSummary] =
    n >= 1e7 ? [Number.NaN] : times([() => estimate(summarize('ttr', durations, { events })).median.value], 3);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`n = ${n.toExponential(0)} distinct durations, ${repetitions} repetitions (median)`);
  console.log(`  sort a Float64Array copy     ${ms(sort as number)}`);
  console.log(
    `  kaplanMeier                  ${ms(km as number)}   ratio ${((km as number) / (sort as number)).toFixed(2)}×`,
  );
  console.log(`  kaplanMeierQuantile(km, 0.9) ${ms(quantile as number)}`);
  if (!Number.isNaN(viaSummary)) console.log(`  estimate(summarize('ttr'))   ${ms(viaSummary as number)}`);
  console.log(`  heap held by one result      ${heap.toFixed(0)} MiB`);
}
if (sink === 0.5) console.log(sink);
