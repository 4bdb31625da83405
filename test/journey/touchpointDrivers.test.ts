import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  compareNps,
  pearsonCorrelation,
  spearmanCorrelation,
  touchpointDrivers,
} from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Delivery tracks NPS closely, checkout hardly; support was rated by few; one response has no NPS.
const responses = [
  { nps: 10, checkout: 5, delivery: 5, support: 5 },
  { nps: 9, checkout: 4, delivery: 5 },
  { nps: 9, checkout: 5, delivery: 4, support: 4 },
  { nps: 8, checkout: 4, delivery: 4 },
  { nps: 7, checkout: 5, delivery: 3 },
  { nps: 6, checkout: 4, delivery: 2, support: 2 },
  { nps: 4, checkout: 3, delivery: 2 },
  { nps: 2, checkout: 4, delivery: 1 },
  { nps: 9, checkout: 2, delivery: null },
  { nps: null, checkout: 1, delivery: 1 },
];
const options = { nps: 'nps', touchpoints: ['checkout', 'delivery', 'support'] };

describe('touchpointDrivers', () => {
  const r = touchpointDrivers(responses, options);
  const byName = Object.fromEntries(r.drivers.map((d) => [d.touchpoint, d]));

  it('correlates each touchpoint rating with the NPS answer over the respondents who gave both', () => {
    const delivery = byName.delivery;
    const x = [5, 5, 4, 4, 3, 2, 2, 1];
    const y = [10, 9, 9, 8, 7, 6, 4, 2];
    expect(delivery?.n).toBe(8);
    expect(delivery?.unrated).toBe(1);
    expect(delivery?.spearman).toEqual(spearmanCorrelation(x, y));
    expect(delivery?.pearson).toEqual(pearsonCorrelation(x, y));
  });

  it('compares the NPS of those satisfied (rating ≥ 4) with the others', () => {
    const delivery = byName.delivery;
    expect([delivery?.satisfied, delivery?.notSatisfied]).toEqual([4, 4]);
    expect(delivery?.npsDifference).toEqual(compareNps([10, 9, 9, 8], [7, 6, 4, 2]));
    // 3 promoters and a passive (NPS 75) against a passive and 3 detractors (NPS −75).
    expect(delivery?.npsDifference?.difference).toBe(150);
  });

  it('ranks by Spearman rho, the undefined last, and adjusts each family of p-values across touchpoints (Holm)', () => {
    expect(r.drivers.map((d) => [d.touchpoint, d.rank])).toEqual([
      ['delivery', 1],
      ['checkout', 2],
      ['support', 3],
    ]);
    // support: 3 pairs, too few for rho and r; both its groups exist (2 satisfied, 1 not).
    expect([byName.support?.spearman, byName.support?.pearson]).toEqual([null, null]);
    expect(byName.support?.npsDifference).not.toBeNull();
    const raw = (['checkout', 'delivery'] as const).map((t) => byName[t]?.spearman?.pValue as number);
    const holm = adjustPValues(raw);
    expect(byName.checkout?.adjustedPValues.spearman).toBe(holm[0]);
    expect(byName.delivery?.adjustedPValues.spearman).toBe(holm[1]);
    expect(byName.support?.adjustedPValues.spearman).toBeNull();
    const nps = (['checkout', 'delivery', 'support'] as const).map((t) => byName[t]?.npsDifference?.pValue as number);
    expect(['checkout', 'delivery', 'support'].map((t) => byName[t]?.adjustedPValues.npsDifference)).toEqual(
      adjustPValues(nps),
    );
  });

  it('says why a figure is missing', () => {
    const codes = byName.support?.warnings.map((w) => w.code);
    expect(codes).toEqual(['INSUFFICIENT_DATA', 'INSUFFICIENT_DATA', 'MISSING_FIELD']);
    expect(byName.support?.warnings[0]?.message).toBe(
      "touchpointDrivers: 'support': no Spearman's rho: 3 pair(s); expected at least 4 (the Fisher-z interval needs n − 3 > 0)",
    );
    expect(byName.support?.warnings[2]?.message).toBe(
      "touchpointDrivers: 'support': 6 of 9 respondent(s) did not rate it and are left out for it",
    );
  });

  it('counts responses without an NPS answer in skipped', () => {
    expect([r.respondents, r.skipped]).toEqual([9, 1]);
    expect(r.warnings.map((w) => w.code)).toEqual(['MISSING_FIELD']);
    expect([r.kind, r.satisfiedMin, r.scale, r.adjust, r.rankBy, r.confidence]).toEqual([
      'touchpoint-drivers',
      4,
      { min: 1, max: 5 },
      'holm',
      'spearman',
      0.95,
    ]);
  });

  it('ranks by Pearson r or by the NPS difference on request, with another adjustment', () => {
    const byGap = touchpointDrivers(responses, { ...options, rankBy: 'nps-difference', adjust: 'bh' });
    const gaps = byGap.drivers.map((d) => d.npsDifference?.difference as number);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    // support's 3 raters (NPS 100 vs −100) top the gap ranking: the interval, not the rank, shows how little that says.
    expect(byGap.drivers.map((d) => d.touchpoint)).toEqual(['support', 'delivery', 'checkout']);
    const support = byGap.drivers[0]?.npsDifference;
    expect((support?.upper as number) - (support?.lower as number)).toBeGreaterThan(100);
    const byR = touchpointDrivers(responses, { ...options, rankBy: 'pearson' });
    expect(byR.drivers.map((d) => d.touchpoint)).toEqual(['delivery', 'checkout', 'support']);
  });

  it('reads touchpoints through functions and other scales', () => {
    const nested = responses.map((x) => ({
      answers: { nps: x.nps },
      ratings: { d: x.delivery === null ? null : 2 * x.delivery },
    }));
    const t = touchpointDrivers(nested, {
      nps: (x) => x.answers.nps,
      touchpoints: { delivery: (x) => x.ratings.d },
      scale: { min: 2, max: 10 },
      satisfiedMin: 8,
    });
    expect(t.drivers[0]?.spearman?.value).toBe(byName.delivery?.spearman?.value);
    expect(t.drivers[0]?.satisfied).toBe(4);
  });

  it('is a plain JSON-able object that prints as one line, and leaves the input untouched', () => {
    const copy = structuredClone(responses);
    const again = touchpointDrivers(responses, options);
    expect(responses).toEqual(copy);
    expect(JSON.parse(JSON.stringify(again))).toEqual(again);
    const text = (again as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]?.();
    expect(text).toBe(
      'Touchpoint drivers of NPS (association, not cause; n=9): 1. delivery (rho 0.96, n=8), 2. checkout (rho 0.32, n=9), 3. support (rho –, n=3)',
    );
  });

  it('refuses bad answers and ratings with the index, and bad options', () => {
    const badNps = thrown(() => touchpointDrivers([...responses, { nps: 11, checkout: 3 }], options));
    expect([badNps.code, badNps.index, badNps.value]).toEqual(['INVALID_VALUE', 10, 11]);
    expect(badNps.message).toBe(
      'touchpointDrivers: response at index 10 has NPS answer 11; expected an integer from 0 to 10, or none',
    );
    const badRating = thrown(() => touchpointDrivers([{ nps: 5, checkout: 0 }], options));
    expect([badRating.index, badRating.value]).toEqual([0, 0]);
    expect(badRating.message).toMatch(/rates 'checkout' 0; expected a number from 1 to 5/);
    expect(thrown(() => touchpointDrivers([{ nps: '9', checkout: 3 }], options)).code).toBe('INVALID_VALUE');
    expect(thrown(() => touchpointDrivers([null], options)).index).toBe(0);
    expect(thrown(() => touchpointDrivers([], options)).code).toBe('EMPTY_INPUT');
    expect(thrown(() => touchpointDrivers([{ nps: null }], options)).code).toBe('INSUFFICIENT_DATA');
    expect(thrown(() => touchpointDrivers(responses, undefined as never)).code).toBe('INVALID_OPTION');
    expect(thrown(() => touchpointDrivers(responses, { touchpoints: ['a'] } as never)).message).toMatch(
      /^touchpointDrivers: nps is required/,
    );
    expect(thrown(() => touchpointDrivers(responses, { nps: 'nps' } as never)).message).toMatch(
      /^touchpointDrivers: touchpoints is required/,
    );
    expect(thrown(() => touchpointDrivers(responses, { nps: 'nps', touchpoints: [] })).message).toMatch(/empty/);
    expect(thrown(() => touchpointDrivers(responses, { nps: 'nps', touchpoints: ['a', 'a'] })).message).toMatch(
      /twice/,
    );
    expect(thrown(() => touchpointDrivers(responses, { ...options, satisfiedMin: 1 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => touchpointDrivers(responses, { ...options, scale: { min: 0, max: 10 } })).message).toMatch(
      /satisfiedMin is required/,
    );
    expect(thrown(() => touchpointDrivers(responses, { ...options, adjust: 'fdr' as never })).code).toBe(
      'INVALID_OPTION',
    );
    expect(thrown(() => touchpointDrivers(responses, { ...options, rankby: 'pearson' } as never)).message).toBe(
      "touchpointDrivers: unknown option 'rankby'; did you mean 'rankBy'?",
    );
  });
});
