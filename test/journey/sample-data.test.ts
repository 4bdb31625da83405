import { describe, expect, it } from 'vitest';
import {
  cartAbandonment,
  compareNps,
  funnel,
  proportionInterval,
  spearmanCorrelation,
  touchpointDrivers,
} from '../../src/index.ts';
import { funnelChart } from '../../src/notebook/index.ts';
import {
  SAMPLE_JOURNEY_AS_OF as asOf,
  loadSampleCarts,
  loadSampleEvents,
  loadSampleSurvey,
  SAMPLE_STAGES,
} from './sampleJourney.ts';

// A funnel step's conversion is the Estimate of proportionInterval without its result kind.
const wilsonEstimate = (...args: Parameters<typeof proportionInterval>) => {
  const { kind: _kind, ...estimate } = proportionInterval(...args);
  return estimate;
};

// The worked numbers of docs/journey.md, on the bundled sample (examples/generate-sample-journey.ts).
// Counts are cross-checked by a plain count of the CSV here; intervals come from proportionInterval.

const DAY = 86_400_000;
const stages = [...SAMPLE_STAGES];
const pct = (x: number) => (100 * x).toFixed(1);
const figure = (e: { value: number; lower: number; upper: number } | null) =>
  e === null ? null : `${pct(e.value)}% [${pct(e.lower)}%, ${pct(e.upper)}%]`;

/** Per customer, the furthest stage reached in order within 14 days of the first visit (a plain scan). */
function plainStrictCount(events: ReturnType<typeof loadSampleEvents>) {
  const byCustomer = new Map<string, { stage: number; at: number }[]>();
  for (const e of events) {
    const list = byCustomer.get(String(e.customerId)) ?? [];
    list.push({ stage: stages.indexOf(e.stage as (typeof stages)[number]), at: Date.parse(e.at as string) });
    byCustomer.set(String(e.customerId), list);
  }
  const reached = stages.map(() => 0);
  let notEntered = 0;
  let pending = 0;
  for (const list of byCustomer.values()) {
    list.sort((a, b) => a.at - b.at || a.stage - b.stage);
    const entry = list.find((e) => e.stage === 0);
    if (entry === undefined) {
      notEntered++;
      continue;
    }
    let level = 0;
    for (const e of list) if (e.at >= entry.at && e.at <= entry.at + 14 * DAY && e.stage === level + 1) level++;
    for (let k = 0; k <= level; k++) reached[k] = (reached[k] as number) + 1;
    if (level < stages.length - 1 && entry.at + 14 * DAY > Date.parse(asOf)) pending++;
  }
  return { reached, notEntered, pending };
}

describe('docs/journey.md worked example: the funnel', () => {
  const events = loadSampleEvents();
  const f = funnel(events, { stages, asOf, within: { days: 14 }, by: 'device' });

  it('868 customers entered; 110 bought; 123 are still inside their 14-day window', () => {
    const plain = plainStrictCount(events);
    expect(events).toHaveLength(2460);
    expect(f.stages.map((s) => s.reached)).toEqual(plain.reached);
    expect(f.stages.map((s) => s.reached)).toEqual([868, 597, 244, 142, 110]);
    expect([f.notEntered, f.skippedStage, f.endToEnd.pending]).toEqual([plain.notEntered, 41, plain.pending]);
    expect(f.endToEnd.pending).toBe(123);
    expect([f.endToEnd.converted, f.endToEnd.dropped]).toEqual([110, 635]);
    expect(f.endToEnd.conversion).toEqual(wilsonEstimate(110, 745));
    expect(figure(f.endToEnd.conversion)).toBe('14.8% [12.4%, 17.5%]');
    expect(f.warnings.find((w) => w.code === 'PENDING')?.message).toMatch(/between 0\.127 and 0\.268/);
  });

  it('each step, and the cart → checkout step on mobile and desktop (the moment of abandonment)', () => {
    expect(f.steps.map((s) => figure(s.conversion))).toEqual([
      '72.5% [69.3%, 75.4%]',
      '45.4% [41.3%, 49.7%]',
      '62.3% [55.8%, 68.3%]',
      '79.1% [71.6%, 85.1%]',
    ]);
    const cart = (key: string) => f.groups?.find((g) => g.key === key)?.steps[2];
    expect([cart('mobile')?.converted, cart('mobile')?.dropped, figure(cart('mobile')?.conversion ?? null)]).toEqual([
      67,
      61,
      '52.3% [43.7%, 60.8%]',
    ]);
    expect([cart('desktop')?.converted, cart('desktop')?.dropped, figure(cart('desktop')?.conversion ?? null)]).toEqual(
      [63, 19, '76.8% [66.6%, 84.6%]'],
    );
  });

  it("order 'any' counts the deep-link customers and the skipped stages: 900 customers, 143 bought", () => {
    const any = funnel(events, { stages, asOf, within: { days: 14 }, order: 'any' });
    expect(any.stages.map((s) => s.reached)).toEqual([900, 641, 297, 185, 143]);
    expect(figure(any.endToEnd.conversion)).toBe('18.5% [15.9%, 21.3%]');
  });

  it('without a window, the 123 pending customers count as dropped', () => {
    const snapshot = funnel(events, { stages, asOf });
    expect([snapshot.endToEnd.converted, snapshot.endToEnd.dropped, snapshot.endToEnd.pending]).toEqual([114, 754, 0]);
    expect(figure(snapshot.endToEnd.conversion)).toBe('13.1% [11.0%, 15.5%]');
  });

  it('charts', () => {
    expect(funnelChart(f).datasets.stages?.map((row) => row.reached)).toEqual([868, 597, 244, 142, 110]);
  });
});

describe('docs/journey.md worked example: cart abandonment', () => {
  const carts = loadSampleCarts();
  const r = cartAbandonment(carts, { asOf, window: { days: 7 }, by: 'device' });

  it("288 carts, 122 bought within 7 days, 12 pending: Baymard's 57.6%, the ended-carts rate 55.8%", () => {
    // A plain count of the CSV: bought within 7 days of creation, or still younger than 7 days.
    const asOfMs = Date.parse(asOf);
    let purchased = 0;
    let pending = 0;
    for (const c of carts) {
      const created = Date.parse(c.createdAt as string);
      const bought = c.purchasedAt ? Date.parse(c.purchasedAt as string) : undefined;
      if (bought !== undefined && bought <= created + 7 * DAY) purchased++;
      else if (created + 7 * DAY > asOfMs) pending++;
    }
    expect([r.carts, r.purchased, r.pending]).toEqual([carts.length, purchased, pending]);
    expect([r.carts, r.purchased, r.abandoned, r.pending, r.purchasedAfterWindow]).toEqual([288, 122, 154, 12, 6]);
    expect(figure(r)).toBe('57.6% [51.9%, 63.2%]');
    const ended = cartAbandonment(carts, { asOf, window: { days: 7 }, definition: 'ended' });
    expect(figure(ended)).toBe('55.8% [49.9%, 61.5%]');
    expect(r.cartValue).toEqual({ purchased: 6439.16, abandoned: 9485.92, pending: 697.26, missing: 2 });
  });

  it('by device: mobile 65.7%, desktop 43.3%', () => {
    expect(r.groups?.map((g) => [g.key, g.carts, figure(g)])).toEqual([
      ['desktop', 97, '43.3% [33.9%, 53.2%]'],
      ['mobile', 169, '65.7% [58.2%, 72.4%]'],
      ['tablet', 22, '59.1% [38.7%, 76.7%]'],
    ]);
  });
});

describe('docs/journey.md worked example: touchpoint drivers', () => {
  const survey = loadSampleSurvey();
  const d = touchpointDrivers(survey, { nps: 'nps', touchpoints: ['website', 'checkout', 'delivery', 'support'] });

  it('delivery and checkout go with NPS; support and website cannot be told from no association', () => {
    expect([d.respondents, d.skipped]).toEqual([93, 3]);
    const rows = d.drivers.map((x) => [
      x.touchpoint,
      x.n,
      `${x.spearman?.value.toFixed(2)} [${x.spearman?.lower.toFixed(2)}, ${x.spearman?.upper.toFixed(2)}]`,
      x.npsDifference?.difference.toFixed(1),
    ]);
    expect(rows).toEqual([
      ['delivery', 93, '0.57 [0.40, 0.70]', '93.9'],
      ['checkout', 93, '0.54 [0.37, 0.68]', '73.1'],
      ['support', 25, '0.40 [-0.01, 0.70]', '30.0'],
      ['website', 93, '0.16 [-0.05, 0.35]', '20.9'],
    ]);
    // Cross-check one touchpoint against the building blocks.
    const rated = survey.filter((s) => s.nps !== null && s.delivery !== null);
    const delivery = d.drivers[0];
    expect(delivery?.spearman?.value).toBe(
      spearmanCorrelation(
        rated.map((s) => s.delivery as number),
        rated.map((s) => s.nps as number),
      ).value,
    );
    expect(delivery?.npsDifference?.difference).toBe(
      compareNps(
        rated.filter((s) => (s.delivery as number) >= 4).map((s) => s.nps as number),
        rated.filter((s) => (s.delivery as number) < 4).map((s) => s.nps as number),
      ).difference,
    );
    expect(d.drivers.map((x) => x.adjustedPValues.spearman !== null && x.adjustedPValues.spearman < 0.05)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
