import { describe, expect, it } from 'vitest';
import {
  estimateTrendTest,
  meanHomogeneityTest,
  npsHomogeneityTest,
  proportionHomogeneityTest,
  proportionTrendTest,
} from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Found by the hostile-input suite (test/hostile/exports.test.ts): the group readers skipped the
// holes of a sparse array, so `new Array(1000)` came back as a test whose pooled value was NaN.

describe('analysis tests given groups with holes', () => {
  const tests: [string, (groups: unknown[]) => unknown][] = [
    ['npsHomogeneityTest', (g) => npsHomogeneityTest(g as never)],
    ['proportionHomogeneityTest', (g) => proportionHomogeneityTest(g as never)],
    ['meanHomogeneityTest', (g) => meanHomogeneityTest(g as never)],
    ['proportionTrendTest', (g) => proportionTrendTest(g as never)],
    ['estimateTrendTest', (g) => estimateTrendTest(g as never)],
  ];

  for (const [name, test] of tests) {
    it(`${name} refuses a sparse array at its first hole instead of returning NaN`, () => {
      const error = thrown(() => test(new Array(1000)));
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.index).toBe(0);
      expect(error.message).toBe(`${name}: group at index 0 is undefined; expected an object`);
    });
  }

  it('names the hole between two valid groups by its index', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const groups = [{ successes: 4, n: 10 }, , { successes: 6, n: 10 }];
    const error = thrown(() => proportionHomogeneityTest(groups as never));
    expect([error.code, error.index]).toEqual(['INVALID_VALUE', 1]);
  });
});
