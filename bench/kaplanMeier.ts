/**
 * kaplanMeier on 1e6 distinct durations, on the built package (dist/: run `npm run build` first),
 * against sorting a Float64Array copy of the same durations, measured in the same run:
 * `NODE_OPTIONS=--expose-gc npx tsx bench/kaplanMeier.ts [--large] [--heap]`.
 *
 * Data are seeded random-order doubles (all distinct), 70% events. Each figure is the median of
 * repeated runs, run in rotation with the baseline so that load from other processes falls on
 * both alike; the ratio is kaplanMeier ÷ sort (wall clock, and CPU time, which a busy machine
 * disturbs less). kaplanMeier's points are made from its typed columns on first read, so the
 * headline line reads the median only; a second line reads every point too. Also:
 * kaplanMeierQuantile on a fresh result (one pass over the columns; prepared curves, O(log n),
 * once a result has been asked for a few), on its JSON copy (one pass over the points), and
 * `estimate(summarize('ttr', …))` on the same durations. `--large` adds 1e7 durations.
 *
 * `--heap` runs 1e7 distinct durations in a child process limited to a 2 GiB heap
 * (`--max-old-space-size=2048`) and prints process.memoryUsage() after kaplanMeier and a
 * quantile: the V8 heap, and the typed arrays' backing stores (outside that heap) separately.
 * Not a test: nothing here asserts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = pathToFileURL(new URL('../dist/index.js', import.meta.url).pathname).href;
const lib = (await import(dist)) as Record<string, unknown>;
type Km = { points: unknown[]; median: { value: number }; n: number };
const kaplanMeier = lib.kaplanMeier as (d: ArrayLike<number>, e: ArrayLike<number>) => Km;
const kaplanMeierQuantile = lib.kaplanMeierQuantile as (km: Km, p: number) => { value: number };
const summarize = lib.summarize as (m: string, x: unknown, o?: unknown) => unknown;
const estimate = lib.estimate as (s: unknown) => { median: { value: number } };
const seededRandom = lib.seededRandom as (seed: number) => () => number;

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
let sink = 0;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function data(n: number): { durations: Float64Array; events: Uint8Array } {
  const rng = seededRandom(20261202);
  const durations = new Float64Array(n);
  const events = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    durations[i] = rng() * 1e9; // distinct with probability ~1
    events[i] = rng() < 0.7 ? 1 : 0;
  }
  return { durations, events };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median wall and CPU ms of each function, in rotation, after a warm-up. */
function times(fs: (() => number)[], repetitions: number): { wall: number; cpu: number }[] {
  collect();
  for (const f of fs) sink += f(); // warm up
  const wall: number[][] = fs.map(() => []);
  const cpu: number[][] = fs.map(() => []);
  for (let r = 0; r < repetitions; r++) {
    fs.forEach((f, k) => {
      collect();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      sink += f();
      (wall[k] as number[]).push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      (cpu[k] as number[]).push((used.user + used.system) / 1000);
    });
  }
  return fs.map((_, k) => ({ wall: median(wall[k] as number[]), cpu: median(cpu[k] as number[]) }));
}

if (process.argv.includes('--heap-child')) {
  // One 1e7 run under the heap limit set by the parent; nothing else in this process.
  const n = 1e7;
  const { durations, events } = data(n);
  const start = performance.now();
  const km = kaplanMeier(durations, events);
  const q = kaplanMeierQuantile(km, 0.9);
  const ms = performance.now() - start;
  collect();
  const m = process.memoryUsage();
  console.log(
    `n = 1e7 distinct durations, --max-old-space-size=2048: kaplanMeier + kaplanMeierQuantile(0.9) ${ms.toFixed(0)} ms`,
  );
  console.log(`  median ${km.median.value.toFixed(0)}, p90 ${q.value.toFixed(0)}, n ${km.n}`);
  console.log(`  V8 heap used ${mib(m.heapUsed)} (heap total ${mib(m.heapTotal)})`);
  console.log(`  typed-array backing stores (outside the heap; input ${mib(9 * n)} of them) ${mib(m.arrayBuffers)}`);
  console.log(`  resident set ${mib(m.rss)}`);
  process.exit(0);
}

const sizes = process.argv.includes('--large') ? [1e6, 1e7] : [1e6];
for (const n of sizes) {
  const { durations, events } = data(n);
  const repetitions = n >= 1e7 ? 3 : 9;
  const [sort, km, withPoints] = times(
    [
      () => Float64Array.from(durations).sort()[0] as number,
      () => kaplanMeier(durations, events).median.value,
      () => kaplanMeier(durations, events).points.length,
    ],
    repetitions,
  ) as { wall: number; cpu: number }[];
  const fresh = () => kaplanMeier(durations, events);
  const json = JSON.parse(JSON.stringify(fresh())) as Km;
  const fromColumns: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const result = fresh();
    const start = performance.now();
    sink += kaplanMeierQuantile(result, 0.9).value; // the first: one pass over the columns
    fromColumns.push(performance.now() - start);
  }
  const result = fresh();
  sink += kaplanMeierQuantile(result, 0.9).value;
  const [again, fromPoints] = times(
    [() => kaplanMeierQuantile(result, 0.75).value, () => kaplanMeierQuantile(json, 0.9).value],
    repetitions,
  ) as { wall: number; cpu: number }[];
  const [viaSummary] =
    n >= 1e7 ? [undefined] : times([() => estimate(summarize('ttr', durations, { events })).median.value], 3);
  const line = (name: string, t: { wall: number; cpu: number }, ratio = true) =>
    console.log(
      `  ${name.padEnd(44)} ${t.wall.toFixed(1).padStart(8)} ms` +
        (ratio
          ? `   ratio ${(t.wall / (sort as { wall: number }).wall).toFixed(2)}× wall, ${(t.cpu / (sort as { cpu: number }).cpu).toFixed(2)}× CPU`
          : ''),
    );
  console.log(`n = ${n.toExponential(0)} distinct durations, ${repetitions} repetitions (median); ratios to the sort`);
  line('sort a Float64Array copy', sort as { wall: number; cpu: number });
  line('kaplanMeier (median read)', km as { wall: number; cpu: number });
  line('kaplanMeier, every point read', withPoints as { wall: number; cpu: number });
  console.log(
    `  ${'kaplanMeierQuantile(fresh result, 0.9)'.padEnd(44)} ${median(fromColumns).toFixed(2).padStart(8)} ms (first on a result: one pass over the columns)`,
  );
  console.log(
    `  ${'kaplanMeierQuantile(same result, 0.75)'.padEnd(44)} ${(again as { wall: number }).wall.toFixed(3).padStart(8)} ms (from the 3rd on a result: prepared, O(log n))`,
  );
  line('kaplanMeierQuantile(JSON copy, 0.9)', fromPoints as { wall: number; cpu: number }, false);
  if (viaSummary !== undefined) line("estimate(summarize('ttr'))", viaSummary);
}

if (process.argv.includes('--heap')) {
  const child = spawnSync('npx', ['tsx', fileURLToPath(import.meta.url), '--heap-child'], {
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=2048 --expose-gc' },
    encoding: 'utf8',
  });
  process.stdout.write(child.stdout);
  process.stderr.write(child.stderr);
  if (child.status !== 0) console.log(`  the 1e7 run failed (exit ${child.status}, signal ${child.signal})`);
}
if (sink === 0.5) console.log(sink);
