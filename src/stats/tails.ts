import { normalCdf } from './normal.ts';
import { regularizedGamma } from './special.ts';

// Upper-tail probabilities for test p-values, each computed directly (never as 1 − cdf), so a
// p-value of 1e-20 keeps its digits.

/** P(X > x) for X ~ χ²(df), the regularized upper incomplete gamma Q(df/2, x/2). @internal */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return regularizedGamma(df / 2, x / 2).q;
}

/** Two-sided normal p-value 2·P(Z > |z|), at most 1. @internal */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}
