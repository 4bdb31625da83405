import { regularizedBeta } from './special.ts';

/**
 * P(K ≤ k) for K ~ Binomial(n, p), through I_{1−p}(n − k, k + 1) (Abramowitz & Stegun 26.5.24).
 * @internal
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return regularizedBeta(1 - p, n - k, k + 1, p).p;
}
