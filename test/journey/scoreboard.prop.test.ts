import { describe, expect, it } from 'vitest';
import { adjustPValues, ces, csat, journeyScoreboard, nps, SCOREBOARD_STAGES } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

// The scoreboard is a breakdown per survey type: every cell must be exactly the metric on the
// responses of that type at that stage, the rows must follow the journey, and the moment of truth
// must be the largest flagged difference after the joint adjustment.

const STAGES = ['awareness', 'purchase', 'onboarding', 'support', 'renewal'] as const;
const RANGE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
type Type = keyof typeof RANGE;

const response = fc.constantFrom<Type>('nps', 'csat', 'ces').chain((type) =>
  fc.record({
    type: fc.constant(type),
    journeyStage: fc.option(fc.constantFrom(...STAGES), { nil: undefined, freq: 8 }),
    score: fc.option(fc.integer({ min: RANGE[type][0], max: RANGE[type][1] }), { nil: null, freq: 10 }),
  }),
);
// Skewed stages so that some differences are large enough to be flagged.
const skewed = fc.constantFrom(...STAGES).chain((bad) =>
  fc.array(
    response.map((r) => (r.journeyStage === bad && r.score !== null ? { ...r, score: RANGE[r.type][0] } : r)),
    { minLength: 40, maxLength: 160 },
  ),
);

type R = { type: Type; journeyStage?: string | undefined; score: number | null };
const metricOf = { nps, csat, ces } as const;

function direct(type: Type, list: R[]) {
  try {
    return (metricOf[type] as (x: R[], o: object) => { value: number; lower: number; upper: number; n: number })(list, {
      accessor: 'score',
    });
  } catch (error) {
    if (
      (error as { code?: string }).code === 'EMPTY_INPUT' ||
      (error as { code?: string }).code === 'INSUFFICIENT_DATA'
    )
      return null;
    throw error;
  }
}

describe('journeyScoreboard properties', () => {
  it('every cell is the metric on the responses of its type and stage; rows in journey order', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 80 }), (list) => {
        const s = journeyScoreboard(list);
        const present = STAGES.filter((st) => list.some((r) => r.journeyStage === st));
        expect(s.stages).toEqual(present);
        expect(s.stages).toEqual(SCOREBOARD_STAGES.filter((st) => s.stages.includes(st)));
        expect(s.unstaged).toBe(list.filter((r) => r.journeyStage === undefined).length);
        for (const row of s.rows) {
          for (const type of ['nps', 'csat', 'ces'] as const) {
            const cell = row[type];
            expect(cell?.stage).toBe(row.stage);
            const mine = list.filter((r) => r.type === type && r.journeyStage === row.stage);
            const expected = mine.length === 0 ? null : direct(type, mine);
            if (expected === null) {
              expect(cell?.estimate).toBeNull();
              continue;
            }
            const e = cell?.estimate as unknown as typeof expected;
            expect([e.value, e.lower, e.upper, e.n]).toEqual([
              expected.value,
              expected.lower,
              expected.upper,
              expected.n,
            ]);
            expect(cell?.n).toBe(expected.n);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the rows follow a given stage list, empty stages included', () => {
    fc.assert(
      fc.property(
        fc.array(response, { minLength: 1, maxLength: 40 }),
        fc.shuffledSubarray([...STAGES], { minLength: STAGES.length }),
        (list, order) => {
          const s = journeyScoreboard(list, { stages: order, metrics: ['csat'] });
          expect(s.stages).toEqual(order);
          expect(s.rows.map((r) => r.stage)).toEqual(order);
          for (const row of s.rows) {
            const n = list.filter((r) => r.type === 'csat' && r.journeyStage === row.stage && r.score !== null).length;
            expect(row.csat?.n).toBe(n);
            expect(row.nps).toBeUndefined();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the moment of truth is the largest difference (share of range) among cells below level after the joint adjustment', () => {
    fc.assert(
      fc.property(skewed, (list) => {
        const s = journeyScoreboard(list);
        const cells = s.rows.flatMap((r) => [r.nps, r.csat, r.ces]).filter((c) => c !== undefined);
        const tested = cells.filter((c) => c.pValue !== null && c.vsRest !== null && c.estimate !== null);
        const adjusted = tested.length === 0 ? [] : adjustPValues(tested.map((c) => c.pValue as number));
        const range = (c: (typeof tested)[number]) =>
          c.metric === 'nps' ? 200 : c.metric === 'csat' ? 1 : 6; /* the default CES scale 1–7 */
        const candidates = tested
          .map((c, j) => ({
            c,
            p: adjusted[j] as number,
            share: Math.abs((c.vsRest?.difference ?? 0) as number) / range(c),
          }))
          .filter((x) => x.p < 0.05 && x.share > 0);
        if (candidates.length === 0) {
          expect(s.momentOfTruth).toBeNull();
          expect(s.momentOfTruthReason).toMatch(/^none/);
          return;
        }
        const m = s.momentOfTruth;
        expect(m).not.toBeNull();
        const max = Math.max(...candidates.map((x) => x.share));
        expect(m?.share).toBe(max);
        const chosen = candidates.find((x) => x.c.stage === m?.stage && x.c.metric === m?.metric);
        expect(chosen?.p).toBe(m?.adjustedPValue);
        // A cell below level after the joint adjustment is below it within its own metric too.
        expect(chosen?.c.flag).not.toBe('none');
      }),
      { numRuns: 100 },
    );
  });

  it('does not mutate the responses and does not depend on their order', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 50 }), fc.integer(), (list, seed) => {
        const copy = structuredClone(list);
        const a = journeyScoreboard(list);
        expect(list).toEqual(copy);
        const shuffled = [...list].sort(
          (x, y) => ((list.indexOf(x) * 7919 + seed) % 13) - ((list.indexOf(y) * 7919 + seed) % 13),
        );
        const b = journeyScoreboard(shuffled);
        expect(b.stages).toEqual(a.stages);
        for (let i = 0; i < a.rows.length; i++) {
          for (const t of ['nps', 'csat', 'ces'] as const) {
            expect(b.rows[i]?.[t]?.n).toBe(a.rows[i]?.[t]?.n);
            const ea = a.rows[i]?.[t]?.estimate?.value;
            const eb = b.rows[i]?.[t]?.estimate?.value;
            if (ea === undefined || eb === undefined) expect(eb).toBe(ea);
            else expect(eb).toBeCloseTo(ea, 9);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
