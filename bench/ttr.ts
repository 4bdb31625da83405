/**
 * ttr on ISO-string tickets against kaplanMeier on the same durations, on the built package
 * (dist/: run `npx tsup` first): `NODE_OPTIONS=--expose-gc npx tsx bench/ttr.ts [--quick] [--old <dist/index.js>]`.
 *
 * Tickets are seeded, in random order: createdAt uniform over 2025 (to the millisecond),
 * resolved 0–10 days later (uniform in ms), about 20% still open at asOf = 2026-01-11 (so no
 * resolution falls after it); times are `toISOString()` strings ('2025-03-14T09:26:53.123Z').
 * The baseline is `kaplanMeier` on exactly the durations ttr computes (resolvedAt − createdAt,
 * or asOf − createdAt for open tickets, as a Float64Array, with the events as a Uint8Array):
 * essentially 1e6 distinct durations. Also printed: ttr on the same tickets with epoch-ms times
 * (no parsing: the rest of ttr's per-ticket cost), and a bare `Date.parse` loop over the same
 * strings (no validation) for scale. With `--old <path>` (a build of an earlier commit), that
 * build's ttr on the same tickets too, e.g. the regex reader this scanner replaced.
 *
 * Each figure is the median of repeated runs, run in rotation (A B C A B C …) so a burst of load
 * from another process on the machine falls on all alike; wall-clock and CPU time both, with their
 * ratios to kaplanMeier. Not a test: nothing here asserts (it only checks that ttr gives the same
 * median from the ISO strings as from the epoch ms, so that both read the same data).
 */
import { pathToFileURL } from 'node:url';

type Ticket = { id: number; createdAt: string | number; resolvedAt?: string | number };
type Ttr = (tickets: readonly Ticket[], options: { asOf: string | number }) => { median: { value: number } };
type KaplanMeier = (durations: ArrayLike<number>, events: ArrayLike<number>) => { n: number };

const dist = pathToFileURL(new URL('../dist/index.js', import.meta.url).pathname).href;
const lib = (await import(dist)) as Record<'ttr' | 'kaplanMeier' | 'seededRandom', unknown>;
const ttr = lib.ttr as Ttr;
const kaplanMeier = lib.kaplanMeier as KaplanMeier;
const seededRandom = lib.seededRandom as (seed: number) => () => number;
const oldAt = process.argv.indexOf('--old');
const oldTtr =
  oldAt > 0 && process.argv[oldAt + 1] !== undefined
    ? ((await import(pathToFileURL(process.argv[oldAt + 1] as string).href)) as { ttr: Ttr }).ttr
    : undefined;

const quick = process.argv.includes('--quick');
const N = quick ? 200_000 : 1_000_000;
const REPETITIONS = quick ? 5 : 9;
const DAY = 86_400_000;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

let sink = 0; // results are kept so the work cannot be optimised away

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Median wall-clock and CPU milliseconds of each function over `repetitions` rotations, after a
 * warm-up. CPU time (process.cpuUsage, garbage-collector threads included) is printed too because
 * on a shared machine the wall clock also counts the time other processes held the cores.
 */
function times(fs: (() => number)[], repetitions: number): { wall: number; cpu: number }[] {
  for (const f of fs) for (let i = 0; i < 2; i++) sink += f();
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

const rng = seededRandom(20261202);
const from = Date.UTC(2025, 0, 1);
const year = Date.UTC(2026, 0, 1) - from;
const asOfMs = Date.UTC(2026, 0, 11);
const asOf = new Date(asOfMs).toISOString();
const isoTickets: Ticket[] = [];
const msTickets: Ticket[] = [];
const durations = new Float64Array(N);
const events = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  const created = from + Math.floor(rng() * year);
  const open = rng() < 0.2;
  const resolved = created + Math.floor(rng() * 10 * DAY);
  const createdAt = new Date(created).toISOString();
  if (open) {
    isoTickets.push({ id: i, createdAt });
    msTickets.push({ id: i, createdAt: created });
    durations[i] = asOfMs - created;
  } else {
    isoTickets.push({ id: i, createdAt, resolvedAt: new Date(resolved).toISOString() });
    msTickets.push({ id: i, createdAt: created, resolvedAt: resolved });
    durations[i] = resolved - created;
    events[i] = 1;
  }
}
const strings = isoTickets.flatMap((t) => (t.resolvedAt === undefined ? [t.createdAt] : [t.createdAt, t.resolvedAt]));

const cases: [string, () => number][] = [
  ['kaplanMeier (Float64Array durations, events) ', () => kaplanMeier(durations, events).n],
  ['ttr, ISO-string tickets', () => ttr(isoTickets, { asOf }).median.value],
  ['ttr, epoch-ms tickets (no parsing)', () => ttr(msTickets, { asOf: asOfMs }).median.value],
  [
    `Date.parse of the ${strings.length} strings (bare loop)`,
    () => {
      let s = 0;
      for (let i = 0; i < strings.length; i++) s += Date.parse(strings[i] as string);
      return s;
    },
  ],
];
if (oldTtr !== undefined)
  cases.push(['ttr, ISO-string tickets, --old build', () => oldTtr(isoTickets, { asOf }).median.value]);

// The same answer from both, or the comparison means nothing.
const fromTtr = ttr(isoTickets, { asOf }).median.value;
const fromMs = ttr(msTickets, { asOf: asOfMs }).median.value;
if (fromTtr !== fromMs) throw new Error(`ttr on ISO strings (${fromTtr}) and on epoch ms (${fromMs}) differ`);

const measured = times(
  cases.map(([, f]) => f),
  REPETITIONS,
);
const base = measured[0] as { wall: number; cpu: number };
const resolved = events.reduce((a, b) => a + b, 0);
console.log(
  `ttr on ${N.toLocaleString('en')} tickets (${resolved.toLocaleString('en')} resolved), median of ${REPETITIONS} runs; ratios to kaplanMeier`,
);
console.log(
  `${''.padEnd(52)} ${'wall ms'.padStart(9)} ${'ratio'.padStart(6)}  ${'CPU ms'.padStart(9)} ${'ratio'.padStart(6)}`,
);
cases.forEach(([name], k) => {
  const { wall, cpu } = measured[k] as { wall: number; cpu: number };
  console.log(
    `${name.padEnd(52)} ${wall.toFixed(1).padStart(9)} ${(wall / base.wall).toFixed(2).padStart(5)}×  ${cpu.toFixed(1).padStart(9)} ${(cpu / base.cpu).toFixed(2).padStart(5)}×`,
  );
});
const iso = measured[1] as { wall: number; cpu: number };
console.log(
  `ttr (ISO strings) / kaplanMeier = ${(iso.wall / base.wall).toFixed(2)} wall, ${(iso.cpu / base.cpu).toFixed(2)} CPU (target ≤ 1.5)`,
);
if (sink === 0.5) console.log(''); // keep sink observable
