/**
 * Special functions behind the distributions: log-gamma, the regularized incomplete gamma and
 * beta functions, and the saddle-point densities that keep them accurate for large parameters.
 * Self-contained (no dependency) so that a consumer bundles only these few kilobytes.
 *
 * Accuracy is checked against mpmath at 30 digits on 1157 cases in
 * test/fixtures/distributions.json (1e-10 relative or better throughout).
 *
 * @internal
 */

const LANCZOS_G = 7;
// Godfrey's coefficients for g = 7, n = 9 (relative error of Γ below 2e-15 on the real line).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** log √(2π) */
const LN_SQRT_2PI = 0.9189385332046728;

/** log Γ(x) for x > 0 by the Lanczos approximation (Lanczos 1964, doi:10.1137/0701008). */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** log(n!) − log(√(2πn)·(n/e)ⁿ), the error of Stirling's formula, for real n > 0 (Loader 2000). */
function stirlingError(n: number): number {
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n <= 15) return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** x·log(x/m) + m − x, without cancellation when x ≈ m (Loader 2000, "bd0"). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * mᵏe⁻ᵐ/Γ(k + 1) for real k ≥ 0, m > 0, by Loader's saddle-point form (C. Loader, "Fast and
 * accurate computation of binomial probabilities", 2000; R's `dpois_raw`). Avoids the
 * cancellation in k·log m − m − log Γ(k + 1) at large k.
 */
export function poissonDensityRaw(k: number, m: number): number {
  if (k === 0) return Math.exp(-m);
  if (k <= m * Number.MIN_VALUE) return Math.exp(-m);
  if (m < k * Number.MIN_VALUE) return Math.exp(-m + k * Math.log(m) - logGamma(k + 1));
  return Math.exp(-stirlingError(k) - deviance(k, m)) / Math.sqrt(2 * Math.PI * k);
}

/**
 * Γ(a + b + 1)/(Γ(a + 1)Γ(b + 1))·xᵃyᵇ for real a, b > 0 and y = 1 − x given separately: the
 * binomial density at a successes in a + b trials, by Loader's saddle-point method (C. Loader
 * 2000; R's `dbinom_raw`). Takes a and b rather than k and n so that n − k is exact even when
 * one shape is tiny next to the other (the t distribution with 10⁷ degrees of freedom).
 */
export function binomialTerm(a: number, b: number, x: number, y: number): number {
  if (x === 0 || y === 0) return 0;
  const n = a + b;
  const lc = stirlingError(n) - stirlingError(a) - stirlingError(b) - deviance(a, n * x) - deviance(b, n * y);
  const lf = 2 * LN_SQRT_2PI + Math.log(a) + Math.log(b) - Math.log(n);
  return Math.exp(lc - 0.5 * lf);
}

/**
 * Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each computed
 * directly so that a small tail keeps its relative accuracy: the power series for P when
 * x < a + 1, the Legendre continued fraction (modified Lentz) for Q otherwise (Numerical Recipes,
 * 3rd ed., §6.2), both scaled by the saddle-point prefactor xᵃe⁻ˣ/Γ(a + 1). Both converge in
 * O(√a) terms near x ≈ a.
 */
export function regularizedGamma(a: number, x: number): { p: number; q: number } {
  if (Number.isNaN(a) || Number.isNaN(x)) return { p: Number.NaN, q: Number.NaN };
  if (x <= 0) return { p: 0, q: 1 };
  if (x === Number.POSITIVE_INFINITY) return { p: 1, q: 0 };
  const prefix = poissonDensityRaw(a, x); // xᵃe⁻ˣ/Γ(a + 1)
  if (x < a + 1) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 10_000_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * Number.EPSILON) break;
    }
    const p = Math.min(1, prefix * sum);
    return { p, q: 1 - p };
  }
  const h = continuedFraction(
    x + 1 - a,
    (i) => -i * (i - a),
    (i) => x + 1 - a + 2 * i,
  );
  const q = Math.min(1, prefix * a * h); // xᵃe⁻ˣ/Γ(a) = a · xᵃe⁻ˣ/Γ(a + 1)
  return { p: 1 - q, q };
}

/**
 * Regularized incomplete beta function I_x(a, b) and its complement 1 − I_x(a, b), each computed
 * directly. Continued fraction (Numerical Recipes, 3rd ed., §6.4; DLMF 8.17.22) on whichever side
 * of the mean converges, scaled by the saddle-point prefactor xᵃ(1−x)ᵇ/B(a, b), which stays
 * accurate for shapes in the thousands.
 *
 * @param x - point in [0, 1]
 * @param y - 1 − x, passed separately when the caller has it more precisely
 */
export function regularizedBeta(x: number, a: number, b: number, y: number = 1 - x): { p: number; q: number } {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(y)) return { p: Number.NaN, q: Number.NaN };
  if (x <= 0) return { p: 0, q: 1 };
  if (y <= 0) return { p: 1, q: 0 };
  // xᵃyᵇ/B(a, b) = C(a + b, a)·xᵃyᵇ · ab/(a + b), with the binomial term by Loader's method.
  const prefix = (binomialTerm(a, b, x, y) * a * b) / (a + b);
  if (x < (a + 1) / (a + b + 2)) {
    const p = Math.min(1, (prefix * betaFraction(x, a, b)) / a);
    return { p, q: 1 - p };
  }
  const q = Math.min(1, (prefix * betaFraction(y, b, a)) / b);
  return { p: 1 - q, q };
}

/** The continued fraction of I_x(a, b) (NR's `betacf`), evaluated by modified Lentz. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < Number.EPSILON) break;
  }
  return h;
}

/** 1/(b₀ + a₁/(b₁ + a₂/(b₂ + …))), evaluated by the modified Lentz method. */
function continuedFraction(b0: number, a: (i: number) => number, b: (i: number) => number): number {
  const tiny = 1e-300;
  let c = 1 / tiny;
  let d = 1 / b0;
  let h = d;
  for (let i = 1; i < 10_000_000; i++) {
    const an = a(i);
    const bn = b(i);
    d = an * d + bn;
    if (Math.abs(d) < tiny) d = tiny;
    c = bn + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < Number.EPSILON) break;
  }
  return h;
}
