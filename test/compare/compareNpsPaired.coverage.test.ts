import { describe, expect, it } from 'vitest';
import { compareNpsPaired, seededRandom } from '../../src/index.ts';

// Real coverage of the paired NPS interval at 95%, by seeded simulation: 2000 replicates per
// joint distribution, so the standard error of a coverage near 95% is √(0.95·0.05/2000) ≈ 0.0049
// and ±3.5 of them is the tolerance. A customer's B class equals the A class with probability
// `stay`, else it is drawn from `b`, so the two answers are positively correlated as in real
// before/after surveys.

const SCORE = [10, 8, 3]; // a promoter, a passive, a detractor answer
const REPLICATES = 2000;
const NOMINAL = 0.95;
const TOLERANCE = 3.5 * Math.sqrt((NOMINAL * (1 - NOMINAL)) / REPLICATES);

interface Scenario {
  n: number;
  a: [number, number, number];
  b: [number, number, number];
  stay: number;
}

function coverage(s: Scenario, method: 'adjusted-wald' | 'wald', seed: number): number {
  const rng = seededRandom(seed);
  const pick = (p: readonly number[]) => {
    const u = rng();
    return u < (p[0] as number) ? 0 : u < (p[0] as number) + (p[1] as number) ? 1 : 2;
  };
  // True difference in points: E[c(A)] − E[c(B)], c = +1, 0, −1.
  const net = (p: readonly number[]) => (p[0] as number) - (p[2] as number);
  const bMargin = s.a.map((pa, k) => s.stay * pa + (1 - s.stay) * (s.b[k] as number));
  const truth = 100 * (net(s.a) - net(bMargin));
  let covered = 0;
  const pairs: [number, number][] = new Array(s.n);
  for (let r = 0; r < REPLICATES; r++) {
    for (let i = 0; i < s.n; i++) {
      const ca = pick(s.a);
      const cb = rng() < s.stay ? ca : pick(s.b);
      pairs[i] = [SCORE[ca] as number, SCORE[cb] as number];
    }
    const d = compareNpsPaired(pairs, { method });
    if (d.lower <= truth && truth <= d.upper) covered++;
  }
  return covered / REPLICATES;
}

describe('compareNpsPaired coverage at 95% (seeded simulation, 2000 replicates each)', () => {
  it.each([
    ['typical shares, 50 pairs', { n: 50, a: [0.5, 0.3, 0.2], b: [0.4, 0.3, 0.3], stay: 0.6 }],
    ['equal margins, 100 pairs', { n: 100, a: [0.45, 0.35, 0.2], b: [0.45, 0.35, 0.2], stay: 0.7 }],
    ['mostly detractors, 30 pairs', { n: 30, a: [0.1, 0.2, 0.7], b: [0.3, 0.3, 0.4], stay: 0.3 }],
    ['few customers change class, 300 pairs', { n: 300, a: [0.3, 0.4, 0.3], b: [0.6, 0.3, 0.1], stay: 0.9 }],
  ] as [string, Scenario][])('adjusted-wald is within a binomial tolerance of nominal: %s', (_, s) => {
    const c = coverage(s, 'adjusted-wald', 11);
    expect(c).toBeGreaterThanOrEqual(NOMINAL - TOLERANCE);
    expect(c).toBeLessThanOrEqual(NOMINAL + TOLERANCE);
  });

  it('adjusted-wald stays at or above nominal where Wald collapses (90% promoters, 20 pairs)', () => {
    const s: Scenario = { n: 20, a: [0.9, 0.08, 0.02], b: [0.85, 0.1, 0.05], stay: 0.8 };
    expect(coverage(s, 'adjusted-wald', 12)).toBeGreaterThanOrEqual(NOMINAL - TOLERANCE);
    // The reason for the default: Wald's interval has zero width whenever nobody changed class.
    expect(coverage(s, 'wald', 12)).toBeLessThan(0.8);
  });
});
