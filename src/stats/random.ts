import { CxMetricsError } from '../errors.ts';
import { logGamma } from './special.ts';

/**
 * Random variates driven by a caller-supplied uniform generator (see `seededRandom`).
 * Internal building blocks for bootstrap and Bayesian intervals.
 * @internal
 */

/** Standard normal variate by the Box–Muller transform (Box & Muller 1958). */
export function randomNormal(rng: () => number): number {
  const u1 = 1 - rng(); // (0, 1]: log stays finite
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Gamma(shape, 1) variate: Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3):363–372, doi:10.1145/358407.358414; shape < 1 by the boost
 * Gamma(a) = Gamma(a + 1)·U^{1/a}.
 */
export function randomGamma(shape: number, rng: () => number): number {
  if (shape < 1) {
    const u = 1 - rng();
    return randomGamma(shape + 1, rng) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  // Acceptance is above 95% per try for any shape; thousands of rejections mean a broken rng.
  for (let tries = 0; ; tries++) {
    if (tries > MAX_REJECTIONS) throw degenerate();
    const x = randomNormal(rng);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Binomial(n, p) variate in O(1) expected time whatever n: inversion by sequential search when
 * n·min(p, 1−p) < 10, otherwise BTRS, the transformed rejection with squeeze of W. Hörmann
 * (1993), "The generation of binomial random variates", J. Statist. Comput. Simul. 46:101–110,
 * doi:10.1080/00949659308811496.
 */
export function randomBinomial(n: number, p: number, rng: () => number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - randomBinomial(n, 1 - p, rng);
  if (n * p < 10) return binomialInversion(n, p, rng);
  return binomialBtrs(n, p, rng);
}

function binomialInversion(n: number, p: number, rng: () => number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const r0 = q ** n;
  for (let tries = 0; ; tries++) {
    if (tries > MAX_REJECTIONS) throw degenerate();
    let r = r0;
    let u = rng();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      r *= a / x - s;
      if (x > n) break;
    }
    if (x <= n) return x;
  }
}

function logFactorial(k: number): number {
  return logGamma(k + 1);
}

function binomialBtrs(n: number, p: number, rng: () => number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (let tries = 0; ; tries++) {
    if (tries > MAX_REJECTIONS) throw degenerate();
    const u = rng() - 0.5;
    let v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

const MAX_REJECTIONS = 10_000;

function degenerate(): CxMetricsError {
  return new CxMetricsError(
    'INVALID_OPTION',
    'rng: the random number generator keeps returning values that no sampler can accept (is it constant?); pass a real generator or a seed',
  );
}
