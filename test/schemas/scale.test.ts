import { describe, expect, it } from 'vitest';
import { SCALE_DIRECTIONS, SURVEY_SCALES, scaleSchema } from '../../src/schemas/index.ts';

describe('scaleSchema', () => {
  it("defaults direction to 'higher-is-better' and leaves labels out when not given", () => {
    expect(scaleSchema.parse({ min: 1, max: 5 })).toEqual({ min: 1, max: 5, direction: 'higher-is-better' });
  });

  it('accepts every direction and labels keyed by score', () => {
    for (const direction of SCALE_DIRECTIONS) {
      expect(scaleSchema.parse({ min: 1, max: 7, direction }).direction).toBe(direction);
    }
    expect(
      scaleSchema.parse({ min: 0, max: 10, labels: { 0: 'Not at all likely', '10': 'Extremely likely' } }).labels,
    ).toEqual({ 0: 'Not at all likely', 10: 'Extremely likely' });
  });

  it("rejects min ≥ max on ['max']", () => {
    for (const [min, max] of [
      [5, 1],
      [3, 3],
    ]) {
      expect(scaleSchema.safeParse({ min, max }).error?.issues).toEqual([
        expect.objectContaining({
          path: ['max'],
          message: `expected max greater than min; got min ${min}, max ${max}`,
        }),
      ]);
    }
  });

  it('rejects non-integer bounds, an unknown direction, labels off the scale or keyed by non-integers', () => {
    expect(scaleSchema.safeParse({ min: 0.5, max: 5 }).error?.issues[0]?.path).toEqual(['min']);
    expect(scaleSchema.safeParse({ min: 1 }).error?.issues[0]?.path).toEqual(['max']);
    expect(scaleSchema.safeParse({ min: 1, max: 5, direction: 'up' }).error?.issues[0]).toMatchObject({
      path: ['direction'],
      message: `expected one of 'higher-is-better', 'higher-is-easier', 'lower-is-easier'; got "up"`,
    });
    expect(scaleSchema.safeParse({ min: 1, max: 5, labels: { 9: 'Superb' } }).error?.issues[0]).toMatchObject({
      path: ['labels', '9'],
      message: 'label for 9 is off the scale; expected a score from 1 to 5',
    });
    expect(scaleSchema.safeParse({ min: 1, max: 5, labels: { top: 'Superb' } }).error?.issues[0]?.path).toEqual([
      'labels',
      'top',
    ]);
  });
});

describe('SURVEY_SCALES', () => {
  it('are the standard scales: NPS 0–10, CSAT 1–5 and 1–7, CES 2.0 1–7 higher is easier, CES 1–5 lower is easier', () => {
    const summary = Object.fromEntries(
      Object.entries(SURVEY_SCALES).map(([name, s]) => [name, [s.min, s.max, s.direction]]),
    );
    expect(summary).toEqual({
      nps: [0, 10, 'higher-is-better'],
      csat: [1, 5, 'higher-is-better'],
      csat7: [1, 7, 'higher-is-better'],
      ces: [1, 7, 'higher-is-easier'],
      cesLegacy: [1, 5, 'lower-is-easier'],
    });
  });

  it('each passes scaleSchema unchanged, and all are frozen', () => {
    for (const scale of Object.values(SURVEY_SCALES)) {
      expect(scaleSchema.parse(scale)).toEqual(scale);
      expect(Object.isFrozen(scale)).toBe(true);
      expect(Object.isFrozen(scale.labels)).toBe(true);
    }
    expect(Object.isFrozen(SURVEY_SCALES)).toBe(true);
  });

  it('label every point of the CSAT and CES scales', () => {
    for (const name of ['csat', 'csat7', 'ces', 'cesLegacy'] as const) {
      const s = SURVEY_SCALES[name];
      expect(Object.keys(s.labels ?? {}).map(Number)).toEqual(
        Array.from({ length: s.max - s.min + 1 }, (_, i) => s.min + i),
      );
    }
  });
});
