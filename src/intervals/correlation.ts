import { printable } from '../format/printable.ts';
import {
  type CorrelationOptions,
  type CorrelationResult,
  pearsonCorrelationResult,
  type SpearmanOptions,
  spearmanCorrelationResult,
} from '../stats/correlation.ts';

// The public correlations: the computation of src/stats/correlation.ts with the printed one-liner
// attached (`${r}`, String(r) and console.log give `Estimate 0.57 [-0.15, 0.90] (fisher-z, …)`).

/**
 * Pearson's product-moment correlation of paired values, with the Fisher-z confidence interval
 * and the t test of no correlation.
 *
 * r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), two passes (the means first). Interval:
 * tanh(atanh(r) ∓ z/√(n − 3)) (Fisher 1921); p-value: t = r√((n − 2)/(1 − r²)) on n − 2 degrees
 * of freedom, two-sided, computed as I_{1−r²}((n − 2)/2, ½) so it keeps its precision for strong
 * correlations. `standardError` is the delta-method (1 − r²)/√(n − 3). Agrees with R's
 * `cor.test(x, y, method = 'pearson')` to 1e-12 (test/fixtures/r-correlation.json).
 * References: Pearson (1896), doi:10.1098/rsta.1896.0007; Fisher (1921), "On the 'probable
 * error' of a coefficient of correlation deduced from a small sample", Metron 1, 3–32.
 *
 * @param x - values, finite numbers
 * @param y - paired values, as many as x
 * @param options - `confidence` (0.95)
 * @returns CorrelationResult: value = r in [−1, 1], lower, upper, n, pValue, statistic, df
 * @throws CxMetricsError INVALID_VALUE (with index) for a value that is not a finite number or
 *   arrays of different lengths; INSUFFICIENT_DATA for fewer than 4 pairs or a constant x or y
 *   (no correlation is defined); INVALID_OPTION for a bad option
 * @example
 * const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1]
 * const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8]
 * const r = pearsonCorrelation(x, y)
 * r.value // => 0.5711816 (to 1e-7) (as R's cor.test)
 * r.lower // => -0.1497426 (to 1e-7)
 * r.upper // => 0.8955795 (to 1e-7)
 * r.pValue // => 0.1081731 (to 1e-6)
 */
export function pearsonCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: CorrelationOptions,
): CorrelationResult {
  return printable(pearsonCorrelationResult('pearsonCorrelation', x, y, options));
}

/**
 * Spearman's rank correlation rho of paired values (ties get average ranks), with a Fisher-z
 * confidence interval and the t test of no correlation.
 *
 * rho = Pearson's r of the mid-ranks (tied values share the mean of their ranks; Spearman 1904),
 * so ties in Likert-scale ratings are handled. Interval: tanh(atanh(rho) ∓ z·√(v/(n − 3))) with
 * v = 1 + rho²/2 (`'bonett-wright'`, Bonett & Wright 2000, doi:10.1007/BF02294183: accurate for
 * |rho| up to about 0.9) or v = 1.06 (`'fieller'`, Fieller, Hartley & Pearson 1957,
 * doi:10.1093/biomet/44.3-4.470; the two are close for |rho| < 0.5). p-value: t = rho√((n − 2)/(1 − rho²))
 * on n − 2 degrees of freedom, as R's `cor.test(x, y, method = 'spearman', exact = FALSE)` — the
 * asymptotic test R uses whenever there are ties (R's exact permutation p-value for n < 1290
 * without ties is not computed here). `standardError` is (1 − rho²)·√(v/(n − 3)), as statpsych's
 * `ci.spear`. Agrees with R to 1e-12 (test/fixtures/r-correlation.json).
 *
 * @param x - values, finite numbers (e.g. ratings of a touchpoint, 1–5)
 * @param y - paired values, as many as x (e.g. the same respondents' NPS answers, 0–10)
 * @param options - `variance` ('bonett-wright'), `confidence` (0.95)
 * @returns CorrelationResult: value = rho in [−1, 1], lower, upper, n, pValue, statistic, df
 * @throws CxMetricsError INVALID_VALUE (with index) for a value that is not a finite number or
 *   arrays of different lengths; INSUFFICIENT_DATA for fewer than 4 pairs or a constant x or y;
 *   INVALID_OPTION for a bad option
 * @example
 * const y = [21, 4, 9, 12, 35, 18, 10, 22, 24, 1, 6, 8, 13, 16, 19]
 * const x = [67, 28, 30, 28, 52, 40, 25, 37, 44, 10, 14, 20, 28, 40, 51]
 * const rho = spearmanCorrelation(x, y)
 * rho.value // => 0.8699639 (to 1e-7) (as statpsych's ci.spear)
 * rho.lower // => 0.5840951 (to 1e-7)
 * rho.upper // => 0.9638297 (to 1e-7)
 * rho.standardError // => 0.08241326 (to 1e-7)
 */
export function spearmanCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: SpearmanOptions,
): CorrelationResult {
  return printable(spearmanCorrelationResult('spearmanCorrelation', x, y, options));
}
