import { describe, expect, it } from 'vitest';
import { type FunnelFigures, type FunnelResult, funnel, type JourneyEvent } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const STAGES = ['a', 'b', 'c', 'd'];

interface Customer {
  id: string;
  /** [stage index, hours after T0], in time order. */
  events: [number, number][];
  device: string | null;
}

/** Up to 12 customers with up to 8 events each, times in whole hours so ties happen. */
const customers = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 40 }).map(String),
      events: fc
        .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })), { maxLength: 8 })
        .map((es) => [...es].sort((x, y) => x[1] - y[1])),
      device: fc.constantFrom('mobile', 'desktop', null),
    }),
    { selector: (c) => c.id, maxLength: 12 },
  )
  .filter((cs) => cs.some((c) => c.events.length > 0));

const options = fc.record({
  stageCount: fc.integer({ min: 2, max: 4 }),
  asOfHours: fc.integer({ min: 10, max: 70 }),
  withinHours: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  order: fc.constantFrom('strict' as const, 'any' as const),
});

/** Events of these customers, interleaved in an order given by `keys` (per-customer order kept). */
function log(cs: readonly Customer[], stageCount: number, keys: readonly number[] = []): JourneyEvent[] {
  const all = cs.flatMap((c) =>
    c.events.map(([s, h], k) => ({
      customerId: c.id,
      stage: STAGES[s % stageCount] as string,
      at: T0 + h * HOUR,
      device: c.device,
      k,
    })),
  );
  // A stable merge by time keeps each customer's order; the keys shuffle customers with equal times.
  const rank = new Map(cs.map((c, i) => [c.id, keys[i] ?? i]));
  return all
    .map((e, i) => ({ e, i }))
    .sort(
      (x, y) =>
        (x.e.at as number) - (y.e.at as number) ||
        (rank.get(x.e.customerId) as number) - (rank.get(y.e.customerId) as number) ||
        x.i - y.i,
    )
    .map(({ e: { k: _k, ...event } }) => event);
}

type Options = { stageCount: number; asOfHours: number; withinHours: number | undefined; order: 'strict' | 'any' };

function run(events: JourneyEvent[], o: Options, by?: 'device'): FunnelResult | undefined {
  try {
    return funnel(events, {
      stages: STAGES.slice(0, o.stageCount),
      asOf: T0 + o.asOfHours * HOUR,
      order: o.order,
      ...(o.withinHours === undefined ? {} : { within: o.withinHours * HOUR }),
      ...(by === undefined ? {} : { by }),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'INSUFFICIENT_DATA') return undefined;
    throw error;
  }
}

/**
 * The definition, computed the slow and obvious way per customer: the entry, then for each stage
 * the earliest time it was reached in order (strict) or the furthest stage reached (any).
 */
function oracle(c: Customer, o: Options): { level: number; open: boolean; entered: boolean } | undefined {
  const asOf = o.asOfHours;
  const events = c.events.map(([s, h]) => [s % o.stageCount, h] as const).filter(([, h]) => h <= asOf);
  if (events.length === 0) return undefined;
  const w = o.withinHours ?? Number.POSITIVE_INFINITY;
  if (o.order === 'any') {
    const entry = Math.min(...events.map(([, h]) => h));
    const level = Math.max(...events.filter(([, h]) => h <= entry + w).map(([s]) => s));
    return { level, open: o.withinHours !== undefined && entry + w > asOf, entered: true };
  }
  const firsts = events.filter(([s]) => s === 0).map(([, h]) => h);
  if (firsts.length === 0) return { level: -1, open: false, entered: false };
  const entry = Math.min(...firsts);
  let level = 0;
  let reachedAt = entry;
  for (let k = 1; k < o.stageCount; k++) {
    const times = events.filter(([s, h]) => s === k && h >= reachedAt && h <= entry + w).map(([, h]) => h);
    if (times.length === 0) break;
    reachedAt = Math.min(...times);
    level = k;
  }
  return { level, open: o.withinHours !== undefined && entry + w > asOf, entered: true };
}

function counts(f: FunnelFigures) {
  return {
    customers: f.customers,
    stages: f.stages.map((s) => s.reached),
    steps: f.steps.map((s) => [s.reached, s.converted, s.dropped, s.pending]),
    endToEnd: [f.endToEnd.reached, f.endToEnd.converted, f.endToEnd.dropped, f.endToEnd.pending],
    skipped: f.skippedStage,
  };
}

describe('funnel properties', () => {
  it('agrees with the definition computed customer by customer', () => {
    fc.assert(
      fc.property(customers, options, (cs, o) => {
        const f = run(log(cs, o.stageCount), o);
        const outcomes = cs.map((c) => oracle(c, o)).filter((x) => x !== undefined);
        const entered = outcomes.filter((x) => x.entered);
        if (f === undefined) {
          expect(entered).toHaveLength(0);
          return;
        }
        expect(f.notEntered).toBe(outcomes.length - entered.length);
        const K = o.stageCount;
        for (let k = 0; k < K; k++) expect(f.stages[k]?.reached).toBe(entered.filter((x) => x.level >= k).length);
        for (let k = 0; k < K - 1; k++) {
          const stopped = entered.filter((x) => x.level === k);
          expect(f.steps[k]?.pending).toBe(stopped.filter((x) => x.open).length);
          expect(f.steps[k]?.dropped).toBe(stopped.filter((x) => !x.open).length);
        }
      }),
    );
  });

  it('reached never increases along the funnel, and converted + dropped + pending = reached', () => {
    fc.assert(
      fc.property(customers, options, (cs, o) => {
        const f = run(log(cs, o.stageCount), o);
        if (f === undefined) return;
        const reached = f.stages.map((s) => s.reached);
        for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThanOrEqual(reached[k - 1] as number);
        for (const step of [...f.steps, f.endToEnd]) {
          expect(step.converted + step.dropped + step.pending).toBe(step.reached);
        }
        expect(f.endToEnd.reached).toBe(f.customers);
        expect(f.endToEnd.converted).toBe(reached[reached.length - 1]);
      }),
    );
  });

  it('every interval contains its estimate and lies in [0, 1]; drop-off is 1 − conversion', () => {
    fc.assert(
      fc.property(customers, options, (cs, o) => {
        const f = run(log(cs, o.stageCount), o);
        if (f === undefined) return;
        for (const step of [...f.steps, f.endToEnd]) {
          const c = step.conversion;
          if (c === null) {
            expect(step.converted + step.dropped).toBe(0);
            expect(step.dropOff).toBeNull();
            continue;
          }
          expect(c.n).toBe(step.converted + step.dropped);
          expect(c.value).toBe(step.converted / c.n);
          expect(0 <= c.lower && c.lower <= c.value && c.value <= c.upper && c.upper <= 1).toBe(true);
          expect(step.dropOff).toBeCloseTo(1 - c.value, 12);
        }
      }),
    );
  });

  it('does not depend on the order in which customers are interleaved', () => {
    fc.assert(
      fc.property(
        customers.chain((cs) =>
          fc.tuple(fc.constant(cs), fc.shuffledSubarray([...cs.keys()], { minLength: cs.length })),
        ),
        options,
        ([cs, keys], o) => {
          const a = run(log(cs, o.stageCount), o, 'device');
          const reversed = [...cs].reverse();
          const b = run(log(reversed, o.stageCount, keys), o, 'device');
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('splitting the customers in two and adding the counts gives the whole', () => {
    fc.assert(
      fc.property(customers, options, fc.func(fc.boolean()), (cs, o, side) => {
        const whole = run(log(cs, o.stageCount), o);
        const parts = [cs.filter((c) => side(c.id)), cs.filter((c) => !side(c.id))].map((p) =>
          p.some((c) => c.events.length > 0) ? run(log(p, o.stageCount), o) : undefined,
        );
        const zero = counts({
          customers: 0,
          stages: STAGES.slice(0, o.stageCount).map((stage) => ({ stage, reached: 0 })),
          steps: STAGES.slice(1, o.stageCount).map(() => ({ reached: 0, converted: 0, dropped: 0, pending: 0 })),
          endToEnd: { reached: 0, converted: 0, dropped: 0, pending: 0 },
          skippedStage: 0,
        } as unknown as FunnelFigures);
        const [x, y] = parts.map((p) => (p === undefined ? zero : counts(p)));
        if (whole === undefined) {
          expect([x?.customers, y?.customers]).toEqual([0, 0]);
          return;
        }
        const add = (u: unknown, v: unknown): unknown =>
          Array.isArray(u) ? u.map((e, i) => add(e, (v as unknown[])[i])) : (u as number) + (v as number);
        const expected = Object.fromEntries(
          Object.entries(x as object).map(([k, v]) => [k, add(v, (y as Record<string, unknown>)[k])]),
        );
        expect(counts(whole)).toEqual(expected);
        // A part where nobody entered throws INSUFFICIENT_DATA; its not-entered customers still count.
        const sides = [cs.filter((c) => side(c.id)), cs.filter((c) => !side(c.id))];
        const notEntered = parts.reduce(
          (s, p, i) =>
            s + (p?.notEntered ?? (sides[i] as Customer[]).filter((c) => oracle(c, o)?.entered === false).length),
          0,
        );
        expect(whole.notEntered).toBe(notEntered);
      }),
    );
  });

  it('the groups and the ungrouped customers add up to the overall funnel', () => {
    fc.assert(
      fc.property(customers, options, (cs, o) => {
        const f = run(log(cs, o.stageCount), o, 'device');
        if (f === undefined) return;
        const groups = f.groups ?? [];
        const grouped = groups.reduce((s, g) => s + g.customers, 0);
        expect(grouped + (f.ungrouped ?? 0)).toBe(f.customers);
        expect(groups.map((g) => g.key)).toEqual([...groups.map((g) => g.key)].sort());
        for (let k = 0; k < o.stageCount; k++) {
          const inGroups = groups.reduce((s, g) => s + (g.stages[k]?.reached ?? 0), 0);
          expect(inGroups).toBeLessThanOrEqual(f.stages[k]?.reached as number);
        }
      }),
    );
  });
});
