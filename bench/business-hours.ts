/**
 * businessDuration on the built package (dist/: run `npm run build` first):
 * `npx tsx bench/business-hours.ts [--quick]`.
 *
 * Schedule: Europe/Warsaw, Mon–Fri 09:00–17:00, one holiday (2026-11-11). Tickets are seeded
 * random spans, in random order, starting anywhere in 2025–2026 (so they cross DST changes, year
 * ends and the holiday) and lasting 0–10 days (uniform in ms), passed as epoch milliseconds.
 * Printed: ticket-days per second (the days the spans cover, summed, over the time taken) with the
 * schedule compiled once and with the plain schedule (validated on every call); and the cost of a
 * 365-day span against a 1-day span (random starts, compiled schedule). Each figure is the median
 * of repeated runs, run in rotation (A B C A B C …) so a burst of load from another process falls
 * on all alike. Not a test: nothing here asserts.
 */
import { pathToFileURL } from 'node:url';

type Schedule = { timeZone: string; week: Record<string, [string, string][]>; holidays?: string[] };
const dist = pathToFileURL(new URL('../dist/index.js', import.meta.url).pathname).href;
const lib = (await import(dist)) as Record<'businessDuration' | 'compileSchedule' | 'seededRandom', unknown>;
const businessDuration = lib.businessDuration as (start: number, end: number, schedule: Schedule) => number;
const compileSchedule = lib.compileSchedule as (schedule: Schedule) => Schedule;
const seededRandom = lib.seededRandom as (seed: number) => () => number;

const quick = process.argv.includes('--quick');
const TICKETS = quick ? 50_000 : 200_000;
const REPETITIONS = quick ? 5 : 11;
const DAY = 86_400_000;

const nineToFive: [string, string][] = [['09:00', '17:00']];
const office: Schedule = {
  timeZone: 'Europe/Warsaw',
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ['2026-11-11'],
};
const compiled = compileSchedule(office);

let sink = 0; // results are kept so the loops cannot be optimised away

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median milliseconds of each function over `repetitions` rotations, after a warm-up. */
function times(fs: (() => number)[], repetitions: number): number[] {
  for (const f of fs) for (let i = 0; i < 2; i++) sink += f();
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

/** Seeded spans: starts uniform in [from, to), lengths uniform in [minLength, maxLength]. */
function spans(
  seed: number,
  n: number,
  minLength: number,
  maxLength: number,
): { starts: Float64Array; ends: Float64Array } {
  const rng = seededRandom(seed);
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2027, 0, 1);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = Math.floor(from + rng() * (to - from));
    starts[i] = start;
    ends[i] = start + Math.floor(minLength + rng() * (maxLength - minLength));
  }
  return { starts, ends };
}

function loop(starts: Float64Array, ends: Float64Array, schedule: Schedule): () => number {
  return () => {
    let total = 0;
    for (let i = 0; i < starts.length; i++) total += businessDuration(starts[i] as number, ends[i] as number, schedule);
    return total;
  };
}

const tickets = spans(1, TICKETS, 0, 10 * DAY);
let ticketDays = 0;
for (let i = 0; i < TICKETS; i++) ticketDays += ((tickets.ends[i] as number) - (tickets.starts[i] as number)) / DAY;

const oneDay = spans(2, TICKETS, DAY, DAY);
const oneYear = spans(3, TICKETS, 365 * DAY, 365 * DAY);

const [compiledMs, plainMs, dayMs, yearMs] = times(
  [
    loop(tickets.starts, tickets.ends, compiled),
    loop(tickets.starts, tickets.ends, office),
    loop(oneDay.starts, oneDay.ends, compiled),
    loop(oneYear.starts, oneYear.ends, compiled),
  ],
  REPETITIONS,
) as [number, number, number, number];

const perSecond = (ms: number) => (ticketDays / ms) * 1000;
const ns = (ms: number) => `${((ms / TICKETS) * 1e6).toFixed(0)} ns/call`;
console.log(`businessDuration, Europe/Warsaw Mon–Fri 09–17 + a holiday, ${TICKETS} random-order spans of 0–10 days`);
console.log(`(${ticketDays.toFixed(0)} ticket-days), medians of ${REPETITIONS} runs, Node ${process.version}`);
console.log(
  `  compiled schedule  ${(perSecond(compiledMs) / 1e6).toFixed(1).padStart(6)} M ticket-days/s  ${ns(compiledMs)}`,
);
console.log(
  `  plain schedule     ${(perSecond(plainMs) / 1e6).toFixed(1).padStart(6)} M ticket-days/s  ${ns(plainMs)}`,
);
console.log(`  1-day spans        ${ns(dayMs)}`);
console.log(`  365-day spans      ${ns(yearMs)}  (${(yearMs / dayMs).toFixed(2)}× a 1-day span)`);
console.log(`(checksum ${sink})`);
