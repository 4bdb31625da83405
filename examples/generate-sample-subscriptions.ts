/**
 * Writes examples/data/subscriptions.csv: a synthetic SaaS customer base, about 400 customers who
 * signed up from 2024-01-01 to 2025-12-31 (UTC), exported on 2026-01-01T00:00:00Z.
 *
 *   npx tsx examples/generate-sample-subscriptions.ts
 *
 * Deterministic: its own seeded PRNG (mulberry32), no Math.random, no clock, no locale. The same
 * seed always writes byte-identical output. What is built in (see data/subscriptions.README.md):
 * - sign-ups growing from about 12 to about 22 a month;
 * - three plans with seat-based MRR: starter (about 55 %), growth (about 33 %), scale (about 12 %);
 * - monthly churn that depends on the plan (starter 3 %, growth 1.5 %, scale 0.7 %) and is 1.6×
 *   higher in a customer's first three months (onboarding failures), so churn falls with tenure;
 * - seat expansion (5 % a month, up to +30 % of seats) and contraction (2 % a month, one seat)
 *   while a customer stays.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvLine } from './csv.ts';
import { mulberry32, pickIndex, type Rng } from './sampling.ts';

const SEED = 20240101;
const OUTPUT = fileURLToPath(new URL('./data/subscriptions.csv', import.meta.url));
const COLUMNS = ['id', 'started_at', 'ended_at', 'plan', 'mrr', 'mrr_2025_01_01'] as const;

const DAY = 86_400_000;
const MONTH = 30.4375 * DAY; // the average Gregorian month, as cx-metrics' unit 'month'
const FIRST_MONTH = Date.UTC(2024, 0, 1);
const MONTHS = 24; // 2024-01 … 2025-12
const AS_OF = Date.UTC(2026, 0, 1); // the export
const SNAPSHOT = Date.UTC(2025, 0, 1); // MRR recorded here for a year of revenue retention

type Plan = 'starter' | 'growth' | 'scale';

/** Per plan: share of sign-ups, price per seat, seats at sign-up, monthly churn probability. */
const PLANS: Record<Plan, { share: number; seatPrice: number; seats: [number, number]; churn: number }> = {
  starter: { share: 0.55, seatPrice: 19, seats: [1, 5], churn: 0.03 },
  growth: { share: 0.33, seatPrice: 49, seats: [3, 15], churn: 0.015 },
  scale: { share: 0.12, seatPrice: 99, seats: [10, 60], churn: 0.007 },
};
const ONBOARDING_MONTHS = 3;
const ONBOARDING_FACTOR = 1.6;
const EXPANSION = 0.05;
const CONTRACTION = 0.02;

/** Relative number of sign-ups per UTC hour of day (quiet at night, busy in office hours). */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2];

function integerBetween(rng: Rng, [min, max]: readonly [number, number]): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** ISO-8601 UTC to the second, e.g. 2024-03-07T14:05:09Z. */
function isoSeconds(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

interface Customer {
  id: string;
  startedAt: number;
  endedAt: number | undefined;
  plan: Plan;
  mrr: number;
  mrrAtSnapshot: number | undefined;
}

function simulate(rng: Rng): Customer[] {
  const customers: Customer[] = [];
  const plans = Object.keys(PLANS) as Plan[];
  for (let m = 0; m < MONTHS; m++) {
    const monthStart = Date.UTC(2024, m, 1);
    const monthEnd = Date.UTC(2024, m + 1, 1);
    const days = (monthEnd - monthStart) / DAY;
    const signups = Math.round(12 + (10 * m) / (MONTHS - 1) + (rng() - 0.5) * 5);
    const starts: number[] = [];
    for (let k = 0; k < signups; k++) {
      const day = Math.floor(rng() * days);
      const hour = pickIndex(rng, HOUR_WEIGHTS);
      starts.push(monthStart + day * DAY + hour * 3_600_000 + Math.floor(rng() * 3_600_000));
    }
    starts.sort((a, b) => a - b);
    for (const startedAt of starts) {
      const plan = plans[
        pickIndex(
          rng,
          plans.map((p) => PLANS[p].share),
        )
      ] as Plan;
      const { seatPrice, churn } = PLANS[plan];
      let seats = integerBetween(rng, PLANS[plan].seats);
      let endedAt: number | undefined;
      let mrrAtSnapshot: number | undefined;
      // Month by month of tenure: churn somewhere inside the month, or stay and maybe change seats.
      for (let tenure = 0; startedAt + tenure * MONTH < AS_OF; tenure++) {
        const from = startedAt + tenure * MONTH;
        const to = from + MONTH;
        if (mrrAtSnapshot === undefined && from <= SNAPSHOT && SNAPSHOT < to) {
          // Seats change at monthly anniversaries, so the MRR of this month is the MRR at the snapshot.
          mrrAtSnapshot = seats * seatPrice;
        }
        const hazard = churn * (tenure < ONBOARDING_MONTHS ? ONBOARDING_FACTOR : 1);
        if (rng() < hazard) {
          const at = from + rng() * MONTH;
          if (at < AS_OF) endedAt = at;
          break;
        }
        const u = rng();
        if (u < EXPANSION) seats += Math.max(1, Math.round(seats * 0.3 * rng()));
        else if (u < EXPANSION + CONTRACTION && seats > 1) seats -= 1;
      }
      // Customers who left before the snapshot had no MRR then.
      if (endedAt !== undefined && endedAt <= SNAPSHOT) mrrAtSnapshot = undefined;
      customers.push({
        id: `cus_${String(customers.length + 1).padStart(4, '0')}`,
        startedAt,
        endedAt,
        plan,
        mrr: seats * seatPrice,
        mrrAtSnapshot,
      });
    }
  }
  return customers;
}

const customers = simulate(mulberry32(SEED));
const lines = [csvLine(COLUMNS)];
for (const c of customers) {
  lines.push(
    csvLine([
      c.id,
      isoSeconds(c.startedAt),
      c.endedAt === undefined ? '' : isoSeconds(c.endedAt),
      c.plan,
      c.mrr,
      c.mrrAtSnapshot ?? '',
    ]),
  );
}
writeFileSync(OUTPUT, `${lines.join('\n')}\n`);
const churned = customers.filter((c) => c.endedAt !== undefined).length;
console.log(
  `wrote ${customers.length} customers (${customers.length - churned} active, ${churned} churned) to ${OUTPUT}`,
);
// Keep the first start inside the window (a guard against edits to the tables above).
if ((customers[0]?.startedAt ?? 0) < FIRST_MONTH) throw new Error('a customer starts before 2024-01-01');
