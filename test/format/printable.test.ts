import { deepStrictEqual } from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ces,
  churnRate,
  compareNps,
  compareProportions,
  csat,
  customerLifetimeValue,
  kaplanMeier,
  meanInterval,
  nps,
  npsFromCounts,
  proportionInterval,
  revenueRetention,
  ttr,
} from '../../src/index.ts';
import { formatResult } from '../../src/notebook/index.ts';

describe('results print readably in the console and stay plain objects', () => {
  it('console.log of an NPS result is its one-line summary, not an object dump', () => {
    const r = npsFromCounts({ promoters: 278, passives: 164, detractors: 128 });
    expect(inspect(r)).toBe('NPS 26.3 [19.6, 32.7] (adjusted-wald, 95%, n=570)');
  });

  it.each([
    ['nps', () => nps([10, 9, 3, 8, null])],
    ['csat', () => csat([5, 4, 3, 1])],
    ['ces', () => ces([7, 6, 2, 5])],
    ['proportionInterval', () => proportionInterval(42, 50)],
    ['meanInterval', () => meanInterval([1, 2, 3])],
    ['compareNps', () => compareNps([10, 9, 9], [0, 3, 9])],
    ['compareProportions', () => compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 })],
    ['kaplanMeier', () => kaplanMeier([1, 2, 3, 4], [1, 1, 0, 1])],
    ['ttr', () => ttr([3_600_000, 7_200_000, 10_000_000])],
    ['churnRate', () => churnRate({ customersAtStart: 292, churned: 8 })],
  ] as const)('%s prints what formatResult gives', (_, make) => {
    const r = make();
    expect(inspect(r)).toBe(formatResult(r));
  });

  it('revenue retention totals and a CLV without an interval print their own one-liners', () => {
    expect(inspect(revenueRetention({ startingMrr: 100, expansion: 10, contraction: 5, churned: 5 }))).toBe(
      'GRR 90.0%, NRR 100.0% (gross MRR churn 10.0%, net MRR churn 0.0%)',
    );
    expect(inspect(customerLifetimeValue({ arpa: 10, churnRate: 0 }))).toBe(
      'CLV Infinity (ARPA 10, margin 100.0%, churn 0.0% per period) ⚠ ZERO_CHURN',
    );
  });

  it('the inspect hooks and toString are invisible to JSON, keys, spreading, structuredClone and equality', () => {
    const r = nps([10, 9, 3, 8, null]);
    const plain = JSON.parse(JSON.stringify(r)) as unknown;
    expect(Object.keys(r)).toEqual(Object.keys(plain as object));
    expect(r).toEqual(plain);
    expect(r).toStrictEqual(plain);
    deepStrictEqual(r, plain);
    expect(structuredClone(r)).toEqual(plain);
    expect({ ...r }).toEqual(plain);
    expect(Object.getOwnPropertySymbols(r).every((s) => !Object.getOwnPropertyDescriptor(r, s)?.enumerable)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(r, 'toString')?.enumerable).toBe(false);
    // Copies are bare objects again: nothing of the print hooks travels with the data.
    expect(String({ ...r })).toBe('[object Object]');
    expect(String(structuredClone(r))).toBe('[object Object]');
  });
});

describe('results interpolate as their one-line form, not [object Object]', () => {
  it('a template literal and String(result) of an NPS result give its one-line summary', () => {
    const r = npsFromCounts({ promoters: 278, passives: 164, detractors: 128 });
    expect(`${r}`).toBe('NPS 26.3 [19.6, 32.7] (adjusted-wald, 95%, n=570)');
    expect(String(r)).toBe('NPS 26.3 [19.6, 32.7] (adjusted-wald, 95%, n=570)');
    expect(`this month: ${r}`).toBe('this month: NPS 26.3 [19.6, 32.7] (adjusted-wald, 95%, n=570)');
  });

  it.each([
    ['nps', () => nps([10, 9, 3, 8, null])],
    ['csat', () => csat([5, 4, 3, 1])],
    ['ces', () => ces([7, 6, 2, 5])],
    ['proportionInterval', () => proportionInterval(42, 50)],
    ['meanInterval', () => meanInterval([1, 2, 3])],
    ['compareNps', () => compareNps([10, 9, 9], [0, 3, 9])],
    ['compareProportions', () => compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 })],
    ['kaplanMeier', () => kaplanMeier([1, 2, 3, 4], [1, 1, 0, 1])],
    ['ttr', () => ttr([3_600_000, 7_200_000, 10_000_000])],
    ['churnRate', () => churnRate({ customersAtStart: 292, churned: 8 })],
    ['revenueRetention', () => revenueRetention({ startingMrr: 100, expansion: 10, contraction: 5, churned: 5 })],
    ['customerLifetimeValue', () => customerLifetimeValue({ arpa: 10, churnRate: 0 })],
  ] as const)('%s: a template literal, String(result) and join give what console.log prints', (_, make) => {
    const r = make();
    const line = inspect(r);
    expect(line).not.toMatch(/^\{|\[object Object\]/);
    expect(`${r}`).toBe(line);
    expect(String(r)).toBe(line);
    expect([r].join('')).toBe(line);
  });
});
