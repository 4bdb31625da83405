import { describe, expect, it } from 'vitest';
import { touchpointDrivers } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
const responses = fc.array(
  fc.record({ nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), a: rating, b: rating, c: rating }),
  { minLength: 1, maxLength: 40 },
);
const options = { nps: 'nps', touchpoints: ['a', 'b', 'c'] };

function run(list: Parameters<typeof touchpointDrivers>[0], o: Parameters<typeof touchpointDrivers>[1] = options) {
  try {
    return touchpointDrivers(list, o);
  } catch (error) {
    if ((error as { code?: string }).code === 'INSUFFICIENT_DATA') return undefined;
    throw error;
  }
}

describe('touchpointDrivers properties', () => {
  it('adjusted p-values are never below the raw ones; counts add up; ranks follow the ranking figure', () => {
    fc.assert(
      fc.property(
        responses,
        fc.constantFrom('spearman' as const, 'pearson' as const, 'nps-difference' as const),
        (list, rankBy) => {
          const r = run(list, { ...options, rankBy });
          if (r === undefined) return;
          expect(r.respondents + r.skipped).toBe(list.length);
          const figures: (number | undefined)[] = [];
          for (const d of r.drivers) {
            expect(d.n + d.unrated).toBe(r.respondents);
            expect(d.satisfied + d.notSatisfied).toBe(d.n);
            const pairs: [number | undefined, number | null][] = [
              [d.spearman?.pValue, d.adjustedPValues.spearman],
              [d.pearson?.pValue, d.adjustedPValues.pearson],
              [d.npsDifference?.pValue, d.adjustedPValues.npsDifference],
            ];
            for (const [raw, adjusted] of pairs) {
              if (raw === undefined) expect(adjusted).toBeNull();
              else expect(adjusted as number).toBeGreaterThanOrEqual(raw);
            }
            figures.push(
              rankBy === 'spearman'
                ? d.spearman?.value
                : rankBy === 'pearson'
                  ? d.pearson?.value
                  : d.npsDifference?.difference,
            );
          }
          expect(r.drivers.map((d) => d.rank)).toEqual([1, 2, 3]);
          const defined = figures.filter((f) => f !== undefined);
          expect(defined).toEqual([...defined].sort((x, y) => y - x));
          expect(figures.slice(0, defined.length).every((f) => f !== undefined)).toBe(true);
        },
      ),
    );
  });

  it('does not depend on the order of the responses', () => {
    fc.assert(
      fc.property(
        responses.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          const a = run(list);
          const b = run(shuffled);
          if (a === undefined || b === undefined) {
            expect(a).toBe(b);
            return;
          }
          expect(b.drivers.map((d) => d.touchpoint)).toEqual(a.drivers.map((d) => d.touchpoint));
          b.drivers.forEach((d, k) => {
            const e = a.drivers[k];
            expect([d.n, d.satisfied, d.npsDifference?.difference]).toEqual([
              e?.n,
              e?.satisfied,
              e?.npsDifference?.difference,
            ]);
            if (d.spearman !== null) expect(d.spearman.value).toBeCloseTo(e?.spearman?.value as number, 12);
          });
        },
      ),
    );
  });
});
