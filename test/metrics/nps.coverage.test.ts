import { describe, expect, it } from 'vitest';
import { type NpsMethod, npsFromCounts, proportionInterval } from '../../src/index.ts';

/**
 * Exact coverage, no simulation: enumerate every outcome of n answers under true shares
 * (p₊, p₋), weight each by its multinomial probability, and add up the probability that the
 * interval contains the true NPS. This is what "95%" promises.
 */
function exactCoverage(n: number, pPlus: number, pMinus: number, method: NpsMethod): number {
  const truth = 100 * (pPlus - pMinus);
  const pPass = 1 - pPlus - pMinus;
  const logFactorial = [0];
  for (let i = 1; i <= n; i++) logFactorial.push((logFactorial[i - 1] as number) + Math.log(i));
  const lf = (k: number) => logFactorial[k] as number;
  let coverage = 0;
  for (let promoters = 0; promoters <= n; promoters++) {
    for (let detractors = 0; promoters + detractors <= n; detractors++) {
      const passives = n - promoters - detractors;
      const logP =
        lf(n) -
        lf(promoters) -
        lf(detractors) -
        lf(passives) +
        promoters * Math.log(pPlus) +
        detractors * Math.log(pMinus) +
        passives * Math.log(pPass);
      const r = npsFromCounts({ promoters, passives, detractors }, { method });
      if (r.lower <= truth && truth <= r.upper) coverage += Math.exp(logP);
    }
  }
  return coverage;
}

describe('NPS interval coverage, computed exactly over all outcomes', () => {
  // Typical B2B/B2C mixes: NPS around +20 and around −10, n = 60 answers.
  const scenarios = [
    [0.45, 0.25],
    [0.3, 0.4],
  ] as const;

  it.each(scenarios)('adjusted-wald covers within a point of 95%% at p₊ = %f, p₋ = %f, n = 60', (pPlus, pMinus) => {
    const c = exactCoverage(60, pPlus, pMinus, 'adjusted-wald');
    expect(c).toBeGreaterThan(0.935);
    expect(c).toBeLessThan(0.97);
  });

  it.each(scenarios)('tango covers within a point of 95%% at p₊ = %f, p₋ = %f, n = 60', (pPlus, pMinus) => {
    const c = exactCoverage(60, pPlus, pMinus, 'tango');
    expect(c).toBeGreaterThan(0.935);
    expect(c).toBeLessThan(0.97);
  });

  it('wald undercovers near the edge (p₊ = 0.85, p₋ = 0.03, n = 30) while adjusted-wald does not', () => {
    const wald = exactCoverage(30, 0.85, 0.03, 'wald');
    const adjusted = exactCoverage(30, 0.85, 0.03, 'adjusted-wald');
    expect(wald).toBeLessThan(0.93);
    expect(adjusted).toBeGreaterThan(wald);
    expect(adjusted).toBeGreaterThan(0.93);
  });
});

describe('proportion interval coverage, computed exactly', () => {
  function coverage(n: number, p: number, method: 'wilson' | 'wald' | 'clopper-pearson'): number {
    let total = 0;
    let logChoose = 0;
    for (let x = 0; x <= n; x++) {
      if (x > 0) logChoose += Math.log((n - x + 1) / x);
      const ci = proportionInterval(x, n, { method });
      if (ci.lower <= p && p <= ci.upper) total += Math.exp(logChoose + x * Math.log(p) + (n - x) * Math.log1p(-p));
    }
    return total;
  }

  it('Clopper–Pearson never undercovers, Wilson stays near 95%, Wald undercovers at p = 0.05, n = 40', () => {
    expect(coverage(40, 0.05, 'clopper-pearson')).toBeGreaterThanOrEqual(0.95);
    expect(coverage(40, 0.05, 'wilson')).toBeGreaterThan(0.92);
    expect(coverage(40, 0.05, 'wald')).toBeLessThan(0.9);
  });
});
