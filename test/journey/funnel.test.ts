import { describe, expect, it } from 'vitest';
import { CxMetricsError, funnel, type JourneyEvent, proportionInterval } from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

// A funnel step's conversion is the Estimate of proportionInterval without its result kind.
const wilsonEstimate = (...args: Parameters<typeof proportionInterval>) => {
  const { kind: _kind, ...estimate } = proportionInterval(...args);
  return estimate;
};

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1); // 2026-06-01
const ASOF = '2026-07-01T00:00:00Z';
const STAGES = ['visit', 'cart', 'purchase'];
/** An event `days` after 2026-06-01. */
const ev = (customerId: string | number, stage: string, days: number, extra: Partial<JourneyEvent> = {}) => ({
  customerId,
  stage,
  at: new Date(T0 + days * DAY).toISOString(),
  ...extra,
});
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('funnel counts each customer once per stage', () => {
  // a: all three stages; b: visit and cart; c: visit only, long ago; d: visit two days before asOf.
  const events = [
    ev('a', 'visit', 0),
    ev('a', 'cart', 0.01),
    ev('a', 'purchase', 0.02),
    ev('b', 'visit', 1),
    ev('b', 'cart', 1.5),
    ev('c', 'visit', 2),
    ev('d', 'visit', 28),
  ];

  it('gives reached, converted, dropped and pending per step, and the end-to-end conversion', () => {
    const f = funnel(events, { stages: STAGES, asOf: ASOF, within: { days: 7 } });
    expect(f.kind).toBe('funnel');
    expect(f.customers).toBe(4);
    expect(f.stages).toEqual([
      { stage: 'visit', reached: 4 },
      { stage: 'cart', reached: 2 },
      { stage: 'purchase', reached: 1 },
    ]);
    const [first, second] = f.steps;
    // d is two days into a seven-day window: pending at visit → cart, not dropped.
    expect([first?.from, first?.to, first?.reached, first?.converted, first?.dropped, first?.pending]).toEqual([
      'visit',
      'cart',
      4,
      2,
      1,
      1,
    ]);
    expect([second?.reached, second?.converted, second?.dropped, second?.pending]).toEqual([2, 1, 1, 0]);
    expect([f.endToEnd.reached, f.endToEnd.converted, f.endToEnd.dropped, f.endToEnd.pending]).toEqual([4, 1, 2, 1]);
    expect(first?.dropOff).toBe(1 / 3);
    expect(f.endToEnd.dropOff).toBe(2 / 3);
  });

  it('gives each conversion the Wilson interval of converted out of converted + dropped', () => {
    const f = funnel(events, { stages: STAGES, asOf: ASOF, within: { days: 7 } });
    expect(f.steps[0]?.conversion).toEqual(wilsonEstimate(2, 3));
    expect(f.steps[1]?.conversion).toEqual(wilsonEstimate(1, 2));
    expect(f.endToEnd.conversion).toEqual(wilsonEstimate(1, 3));
    const cp = funnel(events, { stages: STAGES, asOf: ASOF, within: { days: 7 }, method: 'jeffreys', confidence: 0.9 });
    expect(cp.endToEnd.conversion).toEqual(wilsonEstimate(1, 3, { method: 'jeffreys', confidence: 0.9 }));
  });

  it('warns PENDING with the range the end-to-end conversion will land in', () => {
    const f = funnel(events, { stages: STAGES, asOf: ASOF, within: { days: 7 } });
    expect(codes(f)).toEqual(['PENDING']);
    // 1 of 4 converted so far; if the pending customer converts, 2 of 4.
    expect(f.warnings[0]?.message).toMatch(/1 customer\(s\) are still inside their window .* between 0\.25 and 0\.5/);
  });

  it('records the rules it counted by', () => {
    const f = funnel(events, { stages: STAGES, asOf: ASOF, within: 7 * DAY });
    expect([f.order, f.asOf, f.withinMs, f.notEntered, f.afterAsOf, f.skippedStage]).toEqual([
      'strict',
      '2026-07-01T00:00:00.000Z',
      7 * DAY,
      0,
      0,
      0,
    ]);
    expect('groups' in f).toBe(false);
  });

  it('counts a customer who goes back and forth once per stage', () => {
    const f = funnel(
      [
        ev(1, 'visit', 0),
        ev(1, 'cart', 1),
        ev(1, 'visit', 2),
        ev(1, 'cart', 3),
        ev(1, 'visit', 3),
        ev(1, 'purchase', 4),
      ],
      { stages: STAGES, asOf: ASOF },
    );
    expect(f.stages.map((s) => s.reached)).toEqual([1, 1, 1]);
    expect(f.skippedStage).toBe(0);
  });

  it('reads 7 and "7" as one customer', () => {
    const f = funnel([ev(7, 'visit', 0), ev('7', 'cart', 1)], { stages: STAGES, asOf: ASOF });
    expect(f.customers).toBe(1);
    expect(f.stages[1]?.reached).toBe(1);
  });

  it('accepts Dates and epoch ms as times and leaves the input untouched', () => {
    const input = [
      { customerId: 'x', stage: 'visit', at: new Date(T0) },
      { customerId: 'x', stage: 'cart', at: T0 + DAY },
    ];
    const copy = structuredClone(input);
    const f = funnel(input, { stages: STAGES, asOf: new Date(ASOF) });
    expect(f.stages.map((s) => s.reached)).toEqual([1, 1, 0]);
    expect(input).toEqual(copy);
  });

  it('is a plain JSON-able object that prints as one line', () => {
    const f = funnel(events, { stages: STAGES, asOf: ASOF, within: { days: 7 } });
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    const text = (f as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]?.();
    expect(text).toBe(
      'Funnel visit → cart → purchase: end-to-end 33.3% [6.1%, 79.2%] (wilson, 95%, n=3, 1 pending); steps 66.7%, 50.0% ⚠ PENDING',
    );
  });
});

describe("funnel order 'strict': a stage counts only when reached after the one before", () => {
  it('does not count a later stage reached without the one before it, and counts the customer in skippedStage', () => {
    const f = funnel([ev(1, 'visit', 0), ev(1, 'purchase', 1), ev(2, 'visit', 0), ev(2, 'cart', 1)], {
      stages: STAGES,
      asOf: ASOF,
    });
    expect(f.stages.map((s) => s.reached)).toEqual([2, 1, 0]);
    expect(f.skippedStage).toBe(1);
    expect(codes(f)).toContain('SKIPPED_STAGE');
  });

  it('counts a stage reached again after the missing one was made up', () => {
    // purchase, then cart, then purchase again: the second purchase follows the cart.
    const f = funnel([ev(1, 'visit', 0), ev(1, 'purchase', 1), ev(1, 'cart', 2), ev(1, 'purchase', 3)], {
      stages: STAGES,
      asOf: ASOF,
    });
    expect(f.stages.map((s) => s.reached)).toEqual([1, 1, 1]);
    expect(f.skippedStage).toBe(0);
  });

  it('stops at the stage reached in order when the later one came before it', () => {
    const f = funnel([ev(1, 'visit', 0), ev(1, 'purchase', 1), ev(1, 'cart', 2)], { stages: STAGES, asOf: ASOF });
    expect(f.stages.map((s) => s.reached)).toEqual([1, 1, 0]);
    expect(f.skippedStage).toBe(1);
  });

  it('counts events at the same instant in either order', () => {
    const at = '2026-06-01T10:00:00Z';
    const listed = [
      { customerId: 1, stage: 'purchase', at },
      { customerId: 1, stage: 'cart', at },
      { customerId: 1, stage: 'visit', at },
    ];
    expect(funnel(listed, { stages: STAGES, asOf: ASOF }).stages.map((s) => s.reached)).toEqual([1, 1, 1]);
  });

  it('leaves out customers with no event at the first stage, counted in notEntered', () => {
    const f = funnel([ev(1, 'visit', 0), ev(2, 'cart', 0), ev(2, 'purchase', 1)], { stages: STAGES, asOf: ASOF });
    expect([f.customers, f.notEntered]).toEqual([1, 1]);
    expect(codes(f)).toContain('EXCLUDED');
    expect(f.warnings.find((w) => w.code === 'EXCLUDED')?.message).toMatch(/1 customer\(s\) have events but none/);
  });

  it('enters a customer at the first visit even when a later stage came before it', () => {
    const f = funnel([ev(1, 'cart', 0), ev(1, 'visit', 1), ev(1, 'cart', 2)], { stages: STAGES, asOf: ASOF });
    expect(f.stages.map((s) => s.reached)).toEqual([1, 1, 0]);
  });
});

describe("funnel order 'any': reaching a stage implies the earlier ones", () => {
  it('counts a customer at every stage up to the furthest one reached', () => {
    const events = [ev(1, 'purchase', 0), ev(2, 'cart', 0), ev(2, 'visit', 1), ev(3, 'visit', 0)];
    const f = funnel(events, { stages: STAGES, asOf: ASOF, order: 'any' });
    expect(f.stages.map((s) => s.reached)).toEqual([3, 2, 1]);
    expect([f.notEntered, f.skippedStage, f.order]).toEqual([0, 0, 'any']);
  });

  it('starts the window at the first event of any stage', () => {
    const events = [ev(1, 'cart', 0), ev(1, 'purchase', 8)];
    const f = funnel(events, { stages: STAGES, asOf: ASOF, order: 'any', within: { days: 7 } });
    expect(f.stages.map((s) => s.reached)).toEqual([1, 1, 0]);
    expect([f.endToEnd.dropped, f.endToEnd.pending]).toEqual([1, 0]);
  });
});

describe('funnel window (within) and asOf', () => {
  it('counts only stages reached within the window from the entry', () => {
    // Purchase 8 days after the visit, outside a 7-day window that closed long before asOf.
    const f = funnel([ev(1, 'visit', 0), ev(1, 'cart', 6), ev(1, 'purchase', 8)], {
      stages: STAGES,
      asOf: ASOF,
      within: { days: 7 },
    });
    expect(f.stages.map((s) => s.reached)).toEqual([1, 1, 0]);
    expect([f.steps[1]?.dropped, f.steps[1]?.pending]).toEqual([1, 0]);
  });

  it('counts an event exactly at the end of the window, and a window ending at asOf as closed', () => {
    const asOf = new Date(T0 + 7 * DAY).toISOString();
    const f = funnel([ev(1, 'visit', 0), ev(1, 'cart', 7), ev(2, 'visit', 0)], {
      stages: STAGES,
      asOf,
      within: { days: 7 },
    });
    expect(f.stages.map((s) => s.reached)).toEqual([2, 1, 0]);
    // Both windows end at asOf: nothing can happen any more, so nobody is pending.
    expect([f.endToEnd.dropped, f.endToEnd.pending]).toEqual([2, 0]);
  });

  it('counts a customer who converted inside an open window as converted, not pending', () => {
    const f = funnel([ev(1, 'visit', 29), ev(1, 'cart', 29.5)], {
      stages: ['visit', 'cart'],
      asOf: ASOF,
      within: { days: 7 },
    });
    expect([f.endToEnd.converted, f.endToEnd.pending]).toEqual([1, 0]);
  });

  it('gives a null conversion when every customer of a step is pending', () => {
    const f = funnel([ev(1, 'visit', 29), ev(2, 'visit', 28)], { stages: STAGES, asOf: ASOF, within: { days: 7 } });
    expect(f.steps[0]?.pending).toBe(2);
    expect(f.steps[0]?.conversion).toBeNull();
    expect(f.steps[0]?.dropOff).toBeNull();
    expect(f.steps[1]?.conversion).toBeNull();
    const text = (f as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]?.();
    expect(text).toBe('Funnel visit → cart → purchase: all 2 pending; steps –, – ⚠ PENDING');
  });

  it('without within, counts whoever had not moved on by asOf as dropped, and warns NO_WINDOW', () => {
    const f = funnel([ev(1, 'visit', 29.9), ev(2, 'visit', 0), ev(2, 'cart', 1)], {
      stages: ['visit', 'cart'],
      asOf: ASOF,
    });
    expect([f.endToEnd.converted, f.endToEnd.dropped, f.endToEnd.pending, f.withinMs]).toEqual([1, 1, 0, null]);
    expect(codes(f)).toEqual(['NO_WINDOW']);
  });

  it('does not warn NO_WINDOW when every customer finished', () => {
    const f = funnel([ev(1, 'visit', 0), ev(1, 'cart', 1)], { stages: ['visit', 'cart'], asOf: ASOF });
    expect(f.warnings).toEqual([]);
  });

  it('leaves out events after asOf and counts them', () => {
    const f = funnel([ev(1, 'visit', 0), ev(1, 'cart', 40), ev(2, 'visit', 35)], {
      stages: ['visit', 'cart'],
      asOf: ASOF,
    });
    expect([f.customers, f.afterAsOf, f.endToEnd.converted]).toEqual([1, 2, 0]);
    expect(codes(f)).toContain('AFTER_AS_OF');
    // Customer 2 had not appeared at asOf: not "not entered".
    expect(f.notEntered).toBe(0);
  });
});

describe('funnel by group', () => {
  const events = [
    ev(1, 'visit', 0, { device: 'mobile', channel: 'email' }),
    ev(1, 'cart', 1, { device: 'desktop' }),
    ev(2, 'visit', 0, { device: 'desktop' }),
    ev(2, 'cart', 1),
    ev(2, 'purchase', 2),
    ev(3, 'visit', 0, { device: 'mobile' }),
    ev(4, 'visit', 0),
  ];

  it('gives one funnel per group, by the field on the entry event, sorted by key', () => {
    const f = funnel(events, { stages: STAGES, asOf: ASOF, by: 'device' });
    expect(f.groups?.map((g) => g.key)).toEqual(['desktop', 'mobile']);
    const [desktop, mobile] = f.groups ?? [];
    expect(desktop?.stages.map((s) => s.reached)).toEqual([1, 1, 1]);
    // Customer 1 entered on mobile; the cart on desktop does not move them.
    expect(mobile?.stages.map((s) => s.reached)).toEqual([2, 1, 0]);
    expect(f.ungrouped).toBe(1);
    expect(f.stages.map((s) => s.reached)).toEqual([4, 2, 1]);
    expect(codes(f)).toContain('MISSING_FIELD');
  });

  it('adds up: the groups and the ungrouped make the overall', () => {
    const f = funnel(events, { stages: STAGES, asOf: ASOF, by: 'device' });
    const total = (f.groups ?? []).reduce((s, g) => s + g.customers, 0) + (f.ungrouped ?? 0);
    expect(total).toBe(f.customers);
  });

  it('takes a function of the event and its index', () => {
    const f = funnel(events, {
      stages: STAGES,
      asOf: ASOF,
      by: (e) => (Number(e.customerId) % 2 === 0 ? 'even' : 'odd'),
    });
    expect(f.groups?.map((g) => [g.key, g.customers])).toEqual([
      ['even', 2],
      ['odd', 2],
    ]);
    expect(f.ungrouped).toBe(0);
  });

  it('refuses a group key that is neither text, a number nor empty', () => {
    const e = thrown(() => funnel(events, { stages: STAGES, asOf: ASOF, by: () => ({}) as never }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 0]);
    expect(e.message).toMatch(/^funnel: the group of the entry event at index 0/);
  });
});

describe('funnel refuses bad input loudly, with the index at fault', () => {
  const stages = STAGES;

  it('a stage not in the list, with the closest name', () => {
    const e = thrown(() => funnel([ev(1, 'visit', 0), ev(1, 'chart', 1)], { stages, asOf: ASOF }));
    expect([e.code, e.index, e.value]).toEqual(['INVALID_VALUE', 1, 'chart']);
    expect(e.message).toBe(
      "funnel: event at index 1 has stage \"chart\", which is not in stages ('visit', 'cart', 'purchase'); did you mean 'cart'?; add it to stages or drop such events before the call",
    );
  });

  it('an event earlier than the previous event of its customer', () => {
    const e = thrown(() => funnel([ev(1, 'visit', 2), ev(2, 'visit', 0), ev(1, 'cart', 1)], { stages, asOf: ASOF }));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 2]);
    expect(e.message).toMatch(
      /^funnel: event at index 2 \(customer "1", 2026-06-02T00:00:00.000Z\) is earlier than that customer's previous event at index 0 \(2026-06-03T00:00:00.000Z\)/,
    );
  });

  it('bad records, customer ids and times', () => {
    expect(thrown(() => funnel([ev(1, 'visit', 0), null as never], { stages, asOf: ASOF })).index).toBe(1);
    const id = thrown(() => funnel([{ customerId: ' ', stage: 'visit', at: ASOF }], { stages, asOf: ASOF }));
    expect([id.code, id.index]).toEqual(['INVALID_VALUE', 0]);
    expect(id.message).toMatch(/customerId " "; expected a non-blank string or a finite number/);
    const at = thrown(() => funnel([{ customerId: 1, stage: 'visit', at: '06/01/2026' }], { stages, asOf: ASOF }));
    expect([at.code, at.index]).toEqual(['INVALID_VALUE', 0]);
    expect(at.message).toMatch(/^funnel: event at index 0: at is "06\/01\/2026"/);
    const none = thrown(() => funnel([{ customerId: 1, stage: 'visit', at: null as never }], { stages, asOf: ASOF }));
    expect(none.message).toMatch(/^funnel: event at index 0 has no at/);
  });

  it('no events, or not an array', () => {
    expect(thrown(() => funnel([], { stages, asOf: ASOF })).code).toBe('EMPTY_INPUT');
    expect(thrown(() => funnel({} as never, { stages, asOf: ASOF })).code).toBe('INVALID_VALUE');
  });

  it('no customer in the funnel', () => {
    const e = thrown(() => funnel([ev(1, 'cart', 0)], { stages, asOf: ASOF }));
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.message).toMatch(
      /^funnel: no customer entered the funnel: none of the 1 customer\(s\) has an event at the first stage 'visit'/,
    );
  });

  it('bad or missing options, with did-you-mean', () => {
    const events = [ev(1, 'visit', 0)];
    expect(thrown(() => funnel(events, undefined as never)).message).toBe(
      'funnel: options { stages, asOf } are required',
    );
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, whithin: 5 } as never)).message).toBe(
      "funnel: unknown option 'whithin'; did you mean 'within'?",
    );
    expect(thrown(() => funnel(events, { asOf: ASOF } as never)).message).toMatch(/^funnel: stages is required/);
    expect(thrown(() => funnel(events, { stages: ['visit'], asOf: ASOF })).message).toMatch(/at least two stage names/);
    expect(thrown(() => funnel(events, { stages: ['visit', 'visit'], asOf: ASOF })).message).toMatch(/appears twice/);
    expect(thrown(() => funnel(events, { stages: ['visit', ''], asOf: ASOF })).message).toMatch(/stages\[1\]/);
    expect(thrown(() => funnel(events, { stages } as never)).message).toMatch(/^funnel: asOf is required/);
    expect(thrown(() => funnel(events, { stages, asOf: 'yesterday' })).code).toBe('INVALID_OPTION');
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, within: 0 })).message).toMatch(/within is 0/);
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, within: { day: 7 } as never })).message).toBe(
      "funnel: unknown within option 'day'; did you mean 'days'?",
    );
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, within: { days: -1 } })).message).toMatch(
      /within.days is -1/,
    );
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, order: 'closed' as never })).message).toMatch(
      /order is "closed"; expected one of 'strict', 'any'/,
    );
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, by: 3 as never })).code).toBe('INVALID_OPTION');
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, confidence: 95 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => funnel(events, { stages, asOf: ASOF, method: 'exact' as never })).code).toBe('INVALID_OPTION');
  });

  it('throws only CxMetricsError', () => {
    expect(() => funnel([ev(1, 'nope', 0)], { stages, asOf: ASOF })).toThrow(CxMetricsError);
  });
});
