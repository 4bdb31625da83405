/**
 * nps, csat and ces at 1e6 and 1e7 answers, on the built package (dist/: run `npx tsup` first),
 * against bare loops measured in the same run: `NODE_OPTIONS=--expose-gc npx tsx bench/surveys.ts [--quick]`.
 *
 * Data are seeded random-order scores (a fixed order would let the branch predictor learn it).
 * Each figure is the median of repeated runs; ratios are to the faster of two bare baselines that
 * do no validation: a branchy counting loop (promoter / passive / detractor counters) and a
 * histogram loop (h[x]++). Records are `{ type, score, channel }` objects read with a key accessor,
 * against a bare loop reading the property into a histogram. Not a test: nothing here asserts.
 * Run with NODE_OPTIONS=--expose-gc for steadier 1e7 figures (garbage collected between runs).
 * Then the same histogram in numpy and R where the machine has them ("skipped" where not).
 */
import { pathToFileURL } from 'node:url';

type Metric = (scores: unknown, options?: unknown) => { value: number };
const dist = pathToFileURL(new URL('../dist/index.js', import.meta.url).pathname).href;
const lib = (await import(dist)) as Record<'nps' | 'csat' | 'ces' | 'seededRandom', unknown>;
const nps = lib.nps as Metric;
const csat = lib.csat as Metric;
const ces = lib.ces as Metric;
const seededRandom = lib.seededRandom as (seed: number) => () => number;

const quick = process.argv.includes('--quick');
const sizes = quick ? [1e6] : [1e6, 1e7];

let sink = 0; // results are kept so the loops cannot be optimised away

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Median milliseconds of each function, run in rotation (A B C A B C …) so that a burst of load
 * from another process on the machine falls on all of them alike.
 */
// With `--expose-gc` (NODE_OPTIONS=--expose-gc), collect garbage before each set of runs so
// a collection of the previous data set does not land inside one measurement.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function times(fs: (() => number)[], repetitions: number): number[] {
  collect();
  for (const f of fs) for (let i = 0; i < 2; i++) sink += f(); // warm up: let the JIT settle
  const all: number[][] = fs.map(() => []);
  for (let r = 0; r < repetitions; r++) {
    fs.forEach((f, k) => {
      const start = performance.now();
      sink += f();
      (all[k] as number[]).push(performance.now() - start);
    });
  }
  return all.map(median);
}

// Bare baselines: the least work that counts the answers, with no validation at all. Each input
// kind gets its own copy of each loop (made by `new Function`, so each has its own type feedback),
// so that no baseline is slowed by having seen another kind of array: they stay monomorphic.
type Loop = (x: unknown, a: number, b: number) => number;
const BRANCHY = `'use strict'; let p = 0, o = 0, d = 0; const n = x.length;
  for (let i = 0; i < n; i++) { const v = x[i]; if (v >= a) p++; else if (v <= b) d++; else o++; }
  return p - d + o;`;
const HISTOGRAM_F64 = `'use strict'; const h = new Float64Array(a + 1); const n = x.length;
  for (let i = 0; i < n; i++) h[x[i]]++;
  return h[0];`;
const HISTOGRAM_I32 = `'use strict'; const h = new Int32Array(a + 1); const n = x.length;
  for (let i = 0; i < n; i++) h[x[i]]++;
  return h[0];`;
const PROPERTY = `'use strict'; const h = new Int32Array(a + 1); const n = x.length;
  for (let i = 0; i < n; i++) h[x[i].score]++;
  return h[0];`;
const fresh = (body: string): Loop => new Function('x', 'a', 'b', body) as Loop;

const SCALES = {
  nps: { fn: nps, min: 0, max: 10, promoterMin: 9, detractorMax: 6 },
  csat: { fn: csat, min: 1, max: 5, promoterMin: 4, detractorMax: 3 },
  ces: { fn: ces, min: 1, max: 7, promoterMin: 5, detractorMax: 4 },
} as const;

const ms = (t: number) => t.toFixed(1);
const ratio = (t: number, base: number) => (t / base).toFixed(2);
const rows: string[][] = [['metric', 'n', 'input', 'metric ms', 'baseline ms', 'ratio', 'target']];
for (const n of sizes) {
  const repetitions = n >= 1e7 ? 7 : 15;
  for (const [name, s] of Object.entries(SCALES)) {
    const rng = seededRandom(n + s.max);
    const plain: number[] = Array.from({ length: n }, () => s.min + Math.floor(rng() * (s.max - s.min + 1)));
    const typed = Float64Array.from(plain);
    const records = plain.map((score, i) => ({ type: name, score, channel: i % 3 === 0 ? 'web' : 'email' }));
    for (const [label, input] of [
      ['number[]', plain],
      ['Float64Array', typed],
    ] as const) {
      const [branchy, f64, i32] = [fresh(BRANCHY), fresh(HISTOGRAM_F64), fresh(HISTOGRAM_I32)];
      const [metric, ...bases] = times(
        [
          () => s.fn(input).value,
          () => branchy(input, s.promoterMin, s.detractorMax),
          () => f64(input, s.max, 0),
          () => i32(input, s.max, 0),
        ],
        repetitions,
      ) as [number, ...number[]];
      const base = Math.min(...bases);
      rows.push([name, n.toExponential(0), label, ms(metric), ms(base), ratio(metric, base), '≤ 1.5']);
    }
    const property = fresh(PROPERTY);
    const [byKey, byFunction, base] = times(
      [
        () => s.fn(records, { accessor: 'score' }).value,
        () => s.fn(records, { accessor: (r: { score: number }) => r.score }).value,
        () => property(records, s.max, 0),
      ],
      repetitions,
    ) as [number, number, number];
    rows.push([name, n.toExponential(0), 'records, key', ms(byKey), ms(base), ratio(byKey, base), '≤ 2']);
    rows.push([name, n.toExponential(0), 'records, function', ms(byFunction), ms(base), ratio(byFunction, base), '—']);
  }
}

const widths = (rows[0] as string[]).map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] as number)).join('  '));
console.log(`(checksum ${sink})`);

// The same histogram elsewhere, where the machine has the tool (skipped otherwise): numpy's
// bincount and R's tabulate on as many random scores, against nps on a Float64Array above.
const { numpyHistogram, rHistogram, describeTiming } = await import('./external.ts');
for (const n of sizes) {
  const row = rows.find((r) => r[0] === 'nps' && r[1] === n.toExponential(0) && r[2] === 'Float64Array');
  const ours = Number(row?.[3]);
  const repetitions = n >= 1e7 ? 7 : 15;
  console.log(
    `numpy np.bincount, ${n.toExponential(0)} scores: ${describeTiming(numpyHistogram(n, 10, repetitions), ours)}`,
  );
  console.log(`R tabulate, ${n.toExponential(0)} scores: ${describeTiming(rHistogram(n, 10, repetitions), ours)}`);
}
