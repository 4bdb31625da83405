import { printable } from '../format/printable.ts';
import { type ProportionIntervalOptions, proportionIntervalResult } from '../stats/proportionInterval.ts';
import type { ProportionResult } from '../summary/proportionFamily.ts';

/**
 * Confidence interval for a binomial proportion p = successes / n.
 *
 * Methods (z = Φ⁻¹(1 − α/2), p̂ = x/n):
 * - `'wilson'` (default): the score interval, (x + z²/2)/(n + z²) ± z/(n + z²)·√(x(n − x)/n + z²/4).
 *   Wilson (1927), doi:10.1080/01621459.1927.10502953. Coverage close to nominal even for small n;
 *   recommended by Brown, Cai & DasGupta (2001), doi:10.1214/ss/1009213286.
 * - `'agresti-coull'`: Wald on ñ = n + z², p̃ = (x + z²/2)/ñ (the z-based form, as statsmodels;
 *   not the "add 2 and 2" shortcut). Agresti & Coull (1998), doi:10.1080/00031305.1998.10480550.
 * - `'clopper-pearson'`: exact, from beta quantiles B(α/2; x, n − x + 1) and B(1 − α/2; x + 1,
 *   n − x). Clopper & Pearson (1934), doi:10.1093/biomet/26.4.404. Conservative.
 * - `'jeffreys'`: equal-tailed Beta(x + ½, n − x + ½) posterior interval, with the lower bound
 *   pinned to 0 at x = 0 and the upper to 1 at x = n (Brown, Cai & DasGupta's modification;
 *   statsmodels does not pin, so its bound there is slightly inside).
 * - `'wald'`: p̂ ± z·√(p̂(1 − p̂)/n). Taught everywhere, poor coverage near 0 and 1 and for small n;
 *   included for comparison with spreadsheets. Zero width at x = 0 or x = n.
 * Wald and Agresti–Coull bounds are clipped to [0, 1] with a CLIPPED warning.
 * Agrees with statsmodels 0.13.5 `proportion_confint` to 1e-9 (test/fixtures).
 *
 * @param successes - number of successes x, a whole number from 0 to n
 * @param n - number of trials, a whole number ≥ 1
 * @param options - `method`, `confidence`
 * @returns ProportionResult (kind 'proportion'; the same as `estimate(summarize('proportion', { successes, n }))`) with value = x/n, standardError = √(p̂(1 − p̂)/n)
 * @throws CxMetricsError EMPTY_INPUT when n is 0; INVALID_VALUE for counts that are not whole
 *   numbers or successes > n; INVALID_OPTION for an unknown method or confidence outside (0, 1),
 *   options that are not a plain object, or an unknown option key
 * @example
 * const ci = proportionInterval(42, 50)
 * ci.value // => 0.84
 * ci.lower // => 0.7148578393696502 (to 1e-14)
 * ci.upper // => 0.9166257932196661 (to 1e-14)
 */
export function proportionInterval(
  successes: number,
  n: number,
  options?: ProportionIntervalOptions,
): ProportionResult {
  return printable({ kind: 'proportion', ...proportionIntervalResult('proportionInterval', successes, n, options) });
}
