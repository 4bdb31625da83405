import { describe, expect, it } from 'vitest';
import { funnel, touchpointDrivers } from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Holes in arrays were skipped by forEach; each is now refused with its index, as the issue asks
// ("holes in row arrays are reported"), never dropped without a word.

describe('journey functions given arrays with holes', () => {
  it('touchpointDrivers refuses a hole in responses instead of leaving it out', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const responses = [{ nps: 9, a: 5 }, , { nps: 3, a: 1 }, { nps: 10, a: 4 }, { nps: 6, a: 2 }];
    const error = thrown(() => touchpointDrivers(responses as never, { nps: 'nps', touchpoints: ['a'] }));
    expect([error.code, error.index]).toEqual(['INVALID_VALUE', 1]);
    expect(error.message).toBe('touchpointDrivers: response at index 1 is undefined; expected a record');
  });

  it('funnel refuses a hole in stages', () => {
    const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }];
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const stages = ['visit', , 'purchase'];
    const error = thrown(() => funnel(events, { stages: stages as string[], asOf: '2026-07-01' }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toMatch(/^funnel: stages\[1\] is undefined/);
  });
});
