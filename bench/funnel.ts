/**
 * Benchmark (never part of the test run): a funnel over 10⁶ journey events of 10⁵ customers,
 * against sorting the same events by customer and time — the least work any funnel needs when
 * the log is not grouped by customer. Target (issue 12): funnel ≤ 3× the sort.
 *
 *   npm run build && npx tsx bench/funnel.ts
 *
 * Runs on dist (the built package, as users get it). The log is in time order with customers
 * interleaved at random (as an export sorted by time is), times are Dates (as the schemas parse
 * them); the data is seeded, so every run measures the same input. Each measurement is the median
 * of 7 repetitions, funnel and sort alternating, printed as a ratio to the sort of the same run.
 */
import { mulberry32 } from '../examples/sampling.ts';
import type { JourneyEvent } from '../src/index.ts';

// dist is imported by a computed path so the typecheck does not need a build; its types are src's.
const DIST = new URL('../dist/index.js', import.meta.url).href;
const { funnel } = (await import(DIST)) as typeof import('../src/index.ts');

const CUSTOMERS = 100_000;
const EVENTS = 1_000_000;
const REPETITIONS = 7;
const STAGES = ['visit', 'product-view', 'cart', 'checkout', 'purchase'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

function makeEvents(): JourneyEvent[] {
  const rng = mulberry32(20260701);
  const rows: { customerId: string; stage: string; ms: number }[] = [];
  // Ten events per customer: visits and stages reached, some repeated, going back now and then.
  for (let c = 0; c < CUSTOMERS; c++) {
    const id = `U${String(1_000_000 + c)}`;
    const count = EVENTS / CUSTOMERS;
    let t = START + Math.floor(rng() * 90 * DAY);
    let level = 0;
    for (let k = 0; k < count; k++) {
      rows.push({ customerId: id, stage: STAGES[level] as string, ms: t });
      t += Math.floor(rng() * 6 * DAY);
      const u = rng();
      if (u < 0.5 && level < STAGES.length - 1) level++;
      else if (u < 0.6 && level > 0) level--;
    }
  }
  // Time order across customers (an export sorted by time); each customer's events stay in order.
  rows.sort((a, b) => a.ms - b.ms);
  return rows.map((r) => ({ customerId: r.customerId, stage: r.stage, at: new Date(r.ms) }));
}

function byCustomerAndTime(a: JourneyEvent, b: JourneyEvent): number {
  const x = a.customerId as string;
  const y = b.customerId as string;
  return x < y ? -1 : x > y ? 1 : (a.at as Date).getTime() - (b.at as Date).getTime();
}

function time(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const events = makeEvents();
console.log(`${events.length} events of ${new Set(events.map((e) => e.customerId)).size} customers`);
const options = { stages: STAGES, asOf: '2026-07-01', within: { days: 30 } };
// Warm up both paths.
funnel(events, options);
events.slice().sort(byCustomerAndTime);

const funnelMs: number[] = [];
const sortMs: number[] = [];
let result: { customers: number; endToEnd: { converted: number } } | undefined;
for (let i = 0; i < REPETITIONS; i++) {
  sortMs.push(time(() => events.slice().sort(byCustomerAndTime)));
  funnelMs.push(
    time(() => {
      result = funnel(events, options);
    }),
  );
}
const f = median(funnelMs);
const s = median(sortMs);
console.log(`funnel (5 stages, 30-day window)          ${f.toFixed(0).padStart(6)} ms (median of ${REPETITIONS})`);
console.log(`baseline: sort by customer, then time     ${s.toFixed(0).padStart(6)} ms (median of ${REPETITIONS})`);
console.log(`ratio funnel / sort: ${(f / s).toFixed(2)} (target ≤ 3)`);
console.log(`check: ${result?.customers} customers entered, end-to-end ${result?.endToEnd.converted} converted`);
