import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  compareProportions,
  funnel,
  funnelBy,
  type JourneyEvent,
  proportionHomogeneityTest,
} from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';
import { thrown } from '../helpers/thrown.ts';
import { SAMPLE_JOURNEY_AS_OF as asOf, loadSampleEvents, SAMPLE_STAGES } from './sampleJourney.ts';

const stages = [...SAMPLE_STAGES];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('funnelBy', () => {
  it('each segment’s step conversion against the pooled other segments, adjusted per step', () => {
    const events = loadSampleEvents();
    const r = funnelBy(events, { stages, asOf, within: { days: 14 }, by: 'device' });
    const f = funnel(events, { stages, asOf, within: { days: 14 }, by: 'device' });
    expect(r.keys).toEqual(['desktop', 'mobile', 'tablet']);
    expect(r.funnel.groups).toEqual(f.groups);
    r.steps.forEach((step, k) => {
      const counts = (f.groups ?? []).map((g) => g.steps[k] as { converted: number; dropped: number });
      const x = counts.map((c) => c.converted);
      const n = counts.map((c) => c.converted + c.dropped);
      step.segments.forEach((s, j) => {
        const expected = compareProportions(
          { successes: x[j] as number, n: n[j] as number },
          { successes: sum(x) - (x[j] as number), n: sum(n) - (n[j] as number) },
        );
        expect(s.vsRest).toEqual(expected);
      });
      expect(step.segments.map((s) => s.adjustedPValue)).toEqual(
        adjustPValues(step.segments.map((s) => s.pValue as number)),
      );
      expect(step.test?.pValue).toBe(
        proportionHomogeneityTest(x.map((successes, j) => ({ successes, n: n[j] as number }))).pValue,
      );
    });
    // The docs' moment of abandonment: cart → checkout on mobile, 67 of 128 against 75 of 100.
    const cart = r.steps[2];
    expect(cart?.segments.map((s) => s.flag)).toEqual(['higher', 'lower', 'none']);
    expect(r.momentOfAbandonment).toMatchObject({ key: 'mobile', from: 'cart', to: 'checkout' });
    expect(r.momentOfAbandonment?.difference).toBeCloseTo(67 / 128 - 75 / 100, 12);
    expect(String(r)).toBe(
      'Funnel by device (3 segments, 4 steps): mobile loses most at cart → checkout (−22.7 pp vs the rest, adjusted p = 0.0055)',
    );
  });

  it('pending customers are neither converted nor dropped in a segment’s comparison', () => {
    const events: JourneyEvent[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ customerId: `a${i}`, stage: 'visit', at: '2026-06-01', device: 'a' })),
      ...Array.from({ length: 10 }, (_, i) => ({ customerId: `b${i}`, stage: 'visit', at: '2026-06-29', device: 'b' })),
    ];
    const r = funnelBy(events, { stages: ['visit', 'buy'], asOf: '2026-07-01', within: { days: 7 }, by: 'device' });
    const b = r.steps[0]?.segments[1];
    expect([b?.pending, b?.conversion, b?.vsRest, b?.flag]).toEqual([10, null, null, 'none']);
    expect(b?.warnings.map((w) => w.message)).toEqual([
      "funnelBy: visit → buy: segment 'b': no comparison (the segment has no decided customers)",
    ]);
    expect(r.steps[0]?.test).toBeNull();
  });

  it('by is required; funnel’s errors keep their index under funnelBy’s name', () => {
    const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }];
    expect(thrown(() => funnelBy(events, { stages: ['visit', 'buy'], asOf } as never)).message).toMatch(
      /^funnelBy: by is required/,
    );
    expect(thrown(() => funnelBy(events, { stages: ['visit', 'buy'], asOf, by: 'device', level: 0 })).code).toBe(
      'INVALID_OPTION',
    );
    const bad = thrown(() =>
      funnelBy([...events, { customerId: 2, stage: 'vist', at: '2026-06-01' }], {
        stages: ['visit', 'buy'],
        asOf,
        by: 'device',
      }),
    );
    expect([bad.code, bad.index]).toEqual(['INVALID_VALUE', 1]);
    expect(bad.message).toMatch(/^funnelBy: /);
    expect(
      thrown(() => funnelBy(events, { stages: ['visit', 'buy'], asOf, by: 'device', adjsut: 'bh' } as never)).message,
    ).toContain("'adjust'");
  });

  it('property: every comparison is compareProportions against the pooled rest; the moment of abandonment is the largest flagged shortfall', () => {
    const customer = fc.record({
      device: fc.constantFrom('a', 'b', 'c'),
      reached: fc.integer({ min: 1, max: 3 }),
      late: fc.boolean(),
    });
    fc.assert(
      // skew: segment 'c' never gets past s1, so that flagged shortfalls occur (in most runs).
      fc.property(fc.array(customer, { minLength: 1, maxLength: 120 }), fc.boolean(), (list, skew) => {
        const events = list.flatMap((c, i) =>
          ['s1', 's2', 's3'].slice(0, skew && c.device === 'c' ? 1 : c.reached).map((stage) => ({
            customerId: i,
            stage,
            at: c.late ? '2026-06-28' : '2026-06-01',
            device: c.device,
          })),
        );
        const r = funnelBy(events, {
          stages: ['s1', 's2', 's3'],
          asOf: '2026-07-01',
          within: { days: 7 },
          by: 'device',
        });
        const joint: { p: number; d: number; key: string; from: string }[] = [];
        for (const step of [...r.steps, r.endToEnd]) {
          const decided = step.segments.map((s) => s.converted + s.dropped);
          const conv = step.segments.map((s) => s.converted);
          step.segments.forEach((s, j) => {
            expect(s.converted + s.dropped + s.pending).toBe(s.reached);
            const restN = sum(decided) - (decided[j] as number);
            if (decided[j] === 0 || restN === 0) {
              expect(s.vsRest).toBeNull();
              return;
            }
            const d = compareProportions(
              { successes: conv[j] as number, n: decided[j] as number },
              { successes: sum(conv) - (conv[j] as number), n: restN },
            );
            expect(s.vsRest?.difference).toBe(d.difference);
            expect(s.adjustedPValue as number).toBeGreaterThanOrEqual(s.pValue as number);
            expect(s.flag === 'none').toBe(!((s.adjustedPValue as number) < 0.05) || d.difference === 0);
          });
        }
        const cells = r.steps
          .flatMap((step) => step.segments.map((s) => ({ step, s })))
          .filter((c) => c.s.pValue !== null);
        const adjusted = cells.length === 0 ? [] : adjustPValues(cells.map((c) => c.s.pValue as number));
        cells.forEach((c, j) => {
          joint.push({
            p: adjusted[j] as number,
            d: c.s.vsRest?.difference as number,
            key: c.s.key,
            from: c.step.from,
          });
        });
        const shortfalls = joint.filter((x) => x.p < 0.05 && x.d < 0);
        if (shortfalls.length === 0) expect(r.momentOfAbandonment).toBeNull();
        else expect(r.momentOfAbandonment?.difference).toBe(Math.min(...shortfalls.map((x) => x.d)));
      }),
      { numRuns: 100 },
    );
  });
});
