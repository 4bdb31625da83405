/**
 * Writes examples/data/journey-events.csv, examples/data/carts.csv and
 * examples/data/touchpoint-survey.csv: a synthetic online shop's customer journeys from
 * 2026-04-01 to 2026-06-30 (UTC), exported at 2026-07-01T00:00:00Z, so the last customers are
 * still on their way.
 *
 *   npx tsx examples/generate-sample-journey.ts
 *
 * Deterministic: the shared seeded sampler (examples/sampling.ts, mulberry32), no Math.random, no
 * clock, no locale; the same seed always writes byte-identical files. What is built in (see
 * examples/data/README.md):
 * - five stages, visit → product-view → cart → checkout → purchase, each logged with its
 *   touchpoint, the customer's acquisition channel and device;
 * - the moment of abandonment: on mobile, fewer carts reach checkout (a clumsy checkout form);
 * - messy journeys: return visits, going back from the cart to products, a "buy now" button that
 *   skips the cart, newsletter deep links that land on a product without a logged visit, and
 *   customers coming back days later to finish;
 * - carts (one per cart session, a second one for some who come back) with a value, bought within
 *   minutes, days later (some after a week), or never;
 * - a post-purchase survey (NPS 0–10 and 1–5 ratings of website, checkout, delivery and, for those
 *   who contacted it, support), where delivery and checkout go with NPS most;
 * - the export cut: whatever happened after 2026-07-01 is not in the files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvLine } from './csv.ts';
import { mulberry32, pickIndex, type Rng } from './sampling.ts';

const SEED = 20260601;
const EVENTS_FILE = fileURLToPath(new URL('./data/journey-events.csv', import.meta.url));
const CARTS_FILE = fileURLToPath(new URL('./data/carts.csv', import.meta.url));
const SURVEY_FILE = fileURLToPath(new URL('./data/touchpoint-survey.csv', import.meta.url));

const START = Date.UTC(2026, 3, 1); // 2026-04-01
const DAYS = 91; // through 2026-06-30
const EXPORTED_AT = Date.UTC(2026, 6, 1); // 2026-07-01T00:00:00Z
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CUSTOMERS = 900;

type Stage = 'visit' | 'product-view' | 'cart' | 'checkout' | 'purchase';
const STAGE_ORDER: Record<Stage, number> = { visit: 0, 'product-view': 1, cart: 2, checkout: 3, purchase: 4 };
type Channel = 'search' | 'social' | 'email' | 'direct';
type Device = 'mobile' | 'desktop' | 'tablet';

const CHANNELS: readonly Channel[] = ['search', 'social', 'email', 'direct'];
const CHANNEL_WEIGHTS = [0.4, 0.25, 0.2, 0.15];
const DEVICES: readonly Device[] = ['mobile', 'desktop', 'tablet'];
const DEVICE_WEIGHTS = [0.55, 0.38, 0.07];
/** Where a visit comes in, by channel. */
const LANDING: Record<Channel, string> = {
  search: 'search result',
  social: 'social post',
  email: 'newsletter',
  direct: 'home page',
};
const TOUCHPOINT: Record<Exclude<Stage, 'visit'>, string> = {
  'product-view': 'product page',
  cart: 'cart page',
  checkout: 'checkout form',
  purchase: 'order confirmation',
};

/** Chance of going on from each stage to the next, by channel and device. */
function goesOn(stage: Stage, channel: Channel, device: Device): number {
  switch (stage) {
    case 'visit':
      return channel === 'email' ? 0.78 : channel === 'social' ? 0.52 : 0.66;
    case 'product-view':
      return channel === 'email' ? 0.5 : 0.42;
    case 'cart':
      // The moment of abandonment: the checkout form on a phone.
      return device === 'mobile' ? 0.46 : device === 'tablet' ? 0.6 : 0.72;
    case 'checkout':
      return device === 'mobile' ? 0.74 : 0.86;
    default:
      return 0;
  }
}

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Lognormal with the given median and log-scale spread. */
function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** Relative number of first visits per UTC hour. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 8, 8, 7, 7, 7, 8, 9, 10, 10, 8, 5, 2];

interface Event {
  customer: string;
  stage: Stage;
  at: number;
  touchpoint: string;
  channel: Channel;
  device: Device;
}

interface Cart {
  customer: string;
  createdAt: number;
  purchasedAt: number | undefined;
  device: Device;
  channel: Channel;
  value: number | undefined;
}

interface Purchase {
  customer: string;
  at: number;
  device: Device;
}

/** Whole seconds, as an export would write them. */
const second = (t: number) => Math.floor(t / 1000) * 1000;

function simulate(rng: Rng, customer: string, channel: Channel, device: Device, start: number) {
  const events: Event[] = [];
  const carts: Cart[] = [];
  let purchase: Purchase | undefined;
  const log = (stage: Stage, at: number, touchpoint?: string) =>
    events.push({
      customer,
      stage,
      at: second(at),
      touchpoint: touchpoint ?? (stage === 'visit' ? LANDING[channel] : TOUCHPOINT[stage]),
      channel,
      device,
    });
  let t = start;
  // A quarter of newsletter readers (5 % of customers) land on a product by a deep link: no visit logged.
  const deepLink = channel === 'email' && rng() < 0.25;
  if (!deepLink) log('visit', t);
  let stage: Stage = 'visit';
  if (deepLink || rng() < goesOn('visit', channel, device)) {
    t += lognormal(rng, 2 * MINUTE, 0.8);
    log('product-view', t);
    stage = 'product-view';
  }
  // A third of the customers come back another day and look again.
  if (rng() < 0.33) {
    const again = t + lognormal(rng, 3 * DAY, 0.9);
    log('visit', again);
    if (stage === 'visit' && rng() < 0.5) {
      t = again + lognormal(rng, 2 * MINUTE, 0.8);
      log('product-view', t);
      stage = 'product-view';
    } else if (stage === 'product-view') t = again;
  }
  if (stage !== 'product-view') return { events, carts, purchase };
  const value = Math.round(lognormal(rng, 45, 0.6) * 100) / 100;
  const withValue = rng() < 0.98 ? value : undefined;
  // "Buy now": 4 % skip the cart and go straight to checkout.
  if (rng() < 0.04) {
    t += lognormal(rng, 1 * MINUTE, 0.5);
    log('checkout', t);
    if (rng() < goesOn('checkout', channel, device)) {
      t += lognormal(rng, 3 * MINUTE, 0.5);
      log('purchase', t);
      purchase = { customer, at: second(t), device };
    }
    return { events, carts, purchase };
  }
  if (rng() >= goesOn('product-view', channel, device)) return { events, carts, purchase };
  t += lognormal(rng, 6 * MINUTE, 0.8);
  log('cart', t);
  const cart: Cart = { customer, createdAt: second(t), purchasedAt: undefined, device, channel, value: withValue };
  carts.push(cart);
  // Going back: one in ten looks at products again after filling the cart.
  if (rng() < 0.1) {
    t += lognormal(rng, 3 * MINUTE, 0.6);
    log('product-view', t);
  }
  let buyingCart = cart;
  if (rng() >= goesOn('cart', channel, device)) {
    // Abandoned at the cart; some come back days later with a new cart, some buy the old one late.
    const u = rng();
    if (u < 0.12) {
      t += lognormal(rng, 4 * DAY, 0.7);
      log('visit', t);
      t += lognormal(rng, 4 * MINUTE, 0.6);
      log('cart', t);
      buyingCart = {
        customer,
        createdAt: second(t),
        purchasedAt: undefined,
        device,
        channel,
        value: withValue === undefined ? undefined : Math.round(withValue * (0.8 + 0.4 * rng()) * 100) / 100,
      };
      carts.push(buyingCart);
    } else if (u < 0.2) {
      t += lognormal(rng, 9 * DAY, 0.4);
    } else return { events, carts, purchase };
  }
  t += lognormal(rng, 2 * MINUTE, 0.6);
  log('checkout', t);
  if (rng() >= goesOn('checkout', channel, device)) return { events, carts, purchase };
  t += lognormal(rng, 3 * MINUTE, 0.5);
  log('purchase', t);
  buyingCart.purchasedAt = second(t);
  purchase = { customer, at: second(t), device };
  return { events, carts, purchase };
}

/** A 1–5 rating around `mean`. */
function rating(rng: Rng, mean: number): number {
  return Math.max(1, Math.min(5, Math.round(mean + 0.9 * normal(rng))));
}

const rng = mulberry32(SEED);
const events: Event[] = [];
const carts: Cart[] = [];
const purchases: Purchase[] = [];
for (let i = 0; i < CUSTOMERS; i++) {
  const customer = `U${String(10001 + i)}`;
  const channel = CHANNELS[pickIndex(rng, CHANNEL_WEIGHTS)] as Channel;
  const device = DEVICES[pickIndex(rng, DEVICE_WEIGHTS)] as Device;
  const day = START + Math.floor(rng() * DAYS) * DAY;
  const start = day + pickIndex(rng, HOUR_WEIGHTS) * HOUR + Math.floor(rng() * 3600) * 1000;
  const journey = simulate(rng, customer, channel, device, start);
  events.push(...journey.events);
  carts.push(...journey.carts);
  if (journey.purchase !== undefined) purchases.push(journey.purchase);
}

// The export: only what had happened by EXPORTED_AT, in time order (customers interleave; one
// customer's events at the same second keep their journey order).
const exported = events
  .filter((e) => e.at <= EXPORTED_AT)
  .sort(
    (a, b) =>
      a.at - b.at ||
      (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0) ||
      STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage],
  );
const iso = (t: number | undefined) => (t === undefined ? '' : new Date(t).toISOString().replace('.000Z', 'Z'));
const eventLines = [csvLine(['customer_id', 'stage', 'at', 'touchpoint', 'channel', 'device'])];
for (const e of exported) eventLines.push(csvLine([e.customer, e.stage, iso(e.at), e.touchpoint, e.channel, e.device]));
writeFileSync(EVENTS_FILE, `${eventLines.join('\n')}\n`);

const cartRows = carts.filter((c) => c.createdAt <= EXPORTED_AT).sort((a, b) => a.createdAt - b.createdAt);
const cartLines = [csvLine(['cart_id', 'customer_id', 'created_at', 'purchased_at', 'device', 'channel', 'value'])];
cartRows.forEach((c, i) => {
  const bought = c.purchasedAt !== undefined && c.purchasedAt <= EXPORTED_AT ? c.purchasedAt : undefined;
  cartLines.push(
    csvLine([
      `K-${String(5001 + i)}`,
      c.customer,
      iso(c.createdAt),
      iso(bought),
      c.device,
      c.channel,
      c.value?.toFixed(2),
    ]),
  );
});
writeFileSync(CARTS_FILE, `${cartLines.join('\n')}\n`);

// The survey goes out three days after the purchase; about two in three answer within a few days.
const surveyLines = [
  csvLine([
    'response_id',
    'customer_id',
    'submitted_at',
    'device',
    'nps',
    'website',
    'checkout',
    'delivery',
    'support',
  ]),
];
const answers: string[][] = [];
for (const p of [...purchases].sort((a, b) => a.at - b.at)) {
  const submittedAt = second(p.at + 3 * DAY + lognormal(rng, 1.5 * DAY, 0.6));
  const answered = rng() < 0.65;
  // Each customer's experience: a latent mood plus how each touchpoint went.
  const mood = normal(rng);
  const website = rating(rng, 3.9 + 0.3 * mood);
  const checkout = rating(rng, (p.device === 'mobile' ? 3.3 : 4.0) + 0.3 * mood);
  const delivery = rating(rng, 3.7 + 0.3 * mood);
  const contacted = rng() < 0.3;
  const support = contacted ? rating(rng, 3.4 + 0.3 * mood) : undefined;
  const drive =
    0.25 * (website - 3.9) +
    0.7 * (checkout - 3.7) +
    1.3 * (delivery - 3.7) +
    (support === undefined ? 0 : 0.8 * (support - 3.4)) +
    0.6 * mood;
  const nps = Math.max(0, Math.min(10, Math.round(7.6 + drive + 1.3 * normal(rng))));
  const skipped = rng() < 0.03;
  if (!answered || submittedAt > EXPORTED_AT) continue;
  answers.push([
    p.customer,
    iso(submittedAt),
    p.device,
    skipped ? '' : String(nps),
    String(website),
    String(checkout),
    String(delivery),
    support === undefined ? '' : String(support),
  ]);
}
answers
  .sort((a, b) => ((a[1] as string) < (b[1] as string) ? -1 : (a[1] as string) > (b[1] as string) ? 1 : 0))
  .forEach((row, i) => {
    surveyLines.push(csvLine([`S-${String(2001 + i)}`, ...row]));
  });
writeFileSync(SURVEY_FILE, `${surveyLines.join('\n')}\n`);

console.log(
  `wrote ${exported.length} events of ${CUSTOMERS} customers, ${cartRows.length} carts and ${answers.length} survey answers ` +
    `(seed ${SEED}; exported at ${iso(EXPORTED_AT)})`,
);
