import { describe, expect, it } from 'vitest';
import { CxMetricsError, funnel, touchpointDrivers } from '../../src/index.ts';
import { driverChart, funnelChart } from '../../src/notebook/index.ts';
import { itemsOf, render } from './render.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);
const ev = (customerId: number, stage: string, days: number, device = 'mobile') => ({
  customerId,
  stage,
  at: T0 + days * DAY,
  device,
});
// 6 visit, 4 reach the cart, 2 buy; customer 6 is two days into a seven-day window.
const events = [
  ev(1, 'visit', 0),
  ev(1, 'cart', 0.1),
  ev(1, 'purchase', 0.2),
  ev(2, 'visit', 1, 'desktop'),
  ev(2, 'cart', 1.1),
  ev(2, 'purchase', 1.3),
  ev(3, 'visit', 2),
  ev(3, 'cart', 2.5),
  ev(4, 'visit', 3, 'desktop'),
  ev(4, 'cart', 3.2),
  ev(5, 'visit', 4),
  ev(6, 'visit', 28),
];
const f = funnel(events, {
  stages: ['visit', 'cart', 'purchase'],
  asOf: '2026-07-01',
  within: { days: 7 },
  by: 'device',
});

const responses = [
  { nps: 10, checkout: 5, delivery: 5, support: 5 },
  { nps: 9, checkout: 4, delivery: 5 },
  { nps: 9, checkout: 5, delivery: 4, support: 4 },
  { nps: 8, checkout: 4, delivery: 4 },
  { nps: 7, checkout: 5, delivery: 3 },
  { nps: 6, checkout: 4, delivery: 2, support: 2 },
  { nps: 4, checkout: 3, delivery: 2 },
  { nps: 2, checkout: 4, delivery: 1 },
];
const drivers = touchpointDrivers(responses, { nps: 'nps', touchpoints: ['checkout', 'delivery', 'support'] });

describe('funnelChart', () => {
  it('draws one bar per stage, longest first, and each step’s conversion with its interval', async () => {
    const spec = funnelChart(f);
    const r = await render(spec);
    const bars = itemsOf(r, 'bars');
    expect(bars).toHaveLength(3);
    const widths = bars.map((b) => b.width as number);
    // 6, 4 and 2 customers: the bars shrink along the journey in proportion.
    expect(widths[0]).toBeGreaterThan(widths[1] as number);
    expect((widths[1] as number) / (widths[0] as number)).toBeCloseTo(4 / 6, 6);
    expect((widths[2] as number) / (widths[0] as number)).toBeCloseTo(2 / 6, 6);
    expect(itemsOf(r, 'counts').map((t) => t.text)).toEqual(['6', '4', '2']);
    // Two steps and the end to end, each a dot inside its interval.
    const dots = itemsOf(r, 'conversion');
    const rules = itemsOf(r, 'interval');
    expect(dots).toHaveLength(3);
    expect(rules).toHaveLength(3);
    dots.forEach((dot, k) => {
      const rule = rules[k] as Record<string, number>;
      const [lo, hi] = [rule.x, rule.x2].sort((a, b) => (a as number) - (b as number)) as [number, number];
      expect(dot.x as number).toBeGreaterThanOrEqual(lo);
      expect(dot.x as number).toBeLessThanOrEqual(hi);
    });
    // visit → cart: 4 of 5 decided (one pending); cart → purchase 2 of 4; end to end 2 of 5.
    expect(spec.datasets.steps?.map((row) => [row.step, row.conversion, row.pending])).toEqual([
      ['visit → cart', 0.8, 1],
      ['cart → purchase', 0.5, 0],
      ['visit → purchase (end to end)', 0.4, 1],
    ]);
    expect(itemsOf(r, 'label').map((t) => t.text)).toEqual(['80.0%', '50.0%', '40.0%']);
    expect(spec.title).toEqual({
      text: 'Funnel',
      subtitle: 'end to end 40.0% [11.8%, 76.9%] (wilson, n=5, 1 pending)',
    });
  });

  it('draws a group’s funnel, and leaves out the end to end on request', async () => {
    const mobile = f.groups?.find((g) => g.key === 'mobile');
    const spec = funnelChart(mobile as never, { endToEnd: false, title: 'Mobile' });
    const r = await render(spec);
    expect(itemsOf(r, 'bars')).toHaveLength(3);
    expect(itemsOf(r, 'conversion')).toHaveLength(2);
    expect(spec.datasets.stages?.map((row) => row.reached)).toEqual([4, 2, 1]);
  });

  it('gives a step whose customers are all pending no dot', async () => {
    // Customer 1 reached the cart yesterday (window open); customer 2 visited long ago and left.
    const young = funnel([ev(1, 'visit', 29), ev(1, 'cart', 29.5), ev(2, 'visit', 0)], {
      stages: ['visit', 'cart', 'purchase'],
      asOf: '2026-07-01',
      within: { days: 7 },
    });
    const spec = funnelChart(young);
    const r = await render(spec);
    expect(spec.datasets.steps?.map((row) => row.step)).toEqual(['visit → cart', 'visit → purchase (end to end)']);
    expect(itemsOf(r, 'conversion')).toHaveLength(2);
    expect(spec.datasets.stages?.map((row) => [row.stage, row.pending])).toEqual([
      ['visit', 0],
      ['cart', 1],
      ['purchase', 0],
    ]);
    const allPending = funnel([ev(1, 'visit', 29)], {
      stages: ['visit', 'cart'],
      asOf: '2026-07-01',
      within: { days: 7 },
    });
    const empty = funnelChart(allPending);
    expect(empty.datasets.steps).toEqual([]);
    expect(empty.title).toEqual({ text: 'Funnel', subtitle: 'every customer still pending (1)' });
  });

  it('survives JSON: a funnel parsed back draws the same', () => {
    expect(funnelChart(JSON.parse(JSON.stringify(f)))).toEqual(funnelChart(f));
  });

  it('rejects what is not a funnel', () => {
    expect(() => funnelChart({} as never)).toThrow(CxMetricsError);
    expect(() => funnelChart({} as never)).toThrow(/^funnelChart: got an object; expected a funnel result/);
    expect(() => funnelChart({ ...f, steps: [] })).toThrow(/3 stage\(s\) and 0 step\(s\)/);
    const broken = structuredClone(f);
    (broken.steps[0] as { conversion: unknown }).conversion = { value: 1 };
    expect(() => funnelChart(broken)).toThrow(/step 0 has a conversion that is not an Estimate/);
    expect(() => funnelChart(f, { endToEnd: 'yes' as never })).toThrow(/endToEnd must be true or false/);
    expect(() => funnelChart(f, { width: 0 })).toThrow(/^funnelChart: width/);
  });
});

describe('driverChart', () => {
  it('draws each touchpoint’s correlation and NPS difference with intervals, in ranked order', async () => {
    const spec = driverChart(drivers);
    const r = await render(spec);
    // support has too few pairs for a correlation: two dots on the left, three on the right.
    expect(itemsOf(r, 'correlation')).toHaveLength(2);
    expect(itemsOf(r, 'correlationInterval')).toHaveLength(2);
    expect(itemsOf(r, 'difference')).toHaveLength(3);
    expect(itemsOf(r, 'correlationZero')).toHaveLength(1);
    const [top, second] = itemsOf(r, 'correlation');
    // delivery (rank 1) above checkout, and right of it (a stronger correlation).
    expect((top?.datum as { touchpoint?: string } | undefined)?.touchpoint).toBe('delivery');
    expect(top?.y as number).toBeLessThan(second?.y as number);
    expect(top?.x as number).toBeGreaterThan(second?.x as number);
    // The x axis runs from −1 to 1: 0 is in the middle of the panel.
    const zero = itemsOf(r, 'correlationZero')[0]?.x as number;
    expect(zero).toBeCloseTo(120, 6);
    expect(spec.datasets.differences?.map((row) => row.touchpoint)).toEqual(['delivery', 'checkout', 'support']);
    expect(spec.title).toEqual({ text: 'Touchpoint drivers of NPS', subtitle: 'association, not cause, n=8' });
    expect(r.svg).toContain("Spearman's rho with NPS answer");
  });

  it('shows Pearson r on request', async () => {
    const spec = driverChart(drivers, { coefficient: 'pearson', width: 300 });
    const r = await render(spec);
    expect(r.svg).toContain("Pearson's r with NPS answer");
    expect(spec.datasets.correlations?.[0]?.value).toBe(drivers.drivers[0]?.pearson?.value as number);
  });

  it('rejects what is not a drivers result', () => {
    expect(() => driverChart({} as never)).toThrow(/^driverChart: expected a touchpointDrivers result/);
    expect(() => driverChart({ drivers: [1] } as never)).toThrow(/driver at index 0/);
    const broken = structuredClone(drivers);
    (broken.drivers[0] as { spearman: unknown }).spearman = { ...broken.drivers[0]?.spearman, upper: Number.NaN };
    expect(() => driverChart(broken)).toThrow(/finite/);
    expect(() => driverChart(drivers, { coefficient: 'kendall' as never })).toThrow(/coefficient/);
  });
});
