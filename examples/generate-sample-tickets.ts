/**
 * Writes examples/data/tickets.csv: synthetic support tickets, about 300 created from 2026-01-05 to
 * 2026-03-31 (UTC), exported at 2026-04-01T00:00:00Z, so the last weeks still have open tickets.
 *
 *   npx tsx examples/generate-sample-tickets.ts
 *
 * Deterministic: its own seeded PRNG (mulberry32), no Math.random, no clock, no locale. The same
 * seed always writes byte-identical output. What is built in (see examples/data/tickets.README.md):
 * - a support desk open Mon–Fri 09:00–17:00 UTC: agents answer and resolve in business hours, so
 *   business time and elapsed time differ a lot (a Friday-evening ticket waits the weekend);
 * - four channels: email (slow first response), chat and phone (fast), web form;
 * - skewed resolution times (lognormal in business hours) with a tail of tickets that wait on
 *   engineering for weeks;
 * - every ticket is simulated to its end and then cut at the export time: whatever had not
 *   happened by 2026-04-01 is blank, so open tickets are exactly the ones an export would show;
 * - agent replies and customer contacts per ticket; about 8 % reopened after resolution;
 * - a pool of customers of different sizes, some of whom come back with a follow-up ticket a few
 *   days after an unsatisfying resolution;
 * - a post-resolution survey answered for about a third of resolved tickets ("was your issue
 *   resolved in one contact?").
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvLine } from './csv.ts';
import { mulberry32, pickIndex, type Rng } from './sampling.ts';

const SEED = 20260105;
const OUTPUT = fileURLToPath(new URL('./data/tickets.csv', import.meta.url));
const COLUMNS = [
  'id',
  'customer_id',
  'created_at',
  'first_response_at',
  'resolved_at',
  'reopened_at',
  'agent_replies',
  'customer_contacts',
  'channel',
  'first_contact_resolved',
] as const;

const START = Date.UTC(2026, 0, 5); // Monday 2026-01-05
const END = Date.UTC(2026, 2, 31, 23, 59, 59); // Tuesday 2026-03-31
const EXPORTED_AT = Date.UTC(2026, 3, 1); // 2026-04-01T00:00:00Z
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Lognormal with the given median and log-scale spread. */
function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** A number of extra events: 0 with probability 1 − p, then geometric. */
function extra(rng: Rng, p: number): number {
  let k = 0;
  while (rng() < p && k < 12) k++;
  return k;
}

function isWeekday(t: number): boolean {
  const day = new Date(t).getUTCDay();
  return day >= 1 && day <= 5;
}

/** `t` plus `ms` of business time (Mon–Fri 09:00–17:00 UTC); from outside hours it starts at the next opening. */
function addBusinessTime(t: number, ms: number): number {
  let now = t;
  let left = ms;
  for (;;) {
    const midnight = Math.floor(now / DAY) * DAY;
    const open = midnight + OPEN_HOUR * HOUR;
    const close = midnight + CLOSE_HOUR * HOUR;
    if (!isWeekday(now) || now >= close) {
      now = midnight + DAY + OPEN_HOUR * HOUR;
      continue;
    }
    if (now < open) now = open;
    if (now + left <= close) return now + left;
    left -= close - now;
    now = midnight + DAY + OPEN_HOUR * HOUR;
  }
}

type Channel = 'email' | 'chat' | 'phone' | 'web';

/**
 * Per channel: share of tickets, median first response and resolution in business time, and
 * how likely agents need more than one reply.
 */
const CHANNELS: Record<Channel, { share: number; firstResponse: number; resolution: number; moreReplies: number }> = {
  email: { share: 0.45, firstResponse: 90 * MINUTE, resolution: 7 * HOUR, moreReplies: 0.5 },
  chat: { share: 0.25, firstResponse: 4 * MINUTE, resolution: 2 * HOUR, moreReplies: 0.3 },
  phone: { share: 0.15, firstResponse: 1 * MINUTE, resolution: 3 * HOUR, moreReplies: 0.25 },
  web: { share: 0.15, firstResponse: 120 * MINUTE, resolution: 9 * HOUR, moreReplies: 0.55 },
};

/** Relative number of new tickets per UTC hour (customers write around the clock, mostly by day). */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 6, 5, 4, 3, 2, 1];

interface Ticket {
  customer: string;
  channel: Channel;
  createdAt: number;
  firstResponseAt: number | undefined;
  /** The first resolution, and the counts at that time. */
  firstResolvedAt: number;
  firstAgentReplies: number;
  firstCustomerContacts: number;
  reopenedAt: number | undefined;
  /** The final resolution (after a reopen, the second one), and the final counts. */
  resolvedAt: number;
  agentReplies: number;
  customerContacts: number;
  /** Survey answer, when the customer answered. */
  survey: boolean | undefined;
}

function simulate(rng: Rng, customer: string, createdAt: number, channel: Channel, followUp: boolean): Ticket {
  const spec = CHANNELS[channel];
  // 3 % never get a reply: the customer solves it and the ticket is closed.
  const unanswered = rng() < 0.03;
  const firstResponseAt = unanswered
    ? undefined
    : addBusinessTime(createdAt, Math.max(MINUTE / 2, lognormal(rng, spec.firstResponse, 1)));
  const moreReplies = extra(rng, spec.moreReplies + (followUp ? 0.15 : 0));
  // 1 in 10 waits on engineering: weeks instead of hours.
  const stuck = rng() < 1 / 10;
  const work = stuck ? lognormal(rng, 80 * HOUR, 0.6) : lognormal(rng, spec.resolution * (1 + 0.6 * moreReplies), 0.9);
  const base = firstResponseAt ?? createdAt;
  const firstResolvedAt = addBusinessTime(base, unanswered ? lognormal(rng, 2 * HOUR, 0.8) : work);
  const firstAgentReplies = unanswered ? 0 : 1 + moreReplies;
  const firstCustomerContacts = 1 + extra(rng, 0.15 + 0.125 * Math.min(moreReplies, 3));
  let resolvedAt = firstResolvedAt;
  let reopenedAt: number | undefined;
  let agentReplies = firstAgentReplies;
  let customerContacts = firstCustomerContacts;
  if (!unanswered && rng() < 0.08) {
    reopenedAt = Math.floor((firstResolvedAt + lognormal(rng, 1.5 * DAY, 0.8)) / 1000) * 1000;
    resolvedAt = addBusinessTime(reopenedAt, lognormal(rng, 4 * HOUR, 0.8));
    agentReplies += 1 + extra(rng, 0.3);
    customerContacts += 1;
  }
  // Happier when it took one reply and stayed fixed.
  const smooth = agentReplies <= 1 && reopenedAt === undefined && customerContacts <= 1;
  const survey = rng() < 0.35 ? rng() < (smooth ? 0.9 : 0.45) : undefined;
  return {
    customer,
    channel,
    createdAt,
    firstResponseAt,
    firstResolvedAt,
    firstAgentReplies,
    firstCustomerContacts,
    reopenedAt,
    resolvedAt,
    agentReplies,
    customerContacts,
    survey,
  };
}

function generate(seed: number): Ticket[] {
  const rng = mulberry32(seed);
  // Customers of different sizes: a few big accounts write often.
  const customers = Array.from({ length: 150 }, (_, i) => `C${String(1001 + i)}`);
  const customerWeights = customers.map((_, i) => 1 / (1 + i) ** 0.8);
  const channels = Object.keys(CHANNELS) as Channel[];
  const channelWeights = channels.map((c) => CHANNELS[c].share);
  const tickets: Ticket[] = [];
  for (let day = START; day <= END; day += DAY) {
    const weekday = isWeekday(day);
    // About 3.9 new tickets a weekday and 1 a weekend day: ≈ 260 first contacts in 12 weeks.
    const count = Math.floor((weekday ? 3.9 : 0.9) + rng() * (weekday ? 1 : 1.2));
    for (let k = 0; k < count; k++) {
      const createdAt = day + pickIndex(rng, HOUR_WEIGHTS) * HOUR + Math.floor(rng() * 3600) * 1000;
      const customer = customers[pickIndex(rng, customerWeights)] as string;
      const channel = channels[pickIndex(rng, channelWeights)] as Channel;
      const ticket = simulate(rng, customer, createdAt, channel, false);
      tickets.push(ticket);
      // After a bumpy ticket the customer sometimes comes back within a few days.
      const bumpy = ticket.agentReplies > 2 || ticket.reopenedAt !== undefined || ticket.survey === false;
      if (rng() < (bumpy ? 0.3 : 0.04)) {
        const again = ticket.resolvedAt + lognormal(rng, 2.5 * DAY, 0.7);
        if (again <= END) tickets.push(simulate(rng, customer, Math.floor(again / 1000) * 1000, channel, true));
      }
    }
  }
  return tickets.sort((a, b) => a.createdAt - b.createdAt);
}

/** What an export at EXPORTED_AT shows: whatever happened after it is not there yet. */
function exported(t: Ticket): Record<(typeof COLUMNS)[number], string | number> {
  const seen = (time: number | undefined) => (time !== undefined && time <= EXPORTED_AT ? time : undefined);
  const iso = (time: number | undefined) =>
    time === undefined ? '' : new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const reopened = seen(t.reopenedAt);
  // Reopened by the export: resolved only if resolved again since. Not (yet) reopened: the first
  // resolution, if it happened, with the counts of that time.
  const resolvedAt = reopened !== undefined ? seen(t.resolvedAt) : seen(t.firstResolvedAt);
  const answered = seen(t.firstResponseAt) !== undefined;
  let agentReplies: number;
  let customerContacts: number;
  if (reopened !== undefined) {
    agentReplies = resolvedAt !== undefined ? t.agentReplies : t.firstAgentReplies;
    customerContacts = resolvedAt !== undefined ? t.customerContacts : t.firstCustomerContacts + 1;
  } else if (resolvedAt !== undefined) {
    agentReplies = t.firstAgentReplies;
    customerContacts = t.firstCustomerContacts;
  } else {
    // Still open: the replies so far (at most the first one, in this simple model).
    agentReplies = answered ? 1 : 0;
    customerContacts = 1;
  }
  const surveyed = resolvedAt !== undefined && t.survey !== undefined && reopened === t.reopenedAt;
  return {
    id: '',
    customer_id: t.customer,
    created_at: iso(t.createdAt),
    first_response_at: iso(seen(t.firstResponseAt)),
    resolved_at: iso(resolvedAt),
    reopened_at: iso(reopened),
    agent_replies: agentReplies,
    customer_contacts: customerContacts,
    channel: t.channel,
    first_contact_resolved: surveyed ? String(t.survey) : '',
  };
}

const tickets = generate(SEED);
const lines = [csvLine(COLUMNS)];
tickets.forEach((ticket, i) => {
  const row = exported(ticket);
  row.id = `T-${String(1001 + i)}`;
  lines.push(csvLine(COLUMNS.map((c) => row[c])));
});
writeFileSync(OUTPUT, `${lines.join('\n')}\n`);
const open = lines.slice(1).filter((line) => line.split(',')[4] === '').length;
console.log(`wrote ${tickets.length} tickets to ${OUTPUT} (seed ${SEED}; ${open} open at the export time)`);
