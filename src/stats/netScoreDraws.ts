import type { TrinomialCounts } from './netScore.ts';
import { randomBinomial, randomGamma } from './random.ts';

/**
 * Net scores (−1…1) of `resamples` multinomial resamples of size round(n) from the observed
 * shares: two binomial draws each (positives, then negatives among the rest), so a draw costs O(1)
 * whatever n (Efron & Tibshirani 1993, An Introduction to the Bootstrap, the parametric
 * multinomial bootstrap). @internal
 */
export function resampledNetScoreDraws(
  shares: TrinomialCounts,
  n: number,
  resamples: number,
  rng: () => number,
): Float64Array {
  const size = Math.max(1, Math.round(n));
  const draws = new Float64Array(resamples);
  const rest = 1 - shares.positive;
  const negativeGivenNotPositive = rest > 0 ? Math.min(1, shares.negative / rest) : 0;
  for (let b = 0; b < draws.length; b++) {
    const positive = randomBinomial(size, shares.positive, rng);
    const negative = randomBinomial(size - positive, negativeGivenNotPositive, rng);
    draws[b] = (positive - negative) / size;
  }
  return draws;
}

/**
 * Draws of p₊ − p₋ from the Dirichlet(1 + P, 1 + O, 1 + N) posterior (counts scaled by `toN`, so
 * weighted pseudo-counts sum to the effective n), by normalised gamma variates. @internal
 */
export function posteriorNetScoreDraws(
  c: TrinomialCounts,
  toN: number,
  resamples: number,
  rng: () => number,
): Float64Array {
  const draws = new Float64Array(resamples);
  const a = 1 + c.positive * toN;
  const b = 1 + c.neutral * toN;
  const d = 1 + c.negative * toN;
  for (let i = 0; i < draws.length; i++) {
    const gp = randomGamma(a, rng);
    const go = randomGamma(b, rng);
    const gd = randomGamma(d, rng);
    draws[i] = (gp - gd) / (gp + go + gd);
  }
  return draws;
}
